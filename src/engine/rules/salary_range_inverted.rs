//! # `salary-range-inverted`
//!
//! ## What it does
//! Flags a pay range whose bottom is above its top ("8000-6000元/月").
//!
//! ## Why is this bad
//! The basic pay (人力资源市场暂行条例 第二十四条) must be stated truly; an inverted range is either a
//! typo or a trick to show a high first number.
//!
//! ## Example
//! ```text
//! 8000-6000元/月
//! ```
//!
//! ## Use instead
//! ```text
//! 6000-8000元/月
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::salary::{self, Salary};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "salary-range-inverted",
    category: Category::Salary,
    severity: Severity::Error,
    message: (
        "薪资范围的下限高于上限。",
        "The bottom of the pay range is above its top.",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Salary],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some((ft, Salary::Pay(p))) = salary::of(cx) {
        if p.max.is_some_and(|max| max < p.min) {
            out.push(Hit::new(&RULE, Field::Salary, ft.views.light.orig(p.span), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("salary-range-inverted", Field::Salary, "8000-6000元/月");
        fires_in("salary-range-inverted", Field::Salary, "2万-8千/月");
        clean_in("salary-range-inverted", Field::Salary, "6000-8000元/月");
        clean_in("salary-range-inverted", Field::Salary, "8千-2万/月");
    }
}
