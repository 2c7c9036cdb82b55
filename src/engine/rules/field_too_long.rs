//! # `field-too-long`
//!
//! ## What it does
//! Flags a field longer than the pack's bound for it (`lengths.FIELD.max`, in characters; the default
//! pack bounds the title at 30 and the description at 5,000). The span covers the characters past the
//! bound.
//!
//! ## Why is this bad
//! The circular asks platforms to standardise the format of postings. Overlong titles are keyword
//! stuffing; overlong descriptions bury the terms a job seeker needs.
//!
//! ## Example
//! ```text
//! 诚聘普工操作工包装工质检员仓管员叉车司机搬运工保安保洁厨师服务员收银员
//! ```
//!
//! ## Use instead
//! ```text
//! 包装工
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "field-too-long",
    category: Category::Format,
    severity: Severity::Warning,
    message: (
        "内容超过该栏目的长度上限，请精简。",
        "The field is longer than its limit; shorten it.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let Some(max) = cx.config.length(ft.field).and_then(|b| b.max) else {
            continue;
        };
        // Counting chars is fast (std counts UTF-8 lead bytes); find the cut only when it is needed.
        if ft.text.len() <= max || ft.text.chars().count() <= max {
            continue;
        }
        if let Some((i, _)) = ft.text.char_indices().nth(max) {
            out.push(Hit::new(&RULE, ft.field, i..ft.text.len(), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::{Checker, Field};

    #[test]
    fn fires_past_the_bound_and_not_at_it() {
        let at = "岗".repeat(30);
        clean_in("field-too-long", Field::Title, &at);
        let over = "岗".repeat(31);
        assert_eq!(span_texts("field-too-long", Field::Title, &over), ["岗"]);
    }

    #[test]
    fn bounds_come_from_the_pack() {
        let c = Checker::from_pack_json(r#"{"lengths":{"title":{"max":3}}}"#).unwrap();
        let f = c.check_field(Field::Title, "前端工程师", None);
        assert!(f.iter().any(|f| f.rule == "field-too-long"));
    }
}
