//! # `salary-range-too-wide`
//!
//! ## What it does
//! Flags a pay range whose top is more than `salary.max_range_ratio` times its bottom (3 in the
//! default pack): "3000-50000元/月".
//!
//! ## Why is this bad
//! A range that wide states no basic pay (人力资源市场暂行条例 第二十四条); the top is bait. Reported as
//! a warning: commission jobs can be honest about a wide range.
//!
//! ## Example
//! ```text
//! 3000-50000元/月
//! ```
//!
//! ## Use instead
//! ```text
//! 底薪3000元/月 + 提成（过去一年平均月收入8000元）
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::salary::{self, Salary};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "salary-range-too-wide",
    category: Category::Salary,
    severity: Severity::Warning,
    message: (
        "薪资范围跨度过大，请写明基本劳动报酬。",
        "The pay range is too wide to state a basic pay.",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Salary],
};

/// Words that state the basic pay in a range made wide by commission (底薪4500元+提成, base salary of
/// RMB 6,000 plus commission): the basic pay is stated, which is what the rule asks for.
const BASE_PAY: &[&str] = &[
    "底薪",
    "保底",
    "基本工资",
    "基本薪资",
    "无责底薪",
    "base salary",
    "base pay",
    "basic salary",
    "basic pay",
    "guaranteed base",
];

/// Whether a field states a basic pay with its figure (a digit within 12 bytes of the word).
fn states_base_pay(text: &str) -> bool {
    BASE_PAY.iter().any(|w| {
        text.match_indices(w).any(|(i, _)| {
            let after = &text[i + w.len()..];
            let end = (0..=after.len().min(16))
                .rev()
                .find(|&k| after.is_char_boundary(k))
                .unwrap_or(0);
            after[..end].bytes().any(|b| b.is_ascii_digit())
        })
    })
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some((ft, Salary::Pay(p))) = salary::of(cx) {
        // A piece rate's range (每单8-25元 by distance) is the spread of the pieces, not a vague offer.
        // The basic pay stated anywhere is looked for only once the range is too wide.
        if p.min > 0.0
            && p.period != salary::Period::Piece
            && p.max
                .is_some_and(|max| max > p.min * cx.config.salary.max_range_ratio)
            && ![Field::Salary, Field::Description, Field::Requirements]
                .iter()
                .filter_map(|f| cx.field(*f))
                .any(|ft| states_base_pay(&ft.views.light.text))
        {
            out.push(Hit::new(&RULE, Field::Salary, ft.views.light.orig(p.span), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::{Checker, Field};

    #[test]
    fn fires_and_stays_clean() {
        fires_in("salary-range-too-wide", Field::Salary, "3000-50000元/月");
        clean_in("salary-range-too-wide", Field::Salary, "6000-18000元/月");
        clean_in("salary-range-too-wide", Field::Salary, "15-25K·14薪");
        // Blind batch 29: a broker's basic pay is stated, the range is commission.
        clean_in(
            "salary-range-too-wide",
            Field::Salary,
            "4500-20000元/月（底薪4500元+成交提成）",
        );
        clean_in(
            "salary-range-too-wide",
            Field::Salary,
            "RMB 6,000-25,000 (base salary 6,000 plus commission)",
        );
        fires_in(
            "salary-range-too-wide",
            Field::Salary,
            "4500-20000元/月，底薪面议",
        );
    }

    #[test]
    fn the_ratio_comes_from_the_pack() {
        let c = Checker::from_pack_json(r#"{"salary":{"max_range_ratio":1.2}}"#).unwrap();
        assert!(c
            .check_field(Field::Salary, "6000-8000元/月", None)
            .iter()
            .any(|f| f.rule == "salary-range-too-wide"));
    }
}
