//! Unified Social Credit Code (统一社会信用代码, GB 32100-2015).
//!
//! 18 characters: registration authority, entity category, 6-digit area code, 9-character organisation
//! code, check character. Alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I O S V Z).

use std::fmt;

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a code is not a well-formed USCC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccError {
    /// Not 18 characters.
    Length(usize),
    /// A character outside the alphabet, at this 1-based position.
    Character { position: usize, found: char },
    /// The shape is right but the check character is not: real early pilot codes do this, so report
    /// it as a warning, not as a fake.
    CheckDigit { expected: char, found: char },
}

impl fmt::Display for UsccError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsccError::Length(n) => write!(f, "must be 18 characters, found {n}"),
            UsccError::Character { position, found } => {
                write!(
                    f,
                    "character {position} ({found:?}) is not in the code alphabet 0-9 A-Y without I O S V Z"
                )
            }
            UsccError::CheckDigit { expected, found } => {
                write!(f, "check character is {found:?}, the first 17 characters give {expected:?} (some early pilot codes fail this)")
            }
        }
    }
}

impl std::error::Error for UsccError {}

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first 17 characters of a code.
pub fn check_char(first17: &[u8]) -> Option<char> {
    let mut sum = 0;
    for (c, w) in first17.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    let c = (31 - sum % 31) % 31;
    Some(ALPHABET[c as usize] as char)
}

/// Checks the shape of a code (length, alphabet), then its check character.
pub fn validate(code: &str) -> Result<(), UsccError> {
    let n = code.chars().count();
    if n != 18 {
        return Err(UsccError::Length(n));
    }
    for (i, c) in code.chars().enumerate() {
        if !c.is_ascii() || value(c as u8).is_none() {
            return Err(UsccError::Character {
                position: i + 1,
                found: c,
            });
        }
    }
    let b = code.as_bytes();
    let expected = check_char(&b[..17]).ok_or(UsccError::Length(n))?;
    let found = b[17] as char;
    if expected != found {
        return Err(UsccError::CheckDigit { expected, found });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_from_the_standard_passes() {
        assert_eq!(validate("91310110666007217T"), Ok(()));
    }

    #[test]
    fn pilot_code_fails_only_its_check_digit() {
        assert!(matches!(
            validate("91350100M0001TGQXM"),
            Err(UsccError::CheckDigit { .. })
        ));
    }

    #[test]
    fn shape_errors() {
        assert_eq!(validate("9131011066600721"), Err(UsccError::Length(16)));
        assert!(matches!(
            validate("91310110666OO7217T"),
            Err(UsccError::Character { position: 12, .. })
        ));
        assert!(matches!(
            validate("91310110666007217t"),
            Err(UsccError::Character { position: 18, .. })
        ));
    }
}
