//! The command line: what a platform's back end runs.
#![allow(clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn jobseal(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobseal"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading its input (bad options): a broken pipe is not a failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const CLEAN: &str = include_str!("data/clean-posting.json");

#[test]
fn a_clean_posting_exits_0() {
    let out = jobseal(&["check", "--today", "2026-11-28"], CLEAN);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let reports = lines(&out);
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["ok"], true);
    assert_eq!(reports[0]["id"], "demo-001");
}

#[test]
fn json_lines_in_input_order_and_exit_1_on_errors() {
    let input =
        "{\"id\":\"a\",\"requirements\":\"限男性\"}\n\n{\"id\":\"b\",\"title\":\"普工\"}\n{\"id\":\"c\"}\n";
    let out = jobseal(&["check", "--today", "2026-11-28"], input);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<_> = lines(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn unreadable_lines_are_named_and_exit_2_without_losing_the_rest() {
    let input = "{\"id\":\"a\"}\nnot json\n{\"id\":\"c\",\"salary\":8000}\n{\"id\":\"d\"}\n";
    let out = jobseal(&["check", "--today", "2026-11-28"], input);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("line 3") && err.contains("`salary`"), "{err}");
    let ids: Vec<_> = lines(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "d"]);
}

#[test]
fn english_messages_and_a_rule_pack() {
    let dir = std::env::temp_dir().join(format!("jobseal-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("pack.json");
    std::fs::write(&pack, r#"{"rules":{"gender-restriction":{"enabled":false}}}"#).unwrap();
    let posting = r#"{"requirements":"限男性，35岁以下"}"#;
    let out = jobseal(&["check", "--lang", "en", "--today", "2026-11-28"], posting);
    let f = &lines(&out)[0]["findings"];
    assert!(f
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "gender-restriction" && f["message"].as_str().unwrap().contains("sex")));
    let out = jobseal(
        &[
            "check",
            "--config",
            pack.to_str().unwrap(),
            "--today",
            "2026-11-28",
        ],
        posting,
    );
    let f = &lines(&out)[0]["findings"];
    assert!(f
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "gender-restriction"));

    std::fs::write(&pack, r#"{"rules":{"gender-restriction":{"severity":"fatal"}}}"#).unwrap();
    let out = jobseal(&["check", "--config", pack.to_str().unwrap()], posting);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rules.gender-restriction.severity"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_format_marks_the_offending_characters() {
    let out = jobseal(
        &["check", "--format", "text", "--today", "2026-11-28"],
        r#"{"requirements":"身体健康，限男性"}"#,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("身体健康，【限男性】"), "{text}");
    assert!(text.contains("gender-restriction"));
}

#[test]
fn bad_options_exit_2() {
    assert_eq!(
        jobseal(&["check", "--today", "tomorrow"], CLEAN).status.code(),
        Some(2)
    );
    assert_eq!(
        jobseal(&["check", "/no/such/file.jsonl"], "").status.code(),
        Some(2)
    );
    assert_eq!(jobseal(&["frobnicate"], "").status.code(), Some(2));
}

#[test]
fn expiry_is_judged_against_today() {
    let out = jobseal(&["check", "--today", "2027-06-01"], CLEAN);
    assert_eq!(out.status.code(), Some(1));
    assert!(lines(&out)[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "posting-expired"));
}

#[test]
fn uscc_codes() {
    let out = jobseal(&["uscc", "91310110666007217T"], "");
    assert_eq!(out.status.code(), Some(0));
    let out = jobseal(&["uscc", "91310110666007217T", "91350100M0001TGQXM", "ABC"], "");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("91350100M0001TGQXM\twarning"), "{text}");
    assert!(text.contains("ABC\tinvalid"), "{text}");
}

#[test]
fn badge_keygen_sign_verify() {
    let dir = std::env::temp_dir().join(format!("jobseal-badge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key.jwk");
    let out = jobseal(
        &["badge", "keygen", "--kid", "k1", "--out", key.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let jwks = dir.join("jwks.json");
    std::fs::write(&jwks, &out.stdout).unwrap();
    // keygen never overwrites a key
    assert_eq!(
        jobseal(
            &["badge", "keygen", "--kid", "k1", "--out", key.to_str().unwrap()],
            ""
        )
        .status
        .code(),
        Some(2)
    );
    let claims = r#"{"iss":"https://jobs.example.cn","sub":"a","iat":1764547200,"exp":1779000000,"jti":"1","kind":"employer","name":"测试公司","uscc":"91310110666007217T","origins":["https://jobs.example.cn"]}"#;
    let out = jobseal(&["badge", "sign", "--key", key.to_str().unwrap()], claims);
    assert_eq!(out.status.code(), Some(0));
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let verify = |origin: &str, now: &str| {
        let out = jobseal(
            &[
                "badge",
                "verify",
                "--jwks",
                jwks.to_str().unwrap(),
                "--origin",
                origin,
                "--now",
                now,
                &token,
            ],
            "",
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v["status"].as_str().unwrap().to_string())
    };
    assert_eq!(
        verify("https://jobs.example.cn", "1768435200"),
        (Some(0), "verified".into())
    );
    assert_eq!(
        verify("https://copy.example", "1768435200"),
        (Some(1), "invalid".into())
    );
    assert_eq!(
        verify("https://jobs.example.cn", "1779000000"),
        (Some(1), "expired".into())
    );
    // the token from stdin
    let out = jobseal(
        &[
            "badge",
            "verify",
            "--jwks",
            jwks.to_str().unwrap(),
            "--now",
            "1768435200",
            "-",
        ],
        &token,
    );
    assert_eq!(out.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

/// Bytes a terminal may act on: C0 controls other than newline, DEL, C1 controls (as UTF-8 chars),
/// line/paragraph separators and bidi controls.
#[track_caller]
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<String> = text
        .chars()
        .filter(|&c| {
            (c < ' ' && c != '\n')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{61c}' | '\u{200e}' | '\u{200f}')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in\n{text}");
}

/// Terminal attacks tried in ids and text: OSC 0 (retitle), OSC 52 (write the clipboard), CSI (clear
/// the screen, 7-bit and the 8-bit C1 form), DEL, a bidi override, a fake line break.
const HOSTILE: &str =
    "x\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZWNobyBvd25lZA==\u{7}\u{1b}[2J\u{9b}2J\u{7f}\u{202e}txt.exe\nok: fake";

// Issue 10: `jobseal check --format text` printed a posting's `id` raw: ESC/OSC sequences retitled
// the terminal and wrote the clipboard (OSC 52).
#[test]
fn text_output_escapes_control_characters() {
    let posting = serde_json::json!({
        "id": HOSTILE, "title": "普工", "requirements": format!("限男性\u{1b}[31m{HOSTILE}")
    });
    let out = jobseal(
        &["check", "--today", "2026-11-28", "--format", "text"],
        &posting.to_string(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_inert("stdout", &out.stdout);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("x\\u{1b}]0;pwned\\u{7}\\u{1b}]52;c;"), "{text}");
    assert!(
        text.contains("\\u{9b}2J\\u{7f}\\u{202e}txt.exe\\u{a}ok: fake: has errors"),
        "{text}"
    );
    assert!(text.contains("【限男性】\\u{1b}[31m"), "{text}");
}

// Issue 10: the audit summary printed the slowest postings' ids raw; bad-line and cannot-read
// messages go through the same escaping.
#[test]
fn audit_summary_and_error_messages_escape_control_characters() {
    let dir = std::env::temp_dir().join(format!("jobseal-escape-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.jsonl");
    let mut lines = String::new();
    for i in 0..3 {
        lines += &serde_json::json!({"id": format!("{HOSTILE}-{i}"), "title": "普工"}).to_string();
        lines += "\n";
    }
    lines += "{\"id\": \"raw \u{1b}]0;bad line\u{7}\", oops}\n";
    std::fs::write(&input, lines).unwrap();
    let out = jobseal(
        &[
            "audit",
            input.to_str().unwrap(),
            "--today",
            "2026-11-28",
            "--out",
            dir.join("out.jsonl").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert("audit stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("slowest postings:"), "{err}");
    assert!(err.contains("x\\u{1b}]0;pwned\\u{7}"), "{err}");
    assert!(err.contains("line 4:"), "{err}");
    // A path is the caller's own text, and still escaped.
    let out = jobseal(&["check", "no-such-\u{1b}]0;title\u{7}.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_inert("check stderr", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-\\u{1b}]0;title\\u{7}.json"));
    let _ = std::fs::remove_dir_all(&dir);
}

// Issue 10: `jobseal jsonld` kept `</script>` raw, so the usual `<script type="application/ld+json">`
// embedding ran the posting's script.
#[test]
fn jsonld_output_escapes_markup() {
    let posting = serde_json::json!({
        "title": "</script><script>alert(1)</script>", "description": "<!--<script>x</script>--> & more",
        "employer": "A&B <公司>"
    });
    let out = jobseal(&["jsonld", "--today", "2026-11-28"], &posting.to_string());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for c in ['<', '>', '&'] {
        assert!(!text.contains(c), "{c} raw in {text}");
    }
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["title"], "</script><script>alert(1)</script>");
    assert_eq!(v["hiringOrganization"]["name"], "A&B <公司>");
}

// Issue 12: `check` streams; `-` is stdin; bad-line messages name the input and the line; a
// pretty-printed object still reads as one posting, and a broken one falls back to JSON Lines.
#[test]
fn check_reads_dash_as_stdin_and_names_the_input_in_messages() {
    let out = jobseal(&["check", "-", "--today", "2026-11-28"], CLEAN);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out)[0]["id"], "demo-001");
    let out = jobseal(
        &["check", "-", "--today", "2026-11-28"],
        "{\n\"id\": \"a\",\n{\"id\":\"b\"}\n\n{\"id\":\"c\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("jobseal: stdin: line 1: not valid JSON"), "{err}");
    assert!(err.contains("jobseal: stdin: line 2: not valid JSON"), "{err}");
    let ids: Vec<_> = lines(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["b", "c"]);
    // --jsonl: a broken first line is only a bad line, never the start of a document.
    let out = jobseal(
        &["check", "--jsonl", "--today", "2026-11-28"],
        "{\n{\"id\":\"x\"}\n}\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stdin: line 1: ") && err.contains("stdin: line 3: "),
        "{err}"
    );
    assert_eq!(lines(&out).len(), 1);
    let dir = std::env::temp_dir().join(format!("jobseal-cli-name-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("in.jsonl");
    std::fs::write(&file, "{\"id\":\"a\"}\n{\"salary\":1}\n").unwrap();
    let out = jobseal(&["check", file.to_str().unwrap(), "--today", "2026-11-28"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.jsonl: line 2: "), "{err}");
    let out = jobseal(&["audit", "-", "--today", "2026-11-28"], "{\"id\":\"a\"}\nnope\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("jobseal: stdin: line 2: "));
    assert_eq!(lines(&out).len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
