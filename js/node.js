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
import * as badgeGlue from './jobseal_badge.js';
import { Engine, checkerApi, badgeApi } from './engine.js';
import { accountWith, accountVerifier } from './account.js';

export { JobsealError, isTrap } from './engine.js';

/** One supervised engine per wasm module of the package (the checker's and the badge's). */
function load(glue, file, fresh) {
  const module = new WebAssembly.Module(readFileSync(new URL(`./${file}`, import.meta.url)));
  glue.initSync({ module });
  const engine = new Engine({
    fresh,
    instantiate: (copy, compiled) => {
      copy.initSync({ module: compiled });
    },
    sync: true,
  });
  engine.adopt(glue, module);
  return engine;
}

export const engine = load(glue, 'jobseal_bg.wasm', (n) => import(new URL(`./jobseal.js?instance=${n}`, import.meta.url).href));
/** The badge module's engine (verifyBadge, checkUscc). */
export const badgeEngine = load(badgeGlue, 'jobseal_badge_bg.wasm', (n) => import(new URL(`./jobseal_badge.js?instance=${n}`, import.meta.url).href));

export const { verifyBadge, checkUscc } = badgeApi(badgeEngine);
/** The account a badge credential certifies ({ name, kind }), verified: what Checker.check takes. */
export const accountFor = accountWith(verifyBadge);
// A Checker here verifies a credential given as options.account with the badge module first.
export const { Checker, rules, version, toJsonLd, toJsonLdText, fromJsonLd } = checkerApi(engine, accountVerifier(accountFor));

/** Already initialised at import; kept so code shared with the browser can `await init()`. */
export default async function init() {
  return engine;
}

/** Already initialised at import. */
export function initSync() {
  return engine;
}
