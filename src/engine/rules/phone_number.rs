//! # `phone-number`
//!
//! ## What it does
//! Flags phone numbers in any field, in every disguise: mobile numbers (1[3-9] and 9 more digits, with
//! or without +86), landlines with an area code (0xx-xxxxxxxx) and 400/800 numbers, written with
//! full-width, circled, dingbat, Chinese (一三八 / 壹叁捌), spoken (幺 两 拐 洞 勾), superscript or Roman
//! digits, and split by spaces, dots, dashes, emoji or zero-width characters.
//!
//! ## Why is this bad
//! The circular bans illegal diversion: a phone number takes the job seeker off the platform, out of
//! reach of its monitoring, which is where fees and loans are demanded.
//!
//! Long numbers that are not phone numbers stay clean: registered capital, addresses, dates, version
//! numbers (1.3.8.1234), the 18-character credit code.
//!
//! ## Example
//! ```text
//! 有意者请致电 138 1234 5678
//! ```
//!
//! ## Use instead
//! ```text
//! 有意者请通过平台投递简历
//! ```

use crate::engine::normalize::{digit_value, is_cjk_digit, is_separator};
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "phone-number",
    category: Category::Diversion,
    severity: Severity::Error,
    message: (
        "发布电话号码会将求职者引流至平台外，请使用平台内沟通。",
        "A phone number takes job seekers off the platform; use the platform's own messaging.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[],
};

/// A group of digits between separators: its digits (a phone number has at most 13, so 16 are kept and
/// a longer group is marked), its original byte range, and how many were CJK numerals. No allocation:
/// ordinary text has many one-digit groups (一, 两).
#[derive(Debug, Default, Clone, Copy)]
struct Group {
    digits: [u8; 16],
    len: usize,
    start: usize,
    end: usize,
    cjk: usize,
}

impl Group {
    fn digits(&self) -> &[u8] {
        &self.digits[..self.len.min(16)]
    }
}

/// A full-width form of an ASCII separator (－ ． ／ ： ～), as scammers type them between the
/// full-width digits of a number (１５８－６６２１－３０９８: blind batches 6 and 8).
fn is_wide_separator(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c)
        && char::from_u32(c as u32 - 0xFEE0).is_some_and(|a| !a.is_ascii_alphanumeric() && is_separator(a))
}

/// Ideographs and letters, most of any text, are neither invisible nor separators: [`find`] lets them
/// skip both tests and end a run.
fn plain(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_ascii_alphabetic()
}

/// Byte ranges of phone numbers in `text`.
pub fn find(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut run: Vec<Group> = Vec::new();
    let mut open = false;
    for (i, c) in text.char_indices() {
        if let Some(d) = digit_value(c) {
            if !open {
                run.push(Group {
                    start: i,
                    ..Group::default()
                });
                open = true;
            }
            if let Some(g) = run.last_mut() {
                if g.len < 16 {
                    g.digits[g.len] = d;
                }
                g.len += 1;
                g.end = i + c.len_utf8();
                g.cjk += usize::from(is_cjk_digit(c));
            }
        } else if !plain(c) && crate::engine::normalize::is_invisible(c) {
            // Zero-width characters inside a number hide it and do not split it (1\u{200B}8\u{200B}9):
            // blind batch 13.
        } else if !plain(c) && (is_separator(c) || is_wide_separator(c)) {
            open = false;
        } else {
            // A letter glued to the digits (ABC13812345678, 91310110…217T) ends the run; so does any
            // other character.
            if !run.is_empty() {
                scan(text, &run, &mut found);
                run.clear();
            }
            open = false;
        }
    }
    if !run.is_empty() {
        scan(text, &run, &mut found);
    }
    found
}

/// An international number: `+`, a country code and the rest, 8 to 15 digits in all (E.164), in groups
/// of two digits or more after the country code (+971 50 318 4472, +44 20 7946 0958).
fn is_international(groups: &[Group], n: usize) -> bool {
    (8..=15).contains(&n)
        && (1..=3).contains(&groups[0].len)
        && groups[1..].iter().all(|g| g.len >= 2)
        && groups.len() >= 2
}

fn scan(text: &str, run: &[Group], found: &mut Vec<std::ops::Range<usize>>) {
    // A `+` right before the first group: an international number may be read from there.
    let plus = text[..run[0].start].ends_with(['+', '＋']);
    let mut i = 0;
    while i < run.len() {
        let mut digits = [0u8; 32];
        let mut n = 0;
        let mut matched = None;
        for j in i..run.len() {
            let g = run[j].digits();
            let most = if plus && i == 0 { 15 } else { 13 };
            if n + run[j].len > most {
                break;
            }
            digits[n..n + g.len()].copy_from_slice(g);
            n += g.len();
            let groups = &run[i..=j];
            // Version numbers and dates mix short and long groups (1.3.8.1234.5678); numbers spelled
            // digit by digit (1 3 8 …) have only 1-digit groups.
            // A mobile number may also be split unevenly (13 5 1 0 9 8 6 2 4 7: blind batch 22): any
            // groups of up to four digits split by spaces only (not a version number's dots), when the
            // digits make a mobile number.
            let uneven = n == 11
                && groups.len() >= 3
                && groups.iter().all(|g| g.len <= 4)
                && digits[0] == 1
                && (3..=9).contains(&digits[1])
                && groups
                    .windows(2)
                    .all(|w| text[w[0].end..w[1].start].chars().all(char::is_whitespace));
            let lens_ok = groups.iter().all(|g| g.len >= 2) || groups.iter().all(|g| g.len == 1) || uneven;
            // Chinese numerals count only when most of the number is written with them (一三八…), or
            // when they make whole groups of three or more (壹叁玖 ０５２８ ⑦⑥④③: blind batch 47), not
            // when one stray 一 sits next to Arabic digits.
            let cjk: usize = groups.iter().map(|g| g.cjk).sum();
            let cjk_ok = cjk == 0
                || cjk * 2 >= n
                || groups
                    .iter()
                    .all(|g| g.cjk == 0 || (g.cjk == g.len && g.len >= 3));
            let intl = plus && i == 0 && cjk == 0 && is_international(groups, n);
            if (lens_ok && cjk_ok && is_phone(&digits[..n], groups[0].len)) || intl {
                matched = Some(j);
            }
        }
        if let Some(j) = matched {
            found.push(run[i].start..run[j].end);
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

fn is_phone(d: &[u8], first_group: usize) -> bool {
    let mobile = |d: &[u8]| d.len() == 11 && d[0] == 1 && (3..=9).contains(&d[1]);
    match d.len() {
        11 if mobile(d) => true,
        13 if d[..2] == [8, 6] && mobile(&d[2..]) => true,
        10 if (d[..3] == [4, 0, 0] || d[..3] == [8, 0, 0]) => true,
        // Landline: area code 0xx / 0xxx written as its own group, then 7-8 digits.
        10..=12 => {
            d[0] == 0
                && d[1] != 0
                && (3..=4).contains(&first_group)
                && (7..=8).contains(&(d.len() - first_group))
        }
        _ => false,
    }
}

/// A mobile or 400/800 number spelled in English words ("one three nine, two two zero one, eight seven
/// six five", "double eight"): byte ranges. Blind batch 4.
pub fn find_spelled(text: &str) -> Vec<std::ops::Range<usize>> {
    let digit = crate::engine::numbers::en_digit;
    let b = text.as_bytes();
    // The words of the text (ASCII letters), with their byte ranges; most fields have few.
    let mut words = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        words.push(s..i);
    }
    // Ten digit words at least: skip the rest for the usual text.
    if words
        .iter()
        .filter(|w| digit(&b[w.start..w.end]).is_some())
        .count()
        < 10
    {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut digits: Vec<u8> = Vec::new();
    let (mut start, mut end, mut repeat) = (0, 0, 1);
    let mut flush = |digits: &mut Vec<u8>, start: usize, end: usize| {
        if digits.len() >= 10 && is_phone(digits, digits.len()) {
            found.push(start..end);
        }
        digits.clear();
    };
    let mut prev_end = 0;
    for w in &words {
        // Spaces, commas, hyphens and dots may sit between the words; anything else ends the run.
        if !b[prev_end..w.start]
            .iter()
            .all(|c| matches!(c, b' ' | b',' | b'-' | b'.' | b'\t'))
        {
            flush(&mut digits, start, end);
            repeat = 1;
        }
        prev_end = w.end;
        let word = &b[w.clone()];
        if let Some(d) = digit(word) {
            if digits.is_empty() {
                start = w.start;
            }
            digits.extend(std::iter::repeat_n(d, repeat));
            repeat = 1;
            end = w.end;
        } else if word.eq_ignore_ascii_case(b"double") || word.eq_ignore_ascii_case(b"triple") {
            repeat = if word.eq_ignore_ascii_case(b"double") {
                2
            } else {
                3
            };
            if digits.is_empty() {
                start = w.start;
            }
        } else {
            flush(&mut digits, start, end);
            repeat = 1;
        }
    }
    flush(&mut digits, start, end);
    found
}

/// Words that name the number before it as a code of the work (物料编码（如“15020270318”表示类别150…）,
/// 订单号, 工号: blind batch 67): an eleven-digit code is not a mobile number there.
const CODE_WORDS: &[&str] = &[
    "编码",
    "料号",
    "编号",
    "单号",
    "工号",
    "批次号",
    "序列号",
    "条码",
    "代码",
    "货号",
    "型号",
];

/// Whether a code word stands in the 16 characters before `at`.
fn named_as_code(text: &str, at: usize) -> bool {
    let before = crate::engine::terms::last_chars(&text[..at], 16);
    CODE_WORDS.iter().any(|w| before.contains(w))
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for ft in &cx.fields {
        for r in find(ft.text) {
            if named_as_code(ft.text, r.start) {
                continue;
            }
            out.push(Hit::new(&RULE, ft.field, r, Some(Fix::Remove)));
        }
        // Ten digit words take thirty letters at least (a count the compiler vectorises).
        if ft.text.bytes().filter(u8::is_ascii_alphabetic).count() >= 30 {
            for r in find_spelled(ft.text) {
                out.push(Hit::new(&RULE, ft.field, r, Some(Fix::Remove)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::engine::rules::testing::*;

    // Regression (blind batches 6 and 8): full-width digits split by full-width hyphens were missed.
    // Blind batch 21: numbers of other countries, after a `+`.
    #[test]
    fn international_numbers_after_a_plus() {
        fires(ID, "WhatsApp Mr. Karim at +971 50 318 4472");
        fires(ID, "急招，电话 13 5 1 0 9 8 6 2 4 7 找王姐");
        fires(ID, "Call our London office +44 20 7946 0958");
        fires(ID, "Line：+66 81 234 5678");
        clean(ID, "全勤奖+5000元，绩效+2000元");
        clean(ID, "同比增长+12.5%，+3 个百分点");
        clean(ID, "Version 2.3 +1 build 20270115");
    }

    #[test]
    fn full_width_separators_split_a_number() {
        fires(ID, "店长：１５８－６６２１－３０９８");
        fires(ID, "电话：１５８．６６２１．３０９８");
    }

    const ID: &str = "phone-number";

    #[track_caller]
    fn one(text: &str, expected: &str) {
        let r = find(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        assert_eq!(&text[r[0].clone()], expected);
    }

    #[test]
    fn zero_width_characters_inside_a_number() {
        let t = "電話：1\u{200B}8\u{200B}9 ２\u{200B}２０５ 7\u{200B}7\u{200B}3\u{200B}1";
        assert_eq!(find(t).len(), 1, "{t}");
    }

    #[test]
    fn every_disguise() {
        one("电话13812345678", "13812345678");
        one("车队长刘师傅：壹叁玖 ０５２８ ⑦⑥④③", "壹叁玖 ０５２８ ⑦⑥④③");
        one("电话 138 1234 5678 张", "138 1234 5678");
        one("１３８１２３４５６７８", "１３８１２３４５６７８");
        one("①③⑧①②③④⑤⑥⑦⑧", "①③⑧①②③④⑤⑥⑦⑧");
        one("❶❸❽❶❷❸❹❺❻❼❽", "❶❸❽❶❷❸❹❺❻❼❽");
        one("➊➌➑➊➋➌➍➎➏➐➑", "➊➌➑➊➋➌➍➎➏➐➑");
        one("⓵⓷⓼⓵⓶⓷⓸⓹⓺⓻⓼", "⓵⓷⓼⓵⓶⓷⓸⓹⓺⓻⓼");
        one("一三八一二三四五六七八", "一三八一二三四五六七八");
        one("壹叁捌壹贰叁肆伍陆柒捌", "壹叁捌壹贰叁肆伍陆柒捌");
        one("幺三八幺两三四五六拐八", "幺三八幺两三四五六拐八");
        one("1 3 8 1 2 3 4 5 6 7 8", "1 3 8 1 2 3 4 5 6 7 8");
        one("138-1234-5678", "138-1234-5678");
        one("138.1234.5678", "138.1234.5678");
        one("138🌟1234🌟5678", "138🌟1234🌟5678");
        one("138\u{200B}1234\u{200B}5678", "138\u{200B}1234\u{200B}5678");
        one("+86 138 1234 5678", "86 138 1234 5678");
        one("010-12345678", "010-12345678");
        one("0755-8888 6666", "0755-8888 6666");
        one("400-123-4567", "400-123-4567");
        one("⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻", "⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻");
        one("⒈⒊⒏⒈⒉⒊⒋⒌⒍⒎⒏", "⒈⒊⒏⒈⒉⒊⒋⒌⒍⒎⒏");
        one("¹³⁸¹²³⁴⁵⁶⁷⁸", "¹³⁸¹²³⁴⁵⁶⁷⁸");
        one("ⅰⅲⅷⅰⅱⅲⅳⅴⅵⅶⅷ", "ⅰⅲⅷⅰⅱⅲⅳⅴⅵⅶⅷ");
        one("㈠㈢㈧㈠㈡㈢㈣㈤㈥㈦㈧", "㈠㈢㈧㈠㈡㈢㈣㈤㈥㈦㈧");
    }

    #[test]
    fn spelled_in_english_words() {
        fires(
            "phone-number",
            "Just call Mr Zhao: one three nine, two two zero one, eight seven six five",
        );
        fires(
            "phone-number",
            "Text me on one eight six double five two three four nine one oh",
        );
        clean(
            "phone-number",
            "one of three teams, two shifts, five days a week, nine hours, one break",
        );
        clean("phone-number", "We need one two three four volunteers");
    }

    #[test]
    fn long_numbers_that_are_not_phones() {
        for t in [
            "注册资本50000000元",
            "统一社会信用代码91310110666007217T",
            "地址：北京市海淀区中关村大街1号院2号楼1301室",
            "版本v1.3.8.1234.5678",
            "有效期2024-01-01至2024-12-31",
            "五险一金，一年两次调薪",
            "邮编100080",
            "订单号 2026112812345678901",
            "第一二三车间",
        ] {
            assert!(find(t).is_empty(), "{t}: {:?}", find(t));
        }
    }

    #[test]
    fn as_a_rule() {
        fires(ID, "有意者请致电 138 1234 5678");
        // Blind batch 67: an eleven-digit material code, explained.
        clean(
            ID,
            "维护11位物料编码体系（如“15020270318”表示类别150、批次20270318），清理重复编码。",
        );
        fires(ID, "物料问题请打15020270318联系仓库张工。");
        clean(ID, "注册资本1000万元，员工500人");
        fix_clears(ID, "有意者请致电13812345678");
    }
}
