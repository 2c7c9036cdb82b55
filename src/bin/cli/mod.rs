//! The CLI's commands. Native only.

mod audit;
mod badge;
mod check;
mod input;
mod report_html;
mod safe;
mod serve;
mod summary;
mod text;

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use jobseal::badge::uscc;
use jobseal::engine::{rules::RULES, Checker, Date, Lang};

#[derive(Debug, Parser)]
#[command(
    name = "jobseal",
    version,
    about = "Checks Chinese job postings and recruitment-account badges."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check postings: one JSON object, or JSON Lines, from FILE or stdin, streamed (memory stays
    /// bounded). Writes one report per posting, one per line, in input order: {"id", "ok", "findings"}.
    Check {
        /// Input file (default, or `-`: stdin).
        file: Option<PathBuf>,
        #[command(flatten)]
        opts: CheckOpts,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Read JSON Lines only: never a pretty-printed object spanning lines (for pipes that feed
        /// arbitrary slices of a JSON Lines file, such as a Spark partition starting with a broken line).
        #[arg(long)]
        jsonl: bool,
    },
    /// Turn postings (a JSON object or JSON Lines, from FILE or stdin) into schema.org JobPosting
    /// JSON-LD, one per line. datePosted comes from `date_posted`, else --today.
    Jsonld {
        /// Input file (default, or `-`: stdin).
        file: Option<PathBuf>,
        /// The date used for datePosted when a posting has no date_posted (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Sweep a large JSON Lines file: streamed, checked in parallel, reports in input order, a summary,
    /// an optional HTML report. Exit 0/1 as check; 2 if a line was unreadable; 130 if interrupted.
    Audit {
        #[command(flatten)]
        audit: audit::AuditOpts,
        #[command(flatten)]
        opts: CheckOpts,
    },
    /// Serve checks over HTTP for back ends: POST /v1/check, /v1/jsonld, /v1/badge/verify; GET
    /// /v1/rules, /healthz, /metrics, /openapi.json. SIGTERM drains, SIGHUP reloads --config/--jwks.
    Serve {
        #[command(flatten)]
        opts: serve::ServeOpts,
    },
    /// List the rules of the built-in pack.
    Rules,
    /// Account badges: signed credentials (compact JWS, EdDSA/Ed25519).
    Badge {
        #[command(subcommand)]
        command: badge::BadgeCommand,
    },
    /// Check Unified Social Credit Codes (统一社会信用代码). Exit 1 if any fails.
    Uscc {
        #[arg(required = true)]
        codes: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckOpts {
    /// Message language.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
    /// A JSON rule pack applied over the built-in one.
    #[arg(long, value_name = "PACK.json")]
    config: Option<PathBuf>,
    /// The date expiry is judged against (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// The badge credential of the account the postings are published from: each posting's employer
    /// is held to its certified name (rule employer-mismatch). Needs --jwks.
    #[arg(long, value_name = "TOKEN", requires = "jwks")]
    account: Option<String>,
    /// The platform's key set, to verify --account.
    #[arg(long, value_name = "JWKS.json", requires = "account")]
    jwks: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// Resolved check options.
pub struct Settings {
    pub checker: Checker,
    pub lang: Lang,
    pub today: Date,
    /// The verified account the postings are published from (--account).
    pub account: Option<jobseal::engine::account::Account>,
}

impl Settings {
    /// The report of a posting, held to the account when there is one.
    pub fn report(&self, p: &jobseal::engine::Posting) -> jobseal::engine::Report {
        match &self.account {
            None => self.checker.report_in(p, Some(self.today), self.lang),
            Some(a) => {
                let mut p = p.clone();
                p.account = Some(a.clone());
                self.checker.report_in(&p, Some(self.today), self.lang)
            }
        }
    }
}

/// The built-in pack, or the rule pack at `path` applied over it (check, audit and serve).
pub fn read_pack(path: Option<&std::path::Path>) -> Result<Checker, String> {
    match path {
        None => Ok(Checker::new()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read rule pack {}: {e}", path.display()))?;
            Checker::from_pack_json(&text).map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

/// The platform's key set at `path` (check/audit --jwks and serve --jwks).
pub fn read_jwks(path: &std::path::Path) -> Result<jobseal::badge::Jwks, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    jobseal::badge::Jwks::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Verifies --account against --jwks (now, no origin, no status list) and returns the account.
fn account(token: &str, jwks: &std::path::Path) -> Result<jobseal::engine::account::Account, String> {
    jobseal::badge::account_for(token, &read_jwks(jwks)?, now_unix()).map_err(|e| format!("--account: {e}"))
}

impl CheckOpts {
    fn resolve(&self) -> Result<Settings, String> {
        let checker = read_pack(self.config.as_deref())?;
        let today = match &self.today {
            Some(s) => Date::parse(s)
                .ok_or_else(|| format!("--today must be a date written YYYY-MM-DD, not {s:?}"))?,
            None => today_utc(),
        };
        let lang = match self.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        };
        let account = match (&self.account, &self.jwks) {
            (Some(token), Some(jwks)) => Some(account(token, jwks)?),
            _ => None,
        };
        Ok(Settings {
            checker,
            lang,
            today,
            account,
        })
    }
}

fn today_utc() -> Date {
    Date::from_days_since_epoch(now_unix().div_euclid(86_400))
}

/// Seconds since the Unix epoch, from the system clock.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Check {
            file,
            opts,
            format,
            jsonl,
        } => match opts.resolve() {
            Ok(settings) => check::run(file.as_deref(), &settings, format, jsonl),
            Err(e) => {
                eprintln!("jobseal: {}", safe::line(&e));
                2
            }
        },
        Command::Badge { command } => badge::run(command),
        Command::Audit { audit, opts } => match opts.resolve() {
            Ok(settings) => audit::run(&audit, &settings),
            Err(e) => {
                eprintln!("jobseal: {}", safe::line(&e));
                2
            }
        },
        Command::Jsonld { file, today } => {
            let today = match today.as_deref().map(Date::parse) {
                None => today_utc(),
                Some(Some(d)) => d,
                Some(None) => {
                    eprintln!("jobseal: --today must be a date written YYYY-MM-DD");
                    return 2;
                }
            };
            check::jsonld(file.as_deref(), today)
        }
        Command::Serve { opts } => serve::run(opts),
        Command::Rules => {
            let mut out = io::stdout().lock();
            for r in RULES {
                let _ = writeln!(
                    out,
                    "{:<28} {:<28} {:<8} {}",
                    r.id,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.message.1
                );
            }
            0
        }
        Command::Uscc { codes } => {
            let mut failed = false;
            for code in codes {
                match uscc::validate(&code) {
                    Ok(()) => println!("{}\tok", safe::line(&code)),
                    Err(e) => {
                        failed = true;
                        let kind = if matches!(e, uscc::UsccError::CheckDigit { .. }) {
                            "warning"
                        } else {
                            "invalid"
                        };
                        println!("{}\t{kind}: {e}", safe::line(&code));
                    }
                }
            }
            i32::from(failed)
        }
    }
}
