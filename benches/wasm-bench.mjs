// The side-by-side bench: the same 2,000-character posting as benches/check.rs (criterion, native),
// checked by the wasm build in Node and in Chromium. Prints the median time per full check.
//   make bench-wasm   (after make pkg; needs tests/e2e's playwright-core)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/serve.mjs';

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

const server = await startServer(0);
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
  return measure(Checker, posting);
}, { posting, src: measure.toString() });
await browser.close();
server.close();
console.log(`full check of a 2,000-character posting, median per check (wasm):`);
console.log(`  Node ${process.version}: ${node.toFixed(1)} µs`);
console.log(`  Chromium (headless):  ${chrome.toFixed(1)} µs`);
