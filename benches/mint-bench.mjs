// jobseal beside mint-filter (issue 11) in one Node run, on the same postings: every blind-batch posting
// in tests/corpus/blind/ (1,500-odd postings written by others, 100-600 characters each). mint-filter
// (the npm Aho-Corasick sensitive-word filter) is loaded with jobseal's own word lists
// (src/engine/data/terms/*.txt, 18 lists) and only lowercases and matches; jobseal runs every rule.
//   make bench-mint   (after make pkg; installs mint-filter into benches/mint/ from its lock file)
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}benches/mint/`);
const { Mint } = require('mint-filter');
const { Checker } = await import(`${root}pkg/node.js`);

const words = [];
for (const f of readdirSync(`${root}src/engine/data/terms`)) {
  for (const line of readFileSync(`${root}src/engine/data/terms/${f}`, 'utf8').split('\n')) {
    const w = line.split('=>')[0].trim();
    if (w && !w.startsWith('#')) words.push(w.toLowerCase());
  }
}
const postings = [];
for (const f of readdirSync(`${root}tests/corpus/blind`)) {
  for (const line of readFileSync(`${root}tests/corpus/blind/${f}`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line);
    for (const k of ['expect', 'labels', 'why']) delete p[k];
    postings.push(p);
  }
}
const texts = postings.map((p) => Object.values(p).filter((v) => typeof v === 'string').join('\n'));
const chars = texts.reduce((n, t) => n + t.length, 0);

const mint = new Mint(words);
const checker = new Checker();
let sink = 0;
const runs = {
  'mint-filter': () => { for (const t of texts) sink += mint.filter(t).words.length; },
  'jobseal Checker.check (object in, report out)': () => { for (const p of postings) sink += checker.check(p, '2026-11-28').findings.length; },
};
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (const run of Object.values(runs)) run(); // warm-up
for (let round = 0; round < 9; round++) {
  for (const [name, run] of Object.entries(runs)) {
    const t = performance.now();
    run();
    times[name].push(((performance.now() - t) * 1000) / postings.length);
  }
}
console.log(`${postings.length} postings (${Math.round(chars / postings.length)} characters on average), ${words.length} words; Node ${process.version}; median of 9 rounds, µs per posting:`);
const mintUs = median(times['mint-filter']);
for (const [name, t] of Object.entries(times)) {
  const m = median(t);
  console.log(`  ${name.padEnd(46)} ${m.toFixed(1).padStart(8)} µs   ${(m / mintUs).toFixed(2)} × mint-filter`);
}
if (sink < 0) console.log(sink);
