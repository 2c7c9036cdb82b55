//! # `qq-contact`
//!
//! ## What it does
//! Flags QQ numbers and groups in any disguise: QQ 123456789, Q群, 扣扣, 企鹅号.
//!
//! ## Why is this bad
//! The circular bans illegal diversion: luring job seekers off the platform.
//!
//! ## Example
//! ```text
//! 加QQ群 123456789 报名。
//! ```
//!
//! ## Use instead
//! ```text
//! 请通过平台投递简历。
//! ```
//!
//! The word list is `src/engine/data/terms/qq-contact.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "qq-contact",
    category: Category::Diversion,
    severity: Severity::Error,
    message: (
        "发布QQ联系方式会将求职者引流至平台外，请使用平台内沟通。",
        "A QQ contact takes job seekers off the platform; use the platform's own messaging.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/qq-contact.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "qq-contact";

    #[test]
    fn fires_on_examples() {
        fires(ID, "QQ：123456789");
        fires(ID, "加QQ群 123456789");
        // Blind batch 60.
        fires(ID, "扫码进Q群：群二维码见公司主页");
        fires(ID, "扣扣 ①②③④⑤⑥⑦");
        fires(ID, "企鹅 12345678");
        fires(ID, "加Q");
        fires(ID, "q群号 7654321");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "QQ浏览器运营");
        // Blind batch 72: + quarterly bonus.
        clean(ID, "RMB 14,000 base + quarterly bonus");
        clean(ID, "熟悉QQ音乐产品");
        clean(ID, "负责QQ游戏推广");
        clean(ID, "请勿添加QQ");
        clean(ID, "钉扣扣子");
        clean(ID, "企鹅电竞主播");
        clean(ID, "2. Qualified lead auditor for ISO 22000 or HACCP");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "QQ：123456789");
    }
}
