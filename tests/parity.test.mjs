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
