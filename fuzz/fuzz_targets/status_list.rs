//! Any status list token against the platform's key set, and any list file: a list or a refusal,
//! never a panic and never more than the 2 MiB bound in memory (a ZLIB bomb is refused). A list that
//! verifies answers every index, in range or not, and a badge naming an entry of it gets a verdict.
#![no_main]
use jobseal::badge::{self, status_list::StatusList, Jwks, Options, StatusCheck};
use libfuzzer_sys::fuzz_target;

/// The key of the committed corpus's lists (seed [7; 32], kid "k1").
const JWKS: &str = r#"{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw"}]}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let jwks = Jwks::parse(JWKS).unwrap();
    for now in [0, 1_764_000_100, i64::MAX, i64::MIN] {
        for uri in [None, Some("https://jobs.example/status/1")] {
            if let Ok(list) = StatusList::verify(text, &jwks, uri, now) {
                assert!(list.bytes.len() <= jobseal::badge::status_list::MAX_BYTES);
                for idx in [0, 1, 7, 8, u64::MAX / 2, u64::MAX] {
                    let _ = list.get(idx);
                }
                let opts = Options {
                    status: StatusCheck::List(&list),
                    ..Options::at(now)
                };
                let _ = badge::verify(text, &jwks, &opts);
            }
        }
    }
    if let Ok(mut list) = StatusList::from_file(text) {
        let _ = list.set(3, 1);
        let _ = list.to_file();
    }
});
