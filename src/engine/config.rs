//! The rule pack: what a platform changes. JSON, validated whole before anything is applied; an error
//! names the offending key (`rules.gender-restriction.severity`).
//!
//! ```json
//! {
//!   "lang": "en",
//!   "allow": ["某某女装店"],
//!   "rules": {
//!     "age-restriction": { "enabled": false },
//!     "hype": { "severity": "error", "add_terms": ["日赚千元"], "remove_terms": ["高薪"], "allow": ["高薪技术企业"] }
//!   },
//!   "salary": { "max_range_ratio": 2.5, "minimum_wage": { "default": 1900, "上海": 2690 } },
//!   "lengths": { "title": { "max": 24 } }
//! }
//! ```

use std::fmt;

use serde_json::{Map, Value};

use super::finding::{Field, Lang, Severity};
use super::normalize::normalize_term;
use super::rules::RULES;

/// A rule's settings after the pack is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSettings {
    pub enabled: bool,
    pub severity: Severity,
    /// Extra terms for the rule's word list (as written in the pack).
    pub add_terms: Vec<String>,
    /// Terms removed from the rule's word list (normalised).
    pub remove_terms: Vec<String>,
    /// Phrases that never fire this rule.
    pub allow: Vec<String>,
}

/// Salary bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryConfig {
    /// A range whose top is more than this multiple of its bottom is flagged.
    pub max_range_ratio: f64,
    /// Monthly minimum wage floor by place name found in `location`; `default` applies elsewhere.
    pub minimum_wage: Vec<(String, f64)>,
    /// Hourly minimum wage floor (yuan) by place name found in `location`, `default` elsewhere: for
    /// hourly pay of any employment type.
    pub minimum_hourly_wage: Vec<(String, f64)>,
}

impl SalaryConfig {
    /// The monthly floor for a work location: the longest place name contained in it, else `default`.
    pub fn floor_for(&self, location: Option<&str>) -> Option<f64> {
        floor_in(&self.minimum_wage, location)
    }

    /// The hourly floor for a work location, chosen the same way.
    pub fn hourly_floor_for(&self, location: Option<&str>) -> Option<f64> {
        floor_in(&self.minimum_hourly_wage, location)
    }
}

/// A table of floors by place (`{"default": 1500, "上海": 2690}`), validated whole: every amount a
/// non-negative number, and a `default` entry.
fn floor_table(v: &serde_json::Value, key: &str, what: &str) -> Result<Vec<(String, f64)>, ConfigError> {
    let mut table = Vec::new();
    for (place, floor) in object(v, key)? {
        let path = format!("{key}.{place}");
        let f = floor
            .as_f64()
            .ok_or_else(|| err(&path, format!("expected {what}")))?;
        if !(f >= 0.0 && f.is_finite()) {
            return Err(err(&path, "must be a non-negative number"));
        }
        table.push((place.clone(), f));
    }
    if !table.iter().any(|(p, _)| p == "default") {
        return Err(err(key, "needs a \"default\" entry"));
    }
    Ok(table)
}

/// The floor of the longest place name of `table` contained in `location`, else its `default`. Of
/// names of the same length the lower floor wins: an address names streets after other cities
/// (广州市越秀区北京路), and a floor too high would accuse lawful pay.
fn floor_in(table: &[(String, f64)], location: Option<&str>) -> Option<f64> {
    let mut best: Option<(&str, f64)> = None;
    if let Some(loc) = location {
        for (place, floor) in table {
            if place != "default"
                && names_place(loc, place)
                && best.is_none_or(|(p, f)| place.len() > p.len() || (place.len() == p.len() && *floor < f))
            {
                best = Some((place, *floor));
            }
        }
    }
    best.map(|(_, f)| f)
        .or_else(|| table.iter().find(|(p, _)| p == "default").map(|(_, f)| *f))
}

/// Whether a location names a place of the table: a street named after a city (南昌市上海路,
/// 北京东路, Shanghai Road) is not that city.
fn names_place(loc: &str, place: &str) -> bool {
    loc.match_indices(place).any(|(i, _)| {
        let after = loc[i + place.len()..].trim_start_matches(['东', '西', '南', '北', '中']);
        let street = ["路", "街", "道", "巷", "大道", "大街"]
            .iter()
            .any(|s| after.starts_with(s));
        let after_en = loc[i + place.len()..].trim_start().to_ascii_lowercase();
        let road = ["road", "rd", "street", "st.", "avenue", "ave", "lu "]
            .iter()
            .any(|s| after_en.starts_with(s));
        !street && !road
    })
}

/// Length bounds of a field, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LengthBound {
    pub min: Option<usize>,
    pub max: Option<usize>,
}

/// A validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Lang,
    /// One entry per rule, in registry order.
    pub rules: Vec<RuleSettings>,
    /// Phrases that never fire any rule.
    pub allow: Vec<String>,
    pub salary: SalaryConfig,
    pub lengths: Vec<(Field, LengthBound)>,
    /// Characters of a field that are checked at most; the rest gets one `field-too-long-to-check`
    /// finding. Bounds the work one keystroke or one request can cost (issue 10).
    pub max_field_chars: usize,
    /// Lexicons and word-class patterns: the built-in ones and the pack's `add_patterns`.
    pub patterns: super::patterns::PatternSet,
}

/// The default of [`Config::max_field_chars`].
pub const DEFAULT_MAX_FIELD_CHARS: usize = 20_000;

/// A rule pack that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Dotted path of the offending key, e.g. `rules.gender-restriction.severity`.
    pub key: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "invalid rule pack: {}", self.message)
        } else {
            write!(f, "invalid rule pack at `{}`: {}", self.key, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

fn err(key: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError {
        key: key.into(),
        message: message.into(),
    }
}

const DEFAULT_PACK: &str = include_str!("data/default-pack.json");

impl Config {
    /// The built-in default pack.
    pub fn default_pack() -> Config {
        let mut c = Config::base();
        // The embedded pack is tested (config::tests::default_pack_is_valid); a failure here is a
        // build defect, so fall back to the base values rather than panic in a browser.
        if let Ok(v) = serde_json::from_str::<Value>(DEFAULT_PACK) {
            let _ = c.apply(&v);
        }
        c
    }

    fn base() -> Config {
        Config {
            lang: Lang::Zh,
            rules: RULES
                .iter()
                .map(|r| RuleSettings {
                    enabled: true,
                    severity: r.severity,
                    add_terms: Vec::new(),
                    remove_terms: Vec::new(),
                    allow: Vec::new(),
                })
                .collect(),
            allow: Vec::new(),
            salary: SalaryConfig {
                max_range_ratio: 3.0,
                // The built-in pack (data/default-pack.json) adds floors for Beijing, Shanghai,
                // Tianjin, Shenzhen, Guangzhou, Jiangsu and Zhejiang, each below the lowest standard
                // published there for 2024, so they never cry wolf; platforms set their own table.
                minimum_wage: vec![("default".into(), 1500.0)],
                // Below every regional hourly minimum we know of, so it never cries wolf.
                minimum_hourly_wage: vec![("default".into(), 12.0)],
            },
            lengths: Vec::new(),
            max_field_chars: DEFAULT_MAX_FIELD_CHARS,
            patterns: super::patterns::PatternSet::builtin().clone(),
        }
    }

    /// The default pack with `pack` applied over it.
    pub fn from_pack_json(pack: &str) -> Result<Config, ConfigError> {
        let value: Value = serde_json::from_str(pack).map_err(|e| err("", format!("not valid JSON: {e}")))?;
        let mut c = Config::default_pack();
        c.apply(&value)?;
        Ok(c)
    }

    /// Applies a pack to a copy and swaps it in only if the whole pack is valid.
    pub fn apply(&mut self, pack: &Value) -> Result<(), ConfigError> {
        let mut next = self.clone();
        next.apply_inner(pack)?;
        *self = next;
        Ok(())
    }

    fn apply_inner(&mut self, pack: &Value) -> Result<(), ConfigError> {
        let map = object(pack, "")?;
        for (key, value) in map {
            match key.as_str() {
                "lang" => {
                    let s = string(value, "lang")?;
                    self.lang = Lang::parse(s).ok_or_else(|| err("lang", "expected \"zh\" or \"en\""))?;
                }
                "allow" => self.allow.extend(strings(value, "allow")?),
                "rules" => {
                    for (id, rule) in object(value, "rules")? {
                        self.apply_rule(id, rule)?;
                    }
                }
                "salary" => self.apply_salary(value)?,
                "lengths" => self.apply_lengths(value)?,
                "add_patterns" => {
                    let lines = strings(value, "add_patterns")?;
                    self.patterns.add(&lines.join("\n")).map_err(|e| {
                        err(format!("add_patterns[{}]", e.line - 1), e.message)
                    })?;
                }
                "max_field_chars" => {
                    self.max_field_chars = value
                        .as_u64()
                        .filter(|n| *n >= 1)
                        .and_then(|n| usize::try_from(n).ok())
                        .ok_or_else(|| {
                            err(
                                "max_field_chars",
                                "expected a whole number of characters, at least 1",
                            )
                        })?
                }
                "$schema" | "description" | "version" => {}
                other => {
                    return Err(err(
                        other,
                        "unknown key; expected one of lang, allow, rules, salary, lengths, max_field_chars, add_patterns",
                    ))
                }
            }
        }
        Ok(())
    }

    fn apply_rule(&mut self, id: &str, value: &Value) -> Result<(), ConfigError> {
        let path = format!("rules.{id}");
        let index = RULES
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| err(&path, "unknown rule id (see `jobseal rules` for the list)"))?;
        let has_terms = RULES[index].terms.is_some();
        let settings = &mut self.rules[index];
        for (key, v) in object(value, &path)? {
            let kpath = format!("{path}.{key}");
            match key.as_str() {
                "enabled" => {
                    settings.enabled = v.as_bool().ok_or_else(|| err(&kpath, "expected true or false"))?
                }
                "severity" => {
                    settings.severity = match string(v, &kpath)? {
                        "error" => Severity::Error,
                        "warning" => Severity::Warning,
                        "info" => Severity::Info,
                        _ => return Err(err(&kpath, "expected \"error\", \"warning\" or \"info\"")),
                    }
                }
                "add_terms" | "remove_terms" if !has_terms => {
                    return Err(err(
                        &kpath,
                        "this rule has no word list; only enabled, severity and allow apply",
                    ))
                }
                "add_terms" => {
                    for t in strings(v, &kpath)? {
                        if normalize_term(&t).is_empty() {
                            return Err(err(&kpath, format!("term {t:?} is empty after normalisation")));
                        }
                        settings.add_terms.push(t);
                    }
                }
                "remove_terms" => {
                    for t in strings(v, &kpath)? {
                        settings.remove_terms.push(normalize_term(&t));
                    }
                }
                "allow" => settings.allow.extend(strings(v, &kpath)?),
                other => {
                    return Err(err(
                        format!("{path}.{other}"),
                        "unknown key; expected one of enabled, severity, add_terms, remove_terms, allow",
                    ))
                }
            }
        }
        Ok(())
    }

    fn apply_salary(&mut self, value: &Value) -> Result<(), ConfigError> {
        for (key, v) in object(value, "salary")? {
            match key.as_str() {
                "max_range_ratio" => {
                    let r = v
                        .as_f64()
                        .ok_or_else(|| err("salary.max_range_ratio", "expected a number"))?;
                    if !(r > 1.0 && r.is_finite()) {
                        return Err(err("salary.max_range_ratio", "must be a number greater than 1"));
                    }
                    self.salary.max_range_ratio = r;
                }
                // One amount for everywhere, or a table by place like minimum_wage.
                "minimum_hourly_wage" => {
                    self.salary.minimum_hourly_wage = match v.as_f64() {
                        Some(f) if f >= 0.0 && f.is_finite() => vec![("default".into(), f)],
                        Some(_) => {
                            return Err(err(
                                "salary.minimum_hourly_wage",
                                "expected a non-negative amount in yuan",
                            ))
                        }
                        None => floor_table(v, "salary.minimum_hourly_wage", "an hourly amount in yuan")?,
                    };
                }
                "minimum_wage" => {
                    self.salary.minimum_wage =
                        floor_table(v, "salary.minimum_wage", "a monthly amount in yuan")?;
                }
                other => {
                    return Err(err(
                        format!("salary.{other}"),
                        "unknown key; expected max_range_ratio, minimum_wage or minimum_hourly_wage",
                    ))
                }
            }
        }
        Ok(())
    }

    fn apply_lengths(&mut self, value: &Value) -> Result<(), ConfigError> {
        for (name, bound) in object(value, "lengths")? {
            let path = format!("lengths.{name}");
            let field = Field::from_name(name).ok_or_else(|| err(&path, "unknown field name"))?;
            let mut b = LengthBound::default();
            for (key, v) in object(bound, &path)? {
                let kpath = format!("{path}.{key}");
                let n = v
                    .as_u64()
                    .map(|n| n as usize)
                    .ok_or_else(|| err(&kpath, "expected a whole number of characters"))?;
                match key.as_str() {
                    "min" => b.min = Some(n),
                    "max" => b.max = Some(n),
                    _ => return Err(err(&kpath, "unknown key; expected min or max")),
                }
            }
            if let (Some(min), Some(max)) = (b.min, b.max) {
                if min > max {
                    return Err(err(&path, "min is greater than max"));
                }
            }
            self.lengths.retain(|(f, _)| *f != field);
            self.lengths.push((field, b));
        }
        Ok(())
    }

    /// The configured length bound of a field.
    pub fn length(&self, field: Field) -> Option<LengthBound> {
        self.lengths.iter().find(|(f, _)| *f == field).map(|(_, b)| *b)
    }
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, ConfigError> {
    v.as_object().ok_or_else(|| err(path, "expected a JSON object"))
}

fn string<'a>(v: &'a Value, path: &str) -> Result<&'a str, ConfigError> {
    v.as_str().ok_or_else(|| err(path, "expected a string"))
}

fn strings(v: &Value, path: &str) -> Result<Vec<String>, ConfigError> {
    let arr = v
        .as_array()
        .ok_or_else(|| err(path, "expected an array of strings"))?;
    arr.iter()
        .enumerate()
        .map(|(i, s)| {
            s.as_str()
                .map(str::to_string)
                .ok_or_else(|| err(format!("{path}[{i}]"), "expected a string"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pack_is_valid() {
        let v: Value = serde_json::from_str(DEFAULT_PACK).unwrap();
        let mut c = Config::base();
        c.apply(&v).unwrap();
        assert_eq!(c, Config::default_pack());
        assert!(c.length(Field::Title).is_some());
    }

    #[track_caller]
    fn bad(pack: &str, key: &str) {
        let e = Config::from_pack_json(pack).unwrap_err();
        assert_eq!(e.key, key, "{e}");
    }

    #[test]
    fn errors_name_the_key() {
        bad(r#"{"rules":{"no-such-rule":{}}}"#, "rules.no-such-rule");
        bad(
            r#"{"rules":{"gender-restriction":{"severity":"fatal"}}}"#,
            "rules.gender-restriction.severity",
        );
        bad(
            r#"{"rules":{"gender-restriction":{"enabled":"no"}}}"#,
            "rules.gender-restriction.enabled",
        );
        bad(
            r#"{"rules":{"age-restriction":{"add_terms":["x"]}}}"#,
            "rules.age-restriction.add_terms",
        );
        bad(
            r#"{"rules":{"hype":{"add_terms":["x", 3]}}}"#,
            "rules.hype.add_terms[1]",
        );
        bad(r#"{"salary":{"max_range_ratio":0.5}}"#, "salary.max_range_ratio");
        bad(
            r#"{"salary":{"minimum_wage":{"上海":2690}}}"#,
            "salary.minimum_wage",
        );
        bad(r#"{"lengths":{"nickname":{"max":3}}}"#, "lengths.nickname");
        bad(r#"{"lengths":{"title":{"min":9,"max":3}}}"#, "lengths.title");
        bad(r#"{"colour":"red"}"#, "colour");
        bad(r#"{"lang":"fr"}"#, "lang");
        bad("[]", "");
    }

    #[test]
    fn nothing_is_half_applied() {
        let mut c = Config::default_pack();
        let before = c.clone();
        let pack: Value =
            serde_json::from_str(r#"{"lang":"en","rules":{"hype":{"enabled":false},"nope":{}}}"#).unwrap();
        assert!(c.apply(&pack).is_err());
        assert_eq!(c, before);
    }

    #[test]
    fn floor_prefers_the_most_specific_place() {
        let c = Config::from_pack_json(
            r#"{"salary":{"minimum_wage":{"default":1500,"上海":2690,"上海市浦东":2700}}}"#,
        )
        .unwrap();
        assert_eq!(c.salary.floor_for(Some("上海市浦东新区")), Some(2700.0));
        assert_eq!(c.salary.floor_for(Some("上海市徐汇区")), Some(2690.0));
        assert_eq!(c.salary.floor_for(Some("成都")), Some(1500.0));
        assert_eq!(c.salary.floor_for(None), Some(1500.0));
    }
}
