//! # `title-extra-content`
//!
//! ## What it does
//! Flags a job title that carries more than the job's name: pay (8000元, 15K), emoji walls (two or more
//! in a row: 🔥💰, 🎉🎉), attention signs even alone (🔥, 💰, 👉, 📞, ✅, ❗), and runs of exclamation
//! marks. One decorative emoji that names the trade or the mood (☕️咖啡师, 新店开业✨) is left alone:
//! three writers of blind batches out of four used one in a lawful title. Contact details and hype in a title are flagged by their own
//! rules.
//!
//! ## Why is this bad
//! The circular asks platforms to standardise the format of postings; a title stuffed with pay and
//! emoji pushes honest postings down and is a mark of diversion postings.
//!
//! ## Example
//! ```text
//! 🔥急招普工 月薪8000！！！
//! ```
//!
//! ## Use instead
//! ```text
//! 普工
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::engine::normalize::digit_value;
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Field, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "title-extra-content",
    category: Category::Format,
    severity: Severity::Warning,
    message: (
        "职位名称只应包含职位名称，薪资、表情符号等请写在对应栏目。",
        "The title should hold only the job title; put pay and the rest in their own fields.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Title],
};

static PAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:月薪|年薪|日薪|时薪|底薪|薪资)?[0-9]+(?:\.[0-9]+)?[\x20\t\u{3000}]*(?:(?:-|~|至)[\x20\t\u{3000}]*[0-9]+(?:\.[0-9]+)?)?[\x20\t\u{3000}]*(?:k|千|万|w|元|块)(?:[\x20\t\u{3000}]*/[\x20\t\u{3000}]*(?:月|天|日|时|小时|年))?|(?:月薪|年薪|日薪|时薪|底薪)[\x20\t\u{3000}]*[0-9]+")
        .expect("title pay pattern compiles")
});
static BANG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[!！]{2,}").expect("bang pattern compiles"));

fn is_pictograph(c: char) -> bool {
    digit_value(c).is_none()
        && matches!(c, '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}' | '\u{200D}')
}

/// Joiners and modifiers that belong to the emoji before them: a variation selector, the zero-width
/// joiner, skin tones.
fn is_emoji_part(c: char) -> bool {
    matches!(c, '\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}')
}

/// Signs that shout, point or promise money: flagged even alone.
fn is_attention(c: char) -> bool {
    matches!(
        c,
        '🔥' | '💰'
            | '💵'
            | '💴'
            | '💶'
            | '💷'
            | '💸'
            | '🤑'
            | '💲'
            | '❗'
            | '❕'
            | '❓'
            | '⚡'
            | '📣'
            | '📢'
            | '🎉'
            | '🎊'
            | '🧧'
            | '👉'
            | '👈'
            | '👇'
            | '👆'
            | '☎'
            | '📞'
            | '📱'
            | '📲'
            | '✅'
            | '☑'
            | '✔'
            | '⭐'
            | '🌟'
            | '💥'
            | '🆕'
            | '🆓'
            | '🔝'
            | '💯'
            | '🚀'
            | '🏆'
            | '🥇'
            | '🈶'
            | '🉐'
            | '🈵'
            | '㊙'
            | '🔴'
            | '⚠'
            | '⛔'
            | '💎'
            | '👑'
            | '📈'
            | '💪'
            | '👍'
    )
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(ft) = cx.field(Field::Title) else { return };
    let light = &ft.views.light;
    // Pay needs a digit and a run of bangs a '!': skip each pattern on titles without one.
    let t = light.text.as_str();
    let patterns = [
        (&*PAY, t.bytes().any(|b| b.is_ascii_digit())),
        (&*BANG, t.contains('!')),
    ];
    for re in patterns.into_iter().filter_map(|(re, may)| may.then_some(re)) {
        for m in re.find_iter(t) {
            // A unit letter that starts a longer word is not pay: 35kV, 10kW, 5km (blind batch 37).
            if m.as_str().ends_with(['k', 'w']) && t[m.end()..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                continue;
            }
            out.push(Hit::new(
                &RULE,
                Field::Title,
                light.orig(m.range()),
                Some(Fix::Remove),
            ));
        }
    }
    // Runs of pictographs (🔥💰, ❤️), on the original text: two or more emoji in a row (a joined
    // sequence such as 👩‍🍳 counts once), or any attention sign.
    let mut run: Option<(usize, usize)> = None;
    let (mut emoji, mut loud, mut joined) = (0usize, false, false);
    for (i, c) in ft
        .text
        .char_indices()
        .chain(std::iter::once((ft.text.len(), ' ')))
    {
        if i < ft.text.len() && is_pictograph(c) {
            run = Some((run.map_or(i, |r| r.0), i + c.len_utf8()));
            if c == '\u{200D}' {
                joined = true;
            } else if !is_emoji_part(c) {
                if !std::mem::take(&mut joined) {
                    emoji += 1;
                }
                loud |= is_attention(c);
            }
        } else if let Some((s, e)) = run.take() {
            if emoji >= 2 || loud {
                out.push(Hit::new(&RULE, Field::Title, s..e, Some(Fix::Remove)));
            }
            (emoji, loud, joined) = (0, false, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::testing::*;
    use crate::engine::Field;

    const ID: &str = "title-extra-content";

    #[test]
    fn fires_on_examples() {
        fires_in(ID, Field::Title, "普工 月薪8000");
        fires_in(ID, Field::Title, "销售代表15-25K");
        fires_in(ID, Field::Title, "🔥急招普工");
        fires_in(ID, Field::Title, "普工！！！");
        assert_eq!(span_texts(ID, Field::Title, "🔥💰普工"), ["🔥💰"]);
        fires_in(ID, Field::Title, "🎉🎉店员招聘");
        fires_in(ID, Field::Title, "👉急招司机");
        fires_in(ID, Field::Title, "招聘客服✅");
    }

    #[test]
    fn near_misses_stay_clean() {
        clean_in(ID, Field::Title, "Java开发工程师");
        clean_in(ID, Field::Title, "3D建模师");
        clean_in(ID, Field::Title, "5G网络优化工程师");
        clean_in(ID, Field::Title, "C++软件工程师（2025届校招）");
        clean_in(ID, Field::Title, "K12数学教师");
        clean_in(ID, Field::Title, "35kV变电运维电工");
        clean_in(ID, Field::Title, "10kW光伏系统设计");
        clean_in(ID, Field::Title, "☕️咖啡师招募 | 新店开业✨");
        clean_in(ID, Field::Title, "🥐烘焙学徒");
        clean_in(ID, Field::Title, "👩‍🍳厨师助理");
    }

    #[test]
    fn fix_clears_the_finding() {
        fix_clears_in(ID, Field::Title, "🔥普工");
    }
}
