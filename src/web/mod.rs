//! The JavaScript binding (wasm32 only). Thin on purpose: every decision is made in `engine` and
//! `badge`; this module converts JS values in and out, once, at the boundary.
//!
//! - Errors are `js_sys::Error` with a message (never a bare string), made in one place: [`into_error`].
//! - Nothing JS hands in is unwrapped: a wrong type is a thrown `Error` naming the field.
//! - Results go out through `serde_wasm_bindgen::Serializer::json_compatible()`, so they are plain
//!   objects, exactly the JSON the CLI prints.
//!
//! The DOM parts (the form widget and the badge element) are ES modules in `js/`, shipped in the npm
//! package beside the wasm. They call only what is exported here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "badge")]
use crate::badge;
#[cfg(feature = "checker")]
use crate::engine::{self, Date, Field, Lang, Posting};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The one way an error crosses into JS.
fn into_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(into_error)
}

/// The largest JSON text (in UTF-16 units, as JS counts) a call accepts: far above any posting, key
/// set or rule pack, far below what could exhaust the module's memory.
const MAX_JSON_UNITS: u32 = 4 * 1024 * 1024;

/// A JS value as JSON: strings are parsed as JSON text; objects are first written as JSON text by
/// the engine of the page (`JSON.stringify`, which throws a RangeError rather than overflow on deep
/// nesting), then parsed like the CLI parses a line. No recursion over a JS value happens in the
/// wasm, so a deeply nested object is a clear error and never a trap (issue 10: 4,000 levels through
/// `serde_wasm_bindgen::from_value` overflowed the wasm stack and left every export broken). Lone
/// surrogates read as U+FFFD, exactly as in the CLI.
fn json_of(value: &JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    let text: js_sys::JsString = match value.dyn_ref::<js_sys::JsString>() {
        Some(s) => s.clone(),
        None => js_sys::JSON::stringify(value).map_err(|e| {
            let cause = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default();
            into_error(format!("{what} cannot be read as JSON: {cause}"))
        })?,
    };
    // JSON.stringify(undefined) and of a function give undefined, not a string.
    if !text.is_string() {
        return Err(into_error(format!("{what} must be a JSON object or JSON text")));
    }
    if text.length() > MAX_JSON_UNITS {
        return Err(into_error(format!(
            "{what} is larger than {} Mi characters of JSON",
            MAX_JSON_UNITS / 1024 / 1024
        )));
    }
    crate::engine::json::parse(&String::from(text))
        .map_err(|e| into_error(format!("{what} is not valid JSON: {e}")))
}

#[cfg(feature = "checker")]
fn parse_today(today: Option<String>) -> Result<Option<Date>, JsValue> {
    match today {
        None => Ok(None),
        Some(s) => Date::parse(&s)
            .map(Some)
            .ok_or_else(|| into_error(format!("today must be a date written YYYY-MM-DD, not {s:?}"))),
    }
}

#[cfg(feature = "checker")]
fn parse_lang(lang: Option<String>, default: Lang) -> Result<Lang, JsValue> {
    match lang {
        None => Ok(default),
        Some(s) => {
            Lang::parse(&s).ok_or_else(|| into_error(format!("lang must be \"zh\" or \"en\", not {s:?}")))
        }
    }
}

#[cfg(feature = "checker")]
/// A compiled rule pack. `new Checker()` uses the built-in pack; `new Checker(pack)` applies a JSON
/// rule pack (object or JSON text) over it and throws an `Error` naming the offending key.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Checker {
    inner: engine::Checker,
}

#[cfg(feature = "checker")]
#[wasm_bindgen]
impl Checker {
    #[wasm_bindgen(constructor)]
    pub fn new(pack: JsValue) -> Result<Checker, JsValue> {
        if pack.is_undefined() || pack.is_null() {
            return Ok(Checker {
                inner: engine::Checker::new(),
            });
        }
        let value = json_of(&pack, "the rule pack")?;
        let mut config = engine::Config::default_pack();
        config.apply(&value).map_err(into_error)?;
        Ok(Checker {
            inner: engine::Checker::with_config(config),
        })
    }

    /// Checks a whole posting (object or JSON text): `{ id, ok, findings }`, exactly the CLI's report.
    /// `today` (YYYY-MM-DD) is the date expiry is judged against; `lang` is "zh" or "en".
    /// `options.account` is the account the posting is published from, `{ name, kind }` (kind
    /// "employer", "hr_agency" or "public_service"), as `accountFor` (js/account.js) returns it from a
    /// credential verified with the badge module: the posting's employer is held to it (rule employer-mismatch). This
    /// module carries no signature code (issue 11), so it takes the account, not the credential: the
    /// `jobseal` entries (browser and Node) verify a credential with the badge module first.
    pub fn check(
        &self,
        posting: JsValue,
        today: Option<String>,
        lang: Option<String>,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let value = json_of(&posting, "the posting")?;
        let mut posting = Posting::from_value(&value).map_err(into_error)?;
        if !(options.is_undefined() || options.is_null()) {
            let account = js_sys::Reflect::get(&options, &JsValue::from_str("account"))?;
            if !(account.is_undefined() || account.is_null()) {
                posting.account = Some(account_of(&account)?);
            }
        }
        let lang = parse_lang(lang, self.inner.config().lang)?;
        to_js(&self.inner.report_in(&posting, parse_today(today)?, lang))
    }

    /// Findings for one field as it is typed.
    #[wasm_bindgen(js_name = checkField)]
    pub fn check_field(
        &self,
        field: &str,
        text: &str,
        today: Option<String>,
        lang: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let f = Field::from_name(field).ok_or_else(|| into_error(format!("unknown field {field:?}")))?;
        let lang = parse_lang(lang, self.inner.config().lang)?;
        let findings = self.inner.check_field(f, text, parse_today(today)?);
        to_js(&engine::reports(&findings, |_| text, lang))
    }

    /// The pack's message language: "zh" or "en".
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        match self.inner.config().lang {
            Lang::Zh => "zh".into(),
            Lang::En => "en".into(),
        }
    }
}

#[cfg(feature = "checker")]
/// `options.account`: `{ name, kind }`, every part checked and named when wrong.
fn account_of(value: &JsValue) -> Result<engine::account::Account, JsValue> {
    use engine::account::{Account, AccountKind};
    if value.is_string() {
        return Err(into_error(
            "options.account is a badge credential: this module (the checker) carries no signature \
             code, so it takes the account the credential certifies, { name, kind }, from the badge \
             API's accountFor (the 'jobseal' entries do this for you)",
        ));
    }
    if !value.is_object() {
        return Err(into_error("options.account must be an object { name, kind }"));
    }
    let name = js_sys::Reflect::get(value, &JsValue::from_str("name"))?
        .as_string()
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| {
            into_error("options.account.name must be the account's certified name (a non-empty string)")
        })?;
    let kind = js_sys::Reflect::get(value, &JsValue::from_str("kind"))?;
    let kind = kind
        .as_string()
        .and_then(|k| AccountKind::parse(&k))
        .ok_or_else(|| {
            into_error("options.account.kind must be \"employer\", \"hr_agency\" or \"public_service\"")
        })?;
    Ok(Account { name, kind })
}

#[cfg(feature = "checker")]
/// The rules of the built-in pack: `[{ id, category, severity }]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Row {
        id: &'static str,
        category: &'static str,
        severity: &'static str,
    }
    let rows: Vec<Row> = engine::rules::RULES
        .iter()
        .map(|r| Row {
            id: r.id,
            category: r.category.as_str(),
            severity: r.severity.as_str(),
        })
        .collect();
    to_js(&rows)
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(feature = "badge")]
/// Checks a Unified Social Credit Code: `{ ok, reason? }`.
#[wasm_bindgen(js_name = checkUscc)]
pub fn check_uscc(code: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Out {
        ok: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    }
    let out = match badge::uscc::validate(code) {
        Ok(()) => Out {
            ok: true,
            reason: None,
        },
        Err(e) => Out {
            ok: false,
            reason: Some(e.to_string()),
        },
    };
    to_js(&out)
}

#[cfg(feature = "badge")]
/// Verifies a badge credential: `{ status, reasons, warnings, claims }`. `jwks` is the platform's key
/// set (object or JSON text); `options.origin` the site it is shown on (the element passes
/// `location.origin`), `options.now` Unix seconds (default: the browser's clock), `options.account` the
/// account the page belongs to (its expected `sub`), `options.statusList` the signed status list
/// (statuslist+jwt text) the credential names, verified here with the same key set, or
/// `options.statusListError` (why it could not be fetched): then a credential naming a list is
/// `unconfirmed`.
#[wasm_bindgen(js_name = verifyBadge)]
pub fn verify_badge(token: &str, jwks: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let jwks = json_of(&jwks, "the key set")?;
    let jwks = badge::Jwks::from_value(&jwks).map_err(into_error)?;
    let get = |k: &str| -> Result<JsValue, JsValue> {
        if options.is_undefined() || options.is_null() {
            Ok(JsValue::UNDEFINED)
        } else {
            js_sys::Reflect::get(&options, &JsValue::from_str(k))
        }
    };
    let origin = get("origin")?;
    let origin = match (origin.is_undefined() || origin.is_null(), origin.as_string()) {
        (true, _) => None,
        (false, Some(s)) => Some(s),
        (false, None) => return Err(into_error("options.origin must be a string")),
    };
    let now = get("now")?;
    let now = if now.is_undefined() || now.is_null() {
        (js_sys::Date::now() / 1000.0).floor() as i64
    } else {
        now.as_f64()
            .filter(|n| n.is_finite())
            .ok_or_else(|| into_error("options.now must be a number of seconds"))? as i64
    };
    let string = |k: &str| -> Result<Option<String>, JsValue> {
        let v = get(k)?;
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| into_error(format!("options.{k} must be a string")))
    };
    let account = string("account")?;
    let list_token = string("statusList")?;
    let list_error = string("statusListError")?;
    let uri = badge::status_list::uri_named_by(token);
    let list = list_token.map(|t| badge::StatusList::verify(&t, &jwks, uri.as_deref(), now));
    let unavailable = list_error.map(|m| badge::Reason {
        code: "status-list-unavailable",
        message: m,
    });
    let status = match (&list, &unavailable) {
        (Some(Ok(l)), _) => badge::StatusCheck::List(l),
        (Some(Err(r)), _) | (None, Some(r)) => badge::StatusCheck::Refused(r),
        (None, None) => badge::StatusCheck::NotGiven,
    };
    to_js(&badge::verify(
        token,
        &jwks,
        &badge::Options {
            origin: origin.as_deref(),
            now,
            account: account.as_deref(),
            status,
        },
    ))
}

#[cfg(feature = "checker")]
/// A posting (object or JSON text) as schema.org JobPosting JSON-LD. `today` (YYYY-MM-DD) is used for
/// `datePosted` when the posting has no `date_posted`; default: the browser's date (UTC).
#[wasm_bindgen(js_name = toJsonLd)]
pub fn to_json_ld(posting: JsValue, today: Option<String>) -> Result<JsValue, JsValue> {
    let value = json_of(&posting, "the posting")?;
    let posting = Posting::from_value(&value).map_err(into_error)?;
    let today = match parse_today(today)? {
        Some(d) => d,
        None => Date::from_days_since_epoch((js_sys::Date::now() / 86_400_000.0).floor() as i64),
    };
    to_js(&engine::jsonld::to_jsonld(&posting, today))
}

#[cfg(feature = "checker")]
/// The same JSON-LD as JSON text safe to put inside `<script type="application/ld+json">`: `<`, `>` and
/// `&` are written `\u003c`, `\u003e`, `\u0026` (what `jobseal jsonld` prints).
#[wasm_bindgen(js_name = toJsonLdText)]
pub fn to_json_ld_text(posting: JsValue, today: Option<String>) -> Result<String, JsValue> {
    let value = json_of(&posting, "the posting")?;
    let posting = Posting::from_value(&value).map_err(into_error)?;
    let today = match parse_today(today)? {
        Some(d) => d,
        None => Date::from_days_since_epoch((js_sys::Date::now() / 86_400_000.0).floor() as i64),
    };
    Ok(engine::jsonld::to_script_text(&engine::jsonld::to_jsonld(
        &posting, today,
    )))
}

#[cfg(feature = "checker")]
/// A schema.org JobPosting (object or JSON text) mapped onto a posting object.
#[wasm_bindgen(js_name = fromJsonLd)]
pub fn from_json_ld(jsonld: JsValue) -> Result<JsValue, JsValue> {
    let value = json_of(&jsonld, "the JSON-LD")?;
    let posting = engine::jsonld::from_jsonld(&value).map_err(into_error)?;
    to_js(&posting.to_value())
}
