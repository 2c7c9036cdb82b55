// The checker's engine: jobseal_bg.wasm (the posting checker, JSON-LD), compiled once, instantiated
// once, supervised (engine.js) so that a trap restarts it on a fresh instance. The form widget, the
// embed and the worker use what this module exports, never the raw glue. The badge has its own
// module (badge-ready.js): nothing here loads the signature code.
import * as glue from './jobseal.js';
import { checkerApi } from './engine.js';
import { entry } from './loader.js';

export { JobsealError, isTrap } from './engine.js';

const loaded = entry({
  glue,
  fresh: (n) => import(`./jobseal.js?instance=${n}`),
  url: new URL('./jobseal_bg.wasm', import.meta.url),
  file: 'jobseal_bg.wasm',
});

export const { engine, initSync } = loaded;
export default loaded.init;
export const { Checker, rules, version, toJsonLd, toJsonLdText, fromJsonLd } = checkerApi(engine);
