//! Any text in any field: findings whose spans are char ranges of the original text (asserted inside
//! Finding::new) and whose UTF-16 offsets match the text they name.
#![no_main]
use jobseal::engine::{reports, utf16_len, Checker, Field, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let field = Field::ALL[pick as usize % Field::ALL.len()];
    let findings = Checker::default_ref().check_field(field, text, None);
    for (f, r) in findings.iter().zip(reports(&findings, |_| text, Lang::Zh)) {
        assert_eq!(r.start, utf16_len(&text[..f.span.start]));
        assert_eq!(r.end - r.start, utf16_len(&r.text));
    }
});
