//! # `missing-validity`
//!
//! ## What it does
//! Checks that a whole posting states how long it is valid (`valid_until`, 有效期限).
//!
//! ## Why is this bad
//! The circular asks for a validity period or timely updates, so that job seekers do not answer
//! postings for jobs long filled, a common way to harvest contact details.
//!
//! ## Example
//! ```text
//! {"title": "普工", …}            (no valid_until)
//! ```
//!
//! ## Use instead
//! ```text
//! {"title": "普工", …, "valid_until": "2026-12-31"}
//! ```
//!
//! A platform that keeps postings fresh by other means can set this rule to `warning` or turn it off.

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "missing-validity",
    category: Category::Required,
    severity: Severity::Error,
    message: (
        "请填写招聘信息有效期限。",
        "Give the date until which the posting is valid.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::ValidUntil],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let text = cx.posting.valid_until.as_deref().unwrap_or("");
    if cx.whole && text.trim().is_empty() {
        out.push(Hit::new(&RULE, Field::ValidUntil, 0..text.len(), None));
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::{Checker, Posting};

    #[test]
    fn fires_when_absent_and_not_when_given() {
        let mut p = clean_posting();
        p.valid_until = None;
        assert!(Checker::default_ref()
            .check(&p, today())
            .iter()
            .any(|f| f.rule == "missing-validity"));
        let p = clean_posting();
        assert!(Checker::default_ref()
            .check(&p, today())
            .iter()
            .all(|f| f.rule != "missing-validity"));
        let _ = Posting::default();
    }
}
