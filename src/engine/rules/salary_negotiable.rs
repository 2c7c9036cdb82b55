//! # `salary-negotiable`
//!
//! ## What it does
//! Notes pay given only as 面议 ("to be agreed").
//!
//! ## Why is this bad
//! It is common and not unlawful, but 人力资源市场暂行条例 第二十四条 asks for the basic pay, and a
//! range lets job seekers decide before they hand over their details. Reported as `info`.
//!
//! ## Example
//! ```text
//! 面议
//! ```
//!
//! ## Use instead
//! ```text
//! 8000-12000元/月，具体面议
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::salary::{self, Salary};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "salary-negotiable",
    category: Category::Salary,
    severity: Severity::Info,
    message: (
        "薪资仅写「面议」，建议写明基本劳动报酬范围。",
        "Pay is only \"to be agreed\"; consider stating the basic pay range.",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Salary],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some((ft, Salary::Negotiable(r))) = salary::of(cx) {
        out.push(Hit::new(&RULE, Field::Salary, ft.views.light.orig(r), None));
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("salary-negotiable", Field::Salary, "面议");
        clean_in("salary-negotiable", Field::Salary, "8000-12000元/月，具体面议");
    }
}
