// jobseal audit on 100,000 generated postings (benches/gen-postings.mjs): right counts, input order,
// bad lines reported and skipped, --fail-fast, Ctrl-C leaving a valid output. Uses the native CLI
// (target/native/jobseal, built by `make test-audit`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { posting, expected } from '../benches/gen-postings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}target/native/jobseal`;
const N = 100_000;
let dir;
let input;

before(() => {
  assert.ok(existsSync(bin), `${bin} missing: run make test-audit`);
  dir = mkdtempSync(join(tmpdir(), 'jobseal-audit-'));
  input = join(dir, 'postings.jsonl');
  const r = spawnSync('node', [`${root}benches/gen-postings.mjs`, String(N), input], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

function ids(path) {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).id);
}

test('100,000 postings: the right counts, every report in input order, bad lines skipped', () => {
  const out = join(dir, 'out.jsonl');
  const summary = join(dir, 'summary.json');
  const html = join(dir, 'report.html');
  const r = spawnSync(bin, ['audit', input, '--today', '2026-11-28', '--out', out, '--summary-json', summary, '--html', html], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 2, 'exit 2: there were unreadable lines');
  const want = expected(N);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  assert.equal(s.postings_checked, want.postings);
  assert.equal(s.bad_lines, want.badLines);
  assert.equal(s.postings_with_errors, want.withErrors);
  assert.deepEqual(s.per_rule, { 'age-restriction': want.age, 'gender-restriction': want.gender, 'wechat-contact': want.wechat });
  assert.deepEqual(s.per_category, { 'discrimination.age': want.age, 'discrimination.gender': want.gender, diversion: want.wechat });
  assert.equal(s.slowest.length, 10);
  const got = ids(out);
  assert.equal(got.length, N);
  for (let i = 0; i < N; i += 9973) assert.equal(got[i], `gen-${i}`);
  assert.equal(got[N - 1], `gen-${N - 1}`);
  // Every unreadable line is named with its input and line number (line 1001 is the first).
  const named = r.stderr.split('\n').filter((l) => /^jobseal: \S+postings\.jsonl: line \d+:/.test(l));
  assert.equal(named.length, want.badLines);
  assert.match(named[0], /postings\.jsonl: line 1001:/);
  assert.match(r.stderr, /100000 postings checked, 22857 with errors/);
  const report = readFileSync(html, 'utf8');
  assert.match(report, /招聘信息合规巡检报告/);
  assert.doesNotMatch(report, /<script|<link rel="stylesheet"|@import|url\(|src=/, "self-contained: no scripts, stylesheets or fetched resources");
});

// Peak resident memory of a running process (VmHWM, kB), sampled until it exits.
function peakRss(child) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch { /* exited */ }
  }, 20);
  return new Promise((ok) => child.on('exit', (code) => { clearInterval(timer); ok({ code, peakKb: peak }); }));
}

test('check streams: the 100,000 postings from stdin (`-`) in bounded memory, the same reports as audit', async () => {
  const viaAudit = join(dir, 'audit-j1.jsonl');
  const a = spawnSync(bin, ['audit', input, '--today', '2026-11-28', '--out', viaAudit, '--jobs', '1'], { encoding: 'utf8' });
  assert.equal(a.status, 2);
  const out = join(dir, 'check.jsonl');
  const { openSync, closeSync } = await import('node:fs');
  const fin = openSync(input, 'r');
  const fout = openSync(out, 'w');
  const child = spawn(bin, ['check', '-', '--today', '2026-11-28'], { stdio: [fin, fout, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const { code, peakKb } = await peakRss(child);
  closeSync(fin);
  closeSync(fout);
  assert.equal(code, 2, 'exit 2: unreadable lines');
  assert.match(stderr.split('\n')[0], /^jobseal: stdin: line 1001: /);
  assert.ok(readFileSync(out).equals(readFileSync(viaAudit)), 'byte-identical to audit');
  const inputMb = readFileSync(input).length / 1e6;
  // The input is ~240 MB; read whole it would need at least that much.
  assert.ok(peakKb > 0 && peakKb < 48 * 1024, `peak RSS ${peakKb} kB for ${inputMb.toFixed(0)} MB of input`);
});

test('--fail-fast stops at the first unreadable line', () => {
  const out = join(dir, 'ff.jsonl');
  const r = spawnSync(bin, ['audit', input, '--today', '2026-11-28', '--out', out, '--fail-fast'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /line 1001:/);
  assert.equal(ids(out).length, 1000);
});

test('Ctrl-C leaves a complete, valid output up to the last finished posting', async () => {
  const out = join(dir, 'int.jsonl');
  const child = spawn(bin, ['audit', input, '--today', '2026-11-28', '--out', out, '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  await new Promise((ok) => setTimeout(ok, 400));
  child.kill('SIGINT');
  const code = await new Promise((ok) => child.on('exit', (c) => ok(c)));
  assert.equal(code, 130, stderr.slice(-500));
  assert.match(stderr, /interrupted/);
  const lines = readFileSync(out, 'utf8');
  assert.ok(lines.endsWith('\n'), 'the last line is complete');
  const got = lines.trimEnd().split('\n').map((l) => JSON.parse(l).id);
  assert.ok(got.length > 0 && got.length < N, `${got.length} reports`);
  got.forEach((id, i) => assert.equal(id, `gen-${i}`));
});

test('the generator makes clean postings apart from the planted violations', () => {
  const path = join(dir, 'one.jsonl');
  writeFileSync(path, [1, 2, 3, 4].map((i) => JSON.stringify(posting(i))).join('\n') + '\n');
  const r = spawnSync(bin, ['check', path, '--today', '2026-11-28'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout);
  for (const line of r.stdout.trim().split('\n')) assert.deepEqual(JSON.parse(line).findings, []);
});
