//! # `missing-required-element`
//!
//! ## What it does
//! Checks that every element the circular requires is present and not blank: the job title, the
//! employer's name and basic information (用人单位基本情况), headcount (招聘人数), requirements (招聘条件),
//! duties (工作内容), work location (工作地点) and basic pay (基本劳动报酬).
//!
//! ## Why is this bad
//! 人力资源市场暂行条例 第二十四条 requires postings to state these elements, and the circular asks
//! platforms to standardise the format of recruitment information. A posting without them cannot be
//! checked for honesty and is often the first sign of a fake.
//!
//! ## Example
//! ```text
//! {"title": "普工", "description": "工作轻松"}
//! ```
//!
//! ## Use instead
//! ```text
//! {"title": "普工", "employer": "某某电子有限公司", "employer_intro": "…", "headcount": 5, …}
//! ```
//!
//! Runs only on whole postings, not on one field as it is typed.

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Field, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "missing-required-element",
    category: Category::Required,
    severity: Severity::Error,
    message: (
        "缺少招聘信息必备要素。",
        "A required element of the posting is missing.",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

/// The required fields and the message for each.
const REQUIRED: &[(Field, (&str, &str))] = &[
    (Field::Title, ("缺少职位名称。", "The job title is missing.")),
    (
        Field::Employer,
        ("缺少用人单位名称。", "The employer's name is missing."),
    ),
    (
        Field::EmployerIntro,
        (
            "缺少用人单位基本情况。",
            "The employer's basic information is missing.",
        ),
    ),
    (Field::Headcount, ("缺少招聘人数。", "The headcount is missing.")),
    (
        Field::Requirements,
        ("缺少招聘条件。", "The requirements are missing."),
    ),
    (
        Field::Description,
        ("缺少工作内容。", "The job duties are missing."),
    ),
    (
        Field::Location,
        ("缺少工作地点。", "The work location is missing."),
    ),
    (Field::Salary, ("缺少基本劳动报酬。", "The basic pay is missing.")),
];

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if !cx.whole {
        return;
    }
    for &(field, message) in REQUIRED {
        let text = cx.posting.get(field).unwrap_or("");
        if text.trim().is_empty() {
            let mut hit = Hit::new(&RULE, field, 0..text.len(), None);
            hit.message = Some(message);
            out.push(hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::{Checker, Posting};

    #[test]
    fn each_missing_element_is_named() {
        let p = Posting::from_json(r#"{"title":"普工","description":"  "}"#).unwrap();
        let f = Checker::default_ref().check(&p, today());
        let missing: Vec<_> = f
            .iter()
            .filter(|f| f.rule == "missing-required-element")
            .map(|f| f.field.as_str())
            .collect();
        assert_eq!(
            missing,
            [
                "employer",
                "employer_intro",
                "headcount",
                "requirements",
                "description",
                "location",
                "salary"
            ]
        );
    }

    #[test]
    fn a_complete_posting_has_none() {
        let f = Checker::default_ref().check(&clean_posting(), today());
        assert!(f.iter().all(|f| f.rule != "missing-required-element"), "{f:?}");
    }

    #[test]
    fn field_checks_do_not_ask_for_other_fields() {
        clean_in("missing-required-element", crate::engine::Field::Title, "普工");
    }
}
