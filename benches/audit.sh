#!/usr/bin/env bash
# The audit benchmark: postings per second per core on ~2.4 KB postings, and peak memory (max RSS)
# as the input grows tenfold (100,000 → 1,000,000 postings, ~0.24 → ~2.4 GB). `make bench-audit`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile native --locked --bin jobseal
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-10s %12s %14s %12s %10s %14s\n' postings "file MB" "postings/s" "per core" threads "max RSS MB"
for n in 100000 1000000; do
  node benches/gen-postings.mjs "$n" "$dir/p.jsonl" 2>/dev/null
  mb=$(( $(stat -c %s "$dir/p.jsonl") / 1000000 ))
  /usr/bin/time -f '%M' -o "$dir/rss" target/native/jobseal audit "$dir/p.jsonl" --today 2026-11-28 \
    --out /dev/null --summary-json "$dir/s.json" 2>/dev/null || true
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const rss = Number(require("fs").readFileSync(process.argv[2], "utf8").trim().split("\n").pop()) / 1024;
    console.log([String(s.postings_checked).padEnd(10), process.argv[3].padStart(12),
      s.postings_per_sec.toFixed(0).padStart(14), (s.postings_per_sec / s.threads).toFixed(0).padStart(12),
      String(s.threads).padStart(10), rss.toFixed(1).padStart(14)].join(" "));
  ' "$dir/s.json" "$dir/rss" "$mb"
  rm -f "$dir/p.jsonl"
done
