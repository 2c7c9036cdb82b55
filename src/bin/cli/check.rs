//! `jobseal check`: one posting (a JSON object, pretty-printed or not) or many (JSON Lines).

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use jobseal::engine::Posting;
use serde_json::Value;

use super::{safe, text, Format, Settings};

/// One unit of input: a posting or the reason a line could not be read.
pub enum Item {
    Posting(Box<Posting>),
    Bad { line: usize, message: String },
}

/// Splits input into postings: a single JSON object (possibly spanning lines), else JSON Lines.
pub fn items(input: &str) -> Vec<Item> {
    let trimmed = input.trim();
    if trimmed.starts_with('{') {
        if let Ok(value) = jobseal::engine::json::parse(trimmed) {
            return vec![to_item(&value, first_line(input))];
        }
    }
    input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| match jobseal::engine::json::parse(l) {
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
            eprintln!("jobseal: cannot read {}: {e}", safe::line(&what));
            Err(2)
        }
    }
}

/// Reads postings from `file` (or stdin) and hands each to `each`, which writes its output; bad
/// lines are named on stderr and skipped. A write error (stdout closed, e.g. piped into `head`) stops
/// quietly. Returns whether a line was bad, or the exit code when the input cannot be read at all.
fn for_each_posting(
    file: Option<&Path>,
    mut each: impl FnMut(&mut dyn Write, &Posting) -> io::Result<()>,
) -> Result<bool, i32> {
    let input = read_input(file)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bad = false;
    for item in items(&input) {
        match item {
            Item::Posting(p) => {
                if each(&mut out, &p).is_err() {
                    return Ok(bad);
                }
            }
            Item::Bad { line, message } => {
                bad = true;
                let _ = out.flush();
                eprintln!("jobseal: line {line}: {}", safe::line(&message));
            }
        }
    }
    let _ = out.flush();
    Ok(bad)
}

/// `jobseal jsonld`: postings in, schema.org JobPosting JSON-LD out, one per line, with `<`, `>` and `&`
/// escaped (`\u003c`) so each line can go inside `<script type="application/ld+json">` as it is.
pub fn jsonld(file: Option<&Path>, today: jobseal::engine::Date) -> i32 {
    use jobseal::engine::jsonld::{to_jsonld, to_script_text};
    let result = for_each_posting(file, |out, p| {
        writeln!(out, "{}", to_script_text(&to_jsonld(p, today)))
    });
    match result {
        Ok(bad) => 2 * i32::from(bad),
        Err(code) => code,
    }
}

pub fn run(file: Option<&Path>, s: &Settings, format: Format) -> i32 {
    let mut errors = false;
    let result = for_each_posting(file, |out, p| {
        let report = s.report(p);
        errors |= !report.ok;
        match format {
            Format::Json => serde_json::to_string(&report)
                .map_err(io::Error::other)
                .and_then(|line| writeln!(out, "{line}")),
            Format::Text => text::write(out, p, &report),
        }
    });
    match result {
        Ok(true) => 2,
        Ok(false) => i32::from(errors),
        Err(code) => code,
    }
}
