//! # `gender-restriction`
//!
//! ## What it does
//! Flags requirements that restrict a job to one sex or prefer one: 限男性, 只招女生, 男性优先, 女士勿扰, and gendered job titles such as 女导购.
//!
//! ## Why is this bad
//! 就业促进法 第二十七条 and 妇女权益保障法 第四十三条 forbid refusing to hire, or raising the bar for, people of one sex unless the job is one the state lists as unsuitable for women.
//!
//! ## Example
//! ```text
//! 招聘仓管员2名，限男性，女士勿扰。
//! ```
//!
//! ## Use instead
//! ```text
//! 招聘仓管员2名，男女不限。
//! ```
//!
//! The word list is `src/engine/data/terms/gender-restriction.txt`.

use crate::engine::normalize::is_clause_end;
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "gender-restriction",
    category: Category::Gender,
    severity: Severity::Error,
    message: (
        "限定或优先某一性别属于就业性别歧视，请删除性别要求。",
        "Restricting or preferring one sex is sex discrimination in hiring; remove the requirement.",
    ),
    basis: basis::GENDER,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/gender-restriction.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: Some(bare_sex_clause),
    fields: &[],
};

/// A clause that is nothing but a sex (`男，25-35岁，高中以上`): the word list cannot see it, since
/// 男 alone is everywhere (男装, 男女不限). A list item (`男、女各2名`) is not such a clause.
fn bare_sex_clause(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    const SEXES: [&str; 8] = ["男性", "女性", "男士", "女士", "男生", "女生", "男", "女"];
    let boundary = |c: char| is_clause_end(c) && c != '、';
    for ft in &cx.fields {
        let light = &ft.views.light;
        let t = light.text.as_str();
        // Only where 男 or 女 stands (found with a fast substring search), look at its clause.
        for sex in ['男', '女'] {
            for (i, _) in t.match_indices(sex) {
                let Some(word) = SEXES.iter().find(|w| t[i..].starts_with(**w)) else {
                    continue;
                };
                let before = t[..i].trim_end_matches([' ', '\t']);
                let after = t[i + word.len()..].trim_start_matches([' ', '\t']);
                // A list after 要求：/条件：/性别： starts with the sex too (要求：男，已婚).
                let list_start = before.strip_suffix(':').is_some_and(|b| {
                    ["要求", "条件", "性别", "限"]
                        .iter()
                        .any(|w| b.trim_end().ends_with(w))
                });
                let starts = before.is_empty() || before.ends_with(boundary) || list_start;
                let ends = after.is_empty() || after.starts_with(boundary);
                if starts && ends && !before.ends_with('、') && !after.starts_with('、') {
                    out.push(Hit::new(
                        &RULE,
                        ft.field,
                        light.orig(i..i + word.len()),
                        Some(Fix::Replace("男女不限".into())),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "gender-restriction";

    #[test]
    fn fires_on_examples() {
        fires(ID, "限男性");
        fires(ID, "仅限男性");
        fires(ID, "只招女生");
        fires(ID, "男性优先");
        fires(ID, "女士勿扰");
        fires(ID, "招聘女导购3名");
        fires(ID, "要求：性别：男");
        fires(ID, "僅限男性");
        fires(ID, "限 男 性");
        fires(ID, "男\u{200B}性优先");
        fires(ID, "男，25岁至35岁，高中以上");
        fires(ID, "限25-35岁男性");
        fires(ID, "只要男的，女的不要");
        fires(ID, "要求：男，已婚");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "男女不限");
        clean(ID, "服务对象：女性，年龄不限");
        clean(ID, "性别不限");
        clean(ID, "女装店导购");
        clean(ID, "男装设计师");
        clean(ID, "女职工享受产假");
        clean(ID, "招聘男女导购");
        clean(ID, "母婴用品销售");
        clean(ID, "不限男性女性");
        clean(ID, "负责女性护肤品线上运营");
        clean(ID, "男、女各2名");
        clean(ID, "服务对象：女性，年龄不限");
    }

    // Regression: overlapping findings of one rule merged only when adjacent in the sorted list, so
    // another rule's finding sorted between them left two overlapping findings of the first rule.
    #[test]
    fn overlapping_findings_of_one_rule_merge_across_other_rules() {
        let pack = r#"{"rules":{"gender-restriction":{"add_terms":["甲乙丙","乙丙丁"]},"hype":{"add_terms":["甲乙丙丁戊"]}}}"#;
        let checker = crate::engine::Checker::from_pack_json(pack).unwrap();
        let text = "甲乙丙丁戊";
        let found = checker.check_field(crate::engine::Field::Requirements, text, None);
        let gender: Vec<_> = found
            .iter()
            .filter(|f| f.rule == ID)
            .map(|f| &text[f.span.clone()])
            .collect();
        assert_eq!(gender, ["甲乙丙丁"]);
        assert!(found.iter().any(|f| f.rule == "hype"));
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "限男性");
    }
}
