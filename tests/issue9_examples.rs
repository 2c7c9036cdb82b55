//! The made-up examples of issue 9 ("Rules that hold on postings nobody here wrote"): every ground it
//! names is found, every false accusation it names stays clean. They are caught by word classes and
//! patterns (src/engine/data/patterns.txt), not by one entry per example.
#![allow(clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use jobseal::engine::{Checker, Date, Field, Posting};

fn rules_in(field: Field, text: &str) -> Vec<&'static str> {
    Checker::default_ref()
        .check_field(field, text, Date::parse("2026-11-28"))
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn every_ground_of_the_issue_is_found() {
    let cases: &[(&str, &str)] = &[
        ("health-discrimination", "HBsAg阳性者恕不录用"),
        ("health-discrimination", "艾滋病病毒感染者不予录用"),
        ("disability-discrimination", "残障人士请勿投递"),
        ("religion-restriction", "信教者不予录用"),
        ("religion-restriction", "穆斯林免谈"),
        ("region-restriction", "外省户籍者免谈"),
        ("region-restriction", "仅限本市户口"),
        ("marital-status-requirement", "已育者优先"),
        ("gender-restriction", "要求：男，已婚"),
        ("marital-status-requirement", "要求：男，已婚"),
        ("age-restriction", "年龄须在三十二周岁以内"),
        ("age-restriction", "年龄在二十五至四十之间"),
        ("age-restriction", "不超过四十五岁"),
        ("age-restriction", "90后优先"),
        ("age-restriction", "限00后"),
        ("phone-number", "电话一三九一二三四五六七八"),
        ("phone-number", "电话139五五六七八八九九"),
        ("phone-number", "电话1️⃣5️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣"),
        ("phone-number", "电话⑴⑶⑼⑴⑵⑶⑷⑸⑹⑺⑻"),
        ("fee-charged", "入职交押金五百元"),
        ("wechat-contact", "加weixin：abc12345"),
        ("wechat-contact", "wei xin hr2026a"),
        ("wechat-contact", "wx号 hr8899"),
        ("wechat-contact", "ＶＸ：ｈｒ＿８８"),
        ("url-link", "详见 jobs点com"),
        ("url-link", "官网 abc dot cn"),
        ("qr-code", "扫码加入求职群"),
        ("click-farming", "给短视频点赞关注赚佣金"),
        ("training-loan", "学费可申请分期，由第三方机构先行垫付"),
        ("gender-restriction", "Men only."),
        ("gender-restriction", "Ladies under 27 preferred."),
        ("age-restriction", "Ladies under 27 preferred."),
        ("age-restriction", "Aged 25-35."),
        ("religion-restriction", "Buddhists preferred."),
        ("marital-status-requirement", "- Unmarried"),
        ("health-discrimination", "No hepatitis B carriers."),
        ("fee-charged", "New staff pay a uniform fee of 300 yuan."),
        ("messenger-contact", "Add me on WhatsApp: hr_lily88"),
        ("phone-number", "Add me on WhatsApp +86 138 1234 5678"),
        ("email-address", "Email your CV to hr@example-jobs.cn"),
    ];
    let mut missed = Vec::new();
    for (rule, text) in cases {
        let found = rules_in(Field::Requirements, text);
        if !found.contains(rule) {
            missed.push(format!("{rule}: {text:?} (found {found:?})"));
        }
    }
    let p = Posting::from_json(r#"{"salary":"时薪9元","employment_type":"兼职"}"#).unwrap();
    if !Checker::default_ref()
        .check(&p, None)
        .iter()
        .any(|f| f.rule == "salary-below-minimum-wage")
    {
        missed.push("salary-below-minimum-wage: 时薪9元".into());
    }
    assert!(
        missed.is_empty(),
        "{} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn every_false_accusation_of_the_issue_stays_clean() {
    let cases = [
        "负责房屋押金的登记和退还",
        "办理履约保证金手续",
        "收银、代收水电费",
        "审核商家是否存在刷单行为",
        "开展反赌反诈宣传",
        "配合公安打击传销",
        "任何人以本公司名义让您加微信、交钱，都是骗局，请立即举报",
        "陪护八十岁以上的独居老人",
        "四至六岁儿童美术启蒙",
        "为乙肝患者提供随访",
        "Any gender, regardless of age; no fees are charged.",
    ];
    let mut flagged = Vec::new();
    for text in cases {
        // The snippets are short: the rule that judges a whole description's length does not apply.
        let found: Vec<_> = rules_in(Field::Description, text)
            .into_iter()
            .filter(|r| *r != "field-too-short")
            .collect();
        if !found.is_empty() {
            flagged.push(format!("{text:?}: {found:?}"));
        }
    }
    assert!(
        flagged.is_empty(),
        "{} flagged:\n{}",
        flagged.len(),
        flagged.join("\n")
    );
}
