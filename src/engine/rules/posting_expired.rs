//! # `posting-expired`
//!
//! ## What it does
//! Flags a `valid_until` date earlier than today (today comes from the caller, so checks are
//! reproducible).
//!
//! ## Why is this bad
//! An expired posting advertises a job that is no longer open; the circular asks platforms to keep
//! postings valid or updated.
//!
//! ## Example
//! ```text
//! 2025-01-31       (checked on 2026-11-28)
//! ```
//!
//! ## Use instead
//! ```text
//! 2026-12-31
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::Date;
use crate::engine::{Category, Field, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "posting-expired",
    category: Category::Required,
    severity: Severity::Error,
    message: (
        "有效期限已过，请更新或下架该招聘信息。",
        "The validity date has passed; update or withdraw the posting.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::ValidUntil],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let (Some(ft), Some(today)) = (cx.field(Field::ValidUntil), cx.today) else {
        return;
    };
    let trimmed = ft.text.trim();
    if let Some(date) = Date::parse(trimmed) {
        if date < today {
            let start = ft.text.find(trimmed).unwrap_or(0);
            let next = Date::from_days_since_epoch(today.days_since_epoch() + 30);
            out.push(Hit::new(
                &RULE,
                Field::ValidUntil,
                start..start + trimmed.len(),
                Some(Fix::Replace(next.to_string())),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("posting-expired", Field::ValidUntil, "2025-01-31");
        fires_in("posting-expired", Field::ValidUntil, "2026-11-27");
        clean_in("posting-expired", Field::ValidUntil, "2026-11-28");
        clean_in("posting-expired", Field::ValidUntil, "2027-01-01");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears_in("posting-expired", Field::ValidUntil, "2025-01-31");
    }
}
