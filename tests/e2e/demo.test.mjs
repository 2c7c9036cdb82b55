// The demo page: served the way `make demo` serves it, loaded in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, SHOTS } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

test('the demo loads the module, runs a check and logs no errors', async () => {
  const { page, errors, offsite, context } = await openPage(env, '/www/');
  await page.waitForSelector('[data-jobseal-ready]', { timeout: 15000 });
  const ready = await page.evaluate(() => document.documentElement.dataset.jobsealReady);
  assert.match(ready, /^\d+\.\d+\.\d+$/);
  await page.screenshot({ path: `${SHOTS}demo-loaded.png`, fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, [], 'the demo makes no request beyond its own server');
  await context.close();
});
