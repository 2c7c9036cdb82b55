//! # `email-address`
//!
//! ## What it does
//! Flags e-mail addresses (hr@example.com), including full-width ones.
//!
//! ## Why is this bad
//! The circular bans illegal diversion; an address moves the application off the platform. A warning:
//! some platforms accept a company mailbox.
//!
//! ## Example
//! ```text
//! 简历发送至 hr123@qq.com
//! ```
//!
//! ## Use instead
//! ```text
//! 请通过平台投递简历
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "email-address",
    category: Category::Diversion,
    severity: Severity::Warning,
    message: (
        "发布邮箱地址会将求职者引流至平台外，请使用平台投递。",
        "An e-mail address takes applications off the platform; use the platform's own application.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    // A dot may be written as another character to get past filters (hr@163。com, hr@qq·com).
    Regex::new(r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:[.。·・•][a-z0-9\-]+)*[.。·・•][a-z]{2,}")
        .expect("email pattern compiles")
});

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let light = &ft.views.light;
        if !light.text.contains('@') {
            continue;
        }
        for m in EMAIL.find_iter(&light.text) {
            out.push(Hit::new(
                &RULE,
                ft.field,
                light.orig(m.range()),
                Some(Fix::Remove),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "email-address";

    #[test]
    fn fires_and_stays_clean() {
        fires(ID, "简历发送至 hr123@qq.com");
        fires(ID, "ＨＲ＠ＡＢＣ．ＣＯＭ");
        fires(ID, "简历发 hr_gz2027＠163。com，标题写姓名");
        fires(ID, "邮箱 job2027@qq·com");
        clean(ID, "@所有人 请准时参加培训");
        clean(ID, "熟悉C#与.NET");
        fix_clears(ID, "简历发送至 hr123@qq.com");
    }
}
