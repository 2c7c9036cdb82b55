//! # `telegram-contact`
//!
//! ## What it does
//! Flags Telegram contacts: 飞机 @abc, 纸飞机, 电报号, tg, t.me links.
//!
//! ## Why is this bad
//! The circular bans illegal diversion; Telegram is a favourite channel of fraud and gambling recruiters.
//!
//! ## Example
//! ```text
//! 加飞机 @job888 详聊。
//! ```
//!
//! ## Use instead
//! ```text
//! 请通过平台消息联系。
//! ```
//!
//! The word list is `src/engine/data/terms/telegram-contact.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "telegram-contact",
    category: Category::Diversion,
    severity: Severity::Error,
    message: (
        "发布Telegram（飞机、电报）联系方式会将求职者引流至平台外，请删除。",
        "A Telegram contact takes job seekers off the platform; remove it.",
    ),
    basis: basis::CIRCULAR,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/telegram-contact.txt"
    ))),
    negation: Negation::Clause,
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "telegram-contact";

    #[test]
    fn fires_on_examples() {
        fires(ID, "加飞机 @job888");
        fires(ID, "纸飞机：abc123");
        fires(ID, "电报号 job2024");
        fires(ID, "tg@abc1234");
        fires(ID, "联系飞机");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "飞机维修工程师");
        clean(ID, "负责机场地勤");
        clean(ID, "模型飞机设计");
        clean(ID, "飞机制造工艺员");
        clean(ID, "航空电报员");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "加飞机 @job888");
    }
}
