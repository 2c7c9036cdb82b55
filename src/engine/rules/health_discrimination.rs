//! # `health-discrimination`
//!
//! ## What it does
//! Flags refusals of hepatitis B and other pathogen carriers and hepatitis B testing: 乙肝勿扰, 携带者勿扰, 乙肝五项, 大三阳.
//!
//! ## Why is this bad
//! 就业促进法 第三十条 forbids refusing to hire carriers of infectious pathogens; 人社部发〔2010〕12号 bans HBV testing in hiring.
//!
//! ## Example
//! ```text
//! 乙肝携带者勿扰，入职查乙肝五项。
//! ```
//!
//! ## Use instead
//! ```text
//! （删除乙肝相关要求）
//! ```
//!
//! The word list is `src/engine/data/terms/health-discrimination.txt`.

use crate::engine::rule::{basis, Negation, RuleMeta};
use crate::engine::{Category, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "health-discrimination",
    category: Category::Health,
    severity: Severity::Error,
    message: (
        "拒绝病原携带者或进行乙肝检测属于就业歧视，请删除。",
        "Refusing carriers of infectious pathogens or testing for hepatitis B is unlawful; remove it.",
    ),
    basis: basis::HEALTH,
    terms: Some(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/terms/health-discrimination.txt"
    ))),
    negation: Negation::Adjacent(2),
    check: None,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;

    const ID: &str = "health-discrimination";

    #[test]
    fn fires_on_examples() {
        fires(ID, "乙肝携带者勿扰");
        fires(ID, "入职查乙肝五项");
        fires(ID, "大三阳免谈");
        fires(ID, "乙肝病毒携带者不予录用");
        fires(ID, "要求乙肝阴性");
        fires(ID, "病原携带者勿扰");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean(ID, "身体健康");
        clean(ID, "能适应倒班");
        clean(ID, "公司承担体检费用");
        clean(ID, "负责乙肝疫苗研发");
        clean(ID, "入职体检不查乙肝");
        clean(ID, "传染病医院护士");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears(ID, "乙肝携带者勿扰");
    }
}
