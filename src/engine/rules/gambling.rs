//! # `gambling`
//!
//! ## What it does
//! Flags gambling and money-mule work: 网赌, 博彩, 百家乐, 跑分平台, 出租银行卡.
//!
//! ## Why is this bad
//! The circular bans recruitment that leads into online gambling or telecom fraud.
//!
//! ## Example
//! ```text
//! 博彩公司招客服，跑分平台日结。
//! ```
//!
//! ## Use instead
//! ```text
//! （删除）
//! ```
//!
//! The word list is `src/engine/data/terms/gambling.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "gambling",
    category: Category::Fraud,
    severity: Severity::Error,
    message: (
        "疑似赌博或洗钱类招聘，请删除。",
        "Looks like gambling or money-laundering work; remove it.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(env!("OUT_DIR"), "/data/terms/gambling.txt"))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "gambling";

    #[test]
    fn fires_on_examples() {
        fires(ID, "博彩公司招客服");
        fires(ID, "网赌平台代理");
        fires(ID, "百家乐荷官");
        fires(ID, "出租银行卡");
        fires(ID, "跑分平台日结");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "公司严禁赌博");
        clean(ID, "手机跑分测试工程师");
        clean(ID, "菠菜配送");
        clean(ID, "儿童娱乐城服务员");
        clean(ID, "反赌博宣传");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "博彩公司招客服");
    }
}
