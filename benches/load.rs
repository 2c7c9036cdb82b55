//! Load benchmark for `jobseal serve` (issue 12): a bounded, closed-loop load generator on 127.0.0.1.
//!
//!   make bench-serve                    (builds target/native/jobseal, then runs this)
//!   cargo bench --bench load -- [--url http://127.0.0.1:PORT] [--secs 10] [--soak 60] [--label NAME]
//!
//! Without --url it starts `target/native/jobseal serve --addr 127.0.0.1:0` itself. Each client is a
//! task (all on one thread, so the generator takes at most one of the two cores) with one keep-alive
//! HTTP/1.1 connection, sending the next request when the last answer is read (closed loop: at most
//! `clients` requests in flight, so the load is bounded). Reported per
//! case: requests/s, postings/s, p50/p99/max latency; every answer must be 200 with a body, or the
//! run fails. The soak runs 8 clients for --soak seconds and samples the server's resident memory
//! (VmRSS) every 5 s. No HTTP client crate: raw HTTP/1.1 on tokio's TcpStream.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::OwnedReadHalf;

const TODAY: &str = "2026-11-28";

/// A realistic posting of about 2,000 characters (the one `benches/check.rs` and the wasm bench use).
fn posting(i: usize) -> String {
    let duty = "负责传感器电路板的装配、焊接与功能检测，按工艺文件完成每日生产任务，记录生产数据并配合品质部门改进工艺；参与新产品试产，反馈装配中的问题并提出改进建议；遵守安全生产规范，保持工位整洁。";
    let mut requirements =
        String::from("中专及以上学历，男女不限，年满18周岁；有电子装配经验者优先；身体健康，能适应两班倒。");
    if i.is_multiple_of(10) {
        requirements.push_str("限男性。");
    }
    serde_json::json!({
        "id": format!("load-{i}"),
        "title": "电子装配技术员",
        "employer": "苏州明澜电子科技有限公司",
        "employer_intro": "苏州明澜电子科技有限公司成立于2012年，注册资本5000万元，主营工业传感器的研发与制造，现有员工420人。",
        "headcount": 5 + i % 20,
        "requirements": requirements,
        "description": duty.repeat(6) + "公司提供带薪岗前培训，工服免费发放，不收取任何费用。",
        "location": "江苏省苏州市工业园区星湖街328号",
        "salary": "6000-9000元/月",
        "valid_until": "2026-12-31",
    })
    .to_string()
}

struct Case {
    name: String,
    content_type: &'static str,
    bodies: Vec<String>,
    postings_per_request: usize,
}

struct Outcome {
    requests: u64,
    latencies_us: Vec<u64>,
}

fn request(host: &str, path: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Reads one response; returns its status. Needs Content-Length (the service always sends it).
async fn read_response(
    r: &mut BufReader<OwnedReadHalf>,
    line: &mut String,
    body: &mut Vec<u8>,
) -> std::io::Result<u16> {
    line.clear();
    r.read_line(line).await?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut len = 0usize;
    loop {
        line.clear();
        if r.read_line(line).await? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    body.resize(len, 0);
    r.read_exact(body).await?;
    Ok(status)
}

/// `clients` connections, each a task on ONE thread (the generator takes one core at most and little
/// of it: no thread per client to wake), for `secs` seconds.
fn run(addr: &str, case: &Case, clients: usize, secs: f64) -> Outcome {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let bodies: Arc<Vec<Vec<u8>>> = Arc::new(
        case.bodies
            .iter()
            .map(|b| request(addr, "/v1/check?today=2026-11-28", case.content_type, b))
            .collect(),
    );
    rt.block_on(async {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        let mut tasks = Vec::new();
        for c in 0..clients {
            let bodies = bodies.clone();
            let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
            stream.set_nodelay(true).expect("nodelay");
            tasks.push(tokio::spawn(async move {
                let (rd, mut w) = stream.into_split();
                let mut r = BufReader::with_capacity(1 << 16, rd);
                let (mut line, mut body) = (String::new(), Vec::new());
                let mut lat = Vec::with_capacity(1 << 16);
                let mut i = c;
                while Instant::now() < deadline {
                    let req = &bodies[i % bodies.len()];
                    i += clients;
                    let t = Instant::now();
                    w.write_all(req).await.expect("write");
                    let status = read_response(&mut r, &mut line, &mut body).await.expect("read");
                    lat.push(t.elapsed().as_micros() as u64);
                    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
                    assert!(body.starts_with(b"{"), "a report");
                }
                lat
            }));
        }
        let mut latencies_us = Vec::new();
        for t in tasks {
            latencies_us.extend(t.await.expect("client task"));
        }
        latencies_us.sort_unstable();
        Outcome {
            requests: latencies_us.len() as u64,
            latencies_us,
        }
    })
}

fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

fn rss_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}

fn start_server() -> (Child, String) {
    let bin = concat!(env!("CARGO_MANIFEST_DIR"), "/target/native/jobseal");
    let mut child = Command::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{bin}: {e} (make bench-serve builds it)"));
    let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .expect("listening on http://ADDR")
        .to_string();
    (child, addr)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let secs: f64 = arg("--secs").and_then(|s| s.parse().ok()).unwrap_or(10.0);
    let soak: f64 = arg("--soak").and_then(|s| s.parse().ok()).unwrap_or(60.0);
    let label = arg("--label").unwrap_or_else(|| "jobseal serve".to_string());
    let (mut child, addr, pid) = match arg("--url") {
        Some(url) => {
            let addr = url
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string();
            let pid = arg("--pid").and_then(|p| p.parse().ok());
            (None, addr, pid)
        }
        None => {
            let (c, a) = start_server();
            let pid = c.id();
            (Some(c), a, Some(pid))
        }
    };
    let singles = Case {
        name: "single posting".into(),
        content_type: "application/json",
        bodies: (0..100).map(posting).collect(),
        postings_per_request: 1,
    };
    let batch = Case {
        name: "batch of 100".into(),
        content_type: "application/x-ndjson",
        bodies: (0..4)
            .map(|b| (0..100).map(|i| posting(b * 100 + i) + "\n").collect())
            .collect(),
        postings_per_request: 100,
    };
    println!("{label} on {addr}, {secs} s per case (closed loop, keep-alive, one client thread, {TODAY})");
    println!(
        "{:<16} {:>7} {:>10} {:>11} {:>9} {:>9} {:>9}",
        "case", "clients", "requests/s", "postings/s", "p50 ms", "p99 ms", "max ms"
    );
    let tiny = Case {
        name: "tiny posting".into(),
        content_type: "application/json",
        bodies: vec!["{\"id\":\"t\"}".to_string()],
        postings_per_request: 1,
    };
    let cases: Vec<&Case> = match arg("--only").as_deref() {
        Some("tiny") => vec![&tiny],
        Some("single") => vec![&singles],
        _ => vec![&singles, &batch],
    };
    for case in cases {
        for clients in [1, 8, 64] {
            let o = run(&addr, case, clients, secs);
            let rps = o.requests as f64 / secs;
            println!(
                "{:<16} {:>7} {:>10.0} {:>11.0} {:>9.2} {:>9.2} {:>9.2}",
                case.name,
                clients,
                rps,
                rps * case.postings_per_request as f64,
                pct(&o.latencies_us, 0.50),
                pct(&o.latencies_us, 0.99),
                pct(&o.latencies_us, 1.0),
            );
        }
    }
    if soak > 0.0 {
        if let Some(pid) = pid {
            let rounds = (soak / 5.0).ceil() as usize;
            let mut samples = vec![rss_kb(pid).unwrap_or(0)];
            let mut total = 0u64;
            for _ in 0..rounds {
                total += run(&addr, &singles, 8, 5.0).requests;
                samples.push(rss_kb(pid).unwrap_or(0));
            }
            let mb: Vec<String> = samples
                .iter()
                .map(|k| format!("{:.1}", *k as f64 / 1024.0))
                .collect();
            println!(
                "soak: {total} single-posting requests over {} s at 8 clients; server RSS MB every 5 s: {}",
                rounds * 5,
                mb.join(" ")
            );
        }
    }
    if let Some(c) = child.as_mut() {
        let _ = Command::new("kill").args(["-TERM", &c.id().to_string()]).status();
        let _ = c.wait();
    }
}
