//! jobseal: checks Chinese job postings against the January 2026 circular on online recruitment
//! information (人社厅发〔2025〕60号) and verifies recruitment-account badges.
//!
//! The crate has three walls, enforced by the compiler:
//! - [`engine`]: the pure posting checker (std, serde, regex, aho-corasick, unicode-normalization).
//! - [`badge`]: the pure credential verifier (JWS EdDSA, USCC check digit, licence dates).
//! - `web` (wasm32 only): the JavaScript binding, the form widget and the badge element.
//!
//! `web` and the CLI call `engine` and `badge`; those two never call back up.

#[cfg(feature = "badge")]
pub mod badge;
pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod web;
