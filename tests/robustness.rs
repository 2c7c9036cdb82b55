//! Hostile input never panics: badge tokens of any shape, and any single-character change to a valid
//! credential is caught (it cannot verify).
#![allow(clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use jobseal::badge::{self, Jwks, Options, SigningKeyJwk, Status};
use jobseal::engine::Posting;
use proptest::prelude::*;

static FIXTURE: std::sync::LazyLock<(Jwks, String)> = std::sync::LazyLock::new(make_fixture);

fn fixture() -> (Jwks, String) {
    FIXTURE.clone()
}

fn make_fixture() -> (Jwks, String) {
    let key = SigningKeyJwk::from_seed([9; 32], "p1");
    let claims = serde_json::json!({
        "iss": "https://jobs.example.cn", "sub": "a", "iat": 1_764_547_200, "exp": 1_764_547_200 + 86_400 * 90,
        "jti": "j", "kind": "employer", "name": "测试公司", "uscc": "91310110666007217T",
        "origins": ["https://jobs.example.cn"]
    });
    (
        Jwks::parse(&key.public_jwks()).unwrap(),
        badge::sign(&claims, &key).unwrap(),
    )
}

const NOW: Options<'static> = Options {
    origin: Some("https://jobs.example.cn"),
    now: 1_764_547_200 + 86_400,
    account: None,
    status: jobseal::badge::StatusCheck::NotGiven,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_token_is_refused_without_panic(token in "[A-Za-z0-9_.=+/ -]{0,300}") {
        let (jwks, _) = fixture();
        let v = badge::verify(&token, &jwks, &NOW);
        prop_assert_eq!(v.status, Status::Invalid);
        prop_assert!(v.claims.is_none());
    }

    #[test]
    fn any_json_is_a_posting_or_a_clear_error(json in "\\PC{0,200}") {
        match Posting::from_json(&json) {
            Ok(p) => { jobseal::engine::Checker::default_ref().check(&p, None); }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

proptest! {
    // Each case verifies two Ed25519 signatures, slow in a debug build: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_changed_character_is_caught(pos in 0usize..400, with in "[A-Za-z0-9_.-]") {
        let (jwks, token) = fixture();
        prop_assert_eq!(badge::verify(&token, &jwks, &NOW).status, Status::Verified);
        let pos = pos % token.len();
        let mut changed = token.clone();
        changed.replace_range(pos..pos + 1, &with);
        // A base64url character whose low bits do not matter can decode to the same bytes: only a
        // token that still decodes to the signed bytes may verify.
        let v = badge::verify(&changed, &jwks, &NOW);
        if changed != token && v.status == Status::Verified {
            let same = |a: &str, b: &str| {
                use base64::Engine as _;
                let d = |s: &str| s.split('.').map(|p| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(p).ok()).collect::<Vec<_>>();
                d(a) == d(b)
            };
            prop_assert!(same(&changed, &token), "{changed} verified");
        }
    }
}
