// Same verdict everywhere: every corpus item (tests/corpus/) checked through the npm package in Node
// and through the native CLI gives byte-identical JSON reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-28';

/** The corpus TOML files hold `[[case]]` tables with `rule`/`field` and a `texts` array of basic strings. */
function tomlCases(text) {
  const cases = [];
  let cur = null;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '[[case]]') cases.push((cur = { texts: [] }));
    else if (cur && /^(rule|field|note) = /.test(t)) cur[t.split(' ')[0]] = JSON.parse(t.slice(t.indexOf('=') + 1).trim());
    else if (cur && t.startsWith('"')) cur.texts.push(JSON.parse(t.replace(/,$/, '')));
    else if (cur && t.startsWith('texts = [') && t.endsWith(']')) cur.texts.push(...JSON.parse(t.slice(8)));
  }
  return cases;
}

function corpus() {
  const postings = [];
  let n = 0;
  for (const [file, def] of [['hits.toml', 'description'], ['clean.toml', 'requirements']]) {
    for (const c of tomlCases(readFileSync(`${root}tests/corpus/${file}`, 'utf8'))) {
      for (const t of c.texts) postings.push({ id: `c${++n}`, [c.field ?? (c.rule ? 'description' : def)]: t });
    }
  }
  for (const line of readFileSync(`${root}tests/corpus/postings.jsonl`, 'utf8').split('\n')) if (line.trim()) postings.push(JSON.parse(line));
  return postings;
}

test('Node and the CLI give byte-identical reports for the whole corpus', async () => {
  const bin = [`${root}target/native/jobseal`, `${root}target/debug/jobseal`].find(existsSync);
  assert.ok(bin, 'build the CLI first (make test-audit)');
  const { Checker } = await import(`${root}pkg/node.js`);
  const items = corpus();
  assert.ok(items.length >= 380, `${items.length} corpus items`);
  for (const lang of ['zh', 'en']) {
    const checker = new Checker();
    const node = items.map((p) => JSON.stringify(checker.check(p, TODAY, lang))).join('\n') + '\n';
    const cli = spawnSync(bin, ['check', '--today', TODAY, '--lang', lang], {
      input: items.map((p) => JSON.stringify(p)).join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(cli.stderr, '');
    assert.equal(cli.stdout.split('\n').length, items.length + 1);
    const a = node.split('\n');
    const b = cli.stdout.split('\n');
    const first = a.findIndex((l, i) => l !== b[i]);
    assert.equal(first, -1, `first difference at item ${first}:\nnode ${a[first]}\ncli  ${b[first]}`);
    assert.equal(node, cli.stdout);
    checker.free();
  }
});

test('held to the publishing account (employer-mismatch): Node and the CLI agree', async () => {
  const bin = [`${root}target/native/jobseal`, `${root}target/debug/jobseal`].find(existsSync);
  const { Checker } = await import(`${root}pkg/node.js`);
  const { issue, keypair } = await import(`${root}tests/data/make-node-credentials.mjs`);
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const key = keypair('platform-1');
  const now = Math.floor(Date.now() / 1000);
  const claims = (kind, name) => ({
    iss: 'https://jobs.example.cn', sub: `acct-${kind}`, iat: now - 60, exp: now + 86400 * 30, jti: `j-${kind}`, kind, name,
    uscc: '91310110666007217T', origins: ['https://jobs.example.cn'],
    ...(kind === 'hr_agency' ? { licence: { number: '310115120105', authority: '上海市浦东新区人力资源和社会保障局', valid_from: '2024-03-01', valid_until: '2029-02-28' } } : {}),
  });
  const employer = issue(claims('employer', '苏州明澜电子科技有限公司'), key);
  const agency = issue(claims('hr_agency', '上海启程人力资源服务有限公司'), key);
  const dir = mkdtempSync(`${root}target/acct-`);
  writeFileSync(`${dir}/jwks.json`, JSON.stringify(key.jwks));
  const postings = [
    { id: 'own', employer: '苏州明澜电子科技有限责任公司' },
    { id: 'other', employer: '深圳速达科技有限公司' },
    { id: 'other-on-behalf', employer: '深圳速达科技有限公司', employer_intro: '本岗位由我司受深圳速达科技有限公司委托招聘' },
  ];
  const checker = new Checker();
  for (const [token, expected] of [[employer, ['other', 'other-on-behalf']], [agency, ['own', 'other']]]) {
    const node = postings.map((p) => JSON.stringify(checker.check(p, TODAY, 'zh', { account: token, jwks: key.jwks }))).join('\n') + '\n';
    const cli = spawnSync(bin, ['check', '--today', TODAY, '--account', token, '--jwks', `${dir}/jwks.json`], {
      input: postings.map((p) => JSON.stringify(p)).join('\n') + '\n', encoding: 'utf8',
    });
    assert.equal(cli.stderr, '');
    assert.equal(node, cli.stdout);
    const flagged = node.trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.findings.some((f) => f.rule === 'employer-mismatch')).map((r) => r.id);
    assert.deepEqual(flagged, expected);
  }
  // A credential that does not verify is refused by both, with the reason.
  const forged = issue(claims('employer', '苏州明澜电子科技有限公司'), keypair('platform-1'));
  assert.throws(() => checker.check(postings[0], TODAY, 'zh', { account: forged, jwks: key.jwks }), /options\.account: the credential is invalid/);
  const cli = spawnSync(bin, ['check', '--account', forged, '--jwks', `${dir}/jwks.json`], { input: '{}', encoding: 'utf8' });
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /--account: the credential is invalid.*bad-signature/);
  checker.free();
});
