//! The posting checker. Pure Rust: no I/O, no clock, no target-specific code.
//!
//! ```
//! use jobseal::engine::{Checker, Posting, Date};
//! let checker = Checker::new();
//! let posting = Posting::from_json(r#"{"title":"仓库管理员","requirements":"限男性，加微信 abc12345 详聊"}"#).unwrap();
//! let report = checker.report(&posting, Date::parse("2026-11-28"));
//! assert!(!report.ok);
//! assert!(report.findings.iter().any(|f| f.rule == "gender-restriction"));
//! assert!(report.findings.iter().any(|f| f.rule == "wechat-contact"));
//! ```

pub mod account;
mod config;
mod date;
mod finding;
pub mod json;
pub mod jsonld;
pub mod normalize;
pub mod numbers;
pub mod patterns;
mod posting;
mod read;
mod rule;
pub mod rules;
pub mod salary;
mod terms;

use std::sync::{Arc, LazyLock};

pub use config::{Config, ConfigError, LengthBound, RuleSettings, SalaryConfig};
pub use date::Date;
pub use finding::{
    byte_of_utf16, reports, utf16_len, Category, Field, Finding, FindingReport, Fix, FixReport, Lang, Report,
    Severity,
};
pub use posting::{Posting, PostingError};
pub use rule::{basis, CheckFn, Ctx, FieldText, Hit, Negation, RuleMeta};

use terms::TermMatcher;

/// A compiled rule pack. Build once (patterns are compiled here, never per keystroke), check many times.
#[derive(Debug, Clone)]
pub struct Checker {
    config: Config,
    /// Shared: cloning a checker (e.g. `Checker::new()`) does not recompile the word lists.
    terms: Arc<TermMatcher>,
    /// The word-class patterns (data/patterns.txt and the pack's `add_patterns`), compiled once.
    patterns: Arc<patterns::PatternMatcher>,
}

static DEFAULT: LazyLock<Checker> = LazyLock::new(|| Checker::with_config(Config::default_pack()));

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

impl Checker {
    /// The built-in default pack.
    pub fn new() -> Checker {
        DEFAULT.clone()
    }

    /// A shared reference to the built-in default checker (compiled once per process).
    pub fn default_ref() -> &'static Checker {
        &DEFAULT
    }

    /// The default pack with a platform's JSON rule pack applied over it. A bad pack is an error that
    /// names the offending key; nothing is half-applied.
    pub fn from_pack_json(pack: &str) -> Result<Checker, ConfigError> {
        Ok(Checker::with_config(Config::from_pack_json(pack)?))
    }

    /// A checker for an already validated configuration.
    pub fn with_config(config: Config) -> Checker {
        let terms = Arc::new(TermMatcher::build(&config));
        let patterns = Arc::new(patterns::PatternMatcher::build(config.patterns.clone(), |i| {
            config.rules[i].enabled
        }));
        Checker {
            config,
            terms,
            patterns,
        }
    }

    /// Heap bytes of the compiled word lists (one automaton for every term and allow phrase).
    pub fn memory_usage(&self) -> usize {
        self.terms.memory_usage() + self.patterns.memory_usage()
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Every finding for a whole posting, in field order, then by position.
    pub fn check(&self, posting: &Posting, today: Option<Date>) -> Vec<Finding> {
        self.run(posting, today, true)
    }

    /// Findings for one field as it is being typed. Whole-posting rules (missing elements) do not run.
    pub fn check_field(&self, field: Field, text: &str, today: Option<Date>) -> Vec<Finding> {
        let mut posting = Posting::default();
        posting.set(field, Some(text.to_string()));
        self.run(&posting, today, false)
    }

    /// The report for a posting in the pack's language.
    pub fn report(&self, posting: &Posting, today: Option<Date>) -> Report {
        self.report_in(posting, today, self.config.lang)
    }

    /// The report for a posting in the given language.
    pub fn report_in(&self, posting: &Posting, today: Option<Date>, lang: Lang) -> Report {
        let findings = self.check(posting, today);
        Report {
            id: posting.id.clone(),
            ok: !findings.iter().any(|f| f.severity == Severity::Error),
            findings: finding::reports(&findings, |field| posting.get(field).unwrap_or(""), lang),
        }
    }

    fn run(&self, posting: &Posting, today: Option<Date>, whole: bool) -> Vec<Finding> {
        let fields = Field::ALL
            .into_iter()
            .filter_map(|field| {
                posting.get(field).map(|full| {
                    // Past the pack's limit a field is not read (field-too-long-to-check says so).
                    let text = match full.char_indices().nth(self.config.max_field_chars) {
                        Some((cut, _)) => &full[..cut],
                        None => full,
                    };
                    FieldText {
                        field,
                        text,
                        views: normalize::views(text),
                    }
                })
            })
            .collect();
        let cx = Ctx {
            posting,
            fields,
            today,
            config: &self.config,
            whole,
            salary: std::cell::OnceCell::new(),
        };
        let mut hits = Vec::new();
        let mut quiet = Vec::new();
        for ft in &cx.fields {
            self.terms.hits(ft, &mut hits);
            self.patterns.hits(ft, &mut hits, &mut quiet);
        }
        for (i, rule) in rules::RULES.iter().enumerate() {
            if let Some(check) = rule.check {
                if self.config.rules[i].enabled {
                    check(&cx, &mut hits);
                }
            }
        }
        // A warning against scams, or a job that fights them, holds no finding of their categories.
        if !quiet.is_empty() {
            // One entry per sentence (their categories merged), in order: each hit looks up the one
            // sentence that can hold it, so this stays linear in hits and sentences.
            quiet.sort_by_key(|q| (q.field, q.span.start, q.span.end));
            quiet.dedup_by(|b, a| {
                let same = a.field == b.field && a.span == b.span;
                if same {
                    a.categories.append(&mut b.categories);
                }
                same
            });
            hits.retain(|h| {
                let i = quiet.partition_point(|q| (q.field, q.span.start) <= (h.field, h.span.start));
                !i.checked_sub(1).map(|i| &quiet[i]).is_some_and(|q| {
                    q.field == h.field && h.span.end <= q.span.end && q.categories.contains(&h.rule.category)
                })
            });
        }
        let mut findings: Vec<Finding> = hits
            .into_iter()
            .filter_map(|h| {
                let i = rules::index_of(h.rule.id)?;
                let settings = &self.config.rules[i];
                if !settings.enabled {
                    return None;
                }
                let text = posting.get(h.field).unwrap_or("");
                Some(Finding::new(
                    h.rule.id,
                    h.rule.category,
                    settings.severity,
                    h.field,
                    text,
                    h.span,
                    h.message.unwrap_or(h.rule.message),
                    h.rule.basis,
                    h.fix,
                ))
            })
            .collect();
        findings.sort_by(|a, b| {
            (a.field, a.span.start, a.span.end, a.rule).cmp(&(b.field, b.span.start, b.span.end, b.rule))
        });
        // Within one rule and field, overlapping spans (加V + V信 abc123) are one finding: their union.
        // A replacement fix wins over a removal, since it was written for the phrase. A sweep: sorted by
        // start, the only earlier finding of the same rule and field that can overlap is the last one
        // kept for that rule (they are disjoint and in order), so each finding is compared once.
        let mut merged: Vec<Finding> = Vec::with_capacity(findings.len());
        let mut last_of_rule: Vec<Option<usize>> = vec![None; rules::RULES.len()];
        let mut field = None;
        for f in findings {
            if field != Some(f.field) {
                field = Some(f.field);
                last_of_rule.iter_mut().for_each(|l| *l = None);
            }
            let Some(ri) = rules::index_of(f.rule) else {
                merged.push(f);
                continue;
            };
            if let Some(prev) = last_of_rule[ri].map(|k| &mut merged[k]) {
                if f.span.start < prev.span.end.max(prev.span.start + 1) {
                    prev.span.end = prev.span.end.max(f.span.end);
                    if !matches!(prev.fix, Some(Fix::Replace(_))) && matches!(f.fix, Some(Fix::Replace(_))) {
                        prev.fix = f.fix;
                    }
                    continue;
                }
            }
            last_of_rule[ri] = Some(merged.len());
            merged.push(f);
        }
        merged
    }
}
