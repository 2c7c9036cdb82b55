//! `--format text`: a listing a person can read, with the offending characters marked 【like this】.

use std::io::{self, Write};

use jobseal::engine::{byte_of_utf16 as byte_of, Field, Posting, Report};

use super::safe;

pub fn write(out: &mut dyn Write, posting: &Posting, report: &Report) -> io::Result<()> {
    // The id and the excerpts are the posting's text: escaped (see safe.rs).
    let id = safe::line(report.id.as_deref().unwrap_or("(no id)"));
    let verdict = if report.ok { "ok" } else { "has errors" };
    writeln!(out, "{id}: {verdict}, {} finding(s)", report.findings.len())?;
    for f in &report.findings {
        writeln!(out, "  {:<7} {} [{}] {}", f.severity, f.rule, f.category, f.field)?;
        writeln!(out, "          {}", f.message)?;
        writeln!(out, "          依据/basis: {}", f.basis)?;
        let text = Field::from_name(f.field)
            .and_then(|field| posting.get(field))
            .unwrap_or("");
        if f.start == f.end && text.is_empty() {
            writeln!(out, "          (missing)")?;
        } else {
            let (a, b) = (byte_of(text, f.start), byte_of(text, f.end));
            let (lo, hi) = (text[..a].char_indices().rev().nth(19).map_or(0, |(i, _)| i), {
                text[b..]
                    .char_indices()
                    .nth(20)
                    .map_or(text.len(), |(i, _)| b + i)
            });
            let show = |s: &str| safe::multiline(&s.replace('\n', "⏎")).into_owned();
            writeln!(
                out,
                "          …{}【{}】{}…",
                show(&text[lo..a]),
                show(&text[a..b]),
                show(&text[b..hi])
            )?;
        }
        if let Some(fix) = &f.fix {
            match fix.kind {
                "remove" => writeln!(out, "          fix: remove")?,
                _ => writeln!(
                    out,
                    "          fix: {} → \"{}\"",
                    fix.kind,
                    safe::line(&fix.replacement)
                )?,
            }
        }
    }
    Ok(())
}
