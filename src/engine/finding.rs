//! Findings are data, not errors: a check returns them; `Result` is for loading a pack or parsing input.
//!
//! Inside Rust a finding's span is a byte range into the field's original text, with the invariant
//! (asserted in [`Finding::new`]) that it lies on char boundaries. It is converted to UTF-16 code units
//! exactly once, in [`Finding::to_report`], because a browser `<textarea>` counts in UTF-16.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks publishing.
    Error,
    /// Asks a human to look.
    Warning,
    /// For information only.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The categories a finding belongs to, exactly these names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "format")]
    Format,
    #[serde(rename = "salary")]
    Salary,
    #[serde(rename = "discrimination.gender")]
    Gender,
    #[serde(rename = "discrimination.age")]
    Age,
    #[serde(rename = "discrimination.ethnicity")]
    Ethnicity,
    #[serde(rename = "discrimination.religion")]
    Religion,
    #[serde(rename = "discrimination.region")]
    Region,
    #[serde(rename = "discrimination.marital")]
    Marital,
    #[serde(rename = "discrimination.health")]
    Health,
    #[serde(rename = "discrimination.disability")]
    Disability,
    #[serde(rename = "fee")]
    Fee,
    #[serde(rename = "diversion")]
    Diversion,
    #[serde(rename = "fraud")]
    Fraud,
    /// The posting against the certified account it is published from.
    #[serde(rename = "account")]
    Account,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::Required,
        Category::Format,
        Category::Salary,
        Category::Gender,
        Category::Age,
        Category::Ethnicity,
        Category::Religion,
        Category::Region,
        Category::Marital,
        Category::Health,
        Category::Disability,
        Category::Fee,
        Category::Diversion,
        Category::Fraud,
        Category::Account,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Required => "required",
            Category::Format => "format",
            Category::Salary => "salary",
            Category::Gender => "discrimination.gender",
            Category::Age => "discrimination.age",
            Category::Ethnicity => "discrimination.ethnicity",
            Category::Religion => "discrimination.religion",
            Category::Region => "discrimination.region",
            Category::Marital => "discrimination.marital",
            Category::Health => "discrimination.health",
            Category::Disability => "discrimination.disability",
            Category::Fee => "fee",
            Category::Diversion => "diversion",
            Category::Fraud => "fraud",
            Category::Account => "account",
        }
    }
}

/// The fields of a posting that hold text, in the order findings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Employer,
    EmployerIntro,
    Headcount,
    Requirements,
    Description,
    Location,
    Salary,
    EmploymentType,
    ValidUntil,
    Contact,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Title,
        Field::Employer,
        Field::EmployerIntro,
        Field::Headcount,
        Field::Requirements,
        Field::Description,
        Field::Location,
        Field::Salary,
        Field::EmploymentType,
        Field::ValidUntil,
        Field::Contact,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Employer => "employer",
            Field::EmployerIntro => "employer_intro",
            Field::Headcount => "headcount",
            Field::Requirements => "requirements",
            Field::Description => "description",
            Field::Location => "location",
            Field::Salary => "salary",
            Field::EmploymentType => "employment_type",
            Field::ValidUntil => "valid_until",
            Field::Contact => "contact",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// Chinese label of the field, used in messages about missing elements.
    pub fn label_zh(self) -> &'static str {
        match self {
            Field::Title => "职位名称",
            Field::Employer => "用人单位名称",
            Field::EmployerIntro => "用人单位基本情况",
            Field::Headcount => "招聘人数",
            Field::Requirements => "招聘条件",
            Field::Description => "工作内容",
            Field::Location => "工作地点",
            Field::Salary => "基本劳动报酬",
            Field::EmploymentType => "用工类型",
            Field::ValidUntil => "有效期限",
            Field::Contact => "联系方式",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Field::Title => "job title",
            Field::Employer => "employer name",
            Field::EmployerIntro => "employer information",
            Field::Headcount => "headcount",
            Field::Requirements => "requirements",
            Field::Description => "job duties",
            Field::Location => "work location",
            Field::Salary => "basic pay",
            Field::EmploymentType => "employment type",
            Field::ValidUntil => "validity date",
            Field::Contact => "contact",
        }
    }
}

/// A suggested edit of the finding's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Replace the span with this text.
    Replace(String),
    /// Remove the span.
    Remove,
    /// Insert this text at the span's start (used for missing elements, where the span is empty).
    Insert(String),
}

impl Fix {
    /// Applies the fix for `span` to `text` and returns the edited text.
    pub fn apply(&self, text: &str, span: Range<usize>) -> String {
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..span.start]);
        match self {
            Fix::Replace(r) => out.push_str(r),
            Fix::Remove => {}
            Fix::Insert(r) => {
                out.push_str(r);
                out.push_str(&text[span.start..span.end]);
            }
        }
        out.push_str(&text[span.end..]);
        out
    }
}

/// Message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "zh-cn" | "zh-Hans" => Some(Lang::Zh),
            "en" | "en-US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A problem found in a posting.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub field: Field,
    /// Byte range into the field's original text, on char boundaries.
    pub span: Range<usize>,
    pub message: (&'static str, &'static str),
    pub basis: (&'static str, &'static str),
    pub fix: Option<Fix>,
}

impl Finding {
    /// Creates a finding, asserting the span invariant against the field's text.
    #[track_caller]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        rule: &'static str,
        category: Category,
        severity: Severity,
        field: Field,
        text: &str,
        span: Range<usize>,
        message: (&'static str, &'static str),
        basis: (&'static str, &'static str),
        fix: Option<Fix>,
    ) -> Finding {
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "span {span:?} is not a char range of a {}-byte field",
            text.len()
        );
        Finding {
            rule,
            category,
            severity,
            field,
            span,
            message,
            basis,
            fix,
        }
    }

    /// The JSON-facing report of this finding, with the span in UTF-16 code units of `text`. For
    /// many findings of one text use [`reports`], which counts the units in one pass.
    pub fn to_report(&self, text: &str, lang: Lang) -> FindingReport {
        self.to_report_from(text, lang, &mut Utf16Cursor::default())
    }

    fn to_report_from(&self, text: &str, lang: Lang, cursor: &mut Utf16Cursor) -> FindingReport {
        let start = cursor.units_at(text, self.span.start);
        let end = start + utf16_len(&text[self.span.clone()]);
        let pick = |p: (&'static str, &'static str)| match lang {
            Lang::Zh => p.0,
            Lang::En => p.1,
        };
        FindingReport {
            rule: self.rule,
            category: self.category.as_str(),
            severity: self.severity.as_str(),
            field: self.field.as_str(),
            start,
            end,
            text: text[self.span.clone()].to_string(),
            message: pick(self.message),
            basis: pick(self.basis),
            fix: self.fix.as_ref().map(|f| match f {
                Fix::Replace(r) => FixReport {
                    kind: "replace",
                    replacement: r.clone(),
                },
                Fix::Remove => FixReport {
                    kind: "remove",
                    replacement: String::new(),
                },
                Fix::Insert(r) => FixReport {
                    kind: "insert",
                    replacement: r.clone(),
                },
            }),
        }
    }
}

/// The reports of `findings` (in checker order: by field, then by start), each field's UTF-16 offsets
/// counted in one forward pass over its text instead of once from the start per finding.
pub fn reports<'t>(
    findings: &[Finding],
    text_of: impl Fn(Field) -> &'t str,
    lang: Lang,
) -> Vec<FindingReport> {
    let mut cursor = Utf16Cursor::default();
    let mut field = None;
    findings
        .iter()
        .map(|f| {
            if field != Some(f.field) {
                field = Some(f.field);
                cursor = Utf16Cursor::default();
            }
            f.to_report_from(text_of(f.field), lang, &mut cursor)
        })
        .collect()
}

/// Byte offset → UTF-16 offset, remembering the last answer so that increasing offsets cost one
/// pass in total (a smaller offset starts over from the beginning).
#[derive(Debug, Default, Clone, Copy)]
struct Utf16Cursor {
    byte: usize,
    units: usize,
}

impl Utf16Cursor {
    fn units_at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = Utf16Cursor::default();
        }
        self.units += utf16_len(&text[self.byte..byte]);
        self.byte = byte;
        self.units
    }
}

/// Number of UTF-16 code units in `s`.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The byte offset in `s` of a UTF-16 offset (as reports give them), clamped to the end; an offset
/// inside a surrogate pair rounds up to the next character.
pub fn byte_of_utf16(s: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// A finding as the JS API, the CLI and the JSON report show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingReport {
    pub rule: &'static str,
    pub category: &'static str,
    pub severity: &'static str,
    pub field: &'static str,
    /// UTF-16 code units into the field's original text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub message: &'static str,
    pub basis: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixReport>,
}

/// A fix as JSON: `{"kind": "replace"|"remove"|"insert", "replacement": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixReport {
    pub kind: &'static str,
    pub replacement: String,
}

/// The report for one posting: `{"id": ..., "ok": bool, "findings": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub id: Option<String>,
    pub ok: bool,
    pub findings: Vec<FindingReport>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_spans_for_cjk_emoji_and_extension_b() {
        // 𠀀 (U+20000) and 😀 are two UTF-16 units each; 男 is one.
        let text = "𠀀😀限男性";
        let start = text.find("限男性").unwrap();
        let f = Finding::new(
            "gender-restriction",
            Category::Gender,
            Severity::Error,
            Field::Description,
            text,
            start..text.len(),
            ("", ""),
            ("", ""),
            None,
        );
        let r = f.to_report(text, Lang::Zh);
        assert_eq!((r.start, r.end), (4, 7));
        assert_eq!(r.text, "限男性");
    }

    #[test]
    #[should_panic(expected = "not a char range")]
    fn span_inside_a_character_is_refused() {
        let text = "限男性";
        Finding::new(
            "x",
            Category::Gender,
            Severity::Error,
            Field::Title,
            text,
            1..3,
            ("", ""),
            ("", ""),
            None,
        );
    }

    #[test]
    fn utf16_offsets_back_to_bytes() {
        let s = "a𠀀限";
        assert_eq!(byte_of_utf16(s, 0), 0);
        assert_eq!(byte_of_utf16(s, 1), 1);
        assert_eq!(byte_of_utf16(s, 3), 5);
        assert_eq!(byte_of_utf16(s, 4), 8);
        assert_eq!(byte_of_utf16(s, 99), 8);
    }

    #[test]
    fn fixes_apply() {
        assert_eq!(Fix::Remove.apply("限男性优先", 0..9), "优先");
        assert_eq!(
            Fix::Replace("男女不限".into()).apply("要求:限男性", 7..16),
            "要求:男女不限"
        );
        assert_eq!(Fix::Insert("x".into()).apply("ab", 1..1), "axb");
    }
}
