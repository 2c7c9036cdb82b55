//! Reading postings as a stream: JSON Lines a line at a time (memory stays bounded however long the
//! input), or one pretty-printed JSON object. `-` (or no file) is stdin. Used by `check` and `jsonld`.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use jobseal::engine::Posting;

/// A document starting with a line that is not a JSON object by itself (`{` alone, as pretty-printed
/// JSON starts) is read whole as one object, up to this many bytes; past that, or when the whole does
/// not parse, its lines are read as JSON Lines.
const MAX_DOCUMENT: usize = 16 << 20;

/// One unit of input: a posting or the reason a line could not be read.
pub enum Item {
    Posting(Box<Posting>),
    Bad { line: usize, message: String },
}

/// An open input and the name its messages use ("stdin" or the path).
pub struct Input {
    pub name: String,
    reader: Box<dyn BufRead>,
    /// JSON Lines only: a first line that does not parse is a bad line, never the start of a document.
    lines_only: bool,
}

/// Opens `file`; `None` and `-` mean stdin.
pub fn open(file: Option<&Path>) -> io::Result<Input> {
    match file {
        None => Ok(stdin()),
        Some(p) if p.as_os_str() == "-" => Ok(stdin()),
        Some(p) => Ok(Input {
            name: p.display().to_string(),
            reader: Box::new(BufReader::with_capacity(1 << 16, File::open(p)?)),
            lines_only: false,
        }),
    }
}

fn stdin() -> Input {
    Input {
        name: "stdin".to_string(),
        reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        lines_only: false,
    }
}

/// A line of JSON → an item (`line` is 1-based, for messages).
pub fn item(text: &str, line: usize) -> Item {
    match jobseal::engine::json::parse(text) {
        Ok(value) => match Posting::from_value(&value) {
            Ok(p) => Item::Posting(Box::new(p)),
            Err(e) => Item::Bad {
                line,
                message: e.to_string(),
            },
        },
        Err(e) => Item::Bad {
            line,
            message: format!("not valid JSON: {e}"),
        },
    }
}

/// One line read: its 1-based number and text, or why it could not be read.
enum Line {
    Text(usize, String),
    /// Not UTF-8: a bad line; reading goes on.
    Bad(usize, String),
    /// The input itself failed (an I/O error): the last item.
    Failed(usize, String),
    End,
}

impl Input {
    /// Reads JSON Lines only (`check --jsonl`).
    pub fn lines_only(self) -> Input {
        Input {
            lines_only: true,
            ..self
        }
    }

    fn next_line(&mut self, line_no: &mut usize, buf: &mut Vec<u8>) -> Line {
        loop {
            buf.clear();
            match self.reader.read_until(b'\n', buf) {
                Ok(0) => return Line::End,
                Ok(_) => *line_no += 1,
                Err(e) => return Line::Failed(*line_no + 1, format!("unreadable: {e}")),
            }
            match std::str::from_utf8(buf) {
                Ok(t) if t.trim().is_empty() => continue,
                Ok(t) => return Line::Text(*line_no, t.to_string()),
                Err(_) => return Line::Bad(*line_no, "not UTF-8 text".to_string()),
            }
        }
    }

    /// Reads the postings and hands each item to `each`, in input order, until the input ends or
    /// `each` returns false. Blank lines are skipped; a read error ends the stream with a `Bad` item.
    pub fn for_each(mut self, mut each: impl FnMut(Item) -> bool) {
        let mut line_no = 0usize;
        let mut buf = Vec::new();
        // Only the first non-blank line may begin a pretty-printed document.
        let mut first = !self.lines_only;
        loop {
            let line = self.next_line(&mut line_no, &mut buf);
            let may_begin_document = std::mem::replace(&mut first, false);
            let it = match line {
                Line::End => return,
                Line::Failed(line, message) => {
                    each(Item::Bad { line, message });
                    return;
                }
                Line::Bad(line, message) => Item::Bad { line, message },
                Line::Text(n, text) => {
                    let it = item(&text, n);
                    if may_begin_document
                        && matches!(it, Item::Bad { .. })
                        && text.trim_start().starts_with('{')
                    {
                        if !self.document(text, n, &mut line_no, &mut buf, &mut each) {
                            return;
                        }
                        continue;
                    }
                    it
                }
            };
            if !each(it) {
                return;
            }
        }
    }

    /// The first line began an object but is not one by itself: read on as one document (bounded),
    /// then either one posting or, if the whole is not one JSON value, its lines one by one. Returns
    /// whether to go on reading lines after it.
    fn document(
        &mut self,
        first: String,
        start: usize,
        line_no: &mut usize,
        buf: &mut Vec<u8>,
        each: &mut impl FnMut(Item) -> bool,
    ) -> bool {
        let mut lines = vec![(start, first)];
        let mut size = lines[0].1.len();
        let mut ended = false;
        while size <= MAX_DOCUMENT {
            match self.next_line(line_no, buf) {
                Line::End => {
                    ended = true;
                    break;
                }
                Line::Text(n, t) => {
                    size += t.len();
                    lines.push((n, t));
                }
                Line::Bad(line, message) => {
                    // Not one document: replay what was read, then this line, then go on.
                    return replay(&lines, each) && each(Item::Bad { line, message });
                }
                Line::Failed(line, message) => {
                    if replay(&lines, each) {
                        each(Item::Bad { line, message });
                    }
                    return false;
                }
            }
        }
        if ended {
            let whole: String = lines.iter().map(|(_, t)| t.as_str()).collect();
            if let Ok(value) = jobseal::engine::json::parse(whole.trim()) {
                each(match Posting::from_value(&value) {
                    Ok(p) => Item::Posting(Box::new(p)),
                    Err(e) => Item::Bad {
                        line: start,
                        message: e.to_string(),
                    },
                });
                return false;
            }
        }
        replay(&lines, each) && !ended
    }
}

/// Lines held back while a document was tried, as JSON Lines.
fn replay(lines: &[(usize, String)], each: &mut impl FnMut(Item) -> bool) -> bool {
    lines.iter().all(|(n, t)| each(item(t, *n)))
}
