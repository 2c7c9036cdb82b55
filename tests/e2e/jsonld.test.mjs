// JSON-LD embeds safely (issue 10: `jobseal jsonld` and `toJsonLd` kept `</script>` raw, so the usual
// <script type="application/ld+json"> embedding ran the posting's script). The text from the CLI, from
// Node and from the browser is placed, as a server template would, inside a script element of a page
// that allows inline scripts (no CSP: the test must be able to see a script run), and Chromium loads
// it. A control embeds JSON.stringify(toJsonLd(…)) the same way and does run the script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setup, ROOT } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const POSTING = {
  id: 'x-1',
  // Single quotes only: JSON would escape a double quote and break the payload's own syntax.
  title: "</script><script>window.__ran.push('title')</script>普工",
  description: "<!--<script>window.__ran.push('comment')</script>--> 负责装配 & 检测 </SCRIPT ><script>window.__ran.push('upper')</script>",
  employer: "A&B <img src=x onerror=window.__ran.push('img')>",
  location: '苏州\u2028工业园区\u2029',
};
const PAYLOADS = ['</script>', '<!--', '</SCRIPT >', '<img', '&', '\u2028', '\u2029'];

async function load(text) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const html = `<!doctype html><meta charset="utf-8"><script>window.__ran = [];</script>
<script type="application/ld+json" id="ld">${text}</script>
<p id="after">after</p>`;
  await page.setContent(html);
  const out = await page.evaluate(() => ({
    ran: window.__ran,
    scripts: document.scripts.length,
    parsed: (() => {
      try {
        return JSON.parse(document.getElementById('ld').textContent);
      } catch (e) {
        return `unparseable: ${e.message}`;
      }
    })(),
    after: document.getElementById('after')?.textContent,
  }));
  await context.close();
  return out;
}

test('JSON-LD text from the CLI, Node and the browser stays inside its script element', async () => {
  const { toJsonLd, toJsonLdText } = await import(`${ROOT}pkg/node.js`);
  const expected = toJsonLd(POSTING, '2026-11-28');
  const texts = { node: toJsonLdText(POSTING, '2026-11-28') };
  const bin = [`${ROOT}target/native/jobseal`, `${ROOT}target/debug/jobseal`].find(existsSync);
  assert.ok(bin, 'build the CLI first (cargo build or make test-audit)');
  const r = spawnSync(bin, ['jsonld', '--today', '2026-11-28'], { input: JSON.stringify(POSTING), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  texts.cli = r.stdout.trim();
  const { context, page } = await (async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.base}/tests/e2e/pages/badge-lab.html`);
    await page.waitForSelector('[data-ready]');
    return { context, page };
  })();
  texts.browser = await page.evaluate(async (p) => (await import('/pkg/index.js')).toJsonLdText(p, '2026-11-28'), POSTING);
  await context.close();
  assert.equal(texts.cli, texts.node, 'the CLI and Node write the same text');
  assert.equal(texts.browser, texts.node, 'the browser writes the same text');
  for (const p of PAYLOADS) assert.ok(!texts.node.includes(p), `${JSON.stringify(p)} raw in the text`);
  const out = await load(texts.node);
  assert.deepEqual(out.ran, [], 'no script ran');
  assert.equal(out.scripts, 2, 'no script element was added');
  assert.deepEqual(out.parsed, expected, 'the embedded JSON-LD reads back as the same value');
  assert.equal(out.parsed.title, POSTING.title);
  assert.equal(out.after, 'after');
});

test('control: JSON.stringify of the same JSON-LD, embedded the same way, runs the posting\'s script', async () => {
  const { toJsonLd } = await import(`${ROOT}pkg/node.js`);
  const out = await load(JSON.stringify(toJsonLd(POSTING, '2026-11-28')));
  assert.ok(out.ran.includes('title') && out.ran.includes('upper'), JSON.stringify(out));
});
