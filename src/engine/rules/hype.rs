//! # `hype`
//!
//! ## What it does
//! Flags hype the circular bans and promises no job can keep: 高薪, 保录, 包分配, 月入过万, 日赚, 躺赚.
//!
//! ## Why is this bad
//! The circular bans postings that lure with 高薪、保录 and similar exaggeration.
//!
//! ## Example
//! ```text
//! 高薪诚聘，月入过万，保录取！
//! ```
//!
//! ## Use instead
//! ```text
//! 诚聘，月薪8000-12000元。
//! ```
//!
//! The word list is `src/engine/data/terms/hype.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "hype",
    category: Category::Fraud,
    severity: Severity::Warning,
    message: (
        "夸大宣传（如「高薪」「保录」）违反招聘信息发布规范，请如实描述待遇。",
        "Hype such as 高薪 or 保录 breaks the posting rules; describe pay and terms as they are.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(env!("OUT_DIR"), "/data/terms/hype.txt"))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "hype";

    #[test]
    fn fires_on_examples() {
        fires(ID, "高薪诚聘");
        fires(ID, "月入过万");
        fires(ID, "保录取");
        fires(ID, "包分配");
        fires(ID, "躺赚");
        fires(ID, "日赚500");
    }

    #[test]
    fn near_misses_stay_clean() {
        // Blind batch 64: a plain-spoken denial.
        clean(ID, "说实话我们不画大饼，不谈什么高薪，也不保证半年就能独立接单");
        // Blind batches 56 and 57: 提高 before 薪 is a raise, not 高薪.
        clean(ID, "考核优秀者可提高薪资档位");
        clean(ID, "薪资面议");
        clean(ID, "提供有竞争力的薪酬");
        clean(ID, "高新技术企业");
        // Blind batch 31: 保 ends 确保 here.
        clean(ID, "负责投保单信息的系统录入，确保录入准确率达到99.9%以上");
        clean(ID, "次日入职");
        clean(ID, "面包过期处理");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "高薪诚聘");
    }
}
