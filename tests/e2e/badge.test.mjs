// The account badge in real Chromium: the demo's signed badges, tampering, foreign origins, hostile
// names, a hostile stylesheet, keyboard, axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, axe, SHOTS } from './helpers.mjs';
import { issue, keypair, AGENCY } from '../data/make-node-credentials.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

async function demo() {
  const p = await openPage(env, '/www/');
  await p.page.waitForSelector('#badge-tampered[data-status]', { timeout: 15000 });
  return p;
}

const text = (page, sel) => page.locator(sel).evaluate((el) => el.shadowRoot.textContent);

test('the demo shows a verified employer badge and an agency badge with licence details', async () => {
  const { page, errors, offsite, context } = await demo();
  assert.equal(await page.locator('#badge-employer').evaluate((b) => b.status), 'verified');
  assert.equal(await page.locator('#badge-agency').evaluate((b) => b.status), 'verified');
  const employer = await text(page, '#badge-employer');
  assert.match(employer, /已认证/);
  assert.match(employer, /认证企业/);
  assert.match(employer, /苏州明澜电子科技有限公司/);
  assert.match(employer, /91320594MA1D3M0Q1L/);
  const agency = await text(page, '#badge-agency');
  assert.match(agency, /人力资源服务机构/);
  assert.match(agency, /310115120105/);
  assert.match(agency, /上海市浦东新区人力资源和社会保障局/);
  assert.match(agency, /2024-03-01 至 2029-02-28/);
  assert.match(agency, /最近认证 \d{4}-\d\d-\d\d · 复核截止 \d{4}-\d\d-\d\d/);
  assert.match(await page.locator('#badges').textContent(), /演示密钥/);
  await page.locator('#badges').screenshot({ path: `${SHOTS}badges.png` });
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, []);
  await context.close();
});

test('a tampered credential renders as invalid and shows nothing it claims', async () => {
  const { page, context } = await demo();
  const badge = page.locator('#badge-tampered');
  assert.equal(await badge.evaluate((b) => b.status), 'invalid');
  const t = await text(page, '#badge-tampered');
  assert.match(t, /无效徽章/);
  assert.match(t, /请勿信任/);
  assert.doesNotMatch(t, /冒用|苏州明澜/);
  // It does not look like a verified badge: different border, icon and words.
  const look = (sel) => page.locator(sel).evaluate((b) => {
    const box = b.shadowRoot.querySelector('.badge');
    const cs = getComputedStyle(box);
    return { color: cs.borderTopColor, style: cs.borderTopStyle, icon: b.shadowRoot.querySelector('.icon').textContent };
  });
  const [ok, bad] = [await look('#badge-employer'), await look('#badge-tampered')];
  assert.notEqual(ok.color, bad.color);
  assert.notEqual(ok.style, bad.style);
  assert.notEqual(ok.icon, bad.icon);
  await context.close();
});

test('the same credential under a foreign origin renders as not valid here', async () => {
  const { page, context } = await demo();
  const v = await page.evaluate(async () => {
    const { employer, jwks } = await import('/www/demo-credentials.js');
    const el = document.createElement('div');
    el.id = 'foreign';
    document.body.append(el);
    const seen = new Promise((ok) => el.addEventListener('jobseal-badge', (e) => ok(e.detail.status)));
    const v = await window.renderBadge?.(el, employer, { jwks, origin: 'https://copycat.example' })
      ?? await (await import('/pkg/index.js')).renderBadge(el, employer, { jwks, origin: 'https://copycat.example' });
    return { status: v.status, codes: v.reasons.map((r) => r.code), event: await seen };
  });
  assert.deepEqual(v, { status: 'invalid', codes: ['wrong-origin'], event: 'invalid' });
  const t = await text(page, '#foreign');
  assert.match(t, /非本站徽章/);
  assert.doesNotMatch(t, /苏州明澜/);
  await context.close();
});

test('markup and script in claims render as inert text; only https logos load, as images', async () => {
  const { page, errors, offsite, context } = await openPage(env, '/tests/e2e/pages/badge-lab.html', { goto: false });
  // Logos come from the platform's image host: the page's CSP names it in img-src (README).
  await page.route(`${env.base}/tests/e2e/pages/badge-lab.html`, async (route) => {
    const res = await route.fetch();
    const csp = `${res.headers()['content-security-policy']}; img-src 'self' https://cdn.example`;
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': csp } });
  });
  await page.goto(`${env.base}/tests/e2e/pages/badge-lab.html`);
  await page.waitForSelector('[data-ready]');
  // The https logo is answered here: nothing leaves the machine.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  let logoRequests = 0;
  await page.route('https://cdn.example/**', (r) => {
    logoRequests++;
    return r.fulfill({ status: 200, contentType: 'image/png', body: png });
  });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  const k = keypair('lab-1');
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>"><b>粗体</b>';
  const origin = env.base;
  const claims = {
    ...AGENCY, iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) + 86400 * 30,
    name: evil, origins: [origin], logo: `javascript:alert(3)`,
    licence: { ...AGENCY.licence, authority: '<svg onload=alert(4)>' },
  };
  const token = issue(claims, k);
  const out = await page.evaluate(async ({ token, jwks }) => {
    const el = document.getElementById('slot');
    const v = await window.renderBadge(el, token, { jwks });
    const root = el.shadowRoot;
    return {
      status: v.status,
      tags: [...root.querySelectorAll('*')].map((n) => n.tagName.toLowerCase()),
      name: root.querySelector('.name').textContent,
      authority: [...root.querySelectorAll('dd')].map((d) => d.textContent),
    };
  }, { token, jwks: k.jwks });
  assert.equal(out.status, 'verified');
  assert.equal(out.name, evil);
  assert.ok(out.authority.includes('<svg onload=alert(4)>'));
  for (const bad of ['script', 'img', 'svg', 'b', 'iframe']) assert.ok(!out.tags.includes(bad), `${bad} in ${out.tags}`);
  // An https logo is shown as an <img>; nothing else is.
  const https = issue({ ...claims, name: '正常公司', logo: 'https://cdn.example/logo.png' }, k);
  const img = await page.evaluate(async ({ token, jwks }) => {
    const el = document.getElementById('slot');
    await window.renderBadge(el, token, { jwks });
    const i = el.shadowRoot.querySelector('img');
    return i && { src: i.getAttribute('src'), alt: i.getAttribute('alt') };
  }, { token: https, jwks: k.jwks });
  assert.deepEqual(img, { src: 'https://cdn.example/logo.png', alt: '' });
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  assert.equal(logoRequests, 1, 'the https logo is requested as an image, once');
  assert.deepEqual(errors, []);
  assert.ok(offsite.every((u) => u.startsWith('https://cdn.example/')), `${offsite}`);
  await context.close();
});

test('the badge keeps its look under a hostile host stylesheet', async () => {
  const { page, context } = await openPage(env, '/tests/e2e/pages/badge-lab.html');
  await page.waitForSelector('[data-ready]');
  await page.evaluate(() => new Promise((ok) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = 'badge-hostile.css';
    link.onload = ok;
    document.head.append(link);
  }));
  const look = await page.evaluate(async () => {
    const { employer } = await import('/www/demo-credentials.js');
    const el = document.createElement('jobseal-badge');
    el.setAttribute('credential', employer);
    document.getElementById('slot').append(el);
    await new Promise((ok) => el.addEventListener('jobseal-badge', ok, { once: true }));
    const box = el.shadowRoot.querySelector('.badge');
    const cs = getComputedStyle(box);
    return { status: el.status, size: cs.fontSize, border: cs.borderTopColor, width: box.getBoundingClientRect().width, name: getComputedStyle(el.shadowRoot.querySelector('.name')).fontSize };
  });
  assert.equal(look.status, 'verified');
  assert.equal(look.size, '14px');
  assert.equal(look.name, '16px');
  assert.equal(look.border, 'rgb(27, 122, 61)');
  assert.ok(look.width > 200 && look.width <= 420, `width ${look.width}`);
  await page.screenshot({ path: `${SHOTS}badge-hostile-stylesheet.png`, fullPage: true });
  await context.close();
});

test('the details panel opens on click and on Enter; axe-core finds no violations', async () => {
  const { page, context } = await demo();
  const toggle = page.locator('#badge-agency button[aria-controls]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await text(page, '#badge-agency'), /EdDSA \(Ed25519\)/);
  const other = page.locator('#badge-employer button[aria-controls]');
  await other.focus();
  await page.keyboard.press('Enter');
  assert.equal(await other.getAttribute('aria-expanded'), 'true');
  const panel = await page.locator('#badge-employer').evaluate((b) => !b.shadowRoot.querySelector('.panel').hidden);
  assert.equal(panel, true);
  const violations = await axe(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await page.click('button.lang[data-lang="en"]');
  await page.waitForFunction(() => document.getElementById('badge-agency').shadowRoot.textContent.includes('HR service agency'));
  await context.close();
});
