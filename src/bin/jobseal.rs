//! The jobseal command line, for platform back ends and compliance teams: the same engine as the
//! browser, the same verdict.
//!
//! ```text
//! jobseal check [FILE]            one posting (JSON) or many (JSON Lines) → one JSON report per line
//! jobseal rules                   the rules of the built-in pack
//! jobseal uscc CODE...            checks Unified Social Credit Codes
//! jobseal badge keygen|sign|verify  account badge credentials
//! ```
//!
//! Exit codes: 0 no error-severity finding, 1 at least one, 2 unreadable input or bad options.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    std::process::exit(cli::main());
}
