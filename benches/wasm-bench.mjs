// The side-by-side bench: the same 2,000-character posting as benches/check.rs (criterion, native),
// checked by the wasm build in Node and in Chromium. Prints the median time per full check.
//   make bench-wasm   (after make pkg; needs tests/e2e's playwright-core)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer, DEMO_MOUNTS } from '../scripts/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PARA = '负责传感器电路板的装配、焊接与功能检测，按工艺文件完成每日生产任务，记录生产数据并配合品质部门改进工艺；参与新产品试产，反馈装配中的问题并提出改进建议；遵守安全生产规范，保持工位整洁，完成主管安排的其他工作。';

export function posting2000() {
  const p = JSON.parse(readFileSync(`${root}tests/data/clean-posting.json`, 'utf8'));
  let d = '';
  while ([...d].length < 1700) d += PARA;
  p.description = d + '有意者加微信 hr_888888 详聊，限男性，35岁以下。';
  return p;
}

// Runs in Node and, as source text, in the page.
async function measure(Checker, posting, rounds = 2000) {
  const c = new Checker();
  for (let i = 0; i < 200; i++) c.check(posting, '2026-11-28');
  const times = [];
  for (let r = 0; r < 20; r++) {
    const t = performance.now();
    for (let i = 0; i < rounds / 20; i++) c.check(posting, '2026-11-28');
    times.push(((performance.now() - t) * 1000) / (rounds / 20));
  }
  times.sort((a, b) => a - b);
  return times[10];
}

const posting = posting2000();
const { Checker } = await import(`${root}pkg/node.js`);
const node = await measure(Checker, posting);

const server = await startServer(0, { mounts: [...DEMO_MOUNTS, { prefix: '/tests/e2e/pages/', dir: 'tests/e2e/pages', csp: false }] }); // no CSP: the bench evaluates its measuring function in the page
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto(`${base}/tests/e2e/pages/plain.html`);
await page.waitForSelector('[data-ready]');
const chrome = await page.evaluate(async ({ posting, src }) => {
  const { Checker } = await import('/pkg/index.js');
  const measure = new Function(`return (${src})`)();
  // Where the time goes at the boundary: the same posting as JSON text (no JSON.stringify of an
  // object), and an empty posting (the fixed cost of a call: conversion, views, every rule, the report).
  return {
    object: await measure(Checker, posting),
    text: await measure(Checker, JSON.stringify(posting)),
    empty: await measure(Checker, "{}"),
  };
}, { posting, src: measure.toString() });

// Init, fetch excluded: compile the checker's module from bytes already fetched, instantiate it in a
// fresh copy of the glue, compile the default pack (new Checker()). Each sample in a new browser
// context (a new renderer process), so the compile is cold.
const inits = [];
for (let i = 0; i < 5; i++) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(`${base}/tests/e2e/pages/badge-lab.html`.replace('badge-lab.html', 'pack.json'));
  inits.push(await p.evaluate(async (n) => {
    const bytes = await (await fetch('/pkg/jobseal_bg.wasm')).arrayBuffer();
    const glue = await import(`/pkg/jobseal.js?init=${n}`);
    const t0 = performance.now();
    const module = await WebAssembly.compile(bytes);
    const t1 = performance.now();
    await glue.default({ module_or_path: module });
    const t2 = performance.now();
    new glue.Checker(undefined).free();
    const t3 = performance.now();
    return { compile: t1 - t0, instantiate: t2 - t1, pack: t3 - t2, total: t3 - t0 };
  }, i));
  await ctx.close();
}
await browser.close();
server.close();
const med = (k) => [...inits.map((x) => x[k])].sort((a, b) => a - b)[2];
console.log(`full check of a 2,000-character posting, median per check (wasm):`);
console.log(`  Node ${process.version}: ${node.toFixed(1)} µs`);
console.log(`  Chromium (headless):  ${chrome.object.toFixed(1)} µs (posting as an object)`);
console.log(`                        ${chrome.text.toFixed(1)} µs (the same posting as JSON text)`);
console.log(`                        ${chrome.empty.toFixed(1)} µs (an empty posting: the fixed cost of a check)`);
console.log(`init in Chromium, fetch excluded, median of 5 cold contexts: ${med('total').toFixed(1)} ms ` +
  `(compile ${med('compile').toFixed(1)}, instantiate ${med('instantiate').toFixed(1)}, default pack ${med('pack').toFixed(1)})`);
