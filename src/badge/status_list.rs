//! Revocation: a Token Status List (draft-ietf-oauth-status-list, JWT form). The platform publishes a
//! `statuslist+jwt` signed with its key set; its payload holds the list's URI (`sub`), `iat`, an
//! optional `exp` and `ttl`, and `status_list: { bits, lst }`, where `lst` is the base64url of the
//! ZLIB-compressed (RFC 1950) byte array of statuses, `bits` (1 or 2) per credential, the first status
//! in the least significant bits of the first byte. A credential names its entry with
//! `status: { status_list: { idx, uri } }`. Status values: 0 valid, 1 invalid (revoked), 2 suspended.
//!
//! ```
//! use jobseal::badge::{status_list::StatusList, SigningKeyJwk, Jwks};
//! let key = SigningKeyJwk::from_seed([7; 32], "k1");
//! let mut list = StatusList::new("https://jobs.example/status/1", 1, 1000).unwrap();
//! list.set(42, 1).unwrap();
//! let token = list.sign(&key, 1_764_000_000, Some(1_764_000_000 + 86_400), Some(300)).unwrap();
//! let jwks = Jwks::parse(&key.public_jwks()).unwrap();
//! let read = StatusList::verify(&token, &jwks, Some("https://jobs.example/status/1"), 1_764_000_100).unwrap();
//! assert_eq!((read.get(42), read.get(41)), (Some(1), Some(0)));
//! ```

use serde_json::{json, Value};

use super::jws::{self, b64, unb64, Jwks, JwksError, SigningKeyJwk};
use super::Reason;

/// The JWT `typ` of a status list.
pub const TYP: &str = "statuslist+jwt";
/// The largest list read: 2 Mi entries of 8 bits after decompression (a ZLIB bomb stops there).
pub const MAX_BYTES: usize = 2 << 20;
/// Clock skew tolerated for `iat` in the future.
const SKEW_SECS: i64 = 300;

/// A status list: its URI, bits per entry and the uncompressed bytes. `iat`, `exp` and `ttl` are
/// those of the token it was read from (0 and None for a new list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusList {
    pub uri: String,
    pub bits: u8,
    pub bytes: Vec<u8>,
    pub iat: i64,
    pub exp: Option<i64>,
    pub ttl: Option<i64>,
}

fn reason(code: &'static str, message: impl Into<String>) -> Reason {
    Reason {
        code,
        message: message.into(),
    }
}

impl StatusList {
    /// A list of `size` entries, all valid (0). `bits` is 1 (valid/revoked) or 2 (also suspended).
    pub fn new(uri: &str, bits: u8, size: usize) -> Result<StatusList, String> {
        if !matches!(bits, 1 | 2) {
            return Err(format!("bits must be 1 or 2, not {bits}"));
        }
        if uri.trim().is_empty() {
            return Err("the list needs a URI".into());
        }
        let bytes = (size * bits as usize).div_ceil(8);
        if size == 0 || bytes > MAX_BYTES {
            return Err(format!(
                "size must be between 1 and {} entries",
                MAX_BYTES * 8 / bits as usize
            ));
        }
        Ok(StatusList {
            uri: uri.to_string(),
            bits,
            bytes: vec![0; bytes],
            iat: 0,
            exp: None,
            ttl: None,
        })
    }

    /// How many entries the list holds.
    pub fn len(&self) -> usize {
        self.bytes.len() * 8 / self.bits as usize
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The status at `idx`, or None past the end.
    pub fn get(&self, idx: u64) -> Option<u8> {
        let bits = u64::from(self.bits);
        let bit = idx.checked_mul(bits)?;
        let byte = usize::try_from(bit / 8).ok()?;
        let shift = (bit % 8) as u8;
        let mask = ((1u16 << self.bits) - 1) as u8;
        self.bytes.get(byte).map(|b| (b >> shift) & mask)
    }

    /// Sets the status at `idx` (0 valid, 1 revoked, 2 suspended with 2-bit lists).
    pub fn set(&mut self, idx: u64, value: u8) -> Result<(), String> {
        if u16::from(value) >= 1u16 << self.bits {
            return Err(format!("status {value} does not fit in {} bit(s)", self.bits));
        }
        let bits = u64::from(self.bits);
        let bit = idx
            .checked_mul(bits)
            .ok_or_else(|| format!("index {idx} is out of range"))?;
        let byte = usize::try_from(bit / 8).map_err(|_| format!("index {idx} is out of range"))?;
        let shift = (bit % 8) as u8;
        let mask = ((1u16 << self.bits) - 1) as u8;
        let len = self.len();
        let b = self
            .bytes
            .get_mut(byte)
            .ok_or_else(|| format!("index {idx} is past the end of the list ({len} entries)"))?;
        *b = (*b & !(mask << shift)) | (value << shift);
        Ok(())
    }

    /// The list as the file the CLI keeps: `{ uri, bits, size, lst }` (`lst` compressed as in the token).
    pub fn to_file(&self) -> Value {
        json!({"uri": self.uri, "bits": self.bits, "size": self.len(), "lst": b64(&compress(&self.bytes))})
    }

    /// Reads the CLI's list file.
    pub fn from_file(text: &str) -> Result<StatusList, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("the list file is not JSON: {e}"))?;
        let uri = v
            .get("uri")
            .and_then(Value::as_str)
            .ok_or("the list file has no `uri`")?;
        let (bits, bytes) = read_list(&v).map_err(|r| r.message)?;
        Ok(StatusList {
            uri: uri.to_string(),
            bits,
            bytes,
            iat: 0,
            exp: None,
            ttl: None,
        })
    }

    /// Signs the list as a `statuslist+jwt` issued at `iat`.
    pub fn sign(
        &self,
        key: &SigningKeyJwk,
        iat: i64,
        exp: Option<i64>,
        ttl: Option<i64>,
    ) -> Result<String, JwksError> {
        let mut claims = json!({
            "sub": self.uri, "iat": iat,
            "status_list": {"bits": self.bits, "lst": b64(&compress(&self.bytes))},
        });
        if let Some(exp) = exp {
            claims["exp"] = json!(exp);
        }
        if let Some(ttl) = ttl {
            claims["ttl"] = json!(ttl);
        }
        jws::sign_typed(&claims, key, TYP)
    }

    /// Verifies a `statuslist+jwt` against the platform's key set: the signature, the `typ`, that its
    /// `sub` is `expected_uri` (the URI the credential names), that it was issued (`iat`) and has not
    /// expired (`exp`), and that the list decompresses. Every refusal is a [`Reason`].
    pub fn verify(
        token: &str,
        jwks: &Jwks,
        expected_uri: Option<&str>,
        now: i64,
    ) -> Result<StatusList, Reason> {
        let parsed = jws::verify_compact(token, jwks, TYP)?;
        let p = &parsed.payload;
        let uri = p
            .get("sub")
            .and_then(Value::as_str)
            .ok_or_else(|| reason("missing-claim", "the status list has no `sub` (its URI)"))?;
        if let Some(want) = expected_uri {
            if uri != want {
                return Err(reason(
                    "wrong-list",
                    format!("the status list is for {uri:?}, not {want:?}"),
                ));
            }
        }
        let iat = p
            .get("iat")
            .and_then(Value::as_i64)
            .ok_or_else(|| reason("missing-claim", "the status list has no `iat`"))?;
        if iat > now.saturating_add(SKEW_SECS) {
            return Err(reason(
                "not-yet-valid",
                "the status list's `iat` is in the future",
            ));
        }
        let exp = match p.get("exp") {
            None => None,
            Some(e) => Some(
                e.as_i64()
                    .ok_or_else(|| reason("bad-exp", "`exp` must be whole seconds"))?,
            ),
        };
        if exp.is_some_and(|exp| now >= exp) {
            return Err(reason("list-expired", "the status list has expired"));
        }
        let ttl = match p.get("ttl") {
            None => None,
            Some(t) => Some(
                t.as_i64()
                    .filter(|t| *t >= 0)
                    .ok_or_else(|| reason("bad-ttl", "`ttl` must be a whole number of seconds"))?,
            ),
        };
        let list = p
            .get("status_list")
            .ok_or_else(|| reason("missing-claim", "the token has no `status_list`"))?;
        let (bits, bytes) = read_list(list)?;
        Ok(StatusList {
            uri: uri.to_string(),
            bits,
            bytes,
            iat,
            exp,
            ttl,
        })
    }
}

/// The `status.status_list.uri` a credential names, read WITHOUT verifying it: only to know which
/// list to fetch or load; the list and the credential are verified afterwards.
pub fn uri_named_by(token: &str) -> Option<String> {
    let v = jws::peek_payload(token)?;
    Some(v.pointer("/status/status_list/uri")?.as_str()?.to_string())
}

fn read_list(v: &Value) -> Result<(u8, Vec<u8>), Reason> {
    let bits = v
        .get("bits")
        .and_then(Value::as_u64)
        .filter(|b| matches!(b, 1 | 2 | 4 | 8))
        .ok_or_else(|| reason("bad-list", "`status_list.bits` must be 1, 2, 4 or 8"))? as u8;
    let lst = v
        .get("lst")
        .and_then(Value::as_str)
        .and_then(unb64)
        .ok_or_else(|| reason("bad-list", "`status_list.lst` is not base64url"))?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&lst, MAX_BYTES).map_err(|_| {
        reason(
            "bad-list",
            "`status_list.lst` is not a ZLIB stream of at most 2 MiB",
        )
    })?;
    if bytes.is_empty() {
        return Err(reason("bad-list", "the status list is empty"));
    }
    Ok((bits, bytes))
}

fn compress(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_000_000;
    const URI: &str = "https://jobs.example/status/1";

    fn key(kid: &str, seed: u8) -> SigningKeyJwk {
        SigningKeyJwk::from_seed([seed; 32], kid)
    }

    #[test]
    fn bits_are_read_least_significant_first() {
        // The draft's example: statuses [1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1] are the bytes 0xB9 0xA3.
        let mut l = StatusList::new(URI, 1, 16).unwrap();
        for (i, s) in [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]
            .iter()
            .enumerate()
        {
            l.set(i as u64, *s).unwrap();
        }
        assert_eq!(l.bytes, [0xB9, 0xA3]);
        let mut two = StatusList::new(URI, 2, 4).unwrap();
        two.set(0, 1).unwrap();
        two.set(1, 2).unwrap();
        two.set(3, 1).unwrap();
        assert_eq!(two.bytes, [0b0100_1001]);
        assert_eq!(
            (two.get(0), two.get(1), two.get(2), two.get(3), two.get(4)),
            (Some(1), Some(2), Some(0), Some(1), None)
        );
        assert!(l.set(16, 1).is_err());
        assert!(l.set(0, 2).is_err());
        assert!(l.set(u64::MAX, 1).is_err());
        assert_eq!(l.get(u64::MAX), None);
    }

    #[test]
    fn signed_lists_verify_and_forged_ones_are_refused() {
        let k = key("k1", 7);
        let jwks = Jwks::parse(&k.public_jwks()).unwrap();
        let mut l = StatusList::new(URI, 1, 100_000).unwrap();
        l.set(99_999, 1).unwrap();
        let token = l.sign(&k, NOW, Some(NOW + 3600), Some(300)).unwrap();
        assert!(
            token.len() < 400,
            "100,000 entries compress to a short token: {}",
            token.len()
        );
        let read = StatusList::verify(&token, &jwks, Some(URI), NOW + 10).unwrap();
        assert_eq!(
            (read.get(99_999), read.get(0), read.ttl, read.exp),
            (Some(1), Some(0), Some(300), Some(NOW + 3600))
        );
        // Wrong key, wrong list, expired, not yet issued, a badge's typ.
        let other = key("k1", 9);
        let forged = l.sign(&other, NOW, None, None).unwrap();
        assert_eq!(
            StatusList::verify(&forged, &jwks, Some(URI), NOW)
                .unwrap_err()
                .code,
            "bad-signature"
        );
        assert_eq!(
            StatusList::verify(&token, &jwks, Some("https://jobs.example/status/2"), NOW)
                .unwrap_err()
                .code,
            "wrong-list"
        );
        assert_eq!(
            StatusList::verify(&token, &jwks, Some(URI), NOW + 3600)
                .unwrap_err()
                .code,
            "list-expired"
        );
        assert_eq!(
            StatusList::verify(&token, &jwks, Some(URI), NOW - 3600)
                .unwrap_err()
                .code,
            "not-yet-valid"
        );
        let badge = crate::badge::sign(&json!({"sub": URI, "iat": NOW}), &k).unwrap();
        assert_eq!(
            StatusList::verify(&badge, &jwks, Some(URI), NOW)
                .unwrap_err()
                .code,
            "wrong-typ"
        );
    }

    #[test]
    fn bombs_and_garbage_are_refused() {
        let k = key("k1", 7);
        let jwks = Jwks::parse(&k.public_jwks()).unwrap();
        let sign = |list: Value| {
            jws::sign_typed(&json!({"sub": URI, "iat": NOW, "status_list": list}), &k, TYP).unwrap()
        };
        // 16 MiB of zeros compress to a few KB: refused at 2 MiB.
        let bomb = b64(&compress(&vec![0u8; 16 << 20]));
        for list in [
            json!({"bits": 1, "lst": bomb}),
            json!({"bits": 3, "lst": b64(&compress(&[0]))}),
            json!({"bits": 1, "lst": "not base64!"}),
            json!({"bits": 1, "lst": b64(b"not zlib")}),
            json!({"bits": 1, "lst": b64(&compress(&[]))}),
            json!({"bits": 1}),
        ] {
            assert_eq!(
                StatusList::verify(&sign(list.clone()), &jwks, Some(URI), NOW)
                    .unwrap_err()
                    .code,
                "bad-list",
                "{list}"
            );
        }
    }

    #[test]
    fn the_cli_file_round_trips() {
        let mut l = StatusList::new(URI, 2, 10).unwrap();
        l.set(3, 2).unwrap();
        let back = StatusList::from_file(&l.to_file().to_string()).unwrap();
        assert_eq!(
            (back.uri.as_str(), back.bits, back.get(3), back.len()),
            (URI, 2, Some(2), 12)
        );
    }
}
