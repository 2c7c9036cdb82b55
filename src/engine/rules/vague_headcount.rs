//! # `vague-headcount`
//!
//! ## What it does
//! Flags a headcount given as 若干 ("some"), 不限 or 大量 instead of a number.
//!
//! ## Why is this bad
//! The circular and 人力资源市场暂行条例 第二十四条 ask for the number of people to be hired; "若干" is
//! common but tells the job seeker nothing, and 大量招聘 is a mark of diversion postings.
//!
//! ## Example
//! ```text
//! 若干
//! ```
//!
//! ## Use instead
//! ```text
//! 10
//! ```

use super::invalid_headcount::{classify, Headcount};
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "vague-headcount",
    category: Category::Required,
    severity: Severity::Warning,
    message: (
        "招聘人数不明确，请填写具体人数。",
        "The headcount is vague; give a number.",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Headcount],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(ft) = cx.field(Field::Headcount) {
        if classify(ft.text) == Headcount::Vague {
            out.push(Hit::new(&RULE, Field::Headcount, 0..ft.text.len(), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("vague-headcount", Field::Headcount, "若干");
        fires_in("vague-headcount", Field::Headcount, "不限");
        clean_in("vague-headcount", Field::Headcount, "8");
        clean_in("vague-headcount", Field::Headcount, "8人");
    }
}
