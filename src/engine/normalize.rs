//! Normalised views of a field, each with a map back to the original text.
//!
//! Scammers write 微 信, 薇信, V❤信, ①③⑧…, 繳納押金 and zero-width spaces to slip past keyword filters.
//! Matching therefore happens on a normalised view, and every match maps back to the exact bytes of the
//! original text (DOMAIN.md: "Apply NFKC, then an explicit variant table, then drop separators, and
//! match; then map every match back to the original text").
//!
//! Two views are built in one pass:
//! - `light`: NFKC, ASCII lower case, traditional → simplified for the characters our word lists use,
//!   invisible characters removed. Used for patterns that need punctuation (URLs, e-mail, pay, ages).
//! - `squeezed`: `light` with separators (spaces, `-_.*/:|~·`, brackets, emoji and other symbols)
//!   removed as well. Used for the word lists, so that 微 信 and 微❤️信 both read 微信.
//!
//! Digits are *not* mapped here: 下三滥 must stay 下三滥. Digit variants (①, ❶, 壹, 幺 …) are read by
//! [`digit_value`] only where a digit run is being looked for (phone numbers, QQ numbers, IDs).

use std::ops::Range;
use std::sync::LazyLock;

/// A normalised text and, for each of its bytes, the original character it came from: its byte
/// offset and UTF-8 length packed in one u32 (`offset << 3 | len`), which halves the memory the map
/// writes on every keystroke. Fields are far below the 512 MiB this allows.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub text: String,
    map: Vec<u32>,
}

impl View {
    /// The original byte range covered by the normalised byte range `range` (which must be non-empty
    /// and lie on char boundaries of `self.text`).
    pub fn orig(&self, range: Range<usize>) -> Range<usize> {
        debug_assert!(range.start < range.end && range.end <= self.text.len());
        let start = (self.map[range.start] >> 3) as usize;
        let last = self.map[range.end - 1];
        start..(last >> 3) as usize + (last & 7) as usize
    }

    // Inlined, with the common widths spelled out (ASCII, and the 3 bytes of a CJK character): this
    // runs for every character of every field on every keystroke.
    #[inline(always)]
    fn push(&mut self, c: char, orig: u32) {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        self.text.push_str(s);
        match s.len() {
            1 => self.map.push(orig),
            3 => self.map.extend_from_slice(&[orig; 3]),
            n => self.map.extend(std::iter::repeat_n(orig, n)),
        }
    }
}

/// Both views of one field.
#[derive(Debug, Clone, Default)]
pub struct Views {
    pub light: View,
    pub squeezed: View,
}

/// Traditional → simplified pairs, sorted for binary search (faster than hashing on the hot path).
static TRAD: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let mut m = Vec::new();
    for line in include_str!(concat!(env!("OUT_DIR"), "/data/traditional.txt")).lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut cs = line.chars().filter(|c| !c.is_whitespace());
        if let (Some(t), Some(s)) = (cs.next(), cs.next()) {
            m.push((t, s));
        }
    }
    m.sort_unstable();
    m.dedup_by_key(|p| p.0);
    m
});

/// One bit per CJK Unified Ideograph (U+4E00-9FFF): set where TRAD has an entry, so that the common
/// case (a simplified character) costs one load instead of a binary search.
static TRAD_BITS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (0x9FFF - 0x4E00) / 64 + 1];
    for &(t, _) in TRAD.iter() {
        if let Some(i) = (t as usize).checked_sub(0x4E00).filter(|i| *i <= 0x9FFF - 0x4E00) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

/// The NFKC form of every code point whose NFKC form differs from itself, as ranges: `S-E delta`
/// (each code point maps to itself plus delta) or `C M…` (C maps to the sequence M…), in hex.
/// Generated from the `unicode-normalization` crate by `tests/nfkc_table.rs`, which also checks that
/// [`nfkc`] agrees with the crate on every code point; the crate itself stays out of the wasm (its
/// tables cost ~60 KB gzipped, this one a fraction).
const NFKC_TABLE: &str = include_str!("data/nfkc.txt");

#[derive(Debug)]
struct NfkcRange {
    start: u32,
    end: u32,
    /// For a range: the code point offset. For a sequence: unused.
    delta: i32,
    /// For a sequence: where it starts in the pool, and its length (0 for a range).
    seq: (u32, u32),
}

static NFKC: LazyLock<(Vec<NfkcRange>, Vec<char>)> = LazyLock::new(|| {
    let mut ranges = Vec::new();
    let mut pool = Vec::new();
    for line in NFKC_TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut parts = line.split(' ');
        let head = parts.next().unwrap_or("");
        let hex = |s: &str| u32::from_str_radix(s, 16).unwrap_or(0);
        if let Some((a, b)) = head.split_once('-') {
            let delta = parts.next().and_then(|d| d.parse().ok()).unwrap_or(0);
            ranges.push(NfkcRange {
                start: hex(a),
                end: hex(b),
                delta,
                seq: (0, 0),
            });
        } else {
            let at = pool.len() as u32;
            pool.extend(parts.filter_map(|p| char::from_u32(hex(p))));
            let cp = hex(head);
            ranges.push(NfkcRange {
                start: cp,
                end: cp,
                delta: 0,
                seq: (at, pool.len() as u32 - at),
            });
        }
    }
    (ranges, pool)
});

/// Calls `out` with each character of the NFKC form of `c` (decomposition and recomposition of a
/// single character, as `std::iter::once(c).nfkc()` gives it).
pub fn nfkc(c: char, mut out: impl FnMut(char)) {
    let (ranges, pool) = &*NFKC;
    let cp = c as u32;
    let i = ranges.partition_point(|r| r.start <= cp);
    match i.checked_sub(1).map(|i| &ranges[i]).filter(|r| cp <= r.end) {
        None => out(c),
        Some(r) if r.seq.1 == 0 => out(char::from_u32(cp.wrapping_add_signed(r.delta)).unwrap_or(c)),
        Some(r) => pool[r.seq.0 as usize..(r.seq.0 + r.seq.1) as usize]
            .iter()
            .for_each(|&n| out(n)),
    }
}

/// Characters that carry no text: zero-width and bidi controls, variation selectors, BOM, tags.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E007F}' | '\u{034F}' | '\u{20E3}')
}

/// Characters scammers put between the letters of a word or the digits of a number. Clause punctuation
/// (，。；！？、 and newlines) is *not* a separator: it ends a clause.
pub fn is_separator(c: char) -> bool {
    // Fast path: letters, digits and CJK ideographs are most of any text.
    if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '\n' {
        return false;
    }
    if c.is_whitespace() || is_invisible(c) {
        return true;
    }
    if digit_value(c).is_some() {
        return false;
    }
    matches!(c,
        '-' | '_' | '.' | '*' | '/' | '\\' | '|' | '~' | ':' | '\'' | '"' | '`' | '^' | '=' | '#' | '&'
        | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>'
        | '·' | '•' | '・' | '‧' | '∙' | '—' | '–' | '―' | '…' | '〜' | '～'
        | '【' | '】' | '〔' | '〕' | '「' | '」' | '『' | '』' | '《' | '》' | '〈' | '〉' | '〖' | '〗'
        | '“' | '”' | '‘' | '’'
        // arrows, technical and miscellaneous symbols, dingbats (❤ ★ ✨ ➕ …), geometric shapes
        | '\u{2190}'..='\u{23FF}' | '\u{25A0}'..='\u{27BF}' | '\u{2900}'..='\u{2BFF}'
        // emoji and pictographs
        | '\u{1F000}'..='\u{1FAFF}' | '\u{3030}' | '\u{303D}')
}

/// Clause punctuation: ends the window in which a negation (不收取…押金) can apply.
pub fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '!' | '?' | '。' | '、' | '\n' | '，' | '；' | '！' | '？'
    )
}

/// The value of a digit in any of the forms scammers use: ASCII and full-width, circled, parenthesised,
/// with a full stop, dingbat, double-circled, Chinese (小写/大写), spoken (幺 两 拐 洞 勾), superscript,
/// subscript and small Roman numerals.
#[inline]
pub fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii() {
        return c.is_ascii_digit().then(|| c as u8 - b'0');
    }
    // Most characters are CJK ideographs that are not numerals: one bit says so.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        let i = c as usize - 0x4E00;
        if CJK_DIGIT_BITS[i / 64] & (1 << (i % 64)) == 0 {
            return None;
        }
    }
    digit_value_slow(c)
}

/// The CJK ideographs [`digit_value`] reads as digits.
const CJK_DIGITS: [char; 27] = [
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '壹', '贰', '貳', '叁', '肆', '伍', '陆',
    '陸', '柒', '捌', '玖', '幺', '两', '兩', '拐', '洞', '勾',
];

/// One bit per CJK Unified Ideograph, set for [`CJK_DIGITS`]; built at compile time.
static CJK_DIGIT_BITS: [u64; (0x9FFF - 0x4E00) / 64 + 1] = {
    let mut bits = [0u64; (0x9FFF - 0x4E00) / 64 + 1];
    let mut i = 0;
    while i < CJK_DIGITS.len() {
        let c = CJK_DIGITS[i] as usize - 0x4E00;
        bits[c / 64] |= 1 << (c % 64);
        i += 1;
    }
    bits
};

fn digit_value_slow(c: char) -> Option<u8> {
    let u = c as u32;
    let v = match c {
        '0'..='9' => u - '0' as u32,
        '０'..='９' => u - '０' as u32,
        '①'..='⑨' => u - '①' as u32 + 1,
        '⑴'..='⑼' => u - '⑴' as u32 + 1,
        '⒈'..='⒐' => u - '⒈' as u32 + 1,
        '❶'..='❾' => u - '❶' as u32 + 1,
        '➀'..='➈' => u - '➀' as u32 + 1,
        '➊'..='➒' => u - '➊' as u32 + 1,
        '⓵'..='⓽' => u - '⓵' as u32 + 1,
        '㈠'..='㈨' => u - '㈠' as u32 + 1,
        '㊀'..='㊈' => u - '㊀' as u32 + 1,
        'ⅰ'..='ⅸ' => u - 'ⅰ' as u32 + 1,
        'Ⅰ'..='Ⅸ' => u - 'Ⅰ' as u32 + 1,
        '⁴'..='⁹' => u - '⁴' as u32 + 4,
        '₀'..='₉' => u - '₀' as u32,
        '⓪' | '⓿' | '⁰' | '〇' | '零' | '洞' => 0,
        '¹' | '一' | '壹' | '幺' => 1,
        '²' | '二' | '贰' | '貳' | '两' | '兩' => 2,
        '³' | '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' | '拐' => 7,
        '八' | '捌' => 8,
        '九' | '玖' | '勾' => 9,
        _ => return None,
    };
    Some(v as u8)
}

/// True for a digit written as a CJK character (一, 壹, 幺 …), which only counts inside a run that also
/// looks like a number.
pub fn is_cjk_digit(c: char) -> bool {
    !c.is_ascii_digit() && ('\u{3000}'..='\u{9FFF}').contains(&c) && digit_value(c).is_some()
}

fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        let i = c as usize - 0x4E00;
        if TRAD_BITS[i / 64] & (1 << (i % 64)) == 0 {
            return c;
        }
        let t = &*TRAD;
        t.binary_search_by_key(&c, |p| p.0).map_or(c, |i| t[i].1)
    } else {
        c
    }
}

/// The longest prefix of a field that is normalised (256 MiB, far beyond any posting): the packed map
/// holds offsets below 512 MiB. Text past it is not matched (field-too-long reports such a field).
pub const MAX_VIEW_BYTES: usize = 1 << 28;

/// Builds both views of `orig` in one pass.
pub fn views(orig: &str) -> Views {
    let mut cut = orig.len().min(MAX_VIEW_BYTES);
    while !orig.is_char_boundary(cut) {
        cut -= 1;
    }
    let orig = &orig[..cut];
    let mut v = Views {
        light: View {
            text: String::with_capacity(orig.len()),
            map: Vec::with_capacity(orig.len()),
        },
        squeezed: View {
            text: String::with_capacity(orig.len()),
            map: Vec::with_capacity(orig.len()),
        },
    };
    let bytes = orig.as_bytes();
    let mut i = 0;
    while i < orig.len() {
        // Most of any text is a run of characters that both views keep as they are: lower-case ASCII
        // letters and digits, and CJK ideographs with no traditional form to fold. A run is copied
        // into both views at once, and its map built once and copied.
        let run = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_lowercase() || b.is_ascii_digit() {
                i += 1;
            } else if (0xE4..=0xE9).contains(&b) && i + 2 < bytes.len() {
                // A 3-byte sequence led by E4-E9 is U+4000-9FFF; only U+4E00 up is an ideograph.
                let cp = ((b as usize & 0x0F) << 12)
                    | ((bytes[i + 1] as usize & 0x3F) << 6)
                    | (bytes[i + 2] as usize & 0x3F);
                let Some(k) = cp.checked_sub(0x4E00) else { break };
                if TRAD_BITS[k / 64] & (1 << (k % 64)) != 0 {
                    break;
                }
                i += 3;
            } else {
                break;
            }
        }
        if i > run {
            let from = v.light.map.len();
            let mut j = run;
            while j < i {
                let len = if bytes[j] < 0x80 { 1 } else { 3 };
                let span = ((j as u32) << 3) | len as u32;
                v.light.map.extend_from_slice(&[span; 3][..len]);
                j += len;
            }
            v.light.text.push_str(&orig[run..i]);
            v.squeezed.text.push_str(&orig[run..i]);
            v.squeezed.map.extend_from_slice(&v.light.map[from..]);
            if i >= orig.len() {
                break;
            }
        }
        let Some(c) = orig[i..].chars().next() else { break };
        let span = ((i as u32) << 3) | c.len_utf8() as u32;
        i += c.len_utf8();
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            let f = fold(c);
            v.light.push(f, span);
            v.squeezed.push(f, span);
            continue;
        }
        if c.is_ascii_alphanumeric() {
            let f = c.to_ascii_lowercase();
            v.light.push(f, span);
            v.squeezed.push(f, span);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        // Fast paths for most of any Chinese text: ASCII and CJK punctuation are already in NFKC, and
        // NFKC of the full-width forms FF01-FF5E (，：（）１Ａ) is a fixed offset.
        if c.is_ascii() || ('\u{3001}'..='\u{3011}').contains(&c) {
            emit(&mut v, fold(c), span);
        } else if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            emit(&mut v, fold(ascii), span);
        } else {
            nfkc(c, |n| emit(&mut v, fold(n), span));
        }
    }
    v
}

fn emit(v: &mut Views, c: char, span: u32) {
    if is_invisible(c) {
        return;
    }
    v.light.push(c, span);
    if !is_separator(c) {
        v.squeezed.push(c, span);
    }
}

/// Normalises a term from a word list or a rule pack the same way as the squeezed view, so that data
/// files can be written naturally (繁體, Ｆｕｌｌ-width, spaces).
pub fn normalize_term(term: &str) -> String {
    views(term).squeezed.text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn squeezed(s: &str) -> String {
        views(s).squeezed.text
    }

    #[test]
    fn squeezes_separators_emoji_and_zero_width() {
        assert_eq!(squeezed("微 信"), "微信");
        assert_eq!(squeezed("微❤️信"), "微信");
        assert_eq!(squeezed("微\u{200B}信"), "微信");
        assert_eq!(squeezed("V/X"), "vx");
        assert_eq!(squeezed("ＶＸ"), "vx");
        assert_eq!(squeezed("微🌟信"), "微信");
    }

    #[test]
    fn clause_punctuation_is_kept() {
        assert_eq!(squeezed("公司微，信誉好"), "公司微,信誉好");
        assert_eq!(squeezed("a\nb"), "a\nb");
    }

    #[test]
    fn traditional_folds_to_simplified() {
        assert_eq!(squeezed("繳納押金"), "缴纳押金");
        assert_eq!(squeezed("僅限男性"), "仅限男性");
    }

    // Regression: numerals inside ordinary words must not become digits (DOMAIN.md, "Known trap").
    #[test]
    fn numerals_inside_words_are_left_alone() {
        assert_eq!(squeezed("下三滥"), "下三滥");
        assert_eq!(squeezed("五险一金"), "五险一金");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let orig = "加 V❤️信：abc";
        let v = views(orig);
        let pos = v.squeezed.text.find("v信").unwrap();
        let r = v.squeezed.orig(pos..pos + "v信".len());
        assert_eq!(&orig[r], "V❤️信");
    }

    // The run fast path (lower-case ASCII, digits, unfolded ideographs copied at once) and the
    // per-character path meet at every kind of boundary, and every byte maps to its own character.
    #[test]
    fn runs_and_single_characters_map_alike() {
        let orig = "加wx abc123微信號：ＱＱ９８７，僅限㐀a\u{200B}b";
        let v = views(orig);
        assert_eq!(v.light.text, "加wx abc123微信号:qq987,仅限㐀ab");
        assert_eq!(v.squeezed.text, "加wxabc123微信号qq987,仅限㐀ab");
        for view in [&v.light, &v.squeezed] {
            for (k, c) in view.text.char_indices() {
                let r = view.orig(k..k + c.len_utf8());
                let o = &orig[r];
                assert_eq!(o.chars().count(), 1, "{c} maps to {o}");
                assert!(views(o).light.text.contains(c), "{c} maps to {o}");
            }
        }
        let pure = "abc微信123招聘";
        let v = views(pure);
        assert_eq!(v.squeezed.text, pure);
        for (k, c) in pure.char_indices() {
            assert_eq!(v.squeezed.orig(k..k + c.len_utf8()), k..k + c.len_utf8());
        }
    }

    #[test]
    fn maps_back_through_nfkc_expansion() {
        // ⑸ becomes "(5)" under NFKC: all three bytes map to the one original character.
        let orig = "𠀀⑸号";
        let v = views(orig);
        let pos = v.light.text.find('5').unwrap();
        assert_eq!(&orig[v.light.orig(pos..pos + 1)], "⑸");
    }

    #[test]
    fn digit_forms() {
        for (c, d) in [
            ('⓿', 0),
            ('➃', 4),
            ('❶', 1),
            ('➊', 1),
            ('⓵', 1),
            ('⑸', 5),
            ('⒈', 1),
            ('㈤', 5),
            ('㊇', 8),
            ('幺', 1),
            ('拐', 7),
            ('洞', 0),
            ('勾', 9),
            ('肆', 4),
            ('⁷', 7),
            ('₃', 3),
            ('ⅸ', 9),
            ('Ⅳ', 4),
            ('５', 5),
            ('〇', 0),
        ] {
            assert_eq!(digit_value(c), Some(d), "{c}");
        }
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('十'), None);
        // The fast path and the table agree on every CJK ideograph.
        for c in ('\u{4E00}'..='\u{9FFF}').filter_map(|c| char::from_u32(c as u32)) {
            assert_eq!(digit_value(c), digit_value_slow(c), "{c}");
        }
    }
}
