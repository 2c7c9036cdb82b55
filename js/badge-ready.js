// The badge's engine: jobseal_badge_bg.wasm (signature verification, status lists, USCC), its own
// small module, compiled once, supervised like the checker's (engine.js). `<jobseal-badge>` uses what
// this module exports; a page that shows only badges never loads the posting checker.
import * as glue from './jobseal_badge.js';
import { badgeApi } from './engine.js';
import { entry } from './loader.js';

export { JobsealError, isTrap } from './engine.js';

const loaded = entry({
  glue,
  fresh: (n) => import(`./jobseal_badge.js?instance=${n}`),
  url: new URL('./jobseal_badge_bg.wasm', import.meta.url),
  file: 'jobseal_badge_bg.wasm',
});

export const { engine, initSync } = loaded;
export default loaded.init;
export const { verifyBadge, checkUscc, version } = badgeApi(engine);
