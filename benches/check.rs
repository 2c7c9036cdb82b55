//! Criterion benchmarks of the engine (native). `make bench` runs them; the README reports the figures.
//!
//! - check/posting-2000: a full check of a realistic 2,000-character posting (the keystroke path in
//!   the browser checks the whole posting too, so this is the figure that matters).
//! - check/field-description: one field as it is typed.
//! - build/default-pack: compiling the default pack (once per page, or per custom pack).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jobseal::engine::{Checker, Config, Date, Field, Posting};

/// A realistic posting of about 2,000 characters, with a few findings in it.
pub fn posting_2000() -> Posting {
    let mut p = Posting::from_json(include_str!("../tests/data/clean-posting.json")).expect("fixture parses");
    let para = "负责传感器电路板的装配、焊接与功能检测，按工艺文件完成每日生产任务，记录生产数据并配合品质部门改进工艺；\
                参与新产品试产，反馈装配中的问题并提出改进建议；遵守安全生产规范，保持工位整洁，完成主管安排的其他工作。";
    let mut description = String::new();
    while description.chars().count() < 1700 {
        description.push_str(para);
    }
    description.push_str("有意者加微信 hr_888888 详聊，限男性，35岁以下。");
    p.description = Some(description);
    p
}

fn bench(c: &mut Criterion) {
    let checker = Checker::new();
    let posting = posting_2000();
    let total: usize = Field::ALL
        .iter()
        .filter_map(|f| posting.get(*f))
        .map(|t| t.chars().count())
        .sum();
    assert!((1950..2300).contains(&total), "posting has {total} characters");
    let today = Date::parse("2026-11-28");
    c.bench_function("check/posting-2000", |b| {
        b.iter(|| checker.check(black_box(&posting), today))
    });
    let description = posting.description.clone().unwrap_or_default();
    c.bench_function("check/field-description", |b| {
        b.iter(|| checker.check_field(Field::Description, black_box(&description), today))
    });
    c.bench_function("build/default-pack", |b| {
        b.iter(|| Checker::with_config(black_box(Config::default_pack())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
