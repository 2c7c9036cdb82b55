// Types of the jobseal package. Spans are UTF-16 code units into the field's original text, the way
// a <textarea>'s selectionStart/selectionEnd count.

// The browser entry: everything (both modules). Under Node, 'jobseal' resolves to node.js and its
// types to node.d.ts.
import type { Engine } from './core.js';

export * from './core.js';
export { attachForm, FIELDS } from './form.js';
export type { AttachOptions, ChangeDetail, FormController } from './form.js';
export { renderBadge, configureBadges, JobsealBadge } from './badge.js';
export type { BadgeEventDetail } from './badge.js';

/** The checker module's engine (jobseal_bg.wasm). */
export const engine: Engine;
/** The badge module's own engine (jobseal_badge_bg.wasm: verifyBadge, checkUscc), supervised the same way. */
export const badgeEngine: Engine;
/**
 * Fetches, compiles and instantiates both wasm modules once; a failed load is not remembered. Rejects
 * with a JobsealError (code 'wasm-load', 'csp' or 'wasm-invalid'). Resolves to the checker's engine.
 */
export default function init(options?: unknown): Promise<Engine>;
/** Synchronous initialisation of the checker from bytes or a WebAssembly.Module (workers, tests). */
export function initSync(options?: { module: BufferSource | WebAssembly.Module }): Engine;
