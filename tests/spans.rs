//! Spans: `start`/`end` are UTF-16 code units into the field's original text, also for matches found
//! through normalisation, and next to CJK, emoji and CJK Extension B (𠀀, two UTF-16 units).
#![allow(clippy::unwrap_used)]
// Native only: the data-driven and property tests run under `cargo test`; tests/web.rs covers wasm32.
#![cfg(not(target_arch = "wasm32"))]

use jobseal::engine::{Checker, Date, Lang, Posting};
use proptest::prelude::*;

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[track_caller]
fn spans(field: &str, text: &str) -> Vec<(String, String)> {
    let mut v = serde_json::Map::new();
    v.insert(field.into(), serde_json::Value::String(text.into()));
    let p = Posting::from_value(&serde_json::Value::Object(v)).unwrap();
    let r = Checker::new().report_in(&p, Date::parse("2026-11-28"), Lang::Zh);
    r.findings
        .iter()
        .filter(|f| f.field == field && f.rule != "missing-required-element")
        .map(|f| {
            // The invariant every consumer relies on: the UTF-16 span slices out exactly `text`.
            assert_eq!(utf16_slice(text, f.start, f.end), f.text, "{f:?}");
            (f.rule.to_string(), f.text.clone())
        })
        .collect()
}

#[test]
fn spans_after_extension_b_and_emoji() {
    let s = spans("requirements", "𠀀𠀁😀👨‍👩‍👧限男性，𠀀35岁以下");
    assert!(
        s.contains(&("gender-restriction".into(), "限男性".into())),
        "{s:?}"
    );
    assert!(
        s.contains(&("age-restriction".into(), "35岁以下".into())),
        "{s:?}"
    );
}

#[test]
fn spans_through_normalisation_cover_the_original_characters() {
    let s = spans("description", "𠀀请加 V❤️信：ａｂｃ１２３４５ 详聊");
    assert!(
        s.contains(&("wechat-contact".into(), "加 V❤️信：ａｂｃ１２３４５".into())),
        "{s:?}"
    );
    let s = spans("description", "😀电话①③⑧\u{200B}①②③④⑤⑥⑦⑧。");
    assert!(
        s.contains(&("phone-number".into(), "①③⑧\u{200B}①②③④⑤⑥⑦⑧".into())),
        "{s:?}"
    );
    // The fee pattern (seeker, payment, fee) covers the whole demand, in the original traditional
    // characters; the word list alone marked 押金.
    let s = spans("description", "入職需繳納押金");
    assert!(
        s.contains(&("fee-charged".into(), "入職需繳納押金".into())),
        "{s:?}"
    );
    let s = spans("requirements", "僅 限 男 性");
    assert!(
        s.contains(&("gender-restriction".into(), "僅 限 男 性".into())),
        "{s:?}"
    );
    let s = spans("title", "普工🔥💰");
    assert!(
        s.contains(&("title-extra-content".into(), "🔥💰".into())),
        "{s:?}"
    );
}

#[test]
fn spans_in_salary_and_full_width_text() {
    let s = spans("salary", "𠀀８０００－６０００元／月");
    assert!(
        s.contains(&("salary-range-inverted".into(), "８０００－６０００元／月".into())),
        "{s:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Any text, however hostile: no panic, and every span slices out its own text.
    #[test]
    fn any_text_gives_valid_spans(text in "(\\PC|[\u{200B}\u{FE0F}①❶一壹幺𠀀😀微信加vxq押金限男性岁以下0-9 .-]){0,60}") {
        for field in ["title", "description", "salary", "headcount", "valid_until", "contact"] {
            spans(field, &text);
        }
    }
}
