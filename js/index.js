// jobseal for the browser (and any ES module host with fetch): the wasm engine, initialised once and
// supervised (a trap restarts it; see engine.js).
//   import init, { Checker, attachForm, renderBadge } from 'jobseal';
//   await init();                     // fetches jobseal_bg.wasm next to this file, once
//   new Checker().check(posting)      // { id, ok, findings }
import initChecker, { engine } from './ready.js';
import initBadge, { verifyBadge } from './badge-ready.js';
import { checkerApi } from './engine.js';
import { accountWith, accountVerifier } from './account.js';

/**
 * Initialises both modules of the package: the checker (jobseal_bg.wasm, `options` as for the
 * checker's own init) and the badge (jobseal_badge_bg.wasm, next to this file). Resolves to the
 * checker's engine. A page that needs only one imports 'jobseal/form' or 'jobseal/badge' instead and
 * downloads only that one.
 */
export default async function init(options) {
  const [engine] = await Promise.all([initChecker(options), initBadge()]);
  return engine;
}
export {
  engine, JobsealError, isTrap, rules, version, toJsonLd, toJsonLdText, fromJsonLd,
} from './ready.js';
export { verifyBadge, checkUscc, engine as badgeEngine } from './badge-ready.js';
/** The account a badge credential certifies ({ name, kind }), verified: what Checker.check takes. */
export const accountFor = accountWith(verifyBadge);
/** A Checker that also takes a badge credential as options.account (verified with the badge module). */
export const { Checker } = checkerApi(engine, accountVerifier(accountFor));
export { attachForm, FIELDS } from './form.js';
export { renderBadge, JobsealBadge, configureBadges } from './badge.js';

/** Synchronous initialisation of the checker from bytes or a WebAssembly.Module (workers, tests). */
export { initSync } from './ready.js';
