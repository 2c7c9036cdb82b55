//! The blind batches (tests/corpus/blind/): postings written from DOMAIN.md alone by writers who never
//! saw the rules, scored at first contact before the rules were changed for them (README, "Accuracy").
//! After first contact a batch is folded in here as a regression guard: recall per batch (by category,
//! as `node scripts/score.mjs` counts it) and false positives may not get worse than the figures
//! measured when the batch was folded in. These figures are NOT accuracy: the rules were tuned on
//! batches 3 to 39, 42 to 57 and 60 to 102 after their first contact (40, 41, 58, 59, 103 and 104 are
//! guarded at their first-contact figures: no round was made on them).
#![allow(clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use jobseal::engine::{rules::RULES, Checker, Date, Posting, Severity};

/// (violating, clean) files, the least recall and the most clean postings with a finding allowed.
const BATCHES: [(&str, &str, &str, f64, usize); 102] = [
    (
        "b3 (zh)",
        include_str!("corpus/blind/b3-zh-violating.jsonl"),
        include_str!("corpus/blind/b3-zh-clean.jsonl"),
        0.95,
        0,
    ),
    (
        "b4 (en)",
        include_str!("corpus/blind/b4-en-violating.jsonl"),
        include_str!("corpus/blind/b4-en-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b5 (mixed)",
        include_str!("corpus/blind/b5-violating.jsonl"),
        include_str!("corpus/blind/b5-clean.jsonl"),
        0.95,
        1,
    ),
    (
        "b6 (mixed)",
        include_str!("corpus/blind/b6-violating.jsonl"),
        include_str!("corpus/blind/b6-clean.jsonl"),
        0.95,
        1,
    ),
    (
        "b7 (mixed)",
        include_str!("corpus/blind/b7-violating.jsonl"),
        include_str!("corpus/blind/b7-clean.jsonl"),
        0.96,
        2,
    ),
    (
        "b8 (mixed)",
        include_str!("corpus/blind/b8-violating.jsonl"),
        include_str!("corpus/blind/b8-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b9 (mixed)",
        include_str!("corpus/blind/b9-violating.jsonl"),
        include_str!("corpus/blind/b9-clean.jsonl"),
        0.93,
        3,
    ),
    (
        "b10 (mixed)",
        include_str!("corpus/blind/b10-violating.jsonl"),
        include_str!("corpus/blind/b10-clean.jsonl"),
        0.95,
        0,
    ),
    (
        "b11 (mixed)",
        include_str!("corpus/blind/b11-violating.jsonl"),
        include_str!("corpus/blind/b11-clean.jsonl"),
        0.95,
        0,
    ),
    (
        "b12 (mixed)",
        include_str!("corpus/blind/b12-violating.jsonl"),
        include_str!("corpus/blind/b12-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b13 (mixed)",
        include_str!("corpus/blind/b13-violating.jsonl"),
        include_str!("corpus/blind/b13-clean.jsonl"),
        0.92,
        0,
    ),
    (
        "b14 (mixed)",
        include_str!("corpus/blind/b14-violating.jsonl"),
        include_str!("corpus/blind/b14-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b15 (mixed)",
        include_str!("corpus/blind/b15-violating.jsonl"),
        include_str!("corpus/blind/b15-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b16 (mixed)",
        include_str!("corpus/blind/b16-violating.jsonl"),
        include_str!("corpus/blind/b16-clean.jsonl"),
        0.99,
        1,
    ),
    (
        "b17 (mixed)",
        include_str!("corpus/blind/b17-violating.jsonl"),
        include_str!("corpus/blind/b17-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b18 (mixed, 36 of 132 English)",
        include_str!("corpus/blind/b18-violating.jsonl"),
        include_str!("corpus/blind/b18-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b19 (mixed, 36 of 138 English)",
        include_str!("corpus/blind/b19-violating.jsonl"),
        include_str!("corpus/blind/b19-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b20 (mixed, 36 of 138 English)",
        include_str!("corpus/blind/b20-violating.jsonl"),
        include_str!("corpus/blind/b20-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b21 (mixed, 44 of 149 English, less common trades)",
        include_str!("corpus/blind/b21-violating.jsonl"),
        include_str!("corpus/blind/b21-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b22 (mixed, 39 of 151 English)",
        include_str!("corpus/blind/b22-violating.jsonl"),
        include_str!("corpus/blind/b22-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b23 (mixed, 44 of 167 English)",
        include_str!("corpus/blind/b23-violating.jsonl"),
        include_str!("corpus/blind/b23-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b24 (mixed, 49 of 192 English)",
        include_str!("corpus/blind/b24-violating.jsonl"),
        include_str!("corpus/blind/b24-clean.jsonl"),
        0.98,
        1,
    ),
    (
        "b25 (mixed, 55 of 216 English)",
        include_str!("corpus/blind/b25-violating.jsonl"),
        include_str!("corpus/blind/b25-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b26 (mixed, 62 of 195 English)",
        include_str!("corpus/blind/b26-violating.jsonl"),
        include_str!("corpus/blind/b26-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b27 (mixed, 45 of 166 English)",
        include_str!("corpus/blind/b27-violating.jsonl"),
        include_str!("corpus/blind/b27-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b28 (mixed, 41 of 168 English)",
        include_str!("corpus/blind/b28-violating.jsonl"),
        include_str!("corpus/blind/b28-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b29 (mixed, 44 of 171 English)",
        include_str!("corpus/blind/b29-violating.jsonl"),
        include_str!("corpus/blind/b29-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b30 (mixed, 45 of 182 English)",
        include_str!("corpus/blind/b30-violating.jsonl"),
        include_str!("corpus/blind/b30-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b31 (adversarial, 58 of 201 English)",
        include_str!("corpus/blind/b31-violating.jsonl"),
        include_str!("corpus/blind/b31-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b32 (mixed, 43 of 181 English)",
        include_str!("corpus/blind/b32-violating.jsonl"),
        include_str!("corpus/blind/b32-clean.jsonl"),
        1.0,
        0,
    ),
    (
        "b33 (half English, 77 of 156)",
        include_str!("corpus/blind/b33-violating.jsonl"),
        include_str!("corpus/blind/b33-clean.jsonl"),
        // 0.99 until the round on batches 36 and 37 took out "guaranteed RMB …" as hype: a courier's
        // guaranteed minimum (batches 24 and 25) reads the same.
        0.98,
        0,
    ),
    (
        "b34 (mixed, 37 of 177 English)",
        include_str!("corpus/blind/b34-violating.jsonl"),
        include_str!("corpus/blind/b34-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b35 (mixed, 45 of 173 English)",
        include_str!("corpus/blind/b35-violating.jsonl"),
        include_str!("corpus/blind/b35-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b36 (mixed, 39 of 166 English)",
        include_str!("corpus/blind/b36-violating.jsonl"),
        include_str!("corpus/blind/b36-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b37 (mixed, 66 of 212 English)",
        include_str!("corpus/blind/b37-violating.jsonl"),
        include_str!("corpus/blind/b37-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b38 (mixed, 50 of 189 English)",
        include_str!("corpus/blind/b38-violating.jsonl"),
        include_str!("corpus/blind/b38-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b39 (mixed, 64 of 199 English)",
        include_str!("corpus/blind/b39-violating.jsonl"),
        include_str!("corpus/blind/b39-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b40 (mixed, 52 of 199 English)",
        include_str!("corpus/blind/b40-violating.jsonl"),
        include_str!("corpus/blind/b40-clean.jsonl"),
        0.94,
        1,
    ),
    (
        "b41 (mixed, 54 of 168 English)",
        include_str!("corpus/blind/b41-violating.jsonl"),
        include_str!("corpus/blind/b41-clean.jsonl"),
        0.92,
        0,
    ),
    (
        "b42 (mixed, 44 of 182 English)",
        include_str!("corpus/blind/b42-violating.jsonl"),
        include_str!("corpus/blind/b42-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b43 (mixed, 68 of 193 English)",
        include_str!("corpus/blind/b43-violating.jsonl"),
        include_str!("corpus/blind/b43-clean.jsonl"),
        0.95,
        1,
    ),
    (
        "b44 (mixed, 44 of 183 English)",
        include_str!("corpus/blind/b44-violating.jsonl"),
        include_str!("corpus/blind/b44-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b45 (mixed, 51 of 180 English)",
        include_str!("corpus/blind/b45-violating.jsonl"),
        include_str!("corpus/blind/b45-clean.jsonl"),
        0.95,
        1,
    ),
    (
        "b46 (mixed, 45 of 174 English)",
        include_str!("corpus/blind/b46-violating.jsonl"),
        include_str!("corpus/blind/b46-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b47 (mixed, 57 of 173 English)",
        include_str!("corpus/blind/b47-violating.jsonl"),
        include_str!("corpus/blind/b47-clean.jsonl"),
        0.94,
        1,
    ),
    (
        "b48 (mixed, 45 of 179 English)",
        include_str!("corpus/blind/b48-violating.jsonl"),
        include_str!("corpus/blind/b48-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b49 (mixed, 64 of 198 English)",
        include_str!("corpus/blind/b49-violating.jsonl"),
        include_str!("corpus/blind/b49-clean.jsonl"),
        0.97,
        1,
    ),
    (
        "b50 (mixed, 39 of 187 English)",
        include_str!("corpus/blind/b50-violating.jsonl"),
        include_str!("corpus/blind/b50-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b51 (mixed, 84 of 188 English)",
        include_str!("corpus/blind/b51-violating.jsonl"),
        include_str!("corpus/blind/b51-clean.jsonl"),
        0.98,
        1,
    ),
    (
        "b52 (mixed, 30 of 188 English)",
        include_str!("corpus/blind/b52-violating.jsonl"),
        include_str!("corpus/blind/b52-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b53 (mostly English, 106 of 180)",
        include_str!("corpus/blind/b53-violating.jsonl"),
        include_str!("corpus/blind/b53-clean.jsonl"),
        0.94,
        0,
    ),
    (
        "b54 (mixed, 60 of 226 English)",
        include_str!("corpus/blind/b54-violating.jsonl"),
        include_str!("corpus/blind/b54-clean.jsonl"),
        0.95,
        1,
    ),
    (
        "b55 (mixed, 75 of 185 English)",
        include_str!("corpus/blind/b55-violating.jsonl"),
        include_str!("corpus/blind/b55-clean.jsonl"),
        0.94,
        1,
    ),
    (
        "b56 (mixed, 43 of 190 English)",
        include_str!("corpus/blind/b56-violating.jsonl"),
        include_str!("corpus/blind/b56-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b57 (mixed, 72 of 201 English)",
        include_str!("corpus/blind/b57-violating.jsonl"),
        include_str!("corpus/blind/b57-clean.jsonl"),
        0.93,
        0,
    ),
    (
        "b58 (mixed, 41 of 184 English)",
        include_str!("corpus/blind/b58-violating.jsonl"),
        include_str!("corpus/blind/b58-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b59 (mixed, 61 of 207 English)",
        include_str!("corpus/blind/b59-violating.jsonl"),
        include_str!("corpus/blind/b59-clean.jsonl"),
        0.98,
        3,
    ),
    (
        "b60 (mixed, 36 of 209 English)",
        include_str!("corpus/blind/b60-violating.jsonl"),
        include_str!("corpus/blind/b60-clean.jsonl"),
        0.96,
        1,
    ),
    (
        "b61 (mixed, 69 of 245 English)",
        include_str!("corpus/blind/b61-violating.jsonl"),
        include_str!("corpus/blind/b61-clean.jsonl"),
        0.92,
        2,
    ),
    (
        "b62 (mixed, 50 of 233 English)",
        include_str!("corpus/blind/b62-violating.jsonl"),
        include_str!("corpus/blind/b62-clean.jsonl"),
        0.93,
        1,
    ),
    (
        "b63 (mixed, 39 of 223 English)",
        include_str!("corpus/blind/b63-violating.jsonl"),
        include_str!("corpus/blind/b63-clean.jsonl"),
        0.93,
        0,
    ),
    (
        "b64 (mixed, 55 of 213 English)",
        include_str!("corpus/blind/b64-violating.jsonl"),
        include_str!("corpus/blind/b64-clean.jsonl"),
        0.98,
        1,
    ),
    (
        "b65 (mixed, 67 of 227 English)",
        include_str!("corpus/blind/b65-violating.jsonl"),
        include_str!("corpus/blind/b65-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b66 (mixed, 42 of 203 English)",
        include_str!("corpus/blind/b66-violating.jsonl"),
        include_str!("corpus/blind/b66-clean.jsonl"),
        0.95,
        1,
    ),
    (
        "b67 (mixed, 40 of 198 English)",
        include_str!("corpus/blind/b67-violating.jsonl"),
        include_str!("corpus/blind/b67-clean.jsonl"),
        0.96,
        1,
    ),
    (
        "b68 (mixed, 40 of 205 English)",
        include_str!("corpus/blind/b68-violating.jsonl"),
        include_str!("corpus/blind/b68-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b69 (mixed, 47 of 198 English)",
        include_str!("corpus/blind/b69-violating.jsonl"),
        include_str!("corpus/blind/b69-clean.jsonl"),
        0.94,
        0,
    ),
    (
        "b70 (mixed, 63 of 195 English)",
        include_str!("corpus/blind/b70-violating.jsonl"),
        include_str!("corpus/blind/b70-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b71 (mixed, 47 of 223 English)",
        include_str!("corpus/blind/b71-violating.jsonl"),
        include_str!("corpus/blind/b71-clean.jsonl"),
        0.94,
        0,
    ),
    (
        "b72 (mixed, 54 of 218 English)",
        include_str!("corpus/blind/b72-violating.jsonl"),
        include_str!("corpus/blind/b72-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b73 (mixed, 46 of 207 English)",
        include_str!("corpus/blind/b73-violating.jsonl"),
        include_str!("corpus/blind/b73-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b74 (mixed, 60 of 205 English)",
        include_str!("corpus/blind/b74-violating.jsonl"),
        include_str!("corpus/blind/b74-clean.jsonl"),
        0.95,
        0,
    ),
    (
        "b75 (mixed, 54 of 237 English)",
        include_str!("corpus/blind/b75-violating.jsonl"),
        include_str!("corpus/blind/b75-clean.jsonl"),
        0.93,
        0,
    ),
    (
        "b76 (mixed, 61 of 196 English)",
        include_str!("corpus/blind/b76-violating.jsonl"),
        include_str!("corpus/blind/b76-clean.jsonl"),
        0.95,
        0,
    ),
    (
        "b77 (mixed, 55 of 206 English)",
        include_str!("corpus/blind/b77-violating.jsonl"),
        include_str!("corpus/blind/b77-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b78 (mixed, 63 of 226 English)",
        include_str!("corpus/blind/b78-violating.jsonl"),
        include_str!("corpus/blind/b78-clean.jsonl"),
        0.93,
        0,
    ),
    (
        "b79 (mixed, 32 of 199 English)",
        include_str!("corpus/blind/b79-violating.jsonl"),
        include_str!("corpus/blind/b79-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b80 (mixed, 58 of 208 English)",
        include_str!("corpus/blind/b80-violating.jsonl"),
        include_str!("corpus/blind/b80-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b81 (mixed, 51 of 231 English)",
        include_str!("corpus/blind/b81-violating.jsonl"),
        include_str!("corpus/blind/b81-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b82 (mixed, 60 of 206 English)",
        include_str!("corpus/blind/b82-violating.jsonl"),
        include_str!("corpus/blind/b82-clean.jsonl"),
        0.93,
        0,
    ),
    (
        "b83 (mixed, 45 of 254 English)",
        include_str!("corpus/blind/b83-violating.jsonl"),
        include_str!("corpus/blind/b83-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b84 (mixed, 46 of 214 English)",
        include_str!("corpus/blind/b84-violating.jsonl"),
        include_str!("corpus/blind/b84-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b85 (mixed, 56 of 210 English)",
        include_str!("corpus/blind/b85-violating.jsonl"),
        include_str!("corpus/blind/b85-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b86 (mixed, 50 of 201 English)",
        include_str!("corpus/blind/b86-violating.jsonl"),
        include_str!("corpus/blind/b86-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b87 (mixed, 44 of 217 English)",
        include_str!("corpus/blind/b87-violating.jsonl"),
        include_str!("corpus/blind/b87-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b88 (mixed, 63 of 201 English)",
        include_str!("corpus/blind/b88-violating.jsonl"),
        include_str!("corpus/blind/b88-clean.jsonl"),
        0.96,
        2,
    ),
    (
        "b89 (mixed, 41 of 205 English)",
        include_str!("corpus/blind/b89-violating.jsonl"),
        include_str!("corpus/blind/b89-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b90 (mixed, 28 of 208 English)",
        include_str!("corpus/blind/b90-violating.jsonl"),
        include_str!("corpus/blind/b90-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b91 (mixed, 62 of 194 English)",
        include_str!("corpus/blind/b91-violating.jsonl"),
        include_str!("corpus/blind/b91-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b92 (mixed, 62 of 233 English)",
        include_str!("corpus/blind/b92-violating.jsonl"),
        include_str!("corpus/blind/b92-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b93 (mixed, 55 of 203 English)",
        include_str!("corpus/blind/b93-violating.jsonl"),
        include_str!("corpus/blind/b93-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b94 (mixed, 40 of 215 English)",
        include_str!("corpus/blind/b94-violating.jsonl"),
        include_str!("corpus/blind/b94-clean.jsonl"),
        0.96,
        0,
    ),
    (
        "b95 (mixed, 68 of 203 English)",
        include_str!("corpus/blind/b95-violating.jsonl"),
        include_str!("corpus/blind/b95-clean.jsonl"),
        1.00,
        0,
    ),
    (
        "b96 (mixed, 49 of 207 English)",
        include_str!("corpus/blind/b96-violating.jsonl"),
        include_str!("corpus/blind/b96-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b97 (mixed, 55 of 201 English)",
        include_str!("corpus/blind/b97-violating.jsonl"),
        include_str!("corpus/blind/b97-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b98 (mixed, 47 of 220 English)",
        include_str!("corpus/blind/b98-violating.jsonl"),
        include_str!("corpus/blind/b98-clean.jsonl"),
        0.98,
        0,
    ),
    (
        "b99 (mixed, 71 of 230 English)",
        include_str!("corpus/blind/b99-violating.jsonl"),
        include_str!("corpus/blind/b99-clean.jsonl"),
        0.99,
        0,
    ),
    (
        "b100 (mixed, 44 of 203 English)",
        include_str!("corpus/blind/b100-violating.jsonl"),
        include_str!("corpus/blind/b100-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b101 (mixed, 62 of 209 English)",
        include_str!("corpus/blind/b101-violating.jsonl"),
        include_str!("corpus/blind/b101-clean.jsonl"),
        1.00,
        0,
    ),
    (
        "b102 (mixed, 54 of 234 English)",
        include_str!("corpus/blind/b102-violating.jsonl"),
        include_str!("corpus/blind/b102-clean.jsonl"),
        0.97,
        0,
    ),
    (
        "b103 (mixed, 48 of 207 English, first contact)",
        include_str!("corpus/blind/b103-violating.jsonl"),
        include_str!("corpus/blind/b103-clean.jsonl"),
        0.93,
        0,
    ),
    (
        "b104 (mixed, 47 of 213 English, first contact)",
        include_str!("corpus/blind/b104-violating.jsonl"),
        include_str!("corpus/blind/b104-clean.jsonl"),
        0.95,
        1,
    ),
];

fn category(rule: &str) -> &'static str {
    RULES.iter().find(|r| r.id == rule).unwrap().category.as_str()
}

#[test]
fn blind_batches_do_not_regress() {
    let checker = Checker::default_ref();
    let today = Date::parse("2026-11-28");
    for (name, violating, clean, min_recall, max_fp) in BATCHES {
        let (mut found, mut total, mut fp, mut clean_n) = (0, 0, 0, 0);
        for (file, must_fire) in [(violating, true), (clean, false)] {
            for line in file.lines().filter(|l| !l.trim().is_empty()) {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                let posting = Posting::from_value(&value).unwrap();
                let findings = checker.check(&posting, today);
                let cats: BTreeSet<&str> = findings
                    .iter()
                    .filter(|f| f.severity != Severity::Info)
                    .map(|f| f.category.as_str())
                    .collect();
                if must_fire {
                    for r in value["expect"].as_array().unwrap() {
                        total += 1;
                        found += usize::from(cats.contains(category(r.as_str().unwrap())));
                    }
                } else {
                    clean_n += 1;
                    fp += usize::from(!cats.is_empty());
                }
            }
        }
        let recall = found as f64 / total as f64;
        println!("{name}: recall {found}/{total} = {recall:.3}, false positives {fp}/{clean_n}");
        assert!(
            recall >= min_recall,
            "{name}: recall {recall:.3} fell below {min_recall}"
        );
        assert!(
            fp <= max_fp,
            "{name}: {fp} clean postings flagged, more than {max_fp}"
        );
    }
}
