#!/usr/bin/env node
// Scores postings with an `expect` list (tests/corpus/blind/*.jsonl) through the jobseal CLI:
//   node scripts/score.mjs [--cli target/native/jobseal] FILE.jsonl...
// Recall per category: of the planted violations (the `expect` rules), how many are found by a finding
// of the same category. False positives: clean postings (`expect: []`) with any error or warning
// finding, per 100 clean postings. Info findings (salary-negotiable) accuse nobody and do not count.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let cli = 'target/debug/jobseal';
let verbose = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cli') cli = args[++i];
  else if (args[i] === '-v') verbose = true;
  else files.push(args[i]);
}
const rules = Object.fromEntries(
  execFileSync(cli, ['rules'], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => l.split(/\s+/).slice(0, 2)),
);
const cat = (id) => rules[id] ?? `unknown rule ${id}`;

const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()));
const postings = lines.map((l) => JSON.parse(l));
let out;
try {
  out = execFileSync(cli, ['check', '--today', '2026-11-28'], { input: lines.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
} catch (e) {
  if (e.status !== 1) throw e;
  out = e.stdout;
}
const reports = out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
if (reports.length !== postings.length) throw new Error(`${postings.length} postings, ${reports.length} reports`);

const recall = {};
let clean = 0, fpPostings = 0, violating = 0, fullyCaught = 0, extra = 0;
const misses = [], fps = [];
postings.forEach((p, i) => {
  const found = reports[i].findings.filter((f) => f.severity !== 'info');
  const foundCats = new Set(found.map((f) => f.category));
  if (p.expect.length === 0) {
    clean++;
    if (found.length) {
      fpPostings++;
      fps.push(`${p.id}: ${found.map((f) => `${f.rule} ${JSON.stringify(f.text)}`).join('; ')}`);
    }
    return;
  }
  violating++;
  let all = true;
  const expectCats = new Set(p.expect.map(cat));
  for (const r of p.expect) {
    const c = cat(r);
    recall[c] ??= [0, 0];
    recall[c][1]++;
    if (foundCats.has(c)) recall[c][0]++;
    else { all = false; misses.push(`${p.id} ${r}: ${p.why ?? ''}`); }
  }
  if (all) fullyCaught++;
  for (const f of found) if (!expectCats.has(f.category)) { extra++; if (verbose) fps.push(`(extra on violating) ${p.id}: ${f.rule} ${JSON.stringify(f.text)}`); }
});

let hit = 0, total = 0;
console.log(`${files.join(', ')}: ${violating} violating postings, ${clean} clean`);
console.log(`${'category'.padEnd(28)} ${'found'.padStart(5)} ${'total'.padStart(5)} recall`);
for (const [c, [h, t]] of Object.entries(recall).sort()) {
  hit += h; total += t;
  console.log(`${c.padEnd(28)} ${String(h).padStart(5)} ${String(t).padStart(5)} ${(h / t).toFixed(3)}`);
}
console.log(`${'all planted violations'.padEnd(28)} ${String(hit).padStart(5)} ${String(total).padStart(5)} ${(hit / total).toFixed(3)}`);
console.log(`violating postings with every violation found: ${fullyCaught}/${violating}`);
console.log(`false positives: ${fpPostings} of ${clean} clean postings = ${(100 * fpPostings / Math.max(clean, 1)).toFixed(1)} per 100`);
console.log(`findings of another category on violating postings: ${extra}`);
if (verbose) {
  for (const m of misses) console.log(`  miss: ${m}`);
  for (const f of fps) console.log(`  false positive: ${f}`);
}
