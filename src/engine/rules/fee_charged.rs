//! # `fee-charged`
//!
//! ## What it does
//! Flags deposits, guarantees and fees charged to the job seeker: 押金, 保证金, 报名费, 服装费自理, 体检费需自付.
//!
//! ## Why is this bad
//! 劳动合同法 第九条 forbids employers to collect property from workers under any name, and 就业促进法 第四十一条 forbids agencies to take deposits.
//!
//! ## Example
//! ```text
//! 入职需交押金300元，服装费自理。
//! ```
//!
//! ## Use instead
//! ```text
//! 公司不收取任何费用，工服免费发放。
//! ```
//!
//! The word list is `src/engine/data/terms/fee-charged.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "fee-charged",
    category: Category::Fee,
    severity: Severity::Error,
    message: (
        "向求职者收取押金或费用违法，请删除。",
        "Charging job seekers deposits or fees is unlawful; remove it.",
    ),
    basis: basis::FEE,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/fee-charged.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    const ID: &str = "fee-charged";

    #[test]
    fn fires_on_examples() {
        fires(ID, "入职需交押金300元");
        fires(ID, "服装费自理");
        fires(ID, "报名费50元");
        fires(ID, "体检费需自付");
        fires(ID, "交纳保证金");
        fires(ID, "繳納押金");
        fires(ID, "先交培训费");
        fires(ID, "工装押金200");
    }

    #[test]
    fn near_misses_stay_clean() {
        // Blind batch 64: a hotel front desk takes guests' room money and deposits.
        clean(ID, "办理入住退房、收取房费及住宿押金、开具发票、解答客人问询。");
        clean(
            ID,
            "按公司流程收取车辆押金和违章押金，还车后核对无误在规定时间内退还",
        );
        clean(
            ID,
            "Check-in/out，收取床位费和钥匙押金（退房时退还），推荐骑行路线",
        );
        clean(ID, "不收取任何费用");
        clean(ID, "严禁收取押金");
        clean(ID, "公司承担体检费用");
        clean(ID, "无押金");
        // Blind batch 38: a deposit word in a title names the job's domain.
        clean_in(ID, Field::Title, "后端开发工程师（押金与支付）");
        clean_in(ID, Field::Title, "押金管理专员");
        fires_in(ID, Field::Title, "普工 入职交押金200元");
        // Other people's money the job takes in and pays back, or answers questions about.
        clean(ID, "2. 收取和退还租车押金、违章押金；");
        clean(ID, "处理用户押金退款咨询、骑行费用申诉");
        clean(ID, "免押金");
        clean(ID, "工服免费发放");
        clean(ID, "负责收取物业管理费");
        clean(ID, "负责押金退还核对");
        clean(ID, "入职无需缴纳任何押金");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "入职需交押金300元");
    }
}
