// jobseal for the browser (and any ES module host with fetch): the wasm engine, initialised once and
// supervised (a trap restarts it; see engine.js).
//   import init, { Checker, attachForm, renderBadge } from 'jobseal';
//   await init();                     // fetches jobseal_bg.wasm next to this file, once
//   new Checker().check(posting)      // { id, ok, findings }
import init from './ready.js';

export default init;
export {
  initSync, engine, JobsealError, isTrap, Checker, rules, version, checkUscc, verifyBadge, toJsonLd, toJsonLdText, fromJsonLd,
} from './ready.js';
export { attachForm, FIELDS } from './form.js';
export { renderBadge, JobsealBadge, configureBadges } from './badge.js';
