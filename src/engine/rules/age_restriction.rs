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

use crate::engine::normalize::digit_value;
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{numbers, terms};
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

/// The Chinese forms, one alternative per form, in windows around 岁, 后, 年龄 and 年纪 (numbers in
/// words already read as digits): a range with 岁 (18-35周岁), a range after 年龄 (年龄20-30), an upper
/// bound (不超过40岁, 35岁以下), a lower bound (25岁以上), a birth cohort (90后优先, 限八五后).
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:年龄|年纪)?[\x20\t]*(?:在|要求|限)?[\x20\t]*(?P<lo>[0-9]{2})[\x20\t]*(?:周岁|岁)?[\x20\t]*(?:-|~|—|–|至|到)[\x20\t]*(?P<hi>[0-9]{2})[\x20\t]*(?:周岁|岁)
        | (?:年龄|年纪)[\x20\t]*(?:在|要求|限)?[\x20\t]*(?P<lo2>[0-9]{2})[\x20\t]*(?:-|~|—|–|至|到)[\x20\t]*(?P<hi2>[0-9]{2})
        | (?:不超过|不得超过|莫超过|别超过|不要超过|不能超过|不准超过|不大于|小于|低于|未满|限|年龄)[\x20\t]*(?P<a>[0-9]{2})[\x20\t]*(?:周岁|岁)(?:[\x20\t]*(?:以下|以内|之内|及以下))?
        | (?P<b>[0-9]{2})[\x20\t]*(?:周岁|岁)[\x20\t]*(?:以下|以内|之内|及以下|往下)
        | (?:岁数|年龄|年纪)[\x20\t]*(?:别过|不过|不超|别超过|不要超过|不能超过|最好别过|不得过)[\x20\t]*(?P<a3>[0-9]{2})
        | (?:岁数|年龄|年纪)[^0-9，,。；;]{0,4}?(?P<a4>[0-9]{2})[\x20\t]*(?:周岁|岁)?[\x20\t]*(?:以内|以下|之内|及以下|往下)
        | (?P<n>[0-9]{2})[\x20\t]*(?:周岁|岁)[\x20\t]*(?:以上|及以上)
        | (?:^|[^0-9])(?P<c>(?:60|70|75|80|85|90|95|00|05)后)(?:优先|勿扰|免谈|为主|以上|以下|即可|不要|最合适|最好|合适|为宜|为佳|就不考虑|不考虑|的最合适|的优先|慎投)
        | (?:限|只要|仅限|要求|只招|仅招|适合|更适合|比较适合|最适合|最好是|希望(?:你|您|候选人)?也?是|只想找|想找|更想要)[^0-9，,。；;]{0,4}?(?P<c2>(?:60|70|75|80|85|90|95|00|05)[\x20\t]*后)
        | (?:^|[\n，,；;：:])[\x20\t]*(?P<c3>(?:60|70|75|80|85|90|95|00|05)后)[\x20\t]*(?:$|[\n，,；;。])
        | (?P<y3>(?:19|20)[0-9]{2})年?[\x20\t]*(?:-|~|—|–|至|到)[\x20\t]*(?:19|20)[0-9]{2}年?[\x20\t]*(?:之间|期间)?[\x20\t]*出生
        | (?P<y4>(?:19|20)[0-9]{2})年?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:以后|之后|后|及以后)出生
        | (?:^|[^0-9])(?P<y7>[6-9][0-9]|0[0-9])年(?:及以后|以后|之后|后)出生
        | 出生(?:年份|日期|年月|时间)?[^0-9，,。；;]{0,6}(?P<y5>(?:19|20)[0-9]{2})年?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?[\x20\t]*(?:（含）|\(含\))?[\x20\t]*(?:以后|之后|及以后)
        | 出生(?:年份|日期|年月|时间|年)[^0-9，,。；;]{0,4}(?P<y6>(?:19|20)[0-9]{2})年?[\x20\t]*(?:-|~|—|–|至|到)[\x20\t]*(?:19|20)[0-9]{2}",
    )
    .expect("age pattern compiles")
});

/// The English forms (aged 25-35, under 27, 35 or younger, born after 1995), in windows around age,
/// old, young, born, under and below only: a second, smaller regex, so Chinese text never pays for it.
static AGE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
          (?:aged?|ages|age\x20range|age\x20limit)[\x20\t:]*(?:between[\x20]+|of[\x20]+|from[\x20]+)?(?P<lo3>[0-9]{2})[\x20\t]*(?:-|~|—|–|to|and)[\x20\t]*(?P<hi3>[0-9]{2})
        | (?P<lo4>[0-9]{2})[\x20\t]*(?:-|~|—|–|to|and)[\x20\t]*(?P<hi4>[0-9]{2})[\x20\t]*(?:years[\x20]old|years[\x20]of[\x20]age|yrs|y/o|y\.o\.|age[\x20]bracket|age[\x20]range|age[\x20]group|age[\x20]band)
        | (?:under|below|younger[\x20]than|no[\x20]older[\x20]than|not[\x20]older[\x20]than|not[\x20]over|no[\x20]more[\x20]than|maximum[\x20]age(?:[\x20]of)?|max[\x20]age|up[\x20]to[\x20]age|age[\x20]limit(?:[\x20]of)?)[\x20\t:]*(?:the[\x20]age[\x20]of[\x20]+)?(?P<a2>[0-9]{2})(?-u:\b)
        | (?P<b2>[0-9]{2})[\x20\t]*(?:years[\x20]old[\x20]|yrs[\x20])?(?:or|and)[\x20](?:younger|under|below)
        | (?:age|aged)[\x20\t]*(?:≤|<=|<|＜|≦)[\x20\t]*(?P<a5>[0-9]{2})
        | born[\x20](?:after|in[\x20]or[\x20]after|from|since|no[\x20]earlier[\x20]than)[\x20]*(?P<y>(?:19|20)[0-9]{2})
        | born[\x20](?:in[\x20])?(?P<y2>(?:19|20)[0-9]{2})[\x20]*(?:or[\x20]later|or[\x20]after|and[\x20]later|onwards|or[\x20]younger)
        | (?:over|above|older[\x20]than)[\x20]+(?P<o>[0-9]{2})(?-u:\b)[^.;\n]{0,40}?(?:(?:will[\x20]not|won't|cannot|can't|are[\x20]not|is[\x20]not)[\x20]be[\x20](?:considered|accepted|hired|employed|shortlisted|eligible)|are[\x20]not[\x20](?:considered|eligible|accepted)|need[\x20]not[\x20]apply|not[\x20]eligible|ineligible|do[\x20]not[\x20]apply|excluded|rejected|find[\x20]it[\x20](?:hard|difficult)[\x20]to[\x20](?:fit|keep[\x20]up|adapt)|struggle[\x20]to[\x20](?:fit|keep[\x20]up|adapt)|(?:are|is)[\x20]not[\x20](?:a[\x20]good[\x20]fit|suitable))",
    )
    .expect("English age pattern compiles")
});

fn num(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// Windows of the text around each anchor (岁, 后, 年龄, 年纪, and in English age, old, young, born,
/// under, below), merged: every pattern needs an anchor, so the regexes run on a few dozen bytes
/// instead of the whole field.
fn windows(t: &str) -> Vec<(Range<usize>, bool)> {
    let mut out: Vec<(Range<usize>, bool)> = Vec::new();
    for (i, c) in t.char_indices() {
        // 岁 and 后 end a pattern (18-35周岁, 35岁以下, 90后优先): look back further than ahead.
        // 年龄 and 年纪 start one (年龄20-30): look ahead.
        let english = c.is_ascii();
        let (back, ahead) = match c {
            // Ahead far enough to see the people served (60岁以上独居、失能老人).
            '岁' => (36, 30),
            // 出生 ends a birth-year window (1985年至1995年出生).
            '出' if t[i..].starts_with("出生") => (30, 60),
            // 后 ends a cohort only after a number (90后, 九零后); 之后, 然后 and 后期 are everywhere.
            // A space may stand between (适合 95 后).
            '后' if t[..i]
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .and_then(digit_value)
                .is_some() =>
            {
                (20, 15)
            }
            '年' if t[i..].starts_with("年龄") || t[i..].starts_with("年纪") => (12, 48),
            'a' | 'o' | 'y' | 'b' | 'u'
                if !t[..i].ends_with(|c: char| c.is_ascii_alphabetic())
                    && ["age", "old", "young", "born", "under", "below", "over ", "above "]
                        .iter()
                        .any(|w| t[i..].starts_with(w)) =>
            {
                (40, 48)
            }
            _ => continue,
        };
        let mut s = i.saturating_sub(back);
        while !t.is_char_boundary(s) {
            s += 1;
        }
        let mut e = (i + ahead).min(t.len());
        while !t.is_char_boundary(e) {
            e -= 1;
        }
        match out.last_mut() {
            Some((last, en)) if s <= last.end => {
                last.end = last.end.max(e);
                *en |= english;
            }
            _ => out.push((s..e, english)),
        }
    }
    out
}

/// People the job serves, whose ages are not the job seeker's (陪护八十岁以上的老人, 四至六岁儿童).
const SERVED_AFTER: &[&str] = &[
    "游客",
    "旅客",
    "乘客",
    "tourists",
    "passengers",
    "老人",
    "老年",
    "长者",
    "儿童",
    "幼儿",
    "孩子",
    "小孩",
    "宝宝",
    "婴",
    "学生",
    "学员",
    "患者",
    "病人",
    "青少年",
    "客户",
    "children",
    "kids",
    "child",
    "pupils",
    "students",
    "seniors",
    "elderly",
    "residents",
    "patients",
    "learners",
    "toddlers",
    "babies",
    "clients",
    "customers",
    "users",
];
/// Teams and camps the job trains (academy players aged 16 to 19, 营员): served, whichever side.
const SERVED_EITHER: &[&str] = &[
    "players",
    "trainees",
    "athletes",
    "campers",
    "teens",
    "teenagers",
    "juniors",
    "球员",
    "队员",
    "选手",
    "营员",
];
const SERVED_BEFORE: &[&str] = &[
    "照护",
    "陪护",
    "照顾",
    "护理",
    "服务",
    "辅导",
    "教",
    "面向",
    "为",
    "帮助",
    // An institution that admits or houses people of that age (主要收治60岁以上失能、半失能老人): blind
    // batch 71.
    "收治",
    "收住",
    "入住",
    // The market a shop serves (主营25-45岁女士通勤装: blind batch 100).
    "主营",
    "主打",
    "专营",
    "caring for",
    "care for",
    "teach",
    "teaching",
    "tutoring",
    "for",
];
/// Units after a number that make it something other than an age (under 30 kg).
const NOT_AGE: &[&str] = &[
    "kg",
    "km",
    "cm",
    "%",
    "people",
    "persons",
    "staff",
    "employees",
    "minutes",
    "min",
    "hours",
    "hrs",
    "yuan",
    "rmb",
    "元",
    "人",
    "kilo",
    "floors",
    "seats",
    "pax",
    "days",
    "k",
    "m ",
    "mins",
];

/// The text of the age's own sentence part before and after it: up to the nearest ，。；！？ or line end.
/// A list's next line (45岁以下；\n2. 持母婴护理证) is another part (blind batch 28); a 、 list
/// (60岁以上独居、失能老人) runs on.
fn clause_part<'t>(t: &'t str, r: &Range<usize>) -> (&'t str, &'t str) {
    let ends = |c: char| matches!(c, '，' | ',' | '。' | '；' | ';' | '\n' | '！' | '？' | '!' | '?');
    let after = &t[r.end..];
    let after = &after[..after.find(ends).unwrap_or(after.len())];
    let before = &t[..r.start];
    let start = before
        .rfind(ends)
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    (&before[start..], after)
}

/// Whether the age is of the people the job serves. `part` is the age's sentence part
/// ([`clause_part`]), in which the people served and units are looked for.
fn serves_others(t: &str, r: &Range<usize>, part: (&str, &str)) -> bool {
    // The people served stand within a few characters (八十岁以上的独居老人, 25-45岁女性顾客);
    // a unit stands right after the number (under 30 kg).
    let after = part.1.trim_start_matches([' ', '的', ':']);
    let near_after = &after[..after.char_indices().nth(8).map_or(after.len(), |(i, _)| i)];
    let near_before = &part.0[part.0.char_indices().rev().nth(12).map_or(0, |(i, _)| i)..];
    let before = &t[..r.start];
    SERVED_AFTER
        .iter()
        .chain(SERVED_EITHER)
        .any(|w| near_after.contains(w))
        || SERVED_BEFORE
            .iter()
            .chain(SERVED_EITHER)
            .any(|w| before.trim_end().ends_with(w))
        || CLIENTELE.iter().any(|w| near_before.contains(w))
        || NOT_AGE.iter().any(|w| after.starts_with(w))
        || audience(before)
        || zh_audience(before)
        // A team's average (团队平均年龄35岁: blind batch 52) describes, it does not require; only the
        // number right after it (a cohort wished for later in the sentence still counts).
        || ["平均年龄", "平均年龄为", "平均年龄在", "平均", "average age of", "average age is", "average age"]
            .iter()
            .any(|w| before.trim_end().ends_with(w))
}

/// The people a job is for, in Chinese, with their ages in brackets after them (为梯队球员（13-19岁）和教练
/// 开展反赌球教育: blind batch 46): 为, then a few ideographs ending in a word for people. Not 需为, 须为,
/// 成为 … (应聘者须为应届毕业生（22-25岁） is a requirement).
fn zh_audience(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '(', '（']);
    if t.len() == before.len() {
        return false;
    }
    let Some(at) = t.rfind('为') else { return false };
    let who = &t[at + '为'.len_utf8()..];
    let n = who.chars().count();
    (2..=8).contains(&n)
        && who.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        && who.ends_with(['员', '生', '童', '子', '人', '者', '手', '户', '友', '宝', '孩'])
        && ![
            "需", "须", "应", "成", "作", "认", "以", "因", "均", "限", "求", "皆", "都", "是",
        ]
        .iter()
        .any(|w| t[..at].ends_with(w))
}

/// An age that is welcomed too, not required (年龄不限，50岁以上有经验者同样欢迎; over 50s are also
/// welcome): the words in the age's own clause (blind batch 34).
fn welcomed((before, after): (&str, &str)) -> bool {
    const ALSO: &[&str] = &[
        "同样欢迎",
        "也欢迎",
        "亦欢迎",
        "也可",
        "亦可",
        "同样可以",
        "also welcome",
        "welcome too",
        "also encouraged",
        "equally welcome",
    ];
    ALSO.iter().any(|w| after.contains(w) || before.contains(w))
}

/// An older age welcomed, not a floor demanded: a part that opens with a welcome to a lower bound
/// (欢迎45岁、50岁以上的老师傅投递; welcome, 50 and over: blind batch 60).
fn older_welcomed(age: &str, (before, _): (&str, &str)) -> bool {
    let lower_bound = ["以上", "or over", "or above", "and over", "and above", "+"]
        .iter()
        .any(|w| age.trim_end().ends_with(w));
    let opens = before.trim_start();
    // Or the welcome right before the age (门店营业员（欢迎35岁以上）: blind batch 98).
    let right_before = before.trim_end().ends_with("欢迎");
    lower_bound
        && (opens.starts_with("欢迎")
            || opens.starts_with("welcome")
            || opens.starts_with("we welcome")
            || right_before)
}

/// Words before `for` that make what follows the people sought, not an audience (looking for ladies
/// aged 20-28, a role for graduates aged 22-25).
const SOUGHT_FOR: &[&str] = &[
    "looking",
    "searching",
    "seeking",
    "hiring",
    "recruiting",
    "open",
    "opportunity",
    "opportunities",
    "vacancy",
    "vacancies",
    "job",
    "jobs",
    "position",
    "positions",
    "role",
    "roles",
    "suitable",
    "ideal",
    "perfect",
    "great",
    "only",
    "calling",
    "call",
    "wanted",
    "apply",
    "reserved",
    "limited",
    "restricted",
];

/// An audience of one or two words after a `for` that is not the job's own (messaging for women aged
/// 30-55, blind batch 27).
fn audience(before: &str) -> bool {
    let mut from = before.len().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let Some(at) = tail.rfind(" for ") else {
        return false;
    };
    let who = &tail[at + 5..];
    let words = who.split_whitespace().count();
    let prev = tail[..at]
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    (1..=2).contains(&words)
        && who.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
        && !prev.is_empty()
        && !SOUGHT_FOR.contains(&prev)
}

/// The people a job serves, named just before an age (顾客以25-45岁女性为主).
const CLIENTELE: &[&str] = &[
    "长者",
    "收住",
    "定位",
    "目标人群",
    "目标客户",
    "目标用户",
    "受众",
    "消费者",
    "顾客",
    "客户",
    "会员",
    "患者",
    "学员",
    "老人",
    "住的",
    "服务对象",
    "客群",
    "献血者",
    "donors",
    "游客",
    "旅客",
    "乘客",
    "tourists",
    "travellers",
    "passengers",
    "learners",
    "students",
    "children",
    "kids",
    "pupils",
    "patients",
    "clients",
    "customers",
    "residents",
    "seniors",
    "members",
];

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let light = &ft.views.light;
        for (w, english) in windows(&light.text) {
            let window = &light.text[w.clone()];
            // Numbers in words (三十五, thirty-five) and disguised digits read as ASCII digits here only.
            let numeric = numbers::read(window);
            let t = numeric.text.as_str();
            if !t.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            scan(t, english, &mut |r| {
                let part = clause_part(t, &r);
                if serves_others(t, &r, part) || welcomed(part) || older_welcomed(&t[r.clone()], part) {
                    return;
                }
                let orig = numeric.orig(r);
                let lr = w.start + orig.start..w.start + orig.end;
                // The welcome may stand past the window, at the end of a list (35岁以上、经验丰富的
                // 工程师同样欢迎: blind batch 82): read the age's clause in the field, at most 40
                // characters each side.
                let from = lr.start - terms::last_chars(&light.text[..lr.start], 40).len();
                let to = lr.end + terms::first_chars(&light.text[lr.end..], 40).len();
                let near = &light.text[from..to];
                if welcomed(clause_part(near, &(lr.start - from..lr.end - from))) {
                    return;
                }
                let at = light.orig(lr);
                out.push(Hit::new(&RULE, ft.field, at, Some(Fix::Remove)));
            });
        }
    }
}

fn scan(t: &str, english: bool, push: &mut dyn FnMut(Range<usize>)) {
    let en = english.then(|| AGE_EN.captures_iter(t));
    for c in AGE.captures_iter(t).chain(en.into_iter().flatten()) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let restricts = if let (Some(lo), Some(hi)) = (
            num(&c, "lo").or_else(|| num(&c, "lo2")),
            num(&c, "hi").or_else(|| num(&c, "hi2")),
        ) {
            lo <= hi && hi > ADULT && (hi < RETIREMENT || lo > ADULT)
        } else if let (Some(lo), Some(hi)) = (
            num(&c, "lo3").or_else(|| num(&c, "lo4")),
            num(&c, "hi3").or_else(|| num(&c, "hi4")),
        ) {
            lo <= hi && hi > ADULT && (hi < RETIREMENT || lo > ADULT)
        } else if let Some(n) = num(&c, "a")
            .or_else(|| num(&c, "a3"))
            .or_else(|| num(&c, "a4"))
            .or_else(|| num(&c, "b"))
            .or_else(|| num(&c, "a2"))
            .or_else(|| num(&c, "b2"))
            .or_else(|| num(&c, "a5"))
        {
            // An upper bound of 18 or less speaks of minors (未满十八周岁的未成年工), not an age cap.
            n > ADULT && n < RETIREMENT
        } else if let Some(n) = num(&c, "n") {
            n > ADULT
        } else if let Some(n) = num(&c, "o") {
            // Over 40 refused (candidates over 40 will not be considered).
            n > ADULT && n < RETIREMENT
        } else {
            c.name("c").is_some()
                || c.name("c2").is_some()
                || c.name("c3").is_some()
                || c.name("y").is_some()
                || c.name("y2").is_some()
                || c.name("y3").is_some()
                || c.name("y4").is_some()
                || c.name("y5").is_some()
                || c.name("y6").is_some()
                || c.name("y7").is_some()
        };
        if !restricts {
            continue;
        }
        // A cohort alone as a list item (95后，会做渐变: blind batch 84) is its own span, without the
        // punctuation around it.
        if let Some(m) = c.name("c3") {
            push(m.range());
            continue;
        }
        // The cohort and two-digit year forms start one character early (the non-digit before 90后).
        let start = c
            .name("c")
            .or_else(|| c.name("y7"))
            .map_or(whole.start, |m| m.start());
        push(trim_start(t, start..whole.end));
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
        fires(
            ID,
            "5 years in hotel kitchens; candidates over 40 will not be considered.",
        );
        fires(ID, "35岁以下");
        fires(ID, "Ideal candidates are in the 22 to 32 age bracket.");
        fires(ID, "3. 出生年份1985-2000");
        fires(ID, "年龄不超过40岁");
        fires(ID, "限35岁");
        fires(ID, "25岁以上");
        fires(ID, "90后优先");
        fires(ID, "已婚已育，孩子上学了的，年纪四十往下。");
        fires(ID, "仅限天津户籍，age ≤ 32，熟悉 HS 归类。");
        fires(ID, "95后，会做渐变、纹理烫。");
        clean(ID, "负责95后用户的增长运营。");
        fires(ID, "团队平均年龄26，氛围年轻，希望你也是95后，和大家玩得到一起。");
        // Blind batch 43: a cohort said to suit the team, spaced as typed.
        fires(ID, "我们团队氛围年轻，比较适合 95 后、00 后的小伙伴。");
        fires(
            ID,
            "Our team is very young, so candidates over 35 usually find it hard to fit in.",
        );
        clean(
            ID,
            "Residents over 80 often find it hard to fit in at first; help them settle.",
        );
        clean(ID, "为梯队球员（13-19岁）和教练开展反赌球、反假球及廉洁教育。");
        clean(ID, "团队平均年龄35岁，年纪从来不是问题");
        fires(ID, "团队平均年龄26岁，希望你是95后，能跟大家玩到一起。");
        fires(ID, "只想找同频的00后小伙伴");
        fires(
            ID,
            "团队平均年龄26岁，希望你是96年及以后出生的，跟大家更容易玩到一块。",
        );
        clean(ID, "欢迎90后、00后加入");
        // Blind batch 60: older workers welcomed, not a floor; a welcome to a range still limits.
        clean(ID, "本岗位不设年龄上限，欢迎45岁、50岁以上的老师傅投递。");
        clean(ID, "本岗位不设年龄上限，35岁以上、经验丰富的工程师同样欢迎。");
        clean(ID, "门店营业员（欢迎35岁以上）");
        clean(ID, "做了九年的女装店，主营25-45岁女士通勤装和连衣裙。");
        fires(ID, "欢迎18-35岁的年轻人加入");
        // Blind batch 61: the donors' ages a nurse explains.
        clean(
            ID,
            "讲解献血者年龄须在18至55周岁（既往多次献血者可延至60周岁）等国家标准",
        );
        // Blind batch 71: the people an institution admits.
        clean(ID, "床位400张，主要收治60岁以上失能、半失能老人。");
        fires(ID, "应聘者须为应届毕业生（22-25岁）。");
        fires(ID, "雇主家要求：得是北京本地户口的大姐，岁数别过五十。");
        // Blind batch 11.
        fires(ID, "只收妹子哈，手脚麻利、眼神好就得；年纪卡在三十五以内");
        fires(ID, "00后90后最合适，要坐得住流水线");
        fires(ID, "须1993年1月1日之后出生；须为沪籍");
        fires(ID, "七零后就不考虑了，八五后到九五后的最合适");
        fires(ID, "出生年份须在1996年（含）之后，年纪偏大的朋友就不约面啦");
        fires(ID, "年龄20-30");
        fires(ID, "３５岁以下");
        fires(ID, "年龄须在三十二周岁以内");
        fires(ID, "年龄在二十五至四十之间");
        fires(ID, "不超过四十五岁");
        // Blind batch 68: Chongqing dialect.
        fires(ID, "要男娃儿，莫超过40岁，手脚麻利");
        // Blind batch 74: north-eastern 往下 (and below).
        fires(ID, "招老爷们儿，四十岁往下，有把子力气");
        fires(ID, "Ladies under 27 preferred.");
        fires(ID, "Aged 25-35, fluent English.");
        fires(ID, "Thirty-five or younger.");
        fires(ID, "Born after 1995.");
        fires(ID, "限八五后、九零后，能吃苦");
        fires(ID, "* Born in 1996 or later");
        fires(ID, "仅考虑男士，1985年至1995年出生。");
        fires(ID, "applicants should be between 20 and 35 years old");
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
        // Blind batch 10: minors protected by law, and the people served.
        clean(ID, "年满十六周岁；未满十八周岁的未成年工依法定期体检，不安排夜班");
        clean(ID, "上门为辖区60岁以上独居、失能老人提供助浴、助洁、陪诊服务");
        clean(ID, "协助主设计师完成衬衫、西裤系列开发，品牌定位25-40岁都市男性");
        clean(
            ID,
            "民办养老机构，床位三百张，收住长者年龄多在七十至九十五岁之间。",
        );
        clean(ID, "16周岁以上");
        clean(ID, "18岁以上");
        clean(ID, "1-3年工作经验");
        clean(ID, "20-30人团队");
        clean(ID, "入职90天后转正");
        clean(ID, "18-60周岁");
        clean(ID, "售后服务");
        clean(ID, "陪护八十岁以上的独居老人");
        clean(ID, "四至六岁儿童美术启蒙");
        clean(ID, "Teach children aged 4-6.");
        clean(ID, "Cartons under 30 kg.");
        clean(ID, "Caring for residents over 80 years old.");
        // Blind batches 26 and 27: children's ages, an audience, an age that is served.
        clean(ID, "为初中生（12-15岁）提供一对一数学辅导");
        fires(ID, "1. 女性，45岁以下；\n2. 持母婴护理证者优先；");
        clean(ID, "Define messaging for women aged 30-55.");
        // Blind batch 34: an age welcomed too.
        clean(
            ID,
            "有照护经验者优先，持健康证，年龄不限，50岁以上有经验者同样欢迎。",
        );
        fires(ID, "年龄35岁以下，欢迎应届生");
        // "All are fine" within a range is still the range; only "also" welcomes more.
        fires(ID, "年龄18-35岁均可");
        fires(
            ID,
            "要求：认真负责，吃苦耐劳，服从安排，年龄要求 aged 25-35，有无经验均可，年龄35岁以下",
        );
        clean(
            ID,
            "Visitors over 50 will not be charged for entry; guide them to the lift.",
        );
        clean(ID, "下三滥的手段");
        clean(ID, "我们这里住的多是75岁以上的老人");
        clean(ID, "接待到院顾客（以25-45岁女性为主）");
        clean(ID, "团队中六十岁以上游客较多，行程中需留意高龄游客");
        clean(ID, "Teach evening classes for adult learners aged 25-45.");
        clean(
            ID,
            "Run daily scrims and VOD reviews for academy players aged 16 to 19.",
        );
    }

    // CJK text more than 40 bytes before the age: the audience check must cut on a character.
    #[test]
    fn the_audience_check_cuts_on_a_character() {
        let before = "负责仓库日常管理工作认真负责吃苦耐劳服从 x";
        assert_eq!(before.len(), 62);
        assert!(!super::audience(before));
        assert!(super::audience(
            "负责仓库日常管理工作认真负责吃苦耐劳 messaging for women "
        ));
        assert!(!super::audience(
            "负责仓库日常管理工作认真负责吃苦耐劳 looking for women "
        ));
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "35岁以下");
    }
}
