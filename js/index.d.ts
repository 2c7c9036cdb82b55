// Types of the jobseal package. Spans are UTF-16 code units into the field's original text, the way
// a <textarea>'s selectionStart/selectionEnd count.

export type Severity = 'error' | 'warning' | 'info';
export type Category =
  | 'required' | 'format' | 'salary'
  | 'discrimination.gender' | 'discrimination.age' | 'discrimination.ethnicity'
  | 'discrimination.religion' | 'discrimination.region' | 'discrimination.marital'
  | 'discrimination.health' | 'discrimination.disability'
  | 'fee' | 'diversion' | 'fraud';
export type FieldName =
  | 'title' | 'employer' | 'employer_intro' | 'headcount' | 'requirements' | 'description'
  | 'location' | 'salary' | 'employment_type' | 'valid_until' | 'contact';
export type Lang = 'zh' | 'en';

export interface Posting {
  id?: string | number;
  title?: string;
  employer?: string;
  employer_intro?: string;
  headcount?: number | string;
  requirements?: string;
  description?: string;
  location?: string;
  salary?: string;
  employment_type?: string;
  valid_until?: string;
  contact?: string;
  date_posted?: string;
  [other: string]: unknown;
}

export interface Fix {
  kind: 'replace' | 'remove' | 'insert';
  replacement: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  field: FieldName;
  /** UTF-16 code units into the field's original text. */
  start: number;
  end: number;
  /** The original characters covered. */
  text: string;
  message: string;
  basis: string;
  fix?: Fix;
}

export interface Report {
  id: string | null;
  ok: boolean;
  findings: Finding[];
}

/** A JSON rule pack: see the README, "Configuration". */
export interface RulePack {
  lang?: Lang;
  allow?: string[];
  rules?: Record<string, {
    enabled?: boolean;
    severity?: Severity;
    add_terms?: string[];
    remove_terms?: string[];
    allow?: string[];
  }>;
  salary?: { max_range_ratio?: number; minimum_wage?: Record<string, number> };
  lengths?: Partial<Record<FieldName, { min?: number; max?: number }>>;
}

export class Checker {
  /** Throws an Error naming the offending key when the pack is invalid. */
  constructor(pack?: RulePack | string | null);
  /** today: YYYY-MM-DD, the date expiry is judged against (omit to skip the expiry check). */
  /**
   * options.account (the publishing account's badge credential) with options.jwks holds the employer to
   * the account's certified name (rule employer-mismatch); a credential that does not verify throws.
   */
  check(posting: Posting | string, today?: string | null, lang?: Lang | null, options?: { account?: string; jwks?: JsonWebKeySet | string }): Report;
  checkField(field: FieldName, text: string, today?: string | null, lang?: Lang | null): Finding[];
  readonly lang: Lang;
  free(): void;
}

export function rules(): { id: string; category: Category; severity: Severity }[];
export function version(): string;
export function checkUscc(code: string): { ok: boolean; reason?: string };

/** Why the engine cannot check: `detail.cause` of `jobseal:error`, `code` of a JobsealError. */
export type ErrorCause =
  | 'wasm-load' | 'wasm-invalid' | 'csp' | 'pack-load' | 'pack-invalid' | 'engine-error' | 'trap'
  | 'restart-failed' | 'timeout' | 'loading' | 'checker-missing' | 'widget-error';
export interface ErrorDetail { cause: ErrorCause; message: string; error: unknown }

/** An error of the jobseal wrapper; `cause` holds the underlying error (e.g. a WebAssembly.RuntimeError). */
export class JobsealError extends Error {
  readonly code: ErrorCause;
}
/** Whether an error thrown by a wasm call means the instance is no longer usable. */
export function isTrap(error: unknown): boolean;

/**
 * The supervised engine of the page (or process). A call that traps throws a JobsealError with code
 * 'trap'; the engine fires `jobseal:error` and restarts on a fresh instance (at most 5 times).
 */
export interface Engine extends EventTarget {
  readonly state: 'idle' | 'loading' | 'ready' | 'recovering' | 'failed';
  readonly generation: number;
  readonly restarts: number;
  readonly error: JobsealError | null;
  /** true once ready; false if loading fails or timeoutMs passes first. */
  whenReady(timeoutMs?: number): Promise<boolean>;
  addEventListener(type: 'jobseal:error', listener: (e: CustomEvent<ErrorDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}
export const engine: Engine;
/** The badge module's own engine (jobseal_badge_bg.wasm: verifyBadge, checkUscc), supervised the same way. */
export const badgeEngine: Engine;

/**
 * Fetches, compiles and instantiates the wasm once (browser); a failed load is not remembered. Rejects
 * with a JobsealError (code 'wasm-load', 'csp' or 'wasm-invalid'). Under Node the module is ready at import.
 */
export default function init(options?: unknown): Promise<Engine>;
export function initSync(options?: { module: BufferSource | WebAssembly.Module }): Engine;

export interface ChangeDetail {
  ok: boolean;
  /** Nothing typed yet. */
  empty: boolean;
  /** Every required field filled and no error-severity finding (warnings allowed). */
  complete: boolean;
  findings: Finding[];
}

export interface FormController extends EventTarget {
  addEventListener(type: 'change', listener: (e: CustomEvent<ChangeDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'jobseal:error', listener: (e: CustomEvent<ErrorDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  /** Checks now and returns the report (the widget also checks on every input, once per frame). */
  check(): Report;
  /** Switches the messages and the widget's own text. */
  setLang(lang: Lang): void;
  /** The signed-in account's badge credential and the platform's key set (null: none); checks again. */
  setAccount(credential: string | null, jwks?: JsonWebKeySet | string): void;
  readonly report: Report;
  readonly lang: Lang;
  /** 'loading' until the checker is there; 'unavailable' while the engine cannot check. */
  readonly status: 'loading' | 'ready' | 'unavailable';
  /** The failure while unavailable, else null. */
  readonly failure: { cause: ErrorCause; message: string } | null;
  /** The submit policy in force: options.policy, else data-jobseal-policy, else 'allow'. */
  readonly policy: 'allow' | 'hold';
  /** Whether the report shown came from the worker (postings of 4,000 characters and more). */
  readonly offThread: boolean;
  /** Removes every listener, mark and element the widget added; the form is as it was. */
  destroy(): void;
}

export interface AttachOptions {
  /** A Checker, or a promise of one (the widget shows "loading" until it settles). */
  checker?: Checker | Promise<Checker>;
  /**
   * When the engine cannot check: 'allow' (default; the submit proceeds and the form says the platform
   * will review the posting) or 'hold' (the submit stays blocked). Default: the form's data-jobseal-policy.
   */
  policy?: 'allow' | 'hold';
  /** How long a submit pressed before the engine is ready waits for it (default 3000 ms, or data-jobseal-wait-ms). */
  waitMs?: number;
  /**
   * Check long postings (4,000 characters and more) in a worker while typing (default true; false, or
   * data-jobseal-worker="off" on the form, keeps every check on the main thread).
   */
  worker?: boolean;
  /** The publishing account's badge credential: the employer is held to its certified name (employer-mismatch). */
  account?: string;
  /** The platform's key set, to verify `account`. */
  jwks?: JsonWebKeySet | string;
  /** A rule pack, used when no checker is given. */
  pack?: RulePack | string;
  lang?: Lang;
  /** 0 (default): check once per animation frame. */
  debounceMs?: number;
  /** YYYY-MM-DD; default: the visitor's local date. */
  today?: string;
  /** Posting fields the page supplies itself (e.g. employer and employer_intro from the account); form fields win. */
  base?: Posting;
}

export const FIELDS: FieldName[];
/** Attaches the as-you-type checker to a form whose fields are named like the posting's fields. */
export function attachForm(form: HTMLFormElement, options?: AttachOptions): FormController;

/** 'unavailable': the platform's key set or the engine cannot be had right now; nothing is claimed either way. */
/**
 * 'revoked' / 'suspended': the platform's status list marks the credential; 'unconfirmed': signed and in
 * date, but the status list it names could not be fetched or was refused; 'unavailable': the key set or
 * the engine could not be had (nothing claimed either way).
 */
export type BadgeStatus = 'verified' | 'expired' | 'invalid' | 'revoked' | 'suspended' | 'unconfirmed' | 'unavailable';
export interface BadgeReason { code: string; message: string }
export interface BadgeVerification {
  status: BadgeStatus;
  reasons: BadgeReason[];
  warnings: BadgeReason[];
  /** Present only when the signature verified. */
  claims: Record<string, unknown> | null;
}
export interface JsonWebKeySet { keys: Array<{ kty: string; crv?: string; x?: string; kid: string; [k: string]: unknown }> }

/** Verifies a badge credential (compact JWS, EdDSA/Ed25519). now: Unix seconds (default: the clock). */
export function verifyBadge(token: string, jwks: JsonWebKeySet | string, options?: {
  origin?: string;
  now?: number;
  /** The account the page belongs to (the expected `sub`). */
  account?: string;
  /** The signed status list (statuslist+jwt text) the credential names. */
  statusList?: string;
  /** Why the status list could not be fetched (the credential is then 'unconfirmed'). */
  statusListError?: string;
}): BadgeVerification;
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

/** A posting as schema.org JobPosting JSON-LD (Google's required and recommended properties). */
export function toJsonLd(posting: Posting | string, today?: string | null): Record<string, unknown>;
/**
 * The same as JSON text safe inside <script type="application/ld+json">: <, > and & are written
 * \u003c, \u003e, \u0026 (JSON.stringify(toJsonLd(…)) is not safe to paste into HTML).
 */
export function toJsonLdText(posting: Posting | string, today?: string | null): string;
/** A schema.org JobPosting mapped onto a posting. Checker.check() also accepts JobPosting JSON-LD directly. */
export function fromJsonLd(jsonld: Record<string, unknown> | string): Posting;
