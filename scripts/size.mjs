// The bytes each entry point of the package costs a page, gzipped (level 9, as a CDN serves them),
// against size-budget.json (issue 11). An entry's cost is its JS module and everything it loads:
// static imports (`import … from './x.js'`, `export … from './x.js'`), the wasm and the worker it
// names with `new URL('./x', import.meta.url)`, followed recursively.
//   node scripts/size.mjs            print the table
//   node scripts/size.mjs --check    also exit 1 when an entry is over its budget (make test)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = `${root}pkg/`;
const budget = JSON.parse(readFileSync(`${root}size-budget.json`, 'utf8'));
const gz = (f) => gzipSync(readFileSync(pkg + f), { level: 9 }).length;

/** Every file of pkg/ that loading `entry` fetches. */
function closure(entry) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    if (!f.endsWith('.js')) return;
    const src = readFileSync(pkg + f, 'utf8');
    const refs = [
      ...src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]\.\/([^'"?]+)['"]/gm),
      ...src.matchAll(/^\s*import\s+['"]\.\/([^'"?]+)['"]/gm),
      ...src.matchAll(/new URL\(\s*['"]\.\/([^'"?]+)['"]\s*,\s*import\.meta\.url\s*\)/g),
    ].map((m) => m[1]);
    for (const r of refs) walk(r);
  };
  walk(entry);
  return [...seen];
}

const check = process.argv.includes('--check');
let over = false;
console.log('entry point            files  gzip bytes   budget      aim');
for (const [name, b] of Object.entries(budget.entries)) {
  const files = closure(b.entry);
  const total = files.reduce((n, f) => n + gz(f), 0);
  const aim = total <= b.aim_bytes ? 'met' : 'MISSED';
  const fits = total <= b.budget_bytes;
  over ||= !fits;
  console.log(
    `${`${name} (${b.entry})`.padEnd(22)} ${String(files.length).padStart(5)} ${String(total).padStart(11)} ${String(b.budget_bytes).padStart(8)} ${String(b.aim_bytes).padStart(8)} ${fits ? '' : 'OVER BUDGET '}aim ${aim}`,
  );
  for (const f of files.sort()) console.log(`    ${f.padEnd(28)} ${String(gz(f)).padStart(8)}`);
}
if (check && over) {
  console.error('size: an entry point is over its budget in size-budget.json (raise it deliberately, in a commit that says why)');
  process.exit(1);
}
