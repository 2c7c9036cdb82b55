//! `jobseal check`: one posting (a JSON object, pretty-printed or not) or many (JSON Lines).

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use jobseal::engine::Posting;
use serde_json::Value;

use super::{text, Format, Settings};

/// One unit of input: a posting or the reason a line could not be read.
pub enum Item {
    Posting(Box<Posting>),
    Bad { line: usize, message: String },
}

/// Splits input into postings: a single JSON object (possibly spanning lines), else JSON Lines.
pub fn items(input: &str) -> Vec<Item> {
    let trimmed = input.trim();
    if trimmed.starts_with('{') {
        if let Ok(value) = serde_json::from_str::<Value>(trimmed) {
            return vec![to_item(&value, first_line(input))];
        }
    }
    input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| match serde_json::from_str::<Value>(l) {
            Ok(v) => to_item(&v, i + 1),
            Err(e) => Item::Bad {
                line: i + 1,
                message: format!("not valid JSON: {e}"),
            },
        })
        .collect()
}

fn first_line(input: &str) -> usize {
    input
        .lines()
        .position(|l| !l.trim().is_empty())
        .map_or(1, |i| i + 1)
}

fn to_item(value: &Value, line: usize) -> Item {
    match Posting::from_value(value) {
        Ok(p) => Item::Posting(Box::new(p)),
        Err(e) => Item::Bad {
            line,
            message: e.to_string(),
        },
    }
}

fn read_input(file: Option<&Path>) -> Result<String, i32> {
    let mut input = String::new();
    let read = match file {
        Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut input)),
        None => io::stdin().lock().read_to_string(&mut input),
    };
    match read {
        Ok(_) => Ok(input),
        Err(e) => {
            let what = file.map_or("stdin".to_string(), |p| p.display().to_string());
            eprintln!("jobseal: cannot read {what}: {e}");
            Err(2)
        }
    }
}

/// `jobseal jsonld`: postings in, schema.org JobPosting JSON-LD out, one per line.
pub fn jsonld(file: Option<&Path>, today: jobseal::engine::Date) -> i32 {
    let input = match read_input(file) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bad = false;
    for item in items(&input) {
        match item {
            Item::Posting(p) => {
                let ld = jobseal::engine::jsonld::to_jsonld(&p, today);
                if writeln!(out, "{ld}").is_err() {
                    return 0;
                }
            }
            Item::Bad { line, message } => {
                bad = true;
                let _ = out.flush();
                eprintln!("jobseal: line {line}: {message}");
            }
        }
    }
    let _ = out.flush();
    if bad {
        2
    } else {
        0
    }
}

pub fn run(file: Option<&Path>, s: &Settings, format: Format) -> i32 {
    let input = match read_input(file) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut errors, mut bad) = (false, false);
    for item in items(&input) {
        match item {
            Item::Posting(p) => {
                let report = s.checker.report_in(&p, Some(s.today), s.lang);
                errors |= !report.ok;
                let written = match format {
                    Format::Json => serde_json::to_string(&report)
                        .map_err(io::Error::other)
                        .and_then(|line| writeln!(out, "{line}")),
                    Format::Text => text::write(&mut out, &p, &report),
                };
                if written.is_err() {
                    // stdout closed (e.g. piped into head): stop quietly.
                    return i32::from(errors);
                }
            }
            Item::Bad { line, message } => {
                bad = true;
                let _ = out.flush();
                eprintln!("jobseal: line {line}: {message}");
            }
        }
    }
    let _ = out.flush();
    if bad {
        2
    } else {
        i32::from(errors)
    }
}
