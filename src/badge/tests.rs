use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Value};

use super::*;

const NODE: &str = include_str!("../../tests/data/node-issued.json");
const ORIGIN: &str = "https://jobs.example.cn";
/// 2026-01-15T00:00:00Z: inside the Node-issued credentials' validity (2025-12-01 + 180 days).
const NOW: i64 = 1_768_435_200;
const IAT: i64 = 1_764_547_200;

fn node() -> (Jwks, String, String) {
    let v: Value = serde_json::from_str(NODE).unwrap();
    let jwks = Jwks::from_value(&v["jwks"]).unwrap();
    (
        jwks,
        v["employer"].as_str().unwrap().into(),
        v["agency"].as_str().unwrap().into(),
    )
}

fn at(now: i64) -> Options<'static> {
    Options {
        origin: Some(ORIGIN),
        now,
        account: None,
        status: StatusCheck::NotGiven,
    }
}

fn codes(rs: &[Reason]) -> Vec<&'static str> {
    rs.iter().map(|r| r.code).collect()
}

#[track_caller]
fn expect(v: &Verification, status: Status, code: &str) {
    assert_eq!(v.status, status, "{v:?}");
    assert!(codes(&v.reasons).contains(&code), "expected reason {code}: {v:?}");
}

fn b64json(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(v.to_string())
}

fn parts(token: &str) -> (Value, Value, String) {
    let p: Vec<&str> = token.split('.').collect();
    let d = |s: &str| serde_json::from_slice(&URL_SAFE_NO_PAD.decode(s).unwrap()).unwrap();
    (d(p[0]), d(p[1]), p[2].to_string())
}

fn test_key() -> SigningKeyJwk {
    SigningKeyJwk::from_seed([42; 32], "test-1")
}

fn agency_claims() -> Value {
    json!({
        "iss": ORIGIN, "sub": "acct-2", "iat": IAT, "exp": IAT + 180 * 86_400, "jti": "j-2",
        "kind": "hr_agency", "name": "上海启程人力资源服务有限公司", "uscc": "91440300192317458F",
        "licence": {"number": "310115120105", "authority": "上海市浦东新区人力资源和社会保障局",
                    "valid_from": "2024-03-01", "valid_until": "2029-02-28", "scope": "职业介绍"},
        "origins": [ORIGIN]
    })
}

fn signed(claims: &Value) -> (Jwks, String) {
    let k = test_key();
    (Jwks::parse(&k.public_jwks()).unwrap(), sign(claims, &k).unwrap())
}

#[test]
fn node_issued_credentials_verify_in_rust() {
    let (jwks, employer, agency) = node();
    let v = verify(&employer, &jwks, &at(NOW));
    assert_eq!(v.status, Status::Verified, "{v:?}");
    assert!(v.reasons.is_empty() && v.warnings.is_empty(), "{v:?}");
    assert_eq!(v.claims.as_ref().unwrap()["name"], "苏州明澜电子科技有限公司");
    let v = verify(&agency, &jwks, &at(NOW));
    assert_eq!(v.status, Status::Verified, "{v:?}");
    assert_eq!(v.claims.as_ref().unwrap()["licence"]["number"], "310115120105");
}

/// The raw segments of a token, decoded to text: edits are made on the exact bytes that were signed.
fn raw(token: &str) -> (String, String, String) {
    let p: Vec<&str> = token.split('.').collect();
    let d = |s: &str| String::from_utf8(URL_SAFE_NO_PAD.decode(s).unwrap()).unwrap();
    (d(p[0]), d(p[1]), p[2].to_string())
}

fn reassemble(header: &str, payload: &str, sig: &str) -> String {
    format!(
        "{}.{}.{sig}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload)
    )
}

#[test]
fn every_tampered_claim_is_a_bad_signature() {
    let (jwks, employer, agency) = node();
    // (claim, value as signed, forged value), edited in the signed JSON text itself.
    let edits = [
        ("name", "\"苏州明澜电子科技有限公司\"", "\"假冒科技有限公司\""),
        (
            "name",
            "\"上海启程人力资源服务有限公司\"",
            "\"上海启程人力资源服务有限公司 \"",
        ),
        ("uscc", "\"91310110666007217T\"", "\"91440300708461136T\""),
        ("exp", "1780099200", "1780099201"),
        ("iat", "1764547200", "1764547201"),
        (
            "origins",
            "[\"https://jobs.example.cn\"",
            "[\"https://evil.example\"",
        ),
        ("kind", "\"employer\"", "\"public_service\""),
        ("kind", "\"hr_agency\"", "\"employer\""),
        ("sub", "\"acct-10001\"", "\"acct-10002\""),
        (
            "iss",
            "\"https://jobs.example.cn\",\"sub",
            "\"https://evil.example\",\"sub",
        ),
        ("jti", "\"badge-20002-1\"", "\"badge-20002-2\""),
        (
            "licence",
            "\"valid_until\":\"2029-02-28\"",
            "\"valid_until\":\"2039-02-28\"",
        ),
        (
            "licence",
            "\"number\":\"310115120105\"",
            "\"number\":\"310115120106\"",
        ),
    ];
    let mut applied = 0;
    for token in [&employer, &agency] {
        let (h, c, sig) = raw(token);
        // Control: reassembling the untouched text verifies, so a failure below is the edit's doing.
        assert_eq!(
            verify(&reassemble(&h, &c, &sig), &jwks, &at(NOW)).status,
            Status::Verified
        );
        for (claim, from, to) in edits {
            if !c.contains(from) {
                continue;
            }
            applied += 1;
            let v = verify(&reassemble(&h, &c.replacen(from, to, 1), &sig), &jwks, &at(NOW));
            assert_eq!(v.status, Status::Invalid, "{claim}: {v:?}");
            assert_eq!(codes(&v.reasons), ["bad-signature"], "{claim}");
            assert!(v.claims.is_none(), "a forged badge shows no claims");
        }
    }
    assert!(
        applied >= edits.len(),
        "every edit applied to at least one token ({applied})"
    );
}

#[test]
fn swapped_headers_are_refused_before_the_signature() {
    let (jwks, employer, _) = node();
    let (h, _, sig) = parts(&employer);
    let payload = employer.split('.').nth(1).unwrap().to_string();
    let with = |header: Value, sig: &str| format!("{}.{payload}.{sig}", b64json(&header));
    let mut none = h.clone();
    none["alg"] = json!("none");
    expect(
        &verify(&with(none.clone(), ""), &jwks, &at(NOW)),
        Status::Invalid,
        "alg-not-allowed",
    );
    expect(
        &verify(&with(none, &sig), &jwks, &at(NOW)),
        Status::Invalid,
        "alg-not-allowed",
    );
    // HS256 with the public key as the HMAC secret: the classic key-confusion forgery.
    let mut hs = h.clone();
    hs["alg"] = json!("HS256");
    expect(
        &verify(&with(hs, &sig), &jwks, &at(NOW)),
        Status::Invalid,
        "alg-not-allowed",
    );
    for alg in ["RS256", "ES256", "EdDSA ", "eddsa", ""] {
        let mut x = h.clone();
        x["alg"] = json!(alg);
        expect(
            &verify(&with(x, &sig), &jwks, &at(NOW)),
            Status::Invalid,
            "alg-not-allowed",
        );
    }
    let mut unknown = h.clone();
    unknown["kid"] = json!("someone-else");
    expect(
        &verify(&with(unknown, &sig), &jwks, &at(NOW)),
        Status::Invalid,
        "unknown-kid",
    );
    let mut typ = h.clone();
    typ["typ"] = json!("JWT");
    expect(
        &verify(&with(typ, &sig), &jwks, &at(NOW)),
        Status::Invalid,
        "wrong-typ",
    );
    // A kid that names a key of another type in the set is refused, not used as that type of key.
    let node_jwks = node_jwks();
    let mut keys = node_jwks["keys"].as_array().unwrap().clone();
    for k in &mut keys {
        k["kid"] = json!("renamed");
    }
    keys.push(json!({"kty": "RSA", "n": "sXch", "e": "AQAB", "kid": "node-2025-12"}));
    let mixed = Jwks::from_value(&json!({ "keys": keys })).unwrap();
    expect(
        &verify(&employer, &mixed, &at(NOW)),
        Status::Invalid,
        "key-type-not-allowed",
    );
}

fn node_jwks() -> Value {
    let v: Value = serde_json::from_str(NODE).unwrap();
    v["jwks"].clone()
}

fn employer_claims() -> Value {
    json!({
        "iss": ORIGIN, "sub": "acct-1", "iat": IAT, "exp": IAT + 180 * 86_400, "jti": "j-1",
        "kind": "employer", "name": "苏州明澜电子科技有限公司", "uscc": "91440300192317458F",
        "origins": [ORIGIN]
    })
}

fn public_jwk(k: &SigningKeyJwk) -> Value {
    serde_json::from_str::<Value>(&k.public_jwks()).unwrap()["keys"][0].clone()
}

// Issue 10: one key the verifier cannot use (an RSA key without `kid`, allowed by RFC 7517) made the
// whole key set, and every badge, invalid. Such keys are now skipped with a warning.
#[test]
fn unusable_keys_are_skipped_with_a_warning() {
    let k = test_key();
    let mut enc = public_jwk(&k);
    enc["use"] = json!("enc");
    enc["kid"] = json!("enc-1");
    let mut bad_x = public_jwk(&k);
    bad_x["x"] = json!("AAAA");
    bad_x["kid"] = json!("short-x");
    let mut es = public_jwk(&k);
    es["alg"] = json!("ES256");
    es["kid"] = json!("es-alg");
    let set = json!({"keys": [
        {"kty": "RSA", "n": "sXch", "e": "AQAB"},
        {"kty": "RSA", "n": "sXch", "e": "AQAB", "kid": "rsa-1"},
        {"kty": "EC", "crv": "P-256", "x": "f83O", "y": "x_FE", "kid": "ec-1"},
        {"kty": "OKP", "crv": "X25519", "x": "hSDw", "kid": "x25519-1"},
        enc, bad_x, es,
        public_jwk(&k),
        public_jwk(&k),
    ]});
    let jwks = Jwks::from_value(&set).unwrap();
    let w = jwks.warnings();
    assert_eq!(w.len(), 8, "{w:#?}");
    assert!(w[0].contains("keys[0] has no `kid`"), "{w:?}");
    assert!(w[1].contains("RSA"), "{w:?}");
    assert!(w[3].contains("X25519"), "{w:?}");
    assert!(w[8 - 1].contains("repeats"), "{w:?}");
    let v = verify(&sign(&employer_claims(), &k).unwrap(), &jwks, &at(NOW));
    assert_eq!(v.status, Status::Verified, "{v:?}");
    assert_eq!(codes(&v.warnings), vec!["key-skipped"; 8]);
    // A token that names a skipped key is still refused.
    let (h, p, sig) = parts(&sign(&employer_claims(), &k).unwrap());
    for (kid, code) in [
        ("rsa-1", "key-type-not-allowed"),
        ("enc-1", "unusable-key"),
        ("short-x", "unusable-key"),
    ] {
        let mut h = h.clone();
        h["kid"] = json!(kid);
        let token = format!("{}.{}.{sig}", b64json(&h), b64json(&p));
        expect(&verify(&token, &jwks, &at(NOW)), Status::Invalid, code);
    }
    // Nothing usable at all is an error: no badge could ever verify.
    let e = Jwks::from_value(&json!({"keys": [{"kty": "RSA", "n": "sXch", "e": "AQAB"}]})).unwrap_err();
    assert!(e.to_string().contains("no usable"), "{e}");
    assert!(Jwks::from_value(&json!({"keys": []})).is_err());
}

// Issue 10: a key set that carries a private key (`d`) was accepted silently.
#[test]
fn key_sets_with_private_parameters_are_refused() {
    let k = test_key();
    let private: Value = serde_json::from_str(&k.private_jwk()).unwrap();
    for (member, key) in [
        ("d", private.clone()),
        ("k", json!({"kty": "oct", "k": "c2VjcmV0", "kid": "hmac"})),
        (
            "p",
            json!({"kty": "RSA", "n": "sXch", "e": "AQAB", "p": "AQ", "kid": "r"}),
        ),
    ] {
        let e = Jwks::from_value(&json!({"keys": [public_jwk(&k), key]})).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains(&format!("`{member}`")) && msg.contains("private"),
            "{msg}"
        );
    }
}

// Issue 10: `nbf` was ignored.
#[test]
fn nbf_is_honoured() {
    let k = test_key();
    let jwks = Jwks::parse(&k.public_jwks()).unwrap();
    let with_nbf = |nbf: Value| {
        let mut c = employer_claims();
        c["nbf"] = nbf;
        verify(&sign(&c, &k).unwrap(), &jwks, &at(NOW))
    };
    expect(&with_nbf(json!(NOW + 3600)), Status::Invalid, "not-yet-valid");
    assert_eq!(with_nbf(json!(NOW - 3600)).status, Status::Verified);
    // Within the tolerated clock skew.
    assert_eq!(with_nbf(json!(NOW + 60)).status, Status::Verified);
    expect(&with_nbf(json!("soon")), Status::Invalid, "bad-nbf");
    expect(&with_nbf(json!(1.5)), Status::Invalid, "bad-nbf");
}

// Issue 10: `exp - iat` wrapped in release builds: `iat = -2^63` passed the 184-day limit.
#[test]
fn time_arithmetic_cannot_overflow() {
    let k = test_key();
    let jwks = Jwks::parse(&k.public_jwks()).unwrap();
    for (iat, exp) in [
        (i64::MIN, NOW + 86_400),
        (i64::MIN, i64::MAX),
        (i64::MIN + 1, NOW),
        (-1, i64::MAX),
    ] {
        let mut c = employer_claims();
        c["iat"] = json!(iat);
        c["exp"] = json!(exp);
        let v = verify(
            &sign(&c, &k).unwrap(),
            &jwks,
            &Options {
                origin: Some(ORIGIN),
                now: NOW,
                account: None,
                status: StatusCheck::NotGiven,
            },
        );
        assert_eq!(v.status, Status::Invalid, "iat {iat} exp {exp}: {v:?}");
        assert!(
            codes(&v.reasons)
                .iter()
                .any(|c| ["bad-validity", "exp-too-far"].contains(c)),
            "iat {iat} exp {exp}: {v:?}"
        );
    }
    // `now` at the ends of the range does not overflow either.
    let token = sign(&employer_claims(), &k).unwrap();
    for now in [i64::MIN, i64::MAX] {
        let v = verify(
            &token,
            &jwks,
            &Options {
                origin: Some(ORIGIN),
                now,
                account: None,
                status: StatusCheck::NotGiven,
            },
        );
        assert_ne!(v.status, Status::Verified, "{now}");
    }
}

// Issue 10: an invisible name (`\u200b`) verified.
#[test]
fn empty_or_invisible_names_are_refused() {
    let k = test_key();
    let jwks = Jwks::parse(&k.public_jwks()).unwrap();
    let named = |name: &str| {
        let mut c = employer_claims();
        c["name"] = json!(name);
        verify(&sign(&c, &k).unwrap(), &jwks, &at(NOW))
    };
    for name in [
        "",
        " ",
        "\u{200b}",
        "\u{3000}\u{200b}\t",
        "\u{2800}",
        "\u{3164}\u{3164}",
        "\u{feff}\u{2060}",
        "\u{115f}\u{1160}",
        "\u{e0041}\u{e0042}",
        "\u{1}\u{7f}\u{85}",
        "\u{202e}司公限有技科",
        "公司\u{2066}",
        "明澜\u{1b}]0;x\u{7}",
    ] {
        let v = named(name);
        assert_eq!(v.status, Status::Invalid, "{name:?}: {v:?}");
        assert!(
            codes(&v.reasons)
                .iter()
                .any(|c| ["bad-name", "missing-claim"].contains(c)),
            "{name:?}: {v:?}"
        );
    }
    for name in [
        "苏州明澜电子科技有限公司",
        "A",
        "Müller GmbH",
        "苏州 明澜（演示）",
    ] {
        assert_eq!(named(name).status, Status::Verified, "{name:?}");
    }
}

#[test]
fn signature_bit_flips_are_refused() {
    let (jwks, employer, _) = node();
    let (signed_part, sig) = employer.rsplit_once('.').unwrap();
    let bytes = URL_SAFE_NO_PAD.decode(sig).unwrap();
    for bit in [0, 1, 7, 8, 100, 255, 256, 300, 511] {
        let mut flipped = bytes.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let token = format!("{signed_part}.{}", URL_SAFE_NO_PAD.encode(&flipped));
        expect(&verify(&token, &jwks, &at(NOW)), Status::Invalid, "bad-signature");
    }
    // And a flipped bit in the signed text.
    let mut text = signed_part.as_bytes().to_vec();
    text[20] ^= 0x01;
    let token = format!("{}.{sig}", String::from_utf8_lossy(&text));
    assert_eq!(verify(&token, &jwks, &at(NOW)).status, Status::Invalid);
}

#[test]
fn expired_credential_and_expired_licence() {
    let (jwks, employer, _) = node();
    let after = IAT + 180 * 86_400;
    let v = verify(&employer, &jwks, &at(after));
    expect(&v, Status::Expired, "expired");
    assert!(v.claims.is_some(), "an expired badge still says whose it was");
    let mut c = agency_claims();
    c["licence"]["valid_until"] = json!("2025-12-31");
    let (jwks, token) = signed(&c);
    expect(
        &verify(&token, &jwks, &at(NOW)),
        Status::Expired,
        "licence-expired",
    );
}

#[test]
fn wrong_origin_is_not_valid_here() {
    let (jwks, employer, _) = node();
    let v = verify(
        &employer,
        &jwks,
        &Options {
            origin: Some("https://copycat.example"),
            now: NOW,
            account: None,
            status: StatusCheck::NotGiven,
        },
    );
    expect(&v, Status::Invalid, "wrong-origin");
    // A second listed origin is fine, with or without a trailing slash.
    let v = verify(
        &employer,
        &jwks,
        &Options {
            origin: Some("https://m.jobs.example.cn/"),
            now: NOW,
            account: None,
            status: StatusCheck::NotGiven,
        },
    );
    assert_eq!(v.status, Status::Verified, "{v:?}");
}

#[test]
fn exp_more_than_184_days_after_iat_is_refused() {
    let mut c = agency_claims();
    c["exp"] = json!(IAT + 185 * 86_400);
    let (jwks, token) = signed(&c);
    expect(&verify(&token, &jwks, &at(NOW)), Status::Invalid, "exp-too-far");
    c["exp"] = json!(IAT + 184 * 86_400);
    let (jwks, token) = signed(&c);
    assert_eq!(verify(&token, &jwks, &at(NOW)).status, Status::Verified);
}

#[test]
fn agency_without_licence_is_invalid() {
    let mut c = agency_claims();
    c.as_object_mut().unwrap().remove("licence");
    let (jwks, token) = signed(&c);
    expect(
        &verify(&token, &jwks, &at(NOW)),
        Status::Invalid,
        "missing-licence",
    );
    let mut c = agency_claims();
    c["licence"]["authority"] = json!("");
    let (jwks, token) = signed(&c);
    expect(
        &verify(&token, &jwks, &at(NOW)),
        Status::Invalid,
        "missing-licence",
    );
}

#[test]
fn uscc_shape_is_invalid_and_a_failed_check_digit_is_a_warning() {
    let mut c = agency_claims();
    c["uscc"] = json!("9144030019231745");
    let (jwks, token) = signed(&c);
    expect(&verify(&token, &jwks, &at(NOW)), Status::Invalid, "uscc-shape");
    c["uscc"] = json!("91350100M0001TGQXM"); // a real early pilot code that fails its check digit
    let (jwks, token) = signed(&c);
    let v = verify(&token, &jwks, &at(NOW));
    assert_eq!(v.status, Status::Verified, "{v:?}");
    assert_eq!(codes(&v.warnings), ["uscc-check-digit"]);
}

#[test]
fn missing_claims_and_bad_kind() {
    for k in [
        "iss", "sub", "iat", "exp", "jti", "name", "uscc", "origins", "kind",
    ] {
        let mut c = agency_claims();
        c.as_object_mut().unwrap().remove(k);
        let (jwks, token) = signed(&c);
        expect(&verify(&token, &jwks, &at(NOW)), Status::Invalid, "missing-claim");
    }
    let mut c = agency_claims();
    c["kind"] = json!("celebrity");
    let (jwks, token) = signed(&c);
    expect(&verify(&token, &jwks, &at(NOW)), Status::Invalid, "bad-kind");
}

#[test]
fn non_https_links_are_warned_about() {
    let mut c = agency_claims();
    c["logo"] = json!("http://cdn.example/logo.png");
    c["business_licence_url"] = json!("javascript:alert(1)");
    let (jwks, token) = signed(&c);
    let v = verify(&token, &jwks, &at(NOW));
    assert_eq!(v.status, Status::Verified);
    assert_eq!(codes(&v.warnings), ["not-https", "not-https"]);
}

#[test]
fn malformed_tokens_never_panic() {
    let (jwks, _, _) = node();
    for t in [
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "!!!.???.***",
        "e30.e30.",
        "e30.e30.AAAA",
        "eyJhbGciOiJFZERTQSJ9..",
        "...",
    ] {
        let v = verify(t, &jwks, &at(NOW));
        assert_eq!(v.status, Status::Invalid, "{t:?}");
        assert!(v.claims.is_none());
    }
}

#[test]
fn rust_signed_credentials_round_trip_and_keys_reload() {
    let k = test_key();
    let again = SigningKeyJwk::parse(&k.private_jwk()).unwrap();
    let token = sign(&agency_claims(), &again).unwrap();
    let v = verify(&token, &Jwks::parse(&k.public_jwks()).unwrap(), &at(NOW));
    assert_eq!(v.status, Status::Verified, "{v:?}");
    assert!(Jwks::parse("{}").is_err());
    assert!(Jwks::parse(r#"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA","kid":"k"}]}"#).is_err());
    assert!(SigningKeyJwk::parse(r#"{"kty":"RSA"}"#).is_err());
}

/// Unified Social Credit Codes of large Chinese companies (the A-share listed 珠海格力电器, 中国平安,
/// 比亚迪, and 华为技术, 深圳市腾讯计算机系统, 小米科技, 百度在线网络技术(北京), 阿里巴巴(中国)), as the
/// companies publish them. Each passes its check character; a mistyped code does so with probability
/// 1/31, and every single-character alteration below fails.
#[test]
fn real_codes_pass_and_altered_ones_fail() {
    let real = [
        "91440400192548256N", // 珠海格力电器股份有限公司
        "91440300100012316L", // 中国平安保险（集团）股份有限公司
        "91440300192317458F", // 比亚迪股份有限公司
        "914403001922038216", // 华为技术有限公司
        "91440300708461136T", // 深圳市腾讯计算机系统有限公司
        "91110108551385082Q", // 小米科技有限责任公司
        "91110000802100433B", // 百度在线网络技术（北京）有限公司
        "91330100716105852F", // 阿里巴巴（中国）有限公司
    ];
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    for code in real {
        assert_eq!(uscc::validate(code), Ok(()), "{code}");
        for pos in 0..18 {
            let mut b = code.as_bytes().to_vec();
            let i = ALPHABET.iter().position(|&c| c == b[pos]).unwrap();
            b[pos] = ALPHABET[(i + 1) % ALPHABET.len()];
            let altered = String::from_utf8(b).unwrap();
            assert!(
                uscc::validate(&altered).is_err(),
                "{altered} (from {code}) should fail"
            );
        }
    }
}

// ---- issue 13: revocation by status list, and the page's account ---------------------------------

const LIST: &str = "https://jobs.example.cn/.well-known/jobseal-status/1";

fn listed_token(idx: u64) -> (Jwks, String) {
    let key = test_key();
    let mut claims = agency_claims();
    claims["status"] = json!({"status_list": {"idx": idx, "uri": LIST}});
    (
        Jwks::parse(&key.public_jwks()).unwrap(),
        sign(&claims, &key).unwrap(),
    )
}

#[test]
fn a_revoked_or_suspended_credential_says_so() {
    let (jwks, token) = listed_token(7);
    let mut list = StatusList::new(LIST, 2, 100).unwrap();
    let with = |list: &StatusList| {
        verify(
            &token,
            &jwks,
            &Options {
                status: StatusCheck::List(list),
                ..at(NOW)
            },
        )
    };
    assert_eq!(with(&list).status, Status::Verified);
    list.set(7, 1).unwrap();
    expect(&with(&list), Status::Revoked, "revoked");
    list.set(7, 2).unwrap();
    expect(&with(&list), Status::Suspended, "suspended");
    list.set(7, 0).unwrap();
    list.set(8, 1).unwrap();
    assert_eq!(with(&list).status, Status::Verified, "another entry revoked");
    // Revoked beats expired: the platform's word is the latest.
    list.set(7, 1).unwrap();
    let late = verify(
        &token,
        &jwks,
        &Options {
            status: StatusCheck::List(&list),
            ..at(IAT + 200 * 86_400)
        },
    );
    assert_eq!(late.status, Status::Revoked);
    // An index past the end is a defective credential.
    let (jwks, far) = listed_token(100_000);
    let v = verify(
        &far,
        &jwks,
        &Options {
            status: StatusCheck::List(&list),
            ..at(NOW)
        },
    );
    expect(&v, Status::Invalid, "bad-status");
}

#[test]
fn a_status_list_not_checked_is_unconfirmed_never_verified() {
    let (jwks, token) = listed_token(7);
    let v = verify(&token, &jwks, &at(NOW));
    assert_eq!(v.status, Status::Unconfirmed);
    assert!(codes(&v.warnings).contains(&"status-unconfirmed"));
    let other = StatusList::new("https://jobs.example.cn/other", 1, 16).unwrap();
    let v = verify(
        &token,
        &jwks,
        &Options {
            status: StatusCheck::List(&other),
            ..at(NOW)
        },
    );
    assert_eq!(v.status, Status::Unconfirmed);
    let refused = Reason {
        code: "bad-signature",
        message: "forged".into(),
    };
    let v = verify(
        &token,
        &jwks,
        &Options {
            status: StatusCheck::Refused(&refused),
            ..at(NOW)
        },
    );
    assert_eq!(v.status, Status::Unconfirmed);
    // A credential without a status claim is not affected by any of this.
    let key = test_key();
    let plain = sign(&agency_claims(), &key).unwrap();
    assert_eq!(verify(&plain, &jwks, &at(NOW)).status, Status::Verified);
    // A malformed status claim is a defect.
    let mut claims = agency_claims();
    claims["status"] = json!({"status_list": {"idx": -1, "uri": LIST}});
    expect(
        &verify(&sign(&claims, &key).unwrap(), &jwks, &at(NOW)),
        Status::Invalid,
        "bad-status",
    );
}

#[test]
fn a_badge_copied_onto_another_accounts_page_is_refused() {
    let key = test_key();
    let jwks = Jwks::parse(&key.public_jwks()).unwrap();
    let token = sign(&agency_claims(), &key).unwrap();
    let mine = verify(
        &token,
        &jwks,
        &Options {
            account: Some("acct-2"),
            ..at(NOW)
        },
    );
    assert_eq!(mine.status, Status::Verified);
    let copied = verify(
        &token,
        &jwks,
        &Options {
            account: Some("scam-recruiter-999"),
            ..at(NOW)
        },
    );
    expect(&copied, Status::Invalid, "wrong-account");
}

#[test]
fn keys_rotate_with_an_overlap_then_go() {
    let old = SigningKeyJwk::from_seed([1; 32], "2026-a");
    let new = SigningKeyJwk::from_seed([2; 32], "2026-b");
    let pub_of =
        |k: &SigningKeyJwk| serde_json::from_str::<Value>(&k.public_jwks()).unwrap()["keys"][0].clone();
    let retired_at = IAT + 10 * 86_400;
    let mut old_retired = pub_of(&old);
    old_retired[jws::RETIRED] = json!(retired_at);
    let overlap = Jwks::from_value(&json!({"keys": [old_retired, pub_of(&new)]})).unwrap();
    let after = Jwks::from_value(&json!({"keys": [pub_of(&new)]})).unwrap();
    let mut c = agency_claims();
    let from_old = sign(&c, &old).unwrap(); // issued at IAT, before the retirement
    c["iat"] = json!(retired_at + 1);
    let old_after_retirement = sign(&c, &old).unwrap();
    let from_new = sign(&c, &new).unwrap();
    // During the overlap: both keys' credentials verify, the retired key signs nothing new.
    assert_eq!(verify(&from_old, &overlap, &at(NOW)).status, Status::Verified);
    assert_eq!(verify(&from_new, &overlap, &at(NOW)).status, Status::Verified);
    expect(
        &verify(&old_after_retirement, &overlap, &at(NOW)),
        Status::Invalid,
        "retired-key",
    );
    // After removal: the old key's credentials no longer verify; the new ones do.
    expect(
        &verify(&from_old, &after, &at(NOW)),
        Status::Invalid,
        "unknown-kid",
    );
    assert_eq!(verify(&from_new, &after, &at(NOW)).status, Status::Verified);
    // A kid that names no key.
    let stranger = SigningKeyJwk::from_seed([3; 32], "nobody");
    expect(
        &verify(&sign(&c, &stranger).unwrap(), &overlap, &at(NOW)),
        Status::Invalid,
        "unknown-kid",
    );
    // A retirement time that is not whole seconds skips the key (with a warning), never trusts it.
    let mut bad = pub_of(&old);
    bad[jws::RETIRED] = json!("soon");
    let set = Jwks::from_value(&json!({"keys": [bad, pub_of(&new)]})).unwrap();
    assert_eq!(set.warnings().len(), 1);
    expect(
        &verify(&from_old, &set, &at(NOW)),
        Status::Invalid,
        "unusable-key",
    );
}
