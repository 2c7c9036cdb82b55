//! Patterns over word classes (issue 9): a rule that reads language is a small sequence of named
//! lexicons with bounded gaps, inside one clause, plus antipatterns for the innocent uses. Modelled on
//! LanguageTool's rule files (`<pattern>` of tokens with `skip`, `<antipattern>`, `<example>`).
//!
//! The data file (`data/patterns.txt`, extendable by a rule pack's `add_patterns`) has three kinds of
//! line:
//!
//! ```text
//! @restrict = 限 | 仅限 | 只招 | must be        # a lexicon: entries separated by |
//! health-discrimination: @health ~8 @exclude !@positive
//! + health-discrimination: HBsAg阳性者恕不录用   # must fire (run as a test)
//! - health-discrimination: 为乙肝患者提供随访     # must not fire (run as a test)
//! ```
//!
//! A pattern is a sequence of lexicons; `~N` before an element is the most characters that may stand
//! between it and the one before (0 when omitted). `!@class` is an antipattern: a hit of that class
//! anywhere in the same clause cancels the match (positive statements: 不限, 均可, 欢迎 …). `^@class`
//! cancels the match only when the class stands just before it (within 8 characters, same clause:
//! the people the job serves, the duty that handles the money). `%sentence` lets a match cross clause
//! punctuation inside a sentence; `%prohibits` says the first element is itself a prohibition (不能 …
//! 要孩子), so a negation cue inside the match does not cancel it; `%list` lets a match run on through
//! the items of a 、 list (残疾人、孕妇不收: the cue after the last item governs them all).
//!
//! Matching runs on the *light* view of a field (NFKC, lower case, traditional → simplified,
//! invisible characters removed; spaces and punctuation kept), where a full stop before a space ends
//! an English clause. The commas of an English list that opens its clause ("no religious, regional or
//! age requirement") and the 、 of a list that ends in 因素 end no clause: a statement about the whole
//! list is read with every item. A %list match reads its antipatterns in every item it runs through. Latin entries match whole words only (`male` is not found in `female`). Words
//! split by separators (限 男 性) are the word lists' business, on the squeezed view; a separate
//! squeezed-but-spaced view for the patterns was measured at about a fifth of a check's time. Every
//! match maps back to the original characters.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::finding::{Category, Fix};
use super::normalize::is_clause_end;
use super::rule::{FieldText, Hit};
use super::rules::{self, RULES};
use super::terms::negated;

/// The built-in class `@id`: an account id or handle (hr_li88, @kh_kefu, 12345678, brightpath.recruit),
/// found by its shape rather than from a list: five or more of `a-z 0-9 _ . - @ +`, with a digit, an
/// underscore, a leading `@`, or a dot between two words of at least two letters each, the longer of
/// at least four (plain words are not ids; `node.js` and `e.g` are not either).
const ID_CLASS: &str = "id";

/// The built-in lexicons and patterns, as shipped: `data/patterns.txt` without its comments and
/// examples (written by build.rs; the line numbers are those of the source file).
pub const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/patterns.min.txt"));

/// The full data file, examples included: read by the tests.
#[cfg(test)]
const SOURCE: &str = include_str!("data/patterns.txt");

/// One element of a pattern: a lexicon, and the most characters allowed before it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Element {
    class: usize,
    gap: usize,
    /// `=@class`: the hit must be its clause's whole text (a bare list item: 要求：男，已婚).
    whole: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    rule: usize,
    elements: Vec<Element>,
    /// Classes that cancel a match anywhere in its clause.
    unless_clause: Vec<usize>,
    /// Classes that cancel a match when they stand just before it.
    unless_before: Vec<usize>,
    /// Whether the match may cross clause punctuation within a sentence (`%sentence`).
    sentence: bool,
    /// `%prohibits`: the first element is itself a prohibition (不能, 不得 …要孩子), so only a negation
    /// before the first element cancels the match, not the pattern's own.
    prohibits: bool,
    /// `%list`: the match may run on through the items of a 、 list (残疾人、孕妇不收: the cue after the
    /// last item governs every item).
    list: bool,
}

/// A must-fire (`+`) or must-not-fire (`-`) example of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub rule: &'static str,
    pub fires: bool,
    pub text: String,
}

/// A pattern file that cannot be read: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Lexicons and patterns, parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatternSet {
    classes: Vec<(String, Vec<String>)>,
    patterns: Vec<Pattern>,
    /// `quiet CATEGORY…: @lexicon`: a sentence with a hit of the lexicon holds no finding of these
    /// categories (a warning against scams, a job that fights them).
    quiet: Vec<(Vec<Category>, usize)>,
    pub examples: Vec<Example>,
}

impl PatternSet {
    /// The built-in set.
    pub fn builtin() -> &'static PatternSet {
        static BUILTIN: LazyLock<PatternSet> = LazyLock::new(|| {
            let mut set = PatternSet::default();
            // Tested by patterns::tests::builtin_data_parses; a failure here is a build defect.
            let _ = set.add(DATA);
            set
        });
        &BUILTIN
    }

    fn class(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|(n, _)| n == name)
    }

    /// Adds the lexicons, patterns and examples of `text` (the data file's format). A lexicon that is
    /// defined again gets the new entries as well. Nothing is added unless the whole text is valid.
    pub fn add(&mut self, text: &str) -> Result<(), PatternError> {
        let mut next = self.clone();
        for (i, raw) in text.lines().enumerate() {
            let err = |message: String| PatternError { line: i + 1, message };
            let line = raw.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('@') {
                let (name, entries) = rest
                    .split_once('=')
                    .ok_or_else(|| err("a lexicon is written @name = entry | entry".into()))?;
                let name = name.trim();
                if name == ID_CLASS {
                    return Err(err(
                        "@id is built in (an account id or handle); it cannot be defined".into(),
                    ));
                }
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    return Err(err(format!("bad lexicon name {name:?}")));
                }
                let entries: Vec<String> = entries
                    .split('|')
                    .flat_map(|e| super::terms::expand_lists(e.trim()))
                    .map(|e| words_of(&e))
                    .filter(|e| !e.is_empty())
                    .collect();
                if entries.is_empty() {
                    return Err(err(format!("lexicon @{name} has no entries")));
                }
                match next.class(name) {
                    Some(c) => next.classes[c].1.extend(entries),
                    None => next.classes.push((name.to_string(), entries)),
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix("quiet ") {
                let (cats, class) = rest
                    .split_once(':')
                    .ok_or_else(|| err("expected `quiet category …: @lexicon`".into()))?;
                let class = class
                    .trim()
                    .strip_prefix('@')
                    .and_then(|n| next.class(n))
                    .ok_or_else(|| {
                        err(format!(
                            "unknown lexicon {:?} (define it before use)",
                            class.trim()
                        ))
                    })?;
                let mut categories = Vec::new();
                for name in cats.split_whitespace() {
                    let c = Category::ALL
                        .into_iter()
                        .find(|c| c.as_str() == name)
                        .ok_or_else(|| err(format!("unknown category {name:?}")))?;
                    categories.push(c);
                }
                next.quiet.push((categories, class));
                continue;
            }
            let (sign, rest) = match line.chars().next() {
                Some('+') => (Some(true), &line[1..]),
                Some('-') => (Some(false), &line[1..]),
                _ => (None, line),
            };
            let (id, body) = rest.split_once(':').ok_or_else(|| {
                err("expected `rule-id: pattern`, `+ rule-id: text` or `@lexicon = …`".into())
            })?;
            let id = id.trim();
            let rule = rules::index_of(id).ok_or_else(|| err(format!("unknown rule id {id:?}")))?;
            if let Some(fires) = sign {
                next.examples.push(Example {
                    rule: RULES[rule].id,
                    fires,
                    // `\n` in an example is a line break (a list item on its own line).
                    text: body.trim().replace("\\n", "\n"),
                });
                continue;
            }
            let mut p = Pattern {
                rule,
                elements: Vec::new(),
                unless_clause: Vec::new(),
                unless_before: Vec::new(),
                sentence: false,
                prohibits: false,
                list: false,
            };
            let mut gap = None;
            for token in body.split_whitespace() {
                if next.class(ID_CLASS).is_none() && body.contains("@id") {
                    next.classes.push((ID_CLASS.to_string(), Vec::new()));
                }
                let class_of = |name: &str| {
                    next.class(name)
                        .ok_or_else(|| err(format!("unknown lexicon @{name} (define it before use)")))
                };
                if token == "%sentence" {
                    p.sentence = true;
                } else if token == "%prohibits" {
                    p.prohibits = true;
                } else if token == "%list" {
                    p.list = true;
                } else if let Some(n) = token.strip_prefix('~') {
                    let n: usize = n.parse().map_err(|_| err(format!("bad gap {token:?}")))?;
                    if n > 60 {
                        return Err(err(format!("gap {token} is larger than 60 characters")));
                    }
                    gap = Some(n);
                } else if let Some(name) = token.strip_prefix("!@") {
                    p.unless_clause.push(class_of(name)?);
                } else if let Some(name) = token.strip_prefix("^@") {
                    p.unless_before.push(class_of(name)?);
                } else if let Some(name) = token.strip_prefix("=@") {
                    p.elements.push(Element {
                        class: class_of(name)?,
                        gap: gap.take().unwrap_or(0),
                        whole: true,
                    });
                } else if let Some(name) = token.strip_prefix('@') {
                    p.elements.push(Element {
                        class: class_of(name)?,
                        gap: gap.take().unwrap_or(0),
                        whole: false,
                    });
                } else {
                    return Err(err(format!(
                        "unexpected {token:?}: a pattern is @lexicon elements with ~N gaps and !@ / ^@ antipatterns"
                    )));
                }
            }
            if p.elements.is_empty() {
                return Err(err("a pattern needs at least one @lexicon".into()));
            }
            if gap.is_some() {
                return Err(err("a gap must stand before an element".into()));
            }
            next.patterns.push(p);
        }
        *self = next;
        Ok(())
    }
}

/// The compiled form: one automaton for every lexicon entry.
#[derive(Debug)]
pub struct PatternMatcher {
    set: PatternSet,
    /// The class number of `@id`, if a pattern uses it.
    id_class: Option<usize>,
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: the classes it belongs to, and whether it is a Latin word.
    entries: Vec<(Vec<usize>, bool)>,
}

impl PatternMatcher {
    pub fn build(set: PatternSet, enabled: impl Fn(usize) -> bool) -> PatternMatcher {
        let mut set = set;
        set.patterns.retain(|p| enabled(p.rule));
        let mut words: Vec<String> = Vec::new();
        let mut entries: Vec<(Vec<usize>, bool)> = Vec::new();
        // An entry in several lexicons is one automaton pattern with several classes; the index makes
        // finding it constant time (a search of the list was quadratic in the lexicons' size, paid on
        // every pack compile).
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (class, (_, list)) in set.classes.iter().enumerate() {
            for w in list {
                match index.get(w.as_str()) {
                    Some(&i) => entries[i].0.push(class),
                    None => {
                        index.insert(w, words.len());
                        let latin = w.bytes().any(|b| b.is_ascii_alphanumeric());
                        words.push(w.clone());
                        entries.push((vec![class], latin));
                    }
                }
            }
        }
        let automaton = (!words.is_empty())
            .then(|| {
                // The default (a contiguous NFA): measured, a DFA took 3.8 MB for no gain here.
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&words)
                    .ok()
            })
            .flatten();
        PatternMatcher {
            id_class: set.class(ID_CLASS),
            set,
            automaton,
            entries,
        }
    }

    pub fn memory_usage(&self) -> usize {
        self.automaton.as_ref().map_or(0, AhoCorasick::memory_usage)
    }

    /// Pushes the pattern hits of one field, and the original byte ranges of the sentences in which
    /// findings of some categories are quiet (see `quiet` in the data file).
    pub fn hits(&self, ft: &FieldText<'_>, out: &mut Vec<Hit>, quiet: &mut Vec<Quiet>) {
        let Some(ac) = &self.automaton else { return };
        // Fields that hold a date or a word from a list carry no sentence to read. The headcount and pay
        // fields are read: writers put promises and recruiting bounties there too (USD 500 per day
        // guaranteed; 不限名额，拉进一人奖励500元: blind batch 37), and they are short.
        use super::finding::Field;
        if matches!(ft.field, Field::ValidUntil | Field::EmploymentType) {
            return;
        }
        let view = &ft.views.light;
        let t = view.text.as_str();
        let bytes = t.as_bytes();
        // Clause and sentence ends, in order: a position's clause is the number of ends before it. A
        // full stop before a space ends an English sentence; a comma inside a number (50,000) ends
        // nothing.
        let (mut clause_ends, mut sentence_ends) = (Vec::new(), Vec::new());
        let mut prev = None;
        // Inside an English list whose commas end no clause (see `in_list`).
        let mut listing = false;
        let mut clause_start = 0;
        let mut chars = t.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            // A title's dot (Mr. Karim, Dr. Li) ends nothing.
            let full_stop = c == '.' && next.is_none_or(char::is_whitespace) && !after_title(&t[..i]);
            let grouping = c == ','
                && prev.is_some_and(|p: char| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            // Only a list that opens its clause (a few words before the first comma): a list inside
            // a longer clause ("covers visa, medical and insurance") would carry its last items'
            // words (insurance, a benefit) back to the clause's start.
            let listed = c == ','
                && prev.is_some_and(|p: char| p.is_ascii_alphabetic())
                && (listing || few_words(&t[clause_start..i]))
                && in_list(&t[i + 1..], listing);
            listing = listed || (listing && !is_clause_end(c) && !full_stop);
            let factors = c == '、' && factor_list(&t[i + c.len_utf8()..]);
            if (is_clause_end(c) && !grouping && !listed && !factors) || full_stop {
                clause_ends.push(i);
                clause_start = i + c.len_utf8();
            }
            if is_sentence_end(c) || full_stop {
                sentence_ends.push(i);
            }
            prev = Some(c);
        }
        let (clause_at, sentence_at) = (Units(clause_ends), Units(sentence_ends));
        // Every lexicon hit, by class, in order of start.
        let mut by_class: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.set.classes.len()];
        for m in ac.find_overlapping_iter(t) {
            let (classes, latin) = &self.entries[m.pattern().as_usize()];
            let r = m.range();
            if *latin {
                let before = r.start.checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(r.end).copied();
                let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
                let (first, last) = (bytes[r.start], bytes[r.end - 1]);
                if (first.is_ascii_alphanumeric() && word(before))
                    || (last.is_ascii_alphanumeric() && word(after))
                {
                    continue;
                }
            }
            for &c in classes {
                by_class[c].push(r.clone());
            }
        }
        if let Some(c) = self.id_class {
            by_class[c] = ids(t);
        }
        // The automaton reports overlapping matches by where they end: order each class by start, so
        // that the searches below can bisect.
        for hits in &mut by_class {
            hits.sort_unstable_by_key(|r| (r.start, r.end));
        }
        for (categories, class) in &self.set.quiet {
            let mut last = None;
            for r in &by_class[*class] {
                let s = sentence_at.at(r.start);
                if last == Some(s) {
                    continue;
                }
                last = Some(s);
                // The sentence's extent, from the same sentence ends the patterns use (a full stop
                // before a space ends an English sentence too).
                let Range { start, end } = sentence_at.extent(s, t);
                if start < end {
                    quiet.push(Quiet {
                        field: ft.field,
                        span: view.orig(start..end),
                        categories: categories.clone(),
                    });
                }
            }
        }
        // Where each element of a candidate match starts (for the negation check): one buffer for
        // the whole field, not an allocation per candidate.
        let mut starts: Vec<usize> = Vec::new();
        for p in &self.set.patterns {
            let rule = RULES[p.rule];
            if !rule.fields.is_empty() && !rule.fields.contains(&ft.field) {
                continue;
            }
            // Most patterns cannot match a given field: one of their lexicons is absent from it.
            if p.elements.iter().any(|e| by_class[e.class].is_empty()) {
                continue;
            }
            let scope = if p.sentence { &sentence_at } else { &clause_at };
            for first in &by_class[p.elements[0].class] {
                if p.elements[0].whole && !whole_clause(t, &clause_at, first) {
                    continue;
                }
                starts.clear();
                starts.push(first.start);
                let Some(span) = extend(t, scope, &clause_at, &by_class, p, first.clone(), &mut starts)
                else {
                    continue;
                };
                let unit = scope.at(span.start);
                // A match that runs through a 、 list (%list) covers every item's clause: its
                // antipatterns are read in all of them (年龄上限、户籍均不限).
                let last = scope.at(span.end);
                let inside = |r: &Range<usize>| scope.at(r.start) == unit && scope.at(r.end) == unit;
                let inside_all = |r: &Range<usize>| {
                    (unit..=last).contains(&scope.at(r.start)) && (unit..=last).contains(&scope.at(r.end))
                };
                // Each lookup bisects to the first hit of the clause (or of the window before the
                // match) and stops at the first that qualifies: never a scan of the whole field.
                let in_unit = |c: usize| {
                    let hits = &by_class[c];
                    let from = hits.partition_point(|r| scope.at(r.start) < unit);
                    hits[from..]
                        .iter()
                        .take_while(|r| scope.at(r.start) <= last)
                        .any(inside_all)
                };
                if p.unless_clause.iter().any(|&c| in_unit(c)) {
                    continue;
                }
                let before_start = back_chars(t, span.start, 8);
                if p.unless_before.iter().any(|&c| {
                    let hits = &by_class[c];
                    let from = hits.partition_point(|r| r.start < before_start);
                    hits[from..]
                        .iter()
                        .take_while(|r| r.start < span.start)
                        .any(|r| r.end <= span.start && inside(r))
                }) {
                    continue;
                }
                // A negation before any element (入职无需缴纳任何押金) makes the whole a statement against it.
                let own = if p.prohibits {
                    &starts[..1.min(starts.len())]
                } else {
                    &starts[..]
                };
                if own.iter().any(|&at| negated(rule.negation, t, at)) {
                    continue;
                }
                out.push(Hit::new(rule, ft.field, view.orig(span), Some(Fix::Remove)));
            }
        }
    }
}

/// A sentence of a field in which findings of some categories are not reported.
#[derive(Debug, Clone)]
pub struct Quiet {
    pub field: super::finding::Field,
    /// Original byte range of the sentence.
    pub span: Range<usize>,
    pub categories: Vec<Category>,
}

/// The id-like tokens of `t` (see [`ID_CLASS`]), in order.
fn ids(t: &str) -> Vec<Range<usize>> {
    let b = t.as_bytes();
    let is_id = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-' | b'@' | b'+');
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !is_id(b[i]) {
            // ⑶⑹⑸… reads (3)(6)(5)… in the light view (NFKC): digits one to a bracket.
            if let Some(end) = paren_digits(b, i) {
                out.push(i..end);
                i = end;
                continue;
            }
            i += 1;
            continue;
        }
        if let Some(end) = spaced_digits(b, i) {
            out.push(i..end);
            i = end;
            continue;
        }
        let start = i;
        while i < b.len() && is_id(b[i]) {
            i += 1;
        }
        let mut end = i;
        while end > start && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        // An id whose digits go on in groups split by single spaces (v❤：yp66 88 99, blind batch 26).
        let mut joined = end - start;
        if end == i && b[end - 1].is_ascii_digit() {
            while b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                if j - i - 1 > 4 || b.get(j).is_some_and(|c| is_id(*c)) {
                    break;
                }
                joined += j - i - 1;
                i = j;
                end = j;
            }
        }
        let tok = &b[start..end];
        let marked = tok.first() == Some(&b'@')
            || tok.iter().any(|c| c.is_ascii_digit() || *c == b'_')
            || dotted_handle(tok);
        if joined >= 5 && marked {
            out.push(start..end);
        }
    }
    out
}

/// Five or more digits, each in its own brackets, from `i`: `(3)(6)(5)(1)(2)` (the NFKC form of
/// ⑶⑹⑸⑴⑵, blind batch 31). Its end, or None.
fn paren_digits(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut n = 0;
    while b.get(j) == Some(&b'(')
        && b.get(j + 1).is_some_and(u8::is_ascii_digit)
        && b.get(j + 2) == Some(&b')')
    {
        j += 3;
        n += 1;
    }
    (n >= 5).then_some(j)
}

/// A number spelled out in groups split by single spaces, from `i` (`8 7 6 5 4 3 2 1 0`, `712 384 905`):
/// one digit a group and five or more digits, or three or more groups of up to four digits and seven or
/// more digits. Its end, or None.
fn spaced_digits(b: &[u8], i: usize) -> Option<usize> {
    let (mut j, mut groups, mut digits, mut widest) = (i, 0, 0, 0);
    loop {
        let start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let width = j - start;
        if width == 0 || width > 4 || b.get(j).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') {
            return None;
        }
        groups += 1;
        digits += width;
        widest = widest.max(width);
        if b.get(j) == Some(&b' ') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 1;
            continue;
        }
        break;
    }
    let ok = (widest == 1 && digits >= 5) || (groups >= 3 && digits >= 7);
    ok.then_some(j)
}

/// `brightpath.recruit`, `coralbay.spa.hr`: words of two or more letters joined by dots, one of
/// them four or more long (`node.js`, `vue.js` and `e.g` are too short).
fn dotted_handle(tok: &[u8]) -> bool {
    let mut parts = tok.split(|c| *c == b'.');
    let mut n = 0;
    let mut longest = 0;
    for p in parts.by_ref() {
        if p.len() < 2 || !p.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        n += 1;
        longest = longest.max(p.len());
    }
    n >= 2
        && longest >= 4
        && !matches!(
            tok.rsplit(|c| *c == b'.').next(),
            Some(b"js" | b"net" | b"py" | b"rs" | b"ts")
        )
}

/// Whether the text after an English comma goes on with the items of the same list ("no religious,
/// regional or age requirement"; "gender, age, and hukou"): a few words (and commas) up to `or`, `and`
/// or `nor`, before any other punctuation. Such a comma ends no clause, so a statement about the whole
/// list ("… requirement", "… are welcome") is read with every item. A comma right before the
/// conjunction continues a list only when one is open (`listing`): ", and we will train you" ends a
/// clause.
fn in_list(after: &str, listing: bool) -> bool {
    let mut words = 0;
    for w in after.split(' ').filter(|w| !w.is_empty()) {
        let word = w.trim_end_matches(',');
        if word.is_empty()
            || !word
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
        {
            return false;
        }
        if matches!(word, "or" | "and" | "nor") {
            return words > 0 || listing;
        }
        words += 1;
        if words > 3 {
            return false;
        }
    }
    false
}

/// Whether a clause so far holds at most three words (a list's first item and what opens it).
fn few_words(clause: &str) -> bool {
    clause.split_whitespace().nth(3).is_none()
}

/// Whether the items after a 、 end in 因素 (factors) before any other clause punctuation:
/// 不考虑宗教信仰、民族、户籍等因素 names what is not weighed, one clause read whole.
fn factor_list(after: &str) -> bool {
    for (i, c) in after.char_indices().take(40) {
        if after[i..].starts_with("因素") {
            return true;
        }
        if is_clause_end(c) && c != '、' {
            return false;
        }
    }
    false
}

/// Sentence punctuation: a match marked %sentence may cross commas but not these.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '！' | '？' | '\n' | ';' | '；')
}

/// The rest of a match that starts with `first`: each next element the nearest hit of its class
/// after the previous one, within its gap and the clause.
fn extend(
    t: &str,
    scope: &Units,
    clause_at: &Units,
    by_class: &[Vec<Range<usize>>],
    p: &Pattern,
    first: Range<usize>,
    starts: &mut Vec<usize>,
) -> Option<Range<usize>> {
    let list = p.list;
    let mut unit = scope.at(first.start);
    let mut span = first;
    for e in &p.elements[1..] {
        let hits = &by_class[e.class];
        let from = hits.partition_point(|r| r.start < span.end);
        // Through a 、 list (%list): every end between here and the hit is a 、.
        let listed = |r: &Range<usize>| {
            list && scope.at(r.start) == scope.at(r.end) && {
                let (a, b) = (scope.at(span.end), scope.at(r.start));
                (a..b).all(|k| scope.0.get(k).is_some_and(|&at| t[at..].starts_with('、')))
            }
        };
        let next = hits[from..].iter().take(64).find(|r| {
            ((scope.at(r.end) == unit && scope.at(r.start) == unit) || listed(r))
                && t[span.end..r.start].chars().take(e.gap + 1).count() <= e.gap
                && (!e.whole || whole_clause(t, clause_at, r))
        })?;
        span.end = next.end;
        unit = scope.at(next.start);
        starts.push(next.start);
    }
    Some(span)
}

/// Clause (or sentence) numbers: the positions of the ends, a position's number the count before it.
struct Units(Vec<usize>);

impl Units {
    fn at(&self, p: usize) -> usize {
        self.0.partition_point(|&e| e < p)
    }

    /// The byte range of unit `n` of `t`, without its end character.
    fn extent(&self, n: usize, t: &str) -> Range<usize> {
        let start = n
            .checked_sub(1)
            .and_then(|k| self.0.get(k))
            .map_or(0, |&e| e + t[e..].chars().next().map_or(1, char::len_utf8));
        let end = self.0.get(n).copied().unwrap_or(t.len());
        start..end.max(start)
    }
}

/// Whether `r` is the whole of its clause, but for separators (spaces, bullets, emoji).
fn whole_clause(t: &str, clause_at: &Units, r: &Range<usize>) -> bool {
    // Bullets and emoji (- ✅ •) around a list item are separators, not words.
    let sep = super::normalize::is_separator;
    let mut head = &t[..r.start];
    // A place named before 本地/本市 is part of the item (苏州本地户口, 乌鲁木齐本地户口: blind batches 80 and
    // 91): one to five Chinese characters right after the clause's start.
    if t[r.start..].starts_with("本地") || t[r.start..].starts_with("本市") {
        let place = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            .take(6)
            .last()
            .map_or(head.len(), |(i, _)| i);
        let count = head[place..].chars().count();
        if (1..=5).contains(&count) {
            head = &head[..place];
        }
    }
    let before = strip_list_number(head.trim_end_matches(sep)).trim_end_matches(sep);
    let after = t[r.end..].trim_start_matches(sep);
    // One item of an enumeration (汉族、回族、维吾尔族等) is not a bare list item.
    if before.ends_with('、') || after.starts_with('、') || after.starts_with('等') {
        return false;
    }
    (before.is_empty()
        || before.ends_with(is_clause_end)
        || clause_at.at(before.len()) != clause_at.at(r.start))
        && (after.is_empty()
            || after.starts_with(is_clause_end)
            // An English full stop ends the item too (Female, aged 18-25, unmarried. Good English): the
            // separators trimmed above include the dot, so look at the text right after the hit.
            || t[r.end..].strip_prefix('.').is_some_and(|a| a.chars().next().is_none_or(char::is_whitespace)))
}

/// Whether `before` ends with a title written with a dot (mr, mrs, ms, dr, prof), as a whole word.
fn after_title(before: &str) -> bool {
    ["mr", "mrs", "ms", "dr", "prof", "st"].iter().any(|w| {
        before.ends_with(w)
            && !before[..before.len() - w.len()].ends_with(|c: char| c.is_ascii_alphanumeric())
    })
}

/// `s` without the number of a list item at its end (`1.`, `2、`, `(3)`, `（四）`, `⑤`): a bare item
/// after its number (要求：\n1. 男) is still the whole of its clause.
fn strip_list_number(s: &str) -> &str {
    let numeral =
        |c: char| c.is_ascii_digit() || ('①'..='⑳').contains(&c) || "一二三四五六七八九十".contains(c);
    if let Some(x) = s.strip_suffix(|c: char| ('①'..='⑳').contains(&c)) {
        return x;
    }
    let Some(x) = s.strip_suffix(['.', '、', ')', '）', '．']) else {
        return s;
    };
    let y = x.trim_end_matches(numeral);
    if y.len() == x.len() || x.len() - y.len() > 6 {
        return s;
    }
    y.strip_suffix(['(', '（']).unwrap_or(y)
}

/// The byte offset `n` characters before `at`.
fn back_chars(t: &str, at: usize, n: usize) -> usize {
    t[..at].char_indices().rev().take(n).last().map_or(at, |(i, _)| i)
}

/// A lexicon entry in the form of the light view the patterns read.
fn words_of(entry: &str) -> String {
    super::normalize::views(entry.trim()).light.text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Checker, Field};

    #[test]
    fn builtin_data_parses() {
        let mut set = PatternSet::default();
        set.add(DATA).unwrap();
        assert!(!set.patterns.is_empty());
    }

    /// Every example of the data file: `+` lines fire their rule, `-` lines do not.
    #[test]
    fn examples_fire_and_stay_clean() {
        let checker = Checker::default_ref();
        let mut full = PatternSet::default();
        full.add(SOURCE).unwrap();
        assert!(full.examples.len() > 50, "the built-in examples did not load");
        assert_eq!(
            full.patterns,
            PatternSet::builtin().patterns,
            "the shipped data holds the source's patterns"
        );
        let mut wrong = Vec::new();
        for e in &full.examples {
            let found = checker.check_field(Field::Description, &e.text, None);
            if found.iter().any(|f| f.rule == e.rule) != e.fires {
                wrong.push(format!(
                    "{} {}: {:?} (found {:?})",
                    if e.fires { "+" } else { "-" },
                    e.rule,
                    e.text,
                    found.iter().map(|f| f.rule).collect::<Vec<_>>()
                ));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} examples wrong:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn ids_go_on_in_spaced_digit_groups() {
        let t = "v: yp66 88 99, room 3 2 beds, hr2024, 群号(3)(6)(5)(1)(2)(8)";
        let got: Vec<&str> = ids(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["yp66 88 99", "hr2024", "(3)(6)(5)(1)(2)(8)"]);
    }

    #[test]
    fn errors_name_the_line() {
        let mut set = PatternSet::default();
        let e = set.add("@a = x\nhype: @a ~4 @b").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("@b"));
        assert!(set.add("nope: @a").is_err());
        assert!(set.add("@a = x\nhype: @a ~99 @a").is_err());
        assert!(set.patterns.is_empty(), "nothing is half-added");
    }
}
