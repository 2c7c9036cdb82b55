//! # `field-too-long`
//!
//! ## What it does
//! Flags a field longer than the pack's bound for it (`lengths.FIELD.max`, in characters, an ASCII
//! character counting half and a space nothing; the default
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
        // Fast path: no character counts more halves than it has bytes (ASCII 1 for 1, CJK 2 for 3), so
        // a field of at most `2 * max` bytes is within the bound.
        if ft.text.len() <= 2 * max {
            continue;
        }
        if let Some(cut) = cut(ft.text, max) {
            out.push(Hit::new(&RULE, ft.field, cut..ft.text.len(), None));
        }
    }
}

/// Where a text passes `max`, counting an ASCII character (Latin letters, digits, spaces) as half a
/// character: an English title of 60 letters says what a Chinese title of 30 characters says (a
/// bound counted in characters alone flagged ordinary English titles; blind batch 4).
fn cut(text: &str, max: usize) -> Option<usize> {
    let mut halves = 0;
    for (i, c) in text.char_indices() {
        // Spaces separate words; they are not content (blind batches 43 and 48: English titles with a
        // bracketed detail, 62 characters of which 8 spaces).
        halves += if c.is_whitespace() {
            0
        } else if c.is_ascii() {
            1
        } else {
            2
        };
        if halves > 2 * max {
            return Some(i);
        }
    }
    None
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

    // Blind batch 48: an English title with a bracketed detail, 54 letters and 8 spaces.
    #[test]
    fn spaces_do_not_count() {
        clean_in(
            "field-too-long",
            Field::Title,
            "Hotel Housekeeping Attendant (Japan, Specified Skilled Worker)",
        );
        assert_eq!(
            span_texts("field-too-long", Field::Title, &"ab ".repeat(31)),
            ["ab "]
        );
    }

    // Regression (blind batch 4): English titles of 40 letters were flagged against a bound of 30.
    #[test]
    fn latin_letters_count_half() {
        clean_in("field-too-long", Field::Title, &"a".repeat(60));
        assert_eq!(span_texts("field-too-long", Field::Title, &"a".repeat(61)), ["a"]);
        clean_in(
            "field-too-long",
            Field::Title,
            "Senior Trust & Safety Analyst (Marketplace)",
        );
    }

    #[test]
    fn bounds_come_from_the_pack() {
        let c = Checker::from_pack_json(r#"{"lengths":{"title":{"max":3}}}"#).unwrap();
        let f = c.check_field(Field::Title, "前端工程师", None);
        assert!(f.iter().any(|f| f.rule == "field-too-long"));
    }
}
