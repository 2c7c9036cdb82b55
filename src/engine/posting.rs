//! The posting: a JSON object whose fields are all optional for parsing; the rules decide what is missing.

use std::fmt;

use serde_json::{Map, Value};

use super::finding::Field;

/// A job posting. Text fields hold the original characters exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Posting {
    pub id: Option<String>,
    pub title: Option<String>,
    pub employer: Option<String>,
    pub employer_intro: Option<String>,
    /// 招聘人数: a JSON number or a string ("5", "5人", "若干"); kept as text, the rule reads it.
    pub headcount: Option<String>,
    pub requirements: Option<String>,
    pub description: Option<String>,
    pub location: Option<String>,
    pub salary: Option<String>,
    pub employment_type: Option<String>,
    pub valid_until: Option<String>,
    pub contact: Option<String>,
    /// schema.org `datePosted` source (optional, used by the JSON-LD output).
    pub date_posted: Option<String>,
    /// The verified account it is published from, set by the caller (never read from the posting's
    /// JSON): see `engine::account`.
    pub account: Option<super::account::Account>,
}

/// Input that is not a posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingError {
    /// The offending field, when the error is about one.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for PostingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "field `{field}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PostingError {}

impl Posting {
    /// Parses a plain posting object (no JSON-LD; see `read.rs` for the entry that detects it).
    pub(crate) fn from_plain(value: &Value) -> Result<Posting, PostingError> {
        let Value::Object(map) = value else {
            return Err(PostingError {
                field: None,
                message: format!("a posting must be a JSON object, not {}", kind(value)),
            });
        };
        Ok(Posting {
            id: id_field(map)?,
            title: text(map, "title")?,
            employer: text(map, "employer")?,
            employer_intro: text(map, "employer_intro")?,
            headcount: headcount(map)?,
            requirements: text(map, "requirements")?,
            description: text(map, "description")?,
            location: text(map, "location")?,
            salary: text(map, "salary")?,
            employment_type: text(map, "employment_type")?,
            valid_until: text(map, "valid_until")?,
            contact: text(map, "contact")?,
            date_posted: text(map, "date_posted")?,
            account: None,
        })
    }

    /// The text of a field, if present.
    pub fn get(&self, field: Field) -> Option<&str> {
        match field {
            Field::Title => self.title.as_deref(),
            Field::Employer => self.employer.as_deref(),
            Field::EmployerIntro => self.employer_intro.as_deref(),
            Field::Headcount => self.headcount.as_deref(),
            Field::Requirements => self.requirements.as_deref(),
            Field::Description => self.description.as_deref(),
            Field::Location => self.location.as_deref(),
            Field::Salary => self.salary.as_deref(),
            Field::EmploymentType => self.employment_type.as_deref(),
            Field::ValidUntil => self.valid_until.as_deref(),
            Field::Contact => self.contact.as_deref(),
        }
    }

    /// Sets a field's text.
    pub fn set(&mut self, field: Field, value: Option<String>) {
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Employer => &mut self.employer,
            Field::EmployerIntro => &mut self.employer_intro,
            Field::Headcount => &mut self.headcount,
            Field::Requirements => &mut self.requirements,
            Field::Description => &mut self.description,
            Field::Location => &mut self.location,
            Field::Salary => &mut self.salary,
            Field::EmploymentType => &mut self.employment_type,
            Field::ValidUntil => &mut self.valid_until,
            Field::Contact => &mut self.contact,
        };
        *slot = value;
    }

    /// The posting as a JSON object with only the fields that are set.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        if let Some(id) = &self.id {
            map.insert("id".into(), Value::String(id.clone()));
        }
        for field in Field::ALL {
            if let Some(v) = self.get(field) {
                map.insert(field.as_str().into(), Value::String(v.to_string()));
            }
        }
        if let Some(v) = &self.date_posted {
            map.insert("date_posted".into(), Value::String(v.clone()));
        }
        Value::Object(map)
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn text(map: &Map<String, Value>, name: &str) -> Result<Option<String>, PostingError> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(PostingError {
            field: Some(name.to_string()),
            message: format!("expected a string, found {}", kind(other)),
        }),
    }
}

fn id_field(map: &Map<String, Value>) -> Result<Option<String>, PostingError> {
    match map.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(PostingError {
            field: Some("id".into()),
            message: format!("expected a string or a number, found {}", kind(other)),
        }),
    }
}

fn headcount(map: &Map<String, Value>) -> Result<Option<String>, PostingError> {
    match map.get("headcount") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(PostingError {
            field: Some("headcount".into()),
            message: format!("expected a number or a string, found {}", kind(other)),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_fields_and_ignores_unknown_ones() {
        let p =
            Posting::from_json(r#"{"id":"a1","title":"前端工程师","headcount":3,"extra":{"x":1}}"#).unwrap();
        assert_eq!(p.id.as_deref(), Some("a1"));
        assert_eq!(p.title.as_deref(), Some("前端工程师"));
        assert_eq!(p.headcount.as_deref(), Some("3"));
    }

    #[test]
    fn wrong_type_names_the_field() {
        let e = Posting::from_json(r#"{"salary": 8000}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("salary"));
        assert!(e.to_string().contains("`salary`"), "{e}");
        let e = Posting::from_json(r#"{"headcount": [1]}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("headcount"));
    }

    #[test]
    fn not_an_object_is_an_error() {
        assert!(Posting::from_json("[1,2]")
            .unwrap_err()
            .message
            .contains("an array"));
        assert!(Posting::from_json("{")
            .unwrap_err()
            .message
            .contains("not valid JSON"));
    }
}
