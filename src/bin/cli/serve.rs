//! `jobseal serve`: the check service for back ends (Java, Go, anything that speaks HTTP).
//!
//! The same reports as `jobseal check`, byte for byte (one `serde_json` line per posting). Native only
//! (axum on tokio); nothing here reaches the wasm. The API is described in `openapi.json` at the
//! repository's root, served at `GET /openapi.json`, and held to the server by `tests/service.test.mjs`.
//!
//! - Limits: body bytes (`--max-body-bytes`), characters per field (`--max-field-chars`), requests at
//!   once (`--concurrency`; more get 503 at once, with `Retry-After`), time per request
//!   (`--timeout-ms`; a batch past it stops and gets 503). Every refusal is a JSON error body.
//! - SIGTERM / SIGINT: stop accepting, let in-flight requests finish, exit 0.
//! - SIGHUP: read the rule pack and key set again; new requests use them, requests in flight finish
//!   with the old ones. A pack or key set that does not load leaves the old ones in place (logged on
//!   stderr, counted in `/metrics`, shown by `/healthz`).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, MatchedPath, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use jobseal::badge::{self, Jwks, Options as BadgeOptions, StatusCheck};
use jobseal::engine::account::Account;
use jobseal::engine::rules::RULES;
use jobseal::engine::Field;
use jobseal::engine::{Checker, Date, Lang, Posting};
use serde::Deserialize;
use serde_json::{json, Value};

/// The OpenAPI document of this API (kept at the repository's root; the test checks the server
/// against it).
const OPENAPI: &str = include_str!("../../../openapi.json");

#[derive(Debug, clap::Args)]
pub struct ServeOpts {
    /// Address to listen on (port 0: any free port; the address is printed on stdout).
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: SocketAddr,
    /// A JSON rule pack applied over the built-in one; read again on SIGHUP.
    #[arg(long, value_name = "PACK.json")]
    config: Option<PathBuf>,
    /// The platform's key set, for /v1/badge/verify and the Jobseal-Account header; read again on SIGHUP.
    #[arg(long, value_name = "JWKS.json")]
    jwks: Option<PathBuf>,
    /// Largest request body, in bytes (413 past it).
    #[arg(long, default_value_t = 4 << 20)]
    max_body_bytes: usize,
    /// Longest field of a posting, in characters (413 past it).
    #[arg(long, default_value_t = 20_000)]
    max_field_chars: usize,
    /// Requests handled at once; more are refused with 503 and Retry-After: 1.
    #[arg(long, default_value_t = 256)]
    concurrency: usize,
    /// Longest time a request may take, in milliseconds (503 past it).
    #[arg(long, default_value_t = 10_000)]
    timeout_ms: u64,
}

/// What a reload replaces: the compiled pack and the key set.
struct Loaded {
    checker: Checker,
    jwks: Option<Jwks>,
    loaded_at: i64,
}

fn load(opts: &ServeOpts) -> Result<Loaded, String> {
    let checker = super::read_pack(opts.config.as_deref())?;
    let jwks = opts.jwks.as_deref().map(super::read_jwks).transpose()?;
    Ok(Loaded {
        checker,
        jwks,
        loaded_at: super::now_unix(),
    })
}

/// A metric family as /metrics writes it: name, type, help, and (labels, value) samples.
type Family<'a> = (&'a str, &'a str, &'a str, &'a [(String, u64)]);

/// A route's latency histogram: bucket counts, sum of seconds, count.
type Histogram = (Vec<u64>, f64, u64);

/// Request counts, latency and findings, in Prometheus' text format at /metrics.
struct Metrics {
    /// (route, status) → count.
    requests: Mutex<HashMap<(String, u16), u64>>,
    /// route → (bucket counts, sum of seconds, count).
    latency: Mutex<HashMap<String, Histogram>>,
    findings: Vec<AtomicU64>,
    postings: AtomicU64,
    bad_lines: AtomicU64,
    reloads_ok: AtomicU64,
    reloads_failed: AtomicU64,
    in_flight: AtomicU64,
}

/// Latency histogram bounds, seconds.
const BUCKETS: [f64; 14] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

impl Metrics {
    fn new() -> Metrics {
        Metrics {
            requests: Mutex::new(HashMap::new()),
            latency: Mutex::new(HashMap::new()),
            findings: RULES.iter().map(|_| AtomicU64::new(0)).collect(),
            postings: AtomicU64::new(0),
            bad_lines: AtomicU64::new(0),
            reloads_ok: AtomicU64::new(0),
            reloads_failed: AtomicU64::new(0),
            in_flight: AtomicU64::new(0),
        }
    }

    fn observe(&self, route: &str, status: u16, secs: f64) {
        if let Ok(mut r) = self.requests.lock() {
            *r.entry((route.to_string(), status)).or_insert(0) += 1;
        }
        if let Ok(mut l) = self.latency.lock() {
            let e = l
                .entry(route.to_string())
                .or_insert_with(|| (vec![0; BUCKETS.len()], 0.0, 0));
            if let Some(i) = BUCKETS.iter().position(|b| secs <= *b) {
                e.0[i] += 1;
            }
            e.1 += secs;
            e.2 += 1;
        }
    }

    fn count_report(&self, report: &jobseal::engine::Report) {
        self.postings.fetch_add(1, Ordering::Relaxed);
        for f in &report.findings {
            if let Some(i) = RULES.iter().position(|r| r.id == f.rule) {
                self.findings[i].fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    fn render(&self) -> String {
        use std::fmt::Write as _;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "# HELP jobseal_requests_total HTTP requests by route and status."
        );
        let _ = writeln!(o, "# TYPE jobseal_requests_total counter");
        if let Ok(r) = self.requests.lock() {
            let mut rows: Vec<_> = r.iter().collect();
            rows.sort();
            for ((route, status), n) in rows {
                let _ = writeln!(
                    o,
                    "jobseal_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        let _ = writeln!(
            o,
            "# HELP jobseal_request_duration_seconds Time to answer a request."
        );
        let _ = writeln!(o, "# TYPE jobseal_request_duration_seconds histogram");
        if let Ok(l) = self.latency.lock() {
            let mut rows: Vec<_> = l.iter().collect();
            rows.sort_by(|a, b| a.0.cmp(b.0));
            for (route, (counts, sum, count)) in rows {
                let mut cumulative = 0;
                for (b, c) in BUCKETS.iter().zip(counts) {
                    cumulative += c;
                    let _ = writeln!(
                        o,
                        "jobseal_request_duration_seconds_bucket{{route=\"{route}\",le=\"{b}\"}} {cumulative}"
                    );
                }
                let _ = writeln!(
                    o,
                    "jobseal_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
                );
                let _ = writeln!(
                    o,
                    "jobseal_request_duration_seconds_sum{{route=\"{route}\"}} {sum}"
                );
                let _ = writeln!(
                    o,
                    "jobseal_request_duration_seconds_count{{route=\"{route}\"}} {count}"
                );
            }
        }
        let load = |n: &AtomicU64| n.load(Ordering::Relaxed);
        let findings: Vec<(String, u64)> = RULES
            .iter()
            .zip(&self.findings)
            .map(|(r, n)| (format!("{{rule=\"{}\"}}", r.id), load(n)))
            .collect();
        let reloads = [
            ("{result=\"ok\"}".to_string(), load(&self.reloads_ok)),
            ("{result=\"error\"}".to_string(), load(&self.reloads_failed)),
        ];
        let families: [Family<'_>; 5] = [
            (
                "jobseal_postings_checked_total",
                "counter",
                "Postings checked.",
                &[(String::new(), load(&self.postings))],
            ),
            (
                "jobseal_bad_lines_total",
                "counter",
                "Batch lines that were not a readable posting.",
                &[(String::new(), load(&self.bad_lines))],
            ),
            (
                "jobseal_findings_total",
                "counter",
                "Findings reported, by rule.",
                &findings,
            ),
            (
                "jobseal_reloads_total",
                "counter",
                "SIGHUP reloads of the rule pack and key set.",
                &reloads,
            ),
            (
                "jobseal_in_flight_requests",
                "gauge",
                "Requests being handled now.",
                &[(String::new(), load(&self.in_flight))],
            ),
        ];
        for (name, kind, help, samples) in families {
            let _ = writeln!(o, "# HELP {name} {help}");
            let _ = writeln!(o, "# TYPE {name} {kind}");
            for (labels, value) in samples {
                let _ = writeln!(o, "{name}{labels} {value}");
            }
        }
        o
    }
}

struct App {
    opts: ServeOpts,
    loaded: RwLock<Arc<Loaded>>,
    last_reload_error: Mutex<Option<String>>,
    permits: Arc<tokio::sync::Semaphore>,
    metrics: Metrics,
}

type Shared = Arc<App>;

impl App {
    fn current(&self) -> Arc<Loaded> {
        match self.loaded.read() {
            Ok(l) => l.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn reload(&self) {
        match load(&self.opts) {
            Ok(l) => {
                match self.loaded.write() {
                    Ok(mut w) => *w = Arc::new(l),
                    Err(poisoned) => *poisoned.into_inner() = Arc::new(l),
                }
                if let Ok(mut e) = self.last_reload_error.lock() {
                    *e = None;
                }
                self.metrics.reloads_ok.fetch_add(1, Ordering::Relaxed);
                eprintln!("jobseal serve: reloaded the rule pack and key set");
            }
            Err(e) => {
                let e = super::safe::line(&e).into_owned();
                eprintln!("jobseal serve: reload failed, still serving the previous pack and keys: {e}");
                if let Ok(mut last) = self.last_reload_error.lock() {
                    *last = Some(e);
                }
                self.metrics.reloads_failed.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// A JSON error: `{"error": {"code", "message"}}` with a status.
struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

fn err(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError {
        status,
        code,
        message: message.into(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.code, "message": self.message}}).to_string() + "\n";
        let mut r = (self.status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        r
    }
}

#[derive(Debug, Deserialize)]
struct CheckQuery {
    today: Option<String>,
    lang: Option<String>,
}

struct Params {
    today: Date,
    lang: Lang,
}

fn params(q: &CheckQuery) -> Result<Params, ApiError> {
    let today = match &q.today {
        None => Date::from_days_since_epoch(super::now_unix().div_euclid(86_400)),
        Some(s) => Date::parse(s).ok_or_else(|| {
            err(
                StatusCode::BAD_REQUEST,
                "bad-parameter",
                format!("`today` must be a date written YYYY-MM-DD, not {s:?}"),
            )
        })?,
    };
    let lang = match q.lang.as_deref() {
        None | Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        Some(other) => {
            return Err(err(
                StatusCode::BAD_REQUEST,
                "bad-parameter",
                format!("`lang` must be zh or en, not {other:?}"),
            ))
        }
    };
    Ok(Params { today, lang })
}

/// How the body holds postings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `application/json`: one posting.
    One,
    /// `application/x-ndjson` (or jsonl / json-lines): one posting per line.
    Lines,
}

fn shape(headers: &HeaderMap) -> Result<Shape, ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/json" | "" => Ok(Shape::One),
        "application/x-ndjson"
        | "application/jsonl"
        | "application/json-lines"
        | "application/x-jsonlines" => Ok(Shape::Lines),
        _ => Err(err(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            format!("send application/json (one posting) or application/x-ndjson (one per line), not {ct:?}"),
        )),
    }
}

fn body(body: Result<Bytes, BytesRejection>, max: usize) -> Result<Bytes, ApiError> {
    match body {
        Ok(b) => Ok(b),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body-too-large",
            format!("the body is larger than this service accepts ({max} bytes, --max-body-bytes)"),
        )),
        Err(e) => Err(err(StatusCode::BAD_REQUEST, "unreadable-body", e.body_text())),
    }
}

/// A posting from JSON text, with the service's per-field limit.
fn posting(text: &str, max_field_chars: usize) -> Result<Posting, ApiError> {
    let value = jobseal::engine::json::parse(text).map_err(|e| {
        err(
            StatusCode::BAD_REQUEST,
            "bad-json",
            format!("not valid JSON: {e}"),
        )
    })?;
    let p = Posting::from_value(&value)
        .map_err(|e| err(StatusCode::UNPROCESSABLE_ENTITY, "bad-posting", e.to_string()))?;
    for f in Field::ALL {
        if let Some(t) = p.get(f) {
            let n = t.chars().count();
            if n > max_field_chars {
                return Err(err(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "field-too-long",
                    format!(
                        "field `{}` has {n} characters; this service accepts at most {max_field_chars} (--max-field-chars)",
                        f.as_str()
                    ),
                ));
            }
        }
    }
    Ok(p)
}

/// The account the postings are published from (`Jobseal-Account: <badge token>`), verified now.
fn account(headers: &HeaderMap, loaded: &Loaded) -> Result<Option<Account>, ApiError> {
    let Some(token) = headers.get("jobseal-account") else {
        return Ok(None);
    };
    let token = token.to_str().map_err(|_| {
        err(
            StatusCode::BAD_REQUEST,
            "bad-account",
            "Jobseal-Account is not ASCII",
        )
    })?;
    let Some(jwks) = &loaded.jwks else {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "no-key-set",
            "Jobseal-Account needs a key set: start the service with --jwks",
        ));
    };
    badge::account_for(token.trim(), jwks, super::now_unix())
        .map(Some)
        .map_err(|e| {
            err(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad-account",
                format!("Jobseal-Account: {e}"),
            )
        })
}

/// Runs `work` within the request's permit and time limit: a single posting on this thread (it is
/// short and bounded), a batch on the blocking pool with a stop flag the deadline sets.
async fn limited(
    app: &Shared,
    batch: bool,
    work: impl FnOnce(&AtomicBool) -> Result<Response, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let Ok(_permit) = app.permits.clone().try_acquire_owned() else {
        return Err(err(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            format!(
                "{} requests are being handled (--concurrency); retry shortly",
                app.opts.concurrency
            ),
        ));
    };
    let timeout = Duration::from_millis(app.opts.timeout_ms);
    if !batch {
        return work(&AtomicBool::new(false));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let task = tokio::task::spawn_blocking(move || work(&flag));
    match tokio::time::timeout(timeout, task).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(err(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the check failed",
        )),
        Err(_) => {
            stop.store(true, Ordering::Relaxed);
            Err(err(
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                format!(
                    "the request took longer than {} ms (--timeout-ms)",
                    app.opts.timeout_ms
                ),
            ))
        }
    }
}

fn json_lines(body: String, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// An error line in a batch's output, in place of the report of an unreadable line.
fn bad_line(line: usize, e: &ApiError) -> String {
    json!({"line": line, "error": {"code": e.code, "message": e.message}}).to_string()
}

/// `POST /v1/check` and `POST /v1/jsonld`: what each posting becomes.
#[derive(Clone, Copy)]
enum Output {
    Report,
    JsonLd,
}

async fn postings(
    app: Shared,
    query: Result<Query<CheckQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
    output: Output,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|e| err(StatusCode::BAD_REQUEST, "bad-parameter", e.body_text()))?;
    let p = params(&q)?;
    let shape = shape(&headers)?;
    let bytes = body(raw, app.opts.max_body_bytes)?;
    let loaded = app.current();
    let account = match output {
        Output::Report => account(&headers, &loaded)?,
        Output::JsonLd => None,
    };
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| err(StatusCode::BAD_REQUEST, "bad-json", "the body is not UTF-8 text"))?;
    let app2 = app.clone();
    let one = move |text: &str| -> Result<String, ApiError> {
        let mut posting = posting(text, app2.opts.max_field_chars)?;
        Ok(match output {
            Output::Report => {
                posting.account = account.clone();
                let report = loaded.checker.report_in(&posting, Some(p.today), p.lang);
                app2.metrics.count_report(&report);
                serde_json::to_string(&report)
                    .map_err(|e| err(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))?
            }
            Output::JsonLd => {
                use jobseal::engine::jsonld::{to_jsonld, to_script_text};
                to_script_text(&to_jsonld(&posting, p.today))
            }
        })
    };
    let ct = match output {
        Output::Report => "application/json",
        Output::JsonLd => "application/ld+json",
    };
    match shape {
        Shape::One => {
            limited(&app, false, move |_| {
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    return Err(err(StatusCode::BAD_REQUEST, "bad-json", "the body is empty"));
                }
                one(trimmed).map(|line| json_lines(line + "\n", ct))
            })
            .await
        }
        Shape::Lines => {
            let metrics_app = app.clone();
            limited(&app, true, move |stop| {
                let mut out = String::with_capacity(text.len() / 2);
                for (i, l) in text.lines().enumerate() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if l.trim().is_empty() {
                        continue;
                    }
                    match one(l) {
                        Ok(line) => out.push_str(&line),
                        Err(e) => {
                            metrics_app.metrics.bad_lines.fetch_add(1, Ordering::Relaxed);
                            out.push_str(&bad_line(i + 1, &e));
                        }
                    }
                    out.push('\n');
                }
                Ok(json_lines(out, "application/x-ndjson"))
            })
            .await
        }
    }
}

async fn check(
    State(app): State<Shared>,
    query: Result<Query<CheckQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    postings(app, query, headers, raw, Output::Report).await
}

async fn jsonld(
    State(app): State<Shared>,
    query: Result<Query<CheckQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    postings(app, query, headers, raw, Output::JsonLd).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyRequest {
    token: String,
    origin: Option<String>,
    account: Option<String>,
    now: Option<i64>,
    /// The signed status list (statuslist+jwt) the credential names, when the caller has fetched it.
    status_list: Option<String>,
}

/// `POST /v1/badge/verify`: the same verdict as `jobseal badge verify`.
async fn verify(State(app): State<Shared>, raw: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let bytes = body(raw, app.opts.max_body_bytes)?;
    let req: VerifyRequest = serde_json::from_slice(&bytes).map_err(|e| {
        err(
            StatusCode::BAD_REQUEST,
            "bad-json",
            format!("expected {{\"token\", \"origin\"?, \"account\"?, \"now\"?, \"status_list\"?}}: {e}"),
        )
    })?;
    let loaded = app.current();
    let Some(jwks) = &loaded.jwks else {
        return Err(err(
            StatusCode::NOT_IMPLEMENTED,
            "no-key-set",
            "this service was started without --jwks",
        ));
    };
    let now = req.now.unwrap_or_else(super::now_unix);
    let uri = badge::status_list::uri_named_by(&req.token);
    let list = req
        .status_list
        .as_deref()
        .map(|t| badge::status_list::StatusList::verify(t, jwks, uri.as_deref(), now));
    let status = match &list {
        None => StatusCheck::NotGiven,
        Some(Ok(l)) => StatusCheck::List(l),
        Some(Err(r)) => StatusCheck::Refused(r),
    };
    let v = badge::verify(
        &req.token,
        jwks,
        &BadgeOptions {
            origin: req.origin.as_deref(),
            now,
            account: req.account.as_deref(),
            status,
        },
    );
    let text = serde_json::to_string(&v)
        .map_err(|e| err(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))?;
    Ok(json_lines(text + "\n", "application/json"))
}

async fn rules(State(app): State<Shared>) -> Response {
    let loaded = app.current();
    let cfg = loaded.checker.config();
    let rows: Vec<Value> = RULES
        .iter()
        .zip(&cfg.rules)
        .map(|(r, s)| {
            json!({
                "id": r.id,
                "category": r.category.as_str(),
                "severity": s.severity.as_str(),
                "enabled": s.enabled,
                "message": {"zh": r.message.0, "en": r.message.1},
                "basis": {"zh": r.basis.0, "en": r.basis.1},
            })
        })
        .collect();
    json_lines(json!({ "rules": rows }).to_string() + "\n", "application/json")
}

async fn healthz(State(app): State<Shared>) -> Response {
    let loaded = app.current();
    let last = app.last_reload_error.lock().ok().and_then(|e| e.clone());
    json_lines(
        json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": RULES.len(),
            "pack": app.opts.config.as_ref().map(|p| p.display().to_string()),
            "keys": loaded.jwks.is_some(),
            "loaded_at": loaded.loaded_at,
            "last_reload_error": last,
        })
        .to_string()
            + "\n",
        "application/json",
    )
}

async fn metrics(State(app): State<Shared>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        app.metrics.render(),
    )
        .into_response()
}

async fn openapi() -> Response {
    json_lines(OPENAPI.to_string(), "application/json")
}

async fn not_found() -> ApiError {
    err(
        StatusCode::NOT_FOUND,
        "not-found",
        "no such endpoint: see GET /openapi.json",
    )
}

/// Counts every request by route and status, with its latency.
async fn observe(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let start = Instant::now();
    app.metrics.in_flight.fetch_add(1, Ordering::Relaxed);
    let response = next.run(req).await;
    app.metrics.in_flight.fetch_sub(1, Ordering::Relaxed);
    app.metrics
        .observe(&route, response.status().as_u16(), start.elapsed().as_secs_f64());
    response
}

fn router(app: Shared) -> Router {
    let limit = app.opts.max_body_bytes;
    Router::new()
        .route("/v1/check", post(check))
        .route("/v1/jsonld", post(jsonld))
        .route("/v1/badge/verify", post(verify))
        .route("/v1/rules", get(rules))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(|| async {
            err(
                StatusCode::METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "see GET /openapi.json",
            )
        })
        .layer(middleware::from_fn_with_state(app.clone(), observe))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(app)
}

/// A worker's share of the connections, handed over by the acceptor.
struct Handoff {
    rx: tokio::sync::mpsc::Receiver<std::net::TcpStream>,
    local: SocketAddr,
}

impl axum::serve::Listener for Handoff {
    type Io = tokio::net::TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Some(stream) = self.rx.recv().await else {
                // The acceptor has stopped: no more connections; shutdown comes separately.
                std::future::pending::<()>().await;
                continue;
            };
            let peer = stream.peer_addr().unwrap_or(self.local);
            if let Ok(s) = tokio::net::TcpStream::from_std(stream) {
                return (s, peer);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local)
    }
}

/// Resolves on SIGTERM or SIGINT; meanwhile reloads on every SIGHUP.
async fn signals(app: Shared) {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int), Ok(mut hup)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
        signal(SignalKind::hangup()),
    ) else {
        eprintln!("jobseal serve: cannot listen for signals");
        std::future::pending::<()>().await;
        return;
    };
    loop {
        tokio::select! {
            _ = term.recv() => break,
            _ = int.recv() => break,
            _ = hup.recv() => {
                let app = app.clone();
                let _ = tokio::task::spawn_blocking(move || app.reload()).await;
            }
        }
    }
    eprintln!("jobseal serve: shutting down; finishing the requests in flight");
}

pub fn run(opts: ServeOpts) -> i32 {
    let loaded = match load(&opts) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("jobseal: {}", super::safe::line(&e));
            return 2;
        }
    };
    if opts.concurrency == 0 || opts.max_body_bytes == 0 || opts.timeout_ms == 0 {
        eprintln!("jobseal: --concurrency, --max-body-bytes and --timeout-ms must be above 0");
        return 2;
    }
    let listener =
        match std::net::TcpListener::bind(opts.addr).and_then(|l| l.set_nonblocking(true).map(|()| l)) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("jobseal: cannot listen on {}: {e}", opts.addr);
                return 2;
            }
        };
    let addr = listener.local_addr().map_or(opts.addr, |a| a);
    let app = Arc::new(App {
        permits: Arc::new(tokio::sync::Semaphore::new(opts.concurrency)),
        opts,
        loaded: RwLock::new(Arc::new(loaded)),
        last_reload_error: Mutex::new(None),
        metrics: Metrics::new(),
    });
    // One single-threaded runtime per core; one acceptor hands connections to them in turn. A
    // connection stays on its thread, so answering a request wakes no other thread (measured: the
    // multi-threaded runtime spent a quarter of its time in the kernel moving tasks between workers),
    // and a handful of keep-alive clients still spreads over every core (threads accepting on a shared
    // socket left 8 clients on one thread in one run: half the throughput).
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut workers = Vec::new();
    let mut handoff = Vec::new();
    for i in 0..threads {
        let (tx, rx) = tokio::sync::mpsc::channel::<std::net::TcpStream>(1024);
        handoff.push(tx);
        let app = app.clone();
        let mut stop = stop_rx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("jobseal-serve-{i}"))
            .spawn(move || -> Result<(), String> {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| format!("cannot start the runtime: {e}"))?;
                rt.block_on(async move {
                    axum::serve(Handoff { rx, local: addr }, router(app).into_make_service())
                        .with_graceful_shutdown(async move {
                            let _ = stop.wait_for(|s| *s).await;
                        })
                        .await
                        .map_err(|e| e.to_string())
                })
            });
        match spawned {
            Ok(h) => workers.push(h),
            Err(e) => {
                eprintln!("jobseal: cannot start a thread: {e}");
                return 2;
            }
        }
    }
    let main_rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("jobseal: cannot start the runtime: {e}");
            return 2;
        }
    };
    main_rt.block_on(async move {
        let listener = match tokio::net::TcpListener::from_std(listener) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("jobseal: cannot listen on {addr}: {e}");
                return;
            }
        };
        // The first line on stdout, for scripts and tests that start the service on port 0.
        println!("jobseal serve: listening on http://{addr}");
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        let accept = async {
            let mut next = 0usize;
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        let _ = stream.set_nodelay(true);
                        if let Ok(s) = stream.into_std() {
                            let _ = handoff[next % handoff.len()].send(s).await;
                            next = next.wrapping_add(1);
                        }
                    }
                    // Out of file descriptors and the like: wait a moment instead of spinning.
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                }
            }
        };
        tokio::select! {
            () = signals(app) => {}
            () = accept => {}
        }
        // Dropping the listener here stops accepting; the workers finish what they have.
    });
    let _ = stop_tx.send(true);
    let mut code = 0;
    for w in workers {
        match w.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                eprintln!("jobseal serve: {e}");
                code = 1;
            }
            Err(_) => {
                eprintln!("jobseal serve: a worker thread panicked");
                code = 1;
            }
        }
    }
    if code == 0 {
        eprintln!("jobseal serve: stopped");
    }
    code
}
