// Types of the Node entry (`import … from 'jobseal'` under Node, or 'jobseal/node'): the checker, the
// badge verifier and JSON-LD, initialised from the .wasm files at import. No DOM: the form widget and
// the badge element are browser-only and not exported here.
import type { Engine } from './core.js';

export * from './core.js';
/** The checker module's engine (jobseal_bg.wasm). */
export const engine: Engine;
/** The badge module's engine (jobseal_badge_bg.wasm: verifyBadge, checkUscc). */
export const badgeEngine: Engine;
/** Already initialised at import; kept so code shared with the browser can `await init()`. */
export default function init(): Promise<Engine>;
/** Already initialised at import. */
export function initSync(): Engine;
