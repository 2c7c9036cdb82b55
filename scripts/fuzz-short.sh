#!/usr/bin/env bash
# make test's fuzz tier: each cargo-fuzz target for $FUZZ_SECONDS from the committed corpus. New inputs
# go to a scratch folder, so the tree stays clean; a crash prints libFuzzer's report and fails the tier.
set -euo pipefail
seconds=${FUZZ_SECONDS:-8}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
total=0
for t in "$@"; do
  mkdir -p "$scratch/$t"
  log="$scratch/$t.log"
  if ! cargo +nightly fuzz run --fuzz-dir fuzz "$t" "$scratch/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t failed (the crashing input is under fuzz/artifacts/$t/)"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "fuzz: $t: ${runs:-?} executions in ${seconds} s, no crash"
  total=$((total + ${runs:-0}))
done
echo "fuzz: $# targets, $total executions, no crash"
