// jobseal for Node (>= 20) on the server: the same engine and API as in the browser, initialised from
// the .wasm file on disk at import time (no fetch, no network).
//   import { Checker } from 'jobseal';        // resolves here under Node
//   new Checker().check(posting, '2026-11-28')
import { readFileSync } from 'node:fs';
import { initSync, Checker, rules, version, checkUscc, verifyBadge, toJsonLd, fromJsonLd } from './jobseal.js';

initSync({ module: readFileSync(new URL('./jobseal_bg.wasm', import.meta.url)) });

/** Already initialised at import; kept so code shared with the browser can `await init()`. */
export default async function init() {}

export { initSync, Checker, rules, version, checkUscc, verifyBadge, toJsonLd, fromJsonLd };
