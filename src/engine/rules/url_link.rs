//! # `url-link`
//!
//! ## What it does
//! Flags web addresses (http://, www., bare domains such as abc.com or xyz.top). Telegram (t.me) and
//! WhatsApp (wa.me) links are reported by `telegram-contact` and `messenger-contact`. Technology names
//! that look like domains (ASP.NET, Node.js) stay clean.
//!
//! ## Why is this bad
//! The circular bans illegal diversion; a link takes the job seeker off the platform. A warning: some
//! platforms allow the employer's own site.
//!
//! ## Example
//! ```text
//! 详情见 www.job-fast.top
//! ```
//!
//! ## Use instead
//! ```text
//! 详情请见平台内公司主页
//! ```

use std::sync::LazyLock;

use regex::Regex;

use super::{messenger_contact, telegram_contact};
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "url-link",
    category: Category::Diversion,
    severity: Severity::Warning,
    message: (
        "发布站外链接可能将求职者引流至平台外，请删除。",
        "A link may take job seekers off the platform; remove it.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:https?://|www\.)[a-z0-9\-._~%/?\#\[\]@!$&'()*+,;=:]+
        | (?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+
          (?:com|cn|net|org|top|xyz|vip|cc|me|io|info|link|club|site|shop|app|ltd|online|tk|co)
          (?:/[a-z0-9\-._~%/?\#@!$&'()*+,;=:]*)?
          (?:[^a-z0-9@.]|$)",
    )
    .expect("url pattern compiles")
});

const TECH: &[&str] = &["asp.net", "vb.net", "ado.net", ".net", "node.js", "vue.js"];

/// `t。cn／A8xK2p`: an ideographic full stop between two ASCII letters or digits, written for a dot to
/// get a link past filters. Returns the text with each such `。` as `.` and, for every byte of it, the
/// byte of `t` it comes from; None when there is none.
fn dotted(t: &str) -> Option<(String, Vec<usize>)> {
    let ascii_alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let stops: Vec<usize> = t
        .match_indices('。')
        .map(|(i, _)| i)
        .filter(|&i| {
            ascii_alnum(t[..i].chars().next_back()) && ascii_alnum(t[i + '。'.len_utf8()..].chars().next())
        })
        .collect();
    if stops.is_empty() {
        return None;
    }
    let mut s = String::with_capacity(t.len());
    let mut map = Vec::with_capacity(t.len() + 1);
    for (i, c) in t.char_indices() {
        if c == '。' && stops.binary_search(&i).is_ok() {
            s.push('.');
            map.push(i);
        } else {
            s.push(c);
            map.extend(i..i + c.len_utf8());
        }
    }
    map.push(t.len());
    Some((s, map))
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let light = &ft.views.light;
        let alt = dotted(&light.text);
        let t = alt.as_ref().map_or(light.text.as_str(), |(s, _)| s.as_str());
        let back = |r: std::ops::Range<usize>| match &alt {
            None => r,
            Some((_, map)) => {
                map[r.start]
                    ..map[r.end - 1]
                        + light.text[map[r.end - 1]..]
                            .chars()
                            .next()
                            .map_or(1, char::len_utf8)
            }
        };
        // Every address has a dot or a scheme: skip the regex on text without one.
        if !t.contains('.') && !t.contains("://") {
            continue;
        }
        for m in URL.find_iter(t) {
            let mut r = m.range();
            // The bare-domain form consumes one trailing character to find the word's end.
            while r.end > r.start && !t[..r.end].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '/') {
                r.end -= t[..r.end].chars().next_back().map_or(1, char::len_utf8);
            }
            let s = &t[r.clone()];
            if r.is_empty() || TECH.iter().any(|x| s == *x || s.ends_with(x) && !s.contains('/')) {
                continue;
            }
            // Part of an e-mail address: the e-mail rule reports it.
            if t[..r.start].ends_with('@')
                || t[..r.start]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .is_some_and(|w| w.contains('@'))
            {
                continue;
            }
            let host = s.trim_start_matches("https://").trim_start_matches("http://");
            let rule = if host.starts_with("t.me") || host.starts_with("telegram.me") {
                &telegram_contact::RULE
            } else if host.starts_with("wa.me") {
                &messenger_contact::RULE
            } else {
                &RULE
            };
            out.push(Hit::new(rule, ft.field, light.orig(back(r)), Some(Fix::Remove)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "url-link";

    #[test]
    fn fires_on_examples() {
        fires(ID, "详情见 www.job-fast.top");
        fires(ID, "报名：https://abc.cn/join?id=1");
        fires(ID, "访问 jobs88.xyz 报名");
        fires(ID, "ｗｗｗ．ａｂｃ．ｃｏｍ");
        fires("telegram-contact", "t.me/jobs888");
        fires("messenger-contact", "https://wa.me/85212345678");
        fires(ID, "试音链接：t。cn／A8xK2p 复制到浏览器打开");
        fires(ID, "报名表在 jobs88。top");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "精通ASP.NET开发");
        clean(ID, "熟悉Vue.js/Node.js");
        clean(ID, "版本 v2.3.1");
        clean(ID, "简历请投递至平台");
        clean(ID, "hr@company.com");
        clean(ID, "Windows 10。会用office");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "详情见 www.job-fast.top");
    }
}
