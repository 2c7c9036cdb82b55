//! # `pyramid-scheme`
//!
//! ## What it does
//! Flags pyramid selling: 发展下线, 拉人头, 入会费, 纯资本运作.
//!
//! ## Why is this bad
//! The circular bans recruitment that leads into pyramid selling (传销).
//!
//! ## Example
//! ```text
//! 发展下线有提成，需交入会费。
//! ```
//!
//! ## Use instead
//! ```text
//! 销售代表，底薪加提成。
//! ```
//!
//! The word list is `src/engine/data/terms/pyramid-scheme.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "pyramid-scheme",
    category: Category::Fraud,
    severity: Severity::Error,
    message: (
        "疑似传销（发展下线、拉人头），请删除。",
        "Looks like pyramid selling (recruiting downlines); remove it.",
    ),
    basis: basis::HR_MARKET_27,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/pyramid-scheme.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "pyramid-scheme";

    #[test]
    fn fires_on_examples() {
        fires(ID, "发展下线有提成");
        fires(ID, "拉人头");
        fires(ID, "交入会费");
        fires(ID, "纯资本运作");
        fires(ID, "团队计酬");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "销售代表，底薪加提成");
        clean(ID, "负责会员运营");
        clean(ID, "连锁门店店长");
        clean(ID, "资本市场分析师");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "发展下线有提成");
    }
}
