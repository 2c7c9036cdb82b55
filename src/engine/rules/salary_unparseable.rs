//! # `salary-unparseable`
//!
//! ## What it does
//! Flags pay text with no figure that can be read ("待遇优厚", "高"), or a bare range with no unit
//! ("15-25": yuan? thousands?).
//!
//! ## Why is this bad
//! 人力资源市场暂行条例 第二十四条 requires the basic pay (基本劳动报酬). Pay nobody can read cannot be
//! compared or checked against the minimum wage.
//!
//! ## Example
//! ```text
//! 待遇优厚
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
    id: "salary-unparseable",
    category: Category::Salary,
    severity: Severity::Warning,
    message: (
        "无法识别薪资，请按「6000-8000元/月」「15-25K·14薪」「80元/小时」等格式填写。",
        "The pay cannot be read; write it like \"6000-8000元/月\", \"15-25K·14薪\" or \"80元/小时\".",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Salary],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some((ft, Salary::Unparseable)) = salary::of(cx) {
        out.push(Hit::new(&RULE, Field::Salary, 0..ft.text.len(), None));
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("salary-unparseable", Field::Salary, "待遇优厚");
        fires_in("salary-unparseable", Field::Salary, "15-25");
        clean_in("salary-unparseable", Field::Salary, "6000-8000元/月");
        clean_in("salary-unparseable", Field::Salary, "15-25K·14薪");
        clean_in("salary-unparseable", Field::Salary, "面议");
        clean_in("salary-unparseable", Field::Salary, "６０００－８０００元／月");
    }
}
