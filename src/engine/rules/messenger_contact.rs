//! # `messenger-contact`
//!
//! ## What it does
//! Flags contacts on WhatsApp, Line, Skype, DingTalk and Zalo.
//!
//! ## Why is this bad
//! The circular bans illegal diversion off the platform.
//!
//! ## Example
//! ```text
//! WhatsApp: 85212345678
//! ```
//!
//! ## Use instead
//! ```text
//! 请通过平台消息联系。
//! ```
//!
//! The word list is `src/engine/data/terms/messenger-contact.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "messenger-contact",
    category: Category::Diversion,
    severity: Severity::Error,
    message: (
        "发布站外通讯工具联系方式会将求职者引流至平台外，请删除。",
        "A contact on another messenger takes job seekers off the platform; remove it.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/messenger-contact.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    const ID: &str = "messenger-contact";

    #[test]
    fn fires_on_examples() {
        // Issue 9 and blind batch 75: a short-video app as a channel, with an id.
        fires(ID, "想做的直接搜我抖音号 yzyx_kefu 私信「客服」");
        fires(ID, "小红书号：hr_mia2027");
        fires(ID, "whatsapp: 85212345678");
        fires(ID, "line id: abc12345");
        fires(ID, "Line: sara 8866 21");
        // Blind batch 43: aircraft line maintenance, its licence category after it.
        clean_in(ID, Field::Title, "Line Maintenance Technician (B1)");
        // Blind batch 55: a firmware line and its version.
        clean(
            ID,
            "Port BSP releases and keep our firmware line v3.14.159 stable.",
        );
        fires(ID, "加钉钉");
        fires(ID, "skype: hr_2024a");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "负责公司抖音运营和直播带货");
        clean(ID, "日常给顾客做美甲美睫，闲时拍拍作品发小红书、发抖音");
        clean(ID, "熟悉抖音、小红书平台规则，有爆款笔记经验");
        clean(ID, "运营公司抖音账号，策划短视频选题");
        clean(ID, "production line worker");
        clean(ID, "deadline 2026");
        clean(ID, "online运营");
        clean(ID, "钉钉打卡");
        clean(ID, "熟悉钉钉办公");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "whatsapp: 85212345678");
    }
}
