// Prints the raw and gzipped size of the wasm and the JS in pkg/ (gzip level 9, as a CDN would serve).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = ['jobseal_bg.wasm', 'jobseal.js', 'index.js', 'ready.js', 'engine.js', 'form.js', 'sheet.js', 'badge.js', 'badge-reasons.js', 'jobseal-embed.js', 'node.js'];
let total = 0;
for (const f of files) {
  const body = await readFile(`${root}pkg/${f}`).catch(() => null);
  if (!body) continue;
  const gz = gzipSync(body, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(20)} ${String(body.length).padStart(9)} B raw  ${String(gz).padStart(8)} B gzip`);
}
console.log(`${'total'.padEnd(20)} ${''.padStart(9)}          ${String(total).padStart(8)} B gzip`);
