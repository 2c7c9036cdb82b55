//! Text from postings (ids, field text) and from the command line (paths) printed for a person to
//! read goes through [`line`] or [`multiline`] first: control characters are shown as escapes
//! (`\u{1b}`), so a posting cannot drive the terminal that reads the report (issue 10: an `id` holding
//! ESC ] 0 ; … BEL retitled the terminal, and ESC ] 52 ; … wrote the clipboard).
//!
//! Escaped: C0 controls (U+0000–U+001F; `\n` and `\t` are kept by [`multiline`]), DEL (U+007F), C1
//! controls (U+0080–U+009F, which include the 8-bit CSI, OSC and DCS), the line and paragraph
//! separators U+2028/U+2029, and the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
//! U+2066–U+2069), which reorder how the rest of a line displays. JSON output is machine output and
//! is left to serde_json's own escaping (the parity with Node depends on it).

use std::borrow::Cow;
use std::fmt::Write as _;

fn is_unsafe(c: char, keep_breaks: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_breaks,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{2028}' | '\u{2029}' | '\u{61c}' | '\u{200e}' | '\u{200f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

fn escape(s: &str, keep_breaks: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, keep_breaks)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c, keep_breaks) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// For one line of output: every control character escaped, `\n` and `\t` included.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// For text that may span lines: as [`line`], but `\n` and `\t` kept.
pub fn multiline(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_and_keeps_text() {
        assert_eq!(line("明澜-001"), "明澜-001");
        assert_eq!(line("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(line("\u{9b}31m\u{7f}"), "\\u{9b}31m\\u{7f}");
        assert_eq!(line("\u{202e}gpj.exe"), "\\u{202e}gpj.exe");
        assert_eq!(line("a\nb\tc"), "a\\u{a}b\\u{9}c");
        assert_eq!(multiline("a\nb\tc\u{1b}"), "a\nb\tc\\u{1b}");
    }
}
