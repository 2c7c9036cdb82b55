//! # `salary-below-minimum-wage`
//!
//! ## What it does
//! For full-time work (employment type 全职, or not given), converts the bottom of the pay to a monthly
//! figure (×174 hours, ×21.75 days, ÷12 for a year) and flags it when it is below the minimum-wage floor
//! for the work location (`salary.minimum_wage` in the pack: the longest place name found in `location`,
//! else `default`).
//!
//! ## Why is this bad
//! Pay below the local minimum wage is unlawful (《劳动法》《最低工资规定》), and impossible pay is a
//! mark of fake postings.
//!
//! The default pack's floor (1,500 yuan a month) is deliberately below every regional figure we know of,
//! so it never cries wolf; platforms set their own table of regional minimum wages.
//!
//! ## Example
//! ```text
//! 1000元/月
//! ```
//!
//! ## Use instead
//! ```text
//! 4000-5000元/月
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::salary::{self, Salary};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "salary-below-minimum-wage",
    category: Category::Salary,
    severity: Severity::Error,
    message: (
        "全职岗位的月薪低于当地最低工资标准。",
        "Full-time monthly pay is below the local minimum wage.",
    ),
    basis: basis::MIN_WAGE,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Salary],
};

fn full_time(kind: Option<&str>) -> bool {
    match kind.map(str::trim) {
        None | Some("") => true,
        Some(k) => {
            k.contains("全职") || k.eq_ignore_ascii_case("full-time") || k.eq_ignore_ascii_case("full_time")
        }
    }
}

/// The hours of a day's work named in the pay text (8小时, 10个小时, 8 hours), from 4 to 16.
fn day_hours(t: &str) -> Option<f64> {
    ["个小时", "小时", " hours", "hours", "h)", "h）"]
        .iter()
        .find_map(|unit| {
            t.match_indices(unit).find_map(|(i, _)| {
                // The digits right before the unit.
                let start = t[..i].trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let h: f64 = t[start..i].parse().ok()?;
                (4.0..=16.0).contains(&h).then_some(h)
            })
        })
}

/// A working day written as clock times (早6点到晚5点, 8:00-18:00, 早上六点干到下午四点) in the pay
/// text, the description or the requirements (日结60元，早7点干到晚6点: blind batch 86): its hours, less an hour for a meal when it runs past 8, from 4 to 16.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<pm1>晚上|晚|下午|傍晚)?(?:早上|早晨|早|上午)?[\x20]*(?P<a>[0-9]{1,2})(?:[:：][0-9]{2}|点半?)
        [\x20]*(?:到|至|-|~|—|–|干到|做到|工作到)[\x20]*
        (?P<pm2>晚上|晚|下午|傍晚|夜里)?[\x20]*(?P<b>[0-9]{1,2})(?:[:：][0-9]{2}|点)",
    )
    .expect("clock pattern compiles")
});

fn clock_hours(cx: &Ctx<'_>) -> Option<f64> {
    [Field::Salary, Field::Description, Field::Requirements]
        .iter()
        .find_map(|&f| {
            let text = &cx.field(f)?.views.light.text;
            if !text.contains(['点', ':', '：']) {
                return None;
            }
            let numeric = crate::engine::numbers::read(text);
            CLOCK.captures_iter(&numeric.text).find_map(|c| {
                let mut a: f64 = c["a"].parse().ok()?;
                let mut b: f64 = c["b"].parse().ok()?;
                if c.name("pm1").is_some() && a < 12.0 {
                    a += 12.0;
                }
                if (c.name("pm2").is_some() || b <= a) && b < 12.0 {
                    b += 12.0;
                }
                let span = b - a;
                let hours = if span > 8.0 { span - 1.0 } else { span };
                (4.0..=16.0).contains(&hours).then_some(hours)
            })
        })
}

/// A day's hours said in words in the description or the requirements (每天工作8小时, 一天干十个小时:
/// blind batch 89), from 4 to 16.
static DAY_HOURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:每天|每日|一天|日)(?:工作|干|上班)?[\x20]*(?P<h>[0-9]{1,2})[\x20]*(?:个)?(?:小时|钟头)")
        .expect("day-hours pattern compiles")
});

fn described_hours(cx: &Ctx<'_>) -> Option<f64> {
    [Field::Description, Field::Requirements].iter().find_map(|&f| {
        let text = &cx.field(f)?.views.light.text;
        if !text.contains("小时") && !text.contains("钟头") {
            return None;
        }
        let numeric = crate::engine::numbers::read(text);
        DAY_HOURS.captures_iter(&numeric.text).find_map(|c| {
            let m = c.name("h")?;
            // 一两小时 is one or two hours, not twelve: a figure in words counts only as one numeral
            // or a number with 十 (八小时, 十二小时), not two digits side by side.
            let orig = &text[numeric.orig(m.range())];
            if !orig.is_ascii() && orig.chars().count() > 1 && !orig.contains('十') {
                return None;
            }
            let h: f64 = m.as_str().parse().ok()?;
            (4.0..=16.0).contains(&h).then_some(h)
        })
    })
}

/// Full-time work said to be unpaid for a stage of the job (学徒期无薪, 学徒期无工资, 试工期不发工资: blind
/// batches 94-96): no pay is below any floor. Unpaid leave (无薪假) is not pay.
const UNPAID: &[&str] = &["无薪", "无工资", "不发工资", "没有工资", "零工资", "不发薪"];

fn unpaid(cx: &Ctx<'_>, out: &mut Vec<Hit>) -> bool {
    if !full_time(cx.posting.employment_type.as_deref()) {
        return false;
    }
    let Some(ft) = cx.field(Field::Salary) else {
        return false;
    };
    let light = &ft.views.light;
    let t = light.text.as_str();
    // Only a stage of the job itself (学徒期, 试用期, 试工期, 见习期); a course before it (实训期间无薪,
    // 培训期间无工资) is recruit-then-train's business: the trainee is not yet employed.
    let stage = |i: usize| {
        let before = crate::engine::terms::last_chars(&t[..i], 8);
        ["学徒", "试用", "试工", "见习"]
            .iter()
            .any(|w| before.contains(w))
    };
    let found = UNPAID.iter().find_map(|w| {
        t.match_indices(w)
            .find(|&(i, _)| !t[i + w.len()..].starts_with('假') && stage(i))
            .map(|(i, _)| i..i + w.len())
    });
    match found {
        Some(r) => {
            out.push(Hit::new(&RULE, Field::Salary, light.orig(r), None));
            true
        }
        None => false,
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if unpaid(cx, out) {
        return;
    }
    let Some((ft, Salary::Pay(p))) = salary::of(cx) else {
        return;
    };
    if salary::foreign_currency(&ft.views.light.text) {
        return;
    }
    // Hourly pay is judged against the hourly minimum, whatever the employment type (最低工资规定:
    // the hourly figure is for non-full-time work); monthly pay against the monthly one, full time only.
    if p.period == salary::Period::Hour {
        let floor = cx.config.salary.hourly_floor_for(cx.posting.location.as_deref());
        if floor.is_some_and(|floor| p.min < floor) {
            out.push(Hit::new(&RULE, Field::Salary, ft.views.light.orig(p.span), None));
        }
        return;
    }
    // A day's pay with the day's hours beside it (日结50元/天（8小时）: blind batch 76) is judged as
    // hourly pay for work that is not full time (the hourly figure is for non-full-time work); full-time
    // day pay is judged by the month below.
    if p.period == salary::Period::Day && !full_time(cx.posting.employment_type.as_deref()) {
        // The hours may stand in the pay text (日结50元/天（8小时）) or, as clock times, in the
        // description (每天早6点到晚5点: blind batches 83 and 84).
        if let Some(hours) = day_hours(&ft.views.light.text)
            .or_else(|| clock_hours(cx))
            .or_else(|| described_hours(cx))
        {
            let floor = cx.config.salary.hourly_floor_for(cx.posting.location.as_deref());
            if floor.is_some_and(|floor| p.min / hours < floor) {
                out.push(Hit::new(&RULE, Field::Salary, ft.views.light.orig(p.span), None));
                return;
            }
        }
    }
    if !full_time(cx.posting.employment_type.as_deref()) {
        return;
    }
    let (Some(factor), Some(floor)) = (
        p.period.monthly_factor(),
        cx.config.salary.floor_for(cx.posting.location.as_deref()),
    ) else {
        return;
    };
    if p.min * factor < floor {
        out.push(Hit::new(&RULE, Field::Salary, ft.views.light.orig(p.span), None));
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::{Checker, Field, Posting};

    /// Whether the default pack reports the posting's pay as below the minimum wage.
    fn below_floor(json: &str) -> bool {
        let p = Posting::from_json(json).unwrap();
        Checker::default_ref()
            .check(&p, None)
            .iter()
            .any(|f| f.rule == "salary-below-minimum-wage")
    }

    #[test]
    fn fires_and_stays_clean() {
        fires_in("salary-below-minimum-wage", Field::Salary, "1000元/月");
        fires_in("salary-below-minimum-wage", Field::Salary, "5元/小时");
        fires_in("salary-below-minimum-wage", Field::Salary, "年薪1.2万");
        clean_in("salary-below-minimum-wage", Field::Salary, "4000-5000元/月");
        clean_in("salary-below-minimum-wage", Field::Salary, "20元/小时");
        clean_in("salary-below-minimum-wage", Field::Salary, "2元/件");
        // Blind batch 27: another currency is not held to a floor in yuan.
        clean_in("salary-below-minimum-wage", Field::Salary, "USD 8-12 per hour");
        clean_in("salary-below-minimum-wage", Field::Salary, "每小时8美元");
        fires_in(
            "salary-below-minimum-wage",
            Field::Salary,
            "RMB 8 per hour (about USD 1.1)",
        );
    }

    // Regression (blind batch 3): 9元/小时 for a part-time job passed, as only full-time monthly pay
    // was judged.
    #[test]
    fn hourly_pay_is_judged_for_every_employment_type() {
        let p = Posting::from_json(r#"{"salary":"9元/小时","employment_type":"兼职"}"#).unwrap();
        assert!(Checker::default_ref()
            .check(&p, None)
            .iter()
            .any(|f| f.rule == "salary-below-minimum-wage"));
        let p = Posting::from_json(r#"{"salary":"25元/小时","employment_type":"兼职"}"#).unwrap();
        assert!(Checker::default_ref()
            .check(&p, None)
            .iter()
            .all(|f| f.rule != "salary-below-minimum-wage"));
    }

    // Blind batch 76: a day's pay over the day's hours, for work that is not full time.
    #[test]
    fn day_pay_with_its_hours_is_judged_by_the_hour() {
        assert!(below_floor(
            r#"{"salary":"日结50元/天（8小时）","employment_type":"兼职"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"日结200元/天（8小时）","employment_type":"兼职"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"日结50元/天","employment_type":"兼职"}"#
        ));
        // The day's hours as clock times in the description (blind batches 83 and 84): 50 a day from 6
        // in the morning to 5 in the evening is about 5 an hour.
        assert!(below_floor(
            r#"{"salary":"日薪50元，管午饭","employment_type":"季节工","description":"每天早6点到晚5点采摘、分拣"}"#
        ));
        assert!(below_floor(
            r#"{"salary":"一天60块","employment_type":"临时工","description":"早六点干到下午四点，中间吃饭半小时"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"日薪200元","employment_type":"临时工","description":"8:00-18:00，包午饭"}"#
        ));
        // The hours said in words (blind batch 89): 80 a day for 8 hours is 10 an hour.
        assert!(below_floor(
            r#"{"salary":"日薪80元，包午餐","employment_type":"兼职","description":"派发宣传单页，每天工作8小时。"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"日薪200元","employment_type":"兼职","description":"派发宣传单页，每天工作8小时。"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"日结 50-200元","employment_type":"兼职","description":"按件计酬，每天一两小时。"}"#
        ));
        assert!(below_floor(
            r#"{"salary":"日薪80元，每月结","employment_type":"临时工","description":"搬砖、码坯、装车，每天干11个钟头。"}"#
        ));
        // Full-time day pay is judged by the month: 150 a day is above every monthly floor.
        assert!(!below_floor(
            r#"{"salary":"日薪150元（每天8小时）","employment_type":"全职","location":"上海市"}"#
        ));
    }

    #[test]
    fn unpaid_full_time_work_is_below_any_floor() {
        assert!(below_floor(
            r#"{"salary":"学徒期无薪，出师后4500-7000元/月","employment_type":"全职"}"#
        ));
        assert!(below_floor(r#"{"salary":"学徒期无工资，出师后4000-8000元/月"}"#));
        assert!(!below_floor(
            r#"{"salary":"6000-8000元/月，可申请无薪假","employment_type":"全职"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"学徒期无薪","employment_type":"实习"}"#
        ));
        assert!(!below_floor(
            r#"{"salary":"实训期间无薪；就业后月薪8000-15000元","employment_type":"全职"}"#
        ));
    }

    #[test]
    fn part_time_is_not_checked_and_the_table_is_regional() {
        let p = Posting::from_json(r#"{"salary":"1000元/月","employment_type":"兼职"}"#).unwrap();
        assert!(Checker::default_ref()
            .check(&p, None)
            .iter()
            .all(|f| f.rule != "salary-below-minimum-wage"));
        let c =
            Checker::from_pack_json(r#"{"salary":{"minimum_wage":{"default":1500,"上海":2690}}}"#).unwrap();
        let p = Posting::from_json(r#"{"salary":"2500元/月","location":"上海市浦东新区"}"#).unwrap();
        assert!(c
            .check(&p, None)
            .iter()
            .any(|f| f.rule == "salary-below-minimum-wage"));
        let p = Posting::from_json(r#"{"salary":"2500元/月","location":"成都市"}"#).unwrap();
        assert!(c
            .check(&p, None)
            .iter()
            .all(|f| f.rule != "salary-below-minimum-wage"));
    }

    fn flagged(c: &Checker, json: &str) -> bool {
        let p = Posting::from_json(json).unwrap();
        c.check(&p, None)
            .iter()
            .any(|f| f.rule == "salary-below-minimum-wage")
    }

    // Blind batches 26, 28 and 29 planted pay below a city's or a province's floor. The default pack
    // knows a national floor and, since blind batches 61 and 62, floors for the places whose lowest
    // standard was checked against published figures (below); a platform's own table by place,
    // monthly and hourly, replaces them.
    #[test]
    fn a_platform_table_judges_the_city_or_province_the_job_is_in() {
        let c = Checker::from_pack_json(
            r#"{"salary":{"minimum_wage":{"default":1500,"江苏":1800,"广州":2300,"北京":2400},
                "minimum_hourly_wage":{"default":12,"上海":20,"Guangzhou":20,"广州":20,"北京":25}}}"#,
        )
        .unwrap();
        assert!(flagged(&c, r#"{"salary":"13元/小时","location":"上海市静安区"}"#));
        assert!(flagged(
            &c,
            r#"{"salary":"RMB 12.5 per hour","location":"Guangzhou, Tianhe District"}"#
        ));
        assert!(flagged(&c, r#"{"salary":"1400元/月","location":"江苏省盐城市"}"#));
        assert!(!flagged(
            &c,
            r#"{"salary":"25元/小时","location":"上海市静安区"}"#
        ));
        assert!(!flagged(&c, r#"{"salary":"13元/小时","location":"成都市"}"#));
        // A street named after another city does not raise the floor (广州's 北京路): of two names of
        // the same length, the lower floor.
        assert!(!flagged(
            &c,
            r#"{"salary":"2350元/月","location":"广州市越秀区北京路"}"#
        ));
        assert!(!flagged(
            &c,
            r#"{"salary":"22元/小时","location":"广州市越秀区北京路"}"#
        ));
        // The default pack: a national floor below every region's (Xinjiang's 1,540 a month was the
        // lowest in 2024), and for Beijing, Shanghai, Tianjin, Shenzhen, Guangzhou, Jiangsu and
        // Zhejiang floors below their published standards (2024: Shanghai 2,690 a month and 24 an
        // hour, Beijing 2,420 and 26.4, Tianjin 2,250 and 21.2, Shenzhen 2,360 and 22.2, Guangzhou
        // 2,300 and 22.2; Jiangsu's and Zhejiang's lowest tier 2,010 a month since January 2024).
        let d = Checker::default_ref();
        assert!(flagged(d, r#"{"salary":"13元/小时","location":"上海市静安区"}"#));
        assert!(flagged(
            d,
            r#"{"salary":"RMB 15 per hour","location":"Shanghai, Jing'an"}"#
        ));
        assert!(!flagged(d, r#"{"salary":"25元/小时","location":"上海市静安区"}"#));
        assert!(!flagged(d, r#"{"salary":"13元/小时","location":"成都市"}"#));
        assert!(flagged(d, r#"{"salary":"11元/小时","location":"成都市"}"#));
        assert!(flagged(d, r#"{"salary":"1800元/月","location":"北京市朝阳区"}"#));
        assert!(flagged(d, r#"{"salary":"1900元/月","location":"浙江省丽水市"}"#));
        assert!(!flagged(d, r#"{"salary":"2100元/月","location":"浙江省丽水市"}"#));
        assert!(!flagged(d, r#"{"salary":"1800元/月","location":"贵州省遵义市"}"#));
        // A street named after a city is not that city (南昌市上海路, 北京东路, Shanghai Road).
        assert!(!flagged(
            d,
            r#"{"salary":"1800元/月","location":"江西省南昌市上海路"}"#
        ));
        assert!(!flagged(
            d,
            r#"{"salary":"1800元/月","location":"南昌市北京东路"}"#
        ));
        assert!(!flagged(
            d,
            r#"{"salary":"1800元/月","location":"Shanghai Road, Nanchang"}"#
        ));
    }

    #[test]
    fn the_hourly_floor_can_be_a_table() {
        let c = Checker::from_pack_json(r#"{"salary":{"minimum_hourly_wage":{"default":15,"成都":20}}}"#)
            .unwrap();
        assert!(flagged(&c, r#"{"salary":"18元/小时","location":"成都市"}"#));
        assert!(!flagged(&c, r#"{"salary":"18元/小时","location":"重庆市"}"#));
        let c = Checker::from_pack_json(r#"{"salary":{"minimum_hourly_wage":20}}"#).unwrap();
        assert!(flagged(&c, r#"{"salary":"18元/小时","location":"重庆市"}"#));
        let e = Checker::from_pack_json(r#"{"salary":{"minimum_hourly_wage":{"成都":20}}}"#).unwrap_err();
        assert!(e.to_string().contains("salary.minimum_hourly_wage"), "{e}");
        let e = Checker::from_pack_json(r#"{"salary":{"minimum_hourly_wage":{"default":"x"}}}"#).unwrap_err();
        assert!(
            e.to_string().contains("salary.minimum_hourly_wage.default"),
            "{e}"
        );
    }
}
