// `jobseal serve` (issue 12): every endpoint, held to openapi.json; the same reports as the CLI byte for
// byte; the limits and their JSON error bodies; SIGTERM draining; SIGHUP reload without dropped requests.
// Starts target/native/jobseal (built by `make test-audit`) on free loopback ports.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { posting as genPosting } from '../benches/gen-postings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}target/native/jobseal`;
const TODAY = '2026-11-28';
const doc = JSON.parse(readFileSync(`${root}openapi.json`, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'jobseal-serve-'));
const servers = [];
after(() => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the service on a free port; resolves when it prints its address. */
async function serve(args = []) {
  assert.ok(existsSync(bin), `${bin} missing: run make test-audit`);
  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const s = { child, url, stderr: () => stderr, exited: new Promise((ok) => child.on('exit', (code) => ok(code))) };
  servers.push(s);
  return s;
}

// ---- a small JSON Schema check for the document's schemas (type, required, properties, items, enum,
// pattern, minimum, oneOf, additionalProperties: false, $ref) ----
function resolve(schema) {
  while (schema.$ref) schema = schema.$ref.replace('#/', '').split('/').reduce((o, k) => o[k], doc);
  return schema;
}
function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}
function validate(value, schema, path = '$') {
  schema = resolve(schema);
  const errors = [];
  if (schema.oneOf) {
    const ok = schema.oneOf.filter((s) => validate(value, s, path).length === 0).length;
    if (ok !== 1) errors.push(`${path}: matches ${ok} of oneOf`);
    return errors;
  }
  if (schema.type) {
    const types = [].concat(schema.type);
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: ${t}, want ${types}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: pattern`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) errors.push(`${path}: < minimum`);
  if (typeOf(value) === 'object') {
    for (const k of schema.required ?? []) if (!(k in value)) errors.push(`${path}: missing ${k}`);
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties?.[k]) errors.push(...validate(v, schema.properties[k], `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected ${k}`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...validate(v, schema.items, `${path}[${i}]`)));
  return errors;
}

/** Requests, then checks the answer against the document: the status is documented, the body fits. */
async function call(base, method, path, { body, type, headers = {}, query = '' } = {}) {
  const res = await fetch(`${base}${path}${query}`, {
    method,
    body,
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
  });
  const text = await res.text();
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (op) {
    const r = op.responses[String(res.status)];
    assert.ok(r, `${method} ${path} answered ${res.status}, which openapi.json does not document: ${text}`);
    const ct = res.headers.get('content-type').split(';')[0];
    const media = r.content?.[ct];
    assert.ok(media, `${method} ${path} ${res.status}: content type ${ct} not documented`);
    if (ct === 'application/x-ndjson') {
      for (const line of text.trimEnd().split('\n')) {
        const e = validate(JSON.parse(line), media['x-jobseal-line-schema']);
        assert.deepEqual(e, [], `${method} ${path} line: ${line.slice(0, 200)}`);
      }
    } else if (ct !== 'text/plain') {
      const e = validate(JSON.parse(text), media.schema);
      assert.deepEqual(e, [], `${method} ${path} ${res.status}: ${text.slice(0, 300)}`);
    }
  }
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) };
}

const CLEAN = readFileSync(`${root}tests/data/clean-posting.json`, 'utf8');
const corpusLines = readFileSync(`${root}tests/corpus/postings.jsonl`, 'utf8').split('\n').filter((l) => l.trim());

function cli(args, input) {
  return spawnSync(bin, args, { input, encoding: 'utf8', maxBuffer: 1 << 26 });
}

test('every endpoint answers as openapi.json says, and every documented operation exists', async () => {
  const s = await serve();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const r = await call(s.url, method.toUpperCase(), path, method === 'post' ? { body: '{}', type: 'application/json' } : {});
      assert.notEqual(r.status, 404, `${method} ${path} is documented but not served`);
    }
  }
  const health = (await call(s.url, 'GET', '/healthz')).json();
  assert.equal(health.status, 'ok');
  assert.equal(health.rules, 40);
  const rules = (await call(s.url, 'GET', '/v1/rules')).json().rules;
  assert.equal(rules.length, 40);
  assert.ok(rules.every((r) => r.enabled));
  const served = (await call(s.url, 'GET', '/openapi.json')).json();
  assert.deepEqual(served, doc, 'the served document is the repository one');
  // Not documented, not served: a JSON 404; a documented path with another method: a JSON 405.
  const nf = await call(s.url, 'GET', '/v1/nothing');
  assert.equal(nf.status, 404);
  assert.equal(nf.json().error.code, 'not-found');
  const na = await call(s.url, 'GET', '/v1/check');
  assert.equal(na.status, 405);
  assert.equal(na.json().error.code, 'method-not-allowed');
});

test('the same reports as the CLI, byte for byte: one posting, and JSON Lines in zh and en', async () => {
  const s = await serve();
  const one = await call(s.url, 'POST', '/v1/check', { body: CLEAN, type: 'application/json', query: `?today=${TODAY}` });
  assert.equal(one.status, 200);
  assert.equal(one.text, cli(['check', '--today', TODAY], CLEAN).stdout);
  for (const lang of ['zh', 'en']) {
    const body = corpusLines.join('\n') + '\n';
    const r = await call(s.url, 'POST', '/v1/check', { body, type: 'application/x-ndjson', query: `?today=${TODAY}&lang=${lang}` });
    assert.equal(r.status, 200);
    const c = cli(['check', '--today', TODAY, '--lang', lang], body);
    assert.equal(c.stderr, '');
    assert.equal(r.text, c.stdout);
  }
  const ld = await call(s.url, 'POST', '/v1/jsonld', { body: CLEAN, type: 'application/json', query: `?today=${TODAY}` });
  assert.equal(ld.status, 200);
  assert.equal(ld.text, cli(['jsonld', '--today', TODAY], CLEAN).stdout);
  // A bad line in a batch becomes an error line in its place; nothing else is lost or reordered.
  const batch = '{"id":"a"}\nnot json\n\n{"id":"c","salary":8000}\n{"id":"d"}\n';
  const r = await call(s.url, 'POST', '/v1/check', { body: batch, type: 'application/x-ndjson', query: `?today=${TODAY}` });
  const lines = r.text.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id ?? `line ${l.line}: ${l.error.code}`), ['a', 'line 2: bad-json', 'line 4: bad-posting', 'd']);
});

test('a clear JSON error for every bad request', async () => {
  const s = await serve(['--max-body-bytes', '3000', '--max-field-chars', '100']);
  const cases = [
    [{ query: '?today=28/11/2026', body: '{}', type: 'application/json' }, 400, 'bad-parameter'],
    [{ query: '?lang=fr', body: '{}', type: 'application/json' }, 400, 'bad-parameter'],
    [{ body: '{"id":', type: 'application/json' }, 400, 'bad-json'],
    [{ body: '', type: 'application/json' }, 400, 'bad-json'],
    [{ body: '[1,2]', type: 'application/json' }, 422, 'bad-posting'],
    [{ body: '{"salary":8000}', type: 'application/json' }, 422, 'bad-posting'],
    [{ body: 'title=x', type: 'application/x-www-form-urlencoded' }, 415, 'unsupported-media-type'],
    [{ body: JSON.stringify({ description: 'x'.repeat(4000) }), type: 'application/json' }, 413, 'body-too-large'],
    [{ body: JSON.stringify({ description: '招'.repeat(101) }), type: 'application/json' }, 413, 'field-too-long'],
    [{ body: '{}', type: 'application/json', headers: { 'jobseal-account': 'x.y.z' } }, 400, 'no-key-set'],
  ];
  for (const [req, status, code] of cases) {
    const r = await call(s.url, 'POST', '/v1/check', req);
    assert.equal(r.status, status, `${JSON.stringify(req).slice(0, 120)} → ${r.text}`);
    assert.equal(r.json().error.code, code);
    assert.ok(r.json().error.message.length > 10);
  }
  // Exactly at the field limit is accepted.
  assert.equal((await call(s.url, 'POST', '/v1/check', { body: JSON.stringify({ description: '招'.repeat(100) }), type: 'application/json' })).status, 200);
  const v = await call(s.url, 'POST', '/v1/badge/verify', { body: '{"token":"a.b.c"}', type: 'application/json' });
  assert.equal(v.status, 501);
  assert.equal(v.json().error.code, 'no-key-set');
});

test('badge verification and the Jobseal-Account header with the key set the service was started with', async () => {
  const key = join(dir, 'k.jwk');
  const kg = spawnSync(bin, ['badge', 'keygen', '--kid', 'k1', '--out', key], { encoding: 'utf8' });
  assert.equal(kg.status, 0, kg.stderr);
  writeFileSync(join(dir, 'jwks.json'), kg.stdout);
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://jobs.example.cn', sub: 'acct-1', iat: now - 60, exp: now + 86400, jti: 'j1', kind: 'employer', name: '苏州明澜电子科技有限公司', uscc: '91310110666007217T', origins: ['https://jobs.example.cn'] };
  const token = spawnSync(bin, ['badge', 'sign', '--key', key], { input: JSON.stringify(claims), encoding: 'utf8' }).stdout.trim();
  const s = await serve(['--jwks', join(dir, 'jwks.json')]);
  const body = JSON.stringify({ token, origin: 'https://jobs.example.cn', account: 'acct-1' });
  const r = await call(s.url, 'POST', '/v1/badge/verify', { body, type: 'application/json' });
  assert.equal(r.status, 200);
  assert.equal(r.json().status, 'verified');
  const viaCli = cli(['badge', 'verify', '--jwks', join(dir, 'jwks.json'), '--origin', 'https://jobs.example.cn', '--account', 'acct-1', token], '');
  assert.deepEqual(r.json(), JSON.parse(viaCli.stdout), 'the same verdict as the CLI');
  const copied = await call(s.url, 'POST', '/v1/badge/verify', { body: JSON.stringify({ token, account: 'acct-2' }), type: 'application/json' });
  assert.equal(copied.json().status, 'invalid');
  const forged = await call(s.url, 'POST', '/v1/badge/verify', { body: JSON.stringify({ token: token.slice(0, -4) + 'AAAA' }), type: 'application/json' });
  assert.equal(forged.json().status, 'invalid');
  assert.equal(forged.json().claims, null);
  const bad = await call(s.url, 'POST', '/v1/badge/verify', { body: '{"tokn":"x"}', type: 'application/json' });
  assert.equal(bad.status, 400);
  // Postings published from that account are held to its certified name.
  const postings = '{"id":"own","employer":"苏州明澜电子科技有限公司"}\n{"id":"other","employer":"深圳速达科技有限公司"}\n';
  const held = await call(s.url, 'POST', '/v1/check', { body: postings, type: 'application/x-ndjson', headers: { 'jobseal-account': token }, query: `?today=${TODAY}` });
  const c = cli(['check', '--today', TODAY, '--account', token, '--jwks', join(dir, 'jwks.json')], postings);
  assert.equal(held.text, c.stdout);
  const mismatched = held.text.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((r) => r.findings.some((f) => f.rule === 'employer-mismatch'));
  assert.deepEqual(mismatched.map((r) => r.id), ['other']);
  const forgedAccount = await call(s.url, 'POST', '/v1/check', { body: '{}', type: 'application/json', headers: { 'jobseal-account': token.slice(0, -4) + 'AAAA' } });
  assert.equal(forgedAccount.status, 422);
  assert.equal(forgedAccount.json().error.code, 'bad-account');
});

test('metrics: requests by route and status, a latency histogram, findings per rule', async () => {
  const s = await serve();
  await call(s.url, 'POST', '/v1/check', { body: '{"requirements":"限男性"}\n{"requirements":"限男性，35岁以下"}\n', type: 'application/x-ndjson' });
  await call(s.url, 'POST', '/v1/check', { body: '{', type: 'application/json' });
  const m = (await call(s.url, 'GET', '/metrics')).text;
  assert.match(m, /^jobseal_requests_total\{route="\/v1\/check",status="200"\} 1$/m);
  assert.match(m, /^jobseal_requests_total\{route="\/v1\/check",status="400"\} 1$/m);
  assert.match(m, /^jobseal_request_duration_seconds_bucket\{route="\/v1\/check",le="\+Inf"\} 2$/m);
  assert.match(m, /^jobseal_request_duration_seconds_count\{route="\/v1\/check"\} 2$/m);
  assert.match(m, /^jobseal_findings_total\{rule="gender-restriction"\} 2$/m);
  assert.match(m, /^jobseal_findings_total\{rule="age-restriction"\} 1$/m);
  assert.match(m, /^jobseal_postings_checked_total 2$/m);
  assert.match(m, /^# TYPE jobseal_request_duration_seconds histogram$/m);
});

function batchOf(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += JSON.stringify(genPosting(i)) + '\n';
  return s;
}

test('concurrency and time limits: 503 with Retry-After and a JSON body', async () => {
  const big = batchOf(3000);
  const one = await serve(['--concurrency', '1', '--max-body-bytes', String(64 << 20)]);
  let done = false;
  const slow = fetch(`${one.url}/v1/check`, { method: 'POST', body: big, headers: { 'content-type': 'application/x-ndjson' } })
    .then((r) => r.text())
    .finally(() => (done = true));
  // Probe while the batch holds the only permit: a probe is refused at once, not queued.
  let busy;
  while (!done) {
    const r = await call(one.url, 'POST', '/v1/check', { body: '{}', type: 'application/json' });
    if (r.status === 503) {
      busy = r;
      break;
    }
  }
  assert.ok(busy, 'a request was refused while the batch held the only permit');
  assert.equal(busy.json().error.code, 'overloaded');
  assert.equal(busy.headers.get('retry-after'), '1');
  assert.equal((await slow).trimEnd().split('\n').length, 3000, 'the first request still completes');
  const quick = await serve(['--timeout-ms', '20', '--max-body-bytes', String(64 << 20)]);
  const t = await call(quick.url, 'POST', '/v1/check', { body: big, type: 'application/x-ndjson' });
  assert.equal(t.status, 503);
  assert.equal(t.json().error.code, 'timeout');
  assert.equal((await call(quick.url, 'POST', '/v1/check', { body: '{}', type: 'application/json' })).status, 200, 'a single posting is well within 20 ms');
});

test('SIGTERM: in-flight requests finish, then the service exits 0 and stops listening', async () => {
  const s = await serve(['--max-body-bytes', String(64 << 20)]);
  const n = 4000;
  const pending = fetch(`${s.url}/v1/check?today=${TODAY}`, { method: 'POST', body: batchOf(n), headers: { 'content-type': 'application/x-ndjson' } });
  // Wait until the request is being handled, then ask the service to stop.
  for (let i = 0; i < 200; i++) {
    const m = await (await fetch(`${s.url}/metrics`)).text();
    if (/jobseal_in_flight_requests [2-9]/.test(m)) break;
    await new Promise((ok) => setTimeout(ok, 5));
  }
  s.child.kill('SIGTERM');
  const res = await pending;
  assert.equal(res.status, 200);
  const lines = (await res.text()).trimEnd().split('\n');
  assert.equal(lines.length, n, 'every report of the in-flight batch arrived');
  assert.equal(JSON.parse(lines[n - 1]).id, `gen-${n - 1}`);
  assert.equal(await s.exited, 0);
  assert.match(s.stderr(), /shutting down/);
  await assert.rejects(fetch(`${s.url}/healthz`), 'no longer listening');
});

test('SIGHUP reloads the rule pack without dropping requests; a broken pack keeps the old one', async () => {
  const pack = join(dir, 'pack.json');
  writeFileSync(pack, JSON.stringify({ rules: { 'gender-restriction': { enabled: false } } }));
  const s = await serve(['--config', pack]);
  const gender = async () => {
    const r = await call(s.url, 'POST', '/v1/check', { body: '{"requirements":"限男性"}', type: 'application/json' });
    assert.equal(r.status, 200, r.text);
    return r.json().findings.some((f) => f.rule === 'gender-restriction');
  };
  assert.equal(await gender(), false);
  // Requests keep flowing while the pack is swapped: every one of them answers 200.
  let stop = false;
  let answered = 0;
  const flow = (async () => {
    while (!stop) {
      await gender();
      answered++;
    }
  })();
  const reloads = async () => Number(/jobseal_reloads_total\{result="ok"\} (\d+)/.exec((await call(s.url, 'GET', '/metrics')).text)[1]);
  writeFileSync(pack, JSON.stringify({ rules: {} }));
  s.child.kill('SIGHUP');
  for (let i = 0; i < 200 && (await reloads()) < 1; i++) await new Promise((ok) => setTimeout(ok, 10));
  assert.equal(await reloads(), 1);
  await new Promise((ok) => setTimeout(ok, 50));
  stop = true;
  await flow;
  assert.ok(answered > 5, `${answered} requests answered during the reload`);
  assert.equal(await gender(), true, 'the reloaded pack is in force');
  // A pack that does not load: the previous one keeps serving, and the failure is visible.
  writeFileSync(pack, '{"rules":{"no-such-rule":{}}}');
  s.child.kill('SIGHUP');
  let health;
  for (let i = 0; i < 200; i++) {
    health = (await call(s.url, 'GET', '/healthz')).json();
    if (health.last_reload_error) break;
    await new Promise((ok) => setTimeout(ok, 10));
  }
  assert.match(health.last_reload_error, /no-such-rule/);
  assert.equal(await gender(), true);
  assert.match((await call(s.url, 'GET', '/metrics')).text, /jobseal_reloads_total\{result="error"\} 1/);
  assert.match(s.stderr(), /reload failed, still serving the previous pack/);
  assert.equal(s.child.exitCode, null, 'still running');
});

test('bad options are refused at start with exit 2', () => {
  const any = ['--addr', '127.0.0.1:0'];
  for (const args of [[...any, '--config', '/no/such/pack.json'], [...any, '--concurrency', '0'], ['--addr', 'nowhere']]) {
    const r = spawnSync(bin, ['serve', ...args], { encoding: 'utf8', timeout: 5000 });
    assert.equal(r.status, 2, `${args}: ${r.stderr}`);
    assert.match(r.stderr, /jobseal|error/);
  }
});
