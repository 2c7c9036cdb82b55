//! Fixtures with snapshots (insta): the full JSON report of every posting in tests/corpus/postings.jsonl,
//! in zh and en. A change in any message, span, basis or fix shows up as a reviewable diff
//! (`cargo insta review`, or INSTA_UPDATE=always cargo test --test snapshots).
#![allow(clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use jobseal::engine::{Checker, Date, Lang, Posting};

#[test]
fn reports_of_the_corpus_postings() {
    let checker = Checker::new();
    for line in include_str!("corpus/postings.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let posting = Posting::from_value(&value).unwrap();
        let id = posting.id.clone().unwrap();
        for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let report = checker.report_in(&posting, Date::parse("2026-11-28"), lang);
            insta::assert_json_snapshot!(format!("{id}-{tag}"), report);
        }
    }
}
