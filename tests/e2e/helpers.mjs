// Shared set-up for the end-to-end tests: the demo's own static server on a free port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function setup() {
  const server = await startServer(0);
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

/** A page that records console errors, page errors and requests that left 127.0.0.1. */
export async function openPage(env, path, { lang = 'zh-CN', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await env.browser.newContext({ locale: lang, viewport });
  const page = await context.newPage();
  const errors = [];
  const offsite = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) offsite.push(r.url());
  });
  if (path) await page.goto(env.base + path);
  return { page, context, errors, offsite };
}

/** Runs axe-core on the page and returns its violations. */
export async function axe(page, options = {}) {
  const source = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (opts) => (await window.axe.run(document, opts)).violations, options);
}
