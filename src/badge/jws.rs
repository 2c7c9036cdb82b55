//! Compact JWS with EdDSA over Ed25519 (RFC 7515, RFC 8037), and the JWK/JWKS forms of its keys.
//!
//! Only `alg: EdDSA` is accepted, only with an OKP/Ed25519 key found by `kid` in the key set: `none`,
//! `HS256` (a public key used as an HMAC secret) and any other algorithm or key type are refused
//! before a signature is looked at. Signatures are checked with `verify_strict` (no malleable or
//! small-order forms).

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde_json::{json, Value};

use super::Reason;

pub(crate) fn b64(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

pub(crate) fn unb64(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(s).ok()
}

fn reason(code: &'static str, message: impl Into<String>) -> Reason {
    Reason {
        code,
        message: message.into(),
    }
}

/// A key set that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JwksError(pub String);

impl fmt::Display for JwksError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid key set: {}", self.0)
    }
}

impl std::error::Error for JwksError {}

/// JWK members that belong to a private or symmetric key (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
/// The JWK member that marks a retired key (Unix seconds): it verifies tokens issued (`iat`) up to
/// then, and nothing signed later.
pub const RETIRED: &str = "jobseal_retired_at";

const PRIVATE_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// A key of the set that names itself (`kid`) but that the verifier cannot use, and why.
#[derive(Debug, Clone)]
struct Unusable {
    kid: String,
    code: &'static str,
    why: String,
}

/// A platform's published verification keys: `{"keys":[{"kty":"OKP","crv":"Ed25519","x":…,"kid":…}]}`.
///
/// - A key the verifier cannot use (another type such as RSA or EC, another curve, no `kid`, `use` other
///   than `sig`, `alg` other than `EdDSA`, a bad `x`, a repeated `kid`) is skipped with a warning
///   ([`Jwks::warnings`]); RFC 7517 allows all of these in a set, so one of them must not make every
///   badge invalid. A token naming a skipped key is refused (`key-type-not-allowed` / `unusable-key`), so
///   key confusion stays impossible.
/// - A key carrying private parameters (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, or a symmetric `k`) makes
///   the whole set an error: a published set with a private key means the signing key has leaked.
/// - A set with no usable key is an error: nothing could ever verify against it.
#[derive(Debug, Clone)]
pub struct Jwks {
    /// (kid, key, retired at): a retired key verifies only what it signed before it was retired.
    keys: Vec<(String, VerifyingKey, Option<i64>)>,
    unusable: Vec<Unusable>,
    warnings: Vec<String>,
}

impl Jwks {
    pub fn parse(text: &str) -> Result<Jwks, JwksError> {
        let v: Value = serde_json::from_str(text).map_err(|e| JwksError(format!("not valid JSON: {e}")))?;
        Jwks::from_value(&v)
    }

    pub fn from_value(v: &Value) -> Result<Jwks, JwksError> {
        let list = v
            .get("keys")
            .and_then(Value::as_array)
            .ok_or_else(|| JwksError("expected an object with a `keys` array".into()))?;
        // Private material anywhere refuses the whole set, before anything else is read.
        for (i, k) in list.iter().enumerate() {
            if let Some(m) = PRIVATE_MEMBERS
                .iter()
                .find(|m| k.as_object().is_some_and(|o| o.contains_key(**m)))
            {
                return Err(JwksError(format!(
                    "keys[{i}] carries the private key parameter `{m}`: a published key set must hold \
                     public keys only. The whole set is refused; treat that key as leaked and replace it"
                )));
            }
        }
        let mut set = Jwks {
            keys: Vec::new(),
            unusable: Vec::new(),
            warnings: Vec::new(),
        };
        for (i, k) in list.iter().enumerate() {
            let kid = match k.get("kid").and_then(Value::as_str) {
                Some(kid) if !kid.is_empty() => kid.to_string(),
                _ => {
                    set.warnings.push(format!("keys[{i}] has no `kid`: skipped"));
                    continue;
                }
            };
            let str_of = |name: &str| k.get(name).and_then(Value::as_str);
            let skip = |set: &mut Jwks, code: &'static str, why: String| {
                set.warnings.push(format!("keys[{i}] (`{kid}`) {why}: skipped"));
                set.unusable.push(Unusable {
                    kid: kid.clone(),
                    code,
                    why,
                });
            };
            let (kty, crv) = (str_of("kty").unwrap_or("?"), str_of("crv").unwrap_or("-"));
            if kty != "OKP" || crv != "Ed25519" {
                skip(
                    &mut set,
                    "key-type-not-allowed",
                    format!("is {kty}/{crv}, not an OKP/Ed25519 key"),
                );
                continue;
            }
            if let Some(u) = str_of("use").filter(|u| *u != "sig") {
                skip(
                    &mut set,
                    "unusable-key",
                    format!("is for `use: {u}`, not signatures"),
                );
                continue;
            }
            if let Some(a) = str_of("alg").filter(|a| *a != "EdDSA") {
                skip(&mut set, "unusable-key", format!("is for `alg: {a}`, not EdDSA"));
                continue;
            }
            let x = str_of("x")
                .and_then(unb64)
                .and_then(|b| <[u8; 32]>::try_from(b).ok());
            let Some(x) = x else {
                skip(&mut set, "unusable-key", "has no base64url 32-byte `x`".into());
                continue;
            };
            let Ok(key) = VerifyingKey::from_bytes(&x) else {
                skip(
                    &mut set,
                    "unusable-key",
                    "has an `x` that is not an Ed25519 point".into(),
                );
                continue;
            };
            if set.keys.iter().any(|(k, _, _)| *k == kid) {
                skip(
                    &mut set,
                    "unusable-key",
                    "repeats a `kid` already in the set".into(),
                );
                continue;
            }
            // Key rotation: `jobseal_retired_at` (Unix seconds) marks a key that signs nothing new.
            let retired = match k.get(RETIRED) {
                None => None,
                Some(t) => match t.as_i64() {
                    Some(t) => Some(t),
                    None => {
                        skip(
                            &mut set,
                            "unusable-key",
                            format!("has a `{RETIRED}` that is not whole seconds"),
                        );
                        continue;
                    }
                },
            };
            set.keys.push((kid, key, retired));
        }
        if set.keys.is_empty() {
            let why = if set.warnings.is_empty() {
                "the set is empty".to_string()
            } else {
                set.warnings.join("; ")
            };
            return Err(JwksError(format!("no usable OKP/Ed25519 key ({why})")));
        }
        Ok(set)
    }

    /// What was skipped, one line per key: for the platform's logs and the CLI.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    fn get(&self, kid: &str) -> Option<(&VerifyingKey, Option<i64>)> {
        self.keys
            .iter()
            .find(|(k, _, _)| k == kid)
            .map(|(_, v, r)| (v, *r))
    }

    /// The key ids of the set, with the time each retired key was retired.
    pub fn kids(&self) -> Vec<(&str, Option<i64>)> {
        self.keys.iter().map(|(k, _, r)| (k.as_str(), *r)).collect()
    }
}

/// A signing key as a private JWK (`{"kty":"OKP","crv":"Ed25519","d":…,"x":…,"kid":…}`).
#[derive(Debug, Clone)]
pub struct SigningKeyJwk {
    pub kid: String,
    key: SigningKey,
}

impl SigningKeyJwk {
    /// A key from 32 secret bytes (the caller brings the randomness: `jobseal badge keygen` uses the
    /// operating system's).
    pub fn from_seed(seed: [u8; 32], kid: &str) -> SigningKeyJwk {
        SigningKeyJwk {
            kid: kid.to_string(),
            key: SigningKey::from_bytes(&seed),
        }
    }

    pub fn parse(text: &str) -> Result<SigningKeyJwk, JwksError> {
        let v: Value = serde_json::from_str(text).map_err(|e| JwksError(format!("not valid JSON: {e}")))?;
        if v.get("kty").and_then(Value::as_str) != Some("OKP")
            || v.get("crv").and_then(Value::as_str) != Some("Ed25519")
        {
            return Err(JwksError("the signing key must be an OKP/Ed25519 JWK".into()));
        }
        let d = v
            .get("d")
            .and_then(Value::as_str)
            .and_then(unb64)
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .ok_or_else(|| JwksError("`d` is missing or not a base64url 32-byte secret".into()))?;
        let kid = v
            .get("kid")
            .and_then(Value::as_str)
            .ok_or_else(|| JwksError("`kid` is missing".into()))?;
        Ok(SigningKeyJwk::from_seed(d, kid))
    }

    /// The private JWK.
    pub fn private_jwk(&self) -> String {
        json!({"kty": "OKP", "crv": "Ed25519", "kid": self.kid, "d": b64(self.key.as_bytes()),
               "x": b64(self.key.verifying_key().as_bytes())})
        .to_string()
    }

    /// The public key set to publish: `{"keys":[…]}`.
    pub fn public_jwks(&self) -> String {
        json!({"keys": [{"kty": "OKP", "crv": "Ed25519", "kid": self.kid, "use": "sig", "alg": "EdDSA",
                         "x": b64(self.key.verifying_key().as_bytes())}]})
        .to_string()
    }
}

/// Signs claims (a JSON object) into a compact JWS badge credential.
pub fn sign(claims: &Value, key: &SigningKeyJwk) -> Result<String, JwksError> {
    sign_typed(claims, key, super::TYP)
}

/// Signs claims (a JSON object) into a compact JWS of the given `typ` (a badge, a status list).
pub fn sign_typed(claims: &Value, key: &SigningKeyJwk, typ: &str) -> Result<String, JwksError> {
    if !claims.is_object() {
        return Err(JwksError("claims must be a JSON object".into()));
    }
    let header = json!({"alg": "EdDSA", "typ": typ, "kid": key.kid});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let sig = key.key.sign(input.as_bytes());
    Ok(format!("{input}.{}", b64(&sig.to_bytes())))
}

/// A token's payload, read WITHOUT verifying anything: only to learn which status list to fetch.
pub fn peek_payload(token: &str) -> Option<Value> {
    let p = token.trim().split('.').nth(1)?;
    unb64(p).and_then(|b| serde_json::from_slice(&b).ok())
}

/// A token whose signature verified.
#[derive(Debug)]
pub struct Verified {
    pub header: Value,
    pub payload: Value,
    /// When the signing key was retired, if it was.
    pub retired_at: Option<i64>,
}

/// Parses and verifies a compact JWS. Every refusal is a [`Reason`] with a stable code.
pub fn verify_compact(token: &str, jwks: &Jwks, typ: &str) -> Result<Verified, Reason> {
    let token = token.trim();
    let parts: Vec<&str> = token.split('.').collect();
    let [h, p, s] = parts[..] else {
        return Err(reason(
            "malformed",
            "a compact JWS has three base64url parts separated by dots",
        ));
    };
    let header: Value = unb64(h)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(Value::is_object)
        .ok_or_else(|| reason("malformed", "the header is not base64url JSON"))?;
    let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
    if alg != "EdDSA" {
        return Err(reason(
            "alg-not-allowed",
            format!("algorithm {alg:?} is refused; only EdDSA (Ed25519) is accepted"),
        ));
    }
    if header.get("crit").is_some() {
        return Err(reason(
            "malformed",
            "critical header extensions are not supported",
        ));
    }
    if header.get("typ").and_then(Value::as_str) != Some(typ) {
        return Err(reason("wrong-typ", format!("`typ` must be {typ:?}")));
    }
    let kid = header.get("kid").and_then(Value::as_str).unwrap_or("");
    let (key, retired_at) = match jwks.get(kid) {
        Some(k) => k,
        None => match jwks.unusable.iter().find(|u| u.kid == kid) {
            Some(u) => return Err(reason(u.code, format!("key {kid:?} {}", u.why))),
            None => {
                return Err(reason(
                    "unknown-kid",
                    format!("no key {kid:?} in the platform's key set"),
                ))
            }
        },
    };
    let sig = unb64(s)
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
        .ok_or_else(|| {
            reason(
                "malformed",
                "the signature is not a base64url 64-byte Ed25519 signature",
            )
        })?;
    let input = &token[..h.len() + 1 + p.len()];
    key.verify_strict(input.as_bytes(), &sig).map_err(|_| {
        reason(
            "bad-signature",
            "the signature does not match: the credential was altered or forged",
        )
    })?;
    let payload: Value = unb64(p)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| reason("malformed", "the payload is not base64url JSON"))?;
    // A retired key verifies only what it signed before it was retired.
    if let Some(at) = retired_at {
        match payload.get("iat").and_then(Value::as_i64) {
            Some(iat) if iat <= at => {}
            _ => {
                return Err(reason(
                    "retired-key",
                    format!("key {kid:?} was retired before this token was issued"),
                ))
            }
        }
    }
    Ok(Verified {
        header,
        payload,
        retired_at,
    })
}
