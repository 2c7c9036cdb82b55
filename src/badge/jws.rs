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

fn b64(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

fn unb64(s: &str) -> Option<Vec<u8>> {
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

/// A platform's published verification keys: `{"keys":[{"kty":"OKP","crv":"Ed25519","x":…,"kid":…}]}`.
/// Keys of other types are kept out (and named in `skipped`), so that key confusion is impossible.
#[derive(Debug, Clone)]
pub struct Jwks {
    keys: Vec<(String, VerifyingKey)>,
    /// kids of keys that are not OKP/Ed25519 (refused if a token names them).
    skipped: Vec<String>,
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
        let mut keys = Vec::new();
        let mut skipped = Vec::new();
        for (i, k) in list.iter().enumerate() {
            let kid = k
                .get("kid")
                .and_then(Value::as_str)
                .ok_or_else(|| JwksError(format!("keys[{i}] has no `kid`")))?
                .to_string();
            let okp = k.get("kty").and_then(Value::as_str) == Some("OKP")
                && k.get("crv").and_then(Value::as_str) == Some("Ed25519");
            if !okp {
                skipped.push(kid);
                continue;
            }
            let x = k
                .get("x")
                .and_then(Value::as_str)
                .and_then(unb64)
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or_else(|| {
                    JwksError(format!("keys[{i}] (`{kid}`): `x` is not a base64url 32-byte key"))
                })?;
            let key = VerifyingKey::from_bytes(&x)
                .map_err(|_| JwksError(format!("keys[{i}] (`{kid}`): `x` is not a valid Ed25519 point")))?;
            keys.push((kid, key));
        }
        Ok(Jwks { keys, skipped })
    }

    fn get(&self, kid: &str) -> Option<&VerifyingKey> {
        self.keys.iter().find(|(k, _)| k == kid).map(|(_, v)| v)
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
    if !claims.is_object() {
        return Err(JwksError("claims must be a JSON object".into()));
    }
    let header = json!({"alg": "EdDSA", "typ": super::TYP, "kid": key.kid});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let sig = key.key.sign(input.as_bytes());
    Ok(format!("{input}.{}", b64(&sig.to_bytes())))
}

/// A token whose signature verified.
#[derive(Debug)]
pub struct Verified {
    pub header: Value,
    pub payload: Value,
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
    let key = match jwks.get(kid) {
        Some(k) => k,
        None if jwks.skipped.iter().any(|k| k == kid) => {
            return Err(reason(
                "key-type-not-allowed",
                format!("key {kid:?} is not an Ed25519 key"),
            ))
        }
        None => {
            return Err(reason(
                "unknown-kid",
                format!("no key {kid:?} in the platform's key set"),
            ))
        }
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
    Ok(Verified { header, payload })
}
