//! `jobseal audit FILE.jsonl`: a compliance sweep over postings already published.
//!
//! Streams JSON Lines in chunks (memory stays flat however large the file), checks each chunk in
//! parallel on all cores (rayon), writes the reports in input order, and flushes after every chunk, so
//! that Ctrl-C leaves a complete, valid output up to the last finished posting. A progress bar (rate,
//! ETA) is drawn on stderr only when stderr is a terminal.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use jobseal::engine::{Field, Posting, Report};
use rayon::prelude::*;

use super::summary::{Slow, Summary, WorstRow};
use super::Settings;

/// Lines read, checked in parallel and written per round.
const CHUNK: usize = 4096;
const SLOWEST: usize = 10;
const WORST: usize = 20;

#[derive(Debug, clap::Args)]
pub struct AuditOpts {
    /// The postings, one JSON object (or schema.org JobPosting) per line; `-` is stdin.
    pub file: PathBuf,
    /// Where to write the reports, one per line (default: stdout).
    #[arg(long, value_name = "OUT.jsonl")]
    pub out: Option<PathBuf>,
    /// Write a self-contained HTML report for compliance officers.
    #[arg(long, value_name = "REPORT.html")]
    pub html: Option<PathBuf>,
    /// Write the summary as JSON as well.
    #[arg(long, value_name = "SUMMARY.json")]
    pub summary_json: Option<PathBuf>,
    /// Stop at the first unreadable line (default: report it and go on).
    #[arg(long)]
    pub fail_fast: bool,
    /// Worker threads (default: one per core).
    #[arg(long)]
    pub jobs: Option<usize>,
}

/// One checked line.
enum Outcome {
    Checked {
        line: usize,
        posting: Box<Posting>,
        report: Report,
        json: String,
        micros: u64,
    },
    Bad {
        line: usize,
        message: String,
    },
}

/// A posting kept for the HTML report's table of the worst.
struct Worst {
    line: usize,
    errors: usize,
    posting: Posting,
    report: Report,
}

fn check_line(s: &Settings, line: usize, text: &str) -> Outcome {
    let start = Instant::now();
    let value: serde_json::Value = match jobseal::engine::json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return Outcome::Bad {
                line,
                message: format!("not valid JSON: {e}"),
            }
        }
    };
    let posting = match Posting::from_value(&value) {
        Ok(p) => p,
        Err(e) => {
            return Outcome::Bad {
                line,
                message: e.to_string(),
            }
        }
    };
    let report = s.report(&posting);
    let json = match serde_json::to_string(&report) {
        Ok(j) => j,
        Err(e) => {
            return Outcome::Bad {
                line,
                message: e.to_string(),
            }
        }
    };
    let micros = start.elapsed().as_micros() as u64;
    Outcome::Checked {
        line,
        posting: Box::new(posting),
        report,
        json,
        micros,
    }
}

fn progress(file: &Path) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let len = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} · {msg} · ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

pub fn run(opts: &AuditOpts, s: &Settings) -> i32 {
    let stdin = opts.file.as_os_str() == "-";
    let name = if stdin {
        "stdin".to_string()
    } else {
        super::safe::line(&opts.file.display().to_string()).into_owned()
    };
    let input: Box<dyn io::Read> = match File::open(&opts.file) {
        _ if stdin => Box::new(io::stdin()),
        Ok(f) => Box::new(f),
        Err(e) => {
            eprintln!(
                "jobseal: cannot read {}: {e}",
                super::safe::line(&opts.file.display().to_string())
            );
            return 2;
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("jobseal: cannot start worker threads: {e}");
            return 2;
        }
    };
    let out: Box<dyn Write> = match &opts.out {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!(
                    "jobseal: cannot create {}: {e}",
                    super::safe::line(&path.display().to_string())
                );
                return 2;
            }
        },
        None => Box::new(io::stdout()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // A second Ctrl-C ends the process at once, as usual.
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }
    let bar = if stdin { None } else { progress(&opts.file) };
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let mut summary = Summary {
        threads: pool.current_num_threads(),
        ..Summary::default()
    };
    let mut worst: Vec<Worst> = Vec::new();
    let started = Instant::now();
    let mut line_no = 0usize;
    let mut bytes = 0u64;
    let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
    let mut eof = false;
    'rounds: while !eof && !stop.load(Ordering::SeqCst) {
        chunk.clear();
        while chunk.len() < CHUNK {
            let mut buf = String::new();
            match reader.read_line(&mut buf) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => {
                    bytes += n as u64;
                    line_no += 1;
                    if !buf.trim().is_empty() {
                        chunk.push((line_no, buf));
                    }
                }
                Err(e) => {
                    line_no += 1;
                    eprintln!(
                        "jobseal: {name}: line {line_no}: unreadable: {}",
                        super::safe::line(&e.to_string())
                    );
                    summary.bad_lines += 1;
                    if opts.fail_fast {
                        summary.stopped_at_bad_line = Some(line_no);
                        break 'rounds;
                    }
                }
            }
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(n, text)| check_line(s, *n, text))
                .collect()
        });
        for o in outcomes {
            match o {
                Outcome::Bad { line, message } => {
                    summary.bad_lines += 1;
                    let say = || eprintln!("jobseal: {name}: line {line}: {}", super::safe::line(&message));
                    match &bar {
                        Some(bar) => bar.suspend(say),
                        None => say(),
                    }
                    if opts.fail_fast {
                        summary.stopped_at_bad_line = Some(line);
                        let _ = out.flush();
                        break 'rounds;
                    }
                }
                Outcome::Checked {
                    line,
                    posting,
                    report,
                    json,
                    micros,
                } => {
                    if writeln!(out, "{json}").is_err() {
                        eprintln!("jobseal: cannot write the reports");
                        return 2;
                    }
                    tally(&mut summary, &report, line, micros);
                    keep_worst(&mut worst, line, *posting, report);
                }
            }
        }
        if out.flush().is_err() {
            eprintln!("jobseal: cannot write the reports");
            return 2;
        }
        if let Some(bar) = &bar {
            bar.set_position(bytes);
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} postings, {:.0}/s",
                summary.postings_checked,
                summary.postings_checked as f64 / secs
            ));
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    summary.interrupted = stop.load(Ordering::SeqCst);
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    summary.postings_per_sec = summary.postings_checked as f64 / summary.elapsed_secs.max(1e-9);
    print_summary(&summary);
    if let Some(path) = &opts.summary_json {
        let written = serde_json::to_string_pretty(&summary)
            .map_err(io::Error::other)
            .and_then(|j| std::fs::write(path, j + "\n"));
        if let Err(e) = written {
            eprintln!(
                "jobseal: cannot write {}: {e}",
                super::safe::line(&path.display().to_string())
            );
            return 2;
        }
    }
    if let Some(path) = &opts.html {
        if let Err(e) = std::fs::write(path, super::report_html::render(&summary, &worst_rows(&worst))) {
            eprintln!(
                "jobseal: cannot write {}: {e}",
                super::safe::line(&path.display().to_string())
            );
            return 2;
        }
    }
    if summary.interrupted {
        130
    } else if summary.bad_lines > 0 {
        2
    } else {
        i32::from(summary.postings_with_errors > 0)
    }
}

fn tally(summary: &mut Summary, report: &Report, line: usize, micros: u64) {
    summary.postings_checked += 1;
    summary.postings_with_errors += u64::from(!report.ok);
    summary.findings += report.findings.len() as u64;
    for f in &report.findings {
        *summary.per_rule.entry(f.rule.to_string()).or_default() += 1;
        *summary.per_category.entry(f.category.to_string()).or_default() += 1;
    }
    if summary.slowest.len() < SLOWEST || summary.slowest.last().is_some_and(|s| micros > s.micros) {
        summary.slowest.push(Slow {
            line,
            id: report.id.clone(),
            micros,
        });
        summary.slowest.sort_by_key(|s| std::cmp::Reverse(s.micros));
        summary.slowest.truncate(SLOWEST);
    }
}

fn keep_worst(worst: &mut Vec<Worst>, line: usize, posting: Posting, report: Report) {
    let errors = report.findings.iter().filter(|f| f.severity == "error").count();
    if errors == 0 {
        return;
    }
    let key = |w: &Worst| (w.errors, w.report.findings.len());
    if worst.len() < WORST
        || worst
            .last()
            .is_some_and(|w| (errors, report.findings.len()) > key(w))
    {
        worst.push(Worst {
            line,
            errors,
            posting,
            report,
        });
        worst.sort_by(|a, b| key(b).cmp(&key(a)).then(a.line.cmp(&b.line)));
        worst.truncate(WORST);
    }
}

fn worst_rows(worst: &[Worst]) -> Vec<WorstRow> {
    worst
        .iter()
        .map(|w| {
            let mut fields = Vec::new();
            for field in Field::ALL {
                let found: Vec<_> = w
                    .report
                    .findings
                    .iter()
                    .filter(|f| f.field == field.as_str())
                    .map(|f| {
                        (
                            f.start,
                            f.end,
                            f.severity.to_string(),
                            format!("{} · {}", f.rule, f.message),
                        )
                    })
                    .collect();
                if !found.is_empty() {
                    fields.push((
                        field.as_str().to_string(),
                        w.posting.get(field).unwrap_or("").to_string(),
                        found,
                    ));
                }
            }
            WorstRow {
                line: w.line,
                id: w.report.id.clone(),
                errors: w.errors,
                fields,
            }
        })
        .collect()
}

fn print_summary(s: &Summary) {
    let mut e = io::stderr().lock();
    let _ = writeln!(
        e,
        "\njobseal audit: {} postings checked, {} with errors, {} bad lines, {} findings in {:.2}s ({:.0} postings/s on {} threads){}",
        s.postings_checked,
        s.postings_with_errors,
        s.bad_lines,
        s.findings,
        s.elapsed_secs,
        s.postings_per_sec,
        s.threads,
        if s.interrupted { " — interrupted; the output is complete up to the last finished posting" } else { "" }
    );
    let _ = writeln!(e, "by category:");
    for (k, v) in &s.per_category {
        let _ = writeln!(e, "  {k:<28} {v:>10}");
    }
    let _ = writeln!(e, "by rule:");
    for (k, v) in &s.per_rule {
        let _ = writeln!(e, "  {k:<28} {v:>10}");
    }
    let _ = writeln!(e, "slowest postings:");
    for sl in &s.slowest {
        let _ = writeln!(
            e,
            "  line {:<10} {:>8} µs  {}",
            sl.line,
            sl.micros,
            super::safe::line(sl.id.as_deref().unwrap_or(""))
        );
    }
}
