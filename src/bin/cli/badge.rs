//! `jobseal badge keygen | sign | verify | rotate | status-list`: the platform side of the account badge.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use jobseal::badge::{self, Jwks, Options, SigningKeyJwk, Status, StatusCheck, StatusList};
use serde_json::{json, Value};

#[derive(Debug, Subcommand)]
pub enum BadgeCommand {
    /// Generate an Ed25519 signing key: writes the private JWK to --out (mode 0600, never overwritten)
    /// and prints the public key set (JWKS) to publish.
    Keygen {
        /// Key id, published in the JWKS and named in every credential's header.
        #[arg(long)]
        kid: String,
        #[arg(long, value_name = "KEY.jwk")]
        out: PathBuf,
    },
    /// Sign claims (a JSON object, from CLAIMS.json or stdin) into a compact JWS credential.
    Sign {
        #[arg(long, value_name = "KEY.jwk")]
        key: PathBuf,
        claims: Option<PathBuf>,
    },
    /// Verify a credential; prints {"status","reasons","warnings","claims"}. Exit 0 only if verified.
    Verify {
        #[arg(long, value_name = "JWKS.json")]
        jwks: PathBuf,
        /// The site origin the badge is shown on (https://jobs.example.cn).
        #[arg(long)]
        origin: Option<String>,
        /// Now, as Unix seconds (default: the system clock).
        #[arg(long)]
        now: Option<i64>,
        /// The account the badge is shown for (its expected `sub`): any other account's badge is invalid.
        #[arg(long)]
        account: Option<String>,
        /// The signed status list (a statuslist+jwt, as `status-list sign` prints it) for credentials
        /// that name one; without it such a credential is `unconfirmed`.
        #[arg(long, value_name = "LIST.jwt")]
        status_list: Option<PathBuf>,
        /// The token, or - for stdin.
        token: String,
    },
    /// Rotate keys: generate a new key (private JWK to --out) and print the new key set: the current
    /// set, with --retire keys marked retired now (they verify what they signed before, sign nothing
    /// new) and --remove keys left out, plus the new key.
    Rotate {
        /// The key set published now.
        #[arg(long, value_name = "JWKS.json")]
        jwks: PathBuf,
        /// The new key's id.
        #[arg(long)]
        kid: String,
        #[arg(long, value_name = "KEY.jwk")]
        out: PathBuf,
        /// Key ids to mark retired (repeatable).
        #[arg(long)]
        retire: Vec<String>,
        /// Key ids to leave out of the new set (repeatable): their credentials stop verifying.
        #[arg(long)]
        remove: Vec<String>,
        /// Now, as Unix seconds (default: the system clock): the retirement time.
        #[arg(long)]
        now: Option<i64>,
    },
    /// Revocation lists (IETF Token Status List, JWT form): a list file kept by the platform, signed
    /// into the statuslist+jwt it publishes at the list's URI.
    #[command(subcommand, name = "status-list")]
    StatusList(ListCommand),
}

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// Create a list file of --size entries, all valid (never overwrites).
    New {
        /// The URI the signed list is published at (credentials name it in `status.status_list.uri`).
        #[arg(long)]
        uri: String,
        #[arg(long)]
        size: usize,
        /// 1 (valid / revoked) or 2 (also suspended).
        #[arg(long, default_value_t = 1)]
        bits: u8,
        #[arg(long, value_name = "LIST.json")]
        out: PathBuf,
    },
    /// Mark entry --idx revoked (says so on stderr; with --key, prints the signed list on stdout).
    Revoke {
        file: PathBuf,
        #[arg(long)]
        idx: u64,
        /// Also print the signed list (ttl 300 s, valid a day) to publish at once.
        #[arg(long, value_name = "KEY.jwk")]
        key: Option<PathBuf>,
    },
    /// Mark entry --idx suspended (2-bit lists).
    Suspend {
        file: PathBuf,
        #[arg(long)]
        idx: u64,
        /// Also print the signed list (ttl 300 s, valid a day) to publish at once.
        #[arg(long, value_name = "KEY.jwk")]
        key: Option<PathBuf>,
    },
    /// Mark entry --idx valid again.
    Reinstate {
        file: PathBuf,
        #[arg(long)]
        idx: u64,
        /// Also print the signed list (ttl 300 s, valid a day) to publish at once.
        #[arg(long, value_name = "KEY.jwk")]
        key: Option<PathBuf>,
    },
    /// Print the list: its URI, size, and the entries that are not valid.
    Show { file: PathBuf },
    /// Print the signed list (statuslist+jwt) to publish at its URI.
    Sign {
        file: PathBuf,
        #[arg(long, value_name = "KEY.jwk")]
        key: PathBuf,
        /// How long visitors may cache it, in seconds (`ttl`).
        #[arg(long, default_value_t = 300)]
        ttl: i64,
        /// How long it stays valid, in seconds (`exp` = now + this); publish a new one before then.
        #[arg(long, default_value_t = 86_400)]
        valid_for: i64,
        #[arg(long)]
        now: Option<i64>,
    },
}

fn read(path: Option<&Path>) -> Result<String, String> {
    let mut s = String::new();
    match path {
        Some(p) if p != Path::new("-") => {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
        }
        _ => {
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(s)
        }
    }
}

fn fail(e: impl std::fmt::Display) -> i32 {
    eprintln!("jobseal: {}", super::safe::line(&e.to_string()));
    2
}

pub fn run(command: BadgeCommand) -> i32 {
    match command {
        BadgeCommand::Keygen { kid, out } => match new_key(&kid, &out) {
            Ok(key) => {
                println!("{}", key.public_jwks());
                0
            }
            Err(e) => fail(e),
        },
        BadgeCommand::Sign { key, claims } => {
            let key = match read(Some(&key)).and_then(|t| SigningKeyJwk::parse(&t).map_err(|e| e.to_string()))
            {
                Ok(k) => k,
                Err(e) => return fail(e),
            };
            let claims = match read(claims.as_deref()).and_then(|t| {
                serde_json::from_str::<serde_json::Value>(&t).map_err(|e| format!("claims: {e}"))
            }) {
                Ok(c) => c,
                Err(e) => return fail(e),
            };
            match badge::sign(&claims, &key) {
                Ok(token) => {
                    println!("{token}");
                    0
                }
                Err(e) => fail(e),
            }
        }
        BadgeCommand::Rotate {
            jwks,
            kid,
            out,
            retire,
            remove,
            now,
        } => rotate(
            &jwks,
            &kid,
            &out,
            &retire,
            &remove,
            now.unwrap_or_else(super::now_unix),
        ),
        BadgeCommand::StatusList(c) => status_list(c),
        BadgeCommand::Verify {
            jwks,
            origin,
            now,
            account,
            status_list,
            token,
        } => {
            let jwks = match read(Some(&jwks)).and_then(|t| Jwks::parse(&t).map_err(|e| e.to_string())) {
                Ok(j) => j,
                Err(e) => return fail(e),
            };
            let token = if token == "-" {
                match read(None) {
                    Ok(t) => t,
                    Err(e) => return fail(e),
                }
            } else {
                token
            };
            let now = now.unwrap_or_else(super::now_unix);
            // The list the credential names, verified with the same key set.
            let uri = badge::status_list::uri_named_by(&token);
            let list = match &status_list {
                None => None,
                Some(p) => match read(Some(p)) {
                    Ok(t) => Some(StatusList::verify(&t, &jwks, uri.as_deref(), now)),
                    Err(e) => return fail(e),
                },
            };
            let status = match &list {
                None => StatusCheck::NotGiven,
                Some(Ok(l)) => StatusCheck::List(l),
                Some(Err(r)) => StatusCheck::Refused(r),
            };
            let v = badge::verify(
                &token,
                &jwks,
                &Options {
                    origin: origin.as_deref(),
                    now,
                    account: account.as_deref(),
                    status,
                },
            );
            match serde_json::to_string_pretty(&v) {
                Ok(s) => println!("{s}"),
                Err(e) => return fail(e),
            }
            i32::from(v.status != Status::Verified)
        }
    }
}

/// Writes a new private key to `out` (mode 0600, never overwritten).
fn new_key(kid: &str, out: &Path) -> Result<SigningKeyJwk, String> {
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).map_err(|e| format!("no randomness from the operating system: {e}"))?;
    let key = SigningKeyJwk::from_seed(seed, kid);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(out)
        .and_then(|mut f| {
            use std::io::Write;
            writeln!(f, "{}", key.private_jwk())
        })
        .map_err(|e| format!("cannot create {} (it must not exist yet): {e}", out.display()))?;
    Ok(key)
}

fn rotate(jwks: &Path, kid: &str, out: &Path, retire: &[String], remove: &[String], now: i64) -> i32 {
    let current = match read(Some(jwks)).and_then(|t| {
        // Refuse what the verifier would refuse (private members, nothing usable) before changing it.
        Jwks::parse(&t).map_err(|e| e.to_string())?;
        serde_json::from_str::<Value>(&t).map_err(|e| e.to_string())
    }) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    let mut keys: Vec<Value> = current["keys"].as_array().cloned().unwrap_or_default();
    let kid_of = |k: &Value| k.get("kid").and_then(Value::as_str).unwrap_or("").to_string();
    for wanted in retire.iter().chain(remove) {
        if !keys.iter().any(|k| kid_of(k) == *wanted) {
            return fail(format!("no key {wanted:?} in {}", jwks.display()));
        }
    }
    if keys.iter().any(|k| kid_of(k) == kid) {
        return fail(format!("the key set already has a key {kid:?}: choose a new kid"));
    }
    keys.retain(|k| !remove.contains(&kid_of(k)));
    for k in &mut keys {
        if retire.contains(&kid_of(k)) && k.get(badge::jws::RETIRED).is_none() {
            k[badge::jws::RETIRED] = json!(now);
        }
    }
    let key = match new_key(kid, out) {
        Ok(k) => k,
        Err(e) => return fail(e),
    };
    let fresh: Value = match serde_json::from_str(&key.public_jwks()) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    keys.extend(fresh["keys"].as_array().cloned().unwrap_or_default());
    println!("{}", json!({ "keys": keys }));
    0
}

fn load_list(file: &Path) -> Result<StatusList, String> {
    read(Some(file)).and_then(|t| StatusList::from_file(&t))
}

fn save_list(file: &Path, list: &StatusList) -> Result<(), String> {
    // Written beside and renamed: a crash never leaves half a list.
    let tmp = file.with_extension("tmp");
    std::fs::write(&tmp, format!("{}\n", list.to_file()))
        .and_then(|()| std::fs::rename(&tmp, file))
        .map_err(|e| format!("cannot write {}: {e}", file.display()))
}

fn status_list(command: ListCommand) -> i32 {
    let set = |file: &Path, idx: u64, value: u8, key: Option<&Path>| -> i32 {
        let mut list = match load_list(file) {
            Ok(l) => l,
            Err(e) => return fail(e),
        };
        if let Err(e) = list.set(idx, value).and_then(|()| save_list(file, &list)) {
            return fail(e);
        }
        eprintln!(
            "{}: entry {idx} is now {}",
            file.display(),
            ["valid", "revoked", "suspended"][usize::from(value)]
        );
        match key {
            None => 0,
            Some(k) => sign_list(file, k, 300, 86_400, None),
        }
    };
    match command {
        ListCommand::New { uri, size, bits, out } => {
            let list = match StatusList::new(&uri, bits, size) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&out)
                .and_then(|mut f| {
                    use std::io::Write;
                    writeln!(f, "{}", list.to_file())
                });
            if let Err(e) = written {
                return fail(format!(
                    "cannot create {} (it must not exist yet): {e}",
                    out.display()
                ));
            }
            println!("{}: {} entries for {uri}", out.display(), list.len());
            0
        }
        ListCommand::Revoke { file, idx, key } => set(&file, idx, 1, key.as_deref()),
        ListCommand::Suspend { file, idx, key } => set(&file, idx, 2, key.as_deref()),
        ListCommand::Reinstate { file, idx, key } => set(&file, idx, 0, key.as_deref()),
        ListCommand::Show { file } => {
            let list = match load_list(&file) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let marked: Vec<Value> = (0..list.len() as u64)
                .filter_map(|i| match list.get(i) {
                    Some(0) | None => None,
                    Some(v) => {
                        let name = ["valid", "revoked", "suspended"]
                            .get(usize::from(v))
                            .copied()
                            .unwrap_or("other");
                        Some(json!({"idx": i, "status": name}))
                    }
                })
                .collect();
            println!(
                "{}",
                json!({"uri": list.uri, "bits": list.bits, "size": list.len(), "not_valid": marked})
            );
            0
        }
        ListCommand::Sign {
            file,
            key,
            ttl,
            valid_for,
            now,
        } => sign_list(&file, &key, ttl, valid_for, now),
    }
}

/// Prints the list file signed as a statuslist+jwt (iat now, exp now + valid_for, the given ttl).
fn sign_list(file: &Path, key: &Path, ttl: i64, valid_for: i64, now: Option<i64>) -> i32 {
    let list = match load_list(file) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let key = match read(Some(key)).and_then(|t| SigningKeyJwk::parse(&t).map_err(|e| e.to_string())) {
        Ok(k) => k,
        Err(e) => return fail(e),
    };
    let now = now.unwrap_or_else(super::now_unix);
    match list.sign(&key, now, Some(now.saturating_add(valid_for)), Some(ttl)) {
        Ok(t) => {
            println!("{t}");
            0
        }
        Err(e) => fail(e),
    }
}
