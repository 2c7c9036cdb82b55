//! The audit's HTML report: one self-contained file (inline CSS, no scripts, no fonts, no requests)
//! that a compliance officer can open anywhere: totals, bar charts of findings per category and per
//! rule, the slowest postings, and the worst postings with the offending text marked.

use std::fmt::Write as _;

use jobseal::engine::byte_of_utf16 as byte_at;

use super::summary::{Mark, Summary, WorstRow};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn bars(title: &str, rows: &[(&String, &u64)]) -> String {
    let max = rows.iter().map(|(_, v)| **v).max().unwrap_or(1).max(1);
    let mut h = format!("<section><h2>{}</h2><table class=\"bars\">", esc(title));
    for (k, v) in rows {
        let pct = (**v as f64 / max as f64 * 100.0).max(0.5);
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td><div class=\"bar\" style=\"width:{pct:.1}%\"></div></td><td class=\"n\">{v}</td></tr>",
            esc(k)
        );
    }
    h.push_str("</table></section>");
    h
}

/// Unmarked text between marks, shortened to some context on each side (long descriptions would
/// bury the marks).
fn context(seg: &str, first: bool, last: bool) -> String {
    const KEEP: usize = 30;
    let n = seg.chars().count();
    if n <= 2 * KEEP + 10 {
        return esc(seg);
    }
    let head: String = if first {
        String::new()
    } else {
        seg.chars().take(KEEP).collect()
    };
    let tail: String = if last {
        String::new()
    } else {
        seg.chars().skip(n - KEEP).collect()
    };
    format!("{}<span class=\"gap\">…</span>{}", esc(&head), esc(&tail))
}

fn marked(text: &str, spans: &[Mark]) -> String {
    let mut spans: Vec<_> = spans.iter().filter(|s| s.1 > s.0).collect();
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = String::new();
    let mut at = 0;
    for (start, end, sev, title) in spans {
        let (a, b) = (byte_at(text, *start), byte_at(text, *end));
        if a < at {
            continue;
        }
        out.push_str(&context(&text[at..a], at == 0, false));
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            esc(sev),
            esc(title),
            esc(&text[a..b])
        );
        at = b;
    }
    out.push_str(&context(&text[at..], at == 0, true));
    out
}

pub fn render(s: &Summary, worst: &[WorstRow]) -> String {
    let mut cats: Vec<_> = s.per_category.iter().collect();
    cats.sort_by(|a, b| b.1.cmp(a.1));
    let mut rules: Vec<_> = s.per_rule.iter().collect();
    rules.sort_by(|a, b| b.1.cmp(a.1));
    let mut h = String::from(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>jobseal 招聘信息合规巡检报告</title><link rel=\"icon\" href=\"data:,\"><style>\
body{font:14px/1.6 system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;color:#1f2328;margin:0;background:#f4f6f8}\
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0 0 10px}\
section{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:16px 20px;margin:16px 0}\
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}.tot{background:#f6f8fa;border-radius:8px;padding:10px 12px}\
.tot b{display:block;font-size:22px}.muted{color:#57606a;font-size:12px}table{border-collapse:collapse;width:100%}\
.bars th{text-align:left;font-weight:500;white-space:nowrap;padding:3px 12px 3px 0;width:1%}.bars td{padding:3px 0}.bars .n{text-align:right;width:1%;padding-left:10px;font-variant-numeric:tabular-nums}\
.bar{height:14px;background:#0b5cad;border-radius:3px;min-width:2px}\
.list th,.list td{border-top:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}\
mark{border-radius:2px;padding:0 1px}mark.error{background:#ffd7d5;outline:1px solid #c62828}mark.warning{background:#fff1c2;outline:1px solid #a15c00}mark.info{background:#dbeafe}\
.field{margin:4px 0}.gap{color:#8c959f;padding:0 4px}.field code{color:#57606a;font-size:12px;margin-right:6px}</style></head><body><main>",
    );
    let _ = write!(
        h,
        "<h1>招聘信息合规巡检报告</h1><p class=\"muted\">jobseal {} · {:.1} 秒 · {} 个线程 · {:.0} 条/秒{}</p>",
        env!("CARGO_PKG_VERSION"),
        s.elapsed_secs,
        s.threads,
        s.postings_per_sec,
        if s.interrupted { " · 已中断（结果截至最后完成的一条）" } else { "" }
    );
    let _ = write!(
        h,
        "<section><h2>总览</h2><div class=\"totals\"><div class=\"tot\"><b>{}</b>已检查</div><div class=\"tot\"><b>{}</b>含错误</div>\
<div class=\"tot\"><b>{}</b>提示总数</div><div class=\"tot\"><b>{}</b>无法读取的行</div></div></section>",
        s.postings_checked, s.postings_with_errors, s.findings, s.bad_lines
    );
    h.push_str(&bars("按类别", &cats));
    h.push_str(&bars("按规则", &rules));
    h.push_str("<section><h2>问题最多的招聘信息</h2><table class=\"list\"><thead><tr><th>行</th><th>编号</th><th>错误</th><th>内容（标记处为问题所在）</th></tr></thead><tbody>");
    for w in worst {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>",
            w.line,
            esc(w.id.as_deref().unwrap_or("")),
            w.errors
        );
        for (field, text, spans) in &w.fields {
            let _ = write!(
                h,
                "<div class=\"field\"><code>{}</code>{}</div>",
                esc(field),
                marked(text, spans)
            );
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table></section><section><h2>耗时最长的招聘信息</h2><table class=\"list\"><thead><tr><th>行</th><th>编号</th><th>微秒</th></tr></thead><tbody>");
    for sl in &s.slowest {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            sl.line,
            esc(sl.id.as_deref().unwrap_or("")),
            sl.micros
        );
    }
    h.push_str("</tbody></table></section></main></body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_marks_by_utf16_offsets() {
        let text = "𠀀<b>限男性</b>";
        // 𠀀 is two UTF-16 units; <b> three more: 限男性 starts at 5.
        let m = marked(text, &[(5, 8, "error".into(), "gender-restriction".into())]);
        assert_eq!(
            m,
            "𠀀&lt;b&gt;<mark class=\"error\" title=\"gender-restriction\">限男性</mark>&lt;/b&gt;"
        );
    }
}
