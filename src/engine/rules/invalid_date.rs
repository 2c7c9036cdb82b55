//! # `invalid-date`
//!
//! ## What it does
//! Checks that `valid_until` is a real calendar date written `YYYY-MM-DD`.
//!
//! ## Why is this bad
//! A validity date nobody can read ("长期有效", "2026/13/01") is no validity date: the circular asks
//! for a validity period in a standard format.
//!
//! ## Example
//! ```text
//! 长期有效
//! ```
//!
//! ## Use instead
//! ```text
//! 2026-12-31
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::Date;
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "invalid-date",
    category: Category::Format,
    severity: Severity::Error,
    message: (
        "有效期限应为「YYYY-MM-DD」格式的日期。",
        "The validity date must be a date written YYYY-MM-DD.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::ValidUntil],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(ft) = cx.field(Field::ValidUntil) {
        let trimmed = ft.text.trim();
        if !trimmed.is_empty() && Date::parse(trimmed).is_none() {
            out.push(Hit::new(&RULE, Field::ValidUntil, 0..ft.text.len(), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("invalid-date", Field::ValidUntil, "长期有效");
        fires_in("invalid-date", Field::ValidUntil, "2026/12/31");
        fires_in("invalid-date", Field::ValidUntil, "2026-02-30");
        clean_in("invalid-date", Field::ValidUntil, "2026-12-31");
        clean_in("invalid-date", Field::ValidUntil, " 2026-12-31 ");
    }
}
