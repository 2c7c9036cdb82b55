//! # `recruit-then-train`
//!
//! ## What it does
//! Flags 招转培: postings that sell paid training under the name of a job: 包就业, 先交学费, 培训合格后安排工作.
//!
//! ## Why is this bad
//! The circular names 「招转培」 as illegal diversion; 人力资源市场暂行条例 第二十七条 forbids profiting in the name of recruitment.
//!
//! ## Example
//! ```text
//! 零基础包就业，先交学费。
//! ```
//!
//! ## Use instead
//! ```text
//! 入职后提供带薪岗前培训。
//! ```
//!
//! The word list is `src/engine/data/terms/recruit-then-train.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "recruit-then-train",
    category: Category::Fraud,
    severity: Severity::Error,
    message: (
        "疑似「招转培」：以招聘为名推销培训，请删除。",
        "Looks like 'recruit then train': selling training under the name of a job; remove it.",
    ),
    basis: basis::HR_MARKET_27,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/recruit-then-train.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "recruit-then-train";

    #[test]
    fn fires_on_examples() {
        fires(ID, "零基础包就业");
        fires(ID, "先交学费");
        fires(ID, "培训合格后安排工作");
        fires(ID, "就业班火热招生");
        fires(ID, "包教包会");
    }

    #[test]
    fn near_misses_stay_clean() {
        // Blind batch 64: guiding customers through paying their own course fee.
        clean(
            ID,
            "为学员介绍班型、办理报名手续、引导学员在前台刷卡缴纳学费（财务开票）",
        );
        clean(ID, "入职后提供带薪培训");
        clean(ID, "岗前培训");
        clean(ID, "公司报销学费");
        clean(ID, "培训讲师");
        clean(ID, "负责学员课程咨询");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "零基础包就业");
    }
}
