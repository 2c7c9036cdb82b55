//! The audit's summary types: what `audit` counts and what the HTML report draws. Their own module,
//! so that the command (audit.rs) and the report (report_html.rs) both use them and neither imports
//! the other.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub postings_checked: u64,
    pub postings_with_errors: u64,
    pub bad_lines: u64,
    pub findings: u64,
    pub per_rule: BTreeMap<String, u64>,
    pub per_category: BTreeMap<String, u64>,
    pub slowest: Vec<Slow>,
    pub elapsed_secs: f64,
    pub postings_per_sec: f64,
    pub threads: usize,
    pub interrupted: bool,
    pub stopped_at_bad_line: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Slow {
    pub line: usize,
    pub id: Option<String>,
    pub micros: u64,
}

/// A finding as the HTML report marks it: UTF-16 start and end, severity, title.
pub type Mark = (usize, usize, String, String);

/// The worst postings, as the HTML report shows them: each field (name, text) with its marks.
pub struct WorstRow {
    pub line: usize,
    pub id: Option<String>,
    pub errors: usize,
    pub fields: Vec<(String, String, Vec<Mark>)>,
}
