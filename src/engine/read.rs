//! Reading a posting from JSON: a plain posting object, or a schema.org JobPosting. Above both
//! `posting` and `jsonld`, so that neither imports the other in a circle.

use serde_json::Value;

use super::posting::{Posting, PostingError};

impl Posting {
    /// Parses a posting from JSON text.
    pub fn from_json(text: &str) -> Result<Posting, PostingError> {
        let value: Value = super::json::parse(text).map_err(|e| PostingError {
            field: None,
            message: format!("not valid JSON: {e}"),
        })?;
        Posting::from_value(&value)
    }

    /// Parses a posting from a JSON value. Unknown fields are ignored; a known field of the wrong JSON
    /// type is an error naming the field. `null` counts as absent. A schema.org JobPosting
    /// (`"@type": "JobPosting"`) is mapped onto the posting's fields (see [`super::jsonld`]).
    pub fn from_value(value: &Value) -> Result<Posting, PostingError> {
        if super::jsonld::is_jobposting(value) {
            return super::jsonld::from_jsonld(value);
        }
        Posting::from_plain(value)
    }
}
