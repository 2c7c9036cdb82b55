//! The account badge: a credential the platform signs (compact JWS, RFC 7515; EdDSA over Ed25519,
//! RFC 8037), verified wherever it is shown: in the visitor's browser, in Node, in the CLI. Pure Rust.
//!
//! ```
//! use jobseal::badge::{self, Status};
//! let key = badge::SigningKeyJwk::from_seed([7; 32], "k1");
//! let claims = serde_json::json!({
//!     "iss": "https://jobs.example", "sub": "acct-1", "iat": 1_764_000_000, "exp": 1_764_000_000 + 86_400 * 90,
//!     "jti": "b-1", "kind": "employer", "name": "苏州明澜电子科技有限公司", "uscc": "91310110666007217T",
//!     "origins": ["https://jobs.example"]
//! });
//! let token = badge::sign(&claims, &key).unwrap();
//! let jwks = badge::Jwks::parse(&key.public_jwks()).unwrap();
//! let opts = badge::Options { origin: Some("https://jobs.example"), ..badge::Options::at(1_764_000_100) };
//! let v = badge::verify(&token, &jwks, &opts);
//! assert_eq!(v.status, Status::Verified);
//! ```

pub mod jws;
pub mod status_list;
pub mod uscc;

use serde::Serialize;
use serde_json::Value;

pub use jws::{sign, Jwks, JwksError, SigningKeyJwk};
pub use status_list::StatusList;

/// `exp` may be at most this long after `iat`: the circular asks for re-verification at least every
/// six months.
pub const MAX_VALIDITY_SECS: i64 = 184 * 86_400;
/// Clock skew tolerated for `iat` in the future.
const SKEW_SECS: i64 = 300;
pub const TYP: &str = "jobseal-badge+jwt";

/// The verdict on a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Verified,
    Expired,
    Invalid,
    /// The platform's status list marks it revoked (1).
    Revoked,
    /// The platform's status list marks it suspended (2, in 2-bit lists).
    Suspended,
    /// Signed and in date, but its status list could not be checked (not given, not fetched, refused).
    Unconfirmed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Expired => "expired",
            Status::Invalid => "invalid",
            Status::Revoked => "revoked",
            Status::Suspended => "suspended",
            Status::Unconfirmed => "unconfirmed",
        }
    }
}

/// Why a credential is not verified, or what is soft about it: a stable code and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub message: String,
}

fn reason(code: &'static str, message: impl Into<String>) -> Reason {
    Reason {
        code,
        message: message.into(),
    }
}

/// What verification needs besides the token and the keys.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The origin the badge is shown on (`https://jobs.example`). None skips the origin check (the
    /// CLI without --origin).
    pub origin: Option<&'a str>,
    /// Now, in seconds since the Unix epoch.
    pub now: i64,
    /// The account the page belongs to (the expected `sub`): a credential of any other account is
    /// invalid (`wrong-account`). None skips the check.
    pub account: Option<&'a str>,
    /// The status list, for a credential that names one (`status.status_list`).
    pub status: StatusCheck<'a>,
}

impl Options<'_> {
    /// No origin, account or status list: only the token, the keys and the time.
    pub fn at(now: i64) -> Options<'static> {
        Options {
            origin: None,
            now,
            account: None,
            status: StatusCheck::NotGiven,
        }
    }
}

/// What is known of the status list a credential names.
#[derive(Debug, Clone, Copy, Default)]
pub enum StatusCheck<'a> {
    /// None was fetched or given: a credential naming one is `unconfirmed`.
    #[default]
    NotGiven,
    /// A list verified with [`StatusList::verify`].
    List(&'a StatusList),
    /// The list could not be had or was refused (forged, expired, another list): `unconfirmed`.
    Refused(&'a Reason),
}

/// The result: `{"status", "reasons", "warnings", "claims"}`. `claims` is present only when the
/// signature verified: a tampered or forged token shows nothing as if it were true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    pub status: Status,
    pub reasons: Vec<Reason>,
    pub warnings: Vec<Reason>,
    pub claims: Option<Value>,
}

fn invalid(reasons: Vec<Reason>) -> Verification {
    Verification {
        status: Status::Invalid,
        reasons,
        warnings: Vec::new(),
        claims: None,
    }
}

/// A calendar date `YYYY-MM-DD` as days since the epoch.
fn date_days(s: &str) -> Option<i64> {
    crate::engine::Date::parse(s).map(crate::engine::Date::days_since_epoch)
}

/// Characters that show nothing, or that reorder or hide what follows, beyond
/// [`crate::engine::normalize::is_invisible`]: Hangul fillers, the braille blank, Mongolian and Khmer
/// invisible signs, deprecated format characters, interlinear annotation, musical formatting, and the
/// supplementary variation selectors.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || crate::engine::normalize::is_invisible(c)
        || matches!(c,
            '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}' | '\u{061C}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{2065}'..='\u{206F}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0100}'..='\u{E01EF}')
}

/// Bidi embedding, override and isolate controls: in a name they make it display as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Why a `name` cannot be shown as the account's name, if it cannot.
fn bad_name(name: &str) -> Option<&'static str> {
    if name.chars().all(is_blank) {
        Some("`name` is empty or invisible (only spaces, control or zero-width characters)")
    } else if name.chars().any(is_bidi_control) {
        Some("`name` contains bidi control characters, which make it display as something else")
    } else if name.chars().any(char::is_control) {
        Some("`name` contains control characters")
    } else {
        None
    }
}

/// The account a verified credential certifies (its `name` and `kind`), for the `employer-mismatch`
/// rule: only for a credential that is `verified`, or `unconfirmed` when its status list was not
/// given; None for any other verdict or kind.
pub fn account_of(v: &Verification) -> Option<crate::engine::account::Account> {
    if !matches!(v.status, Status::Verified | Status::Unconfirmed) {
        return None;
    }
    let c = v.claims.as_ref()?;
    Some(crate::engine::account::Account {
        name: c.get("name")?.as_str()?.to_string(),
        kind: crate::engine::account::AccountKind::parse(c.get("kind")?.as_str()?)?,
    })
}

/// The account a credential certifies, verified now against `jwks` (no origin, no status list), or
/// why it cannot be the publishing account ("the credential is invalid, …: code (message); …").
pub fn account_for(token: &str, jwks: &Jwks, now: i64) -> Result<crate::engine::account::Account, String> {
    let v = verify(token, jwks, &Options::at(now));
    account_of(&v).ok_or_else(|| {
        let why: Vec<String> = v
            .reasons
            .iter()
            .map(|r| format!("{} ({})", r.code, r.message))
            .collect();
        format!(
            "the credential is {}, not usable as the publishing account: {}",
            v.status.as_str(),
            why.join("; ")
        )
    })
}

/// Verifies a compact JWS badge credential against a key set. Keys the set skipped are listed in
/// `warnings` (code `key-skipped`).
pub fn verify(token: &str, jwks: &Jwks, opts: &Options<'_>) -> Verification {
    let mut v = verify_token(token, jwks, opts);
    v.warnings
        .extend(jwks.warnings().iter().map(|w| reason("key-skipped", w.clone())));
    v
}

fn verify_token(token: &str, jwks: &Jwks, opts: &Options<'_>) -> Verification {
    let parsed = match jws::verify_compact(token, jwks, TYP) {
        Ok(p) => p,
        Err(r) => return invalid(vec![r]),
    };
    let claims = parsed.payload;
    let Value::Object(map) = &claims else {
        return invalid(vec![reason("malformed", "the payload is not a JSON object")]);
    };
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    let mut expired = false;

    let text = |k: &str| {
        map.get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    };
    let int = |k: &str| map.get(k).and_then(Value::as_i64);
    for k in ["iss", "sub", "jti", "name", "uscc", "kind"] {
        if text(k).is_none() {
            reasons.push(reason(
                "missing-claim",
                format!("claim `{k}` is missing or not a non-empty string"),
            ));
        }
    }
    if let Some(name) = map.get("name").and_then(Value::as_str) {
        if let Some(why) = bad_name(name) {
            reasons.push(reason("bad-name", why));
        }
    }
    // Checked arithmetic: in a release build `exp - iat` wrapped, and `iat = -2^63` passed the limit.
    let latest_start = opts.now.saturating_add(SKEW_SECS);
    match (int("iat"), int("exp")) {
        (Some(iat), Some(exp)) => {
            match exp.checked_sub(iat) {
                None => reasons.push(reason("bad-validity", "`exp - iat` is out of range")),
                Some(span) if span <= 0 => reasons.push(reason("bad-validity", "`exp` is not after `iat`")),
                Some(span) if span > MAX_VALIDITY_SECS => reasons.push(reason(
                    "exp-too-far",
                    format!(
                        "`exp` is {} days after `iat`; re-verification is due at least every 184 days",
                        span / 86_400
                    ),
                )),
                Some(_) => {}
            }
            if iat > latest_start {
                reasons.push(reason("not-yet-valid", "`iat` is in the future"));
            }
            if opts.now >= exp {
                expired = true;
                reasons.push(reason(
                    "expired",
                    "the credential has expired: the account must be re-verified",
                ));
            }
        }
        _ => reasons.push(reason(
            "missing-claim",
            "claims `iat` and `exp` must be whole numbers of seconds",
        )),
    }
    match map.get("nbf") {
        None => {}
        Some(nbf) => match nbf.as_i64() {
            Some(nbf) if nbf > latest_start => reasons.push(reason(
                "not-yet-valid",
                "`nbf` is in the future: the credential is not valid yet",
            )),
            Some(_) => {}
            None => reasons.push(reason("bad-nbf", "`nbf` must be a whole number of seconds")),
        },
    }
    match text("kind") {
        Some("employer" | "public_service") | None => {}
        Some("hr_agency") => match map.get("licence").and_then(Value::as_object) {
            None => reasons.push(reason(
                "missing-licence",
                "an HR agency badge must carry its 人力资源服务许可证 (`licence`)",
            )),
            Some(lic) => {
                let field = |k: &str| {
                    lic.get(k)
                        .and_then(Value::as_str)
                        .filter(|s| !s.trim().is_empty())
                };
                for k in ["number", "authority", "valid_from", "valid_until"] {
                    if field(k).is_none() {
                        reasons.push(reason("missing-licence", format!("licence `{k}` is missing")));
                    }
                }
                let today = opts.now.div_euclid(86_400);
                match (
                    field("valid_from").map(date_days),
                    field("valid_until").map(date_days),
                ) {
                    (Some(Some(from)), Some(Some(until))) => {
                        if today > until {
                            expired = true;
                            reasons.push(reason("licence-expired", "the 人力资源服务许可证 has expired"));
                        }
                        if today < from {
                            reasons.push(reason(
                                "licence-not-yet-valid",
                                "the 人力资源服务许可证 is not valid yet",
                            ));
                        }
                    }
                    (Some(_), Some(_)) => reasons.push(reason(
                        "missing-licence",
                        "licence dates must be written YYYY-MM-DD",
                    )),
                    _ => {}
                }
            }
        },
        Some(other) => reasons.push(reason(
            "bad-kind",
            format!("`kind` is {other:?}; expected employer, hr_agency or public_service"),
        )),
    }
    if let Some(code) = text("uscc") {
        match uscc::validate(code) {
            Ok(()) => {}
            Err(e @ uscc::UsccError::CheckDigit { .. }) => {
                warnings.push(reason("uscc-check-digit", e.to_string()))
            }
            Err(e) => reasons.push(reason("uscc-shape", format!("统一社会信用代码 {e}"))),
        }
    }
    // The page's account: a genuine badge copied onto another account's page (issue 13).
    if let Some(want) = opts.account {
        let sub = text("sub").unwrap_or("");
        if sub != want {
            reasons.push(reason(
                "wrong-account",
                format!("this badge belongs to account {sub:?}, not to this page's account {want:?}"),
            ));
        }
    }
    // The status list the credential names, if any.
    let mut listed = None;
    let mut unconfirmed = false;
    if let Some(st) = map.get("status") {
        let entry = st
            .get("status_list")
            .and_then(|l| Some((l.get("idx")?.as_u64()?, l.get("uri")?.as_str()?)));
        match entry {
            None => reasons.push(reason(
                "bad-status",
                "`status.status_list` must hold a whole `idx` and a `uri`",
            )),
            Some((idx, uri)) => match opts.status {
                StatusCheck::List(list) if list.uri == uri => match list.get(idx) {
                    None => reasons.push(reason(
                        "bad-status",
                        format!("index {idx} is past the end of the status list"),
                    )),
                    Some(0) => {}
                    Some(v) => listed = Some(v),
                },
                StatusCheck::List(list) => {
                    unconfirmed = true;
                    warnings.push(reason(
                        "status-unconfirmed",
                        format!(
                            "the status list given is {:?}; the credential names {uri:?}",
                            list.uri
                        ),
                    ));
                }
                StatusCheck::Refused(r) => {
                    unconfirmed = true;
                    warnings.push(reason(
                        "status-unconfirmed",
                        format!("the status list could not be used: {}", r.message),
                    ));
                }
                StatusCheck::NotGiven => {
                    unconfirmed = true;
                    warnings.push(reason(
                        "status-unconfirmed",
                        "the credential names a status list that was not checked",
                    ));
                }
            },
        }
    }
    match map.get("origins").and_then(Value::as_array) {
        None => reasons.push(reason(
            "missing-claim",
            "claim `origins` must list the sites allowed to show the badge",
        )),
        Some(list) => {
            if let Some(origin) = opts.origin {
                let origin = origin.trim_end_matches('/');
                if !list
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|o| o.trim_end_matches('/') == origin)
                {
                    reasons.push(reason(
                        "wrong-origin",
                        format!("this badge is not issued for {origin}"),
                    ));
                }
            }
        }
    }
    for k in ["logo", "business_licence_url"] {
        if let Some(u) = map.get(k) {
            if !u.as_str().is_some_and(|u| u.starts_with("https://")) {
                warnings.push(reason(
                    "not-https",
                    format!("`{k}` is not an https URL and is not shown"),
                ));
            }
        }
    }
    let hard = reasons
        .iter()
        .any(|r| r.code != "expired" && r.code != "licence-expired");
    let status = if hard {
        Status::Invalid
    } else if listed == Some(1) {
        reasons.push(reason("revoked", "the platform has revoked this credential"));
        Status::Revoked
    } else if listed == Some(2) {
        reasons.push(reason("suspended", "the platform has suspended this credential"));
        Status::Suspended
    } else if let Some(v) = listed {
        warnings.push(reason(
            "status-unconfirmed",
            format!("the status list holds {v}, which has no meaning here"),
        ));
        if expired {
            Status::Expired
        } else {
            Status::Unconfirmed
        }
    } else if expired {
        Status::Expired
    } else if unconfirmed {
        Status::Unconfirmed
    } else {
        Status::Verified
    };
    Verification {
        status,
        reasons,
        warnings,
        claims: Some(claims),
    }
}

#[cfg(test)]
mod tests;
