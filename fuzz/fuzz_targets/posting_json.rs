//! Any JSON text: a posting or a clear error, never a panic; every report's spans lie in the field.
#![no_main]
use jobseal::engine::{Checker, Date, Lang, Posting};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(posting) = Posting::from_json(text) else {
        return;
    };
    let checker = Checker::default_ref();
    for lang in [Lang::Zh, Lang::En] {
        let report = checker.report_in(&posting, Date::parse("2026-11-28"), lang);
        for f in &report.findings {
            assert!(f.start <= f.end);
        }
    }
});
