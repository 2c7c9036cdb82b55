//! schema.org `JobPosting` JSON-LD, both ways.
//!
//! - [`from_jsonld`]: a JobPosting (as job search engines and many ATSs hold postings) mapped onto a
//!   [`Posting`], so `jobseal check` can read either.
//! - [`to_jsonld`]: a posting as JobPosting JSON-LD with Google's required properties (title,
//!   description, datePosted, hiringOrganization, jobLocation; validThrough when the posting expires)
//!   and recommended ones (baseSalary, employmentType), so a platform publishes structured data from the
//!   same source it checks.
//!
//! The conversion keeps the original text where schema.org has a place for it (the pay text as the
//! salary value's `description`, the work location as `streetAddress`), so a posting turned into JSON-LD
//! and back gives the same findings, spans included.

use serde_json::{json, Map, Value};

use super::date::Date;
use super::posting::{Posting, PostingError};
use super::salary::{self, Period, Salary};

/// True if `value` is a schema.org JobPosting (`"@type": "JobPosting"`, or a list containing it).
pub fn is_jobposting(value: &Value) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => t == "JobPosting" || t.ends_with("/JobPosting"),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some("JobPosting")),
        _ => false,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn err(field: &str, message: &str) -> PostingError {
    PostingError {
        field: Some(field.to_string()),
        message: message.to_string(),
    }
}

const EMPLOYMENT: &[(&str, &str)] = &[
    ("FULL_TIME", "全职"),
    ("PART_TIME", "兼职"),
    ("INTERN", "实习"),
    ("CONTRACTOR", "劳务派遣"),
    ("TEMPORARY", "临时"),
    ("PER_DIEM", "日结"),
    ("VOLUNTEER", "志愿"),
    ("OTHER", "其他"),
];

fn unit_zh(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "HOUR" => "小时",
        "DAY" => "天",
        "WEEK" => "周",
        "MONTH" => "月",
        "YEAR" => "年",
        _ => return None,
    })
}

fn address(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(list) => list.iter().find_map(address),
        Value::Object(m) => {
            if let Some(a) = m.get("address") {
                return address(a);
            }
            let part = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("");
            let street = part("streetAddress");
            let (region, locality) = (part("addressRegion"), part("addressLocality"));
            // Our own output keeps the whole location in streetAddress: take it as it is.
            if !street.is_empty() && (street.contains(locality) || locality.is_empty()) {
                return Some(street.to_string());
            }
            let joined = format!("{region}{locality}{street}");
            (!joined.is_empty()).then_some(joined)
        }
        _ => None,
    }
}

fn salary_text(v: &Value) -> Option<String> {
    let amount = v.as_object()?;
    let value = amount.get("value")?;
    if let Some(d) = value.get("description").and_then(Value::as_str) {
        return Some(d.to_string());
    }
    let (min, max, single) = match value {
        Value::Number(n) => (None, None, n.as_f64()),
        Value::Object(q) => (
            q.get("minValue").and_then(Value::as_f64),
            q.get("maxValue").and_then(Value::as_f64),
            q.get("value").and_then(Value::as_f64),
        ),
        _ => return None,
    };
    let unit = value
        .get("unitText")
        .and_then(Value::as_str)
        .and_then(unit_zh)
        .unwrap_or("月");
    let n = |x: f64| {
        if x.fract() == 0.0 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    };
    match (min, max, single) {
        (Some(a), Some(b), _) => Some(format!("{}-{}元/{unit}", n(a), n(b))),
        (Some(a), None, _) | (None, None, Some(a)) => Some(format!("{}元/{unit}", n(a))),
        (None, Some(b), _) => Some(format!("{}元/{unit}", n(b))),
        (None, None, None) => None,
    }
}

/// Maps a schema.org JobPosting onto a posting.
pub fn from_jsonld(v: &Value) -> Result<Posting, PostingError> {
    if !v.is_object() {
        return Err(PostingError {
            field: None,
            message: "JSON-LD must be an object".into(),
        });
    }
    let org = v.get("hiringOrganization");
    let org_name = match org {
        Some(Value::String(s)) => Some(s.clone()),
        Some(o) => text(o.get("name")),
        None => None,
    };
    let employment = match v.get("employmentType") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(list)) => list.first().and_then(Value::as_str).map(str::to_string),
        Some(_) => return Err(err("employmentType", "expected a string or a list of strings")),
        None => None,
    }
    .map(|t| {
        EMPLOYMENT
            .iter()
            .find(|(k, _)| *k == t)
            .map_or(t.clone(), |(_, zh)| zh.to_string())
    });
    let headcount = match v.get("totalJobOpenings") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(err("totalJobOpenings", "expected a number")),
    };
    let date = |k: &str| text(v.get(k)).map(|d| d.get(..10).unwrap_or(&d).to_string());
    let id = v.get("identifier").and_then(|i| match i {
        Value::Object(o) => text(o.get("value")),
        other => text(Some(other)),
    });
    Ok(Posting {
        id,
        title: text(v.get("title")),
        employer: org_name,
        employer_intro: org.and_then(|o| text(o.get("description"))),
        headcount,
        requirements: text(v.get("qualifications")).or_else(|| text(v.get("experienceRequirements"))),
        description: text(v.get("description")),
        location: v.get("jobLocation").and_then(address),
        salary: v.get("baseSalary").and_then(salary_text),
        employment_type: employment,
        valid_until: date("validThrough"),
        contact: v
            .get("applicationContact")
            .and_then(|c| text(c.get("name")).or_else(|| text(Some(c)))),
        date_posted: date("datePosted"),
        account: None,
    })
}

/// A posting as schema.org JobPosting JSON-LD. `today` stands in for `datePosted` when the posting has
/// no `date_posted`.
pub fn to_jsonld(p: &Posting, today: Date) -> Value {
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org/"));
    m.insert("@type".into(), json!("JobPosting"));
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    if let Some(id) = &p.id {
        put(
            "identifier",
            json!({"@type": "PropertyValue", "name": p.employer.clone().unwrap_or_default(), "value": id}),
        );
    }
    put("title", json!(p.title.clone().unwrap_or_default()));
    put("description", json!(p.description.clone().unwrap_or_default()));
    if let Some(r) = &p.requirements {
        put("qualifications", json!(r));
    }
    put(
        "datePosted",
        json!(p.date_posted.clone().unwrap_or_else(|| today.to_string())),
    );
    if let Some(v) = &p.valid_until {
        put("validThrough", json!(v));
    }
    let mut org = json!({"@type": "Organization", "name": p.employer.clone().unwrap_or_default()});
    if let Some(intro) = &p.employer_intro {
        org["description"] = json!(intro);
    }
    put("hiringOrganization", org);
    put(
        "jobLocation",
        json!({"@type": "Place", "address": {"@type": "PostalAddress",
            "streetAddress": p.location.clone().unwrap_or_default(), "addressCountry": "CN"}}),
    );
    if let Some(h) = &p.headcount {
        match h.trim().parse::<u64>() {
            Ok(n) => put("totalJobOpenings", json!(n)),
            Err(_) => put("totalJobOpenings", json!(h)),
        }
    }
    if let Some(t) = &p.employment_type {
        let code = EMPLOYMENT
            .iter()
            .find(|(_, zh)| t.contains(zh))
            .map_or(t.as_str(), |(k, _)| k);
        put("employmentType", json!(code));
    }
    if let Some(s) = &p.salary {
        let mut value = json!({"@type": "QuantitativeValue", "description": s});
        if let Salary::Pay(pay) = salary::parse(&super::normalize::views(s).light.text) {
            let unit = match pay.period {
                Period::Hour => Some("HOUR"),
                Period::Day => Some("DAY"),
                Period::Week => Some("WEEK"),
                Period::Month => Some("MONTH"),
                Period::Year => Some("YEAR"),
                Period::Piece => None,
            };
            if let Some(unit) = unit {
                value["unitText"] = json!(unit);
                match pay.max {
                    Some(max) => {
                        value["minValue"] = json!(pay.min);
                        value["maxValue"] = json!(max);
                    }
                    None => value["value"] = json!(pay.min),
                }
            }
        }
        put(
            "baseSalary",
            json!({"@type": "MonetaryAmount", "currency": "CNY", "value": value}),
        );
    }
    if let Some(c) = &p.contact {
        put("applicationContact", json!({"@type": "ContactPoint", "name": c}));
    }
    Value::Object(m)
}

/// JSON-LD as text that is safe inside `<script type="application/ld+json">…</script>` in an HTML
/// page: `<`, `>` and `&` (and U+2028, U+2029) are written as `\u003c`-style escapes, so no posting text
/// can close the script element (`</script>`), open an HTML comment (`<!--`) or start a character
/// reference. Those characters occur only inside JSON strings, where the escape reads back as the same
/// character: every JSON parser gets the identical value.
pub fn to_script_text(value: &Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Checker;

    fn demo() -> Posting {
        Posting::from_json(include_str!("../../tests/data/clean-posting.json")).unwrap()
    }

    #[test]
    fn carries_every_google_required_property() {
        let ld = to_jsonld(&demo(), Date::parse("2026-11-28").unwrap());
        for k in [
            "title",
            "description",
            "datePosted",
            "hiringOrganization",
            "jobLocation",
            "validThrough",
        ] {
            assert!(ld.get(k).is_some_and(|v| !v.is_null()), "{k}");
        }
        assert_eq!(ld["@type"], "JobPosting");
        assert_eq!(ld["hiringOrganization"]["name"], "苏州明澜电子科技有限公司");
        assert_eq!(ld["baseSalary"]["value"]["minValue"], 6000.0);
        assert_eq!(ld["baseSalary"]["value"]["unitText"], "MONTH");
        assert_eq!(ld["employmentType"], "FULL_TIME");
        assert_eq!(ld["datePosted"], "2026-11-28");
        assert!(is_jobposting(&ld));
    }

    #[test]
    fn round_trips_to_the_same_findings() {
        let checker = Checker::new();
        let today = Date::parse("2026-11-28");
        for line in include_str!("../../tests/corpus/postings.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let p = Posting::from_json(line).unwrap();
            let back = from_jsonld(&to_jsonld(&p, today.unwrap())).unwrap();
            assert_eq!(
                checker.report(&back, today),
                checker.report(&p, today),
                "{:?}",
                p.id
            );
        }
    }

    #[test]
    fn reads_a_foreign_jobposting() {
        let v = json!({
            "@context": "https://schema.org/", "@type": "JobPosting", "title": "仓库管理员",
            "description": "负责出入库", "datePosted": "2026-11-01T08:00:00+08:00", "validThrough": "2026-12-31T23:59",
            "hiringOrganization": {"@type": "Organization", "name": "某物流公司"},
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressRegion": "湖北省",
                "addressLocality": "武汉市", "streetAddress": "物流大道18号"}},
            "baseSalary": {"@type": "MonetaryAmount", "currency": "CNY",
                "value": {"@type": "QuantitativeValue", "minValue": 4500, "maxValue": 6000, "unitText": "MONTH"}},
            "employmentType": ["FULL_TIME"], "totalJobOpenings": 2
        });
        let p = from_jsonld(&v).unwrap();
        assert_eq!(p.location.as_deref(), Some("湖北省武汉市物流大道18号"));
        assert_eq!(p.salary.as_deref(), Some("4500-6000元/月"));
        assert_eq!(p.employment_type.as_deref(), Some("全职"));
        assert_eq!(p.valid_until.as_deref(), Some("2026-12-31"));
        assert_eq!(p.headcount.as_deref(), Some("2"));
        assert!(from_jsonld(&json!({"@type": "JobPosting", "totalJobOpenings": [1]})).is_err());
    }

    // Issue 10: `jobseal jsonld` and `toJsonLd` kept `</script>` raw, so the usual
    // `<script type="application/ld+json">` embedding ran the posting's script.
    #[test]
    fn script_text_escapes_markup_and_reads_back_identical() {
        let mut p = demo();
        p.title = Some("</script><script>alert(1)</script>".into());
        p.description = Some("<!--<script>x</script> & \u{2028}\u{2029} >".into());
        let v = to_jsonld(&p, Date::parse("2026-11-28").unwrap());
        let text = to_script_text(&v);
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!text.contains(bad), "{bad:?} left raw in {text}");
        }
        assert!(text.contains("\\u003c/script\\u003e"), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
