// After wasm-pack: merge pkg.json over the pkg/package.json wasm-pack wrote, and copy the package's own
// JS modules and types (js/) into pkg/, so that `npm pack ./pkg` yields exactly what a platform installs.
import { readFile, writeFile, copyFile, readdir, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const generated = JSON.parse(await readFile(`${root}pkg/package.json`, 'utf8'));
const ours = JSON.parse(await readFile(`${root}pkg.json`, 'utf8'));
const merged = { ...generated, ...ours };
for (const key of ['collaborators', 'module', 'main']) if (!(key in ours)) delete merged[key];

for (const name of await readdir(`${root}js`)) {
  await copyFile(`${root}js/${name}`, `${root}pkg/${name}`);
}
// The glue's types declare `[Symbol.dispose]()`, which needs TypeScript's esnext.disposable lib (TS2550 in
// a consumer on ES2022): the method exists at run time where the engine has it, and free() is the
// documented way; the declaration is dropped from the published types.
for (const f of ['jobseal.d.ts', 'jobseal_badge.d.ts']) {
  const path = `${root}pkg/${f}`;
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text !== null) await writeFile(path, text.replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, ''));
}
for (const f of merged.files) {
  await access(`${root}pkg/${f}`).catch(() => {
    console.error(`pkg.json lists ${f}, which the build did not produce`);
    process.exit(1);
  });
}
await writeFile(`${root}pkg/package.json`, JSON.stringify(merged, null, 2) + '\n');
console.log(`pkg/package.json: ${merged.name}@${merged.version}, ${merged.files.length} files`);
