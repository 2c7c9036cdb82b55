// Types of 'jobseal/badge': <jobseal-badge> and the functions behind it. Importing it registers the
// element; it loads only the badge's own module (jobseal_badge_bg.wasm), never the checker.
import type { BadgeReason, BadgeStatus, BadgeVerification, JsonWebKeySet, Lang } from './core.js';

export type { BadgeReason, BadgeStatus, BadgeVerification, JsonWebKeySet } from './core.js';
/** The same-origin path of the platform's key set, by default. */
export const WELL_KNOWN_JWKS: string;
/** The detail of the `jobseal-badge` event an element fires when it has a verdict. */
export interface BadgeEventDetail {
  status: BadgeStatus;
  reasons: BadgeReason[];
  warnings: BadgeReason[];
}
/**
 * Verifies and renders a badge into element's shadow root; fires `jobseal-badge` with { status, reasons, warnings }.
 * Without options.jwks, the key set configured with configureBadges() (default: /.well-known/jobseal-jwks.json).
 */
export function renderBadge(element: HTMLElement, token: string, options?: { jwks?: JsonWebKeySet | string; lang?: Lang; origin?: string; now?: number; account?: string; retry?: () => void; stale?: () => boolean }): Promise<BadgeVerification>;
/** The platform's key set for every badge of the page: given, or fetched from jwksUrl (same-origin well-known path by default). */
export function configureBadges(options: { jwks?: JsonWebKeySet | string | null; jwksUrl?: string | URL | null; attempts?: number; retryDelayMs?: number; account?: string | null }): void;
/** <jobseal-badge credential="…" lang="zh|en">; `status` and data-status reflect the verdict. A `jwks` attribute is ignored. */
export class JobsealBadge extends HTMLElement {
  static configure(options: Parameters<typeof configureBadges>[0]): void;
  readonly status: BadgeStatus | 'pending';
  /** Verifies again, fetching the key set again if it could not be had. */
  refresh(): Promise<BadgeVerification>;
}


declare global {
  interface HTMLElementTagNameMap {
    'jobseal-badge': JobsealBadge;
  }
  interface HTMLElementEventMap {
    'jobseal-badge': CustomEvent<BadgeEventDetail>;
  }
}
