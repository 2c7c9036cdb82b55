//! # `disability-discrimination`
//!
//! ## What it does
//! Flags exclusions of disabled people: 残疾人勿扰, 四肢健全, 无残疾, 五官端正.
//!
//! ## Why is this bad
//! 就业促进法 第二十九条 forbids discrimination against disabled people in hiring.
//!
//! ## Example
//! ```text
//! 要求四肢健全，残疾人勿扰。
//! ```
//!
//! ## Use instead
//! ```text
//! （删除与岗位无关的身体要求）
//! ```
//!
//! The word list is `src/engine/data/terms/disability-discrimination.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "disability-discrimination",
    category: Category::Disability,
    severity: Severity::Error,
    message: (
        "排斥残疾人属于就业歧视，请删除。",
        "Excluding disabled people is discrimination in hiring; remove it.",
    ),
    basis: basis::DISABILITY,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/disability-discrimination.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "disability-discrimination";

    #[test]
    fn fires_on_examples() {
        fires(ID, "要求四肢健全");
        fires(ID, "残疾人勿扰");
        fires(ID, "身体无残疾");
        fires(ID, "五官端正");
        fires(ID, "不招残疾人");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "欢迎残疾人士应聘");
        clean(ID, "身体健康");
        clean(ID, "残疾人就业服务专员");
        clean(ID, "负责无障碍设施设计");
        clean(ID, "残疾人士优先");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "要求四肢健全");
    }
}
