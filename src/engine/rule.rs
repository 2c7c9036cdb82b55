//! What a rule is: its stable metadata, and either a word list or a check function (or both).

use std::ops::Range;

use super::date::Date;
use super::finding::{Category, Field, Fix, Severity};
use super::normalize::Views;
use super::posting::Posting;
use super::Config;

/// Provisions cited as the `basis` of findings: (zh, en).
pub mod basis {
    pub const CIRCULAR: (&str, &str) = (
        "《关于规范网络平台招聘类信息发布的通知》(人社厅发〔2025〕60号)",
        "MOHRSS et al. circular on online recruitment information (人社厅发〔2025〕60号)",
    );
    pub const HR_MARKET_24: (&str, &str) = (
        "人力资源市场暂行条例 第二十四条",
        "Interim Regulations on the Human Resources Market, Art. 24",
    );
    pub const HR_MARKET_11: (&str, &str) = (
        "人力资源市场暂行条例 第十一条；就业促进法 第三十一条",
        "Interim Regulations on the Human Resources Market, Art. 11; Employment Promotion Law, Art. 31",
    );
    pub const HR_MARKET_27: (&str, &str) = (
        "人力资源市场暂行条例 第二十七条；《关于规范网络平台招聘类信息发布的通知》",
        "Interim Regulations on the Human Resources Market, Art. 27; MOHRSS circular on online recruitment information",
    );
    pub const GENDER: (&str, &str) = (
        "就业促进法 第二十七条；妇女权益保障法 第四十三条",
        "Employment Promotion Law, Art. 27; Law on the Protection of Women's Rights and Interests, Art. 43",
    );
    pub const MARITAL: (&str, &str) = (
        "妇女权益保障法 第四十三条",
        "Law on the Protection of Women's Rights and Interests, Art. 43",
    );
    pub const ETHNICITY: (&str, &str) = (
        "就业促进法 第三条、第二十八条；人力资源市场暂行条例 第二十四条",
        "Employment Promotion Law, Arts. 3 and 28; Interim Regulations on the Human Resources Market, Art. 24",
    );
    pub const RELIGION: (&str, &str) = (
        "就业促进法 第三条、第二十六条；人力资源市场暂行条例 第二十四条",
        "Employment Promotion Law, Arts. 3 and 26; Interim Regulations on the Human Resources Market, Art. 24",
    );
    pub const HEALTH: (&str, &str) = (
        "就业促进法 第三十条；人社部发〔2010〕12号",
        "Employment Promotion Law, Art. 30; MOHRSS notice 人社部发〔2010〕12号",
    );
    pub const DISABILITY: (&str, &str) = ("就业促进法 第二十九条", "Employment Promotion Law, Art. 29");
    pub const AGE: (&str, &str) = (
        "平台治理要求：不宜设置年龄限制（国家法律未明文禁止，作提示）",
        "Platform policy: age limits are discouraged (no national statute bans them; a warning only)",
    );
    pub const FEE: (&str, &str) = (
        "劳动合同法 第九条；就业促进法 第四十一条",
        "Labour Contract Law, Art. 9; Employment Promotion Law, Art. 41",
    );
    pub const MIN_WAGE: (&str, &str) = (
        "《劳动法》《最低工资规定》",
        "Labour Law and the Minimum Wage Provisions",
    );
}

/// How a negation before a match (不收取押金, 请勿添加微信) is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Negation {
    /// Never negated (the term carries its own polarity, like 孕妇勿扰).
    None,
    /// A negation cue that ends at most this many characters before the match.
    Adjacent(usize),
    /// A negation cue anywhere earlier in the same clause (at most 12 characters back).
    Clause,
    /// The same, 16 characters back: an earlier item of a 、 list, read whole (terms::negated).
    Clause16,
}

/// Stable facts about a rule. Ids are kebab-case, never reused or renamed; they read well as
/// "allow ${id}".
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// Default message: (zh, en).
    pub message: (&'static str, &'static str),
    pub basis: (&'static str, &'static str),
    /// The rule's word list (CONVENTIONS habit 13), if it has one.
    pub terms: Option<&'static str>,
    pub negation: Negation,
    /// A check that needs more than a word list.
    pub check: Option<CheckFn>,
    /// Fields the rule looks at; empty means every text field.
    pub fields: &'static [Field],
}

/// A rule's own check: reads the context, pushes hits.
pub type CheckFn = fn(&Ctx<'_>, &mut Vec<Hit>);

/// A hit, before the checker applies the configured severity.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: &'static RuleMeta,
    pub field: Field,
    pub span: Range<usize>,
    pub fix: Option<Fix>,
    /// A more specific message than the rule's default (e.g. which element is missing).
    pub message: Option<(&'static str, &'static str)>,
}

impl Hit {
    pub fn new(rule: &'static RuleMeta, field: Field, span: Range<usize>, fix: Option<Fix>) -> Hit {
        Hit {
            rule,
            field,
            span,
            fix,
            message: None,
        }
    }
}

/// One field's text and its normalised views.
#[derive(Debug)]
pub struct FieldText<'a> {
    pub field: Field,
    pub text: &'a str,
    pub views: Views,
}

/// What a rule's check sees.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub posting: &'a Posting,
    /// The text fields that are present, in report order.
    pub fields: Vec<FieldText<'a>>,
    pub today: Option<Date>,
    pub config: &'a Config,
    /// Whether this is a whole posting (required elements are checked) or one field as it is typed.
    pub whole: bool,
    /// The salary field's parse, made by the first salary rule that asks (see `salary::of`).
    pub(crate) salary: std::cell::OnceCell<super::salary::Salary>,
}

impl Ctx<'_> {
    pub fn field(&self, field: Field) -> Option<&FieldText<'_>> {
        self.fields.iter().find(|f| f.field == field)
    }
}
