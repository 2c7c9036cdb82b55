//! `jobseal check`: one posting (a JSON object, pretty-printed or not) or many (JSON Lines).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use jobseal::engine::Posting;

use super::input::{self, Item};
use super::{safe, text, Format, Settings};

/// Streams postings from `file` (`None` or `-`: stdin) and hands each to `each`, which writes its
/// output; bad lines are named on stderr (input and line) and skipped. A write error (stdout closed,
/// e.g. piped into `head`) stops quietly. Returns whether a line was bad, or the exit code when the
/// input cannot be opened.
fn for_each_posting(
    file: Option<&Path>,
    jsonl: bool,
    mut each: impl FnMut(&mut dyn Write, &Posting) -> io::Result<()>,
) -> Result<bool, i32> {
    let input = match input::open(file) {
        Ok(i) if jsonl => i.lines_only(),
        Ok(i) => i,
        Err(e) => {
            let what = file.map_or("stdin".to_string(), |p| p.display().to_string());
            eprintln!("jobseal: cannot read {}: {e}", safe::line(&what));
            return Err(2);
        }
    };
    let name = safe::line(&input.name).into_owned();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bad = false;
    input.for_each(|item| match item {
        Item::Posting(p) => each(&mut out, &p).is_ok(),
        Item::Bad { line, message } => {
            bad = true;
            // Reports before the bad line reach stdout first, so the two streams interleave sensibly.
            let _ = out.flush();
            eprintln!("jobseal: {name}: line {line}: {}", safe::line(&message));
            true
        }
    });
    let _ = out.flush();
    Ok(bad)
}

/// `jobseal jsonld`: postings in, schema.org JobPosting JSON-LD out, one per line, with `<`, `>` and `&`
/// escaped (`\u003c`) so each line can go inside `<script type="application/ld+json">` as it is.
pub fn jsonld(file: Option<&Path>, today: jobseal::engine::Date) -> i32 {
    use jobseal::engine::jsonld::{to_jsonld, to_script_text};
    let result = for_each_posting(file, false, |out, p| {
        writeln!(out, "{}", to_script_text(&to_jsonld(p, today)))
    });
    match result {
        Ok(bad) => 2 * i32::from(bad),
        Err(code) => code,
    }
}

pub fn run(file: Option<&Path>, s: &Settings, format: Format, jsonl: bool) -> i32 {
    let mut errors = false;
    let result = for_each_posting(file, jsonl, |out, p| {
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
