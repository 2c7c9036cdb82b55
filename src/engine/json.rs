//! JSON text in, one way for every entry (the CLI's lines, `Posting::from_json`, and the JS boundary,
//! which turns objects into JSON text first), so the same input gives the same verdict everywhere.
//!
//! serde_json refuses a lone UTF-16 surrogate written as an escape (`"\ud800"`), which JavaScript
//! strings can hold and `JSON.stringify` writes. A JS caller would then see an error where the
//! browser showed a report (issue 10, parity). Such an escape is read as U+FFFD, the replacement
//! character the browser itself shows for it; nothing else is changed. Nesting is limited by
//! serde_json (128 levels), so no input can exhaust the stack.

use serde_json::Value;

/// Parses JSON text, reading lone surrogate escapes as U+FFFD.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    // The happy path parses once; only text that fails is scanned for lone surrogates.
    serde_json::from_str(text).or_else(|e| match replace_lone_surrogates(text) {
        Some(fixed) => serde_json::from_str(&fixed),
        None => Err(e),
    })
}

/// `text` with every `\uD800`–`\uDFFF` escape that is not half of a pair replaced by `\uFFFD`, or
/// None where there is none.
fn replace_lone_surrogates(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let unit = |i: usize| -> Option<u16> {
        let hex = b.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            // Any other escape is two characters long at least (`\n`, `\\`, `\u0041`): skip the pair
            // so an escaped backslash is never read as the start of an escape.
            _ => i += 2,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied.min(text.len())..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Regression (issue 10): a lone surrogate was checked through a JS object but refused as a bad
    // line by the CLI.
    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        assert_eq!(parse(r#""a\ud800b""#).unwrap(), Value::from("a\u{FFFD}b"));
        assert_eq!(parse(r#""\udc00""#).unwrap(), Value::from("\u{FFFD}"));
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), Value::from("😀"));
        assert_eq!(
            parse(r#""\ud83d\ude00\ud800""#).unwrap(),
            Value::from("😀\u{FFFD}")
        );
        // An escaped backslash followed by the letters of an escape is text, not an escape.
        assert_eq!(
            parse(r#"["\\ud800", "\ud800"]"#).unwrap(),
            serde_json::json!(["\\ud800", "\u{FFFD}"])
        );
    }

    #[test]
    fn other_errors_stay_errors() {
        assert!(parse("{").is_err());
        assert!(parse(r#""\ud800"#).is_err());
        let deep = format!("{}{}", "[".repeat(4_000), "]".repeat(4_000));
        assert!(parse(&deep).unwrap_err().to_string().contains("recursion limit"));
    }
}
