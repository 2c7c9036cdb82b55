//! # `marital-status-requirement`
//!
//! ## What it does
//! Flags conditions on marriage and childbearing and pregnancy tests: 已婚已育, 限未婚, 三年内不生育, 孕妇勿扰, 入职需孕检.
//!
//! ## Why is this bad
//! 妇女权益保障法 第四十三条 forbids asking about marriage or childbearing, making them a condition of hiring, or requiring pregnancy tests.
//!
//! ## Example
//! ```text
//! 要求已婚已育，入职需孕检。
//! ```
//!
//! ## Use instead
//! ```text
//! （删除婚育要求）
//! ```
//!
//! The word list is `src/engine/data/terms/marital-status-requirement.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "marital-status-requirement",
    category: Category::Marital,
    severity: Severity::Error,
    message: (
        "以婚育状况设限或要求孕检属于就业歧视，请删除。",
        "Conditions on marriage, childbearing or pregnancy tests are unlawful; remove them.",
    ),
    basis: basis::MARITAL,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/marital-status-requirement.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "marital-status-requirement";

    #[test]
    fn fires_on_examples() {
        fires(ID, "要求已婚已育");
        fires(ID, "限未婚");
        fires(ID, "三年内不生育");
        fires(ID, "孕妇勿扰");
        fires(ID, "入职需孕检");
        fires(ID, "已婚优先");
        fires(ID, "宝妈勿扰");
        fires(ID, "无生育计划");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "婚否不限");
        clean(ID, "女职工享受产假、哺乳假");
        clean(ID, "母婴护理师");
        clean(ID, "提供生育保险");
        clean(ID, "婚庆策划师");
        clean(ID, "负责孕妇装设计");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "要求已婚已育");
    }
}
