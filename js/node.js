// jobseal for Node (>= 20) on the server: the same engine and API as in the browser, initialised from
// the .wasm file on disk at import time (no fetch, no network).
//   import { Checker } from 'jobseal';        // resolves here under Node
//   new Checker().check(posting, '2026-11-28')
//
// Supervised (engine.js): if a call traps, it throws a JobsealError with code 'trap', `engine` fires
// `jobseal:error`, and the next call already runs on a fresh instance (a spare copy of the glue is kept
// loaded, so the restart is synchronous); Checkers rebuild themselves with the same pack.
import { readFileSync } from 'node:fs';
import * as glue from './jobseal.js';
import { Engine, api } from './engine.js';

export { JobsealError, isTrap } from './engine.js';

const module = new WebAssembly.Module(readFileSync(new URL('./jobseal_bg.wasm', import.meta.url)));
glue.initSync({ module });

export const engine = new Engine({
  fresh: (n) => import(new URL(`./jobseal.js?instance=${n}`, import.meta.url).href),
  instantiate: (copy, compiled) => {
    copy.initSync({ module: compiled });
  },
  sync: true,
});
engine.adopt(glue, module);

export const { Checker, rules, version, checkUscc, verifyBadge, toJsonLd, toJsonLdText, fromJsonLd } = api(engine);

/** Already initialised at import; kept so code shared with the browser can `await init()`. */
export default async function init() {
  return engine;
}

/** Already initialised at import. */
export function initSync() {
  return engine;
}
