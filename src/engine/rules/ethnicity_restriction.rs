//! # `ethnicity-restriction`
//!
//! ## What it does
//! Flags requirements that restrict a job to one ethnic group or exclude one: 仅限汉族, 少数民族勿扰, 不招维族.
//!
//! ## Why is this bad
//! 就业促进法 第三条 and 第二十八条 give workers of every ethnic group equal rights in employment.
//!
//! ## Example
//! ```text
//! 仅限汉族，少数民族勿扰。
//! ```
//!
//! ## Use instead
//! ```text
//! 民族不限。
//! ```
//!
//! The word list is `src/engine/data/terms/ethnicity-restriction.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "ethnicity-restriction",
    category: Category::Ethnicity,
    severity: Severity::Error,
    message: (
        "限定或排斥特定民族属于就业民族歧视，请删除。",
        "Restricting or excluding an ethnic group is ethnic discrimination in hiring; remove it.",
    ),
    basis: basis::ETHNICITY,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/ethnicity-restriction.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "ethnicity-restriction";

    #[test]
    fn fires_on_examples() {
        fires(ID, "仅限汉族");
        fires(ID, "汉族优先");
        fires(ID, "少数民族勿扰");
        fires(ID, "不招维族");
        fires(ID, "藏族免谈");
        fires(ID, "限 汉 族");
        fires(ID, "非汉族勿扰");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "民族文化研究员");
        clean(ID, "民族不限");
        clean(ID, "尊重各民族风俗习惯");
        clean(ID, "负责少数民族语言翻译");
        clean(ID, "民族乐器销售");
        clean(ID, "少数民族优先");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "仅限汉族");
    }
}
