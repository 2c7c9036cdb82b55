//! Any rule pack (including add_patterns lines): a checker or an error naming a key, never a panic;
//! a checker that builds checks a posting.
#![no_main]
use jobseal::engine::{Checker, Posting};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Checker::from_pack_json(text) {
        Ok(checker) => {
            let p = Posting::from_json(
                r#"{"title":"仓管","requirements":"限男性，35岁以下","description":"加微信abc12345，押金200元","salary":"3000-5000元/月"}"#,
            )
            .expect("fixed posting");
            checker.check(&p, None);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
