// Strict CSP (issue 10: under `style-src 'self'` the shadow roots' <style> elements were refused, 21
// violations on the form page and 11 on a badge page; the mirror showed as black-bordered text, marks
// turned browser-yellow, the tampered badge lost its red border). Every e2e page is served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// and the widget's and the badge's styles are constructable stylesheets. Asserted: zero
// securitypolicyviolation events, and the styles really apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, cspViolations, SHOTS } from './helpers.mjs';
import { CSP } from '../../scripts/serve.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

/** Every shadow root of the page: its <style> elements and how many adopted stylesheets it has. */
const shadowStyles = (page) => page.evaluate(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        out.push({ host: el.tagName.toLowerCase(), styles: el.shadowRoot.querySelectorAll('style').length, adopted: el.shadowRoot.adoptedStyleSheets.length });
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  return out;
});

test('the demo page (form and badges) runs under the strict CSP with zero violations', async () => {
  const { page, errors, context } = await openPage(env, null);
  const res = await page.goto(`${env.base}/www/`);
  assert.equal(res.headers()['content-security-policy'], CSP);
  assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  await page.waitForSelector('[data-jobseal-ready]');
  await page.waitForSelector('#badge-tampered[data-status]');
  await page.click('#sample-bad');
  const mark = page.locator('mark[data-rule="gender-restriction"]');
  await mark.waitFor();
  await page.locator('#badge-agency button[aria-controls]').click();
  await page.click('button.lang[data-lang="en"]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}csp-demo.png`, fullPage: true });

  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  // The styles apply: the mirror's text is transparent (no duplicated text), marks are the error
  // colour (not the browser's yellow), the summary has its border, the tampered badge is red and dashed.
  const look = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-jobseal-host]')];
    const m = hosts.map((h) => h.shadowRoot.querySelector('mark[data-rule="gender-restriction"]')).find(Boolean);
    const mirror = m.closest('.mirror');
    const sum = hosts.map((h) => h.shadowRoot.querySelector('.summary')).find(Boolean);
    const bad = document.getElementById('badge-tampered').shadowRoot.querySelector('.badge');
    const cs = (el) => getComputedStyle(el);
    return {
      mirrorColor: cs(mirror).color, markBg: cs(m).backgroundColor, markLine: cs(m).textDecorationLine,
      summaryBorder: cs(sum).borderTopColor, badBorder: cs(bad).borderTopColor, badStyle: cs(bad).borderTopStyle,
    };
  });
  assert.equal(look.mirrorColor, 'rgba(0, 0, 0, 0)');
  assert.match(look.markBg, /^(rgba\(198, 40, 40, 0\.16\)|color\(srgb 0\.776\d* 0\.156\d* 0\.156\d* \/ 0\.16\))$/);
  assert.equal(look.markLine, 'underline');
  assert.equal(look.summaryBorder, 'rgb(198, 40, 40)');
  assert.equal(look.badBorder, 'rgb(198, 40, 40)');
  assert.equal(look.badStyle, 'dashed');
  const roots = await shadowStyles(page);
  assert.ok(roots.length >= 20, `${roots.length} shadow roots`);
  for (const r of roots) {
    assert.equal(r.styles, 0, `<style> in a ${r.host} shadow root`);
    assert.ok(r.adopted >= 1, `no adopted stylesheet in a ${r.host} shadow root`);
  }
  await context.close();
});

test('a badge page runs under the strict CSP with zero violations', async () => {
  const { page, errors, context } = await openPage(env, '/tests/e2e/pages/badge-lab.html');
  await page.waitForSelector('[data-ready]');
  const statuses = await page.evaluate(async () => {
    const { employer, agency } = await import('/www/demo-credentials.js');
    const tampered = employer.slice(0, -4) + (employer.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const slot = document.getElementById('slot');
    const made = [employer, agency, tampered].map((t) => {
      const el = document.createElement('jobseal-badge');
      el.setAttribute('credential', t);
      slot.append(el);
      return new Promise((ok) => el.addEventListener('jobseal-badge', (e) => ok(e.detail.status), { once: true }));
    });
    const out = await Promise.all(made);
    for (const b of slot.querySelectorAll('jobseal-badge')) b.shadowRoot.querySelector('button[aria-controls]').click();
    return out;
  });
  assert.deepEqual(statuses, ['verified', 'verified', 'invalid']);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  const border = await page.evaluate(() => getComputedStyle(document.querySelector('jobseal-badge').shadowRoot.querySelector('.badge')).borderTopColor);
  assert.equal(border, 'rgb(27, 122, 61)');
  for (const r of await shadowStyles(page)) assert.ok(r.styles === 0 && r.adopted >= 1, JSON.stringify(r));
  await page.screenshot({ path: `${SHOTS}csp-badges.png`, fullPage: true });
  await context.close();
});

test('control: the same page does report what the widget no longer does (a <style> in a shadow root, a style attribute)', async () => {
  const { page, context } = await openPage(env, '/tests/e2e/pages/badge-lab.html');
  await page.waitForSelector('[data-ready]');
  await page.evaluate(() => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = 'p { color: red; }';
    root.append(style);
    // CSSOM writes are not inline styles: allowed.
    host.style.color = 'blue';
    host.style.cssText = 'all: initial !important; display: block !important;';
  });
  await page.waitForTimeout(100);
  const after1 = await cspViolations(page);
  assert.equal(after1.length, 1, JSON.stringify(after1));
  assert.match(after1[0], /^style-src-elem inline /);
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await page.waitForTimeout(100);
  const after2 = await cspViolations(page);
  assert.equal(after2.length, 2, JSON.stringify(after2));
  assert.match(after2[1], /^style-src-attr inline /);
  await context.close();
});
