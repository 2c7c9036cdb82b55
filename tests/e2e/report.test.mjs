// The audit's HTML report opens in Chromium with no console errors and no requests, and a screenshot
// is saved for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setup, openPage, ROOT, SHOTS } from './helpers.mjs';

let env;
before(async () => (env = await setup()));
after(async () => env?.close());

test('the audit HTML report opens cleanly', async () => {
  const bin = [`${ROOT}target/native/jobseal`, `${ROOT}target/debug/jobseal`].find(existsSync);
  assert.ok(bin, 'build the CLI first (make test-audit)');
  const input = `${SHOTS}audit-input.jsonl`;
  let r = spawnSync('node', [`${ROOT}benches/gen-postings.mjs`, '3000', input], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  r = spawnSync(bin, ['audit', input, '--today', '2026-11-28', '--out', `${SHOTS}audit-out.jsonl`, '--html', `${SHOTS}audit-report.html`], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr.slice(-300));
  const { page, errors, offsite, context } = await openPage(env, '/tests/e2e/screenshots/audit-report.html');
  await page.waitForSelector('h1');
  assert.match(await page.locator('h1').textContent(), /合规巡检报告/);
  assert.equal(await page.locator('.bars').count(), 2);
  assert.ok((await page.locator('.list mark.error').count()) >= 20);
  assert.equal(await page.locator('script').count(), 0);
  await page.screenshot({ path: `${SHOTS}audit-report.png`, fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, []);
  await context.close();
});
