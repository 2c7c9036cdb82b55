//! # `religion-restriction`
//!
//! ## What it does
//! Flags requirements about religious belief: 无宗教信仰, 信教者勿扰, 穆斯林勿扰, 基督徒优先.
//!
//! ## Why is this bad
//! 就业促进法 第三条 forbids discrimination by religious belief; 人力资源市场暂行条例 第二十四条 bars it from postings.
//!
//! ## Example
//! ```text
//! 要求无宗教信仰，信教者勿扰。
//! ```
//!
//! ## Use instead
//! ```text
//! （删除宗教信仰要求）
//! ```
//!
//! The word list is `src/engine/data/terms/religion-restriction.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "religion-restriction",
    category: Category::Religion,
    severity: Severity::Error,
    message: (
        "以宗教信仰设限属于就业歧视，请删除。",
        "Conditions on religious belief are discrimination in hiring; remove them.",
    ),
    basis: basis::RELIGION,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/religion-restriction.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "religion-restriction";

    #[test]
    fn fires_on_examples() {
        fires(ID, "要求无宗教信仰");
        fires(ID, "信教者勿扰");
        fires(ID, "穆斯林勿扰");
        fires(ID, "基督徒优先");
        fires(ID, "不信教");
        fires(ID, "佛教徒优先");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "尊重员工宗教信仰");
        clean(ID, "宗教文化旅游讲解员");
        clean(ID, "清真餐厅厨师");
        clean(ID, "佛教用品店店员");
        clean(ID, "负责基督教堂建筑修缮项目");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "要求无宗教信仰");
    }
}
