//! # `age-restriction`
//!
//! ## What it does
//! Flags age limits: an upper bound below 60 (35岁以下, 18-35周岁, 年龄不超过40岁), a lower bound above 18
//! (25岁以上), and birth-cohort labels (90后优先). A minimum of 16 or 18 (年满18周岁) follows the ban on
//! child labour and stays clean, and so does 年龄不限.
//!
//! ## Why is this bad
//! No national statute bans age limits, but they are widely criticised and platforms discourage them
//! (DOMAIN.md). Reported as a warning, never an error.
//!
//! ## Example
//! ```text
//! 年龄18-35周岁，90后优先
//! ```
//!
//! ## Use instead
//! ```text
//! 年满18周岁
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "age-restriction",
    category: Category::Age,
    severity: Severity::Warning,
    message: (
        "设置年龄限制可能构成年龄歧视，建议删除。",
        "An age limit may be age discrimination; consider removing it.",
    ),
    basis: basis::AGE,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

const RETIREMENT: u32 = 60;
const ADULT: u32 = 18;

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:年龄|年纪)?[\x20\t\u{3000}]*(?:在|要求|限)?[\x20\t\u{3000}]*(?P<lo>[0-9]{2})[\x20\t\u{3000}]*(?:周岁|岁)?[\x20\t\u{3000}]*(?:-|~|—|–|至|到)[\x20\t\u{3000}]*(?P<hi>[0-9]{2})[\x20\t\u{3000}]*(?:周岁|岁)")
        .expect("age range compiles")
});
static RANGE_NO_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:年龄|年纪)[\x20\t\u{3000}]*(?:在|要求|限)?[\x20\t\u{3000}]*(?P<lo>[0-9]{2})[\x20\t\u{3000}]*(?:-|~|—|–|至|到)[\x20\t\u{3000}]*(?P<hi>[0-9]{2})")
        .expect("age range compiles")
});
static UPPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:不超过|不得超过|不大于|小于|低于|未满|限|年龄)[\x20\t\u{3000}]*(?P<a>[0-9]{2})[\x20\t\u{3000}]*(?:周岁|岁)(?:[\x20\t\u{3000}]*(?:以下|以内|之内|及以下))?|(?P<b>[0-9]{2})[\x20\t\u{3000}]*(?:周岁|岁)[\x20\t\u{3000}]*(?:以下|以内|之内|及以下))")
        .expect("age upper bound compiles")
});
static LOWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>[0-9]{2})[\x20\t\u{3000}]*(?:周岁|岁)[\x20\t\u{3000}]*(?:以上|及以上)")
        .expect("age lower bound compiles")
});
static COHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])(?P<c>(?:60|70|75|80|85|90|95|00|05)后)(?:优先|勿扰|免谈|为主|以上|以下|即可|不要)",
    )
    .expect("cohort compiles")
});

fn num(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// Windows of the text around each anchor (岁, 后, 年龄, 年纪), merged: every pattern needs an anchor,
/// so the regexes run on a few dozen bytes instead of the whole field.
fn windows(t: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, c) in t.char_indices() {
        let anchor = matches!(c, '岁' | '后') || t[i..].starts_with("年龄") || t[i..].starts_with("年纪");
        if !anchor {
            continue;
        }
        let mut s = i.saturating_sub(36);
        while !t.is_char_boundary(s) {
            s += 1;
        }
        let mut e = (i + 48).min(t.len());
        while !t.is_char_boundary(e) {
            e -= 1;
        }
        match out.last_mut() {
            Some(last) if s <= last.end => last.end = last.end.max(e),
            _ => out.push(s..e),
        }
    }
    out
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let light = &ft.views.light;
        for w in windows(&light.text) {
            let t = &light.text[w.clone()];
            let at = |r: Range<usize>| light.orig(w.start + r.start..w.start + r.end);
            scan(t, &mut |r| {
                out.push(Hit::new(&RULE, ft.field, at(r), Some(Fix::Remove)))
            });
        }
    }
}

fn scan(t: &str, push: &mut dyn FnMut(Range<usize>)) {
    let mut covered: Vec<Range<usize>> = Vec::new();
    let overlaps = |covered: &[Range<usize>], m: &Range<usize>| {
        covered.iter().any(|r| r.start < m.end && m.start < r.end)
    };
    for re in [&*RANGE, &*RANGE_NO_UNIT] {
        for c in re.captures_iter(t) {
            let (Some(lo), Some(hi)) = (num(&c, "lo"), num(&c, "hi")) else {
                continue;
            };
            let m = trim_start(t, c.get(0).map_or(0..0, |m| m.range()));
            if lo <= hi && (hi < RETIREMENT || lo > ADULT) && !overlaps(&covered, &m) {
                covered.push(m.clone());
                push(m);
            }
        }
    }
    for c in UPPER.captures_iter(t) {
        let m = trim_start(t, c.get(0).map_or(0..0, |m| m.range()));
        let n = num(&c, "a").or_else(|| num(&c, "b"));
        if n.is_some_and(|n| n < RETIREMENT && n > 0) && !overlaps(&covered, &m) {
            covered.push(m.clone());
            push(m);
        }
    }
    for c in LOWER.captures_iter(t) {
        let m = trim_start(t, c.get(0).map_or(0..0, |m| m.range()));
        if num(&c, "n").is_some_and(|n| n > ADULT) && !overlaps(&covered, &m) {
            covered.push(m.clone());
            push(m);
        }
    }
    for c in COHORT.captures_iter(t) {
        if let Some(m) = c.name("c") {
            let end = c.get(0).map_or(m.end(), |w| w.end());
            push(m.start()..end);
        }
    }
}

fn trim_start(t: &str, r: Range<usize>) -> Range<usize> {
    let s = &t[r.clone()];
    let trimmed = s.trim_start();
    (r.start + s.len() - trimmed.len())..r.end
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "age-restriction";

    #[test]
    fn fires_on_examples() {
        fires(ID, "年龄18-35周岁");
        fires(ID, "35岁以下");
        fires(ID, "年龄不超过40岁");
        fires(ID, "限35岁");
        fires(ID, "25岁以上");
        fires(ID, "90后优先");
        fires(ID, "年龄20-30");
        fires(ID, "３５岁以下");
        assert_eq!(
            span_texts(
                ID,
                crate::engine::Field::Requirements,
                "要求：18~35周岁，身体健康"
            ),
            ["18~35周岁"]
        );
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "年龄不限");
        clean(ID, "年满18周岁");
        clean(ID, "16周岁以上");
        clean(ID, "18岁以上");
        clean(ID, "1-3年工作经验");
        clean(ID, "20-30人团队");
        clean(ID, "入职90天后转正");
        clean(ID, "18-60周岁");
        clean(ID, "售后服务");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "35岁以下");
    }
}
