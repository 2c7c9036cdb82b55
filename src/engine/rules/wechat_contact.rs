//! # `wechat-contact`
//!
//! ## What it does
//! Flags WeChat contact details in any disguise: 加微信, 微信号 abc123, vx, V信, 薇信, 威信, 加卫星, 微❤️信.
//!
//! ## Why is this bad
//! The circular bans illegal diversion: luring job seekers off the platform, where fees, loans and fraud follow.
//!
//! ## Example
//! ```text
//! 加微信 hr_zhang888 了解详情。
//! ```
//!
//! ## Use instead
//! ```text
//! 请通过平台消息联系我们。
//! ```
//!
//! The word list is `src/engine/data/terms/wechat-contact.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "wechat-contact",
    category: Category::Diversion,
    severity: Severity::Error,
    message: (
        "发布微信联系方式会将求职者引流至平台外，请使用平台内沟通。",
        "A WeChat contact takes job seekers off the platform; use the platform's own messaging.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/wechat-contact.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "wechat-contact";

    #[test]
    fn fires_on_examples() {
        fires(ID, "DM me on W e C h a t: coffee_lab_sz");
        fires(ID, "WeChatID：hr_li88");
        fires(ID, "加微信了解详情");
        fires(ID, "微信：zhang_888");
        fires(ID, "vx: abc12345");
        // Blind batch 62: joining a group, following an official account.
        fires(ID, "扫描海报上的二维码进微信群，群内报名");
        fires(ID, "扫码关注公众号“启智早教招聘”，在菜单栏投递简历");
        fires(ID, "关注微信公众号投递简历");
        fires(ID, "V信hr2024a");
        fires(ID, "薇信 abc1234");
        fires(ID, "加卫星");
        fires(ID, "微 信 号 abc12345");
        fires(ID, "微❤️信 abc12345");
        fires(ID, "ＶＸ１２３４５６");
        fires(ID, "加V");
        fires(ID, "微信同号");
        fires(ID, "威信 ①②③④⑤⑥");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "微信小程序开发");
        clean(ID, "负责微信公众号运营");
        clean(ID, "负责公众号内容运营和粉丝增长");
        clean(ID, "负责公众号 content、活动策划、白皮书撰写");
        // Blind batch 69: satellite communications.
        clean(ID, "加卫星网络入网测试时需出差到地面站");
        fires(ID, "有意者加卫星详聊");
        clean(ID, "及时跟进微信群里的客户咨询");
        clean(ID, "熟悉微信、QQ等社交软件");
        clean(ID, "请勿添加任何微信");
        clean(ID, "谨防诈骗，不要私下加微信");
        clean(ID, "参加微信生态大会");
        clean(ID, "本平台不会要求您添加微信");
        clean(ID, "企业微信运营");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "加微信了解详情");
    }
}
