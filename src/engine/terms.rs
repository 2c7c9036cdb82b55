//! Word lists, matched all at once with one Aho-Corasick automaton over the squeezed view.
//!
//! A word-list file has one term a line:
//!
//! ```text
//! # a comment
//! 限男性 => 男女不限        # a replacement the fix offers
//! 押金                      # fix: remove the term
//! 培训费 ?charge            # fires only where the clause charges the job seeker
//! 微信 ?contact             # fires only with an ID after it or 加/联系 before it
//! 押金 ?deposit             # fires unless the employer pays or collecting it is the job's duty
//! {ethnic}族勿扰            # one line for every entry of data/ethnic.txt
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::config::Config;
use super::finding::{Field, Fix};
use super::normalize::{digit_value, is_clause_end, normalize_term};
use super::rule::{FieldText, Hit, Negation};
use super::rules::{self, RULES};

/// When a term counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Always (unless negated or allowed).
    Plain,
    /// Only where the clause charges the job seeker (交/缴/付/收取/元 …) and nothing says the employer pays.
    Charge,
    /// A contact channel name: only with an ID after it, 同号, or an action (加/联系/私聊 …) before it.
    Contact,
    /// A deposit: fires unless the clause says the employer pays or collecting it is the job's duty.
    Deposit,
    /// Something a job may do for others (办理学费分期): fires unless a duty cue (负责, 协助, 为学员 …)
    /// stands just before it in the clause.
    Duty,
}

#[derive(Debug, Clone)]
struct Entry {
    rule: usize,
    ctx: Context,
    fix: Option<Fix>,
}

/// What a pattern of the one automaton is: a rule's term, or an allow phrase (for every rule, or
/// for one).
#[derive(Debug, Clone)]
enum Pattern {
    Term(Entry),
    Allow(Option<usize>),
}

#[derive(Debug)]
pub struct TermMatcher {
    /// Terms and allow phrases together: one pass over the text finds both.
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

const NEGATION: &str = include_str!(concat!(env!("OUT_DIR"), "/data/negation.txt"));
/// The negation cues and product words, split once (they are consulted on every hit).
static NEGATION_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| data_lines(NEGATION).collect());
static CONTACT_PRODUCTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!(concat!(
        env!("OUT_DIR"),
        "/data/contact-products.txt"
    )))
    .collect()
});
const LISTS: &[(&str, &str)] = &[
    (
        "ethnic",
        include_str!(concat!(env!("OUT_DIR"), "/data/ethnic.txt")),
    ),
    (
        "province",
        include_str!(concat!(env!("OUT_DIR"), "/data/province.txt")),
    ),
];
const GLOBAL_ALLOW: &str = include_str!(concat!(env!("OUT_DIR"), "/data/allow.txt"));

/// Lines of a data file without comments and blanks.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// A term with its `{list}` placeholder (`{province}籍`) expanded: one term per entry of the list. A
/// placeholder naming no list expands to nothing. Used by the word lists and the pattern lexicons.
pub fn expand_lists(term: &str) -> Vec<String> {
    let (Some(open), Some(close)) = (term.find('{'), term.find('}')) else {
        return vec![term.to_string()];
    };
    let name = &term[open + 1..close];
    LISTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, list)| {
            data_lines(list)
                .map(|item| format!("{}{}{}", &term[..open], item, &term[close + 1..]))
                .collect()
        })
        .unwrap_or_default()
}

/// Expands `{list}` placeholders and parses `=> replacement` and `?context`.
fn parse_line(line: &str) -> Vec<(String, Context, Option<Fix>)> {
    let (rest, replacement) = match line.split_once("=>") {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (line, None),
    };
    let (term, ctx) = match rest.rsplit_once('?') {
        Some((t, "charge")) => (t.trim(), Context::Charge),
        Some((t, "contact")) => (t.trim(), Context::Contact),
        Some((t, "deposit")) => (t.trim(), Context::Deposit),
        Some((t, "duty")) => (t.trim(), Context::Duty),
        _ => (rest, Context::Plain),
    };
    let fix = match replacement {
        Some("-") => None,
        Some(r) => Some(Fix::Replace(r.to_string())),
        None => Some(Fix::Remove),
    };
    expand_lists(term)
        .into_iter()
        .map(|t| (t, ctx, fix.clone()))
        .collect()
}

fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // The default (a contiguous NFA here, 358 KB). Measured with benches/check.rs: a DFA checks a
    // 2,000-character posting 5 µs faster but takes 10.8 MB of memory and 4x as long to build, too
    // much for a widget on every page.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

impl TermMatcher {
    pub fn build(config: &Config) -> TermMatcher {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for (i, rule) in RULES.iter().enumerate() {
            let settings = &config.rules[i];
            if !settings.enabled {
                continue;
            }
            let listed = rule
                .terms
                .map(|t| data_lines(t).flat_map(parse_line).collect::<Vec<_>>());
            let added = settings
                .add_terms
                .iter()
                .map(|t| (t.clone(), Context::Plain, Some(Fix::Remove)));
            for (term, ctx, fix) in listed.unwrap_or_default().into_iter().chain(added) {
                let norm = normalize_term(&term);
                if norm.is_empty() || settings.remove_terms.contains(&norm) {
                    continue;
                }
                patterns.push(norm);
                entries.push(Entry { rule: i, ctx, fix });
            }
        }
        let mut allow: Vec<(String, Option<usize>)> = data_lines(GLOBAL_ALLOW)
            .chain(config.allow.iter().map(String::as_str))
            .map(|p| (normalize_term(p), None))
            .collect();
        for (i, s) in config.rules.iter().enumerate() {
            allow.extend(s.allow.iter().map(|p| (normalize_term(p), Some(i))));
        }
        let mut kinds: Vec<Pattern> = entries.into_iter().map(Pattern::Term).collect();
        for (phrase, rule) in allow.into_iter().filter(|(p, _)| !p.is_empty()) {
            patterns.push(phrase);
            kinds.push(Pattern::Allow(rule));
        }
        TermMatcher {
            automaton: automaton(&patterns),
            patterns: kinds,
        }
    }

    /// Heap bytes of the compiled automaton.
    pub fn memory_usage(&self) -> usize {
        self.automaton.as_ref().map_or(0, AhoCorasick::memory_usage)
    }

    /// Pushes the word-list hits of one field.
    pub fn hits(&self, ft: &FieldText<'_>, out: &mut Vec<Hit>) {
        let Some(ac) = &self.automaton else { return };
        let sq = &ft.views.squeezed;
        let text = sq.text.as_str();
        let mut terms: Vec<(Range<usize>, &Entry)> = Vec::new();
        let mut allowed: Vec<(Range<usize>, Option<usize>)> = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            match &self.patterns[m.pattern().as_usize()] {
                Pattern::Term(e) => terms.push((m.range(), e)),
                Pattern::Allow(rule) => allowed.push((m.range(), *rule)),
            }
        }
        for (r, e) in terms {
            let rule = &RULES[e.rule];
            if !rule.fields.is_empty() && !rule.fields.contains(&ft.field) {
                continue;
            }
            if allowed
                .iter()
                .any(|(a, ar)| a.start < r.end && r.start < a.end && ar.is_none_or(|x| x == e.rule))
            {
                continue;
            }
            if negated(rule.negation, text, r.start) {
                continue;
            }
            // A first character that ends the word before it is not the term's: 加 in 参加/增加 is not
            // "add me", 保 in 确保录入 is not a promise (保录).
            if ends_another_word(&text[r.clone()], &text[..r.start]) {
                continue;
            }
            // A term that ends in a Latin letter glued, in the original, to a word of four or more
            // letters is that word's beginning (+ quarterly bonus is not +q): an id goes on with
            // digits or `_`.
            if e.ctx == Context::Plain && text[r.clone()].ends_with(|c: char| c.is_ascii_alphabetic()) {
                let after = &ft.text[sq.orig(r.clone()).end..];
                let word = after.bytes().take_while(u8::is_ascii_alphabetic).count();
                let next = after.as_bytes().get(word);
                if word >= 4 && !next.is_some_and(|b| b.is_ascii_digit() || *b == b'_') {
                    continue;
                }
            }
            let end = match e.ctx {
                Context::Plain => Some(r.end),
                Context::Charge => charged(text, r.clone()).then_some(r.end),
                // In a title a deposit word names the job's domain (后端开发工程师（押金与支付）, 押金管理专员:
                // blind batch 38) unless a payment is demanded there too.
                Context::Deposit if ft.field == Field::Title => (near(text, r.clone(), TITLE_CHARGE_CUES)
                    && !employer_pays(text, r.clone()))
                .then_some(r.end),
                Context::Deposit => (!employer_pays(text, r.clone())).then_some(r.end),
                Context::Duty => (!duty(text, r.clone())).then_some(r.end),
                Context::Contact => {
                    // The squeezed view drops spaces, so a Latin name spelled out (on W e C h a t)
                    // touches the word before it there: ask the original text whether a word ends there.
                    let span = sq.orig(r.clone());
                    // A Latin name glued to the letters after it in the original is part of a longer
                    // word (Qualified, QQmusic, lined): not the channel (blind batch 23: "Qualified
                    // lead auditor for ISO 22000" read as Q + an id).
                    let rest = &ft.text[span.end..];
                    let id_word = rest.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("id"))
                        && !rest[2..].starts_with(|c: char| c.is_ascii_alphabetic());
                    if text[r.clone()].ends_with(|c: char| c.is_ascii_alphabetic())
                        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
                        && !id_word
                    {
                        continue;
                    }
                    // Only a name spelled out letter by letter: `packing line` is two words.
                    let spelled = ft.text[span.clone()].contains(|c: char| !c.is_alphanumeric());
                    let word_ends = spelled
                        && ft.text[..span.start]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric());
                    // Its id keeps the `_` the squeezed view drops (on W e C h a t: coffee_lab_sz).
                    // A Latin name followed by ordinary words (Line Maintenance Technician (B1): blind
                    // batch 43) reads as one id in the squeezed view; an id is one token.
                    // After a Chinese name, an id of letters only that is English words (企业微信 IT Support
                    // Engineer: blind batch 80) is the title going on.
                    let latin = text[r.clone()].ends_with(|c: char| c.is_ascii_alphabetic());
                    contact(text, r.clone(), word_ends)
                        .filter(|&end| {
                            let letters = !text[r.end..end].contains(|c: char| c.is_ascii_digit());
                            !((latin || letters) && end > r.end && words_glued(&ft.text[sq.orig(r.end..end)]))
                        })
                        .or_else(|| (word_ends && id_follows(rest)).then_some(r.end))
                }
            };
            if let Some(end) = end {
                out.push(Hit::new(
                    rules::meta(e.rule),
                    ft.field,
                    sq.orig(r.start..end),
                    e.fix.clone(),
                ));
            }
        }
    }
}

/// How many characters around a match the context cues (negations, payers) are looked for in. The
/// clause is cut to this window, so finding it costs the same however long the field is (issue 10:
/// an unbounded scan to the clause boundary made a field without punctuation quadratic).
const CLAUSE_WINDOW: usize = 16;

/// The clause around `r`, at most [`CLAUSE_WINDOW`] characters each side: from the previous clause
/// end to the next.
fn clause(text: &str, r: Range<usize>) -> (&str, &str) {
    let mut start = r.start;
    for (i, c) in text[..r.start].char_indices().rev().take(CLAUSE_WINDOW) {
        if is_clause_end(c) {
            break;
        }
        start = i;
    }
    let mut end = r.end;
    for (i, c) in text[r.end..].char_indices().take(CLAUSE_WINDOW) {
        if is_clause_end(c) {
            break;
        }
        end = r.end + i + c.len_utf8();
    }
    (&text[start..r.start], &text[r.end..end])
}

pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Whether a negation cue (不收取, 请勿, 严禁 …) stands before the match.
pub fn negated(mode: Negation, text: &str, start: usize) -> bool {
    if negated_here(mode, text, start) {
        return true;
    }
    // A bare item of a 、 list shares the cue that governs the list: 不收取任何中介费、押金 (blind batches
    // 9 and 12). Only for clause-wide negation (fees and the like), only when the item is nothing but
    // the match (、押金, not 、需交服装费), and only when the cue governs what follows it in the earlier
    // item (不向阿姨收取任何中介费), not when it ends that item as its predicate (学历不限、男性优先).
    if mode != Negation::Clause {
        return false;
    }
    // A fee joined to an earlier fee by 或/和/及 shares its cue, however long the clause before it:
    // 不向家教老师收取任何介绍费或信息费 (blind batch 49), 不收取中介费、服装费或任何押金, 任何押金或车辆
    // 保证金 (blind batch 50): the conjunction, then at most 任何/其他 and a few characters that demand
    // nothing, then the fee.
    let head = &text[..start];
    let cuts = std::iter::once(head.len()).chain(demand_free_tail(head));
    for cut in cuts {
        let before = ["任何", "其他", "其它", "一切"]
            .iter()
            .find_map(|w| head[..cut].strip_suffix(w))
            .unwrap_or(&head[..cut]);
        let Some(rest) = ["或者", "以及", "或", "和", "及", "与"]
            .iter()
            .find_map(|conj| before.strip_suffix(conj))
        else {
            continue;
        };
        if rest.ends_with(['费', '金']) {
            // The earlier fee may itself be the last item of a 、 list: read it whole (the call
            // moves left, so it ends).
            let prev = rest.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
            if prev < start && negated(mode, text, prev) {
                return true;
            }
        }
        break;
    }
    let mut at = start;
    // The last item may join the match to another noun: 、体检费或押金, 、转盘抽奖或任何博彩玩法 (blind
    // batch 82).
    let (item, _) = clause(text, start..start);
    let joined = ["任何", "其他", "其它", "一切"]
        .iter()
        .find_map(|w| item.strip_suffix(w))
        .unwrap_or(item);
    if item.chars().count() <= 8
        && ["或", "和", "及", "与", "以及", "或者"]
            .iter()
            .any(|w| joined.ends_with(w))
    {
        at = start - item.len();
    }
    for _ in 0..6 {
        // The last item may name what the fee is for (、装备押金: blind batch 49), in a few characters
        // that demand nothing (not 、需交服装费).
        let Some(rest) = std::iter::once(at)
            .chain(demand_free_tail(&text[..at]))
            .find_map(|i| text[..i].strip_suffix('、'))
        else {
            return false;
        };
        let end = rest.len();
        let (item, _) = clause(text, end..end);
        // Weak cues (~不, ~无) count only right before a match: not here.
        let governs = NEGATION_CUES
            .iter()
            .filter(|cue| !cue.starts_with('~'))
            .any(|cue| item.rfind(cue).is_some_and(|i| i + cue.len() < item.len()));
        if governs && negated_here(Negation::Clause16, text, end) {
            return true;
        }
        // The earlier item must itself be bare to look further back (甲、乙、押金).
        if item.chars().count() > 8 {
            return false;
        }
        at = end - item.len();
    }
    false
}

/// Where each of the last (at most three) characters of `s` starts, back from the end, while they are
/// ideographs that demand nothing (装备 in 、装备押金, not 需交 in 、需交服装费): a fee's own noun.
fn demand_free_tail(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .rev()
        .take(3)
        .take_while(|&(_, c)| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !"交缴需须收付扣要先另再".contains(c))
        .map(|(i, _)| i)
}

fn negated_here(mode: Negation, text: &str, start: usize) -> bool {
    let (before, _) = clause(text, start..start);
    let window = match mode {
        Negation::None => return false,
        Negation::Adjacent(n) => last_chars(before, n + 2),
        Negation::Clause => last_chars(before, 12),
        Negation::Clause16 => last_chars(before, 16),
    };
    // A cue written `~无` is weak: it counts only directly before the match (无押金, 不查乙肝), since
    // the character is common elsewhere (无经验可…加微信, 工作不累…男性优先).
    // One pass over the window's characters, looking up the cues that start with each (this runs for
    // every hit: a substring search per cue cost 12% of a whole check).
    let cues = &*CUES_BY_FIRST;
    window.char_indices().any(|(i, c)| {
        let from = cues.partition_point(|g| g.0 < c);
        cues[from..]
            .iter()
            .take_while(|g| g.0 == c)
            .any(|&(_, cue, weak)| {
                if !window[i..].starts_with(cue) || ends_another_word(cue, &window[..i]) {
                    return false;
                }
                let after = &window[i + cue.len()..];
                match mode {
                    // 0押金 is none, but the 0 of 860元 ends a number.
                    _ if weak => {
                        after.is_empty()
                            && !(cue.bytes().all(|b| b.is_ascii_digit())
                                && window[..i]
                                    .ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ','))
                    }
                    Negation::Adjacent(n) => after.chars().count() <= n,
                    _ => true,
                }
            })
    })
}

/// The negation cues as (first character, cue, weak), the `~` of a weak cue removed, sorted by the
/// first character so that the cues starting with one are a run found by bisection.
static CUES_BY_FIRST: LazyLock<Vec<(char, &'static str, bool)>> = LazyLock::new(|| {
    let mut cues: Vec<(char, &'static str, bool)> = NEGATION_CUES
        .iter()
        .map(|cue| cue.strip_prefix('~').map_or((*cue, false), |c| (c, true)))
        .filter_map(|(cue, weak)| Some((cue.chars().next()?, cue, weak)))
        .collect();
    cues.sort_unstable();
    cues
});

/// The cues that a title demands the deposit (入职交押金200元), not that the job handles payments (押金与支付).
const TITLE_CHARGE_CUES: &[&str] = &["交", "缴", "收取", "元", "块", "需", "须", "自理", "自费", "扣"];
const CHARGE_CUES: &[&str] = &[
    "交", "缴", "付", "收取", "收", "扣", "自理", "自费", "自付", "元", "块", "需", "要", "先",
];
/// Cues that the employer pays, or that collecting the fee is the job's duty (负责收取物业费).
const EMPLOYER_PAYS: &[&str] = &[
    // The money is the company's own (以上保证金均为公司资金: blind batch 80).
    "公司资金",
    "企业资金",
    "单位资金",
    "负责",
    "协助",
    "代收",
    "核对",
    "退还给",
    "公司承担",
    "单位承担",
    "企业承担",
    "公司负责",
    "单位负责",
    "报销",
    "公司出",
    "公司支付",
    "由公司",
    "免费",
    "公司包",
    "全包",
    "承担",
    // Other people's money that the job handles (登记租客缴纳的房屋押金, 办理投标保证金): blind batch 3.
    "登记",
    "租客",
    "房客",
    "业主",
    "顾客",
    "客人",
    "住客",
    "宾客",
    "客户",
    "投标",
    "履约",
    "保函",
    "审核",
    "结算",
    "退押",
    // A hotel's front desk takes guests' room money and deposits (收取房费及住宿押金, 钥匙押金退房时退还):
    // blind batch 64.
    "房费",
    "退房",
    // A car-rental desk takes and returns customers' deposits (收取车辆押金和违章押金，还车后退还):
    // blind batch 65.
    "还车",
    "取车",
    "租车",
    // A school's cashier collects students' fees (收取学生学费): blind batch 66.
    "收取学生",
    "学生学费",
    // A hotel desk's card pre-authorisations and settling bills (处理押金预授权与结账): blind batch 73.
    "预授权",
    "结账",
    // The job takes and returns customers' deposits (押金的收取与退还): blind batch 12; a bank's safe
    // deposit boxes (办理保管箱押金收退): blind batch 17.
    "的收取",
    "收取与退还",
    "收退",
    "保管箱",
    // The job keeps the books of other people's money (管理供应商保证金台账): blind batch 9.
    "管理",
    // Banking and collecting for the company (办理承兑汇票保证金, 代公司收取, 交回公司财务): blind batch 10.
    // Not 办理 itself: 办理工牌需交资料费 charges the seeker.
    "承兑",
    "汇票",
    "支取",
    "代公司",
    "代为",
    "交回",
    "上交",
    "台账",
    "对账",
    // Moving out and inspecting the flat (办理退租验房和押金退还): a letting agent's tenants (blind batch 35).
    "退租",
    "退房",
    "验房",
];

fn near(text: &str, r: Range<usize>, cues: &[&str]) -> bool {
    let (before, after) = clause(text, r);
    let (before, after) = (last_chars(before, 8), first_chars(after, 8));
    cues.iter().any(|c| before.contains(c) || after.contains(c))
}

/// People other than the job seeker whose money a job may handle (宾客的押金, 向货主收取, 学员的培训费).
const THIRD_PARTY: &[&str] = &[
    // Blind batch 28: a transit-card office refunds the deposits of 市民.
    "市民",
    "持卡人",
    "读者",
    "消费者",
    "病人",
    "家属",
    "宾客",
    "客户",
    "顾客",
    "客人",
    "租客",
    "房客",
    "住客",
    "货主",
    "业主",
    "会员",
    "学员",
    "买家",
    "住户",
    "居民",
    "患者",
    "家长",
    "乘客",
    "车主",
    "投保人",
    "借款人",
    "商户",
    "商家",
    "供应商",
    "游客",
    "旅客",
    "用户",
    "租户",
    "承租人",
    "宠物主人",
    "主人",
    "房东",
    "团员",
    "储户",
    "供货商",
    "承包商",
    "分包商",
];
/// Cues that the money is the job seeker's own (入职交押金, 报到当天需交).
const SEEKER: &[&str] = &[
    "入职",
    "报到",
    "上岗",
    "应聘",
    "求职者",
    "面试",
    "录用",
    "新人",
    "本人",
    "自己",
    "你",
    "您",
    "员工需",
    "员工须",
];

/// Whether the employer pays, collecting the money is the job's duty, or the money belongs to someone
/// the job serves (a third party named earlier in the sentence, and no cue that it is the seeker's).
fn employer_pays(text: &str, r: Range<usize>) -> bool {
    // 办理押金退还 / 受理保证金: the money is the object of the job's work (but 办理工牌需交资料费 is not).
    let before = text[..r.start].trim_end();
    // 工资保证金 (农民工工资保证金: blind batch 90) is the wage guarantee an employer deposits with the
    // labour bureau.
    if ["办理", "受理", "核收", "代收", "工资"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return true;
    }
    if near(text, r.clone(), EMPLOYER_PAYS) {
        return true;
    }
    // The money as a system or a line of business (熟悉保证金制度, 保证金账户, 押金管理办法): a subject of the
    // work, not a demand (blind batches 71 and 74).
    // Its collection and its books (学费收缴, 保证金台账: blind batches 79 and 80) and its oversight
    // (保证金监控中心, 客户保证金专户: blind batch 88) and its software (押金与免押模块: blind batch 99)
    // are work too.
    if [
        "制度",
        "规则",
        "管理办法",
        "比例",
        "账户",
        "业务",
        "收缴",
        "催缴",
        "对账",
        "台账",
        "核算",
        "监控",
        "专户",
        "模块",
        "系统",
        "功能",
        "与免押",
    ]
    .iter()
    .any(|w| text[r.end..].starts_with(w))
    {
        return true;
    }
    // Paid by someone named right after it (学费由家长向机构缴纳: blind batch 35).
    if let Some(payer) = text[r.end..].strip_prefix('由') {
        if THIRD_PARTY.iter().any(|p| payer.starts_with(p)) {
            return true;
        }
    }
    // 收取和退还租车押金、违章押金: the job takes in and pays back other people's money (the verb pair
    // governs the fee across a short modifier and a 、 list), unless the job seeker pays in between.
    let window = back_to(text, r.start, 12, &['。', '；', ';', '\n', '，', ',']);
    if TAKE_AND_RETURN.iter().any(|w| window.contains(w))
        && !["交", "缴", "付"].iter().any(|p| window.contains(p))
    {
        return true;
    }
    let sentence = back_to(text, r.start, 40, &['。', ';', '；', '\n', '!', '?']);
    THIRD_PARTY.iter().any(|p| sentence.contains(p)) && !near(text, r, SEEKER)
}

/// The text before byte `at`: at most `n` characters, and never back past one of `stops`.
fn back_to<'t>(text: &'t str, at: usize, n: usize, stops: &[char]) -> &'t str {
    let from = text[..at]
        .char_indices()
        .rev()
        .take(n)
        .take_while(|(_, c)| !stops.contains(c))
        .last()
        .map_or(at, |(i, _)| i);
    &text[from..at]
}

/// Taking money in and paying it back: the handler's work, never the payer's.
const TAKE_AND_RETURN: &[&str] = &[
    "收取和退还",
    "收取及退还",
    "收取与退还",
    "收取、退还",
    "收退",
    "收、退",
    "收取并退还",
];

/// Cues that what follows is a service the job performs for others (协助其办理学费分期).
const DUTY: &[&str] = &[
    "为顾客",
    "负责",
    "协助",
    "帮助",
    "为学员",
    "为客户",
    "为学生",
    // Guiding customers through payment (引导学员在前台刷卡缴纳学费): blind batch 64.
    "引导学员",
    "帮学员",
    "协助学员",
    "受理",
    "审核",
    "指导",
];

fn duty(text: &str, r: Range<usize>) -> bool {
    // 16 characters of the sentence before it: a duty reaches across its object (协助顾客按正规金融机构流程
    // 办理分期购机: blind batch 79) and across a comma (为顾客介绍产品，办理分期付款: blind batch 81).
    let head = &text[..r.start];
    let sentence = head
        .rfind(['。', '；', ';', '\n', '！', '？', '!', '?'])
        .map_or(head, |i| &head[i..]);
    let before = last_chars(sentence, 16);
    DUTY.iter().any(|c| before.contains(c))
}

fn charged(text: &str, r: Range<usize>) -> bool {
    near(text, r.clone(), CHARGE_CUES) && !employer_pays(text, r)
}

const ACTIONS: &[&str] = &[
    "加",
    "添加",
    "加我",
    "加个",
    "联系",
    "联系我",
    "私",
    "私聊",
    "私信",
    "搜",
    "搜索",
    "扫",
    "扫描",
    "咨询",
    "联络",
    "+",
    "找我",
    "详询",
    "留",
    "发",
    "请加",
    "戳",
    "滴",
    "call",
    // Joining or following: 扫码进Q群, 进微信群报名, 加入QQ群, 扫码关注公众号 (blind batches 60 and 62).
    "进",
    "加入",
    "关注",
];
/// Characters before 加 that make it part of another word (参加, 增加 …).
const NOT_ADD: &[char] = &[
    '参', '增', '追', '附', '施', '更', '外', '叠', '添', '再', '累', '强',
];
/// Characters before 保 that make it the end of another word (确保, 担保, 投保, 参保, 环保, 质保 …): 质保录入 is
/// warranty data entry, not 保录 (blind batch 94).
const NOT_BAO: &[char] = &[
    '确', '担', '投', '参', '环', '医', '社', '劳', '维', '承', '留', '安', '财', '质',
];
/// Characters before 发 that make it part of another word (开发, 研发, 批发 …): 开发LINE官方账号 is building
/// for LINE, not sending to it (blind batch 46).
const NOT_FA: &[char] = &[
    '开', '研', '批', '出', '分', '收', '散', '派', '下', '颁', '签', '启', '激', '引', '爆', '首', '沙',
    '头', '理', '突', '揭', '告', '蒸', '挥', '代', '印', '奋', '自', '并', '触',
];
/// Characters before 进 that make it the end of another word (跟进, 推进, 引进 …): 跟进微信群客户咨询 is a duty.
const NOT_JIN: &[char] = &[
    '跟', '推', '促', '改', '引', '先', '增', '精', '前', '演', '激', '挺', '并', '行', '上', '长', '新',
    '迈', '奋', '突', '买', '转', '后', '冲', '渐', '跃', '递',
];
/// 提 before 高 makes 提高 (raise): 提高薪资档位 is a pay review, not 高薪 (blind batches 56 and 57).
const NOT_GAO: &[char] = &['提'];
/// Characters before 别 that make it the end of another word (识别, 性别, 区别 …), not "don't": 长按识别图中
/// 二维码添加店长微信 is no negation (blind batch 51).
const NOT_BIE: &[char] = &[
    '识', '区', '分', '告', '特', '级', '类', '性', '个', '派', '差', '辨', '鉴', '判',
];
/// Characters before 刷 that make it the end of a brush's name (牙刷, 毛刷, 鞋刷 …) or of another word (印刷,
/// 粉刷): 电动牙刷单品运营 sells toothbrushes, it farms no clicks (blind batch 78).
const NOT_SHUA: &[char] = &[
    '牙', '毛', '鞋', '板', '滚', '油', '笔', '桶', '粉', '印', '洗', '漆', '排', '发', '涂', '钢', '棕',
];
/// A word's first character, and the characters before it that make it the end of another word. Read
/// for terms, negation cues and one-character actions alike.
const ENDS_WORD_BEFORE: &[(char, &[char])] = &[
    ('加', NOT_ADD),
    ('进', NOT_JIN),
    ('保', NOT_BAO),
    ('发', NOT_FA),
    ('高', NOT_GAO),
    ('别', NOT_BIE),
    ('刷', NOT_SHUA),
];

/// Whether `word` (a term or a cue found right after `before`) starts with a character that here ends
/// the word before it (参加, 确保, 开发, 提高, 识别).
fn ends_another_word(word: &str, before: &str) -> bool {
    ENDS_WORD_BEFORE
        .iter()
        .any(|(first, not)| word.starts_with(*first) && before.ends_with(*not))
}
const ID_LEADS: &[&str] = &["号码", "群号", "号", "群", "是", "为", "id", "账号"];
/// Actions written after the channel name, before its ID (飞机联系, 纸飞机搜索, 加赖详谈).
const AFTER_ACTIONS: &[&str] = &[
    "联系", "咨询", "私聊", "详聊", "详谈", "沟通", "搜索", "搜", "添加", "问", "找我", "找", "私信",
];

/// Whether an account id follows in the original text: after at most four spaces or colons, a token of
/// letters, digits, `_`, `.` or `-`, five or more long, with a digit or an `_` in it.
fn id_follows(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', ':', '：', '\u{3000}']);
    if after.len() - rest.len() > 6 {
        return false;
    }
    let tok: &str = rest
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
        .next()
        .unwrap_or("");
    tok.len() >= 5 && tok.contains(|c: char| c.is_ascii_digit() || c == '_')
}

/// Where a contact solicitation that starts with a channel name at `r` ends, or None if the channel is
/// only mentioned (微信小程序开发, 熟悉QQ, 请勿添加微信).
/// Whether an id read in the squeezed view was, in the original, an English word of four letters or
/// more followed by another word: words, not an id (an id split by spaces goes on with digits:
/// sara 8866 21).
fn words_glued(orig: &str) -> bool {
    let tokens: Vec<&str> = orig.split_whitespace().collect();
    tokens.windows(2).any(|w| {
        w[0].len() >= 4
            && w[0].bytes().all(|b| b.is_ascii_alphabetic())
            && w[1].starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

fn contact(text: &str, r: Range<usize>, word_ends: bool) -> Option<usize> {
    let term = &text[r.clone()];
    let before = &text[..r.start];
    let after = &text[r.end..];
    // A Latin name inside a token of letters or digits (the Q of 92321322MA1Q8R4T6J, a credit code:
    // blind batch 84) is not the channel.
    if term.starts_with(|c: char| c.is_ascii_alphabetic())
        && before.ends_with(|c: char| c.is_ascii_alphanumeric())
        && !word_ends
    {
        return None;
    }
    if CONTACT_PRODUCTS.iter().any(|p| after.starts_with(p)) {
        return None;
    }
    // An ID after the channel name: QQ numbers, WeChat IDs, Telegram handles.
    // 飞机联系@id, 企鹅群问:陆柒捌…, 纸飞机搜索@id: an action may stand between the channel and its ID.
    let strip_lead = |rest: &'_ str| -> usize {
        ID_LEADS
            .iter()
            .find(|l| rest.starts_with(**l))
            .map_or(0, |l| l.len())
    };
    let mut rest = &after[strip_lead(after)..];
    if let Some(a) = AFTER_ACTIONS.iter().find(|a| rest.starts_with(**a)) {
        rest = &rest[a.len()..];
        rest = &rest[strip_lead(rest)..];
    }
    rest = rest.trim_start_matches(['@', '+']);
    let mut digits = 0;
    let mut alnum = 0;
    let mut len = 0;
    for c in rest.chars() {
        if digit_value(c).is_some() {
            digits += 1;
        } else if c.is_ascii_alphabetic() {
            alnum += 1;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    let id_start = text.len() - rest.len();
    // A CJK channel name (微信, 扣扣) may be followed by an all-letter ID; a Latin one (qq, vx) may not,
    // since the letters could be part of the word itself.
    let latin_term = term.ends_with(|c: char| c.is_ascii_alphanumeric());
    if digits >= 5 || (digits >= 1 && digits + alnum >= 6) || (!latin_term && alnum >= 6) {
        return Some(id_start + len);
    }
    if let Some(s) = after.strip_prefix("同号").or_else(|| after.strip_prefix("同步")) {
        return Some(text.len() - s.len());
    }
    // An action right before it: 加微信, 加我QQ, 联系飞机.
    let action = ACTIONS.iter().any(|a| {
        before.ends_with(a)
            && !ENDS_WORD_BEFORE.iter().any(|(first, not)| {
                a.chars().eq(std::iter::once(*first)) && before[..before.len() - a.len()].ends_with(*not)
            })
    });
    action.then_some(r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines() {
        let v = parse_line("限男性 => 男女不限");
        assert_eq!(
            v,
            vec![(
                "限男性".to_string(),
                Context::Plain,
                Some(Fix::Replace("男女不限".into()))
            )]
        );
        assert_eq!(parse_line("培训费 ?charge")[0].1, Context::Charge);
        assert_eq!(parse_line("微信 ?contact")[0].1, Context::Contact);
        assert!(parse_line("{ethnic}族勿扰").len() >= 50);
        assert_eq!(parse_line("x => -")[0].2, None);
    }

    #[test]
    fn contact_needs_an_id_or_an_action() {
        let t = "微信abc12345";
        assert_eq!(contact(t, 0..6, false), Some(t.len()));
        assert_eq!(contact("微信小程序开发", 0..6, false), None);
        assert_eq!(contact("加微信", 3..9, false), Some(9));
        assert_eq!(contact("参加微信", 6..12, false), None);
        assert_eq!(contact("熟悉微信,qq", 6..12, false), None);
        assert_eq!(contact("发line", 3..7, false), Some(7));
        assert_eq!(contact("开发line官方账号", 6..10, false), None);
    }

    #[test]
    fn negation_windows() {
        assert!(negated(
            Negation::Clause,
            "严禁向求职者收取押金",
            "严禁向求职者收取".len()
        ));
        assert!(!negated(Negation::Clause, "不包住,押金", "不包住,".len()));
        // Blind batch 49: a fee joined by 或 far from its cue; a list item naming what the deposit is for.
        let t = "本中心不向家教老师收取任何介绍费或信息费";
        assert!(negated(Negation::Clause, t, t.find("信息费").unwrap()));
        let t = "平台不承诺保底收入,也不收取任何注册费、装备押金";
        assert!(negated(Negation::Clause, t, t.find("押金").unwrap()));
        let t = "公司不收取中介费、服装费或任何押金";
        assert!(negated(Negation::Clause, t, t.find("押金").unwrap()));
        let t = "公司不收取教练员任何押金或车辆保证金";
        assert!(negated(Negation::Clause, t, t.find("保证金").unwrap()));
        let t = "长按识别图中二维码添加店长微信";
        assert!(!negated(Negation::Clause, t, t.find("微信").unwrap()));
        let t = "别私下加微信";
        assert!(negated(Negation::Clause, t, t.find("微信").unwrap()));
        let t = "不收取注册费、需交服装押金";
        assert!(!negated(Negation::Clause, t, t.find("押金").unwrap()));
        assert!(negated(Negation::Adjacent(2), "不限男", "不限".len()));
        assert!(!negated(
            Negation::Adjacent(2),
            "工作不累也要男性优先",
            "工作不累也要".len()
        ));
    }

    // Blind batches 9, 10 and 12, and what the list rule must not swallow.
    #[test]
    fn a_bare_list_item_shares_the_cue_that_governs_the_list() {
        let at = |t: &str, w: &str| negated(Negation::Clause, t, t.rfind(w).unwrap());
        assert!(at("公司不向阿姨收取任何中介费、押金", "押金"));
        assert!(at("公司不向劳务人员收取任何服务费、押金；护照自行保管", "押金"));
        assert!(at("不收取报名费、体检费、押金", "押金"));
        assert!(at("我司不向求职者收取任何中介费、体检费或押金", "押金"));
        // Blind batch 61: a business denied, through a list (不经营、不合作任何形式的彩票、竞猜或博彩业务).
        assert!(at("公司不经营、不合作任何形式的彩票、竞猜或博彩业务", "博彩"));
        // Blind batch 82: a game without gambling, the last item joined by 或任何.
        assert!(at("我们的游戏不含抽卡、开箱、转盘抽奖或任何博彩玩法", "博彩"));
        assert!(at("咱家不整押金、服装费那一套", "服装费"));
        // The cue ends its own item (学历不限), the item is more than the match (需交服装费), or the
        // negation is adjacent-only: not shared.
        assert!(!at("学历不限、押金300元", "押金"));
        assert!(!at("不收押金、需交服装费100元", "服装费"));
        let t = "学历不限、男性优先";
        assert!(!negated(Negation::Adjacent(2), t, t.find("男性").unwrap()));
    }
}
