//! Any token against any key set (split at the first NUL byte): a verdict or a key-set error, never a
//! panic; a verified verdict always carries its claims.
#![no_main]
use jobseal::badge::{self, Jwks, Options, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (token, jwks) = text.split_once('\0').unwrap_or((text, r#"{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#));
    let Ok(jwks) = Jwks::parse(jwks) else { return };
    for now in [0, 1_764_547_200, i64::MAX, i64::MIN] {
        let v = badge::verify(
            token,
            &jwks,
            &Options {
                origin: Some("https://jobs.example.cn"),
                now,
                account: None,
                status: badge::StatusCheck::NotGiven,
            },
        );
        if v.status == Status::Verified {
            assert!(v.claims.is_some());
        }
    }
});
