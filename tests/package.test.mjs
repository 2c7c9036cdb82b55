// The npm package: `npm pack ./pkg` must hold the wasm, the JS, the .d.ts and the merged manifest, and
// nothing else (no sources, no tests). Run after `make pkg`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ours = JSON.parse(readFileSync(`${root}pkg.json`, 'utf8'));

function packed() {
  const out = execFileSync('npm', ['pack', './pkg', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out)[0];
}

test('the tarball holds the wasm, the JS modules and the types', () => {
  const files = packed().files.map((f) => f.path).sort();
  for (const f of ['jobseal_bg.wasm', 'jobseal.js', 'jobseal.d.ts', 'jobseal_badge_bg.wasm', 'jobseal_badge.js', 'badge-ready.js', 'loader.js', 'index.js', 'index.d.ts', 'node.js', 'package.json']) {
    assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.endsWith('.rs')), 'no Rust sources in the package');
});

test('the manifest is pkg.json merged over what wasm-pack wrote', () => {
  const manifest = JSON.parse(readFileSync(`${root}pkg/package.json`, 'utf8'));
  for (const key of ['name', 'version', 'description', 'license', 'type', 'exports', 'types', 'files', 'sideEffects', 'keywords']) {
    assert.deepEqual(manifest[key], ours[key], key);
  }
  assert.equal(manifest.type, 'module');
  const p = packed();
  assert.equal(p.name, 'jobseal');
  assert.equal(p.version, ours.version);
});

test('the version matches Cargo.toml', () => {
  const cargo = readFileSync(`${root}Cargo.toml`, 'utf8');
  assert.equal(cargo.match(/^version = "(.+)"/m)[1], ours.version);
});

test('every export target exists in the package', () => {
  const files = new Set(packed().files.map((f) => f.path));
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v.slice(2)) : Object.values(v).forEach(walk));
  walk(ours.exports);
  assert.ok(targets.length > 3);
  for (const t of targets) assert.ok(files.has(t), `${t} is exported but not packed`);
});

test('the Node entry initialises from disk and checks a posting', async () => {
  const { Checker, version } = await import(`${root}pkg/node.js`);
  assert.equal(version(), ours.version);
  const report = new Checker().check({ title: '普工', requirements: '限男性' });
  assert.equal(report.ok, false);
  assert.ok(report.findings.some((f) => f.rule === 'gender-restriction'));
});

test('credentials freshly issued by Node crypto verify through the wasm build in Node', async () => {
  const { verifyBadge } = await import(`${root}pkg/node.js`);
  const { issue, keypair, EMPLOYER, AGENCY, IAT } = await import(`${root}tests/data/make-node-credentials.mjs`);
  const k = keypair('fresh-1');
  const now = IAT + 30 * 86400;
  for (const claims of [EMPLOYER, AGENCY]) {
    const v = verifyBadge(issue(claims, k), k.jwks, { origin: 'https://jobs.example.cn', now });
    assert.equal(v.status, 'verified', JSON.stringify(v));
    assert.equal(v.claims.name, claims.name);
  }
  const forged = issue(EMPLOYER, keypair('fresh-1'));
  assert.equal(verifyBadge(forged, k.jwks, { now }).reasons[0].code, 'bad-signature');
  assert.throws(() => verifyBadge('x', '{"nokeys":1}'), /keys/);
});

test('the JS API converts to and from schema.org JobPosting, and check() reads JSON-LD', async () => {
  const { Checker, toJsonLd, fromJsonLd } = await import(`${root}pkg/node.js`);
  const posting = JSON.parse(readFileSync(`${root}tests/data/clean-posting.json`, 'utf8'));
  const ld = toJsonLd(posting, '2026-11-28');
  for (const k of ['title', 'description', 'datePosted', 'hiringOrganization', 'jobLocation', 'validThrough']) assert.ok(ld[k], k);
  assert.equal(ld['@type'], 'JobPosting');
  assert.equal(ld.baseSalary.value.unitText, 'MONTH');
  const back = fromJsonLd(ld);
  assert.equal(back.salary, posting.salary);
  assert.equal(back.location, posting.location);
  const bad = { ...posting, requirements: '限男性' };
  const c = new Checker();
  assert.deepEqual(c.check(toJsonLd(bad, '2026-11-28'), '2026-11-28'), c.check(bad, '2026-11-28'));
});

test('the checker module carries no signature code; the badge module does', () => {
  // Built from the crate without the `badge` feature: ed25519-dalek, base64 and miniz_oxide are not
  // even compiled (cargo's own dependency graph says so), and none of the badge module's texts is in it.
  const tree = (features) => execFileSync('cargo', ['tree', '--locked', '--offline', '-e', 'normal', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', features, '--prefix', 'none'], { cwd: root, encoding: 'utf8' });
  const crates = (t) => new Set(t.split('\n').map((l) => l.split(' ')[0]).filter(Boolean));
  const checker = crates(tree('checker'));
  const badge = crates(tree('badge'));
  for (const c of ['ed25519-dalek', 'curve25519-dalek', 'sha2', 'base64', 'miniz_oxide']) {
    assert.ok(!checker.has(c), `${c} is in the checker's build`);
  }
  assert.ok(badge.has('ed25519-dalek') && badge.has('sha2'), 'the badge build has the signature code');
  const checkerWasm = readFileSync(`${root}pkg/jobseal_bg.wasm`).toString('latin1');
  const badgeWasm = readFileSync(`${root}pkg/jobseal_badge_bg.wasm`).toString('latin1');
  for (const text of ['EdDSA', 'jobseal-badge+jwt', 'bad-signature', 'OKP/Ed25519']) {
    assert.ok(badgeWasm.includes(text), `the badge module says ${text}`);
    assert.ok(!checkerWasm.includes(text), `the checker module says ${text}`);
  }
  const exports = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(`${root}pkg/${file}`))).map((e) => e.name);
  assert.ok(exports('jobseal_badge_bg.wasm').includes('verifyBadge'));
  assert.ok(!exports('jobseal_bg.wasm').some((n) => /badge/i.test(n)), 'no badge export in the checker');
});

test('a credential as the publishing account: the Node Checker verifies it with the badge module; the checker alone takes { name, kind }', async () => {
  const { Checker, accountFor } = await import(`${root}pkg/node.js`);
  const form = await import(`${root}pkg/jobseal.js`);
  const { issue, keypair, EMPLOYER } = await import(`${root}tests/data/make-node-credentials.mjs`);
  const k = keypair('acct-1');
  const now = Math.floor(Date.now() / 1000);
  const claims = { ...EMPLOYER, iat: now - 60, exp: now + 86400 * 30 };
  const token = issue(claims, k);
  const account = accountFor(token, k.jwks);
  assert.deepEqual(account, { name: EMPLOYER.name, kind: EMPLOYER.kind });
  const posting = { title: '普工', employer: '另一家贸易有限公司' };
  const rules = (r) => r.findings.map((f) => f.rule);
  const viaToken = new Checker().check(posting, null, 'zh', { account: token, jwks: k.jwks });
  const viaAccount = new Checker().check(posting, null, 'zh', { account });
  assert.ok(rules(viaToken).includes('employer-mismatch'));
  assert.deepEqual(viaToken, viaAccount);
  // Expired (the fixture's dates) and forged: the Node Checker refuses them, as the CLI does.
  assert.throws(() => new Checker().check(posting, null, 'zh', { account: issue(EMPLOYER, k), jwks: k.jwks }), /options\.account: the credential is expired/);
  assert.throws(() => new Checker().check(posting, null, 'zh', { account: issue(claims, keypair('acct-1')), jwks: k.jwks }), /options\.account: the credential is invalid, not usable as the publishing account: bad-signature/);
  assert.throws(() => new Checker().check(posting, null, 'zh', { account: token }), /options\.account needs options\.jwks/);
  // The checker's own module (what jobseal/form loads) refuses a credential, naming what it takes.
  form.initSync({ module: new WebAssembly.Module(readFileSync(`${root}pkg/jobseal_bg.wasm`)) });
  const bare = new form.Checker();
  assert.throws(() => bare.check(posting, null, 'zh', { account: token, jwks: k.jwks }), /carries no signature code.*\{ name, kind \}/);
  assert.deepEqual(bare.check(posting, null, 'zh', { account }), viaAccount);
  assert.throws(() => bare.check(posting, null, 'zh', { account: { name: ' ', kind: 'employer' } }), /options\.account\.name/);
  assert.throws(() => bare.check(posting, null, 'zh', { account: { name: 'x', kind: 'boss' } }), /options\.account\.kind/);
});
