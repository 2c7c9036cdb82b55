// jobseal for the browser (and any ES module host with fetch): the wasm engine, initialised once.
//   import init, { Checker } from 'jobseal';
//   await init();                     // fetches jobseal_bg.wasm next to this file, once
//   new Checker().check(posting)      // { id, ok, findings }
import wasmInit, { initSync, Checker, rules, version, checkUscc } from './jobseal.js';

let ready = null;

/** Fetches and instantiates the wasm once; later calls return the same promise. */
export default function init(options) {
  ready ??= wasmInit(options === undefined ? undefined : options);
  return ready;
}

export { initSync, Checker, rules, version, checkUscc };
export { attachForm, FIELDS } from './form.js';
