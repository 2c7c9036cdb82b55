//! # `region-restriction`
//!
//! ## What it does
//! Flags restrictions by hukou (户籍), region or rural status: 需本地户口, 河南人勿扰, 外地人免谈, 限北京生源.
//!
//! ## Why is this bad
//! 人力资源市场暂行条例 第十一条 forbids restricting the mobility of workers by 户籍、地域、身份; 就业促进法 第三十一条 gives rural workers equal rights.
//!
//! ## Example
//! ```text
//! 需本地户口，河南人勿扰。
//! ```
//!
//! ## Use instead
//! ```text
//! 户籍不限。
//! ```
//!
//! The word list is `src/engine/data/terms/region-restriction.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "region-restriction",
    category: Category::Region,
    severity: Severity::Error,
    message: (
        "以户籍、地域或身份设限违反人力资源流动规定，请删除。",
        "Restrictions by hukou, region or rural status are unlawful; remove them.",
    ),
    basis: basis::HR_MARKET_11,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/region-restriction.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "region-restriction";

    #[test]
    fn fires_on_examples() {
        fires(ID, "需本地户口");
        fires(ID, "河南人勿扰");
        fires(ID, "外地人免谈");
        fires(ID, "限北京生源");
        fires(ID, "本地人优先");
        fires(ID, "不招东北人");
        fires(ID, "农村人勿扰");
        fires(ID, "须上海户籍");
        fires(ID, "新疆人勿扰");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "不限户籍");
        clean(ID, "户籍不限");
        clean(ID, "可协助办理北京户口");
        clean(ID, "工作地点：河南省郑州市");
        clean(ID, "负责东北地区市场开拓");
        clean(ID, "公司有北京户口指标");
        clean(ID, "本地生活服务运营");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "需本地户口");
    }
}
