//! # `employer-mismatch`
//!
//! ## What it does
//! When the posting is published from a certified account (the caller passes the account it verified),
//! flags an `employer` that is not the account's certified name. Names are compared after folding
//! full-width forms, spaces, traditional characters, bracketed parts and the legal-form suffix
//! (有限公司 / 有限责任公司 / 股份有限公司). An HR agency's account may post for a client employer, but
//! the posting must say it recruits on the client's behalf (受…委托, 代招, 委托招聘, on behalf of); a
//! public employment service posts for many employers and is not checked.
//!
//! ## Why is this bad
//! The circular requires that the account match the employer it recruits for; a posting in another
//! company's name from a certified account borrows that certification.
//!
//! ## Example
//! ```text
//! (account: 苏州明澜电子科技有限公司) employer: 深圳某某科技有限公司
//! ```
//!
//! ## Use instead
//! ```text
//! employer: 苏州明澜电子科技有限公司
//! ```

use crate::engine::account::{name_key, AccountKind};
use crate::engine::rule::{basis, Ctx, Hit, Negation, RuleMeta};
use crate::engine::{Category, Field, Fix, Severity};

pub static RULE: RuleMeta = RuleMeta {
    id: "employer-mismatch",
    category: Category::Account,
    severity: Severity::Error,
    message: (
        "招聘单位与发布账号的认证主体不一致：用人单位账号只能发布本单位的招聘信息；人力资源服务机构代招须写明受哪家单位委托。",
        "The employer is not the publishing account's certified entity: an employer's account may post only its own jobs; an HR agency must say which employer it recruits for.",
    ),
    basis: basis::CIRCULAR,
    terms: None,
    negation: Negation::None,
    check: Some(check),
    fields: &[Field::Employer],
};

/// Words that say an agency recruits on a client's behalf.
const ON_BEHALF: &[&str] = &[
    "委托",
    "代招",
    "代为招聘",
    "代理招聘",
    "on behalf of",
    "for our client",
    "client company",
];

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(account) = &cx.posting.account else {
        return;
    };
    let Some(ft) = cx.field(Field::Employer) else {
        return;
    };
    if ft.text.trim().is_empty() || name_key(ft.text) == name_key(&account.name) {
        return;
    }
    let fix = Some(Fix::Replace(account.name.clone()));
    match account.kind {
        AccountKind::PublicService => {}
        AccountKind::Employer => out.push(Hit::new(&RULE, Field::Employer, 0..ft.text.len(), fix)),
        AccountKind::HrAgency => {
            let says = [Field::EmployerIntro, Field::Description, Field::Title]
                .iter()
                .filter_map(|f| cx.field(*f))
                .any(|f| ON_BEHALF.iter().any(|w| f.views.light.text.contains(w)));
            if !says {
                out.push(Hit::new(&RULE, Field::Employer, 0..ft.text.len(), None));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::account::{Account, AccountKind};
    use crate::engine::{Checker, Posting};

    fn found(kind: AccountKind, employer: &str, intro: &str) -> bool {
        let p = Posting {
            employer: Some(employer.into()),
            employer_intro: Some(intro.into()),
            account: Some(Account {
                name: "苏州明澜电子科技有限公司（演示）".into(),
                kind,
            }),
            ..Default::default()
        };
        Checker::default_ref()
            .check(&p, None)
            .iter()
            .any(|f| f.rule == "employer-mismatch")
    }

    #[test]
    fn an_employer_account_posts_only_for_itself() {
        assert!(found(
            AccountKind::Employer,
            "深圳速达科技有限公司",
            "主营电子产品"
        ));
        assert!(!found(
            AccountKind::Employer,
            "苏州明澜电子科技有限责任公司",
            "主营电子产品"
        ));
        assert!(!found(AccountKind::Employer, "蘇州明瀾電子科技有限公司", ""));
    }

    #[test]
    fn an_agency_says_whom_it_recruits_for_and_a_public_service_is_free() {
        assert!(found(
            AccountKind::HrAgency,
            "深圳速达科技有限公司",
            "主营电子产品"
        ));
        assert!(!found(
            AccountKind::HrAgency,
            "深圳速达科技有限公司",
            "本机构受深圳速达科技有限公司委托招聘"
        ));
        assert!(!found(AccountKind::PublicService, "深圳速达科技有限公司", ""));
    }

    #[test]
    fn without_an_account_nothing_is_checked() {
        let p = Posting {
            employer: Some("深圳速达科技有限公司".into()),
            ..Default::default()
        };
        assert!(!Checker::default_ref()
            .check(&p, None)
            .iter()
            .any(|f| f.rule == "employer-mismatch"));
    }
}
