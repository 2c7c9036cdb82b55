//! # `field-too-long-to-check`
//!
//! ## What it does
//! Flags a field longer than the pack's `max_field_chars` (20,000 characters by default). Only the
//! first `max_field_chars` characters are checked; the span covers the rest, which no rule has read.
//!
//! ## Why is this bad
//! A posting must be checked whole before it is published (人社厅发〔2025〕60号 asks platforms to keep
//! recruitment information genuine and lawful). Text no rule has read could hide a contact or a fee,
//! so the posting cannot pass until it is shortened. The limit also bounds what one keystroke or one
//! request can cost the checker.
//!
//! ## Example
//! ```text
//! (a description of 30,000 characters)
//! ```
//!
//! ## Use instead
//! A description of what the job is, well under the limit.

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "field-too-long-to-check",
    category: Category::Format,
    severity: Severity::Error,
    message: (
        "该栏目过长，超出部分未经检查，请删减后再发布。",
        "The field is too long to check; the part past the limit was not checked. Shorten it before publishing.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let full = cx.posting.get(ft.field).unwrap_or("");
        // The checker cut the field at the limit (Checker::run); what it did not read is the span.
        if ft.text.len() < full.len() {
            out.push(Hit::new(&RULE, ft.field, ft.text.len()..full.len(), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::{Checker, Config, Field};

    const ID: &str = "field-too-long-to-check";

    fn checker(limit: u64) -> Checker {
        let mut c = Config::default_pack();
        c.apply(&serde_json::json!({ "max_field_chars": limit })).unwrap();
        Checker::with_config(c)
    }

    #[test]
    fn fires_past_the_limit_and_reads_nothing_there() {
        let text = format!("{}加微信abc12345", "职".repeat(30));
        let found = checker(30).check_field(Field::Description, &text, today());
        let f = found.iter().find(|f| f.rule == ID).unwrap();
        assert_eq!(&text[f.span.clone()], "加微信abc12345");
        assert!(!found.iter().any(|f| f.rule == "wechat-contact"));
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, &"职".repeat(19_999));
        assert!(!checker(30)
            .check_field(Field::Description, &"职".repeat(30), today())
            .iter()
            .any(|f| f.rule == ID));
    }

    #[test]
    fn the_default_limit_is_twenty_thousand() {
        assert_eq!(Config::default_pack().max_field_chars, 20_000);
        fires(ID, &"职".repeat(20_001));
    }

    #[test]
    fn a_zero_limit_is_refused_with_its_key() {
        let e = Config::default_pack()
            .apply(&serde_json::json!({ "max_field_chars": 0 }))
            .unwrap_err();
        assert_eq!(e.key, "max_field_chars");
    }
}
