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
    // A dot may be written as another character or a word to get past filters (hr@163。com, hr@qq·com,
    // qq点com, abc [dot] com), and the at sign as a word in brackets (rachel.ho (at) firm.com) or as `#`
    // (hr#163.com，#换成@: blind batch 43), with spaces around it; the name may be a QQ number in
    // Chinese numerals (二六五八三九一七四 @ qq点com).
    Regex::new(
        r"(?x)
        # `#` for the at sign only before a mail provider (C# ASP.NET is a skill).
        [a-z0-9][a-z0-9._%+\-]{2,}\#(?:163|126|qq|gmail|outlook|hotmail|yahoo|sina|sohu|foxmail|yeah|139|aliyun|icloud)
        (?:[.。·・•]|点)(?:com|cn|net)
        |
        (?:[a-z0-9][a-z0-9._%+\-]*|[零〇一二三四五六七八九幺两]{5,})
        (?:[\x20]*@[\x20]*|[\x20]*[(\[{<【][\x20]*(?:at|艾特)[\x20]*[)\]}>】][\x20]*)
        [a-z0-9\-]+
        (?:(?:[.。·・•]|[\x20]*[(\[【]?(?:dot|点)[)\]】]?[\x20]*)[a-z0-9\-]+)*
        (?:[.。·・•]|[\x20]*[(\[【]?(?:dot|点)[)\]】]?[\x20]*)
        (?:com|cn|net|org|edu|gov|io|co|hk|tw|mo|sg|uk|us|de|jp|kr|info|biz|me|top|xyz|vip|cc|[a-z]{2,}(?:[^a-z]|$))",
    )
    .expect("email pattern compiles")
});

/// `#` for the at sign before any domain, when the text says so (hr#xahtong.com（#换成@）: blind batch 50).
static HASH_HINTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[a-z0-9][a-z0-9._%+\-]*\#[a-z0-9\-]+(?:[.。·・•][a-z0-9\-]+)*[.。·・•][a-z]{2,}")
        .expect("hinted email pattern compiles")
});

/// Words that say a `#` stands for the at sign.
const HASH_HINTS: &[&str] = &[
    "换成@",
    "替换成@",
    "改成@",
    "换为@",
    "改为@",
    "替换为@",
    "#→@",
    "# with @",
    "#=@",
];

/// Whether a text may hold an address in any of the forms above (most fields hold none).
fn may_hold(t: &str) -> bool {
    t.contains('@') || t.contains('#') || t.contains("艾特") || at_in_brackets(t)
}

/// Whether `at` is followed, after optional spaces, by one of the pattern's closing brackets
/// (li (at) abc.com, li【at】abc.com, li ( at ) abc.com).
fn at_in_brackets(t: &str) -> bool {
    t.match_indices("at").any(|(i, _)| {
        t[i + 2..]
            .trim_start_matches(' ')
            .starts_with([')', ']', '}', '>', '】'])
    })
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let light = &ft.views.light;
        if !may_hold(&light.text) {
            continue;
        }
        let hinted = light.text.contains('#') && HASH_HINTS.iter().any(|h| light.text.contains(h));
        let hinted = hinted
            .then(|| HASH_HINTED.find_iter(&light.text))
            .into_iter()
            .flatten();
        for m in EMAIL.find_iter(&light.text).chain(hinted) {
            // The top-level domain may end on the character after it (a full stop, a bracket): not
            // part of the address.
            let mut r = m.range();
            if !m.as_str().ends_with(|c: char| c.is_ascii_alphanumeric()) {
                r.end -= m.as_str().chars().next_back().map_or(0, char::len_utf8);
            }
            out.push(Hit::new(&RULE, ft.field, light.orig(r), Some(Fix::Remove)));
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
        clean(ID, "熟悉C# .NET Core开发");
        clean(ID, "精通C# ASP.NET MVC");
        clean(ID, "#招聘# 周末兼职 #广州.番禺");
        clean(ID, "Meet us at booth 12 at the expo.com centre");
        // Blind batch 43: the at sign as a word or a hash, the dot as a word, the name in numerals.
        fires(ID, "email rachel.ho (at) whitcombeboyd-gz.com with your CV");
        fires(
            ID,
            "简历请直接发至 haisheng_zp#163.com（#换成@），邮件标题注明姓名",
        );
        fires(ID, "作品集发我企鹅邮箱：二六五八三九一七四 @ qq点com，备注应聘");
        fires(ID, "cv to li.na [at] abc [dot] com");
        fires(ID, "简历投递：hr#xahtong.com（#换成@），注明应聘岗位");
        clean(ID, "工单号#xahtong.com 为内部系统地址");
        // Every bracket the pattern reads reaches it (the fast check once knew only `at)` and `at]`).
        fires(ID, "简历发 li【at】abc.com");
        fires(ID, "cv to li ( at ) abc.com");
        fires(ID, "cv to li {at} abc.com");
        fires(ID, "cv to li <at> abc.com");
        fix_clears(ID, "简历发送至 hr123@qq.com");
    }
}
