//! # `invalid-headcount`
//!
//! ## What it does
//! Checks that the headcount (招聘人数) is a positive whole number ("5", 5, "5人", "3-5名").
//!
//! ## Why is this bad
//! 人力资源市场暂行条例 第二十四条 requires the number of people to be hired. "0", "-1", "2.5" or
//! "很多" says nothing true about the job.
//!
//! ## Example
//! ```text
//! 0
//! ```
//!
//! ## Use instead
//! ```text
//! 5
//! ```
//!
//! "若干" and "不限" are reported by `vague-headcount` instead.

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "invalid-headcount",
    category: Category::Required,
    severity: Severity::Error,
    message: (
        "招聘人数应为正整数（如「5」或「3-5人」）。",
        "The headcount must be a positive whole number (e.g. \"5\" or \"3-5\").",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Headcount],
};

/// What a headcount text says.
#[derive(Debug, PartialEq, Eq)]
pub enum Headcount {
    Count,
    Vague,
    Invalid,
    Empty,
}

pub fn classify(text: &str) -> Headcount {
    let light = crate::engine::normalize::views(text).light.text;
    // Numbers in words (五名, 十二人, 三至五人) are numbers.
    let t = crate::engine::numbers::read(&light).text;
    let t = count_words(t.trim());
    // A number in brackets or after a comma (若干（约30人）, 不限，约20人) is the count.
    if let Some((_, inner)) = t.split_once(['(', '（', ',', '，']) {
        let inner = inner.trim_end_matches([')', '）']).trim();
        let inner = ["大约", "约", "预计", "共", "计"]
            .iter()
            .find_map(|w| inner.strip_prefix(w))
            .unwrap_or(inner);
        if classify(inner) == Headcount::Count {
            return Headcount::Count;
        }
    }
    if t.is_empty() {
        return Headcount::Empty;
    }
    if [
        "若干",
        "不限",
        "多名",
        "数名",
        "大量",
        "若干名",
        "n",
        "若干人",
        "several",
        "multiple",
        "many",
        "a few",
        "various",
        "unlimited",
        "open",
        "tbd",
        "tbc",
    ]
    .contains(&t)
    {
        return Headcount::Vague;
    }
    let positive =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.bytes().any(|b| b != b'0');
    // A count (5) or a range of counts (3-5), alone or with words after it that say what is counted and
    // hold no figure (4 technicians, 3名厨师, 2-3 openings, 10+: blind batch 30 named the role after it).
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (a, rest) = t.split_at(digits(t));
    let rest = rest.trim_start();
    let (b, rest) = match ["-", "~", "至", "到", "to "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
    {
        Some(r) => {
            let r = r.trim_start();
            let (b, rest) = r.split_at(digits(r));
            (Some(b), rest)
        }
        None => (None, rest),
    };
    // A remark in brackets after the count (2人（西湖店、滨江店各1人）: blind batch 37) may hold figures.
    let rest = &rest[..rest.find(['(', '（']).unwrap_or(rest.len())];
    let words_only = !rest.bytes().any(|c| c.is_ascii_digit()) && !rest.starts_with(['.', ',', '/']);
    if positive(a)
        && words_only
        && b.is_none_or(|b| positive(b) && a.parse::<u64>().ok() <= b.parse::<u64>().ok())
    {
        return Headcount::Count;
    }
    Headcount::Invalid
}

/// Words around a count that say what is counted or that it is wanted (招聘三名, 2 positions, hiring 3
/// people, about 10 staff): taken off both ends, so that the number is left (blind batch 29).
const BEFORE_COUNT: &[&str] = &[
    "招聘",
    "拟招",
    "招",
    "共",
    "计",
    "约",
    "大约",
    "预计",
    "需要",
    "需",
    "hiring",
    "about",
    "approx.",
    "approx",
    "approximately",
    "around",
    "up to",
];
const AFTER_COUNT: &[&str] = &[
    "人",
    "名",
    "位",
    "个",
    "positions",
    "position",
    "people",
    "persons",
    "person",
    "openings",
    "opening",
    "vacancies",
    "vacancy",
    "hires",
    "staff",
    "roles",
    "role",
    "heads",
    "pax",
    "candidates",
];

fn count_words(t: &str) -> &str {
    let mut t = t.trim();
    while let Some(rest) = BEFORE_COUNT.iter().find_map(|w| t.strip_prefix(w)) {
        t = rest.trim_start();
    }
    while let Some(rest) = AFTER_COUNT.iter().find_map(|w| t.strip_suffix(w)) {
        t = rest.trim_end();
    }
    t
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(ft) = cx.field(Field::Headcount) {
        if classify(ft.text) == Headcount::Invalid {
            out.push(Hit::new(&RULE, Field::Headcount, 0..ft.text.len(), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::*;

    #[test]
    fn classifies() {
        for t in ["5", "5人", "12名", "３", "3-5人", "3~5"] {
            assert_eq!(classify(t), Headcount::Count, "{t}");
        }
        for t in ["0", "-1", "2.5", "很多", "5-3", "00"] {
            assert_eq!(classify(t), Headcount::Invalid, "{t}");
        }
        assert_eq!(classify("若干"), Headcount::Vague);
    }

    #[test]
    fn fires_and_stays_clean() {
        fires_in("invalid-headcount", Field::Headcount, "0");
        fires_in("invalid-headcount", Field::Headcount, "很多");
        clean_in("invalid-headcount", Field::Headcount, "5");
        clean_in("invalid-headcount", Field::Headcount, "若干");
    }

    // Blind batch b9: 五名, 四名 and 若干（30人） were called invalid.
    #[test]
    fn numbers_in_words_and_a_count_in_brackets() {
        for t in [
            "五名",
            "四名",
            "十二人",
            "两名",
            "三至五人",
            "若干（30人）",
            "不限(50名)",
            "若干（约10人）",
            "不限，约20人",
        ] {
            assert_eq!(classify(t), Headcount::Count, "{t}");
        }
        assert_eq!(classify("若干"), Headcount::Vague);
        assert_eq!(classify("零"), Headcount::Invalid);
        // Blind batch 29: what is counted, and that it is wanted, around the number.
        for t in [
            "2 positions",
            "1 position",
            "招聘三名",
            "4個",
            "Hiring 3 people",
            "2-3 openings",
            "3 to 5 staff",
        ] {
            assert_eq!(classify(t), Headcount::Count, "{t}");
        }
        assert_eq!(classify("Several"), Headcount::Vague);
        // Blind batch 30: the role after the number.
        for t in [
            "4 technicians",
            "1 manager",
            "12 welders",
            "3名厨师",
            "10+",
            "2-3 interpreters",
            "5名以上",
        ] {
            assert_eq!(classify(t), Headcount::Count, "{t}");
        }
        assert_eq!(classify("2人（西湖店、滨江店各1人）"), Headcount::Count);
        for t in ["0 nurses", "2.5 people", "5-3 staff", "3/4"] {
            assert_eq!(classify(t), Headcount::Invalid, "{t}");
        }
        assert_eq!(classify("0 positions"), Headcount::Invalid);
        assert_eq!(classify("positions"), Headcount::Empty);
        assert_ne!(classify("若干（很多）"), Headcount::Count);
    }
}
