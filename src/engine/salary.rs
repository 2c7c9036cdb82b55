//! Reads the pay text of a posting: "6000-8000元/月", "15-25K·14薪", "80-150元/小时", "年薪10-15万", "面议".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The period a pay figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
    /// Piece rate (元/件, 元/单): no monthly equivalent.
    Piece,
}

impl Period {
    /// Factor that turns pay for this period into monthly pay (21.75 working days and 174 hours a
    /// month, the figures used for Chinese wage conversions), or None for piece rates.
    pub fn monthly_factor(self) -> Option<f64> {
        match self {
            Period::Hour => Some(174.0),
            Period::Day => Some(21.75),
            Period::Week => Some(4.35),
            Period::Month => Some(1.0),
            Period::Year => Some(1.0 / 12.0),
            Period::Piece => None,
        }
    }
}

/// A parsed pay figure or range, in yuan.
#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    pub min: f64,
    pub max: Option<f64>,
    pub period: Period,
    /// 薪 months a year (·14薪), if stated.
    pub months: Option<u32>,
    /// The matched text, as a byte range of the text given to [`parse`].
    pub span: Range<usize>,
}

/// What the pay text says.
#[derive(Debug, Clone, PartialEq)]
pub enum Salary {
    Pay(Pay),
    /// 面议 (to be agreed) with no figure.
    Negotiable(Range<usize>),
    /// No figure could be read, or the figure is ambiguous (e.g. "15-25" with no unit).
    Unparseable,
}

static PAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<a>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)[\x20\t\u{3000}]*(?P<ua>k|千|百万|万|w|million|m(?-u:\b))?[\x20\t\u{3000}]*(?:元|块)?[\x20\t\u{3000}]*
        (?:(?:-|~|—|–|至|到|to)[\x20\t\u{3000}]*(?P<neg>−|负)?[\x20\t\u{3000}]*(?:rmb|cny|¥)?[\x20\t\u{3000}]*(?P<b>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)[\x20\t\u{3000}]*(?P<ub>k|千|百万|万|w|million|m(?-u:\b))?)?
        [\x20\t\u{3000}]*(?:元|块|rmb|cny|人民币|yuan)?[\x20\t\u{3000}]*
        (?:(?:/|每|一|每个|per|a|an)?[\x20\t\u{3000}]*(?:(?:online|working|active|billable|teaching|tutoring|class|lesson|contact|在线|工作)[\x20]*)?(?P<per>小时|时|hour|hr|h|天|日|day|周|星期|week|月|month|mo|年|year|annum|单|件|piece|pieces|千字|字|条|篇|页|分钟|minutes|minute|min|words|word|pages|page|tasks|task|任务|episodes|episode|集|课时|节|lessons|lesson|class|sessions|session|orders|order|kg|公斤|斤|walks|walk|trips|trip|rides|ride|deliveries|delivery|visits|visit|bookings|booking|趟|次))?",
    )
    .expect("pay pattern compiles")
});
/// A piece rate named before its figure or with a word between (每千字8元, 每分钟6-12元, 课时费150元,
/// RMB 1.2 per approved image, RMB 6 per audio minute): the first figure is pay per piece.
static PIECE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        每[\x20]*(?:千字|字|分钟|条|篇|页|集|张|单|件|课时|节课|节|单位|公斤|斤|千克)
        | 课时费 | 按件 | 计件 | 千字
        | per[\x20]+(?:[a-z0-9-]+[\x20]+)?(?:images?|minutes?|words?|pages?|tasks?|items?|photos?|clips?|videos?|pieces?|lessons?|classes|class|sessions?|hours?[\x20]+of[\x20]+audio)(?-u:\b)",
    )
    .expect("piece-rate pattern compiles")
});
/// The 24 characters after byte `at` (a piece named after its figure: 1.2元 per approved image).
fn after_figure(text: &str, at: usize) -> &str {
    let end = text[at..]
        .char_indices()
        .nth(24)
        .map_or(text.len(), |(i, _)| at + i);
    &text[at..end]
}

static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>1[2-9]|2[0-4])[\x20\t\u{3000}]*薪").expect("months pattern compiles")
});

fn unit(u: Option<&str>) -> Option<f64> {
    match u? {
        "k" | "千" => Some(1000.0),
        "万" | "w" => Some(10000.0),
        // A senior role's pay in millions (RMB 1.2M-1.8M base per year: blind batch 66).
        "m" | "million" | "百万" => Some(1_000_000.0),
        _ => None,
    }
}

/// Whether a pay text (the light view) is in another currency than the yuan: a foreign currency named
/// and no yuan (USD 8-12 per hour, blind batch 27). Such pay is not held to a floor in yuan.
pub fn foreign_currency(text: &str) -> bool {
    const FOREIGN: &[&str] = &[
        "usd", "us$", "hk$", "hkd", "eur", "€", "£", "gbp", "aud", "sgd", "jpy", "cad", "美元", "美金",
        "港币", "港元", "欧元", "英镑", "日元", "新币", "澳元", "$",
    ];
    const YUAN: &[&str] = &["元", "rmb", "cny", "人民币", "yuan", "¥", "块"];
    let foreign = FOREIGN.iter().any(|w| {
        text.match_indices(w).any(|(i, _)| {
            // A Latin code is a whole word (usd, not a part of another word).
            !w.starts_with(|c: char| c.is_ascii_alphabetic())
                || (!text[..i].ends_with(|c: char| c.is_ascii_alphabetic())
                    && !text[i + w.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
        })
    });
    // 美元 and 港元 hold 元: only a yuan that is not part of them counts.
    let yuan = YUAN.iter().any(|w| {
        text.match_indices(w)
            .any(|(i, _)| !(*w == "元" && text[..i].ends_with(['美', '港', '欧', '日', '澳'])))
    });
    foreign && !yuan
}

/// The largest figure read as pay (a trillion yuan): anything larger is not a salary.
const MAX_FIGURE: f64 = 1e12;

/// Parses a pay text (already normalised: the light view, lower case, NFKC).
pub fn parse(text: &str) -> Salary {
    if !text.chars().any(super::normalize::is_cjk_digit) {
        return parse_digits(text);
    }
    // Figures in words (月薪五千至六千元, 时薪十二元): read as digits, spans mapped back to the text.
    // With no figure in digits, every number in words; beside figures in digits (学徒期月薪捌佰元；出师后
    // 3000元: blind batch 79), only the amounts of money, so that 1.5万 and 8千-1万 keep their unit
    // characters as units and the first figure is still the first in the text.
    let numeric = if text.bytes().any(|b| b.is_ascii_digit()) {
        super::numbers::read_amounts(text)
    } else {
        super::numbers::read(text)
    };
    if numeric.text == text {
        return parse_digits(text);
    }
    match parse_digits(&numeric.text) {
        Salary::Pay(mut pay) => {
            pay.span = numeric.orig(pay.span);
            Salary::Pay(pay)
        }
        Salary::Negotiable(r) => Salary::Negotiable(numeric.orig(r)),
        Salary::Unparseable => Salary::Unparseable,
    }
}

/// A figure that is a length of time, not pay: no currency, no k/万, a bare 天/月/小时 right after it,
/// and more figures to come (每单26天9800-13800元: a 26-day stint, then its pay).
fn is_duration(c: &regex::Captures<'_>, text: &str) -> bool {
    let whole = c.get(0).map_or(0..0, |m| m.range());
    let m = &text[whole.clone()];
    let bare = c.name("b").is_none()
        && c.name("ua").is_none()
        && !["元", "块", "rmb", "cny", "yuan", "¥", "人民币"]
            .iter()
            .any(|w| m.contains(w));
    let per = c.name("per").map(|p| p.as_str());
    // Hours after a day (每天6小时, 一天8小时: blind batch 49) are the shift's length, not pay per hour.
    let hours_a_day = matches!(per, Some("小时" | "时"))
        && ["每天", "每日", "一天", "天", "日", "每班", "每晚"]
            .iter()
            .any(|w| text[..whole.start].trim_end().ends_with(w));
    // A probation's length (试用期3个月月薪1800元: blind batch 71): months counted, not pay.
    let months_counted = ["个月", "个星期", "个工作日"]
        .iter()
        .any(|w| text[whole.end..].trim_start().starts_with(w));
    bare && (hours_a_day
        || ((months_counted || matches!(per, Some("天" | "日" | "月" | "年" | "小时" | "周")))
            && text[whole.end..].contains(|ch: char| ch.is_ascii_digit())))
}

/// Words that name a day's pay before its figure (日结200元, 每天180元).
const DAY_WORDS: &[&str] = &["日结", "日薪", "日工资", "日均", "每天", "每日", "一天", "按天"];

fn parse_digits(text: &str) -> Salary {
    let Some(c) = PAY.captures_iter(text).find(|c| !is_duration(c, text)) else {
        return match text.find("面议") {
            Some(i) => Salary::Negotiable(i..i + "面议".len()),
            None => Salary::Unparseable,
        };
    };
    let whole = c.get(0).map_or(0..0, |m| m.range());
    // A figure with a minus sign (负5000, -5000--3000) is not pay: say it cannot be read (a warning to
    // look at it). A hyphen right before the first figure counts as a sign even in 月薪-5000.
    let signed = text[..whole.start]
        .trim_end_matches([' ', '\t', '\u{3000}'])
        .strip_suffix(['-', '−', '负'])
        .is_some_and(|before| !before.ends_with(|c: char| c.is_ascii_digit()));
    if signed || c.name("neg").is_some() {
        return Salary::Unparseable;
    }
    // A figure beyond any pay (a run of hundreds of digits reads as infinity) cannot be read either:
    // found by the salary_text fuzz target.
    let num = |name: &str| {
        c.name(name)
            .and_then(|m| m.as_str().replace(',', "").parse::<f64>().ok())
            .filter(|n| n.is_finite() && *n < MAX_FIGURE)
    };
    if c.name("a").is_some_and(|_| num("a").is_none()) || c.name("b").is_some_and(|_| num("b").is_none()) {
        return Salary::Unparseable;
    }
    let (Some(a), b) = (num("a"), num("b")) else {
        return Salary::Unparseable;
    };
    let ua = unit(c.name("ua").map(|m| m.as_str()));
    let ub = unit(c.name("ub").map(|m| m.as_str()));
    // "15-25K": the unit after the range applies to both ends.
    let ua_eff = ua.or(ub);
    let min = a * ua_eff.unwrap_or(1.0);
    let max = b.map(|b| b * ub.or(ua).unwrap_or(1.0));
    let months = MONTHS.captures(text).and_then(|m| m["n"].parse().ok());
    let before = &text[..whole.start];
    // A day's pay named right before its figure wins over a month that follows it as another option
    // (日结200元 / 月综合6000-7500元: blind batch 32).
    let day_before = DAY_WORDS.iter().any(|w| before.trim_end().ends_with(w));
    let period = match c.name("per").map(|m| m.as_str()) {
        Some("小时" | "时" | "h" | "hour" | "hr") => Period::Hour,
        Some("天" | "日" | "day") => Period::Day,
        Some("周" | "星期" | "week") => Period::Week,
        Some("月" | "month" | "mo") if day_before => Period::Day,
        Some("月" | "month" | "mo") => Period::Month,
        Some("年" | "year" | "annum") => Period::Year,
        // Piece rates: by the item, the word, the page, the task, the minute of a recording, the class
        // hour (课时费150元/课时).
        Some(
            "单" | "件" | "piece" | "pieces" | "千字" | "字" | "条" | "篇" | "页" | "分钟" | "minutes"
            | "minute" | "min" | "words" | "word" | "pages" | "page" | "tasks" | "task" | "任务" | "episodes"
            | "episode" | "集" | "orders" | "order" | "kg" | "公斤" | "斤" | "课时" | "节" | "lesson"
            | "lessons" | "class" | "session" | "sessions" | "walk" | "walks" | "trip" | "trips" | "ride"
            | "rides" | "delivery" | "deliveries" | "visit" | "visits" | "booking" | "bookings" | "趟" | "次",
        ) => Period::Piece,
        // A base named right before its figure is the month's (底薪1200元+计件提成: blind batch 92), whatever
        // piece rate follows it.
        _ if ["底薪", "基本工资", "基本底薪", "无责底薪"]
            .iter()
            .any(|w| before.trim_end().ends_with(w)) =>
        {
            Period::Month
        }
        // A piece named before its figure, or right after it with a word between, is not monthly pay.
        _ if PIECE_BEFORE.is_match(&text[..whole.end])
            || PIECE_BEFORE.is_match(after_figure(text, whole.end)) =>
        {
            Period::Piece
        }
        _ if before.contains("年薪") => Period::Year,
        _ if ["时薪", "每小时", "每个小时", "一小时", "per hour"]
            .iter()
            .any(|w| before.contains(w)) =>
        {
            Period::Hour
        }
        _ if DAY_WORDS.iter().any(|w| before.contains(w)) => Period::Day,
        _ => Period::Month,
    };
    // A bare "15-25" a month is ambiguous (15-25K?): say so rather than guess.
    if ua_eff.is_none() && period == Period::Month && a < 100.0 {
        return Salary::Unparseable;
    }
    let mut end = whole.end;
    while end > whole.start && text[..end].ends_with(char::is_whitespace) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    Salary::Pay(Pay {
        min,
        max,
        period,
        months,
        span: whole.start..end,
    })
}

/// The salary field of a posting and its parse (spans in the field's light view). Parsed once per
/// check and shared by the five salary rules.
pub(crate) fn of<'c>(cx: &'c crate::engine::Ctx<'_>) -> Option<(&'c crate::engine::FieldText<'c>, Salary)> {
    let ft = cx.field(crate::engine::Field::Salary)?;
    if ft.text.trim().is_empty() {
        return None;
    }
    Some((ft, cx.salary.get_or_init(|| parse(&ft.views.light.text)).clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn pay(text: &str) -> Pay {
        match parse(text) {
            Salary::Pay(p) => p,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn reads_common_forms() {
        let p = pay("6000-8000元/月");
        assert_eq!((p.min, p.max, p.period), (6000.0, Some(8000.0), Period::Month));
        let p = pay("15-25k·14薪");
        assert_eq!((p.min, p.max, p.months), (15000.0, Some(25000.0), Some(14)));
        let p = pay("80-150元/小时");
        assert_eq!((p.min, p.period), (80.0, Period::Hour));
        let p = pay("年薪10-15万");
        assert_eq!((p.min, p.max, p.period), (100000.0, Some(150000.0), Period::Year));
        let p = pay("1.2万-1.8万/月");
        assert_eq!((p.min, p.max), (12000.0, Some(18000.0)));
        let p = pay("200元/天");
        assert_eq!(p.period, Period::Day);
        // Blind batch 98: a teaching hour is an hour.
        let p = pay("RMB 80 per teaching hour");
        assert_eq!((p.min, p.period), (80.0, Period::Hour));
        // Blind batch 92: a base before a piece rate is the month's.
        let p = pay("底薪1200元+计件提成");
        assert_eq!((p.min, p.period), (1200.0, Period::Month));
        // Blind batch 71: a probation's length before its pay.
        let p = pay("试用期3个月月薪1800元，转正2100元，包吃包住");
        assert_eq!((p.min, p.period), (1800.0, Period::Month));
        // Blind batch 66: millions, in Latin or Chinese; "monthly" is no unit.
        let p = pay("rmb 1.2m-1.8m per year plus discretionary bonus");
        assert_eq!(
            (p.min, p.max, p.period),
            (1_200_000.0, Some(1_800_000.0), Period::Year)
        );
        let p = pay("rmb 1.2m-1.8m base per year plus discretionary bonus");
        assert_eq!((p.min, p.max), (1_200_000.0, Some(1_800_000.0)));
        let p = pay("rmb 2.5–3.5 million per year + equity");
        assert_eq!((p.min, p.max), (2_500_000.0, Some(3_500_000.0)));
        let p = pay("年薪1.2百万");
        assert_eq!(p.min, 1_200_000.0);
        let p = pay("5000 monthly");
        assert_eq!(p.min, 5000.0);
        let p = pay("底薪3000+提成");
        assert_eq!((p.min, p.max), (3000.0, None));
        // Blind batch 36: the unit named before the figure.
        assert_eq!(pay("每小时32元，按单结算，月均4500-6500元").period, Period::Hour);
        assert_eq!(pay("每公斤2.3元，每天保底180元").period, Period::Piece);
        assert_eq!(pay("日工资400-500元").period, Period::Day);
        // Blind batch 32: a day's pay, then a month's as another option.
        assert_eq!(pay("日结200元 / 月综合6000-7500元").period, Period::Day);
        assert_eq!(pay("月薪6000元/月").period, Period::Month);
        // Blind batch 24: a stint's length before its pay.
        assert_eq!(pay("每单26天9800-13800元").min, 9800.0);
        // Blind batch 23: a day's pay named before its figure.
        assert_eq!(
            pay("日均400-550元（按工程量结算，每月10日发放）").period,
            Period::Day
        );
        assert_eq!(
            pay("钢筋工每天380元，架子工每天420元，按月发放").period,
            Period::Day
        );
        let p = pay("5元/件");
        assert_eq!(p.period, Period::Piece);
        // Blind batch 21: pay by the minute of a recording, the word, the task.
        for piece in [
            "RMB 30-45 per minute of runtime",
            "80-120元/千字",
            "1.5元/条任务",
            "RMB 3 per task",
            // Blind batches 22 and 24: pieces named before their figure, or with a word between.
            "按件计酬，每千字8元，月均3000-5000元",
            "按成品时长计酬，每分钟6-12元（约合360-720元/成品小时）",
            "课时费150元/课时，月均6000-9000元",
            "RMB 1.2 per approved image; guaranteed minimum RMB 4,800 per month for full-time annotators",
            "RMB 6 per audio minute, typically RMB 4,000–6,000 per month",
            "千字5元，按月结算",
            "rmb 7 per order, guaranteed rmb 5,000 per month",
            "rmb 60 per kg, minimum rmb 200 per day",
            "rmb 300 per 45-minute lesson, 60 lessons guaranteed per month (rmb 18,000)",
        ] {
            assert_eq!(pay(piece).period, Period::Piece, "{piece}");
        }
    }

    // Issue 10: `-5000--3000元/月` and `负5000元/月` passed with no salary finding (the minus sign was
    // skipped and 5000 read as the pay).
    #[test]
    fn negative_figures_are_unparseable() {
        for text in [
            "-5000--3000元/月",
            "负5000元/月",
            "- 5000元/月",
            "−5000元/月",
            "5000-负3000元/月",
            "5000至−3000元/月",
            "月薪-5000",
        ] {
            assert_eq!(parse(text), Salary::Unparseable, "{text}");
        }
        // A range dash after a figure is not a sign (nor is a doubled one: 3000--5000 reads 3000).
        assert!(matches!(parse("5000-8000元/月"), Salary::Pay(_)));
        assert!(matches!(parse("面议，5000-8000元/月"), Salary::Pay(_)));
        assert!(matches!(parse("3000--5000元/月"), Salary::Pay(_)));
    }

    // The same, through the whole check: each gives a salary finding.
    #[test]
    fn negative_pay_gets_a_salary_finding() {
        use crate::engine::{Checker, Posting};
        let checker = Checker::new();
        for pay in ["-5000--3000元/月", "负5000元/月"] {
            let posting = Posting {
                salary: Some(pay.into()),
                employment_type: Some("兼职".into()),
                ..Posting::default()
            };
            let report = checker.report_in(&posting, None, crate::engine::Lang::Zh);
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.rule == "salary-unparseable" && f.field == "salary"),
                "{pay}: {:?}",
                report.findings
            );
        }
    }

    #[test]
    fn negotiable_and_unparseable() {
        assert!(matches!(parse("面议"), Salary::Negotiable(_)));
        assert_eq!(parse("待遇优厚"), Salary::Unparseable);
        assert_eq!(parse("15-25"), Salary::Unparseable);
    }

    // Regression (fuzz target salary_text): a run of hundreds of digits parsed as infinity and was
    // reported as pay.
    #[test]
    fn absurd_figures_are_unparseable() {
        let long = format!(" {}元/月", "3".repeat(320));
        assert_eq!(parse(&long), Salary::Unparseable);
        assert_eq!(parse("5000-999999999999999元/月"), Salary::Unparseable);
        assert!(matches!(parse("6000-8000元/月"), Salary::Pay(_)));
    }

    // Regression (blind batch 7): English pay (RMB 12,000-16,000/month) was unparseable.
    #[test]
    fn english_pay_reads() {
        let Salary::Pay(p) = parse("rmb 12,000-16,000/month") else {
            panic!()
        };
        assert_eq!((p.min, p.max, p.period), (12000.0, Some(16000.0), Period::Month));
        let Salary::Pay(p) = parse("120-150 yuan per hour") else {
            panic!()
        };
        assert_eq!((p.min, p.period), (120.0, Period::Hour));
        let Salary::Pay(p) = parse("rmb 5,500-7,000/month, meals and dormitory provided") else {
            panic!()
        };
        assert_eq!(p.min, 5500.0);
        // Blind batch 49: a dog walker paid by the walk; hours a day are not pay per hour.
        let Salary::Pay(p) = parse("rmb 45 per walk") else {
            panic!()
        };
        assert_eq!((p.min, p.period), (45.0, Period::Piece));
        assert!(!matches!(parse("3000 每天6小时 做六休一"), Salary::Pay(p) if p.period == Period::Hour));
        // Blind batch 43: a ride-hailing driver's average per online hour.
        let Salary::Pay(p) = parse("per trip; average rmb 45 per online hour, weekly settlement") else {
            panic!()
        };
        assert_eq!((p.min, p.period), (45.0, Period::Hour));
    }

    // Blind batch b9: 月薪五千至六千元 was unparseable.
    #[test]
    fn figures_in_words() {
        let Salary::Pay(p) = parse("月薪五千至六千元") else {
            panic!("not read")
        };
        assert_eq!((p.min, p.max, p.period), (5000.0, Some(6000.0), Period::Month));
        assert_eq!(&"月薪五千至六千元"[p.span.clone()], "五千至六千元");
        let Salary::Pay(p) = parse("时薪十二元") else {
            panic!("not read")
        };
        assert_eq!((p.min, p.period), (12.0, Period::Hour));
        // Units beside digits stay units.
        let Salary::Pay(p) = parse("8千-1万/月") else {
            panic!("not read")
        };
        assert_eq!((p.min, p.max), (8000.0, Some(10000.0)));
    }
}
