// The one wasm instance of the page: every module awaits the same init.
import wasmInit from './jobseal.js';

let ready = null;

/** Fetches and instantiates the wasm once; later calls return the same promise. */
export default function init(options) {
  ready ??= wasmInit(options === undefined ? undefined : options);
  return ready;
}
