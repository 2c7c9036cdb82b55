//! Any salary text: a reading or "unparseable", never a panic; a reading's span lies in the text.
#![no_main]
use jobseal::engine::salary::{self, Salary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Salary::Pay(p) = salary::parse(text) {
        assert!(p.span.start <= p.span.end && p.span.end <= text.len());
        assert!(p.min.is_finite());
    }
});
