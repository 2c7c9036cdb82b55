// Issue 11: a page with only <jobseal-badge> loads the badge's own module and no byte of the posting
// checker (jobseal_bg.wasm, its glue, the form, the worker). The requests of www/account.html are
// recorded from navigation on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, SHOTS } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

test('a page with only the badge loads the badge module and nothing of the checker', async () => {
  const { page, context, errors, offsite } = await openPage(env, null);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${env.base}/www/account.html`);
  await page.waitForSelector('jobseal-badge[data-status]', { timeout: 10000 });
  const status = await page.getAttribute('jobseal-badge', 'data-status');
  await page.waitForTimeout(300);
  const pkg = requested.filter((p) => p.startsWith('/pkg/')).map((p) => p.slice(5)).sort();
  assert.ok(pkg.includes('jobseal_badge_bg.wasm'), `the badge module was loaded: ${pkg}`);
  for (const checker of ['jobseal_bg.wasm', 'jobseal.js', 'ready.js', 'form.js', 'worker.js', 'jobseal-embed.js', 'index.js']) {
    assert.ok(!pkg.includes(checker), `${checker} was requested by a badge-only page: ${pkg}`);
  }
  const text = await page.evaluate(() => document.querySelector('jobseal-badge').shadowRoot.textContent);
  assert.match(text, /上海启程人力资源服务有限公司/);
  assert.equal(status, 'verified');
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, []);
  await page.screenshot({ path: `${SHOTS}badge-only.png` });
  await context.close();
});

test('a form-only page loads the checker and nothing of the badge (no element registered, no signature code)', async () => {
  const { page, context, errors } = await openPage(env, null);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${env.base}/tests/e2e/pages/policy.html?policy=hold`);
  await page.waitForFunction(() => window.__events?.some((e) => e.type === 'ready'));
  const pkg = requested.filter((p) => p.startsWith('/pkg/')).map((p) => p.slice(5));
  assert.ok(pkg.includes('jobseal_bg.wasm'), `the checker was loaded: ${pkg}`);
  for (const badge of ['jobseal_badge_bg.wasm', 'jobseal_badge.js', 'badge.js', 'badge-ready.js', 'badge-reasons.js']) {
    assert.ok(!pkg.includes(badge), `${badge} was requested by a form-only page: ${pkg}`);
  }
  assert.equal(await page.evaluate(() => customElements.get('jobseal-badge')), undefined);
  // Held to a signed-in account given as its badge credential: the form reads the credential's claims
  // (it has no signature code) and still fetches nothing of the badge, nor the platform's key set.
  const rules = await page.evaluate(async () => {
    const creds = await import('/www/demo-credentials.js');
    const form = document.getElementById('f');
    const found = () => form.jobseal.check().findings.map((f) => f.rule);
    form.jobseal.setAccount(creds.employer);
    const own = found();
    form.querySelector('[name=employer]').value = '深圳速达科技有限公司';
    const other = found();
    form.jobseal.setAccount('not a credential');
    const unreadable = found();
    return { own, other, unreadable };
  });
  assert.ok(!rules.own.includes('employer-mismatch'), rules.own.join());
  assert.ok(rules.other.includes('employer-mismatch'), rules.other.join());
  assert.ok(!rules.unreadable.includes('employer-mismatch'), rules.unreadable.join());
  const causes = await page.evaluate(() => window.__events.filter((e) => e.type === 'error').map((e) => e.cause));
  assert.deepEqual(causes, ['account-invalid']);
  const after = requested.filter((p) => p.startsWith('/pkg/') || p.includes('jwks')).map((p) => p.replace('/pkg/', ''));
  for (const f of after) assert.ok(!/badge|jwks/.test(f), `${f} was requested by a form-only page`);
  assert.deepEqual(errors, []);
  await context.close();
});
