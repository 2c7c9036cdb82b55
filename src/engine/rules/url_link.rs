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
          (?:com|cn|net|org|top|xyz|vip|cc|me|io|info|link|club|site|shop|app|ltd|online|tk|co|gle|biz|work|fun|store|tech|live|pro|asia|space|website|icu|cyou|buzz)
          (?:/[a-z0-9\-._~%/?\#@!$&'()*+,;=:]*)?
          (?:[^a-z0-9@.]|$)",
    )
    .expect("url pattern compiles")
});

/// Any two-letter top-level domain with a path (bit.ly/x, goo.gl/x, t.co/x): the short-link services
/// live on country domains; a file name with a path (Node.js/Vue) is not one (NOT_DOMAINS below). Run
/// only on text with a `.xx/` in it ([`two_letter_path`]): on every field it cost 5% of a check.
static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2}/[a-z0-9\-._~%/?\#@!$&'()*+,;=:]*[a-z0-9]")
        .expect("short-link pattern compiles")
});

/// Whether `b` has a dot, two ASCII letters and a slash in a row (`.ly/`).
fn two_letter_path(b: &[u8]) -> bool {
    b.windows(4)
        .any(|w| w[3] == b'/' && w[0] == b'.' && w[1].is_ascii_alphabetic() && w[2].is_ascii_alphabetic())
}

/// Technology names written like hosts (ASP.NET, Node.js). Not `.net` itself: www.ylfw-zhaopin.net is an
/// address (blind batch 30).
const TECH: &[&str] = &[
    "asp.net", "vb.net", "ado.net", "node.js", "vue.js", "next.js", "nuxt.js", "three.js",
];

/// Marketplaces known by their domain, named as the platform the job works on (阿里巴巴国际站 Alibaba.com
/// operations: blind batch 85), not an address to contact anyone: the bare name only, no path.
const MARKETPLACES: &[&str] = &[
    "alibaba.com",
    "aliexpress.com",
    "amazon.com",
    "made-in-china.com",
    "globalsources.com",
    "1688.com",
];

/// Two-letter endings that are file types or programming words before a slash, not country domains:
/// `Node.js/React`, `deploy.sh/`, `main.rs/`, `设计稿.ai/psd`.
const NOT_DOMAINS: &[&str] = &[
    "js", "ts", "py", "rs", "rb", "go", "sh", "pl", "md", "cs", "db", "vb", "ai", "ps", "hs", "kt", "jl",
    "mm", "el", "ex", "gz", "xz", "7z", "so", "am", "pm",
];

/// Whether a match of the two-letter form ends its host in a file type rather than a country domain.
fn file_type_host(s: &str) -> bool {
    let host = s.split('/').next().unwrap_or(s);
    let tld = host.rsplit('.').next().unwrap_or("");
    s.contains('/') && tld.len() == 2 && NOT_DOMAINS.contains(&tld)
}

/// Dots written as other characters, between ASCII letters or digits (`t。cn／A8xK2p`, `www·job-fast·top`).
const DOTS: [char; 5] = ['。', '·', '・', '•', '･'];

/// One pass over the bytes: is there a dot character with an ASCII letter or digit on both sides (one
/// space allowed), or a spaced-out ` . `, ` / ` or ` : `? Most text has neither ('。' ends Chinese
/// sentences, but after a CJK character).
fn may_be_dotted(b: &[u8]) -> bool {
    let alnum_before = |i: usize| {
        let j = if i >= 1 && b[i - 1] == b' ' {
            i.saturating_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        i >= 1 && b.get(j).is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let alnum_after = |k: usize| {
        let k = if b.get(k) == Some(&b' ') { k + 1 } else { k };
        b.get(k).is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let mut i = 0;
    while i < b.len() {
        let len = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (b' ', Some(b'.' | b'/' | b':'), Some(b' ')) => return true,
            (0xC2, Some(0xB7), _) => 2, // ·
            (0xE3, Some(0x80), Some(0x82)) | (0xE3, Some(0x83), Some(0xBB)) => 3, // 。 ・
            (0xE2, Some(0x80), Some(0xA2)) | (0xEF, Some(0xBD), Some(0xA5)) => 3, // • ･
            _ => {
                i += 1;
                continue;
            }
        };
        if alnum_before(i) && alnum_after(i + len) {
            return true;
        }
        i += len;
    }
    false
}

/// The fewest characters spelled out one by one that are read as one word (h t t p s : / / …).
const SPELLED: usize = 8;

/// The byte offsets of the single spaces inside each run of [`SPELLED`] or more ASCII characters
/// spelled out one by one (`h t t p s : / / w t - t a s k . c c`, blind batch 27): one pass over the
/// bytes, and no allocation for text without such a run.
fn spelled_spaces(b: &[u8]) -> Vec<usize> {
    let alone = |i: usize| {
        b[i].is_ascii_graphic()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 1).is_none_or(|n| !n.is_ascii_alphanumeric())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !alone(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = i;
        while last + 2 < b.len() && b[last + 1] == b' ' && alone(last + 2) {
            last += 2;
        }
        if (last - start) / 2 + 1 >= SPELLED {
            out.extend((start + 1..last).step_by(2));
        }
        i = last + 1;
    }
    out
}

/// Addresses disguised to get past filters: a dot written as another character (`t。cn`, `www·abc·top`),
/// or spaced out (`jianji-hub . cn / join`). Returns the text with each such dot as `.` and those spaces
/// dropped, and, for every byte of it, the byte of `t` it comes from; None when there is none.
fn dotted(t: &str) -> Option<(String, Vec<usize>)> {
    let spelled = spelled_spaces(t.as_bytes());
    // A dot in brackets: an address "defanged" so that it is not a link (careers-fasttrack[.]xyz).
    let defanged = t.contains("[.]") || t.contains("(.)");
    if spelled.is_empty() && !defanged && !may_be_dotted(t.as_bytes()) {
        return None;
    }
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let ascii_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    // The nearest character that is not a space, before or after index i.
    let before = |i: usize| {
        chars[..i]
            .iter()
            .rev()
            .find(|(_, c)| *c != ' ')
            .map(|&(j, c)| (j, c))
    };
    let after = |i: usize| {
        chars[i + 1..]
            .iter()
            .find(|(_, c)| *c != ' ')
            .map(|&(j, c)| (j, c))
    };
    let mut dot = vec![false; chars.len()];
    let mut drop = vec![false; chars.len()];
    for (i, &(_, c)) in chars.iter().enumerate() {
        let is_dot = DOTS.contains(&c);
        let spaced = matches!(c, '.' | '/' | ':')
            && chars.get(i.wrapping_sub(1)).is_some_and(|p| p.1 == ' ')
            && chars.get(i + 1).is_some_and(|n| n.1 == ' ');
        if !is_dot && !spaced {
            continue;
        }
        let (Some((_, p)), Some((_, n))) = (before(i), after(i)) else {
            continue;
        };
        let ends = |c: char| ascii_word(c) || matches!(c, '.' | '/' | ':');
        if (is_dot && ascii_word(p) && ascii_word(n)) || (spaced && ends(p) && ends(n)) {
            dot[i] = is_dot;
            // The spaces on either side go too.
            let mut j = i;
            while j > 0 && chars[j - 1].1 == ' ' {
                j -= 1;
                drop[j] = true;
            }
            let mut k = i + 1;
            while k < chars.len() && chars[k].1 == ' ' {
                drop[k] = true;
                k += 1;
            }
        }
    }
    if !spelled.is_empty() {
        for (n, &(i, _)) in chars.iter().enumerate() {
            drop[n] |= spelled.binary_search(&i).is_ok();
        }
    }
    if defanged {
        for i in 1..chars.len().saturating_sub(1) {
            if chars[i].1 == '.' && matches!(chars[i - 1].1, '[' | '(') && matches!(chars[i + 1].1, ']' | ')')
            {
                drop[i - 1] = true;
                drop[i + 1] = true;
            }
        }
    }
    if !dot.iter().any(|d| *d) && !drop.iter().any(|d| *d) {
        return None;
    }
    let mut s = String::with_capacity(t.len());
    let mut map = Vec::with_capacity(t.len() + 1);
    for (n, &(i, c)) in chars.iter().enumerate() {
        if drop[n] {
            continue;
        }
        if dot[n] {
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
        let short = two_letter_path(t.as_bytes());
        let mut found: Vec<std::ops::Range<usize>> = URL.find_iter(t).map(|m| m.range()).collect();
        if short {
            // The short form only where the general one found nothing overlapping.
            for m in SHORT.find_iter(t) {
                if !found.iter().any(|r| r.start < m.end() && m.start() < r.end) {
                    found.push(m.range());
                }
            }
            found.sort_unstable_by_key(|r| r.start);
        }
        for mut r in found {
            // The bare-domain form consumes one trailing character to find the word's end.
            while r.end > r.start && !t[..r.end].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '/') {
                r.end -= t[..r.end].chars().next_back().map_or(1, char::len_utf8);
            }
            let s = &t[r.clone()];
            if r.is_empty()
                || TECH.iter().any(|x| s == *x || s.ends_with(x) && !s.contains('/'))
                || MARKETPLACES.contains(&s)
                || file_type_host(s)
            {
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
        fires(
            ID,
            "Complete the pre-screening at bit.ly/orbit-cs-apply before we review your CV.",
        );
        fires(ID, "报名链接 dwz.cn/Ab3kP9 打开填写");
        fires(ID, "see goo.gl/forms/x7Yq");
        fires(ID, "报名及岗位详情请打开 www·job-fast·top/apply 填写登记表");
        fires(
            ID,
            "试稿及接单请访问 h t t p s : / / jianji-hub . cn / join 注册账号",
        );
        // Blind batch 27: every character spelled out.
        fires(
            ID,
            "复制链接到浏览器打开：h t t p s : / / w t - t a s k . c c / r e g（复制时请删除空格）",
        );
        fires(ID, "w w w . j o b 8 8 . t o p");
        // Blind batch 31: a defanged address.
        fires(
            ID,
            "Develop distributors in Europe. Apply at hxxps://careers-fasttrack[.]xyz/form",
        );
        // Blind batch 30: a .net address, a form service.
        fires(ID, "在线报名请登录 www.ylfw-zhaopin.net 填写个人信息。");
        fires(ID, "Fill in the form at forms.gle/yrhp2027jobs to apply.");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "精通ASP.NET开发");
        clean(ID, "熟悉阿里巴巴国际站 (Alibaba.com) 后台、P4P广告");
        fires(ID, "报名请登录 www.alibaba.com.jobs-cn.top/apply");
        clean(ID, "熟悉 .NET 6、ADO.NET 与 Node.js");
        clean(ID, "Grades A B C D E F G H. See the rota: M T W T F S S.");
        clean(ID, "熟悉Vue.js/Node.js");
        clean(
            ID,
            "Node.js/React/TypeScript stack; deploy.sh/Makefile experience",
        );
        clean(ID, "熟练使用PS、AI，交付设计稿.ai/psd源文件");
        clean(ID, "U.S./EU clients; e.g./i.e. style guides");
        clean(ID, "版本 v2.3.1");
        clean(ID, "简历请投递至平台");
        clean(ID, "hr@company.com");
        clean(ID, "Windows 10。会用office");
        clean(ID, "工作时间 9:00 - 18:00 / 周一至周五");
        clean(ID, "It ends here. Co-workers are friendly.");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "详情见 www.job-fast.top");
    }
}
