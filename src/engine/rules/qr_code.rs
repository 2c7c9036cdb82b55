//! # `qr-code`
//!
//! ## What it does
//! Flags QR-code invitations: 扫码加群, 扫描二维码, 长按识别.
//!
//! ## Why is this bad
//! The circular bans illegal diversion, including QR codes that lead off the platform.
//!
//! ## Example
//! ```text
//! 扫描二维码进群了解。
//! ```
//!
//! ## Use instead
//! ```text
//! 请通过平台投递简历。
//! ```
//!
//! The word list is `src/engine/data/terms/qr-code.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "qr-code",
    category: Category::Diversion,
    severity: Severity::Error,
    message: (
        "引导扫码添加联系方式会将求职者引流至平台外，请删除。",
        "A QR code that moves the conversation off the platform is diversion; remove it.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(env!("OUT_DIR"), "/data/terms/qr-code.txt"))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "qr-code";

    #[test]
    fn fires_on_examples() {
        fires(ID, "扫描二维码进群");
        fires(ID, "扫码加好友");
        fires(ID, "长按识别二维码");
        fires(ID, "扫码进群");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "熟练使用扫码枪");
        clean(ID, "负责二维码生成模块开发");
        clean(ID, "仓库扫码出库");
        clean(ID, "条码打印");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "扫描二维码进群");
    }
}
