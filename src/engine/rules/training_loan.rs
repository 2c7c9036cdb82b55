//! # `training-loan`
//!
//! ## What it does
//! Flags loans and instalment plans in the job seeker's name to pay for training: 培训贷, 办理分期, 学费分期.
//!
//! ## Why is this bad
//! The circular names 「培训贷」 as illegal diversion; 人力资源市场暂行条例 第二十七条 forbids seeking illegitimate gain in the name of recruitment.
//!
//! ## Example
//! ```text
//! 培训费可办理分期，先贷款后培训。
//! ```
//!
//! ## Use instead
//! ```text
//! 公司提供免费岗前培训。
//! ```
//!
//! The word list is `src/engine/data/terms/training-loan.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "training-loan",
    category: Category::Fee,
    severity: Severity::Error,
    message: ("以求职者名义办理培训贷款或分期属于「培训贷」，请删除。", "Loans or instalments taken out for the job seeker's training are the banned 'training loan'; remove them."),
    basis: basis::HR_MARKET_27,
    terms: Some(include_str!(concat!(env!("OUT_DIR"), "/data/terms/training-loan.txt"))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "training-loan";

    #[test]
    fn fires_on_examples() {
        fires(ID, "培训费可办理分期");
        fires(ID, "先贷款后培训");
        fires(ID, "学费分期");
        fires(ID, "培训贷");
        // Blind batch 10: a course consultant helping students with instalments is doing the job.
        clean(ID, "根据学员自愿申请，协助其办理学费分期缴纳手续；维护学员关系");
        fires(ID, "零首付培训");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "负责个人贷款业务营销");
        clean(ID, "银行信贷审批专员");
        clean(ID, "汽车金融分期业务顾问");
        clean(ID, "公司提供免费岗前培训");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "培训费可办理分期");
    }
}
