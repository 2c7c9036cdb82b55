//! `jobseal badge keygen | sign | verify`: the platform side of the account badge.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use jobseal::badge::{self, Jwks, Options, SigningKeyJwk, Status};

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
        /// The token, or - for stdin.
        token: String,
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
        BadgeCommand::Keygen { kid, out } => {
            let mut seed = [0u8; 32];
            if let Err(e) = getrandom::getrandom(&mut seed) {
                return fail(format!("no randomness from the operating system: {e}"));
            }
            let key = SigningKeyJwk::from_seed(seed, &kid);
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
            let written = opts.open(&out).and_then(|mut f| {
                use std::io::Write;
                writeln!(f, "{}", key.private_jwk())
            });
            if let Err(e) = written {
                return fail(format!(
                    "cannot create {} (it must not exist yet): {e}",
                    out.display()
                ));
            }
            println!("{}", key.public_jwks());
            0
        }
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
        BadgeCommand::Verify {
            jwks,
            origin,
            now,
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
            let v = badge::verify(
                &token,
                &jwks,
                &Options {
                    origin: origin.as_deref(),
                    now,
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
