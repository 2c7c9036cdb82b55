// The badge through its life (issue 13) in Chromium: revocation by a status list (IETF Token Status
// List, JWT form) re-published by the platform, a list that cannot be fetched, forged / foreign /
// expired lists, key rotation, and a genuine badge copied onto another account's page. Credentials and
// lists are signed here with Node's own crypto and zlib, independently of jobseal's Rust signer; the
// lists are answered at same-origin URLs by the test (page.route), so each case says exactly what the
// platform published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { setup, openPage, cspViolations, SHOTS } from './helpers.mjs';
import { issue, keypair, EMPLOYER } from '../data/make-node-credentials.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

const LAB = '/tests/e2e/pages/badge-lab.html';
const now = () => Math.floor(Date.now() / 1000);

/** A signed status list: `revoked` (and `suspended`, 2-bit) entries of `size`, as a platform publishes it. */
function list(key, uri, { revoked = [], suspended = [], size = 64, iat = now() - 60, exp = now() + 3600, ttl = 0 } = {}) {
  const bits = suspended.length ? 2 : 1;
  const bytes = Buffer.alloc(Math.ceil((size * bits) / 8));
  const put = (i, v) => (bytes[Math.floor((i * bits) / 8)] |= v << ((i * bits) % 8));
  for (const i of revoked) put(i, 1);
  for (const i of suspended) put(i, 2);
  const claims = { sub: uri, iat, exp, ttl, status_list: { bits, lst: deflateSync(bytes).toString('base64url') } };
  return issue(claims, { ...key, header: { typ: 'statuslist+jwt' } });
}

async function lab() {
  const p = await openPage(env, LAB);
  await p.page.waitForSelector('[data-ready]');
  return p;
}

/** Renders `<jobseal-badge>` with the key set configured by script, and returns its verdict and text. */
const show = (page, { token, jwks, account, attr = '' }) => page.evaluate(({ token, jwks, account, attr }) => {
  window.configureBadges({ jwks, account: account ?? null, attempts: 2, retryDelayMs: 50 });
  const slot = document.getElementById('slot');
  const seen = new Promise((ok) => slot.addEventListener('jobseal-badge', (e) => ok(e.detail), { once: true }));
  slot.innerHTML = `<jobseal-badge credential="${token}" lang="zh" ${attr}></jobseal-badge>`;
  return seen.then((d) => ({ ...d, text: slot.querySelector('jobseal-badge').shadowRoot.textContent }));
}, { token, jwks, account, attr });

/** The badge drawn again (after the list was re-published): its verdict. */
const refresh = (page) => page.evaluate(() => {
  const b = document.querySelector('#slot jobseal-badge');
  const seen = new Promise((ok) => b.addEventListener('jobseal-badge', (e) => ok(e.detail), { once: true }));
  b.refresh();
  return seen.then((d) => ({ ...d, text: b.shadowRoot.textContent }));
});

test('a credential revoked in the re-published list shows revoked; one request per list', async () => {
  const { page, context, errors } = await lab();
  const key = keypair('platform-1');
  const uri = `${env.base}/status/1.jwt`;
  const claims = { ...EMPLOYER, iat: now() - 60, exp: now() + 86400 * 30, origins: [env.base], status: { status_list: { idx: 5, uri } } };
  const token = issue(claims, key);
  let published = list(key, uri);
  let requests = 0;
  await page.route('**/status/1.jwt', (r) => {
    requests++;
    r.fulfill({ status: 200, contentType: 'application/statuslist+jwt', body: published });
  });
  let d = await show(page, { token, jwks: key.jwks });
  assert.equal(d.status, 'verified', JSON.stringify(d));
  assert.match(d.text, /已认证/);
  // The platform revokes entry 5 and publishes the list again (ttl 0: the next view fetches it).
  published = list(key, uri, { revoked: [5] });
  d = await refresh(page);
  assert.equal(d.status, 'revoked');
  assert.match(d.text, /认证已撤销/);
  assert.match(d.text, /此认证已被平台撤销/);
  assert.doesNotMatch(d.text, /苏州明澜/, 'a revoked credential shows none of its claims');
  await page.locator('#slot').screenshot({ path: `${SHOTS}badge-revoked.png` });
  // Suspended (2-bit list), then valid again.
  published = list(key, uri, { suspended: [5] });
  assert.equal((await refresh(page)).status, 'suspended');
  published = list(key, uri);
  assert.equal((await refresh(page)).status, 'verified');
  // Three badges naming the same list, drawn at once: one request (the list is shared while in flight).
  requests = 0;
  await page.evaluate((token) => {
    document.getElementById('slot').innerHTML = [1, 2, 3].map(() => `<jobseal-badge credential="${token}"></jobseal-badge>`).join('');
  }, token);
  await page.waitForFunction(() => [...document.querySelectorAll('#slot jobseal-badge')].every((b) => b.status === 'verified'));
  assert.equal(requests, 1);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a list that cannot be fetched shows "cannot confirm the latest status", never verified', async () => {
  const { page, context } = await lab();
  const key = keypair('platform-1');
  const uri = `${env.base}/status/down.jwt`;
  const token = issue({ ...EMPLOYER, iat: now() - 60, exp: now() + 86400, origins: [env.base], status: { status_list: { idx: 1, uri } } }, key);
  let requests = 0;
  await page.route('**/status/down.jwt', (r) => {
    requests++;
    r.fulfill({ status: 503, body: 'down' });
  });
  const d = await show(page, { token, jwks: key.jwks });
  assert.equal(d.status, 'unconfirmed');
  assert.match(d.text, /无法确认最新状态/);
  assert.match(d.text, /签名有效，但暂时无法从平台确认/);
  assert.equal(requests, 2, 'the configured attempts, then the warning');
  await page.locator('#slot').screenshot({ path: `${SHOTS}badge-unconfirmed.png` });
  await context.close();
});

test('a forged, foreign or expired list is refused: the badge is not verified on its strength', async () => {
  const { page, context } = await lab();
  const key = keypair('platform-1');
  const forger = keypair('platform-1'); // the platform's kid, another key
  const uri = `${env.base}/status/2.jwt`;
  const token = issue({ ...EMPLOYER, iat: now() - 60, exp: now() + 86400, origins: [env.base], status: { status_list: { idx: 3, uri } } }, key);
  const cases = [
    ['forged (another key)', list(forger, uri)],
    ['another list (wrong sub)', list(key, `${env.base}/status/other.jwt`)],
    ['expired', list(key, uri, { iat: now() - 7200, exp: now() - 3600 })],
    ['not a list (a badge token)', token],
  ];
  for (const [what, body] of cases) {
    await page.unroute('**/status/2.jwt');
    await page.route('**/status/2.jwt', (r) => r.fulfill({ status: 200, body }));
    const d = await show(page, { token, jwks: key.jwks });
    assert.equal(d.status, 'unconfirmed', what);
    assert.ok(d.warnings.some((w) => w.code === 'status-unconfirmed'), what);
  }
  // A list on a site that is neither this page's, the issuer's nor one the badge is issued for.
  const far = issue({ ...EMPLOYER, iat: now() - 60, exp: now() + 86400, origins: [env.base], status: { status_list: { idx: 3, uri: 'https://elsewhere.example/status.jwt' } } }, key);
  const d = await show(page, { token: far, jwks: key.jwks });
  assert.equal(d.status, 'unconfirmed');
  await context.close();
});

test('keys rotate: both keys verify during the overlap, a retired key signs nothing new, a removed key is gone', async () => {
  const { page, context } = await lab();
  const a = keypair('2026-a');
  const b = keypair('2026-b');
  const retiredAt = now() - 600;
  const overlap = { keys: [{ ...a.jwks.keys[0], jobseal_retired_at: retiredAt }, b.jwks.keys[0]] };
  const after = { keys: [b.jwks.keys[0]] };
  const base = { ...EMPLOYER, exp: now() + 86400 * 30, origins: [env.base] };
  const oldCred = issue({ ...base, iat: retiredAt - 3600 }, a);
  const oldKeyNewCred = issue({ ...base, iat: retiredAt + 60 }, a);
  const newCred = issue({ ...base, iat: now() - 60 }, b);
  const nobody = issue({ ...base, iat: now() - 60 }, keypair('no-such-key'));
  const v = async (token, jwks) => (await show(page, { token, jwks })).status;
  assert.equal(await v(oldCred, overlap), 'verified');
  assert.equal(await v(newCred, overlap), 'verified');
  const d = await show(page, { token: oldKeyNewCred, jwks: overlap });
  assert.deepEqual([d.status, d.reasons.map((r) => r.code)], ['invalid', ['retired-key']]);
  assert.equal(await v(oldCred, after), 'invalid');
  assert.equal(await v(newCred, after), 'verified');
  const n = await show(page, { token: nobody, jwks: overlap });
  assert.deepEqual(n.reasons.map((r) => r.code), ['unknown-kid']);
  await context.close();
});

test('a genuine badge copied onto another account\'s page is refused', async () => {
  const { page, context } = await lab();
  const key = keypair('platform-1');
  const token = issue({ ...EMPLOYER, iat: now() - 60, exp: now() + 86400 * 30, origins: [env.base] }, key);
  // The platform's script names the page's account.
  let d = await show(page, { token, jwks: key.jwks, account: 'scam-recruiter-999' });
  assert.equal(d.status, 'invalid');
  assert.deepEqual(d.reasons.map((r) => r.code), ['wrong-account']);
  assert.match(d.text, /非本账号徽章/);
  assert.doesNotMatch(d.text, /苏州明澜|已认证/);
  await page.locator('#slot').screenshot({ path: `${SHOTS}badge-other-account.png` });
  d = await show(page, { token, jwks: key.jwks, account: EMPLOYER.sub });
  assert.equal(d.status, 'verified');
  // The page template's attribute names the account when no script does…
  d = await show(page, { token, jwks: key.jwks, attr: 'account="scam-recruiter-999"' });
  assert.equal(d.status, 'invalid');
  // …and cannot overrule the platform's script.
  d = await show(page, { token, jwks: key.jwks, account: 'scam-recruiter-999', attr: `account="${EMPLOYER.sub}"` });
  assert.equal(d.status, 'invalid');
  await context.close();
});

test('the demo shows its revoked badge as revoked, the others verified, from one list request', async () => {
  const { page, context, errors } = await openPage(env, null);
  let requests = 0;
  page.on('request', (r) => r.url().endsWith('/.well-known/jobseal-status.jwt') && requests++);
  await page.goto(`${env.base}/www/`);
  await page.waitForSelector('#badge-revoked[data-status]');
  await page.waitForSelector('#badge-agency[data-status]');
  const status = (id) => page.locator(id).getAttribute('data-status');
  assert.equal(await status('#badge-employer'), 'verified');
  assert.equal(await status('#badge-agency'), 'verified');
  assert.equal(await status('#badge-revoked'), 'revoked');
  assert.equal(requests, 1);
  await page.locator('#badges').screenshot({ path: `${SHOTS}demo-badges-status.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the details panel says what was checked, when, and what the status means, in zh and en', async () => {
  const { page, context, errors } = await openPage(env, null);
  await page.goto(`${env.base}/www/`);
  await page.waitForSelector('#badge-revoked[data-status]');
  await page.waitForSelector('#badge-tampered[data-status]');
  const panel = async (id) => {
    await page.locator(`${id} button[aria-controls]`).click();
    return page.locator(id).evaluate((b) => b.shadowRoot.querySelector('.panel').innerText);
  };
  const employer = await panel('#badge-employer');
  for (const s of ['本次核验', '平台签名', '有效（密钥 demo-', '适用网站', '有效期', '撤销名单', '已核对（名单签发于', '核验时间', '对求职者意味着什么', '平台已核验该账号的主体资质']) {
    assert.ok(employer.includes(s), `${s} in ${employer}`);
  }
  const revoked = await panel('#badge-revoked');
  assert.match(revoked, /撤销名单\s*已核对/);
  assert.match(revoked, /平台已撤销该账号的认证/);
  assert.doesNotMatch(revoked, /杭州速达|demo-closed-003/, 'no claim of a revoked credential');
  const tampered = await panel('#badge-tampered');
  assert.match(tampered, /平台签名\s*未通过/);
  assert.doesNotMatch(tampered, /冒用|适用网站|撤销名单/, 'nothing else is claimed once the signature fails');
  await page.locator('#badges').screenshot({ path: `${SHOTS}badge-details.png` });
  await page.click('button.lang[data-lang="en"]');
  await page.waitForFunction(() => document.getElementById('badge-revoked').shadowRoot.textContent.includes('Verification revoked'));
  const en = await panel('#badge-revoked');
  assert.match(en, /Revocation list\s*checked \(list issued/);
  assert.match(en, /The platform has revoked this account’s verification/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo form, signed in as the demo agency, flags a posting in another company\'s name until it matches', async () => {
  const { page, context, errors } = await openPage(env, null);
  await page.goto(`${env.base}/www/`);
  await page.waitForSelector('[data-jobseal-ready]');
  await page.waitForSelector('#signed-in');
  const mismatch = page.locator('li[data-jobseal-field="employer"][data-jobseal-rule="employer-mismatch"]');
  // The sample says whom the agency recruits for: clean.
  await page.waitForTimeout(300);
  assert.equal(await mismatch.count(), 0);
  // Another company's name, and no word of recruiting on its behalf: flagged.
  await page.locator('#f-employer_intro').fill('深圳速达科技有限公司成立于2015年，主营消费电子。');
  await page.locator('#f-employer').fill('深圳速达科技有限公司');
  await mismatch.waitFor();
  assert.match(await mismatch.innerText(), /招聘单位与发布账号的认证主体不一致/);
  await page.locator('#posting').screenshot({ path: `${SHOTS}form-employer-mismatch.png` });
  // The agency's own name (another spelling of it): the finding goes.
  await page.locator('#f-employer').fill('上海启程人力资源服务有限责任公司');
  await mismatch.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
