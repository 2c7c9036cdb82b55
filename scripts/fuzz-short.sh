#!/usr/bin/env bash
# make test's fuzz tier: each cargo-fuzz target (given as TARGET:RUNS) for a fixed number of runs from
# the committed corpus with a fixed seed, so that the tier is the same on every run: a crash it finds
# is found again, and it never fails at random. New inputs go to a scratch folder, so the tree stays
# clean; a crash prints libFuzzer's report and fails the tier. `make fuzz` is the long, random search.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
total=0
for spec in "$@"; do
  t=${spec%%:*}
  runs_wanted=${spec#*:}
  mkdir -p "$scratch/$t"
  log="$scratch/$t.log"
  if ! cargo +nightly fuzz run --fuzz-dir fuzz "$t" "$scratch/$t" "fuzz/corpus/$t" -- \
      -runs="$runs_wanted" -seed=1 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t failed (the crashing input is under fuzz/artifacts/$t/)"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "fuzz: $t: ${runs:-?} executions (seed 1), no crash"
  total=$((total + ${runs:-0}))
done
echo "fuzz: $# targets, $total executions, no crash"
