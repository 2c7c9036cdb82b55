//! # `field-too-short`
//!
//! ## What it does
//! Flags a field shorter than the pack's bound for it (`lengths.FIELD.min`; the default pack asks for
//! at least 2 characters of title and 10 of description). Empty fields are `missing-required-element`.
//!
//! ## Why is this bad
//! A description of "面谈" says nothing about the work: 人力资源市场暂行条例 第二十四条 asks for the job's
//! content.
//!
//! ## Example
//! ```text
//! 详谈
//! ```
//!
//! ## Use instead
//! ```text
//! 负责生产线电子元件的组装与检验，按工艺要求完成日常产量。
//! ```

use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "field-too-short",
    category: Category::Format,
    severity: Severity::Warning,
    message: (
        "内容过于简短，请补充具体信息。",
        "The field is too short to be informative; add detail.",
    ),
    basis: basis::HR_MARKET_24,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        let Some(min) = cx.config.length(ft.field).and_then(|b| b.min) else {
            continue;
        };
        let n = ft.text.trim().chars().count();
        // Three or more duties listed with 、 say what the work is, however few the characters (拉面、
        // 煮面、备料。, 分割、修整、装箱。: blind batch 102).
        let duties = ft.text.split('、').filter(|d| !d.trim().is_empty()).count();
        if n > 0 && n < min && duties < 3 {
            out.push(Hit::new(&RULE, ft.field, 0..ft.text.len(), None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    #[test]
    fn fires_and_stays_clean() {
        fires_in("field-too-short", Field::Description, "详谈");
        clean_in(
            "field-too-short",
            Field::Description,
            "负责生产线电子元件的组装与检验。",
        );
        clean_in("field-too-short", Field::Description, "");
        clean_in("field-too-short", Field::Description, "拉面、煮面、备料。");
        fires_in("field-too-short", Field::Description, "面议、详谈");
    }
}
