//! The registry: one place that maps stable rule ids to rules (ruff's `codes.rs`). Ids are kebab-case,
//! named for what they flag, and never reused or renamed. One rule per file.

use super::rule::RuleMeta;

pub mod age_restriction;
pub mod click_farming;
pub mod disability_discrimination;
pub mod document_withholding;
pub mod email_address;
pub mod employer_mismatch;
pub mod ethnicity_restriction;
pub mod fee_charged;
pub mod field_too_long;
pub mod field_too_long_to_check;
pub mod field_too_short;
pub mod gambling;
pub mod gender_restriction;
pub mod health_discrimination;
pub mod hype;
pub mod invalid_date;
pub mod invalid_headcount;
pub mod marital_status_requirement;
pub mod messenger_contact;
pub mod missing_required_element;
pub mod missing_validity;
pub mod phone_number;
pub mod posting_expired;
pub mod pyramid_scheme;
pub mod qq_contact;
pub mod qr_code;
pub mod recruit_then_train;
pub mod region_restriction;
pub mod religion_restriction;
pub mod salary_below_minimum_wage;
pub mod salary_negotiable;
pub mod salary_range_inverted;
pub mod salary_range_too_wide;
pub mod salary_unparseable;
pub mod telegram_contact;
pub mod title_extra_content;
pub mod training_loan;
pub mod url_link;
pub mod vague_headcount;
pub mod wechat_contact;

/// Every rule, in the order the documentation lists them.
pub static RULES: [&RuleMeta; 40] = [
    &missing_required_element::RULE,
    &invalid_headcount::RULE,
    &vague_headcount::RULE,
    &missing_validity::RULE,
    &posting_expired::RULE,
    &invalid_date::RULE,
    &title_extra_content::RULE,
    &field_too_long::RULE,
    &field_too_long_to_check::RULE,
    &field_too_short::RULE,
    &salary_unparseable::RULE,
    &salary_negotiable::RULE,
    &salary_range_inverted::RULE,
    &salary_range_too_wide::RULE,
    &salary_below_minimum_wage::RULE,
    &gender_restriction::RULE,
    &age_restriction::RULE,
    &ethnicity_restriction::RULE,
    &religion_restriction::RULE,
    &region_restriction::RULE,
    &marital_status_requirement::RULE,
    &health_discrimination::RULE,
    &disability_discrimination::RULE,
    &fee_charged::RULE,
    &document_withholding::RULE,
    &training_loan::RULE,
    &wechat_contact::RULE,
    &qq_contact::RULE,
    &telegram_contact::RULE,
    &messenger_contact::RULE,
    &phone_number::RULE,
    &url_link::RULE,
    &email_address::RULE,
    &qr_code::RULE,
    &click_farming::RULE,
    &pyramid_scheme::RULE,
    &gambling::RULE,
    &recruit_then_train::RULE,
    &hype::RULE,
    &employer_mismatch::RULE,
];

/// The registry index of a rule id.
pub fn index_of(id: &str) -> Option<usize> {
    RULES.iter().position(|r| r.id == id)
}

/// The rule at a registry index.
pub fn meta(i: usize) -> &'static RuleMeta {
    RULES[i]
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the unit tests beside each rule.
    use crate::engine::{Checker, Date, Field, Finding, Posting};

    pub fn today() -> Option<Date> {
        Date::parse("2026-11-28")
    }

    pub fn findings(field: Field, text: &str) -> Vec<Finding> {
        Checker::default_ref().check_field(field, text, today())
    }

    /// The original texts of the rule's findings in `text`.
    #[track_caller]
    pub fn span_texts(rule: &str, field: Field, text: &str) -> Vec<String> {
        findings(field, text)
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    #[track_caller]
    pub fn fires_in(rule: &str, field: Field, text: &str) {
        let all = findings(field, text);
        assert!(
            all.iter().any(|f| f.rule == rule),
            "{rule} should fire on {text:?}; found {:?}",
            all.iter().map(|f| f.rule).collect::<Vec<_>>()
        );
    }

    #[track_caller]
    pub fn clean_in(rule: &str, field: Field, text: &str) {
        let hits = span_texts(rule, field, text);
        assert!(
            hits.is_empty(),
            "{rule} should not fire on {text:?}; it flagged {hits:?}"
        );
    }

    #[track_caller]
    pub fn fires(rule: &str, text: &str) {
        fires_in(rule, Field::Description, text)
    }

    #[track_caller]
    pub fn clean(rule: &str, text: &str) {
        clean_in(rule, Field::Description, text)
    }

    /// Applies the first finding's fix and checks that the rule no longer fires there.
    #[track_caller]
    pub fn fix_clears_in(rule: &str, field: Field, text: &str) {
        let all = findings(field, text);
        let f = all
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{rule} should fire on {text:?}"));
        let fix = f
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{rule} offers no fix on {text:?}"));
        let fixed = fix.apply(text, f.span.clone());
        let after = span_texts(rule, field, &fixed);
        assert!(
            after.is_empty(),
            "after the fix {text:?} → {fixed:?}, {rule} still flags {after:?}"
        );
    }

    #[track_caller]
    pub fn fix_clears(rule: &str, text: &str) {
        fix_clears_in(rule, Field::Description, text)
    }

    /// A complete, clean posting.
    pub fn clean_posting() -> Posting {
        Posting::from_json(include_str!("../../../tests/data/clean-posting.json"))
            .expect("clean posting parses")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate id {}", r.id);
            assert!(
                r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                r.id
            );
            assert!(
                r.terms.is_some() || r.check.is_some(),
                "{} has neither a word list nor a check",
                r.id
            );
        }
    }

    #[test]
    fn every_category_has_a_rule() {
        for c in crate::engine::Category::ALL {
            assert!(RULES.iter().any(|r| r.category == c), "{c:?}");
        }
    }
}
