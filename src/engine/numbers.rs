//! One number reader for the rules that read numbers in words (issue 9): Chinese numerals (三十五,
//! 二十至四十, 一千五, 两万, 壹佰), English number words (thirty-five) and the digit disguises
//! [`digit_value`] knows (３５, ⑶⑸), rewritten as ASCII digits with a map back to the text they came
//! from. It is applied only to the windows a rule reads numbers in (around 岁, 年龄, age …), so words
//! that hold a numeral (下三滥, 一线城市) stay text everywhere else.

use super::normalize::{digit_value, is_cjk_digit};

/// Text with numbers rewritten as ASCII digits, and for each of its bytes the byte of the input it
/// came from.
#[derive(Debug, Default)]
pub struct Numeric {
    pub text: String,
    /// For each byte of `text`: the input byte range it stands for.
    pub map: Vec<(usize, usize)>,
}

impl Numeric {
    /// The input byte range of an output byte range (non-empty, on char boundaries).
    pub fn orig(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.map[r.start].0..self.map[r.end - 1].1
    }

    fn with_capacity(n: usize) -> Numeric {
        Numeric {
            text: String::with_capacity(n),
            map: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, s: &str, from: std::ops::Range<usize>) {
        self.text.push_str(s);
        self.map
            .extend(std::iter::repeat_n((from.start, from.end), s.len()));
    }
}

fn cjk_unit(c: char) -> Option<u64> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1_000),
        '万' | '萬' => Some(10_000),
        _ => None,
    }
}

fn is_cjk_numeral(c: char) -> bool {
    cjk_unit(c).is_some() || is_cjk_digit(c) || tens_char(c).is_some()
}

/// 廿, 卅 and 卌 (twenty, thirty, forty in one character: 廿五歲 is 25 in Cantonese and written Chinese).
fn tens_char(c: char) -> Option<[char; 2]> {
    match c {
        '廿' => Some(['二', '十']),
        '卅' => Some(['三', '十']),
        '卌' => Some(['四', '十']),
        _ => None,
    }
}

/// The value of a run of Chinese numerals: 三十五 → 35, 十八 → 18, 一千五 → 1500, 两万 → 20000,
/// 一三九 → 139 (digit by digit when there is no unit).
fn cjk_value(run: &[char]) -> Option<u64> {
    if run.iter().any(|&c| tens_char(c).is_some()) {
        let spelled: Vec<char> = run
            .iter()
            .flat_map(|&c| tens_char(c).map_or_else(|| vec![c], |t| t.to_vec()))
            .collect();
        return cjk_value(&spelled);
    }
    if !run.iter().any(|&c| cjk_unit(c).is_some()) {
        return run.iter().try_fold(0u64, |acc, &c| {
            Some(acc.checked_mul(10)? + u64::from(digit_value(c)?))
        });
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    let mut last_unit = 1;
    for &c in run {
        if let Some(unit) = cjk_unit(c) {
            if unit == 10_000 {
                total = total.checked_add((section + digit.unwrap_or(0)).checked_mul(unit)?)?;
                section = 0;
            } else {
                section = section.checked_add(digit.unwrap_or(1).checked_mul(unit)?)?;
            }
            last_unit = unit;
            digit = None;
        } else {
            digit = Some(u64::from(digit_value(c)?));
        }
    }
    // 一千五 is 1500 and 两万三 is 23000: a trailing digit counts in the unit below the last one.
    let tail = match digit {
        Some(d) if last_unit >= 100 => d * (last_unit / 10),
        Some(d) => d,
        None => 0,
    };
    total.checked_add(section + tail)
}

const EN_UNITS: [(&str, u64); 19] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
const EN_TENS: [(&str, u64); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// One English digit word, any case (zero, oh, one … nine): the spelled-out phone numbers of
/// `phone-number`.
pub fn en_digit(word: &[u8]) -> Option<u8> {
    if word.eq_ignore_ascii_case(b"zero") || word.eq_ignore_ascii_case(b"oh") {
        return Some(0);
    }
    EN_UNITS[..9]
        .iter()
        .find(|(w, _)| w.as_bytes().eq_ignore_ascii_case(word))
        .map(|&(_, v)| v as u8)
}

fn en_word(s: &str, table: &[(&str, u64)]) -> Option<(u64, usize)> {
    table
        .iter()
        .find(|(w, _)| s.starts_with(w) && !s[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .map(|&(w, v)| (v, w.len()))
}

/// An English number of one or two words at the start of `s` (lower case): thirty-five, forty, twelve.
fn en_number(s: &str) -> Option<(u64, usize)> {
    if let Some((tens, n)) = en_word(s, &EN_TENS) {
        let rest = &s[n..];
        let sep = rest
            .chars()
            .next()
            .filter(|c| *c == '-' || *c == ' ')
            .map_or(0, char::len_utf8);
        if sep > 0 {
            if let Some((unit, m)) = en_word(&rest[sep..], &EN_UNITS[..9]) {
                return Some((tens + unit, n + sep + m));
            }
        }
        return Some((tens, n));
    }
    en_word(s, &EN_UNITS)
}

/// The run of Chinese numerals that `rest` starts with, and its length in bytes.
fn numeral_run(rest: &str) -> (Vec<char>, usize) {
    let run: Vec<char> = rest.chars().take_while(|&c| is_cjk_numeral(c)).collect();
    let len = run.iter().map(|c| c.len_utf8()).sum();
    (run, len)
}

/// `text` with every number in words or disguised digits rewritten as ASCII digits.
pub fn read(text: &str) -> Numeric {
    let mut out = Numeric::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if is_cjk_numeral(c) {
            let (run, len) = numeral_run(rest);
            match cjk_value(&run) {
                Some(v) => out.push(&v.to_string(), i..i + len),
                None => out.push(&rest[..len], i..i + len),
            }
            i += len;
            continue;
        }
        let word_start = i == 0 || !text[..i].ends_with(|c: char| c.is_ascii_alphabetic());
        if c.is_ascii_lowercase() && word_start {
            if let Some((v, n)) = en_number(rest) {
                out.push(&v.to_string(), i..i + n);
                i += n;
                continue;
            }
        }
        match digit_value(c) {
            Some(d) if !c.is_ascii_digit() => out.push(&d.to_string(), i..i + c.len_utf8()),
            _ => {
                let mut buf = [0; 4];
                out.push(c.encode_utf8(&mut buf), i..i + c.len_utf8());
            }
        }
        i += c.len_utf8();
    }
    out
}

/// `text` with only the amounts of money in Chinese numerals rewritten as digits: a run of two or more
/// numerals with a unit or a financial digit in it, right before 元, 块 or 圆, and not glued to a
/// figure in digits (1.5万元 keeps its 万 as a unit). For pay texts that mix both (学徒期月薪捌佰元，出师后
/// 3000元: blind batch 79), where [`read`] would rewrite 五险一金 and 1.5万 too.
pub fn read_amounts(text: &str) -> Numeric {
    let mut out = Numeric::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        let glued = text[..i].ends_with(|b: char| b.is_ascii_digit() || b == '.');
        if is_cjk_numeral(c) && !glued {
            let (run, len) = numeral_run(rest);
            let money = rest[len..].trim_start().starts_with(['元', '块', '圆']);
            let amount = run.len() >= 2
                && run
                    .iter()
                    .any(|&c| cjk_unit(c).is_some() || "壹贰叁肆伍陆柒捌玖".contains(c));
            match cjk_value(&run).filter(|_| money && amount) {
                Some(v) => out.push(&v.to_string(), i..i + len),
                None => out.push(&rest[..len], i..i + len),
            }
            i += len;
            continue;
        }
        out.push(&rest[..c.len_utf8()], i..i + c.len_utf8());
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_words_beside_figures_in_digits() {
        let n = read_amounts("学徒期月薪捌佰元，包吃住；出师后3000元，五险一金，1.5万元");
        assert_eq!(n.text, "学徒期月薪800元，包吃住；出师后3000元，五险一金，1.5万元");
        let at = n.text.find("800").unwrap();
        assert_eq!(
            &"学徒期月薪捌佰元，包吃住；出师后3000元，五险一金，1.5万元"[n.orig(at..at + 3)],
            "捌佰"
        );
        assert_eq!(read_amounts("一千八百元/月").text, "1800元/月");
        assert_eq!(read_amounts("休息一天，3000元").text, "休息一天，3000元");
    }

    #[test]
    fn reads_numbers_in_every_script() {
        assert_eq!(read("三十五周岁以下").text, "35周岁以下");
        assert_eq!(read("年龄在二十至四十之间").text, "年龄在20至40之间");
        assert_eq!(read("不超过四十五岁").text, "不超过45岁");
        assert_eq!(read("十八岁").text, "18岁");
        assert_eq!(read("一千五").text, "1500");
        assert_eq!(read("两万").text, "20000");
        assert_eq!(read("壹佰").text, "100");
        assert_eq!(read("一三九").text, "139");
        assert_eq!(read("廿五岁以下").text, "25岁以下");
        assert_eq!(read("卅岁").text, "30岁");
        assert_eq!(read("thirty-five or younger").text, "35 or younger");
        assert_eq!(read("aged twenty to forty").text, "aged 20 to 40");
        assert_eq!(read("３５岁⑶").text, "35岁3");
        // Words that merely hold a number-like spelling stay text.
        assert_eq!(read("often, tone, someone").text, "often, tone, someone");
    }

    #[test]
    fn maps_back_to_the_input() {
        let input = "年龄三十五岁";
        let n = read(input);
        let at = n.text.find("35").unwrap();
        assert_eq!(&input[n.orig(at..at + 2)], "三十五");
    }
}
