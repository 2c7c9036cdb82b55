//! The certified account a posting is published from (issue 13): its certified name and kind, taken
//! by the caller from a badge credential it has verified (the CLI's `check --account`, the wasm
//! `check(…, { account, jwks })`, the form widget's `account` option). A posting's own JSON can never
//! set it. The `employer-mismatch` rule compares the posting's `employer` with it.

/// The kind of recruitment account (the circular's three: 用人单位自主招聘, 经营性招聘服务, 公共招聘服务).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    Employer,
    HrAgency,
    PublicService,
}

impl AccountKind {
    pub fn parse(s: &str) -> Option<AccountKind> {
        match s {
            "employer" => Some(AccountKind::Employer),
            "hr_agency" => Some(AccountKind::HrAgency),
            "public_service" => Some(AccountKind::PublicService),
            _ => None,
        }
    }
}

/// A verified account: its certified name and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub kind: AccountKind,
}

/// A company name reduced to what identifies it: NFKC, lower case, traditional folded, no spaces or
/// punctuation, no bracketed parts (（演示）, (上海)), and the legal-form suffix dropped (有限责任公司,
/// 股份有限公司, 有限公司, 公司, co., ltd.), so that spellings of one name compare equal.
pub fn name_key(name: &str) -> String {
    let light = super::normalize::views(name).light.text;
    let mut out = String::new();
    let mut depth = 0usize;
    for c in light.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    for suffix in [
        "股份有限公司",
        "有限责任公司",
        "有限公司",
        "公司",
        "coltd",
        "limited",
        "ltd",
        "inc",
        "co",
    ] {
        if let Some(core) = out.strip_suffix(suffix) {
            if !core.is_empty() {
                return core.to_string();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let k = name_key("苏州明澜电子科技有限公司");
        for same in [
            "苏州明澜电子科技有限责任公司",
            "苏州明澜电子科技股份有限公司",
            "苏州明澜电子科技有限公司（演示）",
            "苏州 明澜电子科技 有限公司",
            "ＳＵ州明澜电子科技有限公司".replace("ＳＵ", "苏").as_str(),
            "蘇州明瀾電子科技有限公司",
        ] {
            assert_eq!(name_key(same), k, "{same}");
        }
        assert_ne!(name_key("苏州明澜光电科技有限公司"), k);
        assert_eq!(name_key("Acme Co., Ltd."), name_key("ACME Limited"));
    }
}
