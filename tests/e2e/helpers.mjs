// Shared set-up for the end-to-end tests: the demo's own static server on a free port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, DEMO_MOUNTS } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The demo server with the e2e pages mounted too, every page under the strict CSP the README states;
 * the audit's HTML report (a self-contained file with inline styles, opened from disk in practice) is
 * served without it.
 */
export async function setup() {
  const server = await startServer(0, {
    mounts: [
      ...DEMO_MOUNTS,
      { prefix: '/tests/e2e/pages/', dir: 'tests/e2e/pages' },
      { prefix: '/tests/e2e/screenshots/', dir: 'tests/e2e/screenshots', csp: false },
    ],
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  // The demo's badges are signed for the origins they are shown on: sign them for this server too
  // (and for `make demo`'s default port), with a fresh demo key.
  execFileSync('node', [`${ROOT}scripts/demo-credentials.mjs`, '--origin', base, '--origin', 'http://127.0.0.1:8080', '--origin', 'http://localhost:8080'], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A page that records console errors, page errors, requests that left 127.0.0.1, and every
 * Content-Security-Policy violation (`securitypolicyviolation`, composed: shadow roots included) from
 * the first byte on: `await cspViolations(page)`.
 */
export async function openPage(env, path, { lang = 'zh-CN', viewport = { width: 1280, height: 900 }, goto = true } = {}) {
  const context = await env.browser.newContext({ locale: lang, viewport });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sourceFile || ''}:${e.lineNumber}`);
    }, true);
  });
  const page = await context.newPage();
  const errors = [];
  const offsite = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) offsite.push(r.url());
  });
  if (path && goto) await page.goto(env.base + path);
  return { page, context, errors, offsite };
}

/** The CSP violations the page has reported so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/**
 * Runs axe-core on the page and returns its violations. The pages forbid inline scripts, so axe is
 * answered at a same-origin URL (routed here, never served by the demo server) and loaded from there.
 */
export async function axe(page, options = {}) {
  const source = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
  const url = new URL('/tests/e2e/pages/__axe.min.js', page.url()).href;
  await page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: source }));
  await page.addScriptTag({ url });
  return page.evaluate(async (opts) => (await window.axe.run(document, opts)).violations, options);
}
