// The badge trusts only the platform (issue 10): key sets come from configureBadges() or the same-origin
// /.well-known/jobseal-jwks.json, never from markup; a key set that cannot be fetched is retried and
// shown as "cannot verify now", not as invalid, and the failure is not remembered; reasons are in the
// badge's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, SHOTS } from './helpers.mjs';
import { issue, keypair, EMPLOYER } from '../data/make-node-credentials.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const LAB = '/tests/e2e/pages/badge-lab.html';
const now = () => Math.floor(Date.now() / 1000);

/** Puts markup into the lab page the way user content lands in a page (innerHTML), waits for the badge. */
const inject = (page, html) => page.evaluate((html) => {
  const slot = document.getElementById('slot');
  const seen = new Promise((ok) => slot.addEventListener('jobseal-badge', (e) => ok(e.detail), { once: true }));
  slot.innerHTML = html;
  return seen;
}, html);
const shadowText = (page, sel = 'jobseal-badge') => page.locator(sel).first().evaluate((b) => b.shadowRoot.textContent);

test('an injected <jobseal-badge> carrying its own key set does not verify', async () => {
  const { page, context } = await openPage(env, LAB);
  await page.waitForSelector('[data-ready]');
  const attacker = keypair('attacker-1');
  const claims = { ...EMPLOYER, name: '冒名国际集团', iat: now() - 60, exp: now() + 86400 * 30, origins: [env.base] };
  const forged = issue(claims, attacker);
  const inline = JSON.stringify(attacker.jwks).replace(/'/g, '&#39;');
  // A key set URL the attacker controls (answered here with the attacker's key).
  await page.route('**/attacker-jwks.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(attacker.jwks) }));
  // The attacker's own kid, and the demo key's kid (so that only the signature can tell).
  const demoKid = await page.evaluate(async () => (await (await fetch('/.well-known/jobseal-jwks.json')).json()).keys[0].kid);
  const forgedAsDemo = issue(claims, { ...attacker, kid: demoKid });
  for (const [token, code] of [[forged, 'unknown-kid'], [forgedAsDemo, 'bad-signature']]) {
    for (const jwksAttr of [inline, '/tests/e2e/pages/attacker-jwks.json', `data:application/json,${encodeURIComponent(JSON.stringify(attacker.jwks))}`]) {
      const d = await inject(page, `<jobseal-badge credential="${token}" jwks='${jwksAttr}' lang="zh"></jobseal-badge>`);
      assert.equal(d.status, 'invalid', `${code} with jwks=${jwksAttr.slice(0, 40)}`);
      assert.deepEqual(d.reasons.map((r) => r.code), [code]);
      const t = await shadowText(page);
      assert.match(t, /无效徽章/);
      assert.doesNotMatch(t, /冒名|已认证/);
    }
  }
  await page.locator('#slot').screenshot({ path: `${SHOTS}badge-injected.png` });
  // Only the platform's script can name a key set: then (and only then) the same credential verifies.
  const d = await page.evaluate(async ({ jwks, token }) => {
    window.configureBadges({ jwks });
    const slot = document.getElementById('slot');
    const seen = new Promise((ok) => slot.addEventListener('jobseal-badge', (e) => ok(e.detail), { once: true }));
    slot.innerHTML = `<jobseal-badge credential="${token}"></jobseal-badge>`;
    return seen;
  }, { jwks: attacker.jwks, token: forged });
  assert.equal(d.status, 'verified');
  await context.close();
});

test('a 503 from the key set URL is retried: the badge verifies on the next attempt', async () => {
  const { page, context } = await openPage(env, null);
  let requests = 0;
  await page.route('**/.well-known/jobseal-jwks.json', (r) => (++requests === 1 ? r.fulfill({ status: 503, body: 'busy' }) : r.continue()));
  await page.goto(`${env.base}/www/`);
  await page.waitForSelector('#badge-employer[data-status]');
  assert.equal(await page.locator('#badge-employer').evaluate((b) => b.status), 'verified');
  assert.equal(await page.locator('#badge-tampered').evaluate((b) => b.status), 'invalid');
  assert.equal(requests, 2, 'one failure, one retry, then shared by every badge');
  await context.close();
});

test('a key set that stays unreachable shows "cannot verify now", not invalid, and is fetched again on retry', async () => {
  const { page, errors, context } = await openPage(env, null);
  let up = false;
  let requests = 0;
  await page.route('**/.well-known/jobseal-jwks.json', (r) => {
    requests++;
    return up ? r.continue() : r.fulfill({ status: 503, body: 'busy' });
  });
  await page.goto(`${env.base}/www/`);
  await page.waitForSelector('#badge-employer[data-status]');
  for (const id of ['#badge-employer', '#badge-tampered']) {
    assert.equal(await page.locator(id).evaluate((b) => b.status), 'unavailable', id);
    const t = await shadowText(page, id);
    assert.match(t, /暂时无法验证/);
    assert.doesNotMatch(t, /无效徽章|已认证|苏州明澜/);
  }
  assert.equal(requests, 3, 'bounded: 3 attempts');
  await page.locator('#badges').screenshot({ path: `${SHOTS}badge-unavailable.png` });
  // The failure is not cached: the platform is back, the visitor presses retry.
  up = true;
  await page.locator('#badge-employer button[data-jobseal-retry]').click();
  await page.waitForFunction(() => document.getElementById('badge-employer').status === 'verified');
  assert.equal(requests, 4);
  // Offline → online re-checks the badges still unavailable.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForFunction(() => document.getElementById('badge-agency').status === 'verified');
  assert.equal(await page.locator('#badge-tampered').evaluate((b) => b.status), 'invalid');
  assert.ok(errors.every((e) => /503|Failed to load resource/.test(e)), JSON.stringify(errors));
  await context.close();
});

test('a key set with a private key is refused loudly: unavailable, and an error in the console', async () => {
  const { page, errors, context } = await openPage(env, null);
  const k = keypair('leaky');
  const leaked = { keys: [{ ...k.privateKey.export({ format: 'jwk' }), kid: 'leaky' }] };
  assert.ok(leaked.keys[0].d);
  await page.route('**/.well-known/jobseal-jwks.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(leaked) }));
  await page.goto(`${env.base}/www/`);
  await page.waitForSelector('#badge-employer[data-status]');
  assert.equal(await page.locator('#badge-employer').evaluate((b) => b.status), 'unavailable');
  assert.ok(errors.some((e) => /private key parameter `d`/.test(e)), JSON.stringify(errors));
  await context.close();
});

test('reasons are written in the badge language', async () => {
  const { page, context } = await openPage(env, '/www/');
  await page.waitForSelector('#badge-tampered[data-status]');
  const reasons = () => page.locator('#badge-tampered').evaluate((b) => [...b.shadowRoot.querySelectorAll('li[data-code]')].map((li) => `${li.dataset.code}: ${li.textContent}`));
  assert.deepEqual(await reasons(), ['bad-signature: 签名不匹配：徽章被篡改或伪造']);
  await page.click('button.lang[data-lang="en"]');
  await page.waitForFunction(() => document.getElementById('badge-tampered').shadowRoot.textContent.includes('Invalid badge'));
  assert.deepEqual(await reasons(), ['bad-signature: The signature does not match: the badge was altered or forged']);
  await context.close();
});
