//! # `document-withholding`
//!
//! ## What it does
//! Flags withholding of ID cards, diplomas and other documents: 押身份证, 扣押证件, 身份证由公司保管.
//!
//! ## Why is this bad
//! 劳动合同法 第九条 forbids employers to withhold workers' ID cards or other documents.
//!
//! ## Example
//! ```text
//! 入职需押身份证原件。
//! ```
//!
//! ## Use instead
//! ```text
//! 入职时核验身份证原件后当场归还。
//! ```
//!
//! The word list is `src/engine/data/terms/document-withholding.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "document-withholding",
    category: Category::Fee,
    severity: Severity::Error,
    message: (
        "扣押求职者身份证或其他证件违法，请删除。",
        "Withholding ID cards or other documents is unlawful; remove it.",
    ),
    basis: basis::FEE,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/document-withholding.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "document-withholding";

    #[test]
    fn fires_on_examples() {
        fires(ID, "入职需押身份证");
        fires(ID, "扣押毕业证");
        fires(ID, "证件由公司保管");
        fires(ID, "上交身份证");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "入职时核验身份证原件");
        clean(ID, "请携带身份证复印件");
        clean(ID, "公司不扣押任何证件");
        clean(ID, "协助办理身份证");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "入职需押身份证");
    }
}
