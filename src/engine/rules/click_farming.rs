//! # `click-farming`
//!
//! ## What it does
//! Flags click-farming and task scams: 刷单, 刷信誉, 点赞任务, 先垫付.
//!
//! ## Why is this bad
//! 刷单 jobs are a common telecom-fraud front; the circular bans recruitment that leads into fraud.
//!
//! ## Example
//! ```text
//! 手机刷单，日结，需先垫付。
//! ```
//!
//! ## Use instead
//! ```text
//! 电商客服，负责售后咨询。
//! ```
//!
//! The word list is `src/engine/data/terms/click-farming.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "click-farming",
    category: Category::Fraud,
    severity: Severity::Error,
    message: (
        "疑似刷单、刷信誉等网络诈骗，请删除。",
        "Looks like click-farming (刷单) fraud; remove it.",
    ),
    basis: basis::HR_MARKET_27,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/click-farming.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "click-farming";

    #[test]
    fn fires_on_examples() {
        fires(ID, "手机刷单日结");
        fires(ID, "刷信誉");
        fires(ID, "点赞任务一单5元");
        fires(ID, "需先垫付资金下单，完成后本金和佣金一起返还");
        fires(ID, "刷好评");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "电商运营专员");
        clean(ID, "打击刷单行为");
        clean(ID, "负责店铺好评率提升");
        clean(ID, "严禁刷单");
        // An advance repaid on receipts is a business trip, not a fake order.
        clean(ID, "出差费用先垫付，凭发票报销");
        clean(ID, "网店客服");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "手机刷单日结");
    }
}
