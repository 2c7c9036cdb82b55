// The types every entry of the jobseal package shares, without the DOM: the checker, the reports, the
// badge verdict, the supervised engine. Spans are UTF-16 code units into the field's original text, the
// way a <textarea>'s selectionStart/selectionEnd count. Types only (no module of its own at run time):
// index.d.ts (browser), node.d.ts (Node), form.d.ts and badge.d.ts re-export what each entry has.

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
  salary?: {
    max_range_ratio?: number;
    minimum_wage?: Record<string, number>;
    minimum_hourly_wage?: number | Record<string, number>;
  };
  lengths?: Partial<Record<FieldName, { min?: number; max?: number }>>;
}

export class Checker {
  /** Throws an Error naming the offending key when the pack is invalid. */
  constructor(pack?: RulePack | string | null);
  /** today: YYYY-MM-DD, the date expiry is judged against (omit to skip the expiry check). */
  /**
   * options.account, the account the posting is published from, holds the employer to its certified
   * name (rule employer-mismatch): `{ name, kind }` (what accountFor returns), or — with the 'jobseal'
   * entries, which load the badge module too — its badge credential with options.jwks, verified first;
   * a credential that does not verify throws. jobseal/form's Checker takes only `{ name, kind }`.
   */
  check(posting: Posting | string, today?: string | null, lang?: Lang | null, options?: { account?: string | Account; jwks?: JsonWebKeySet | string }): Report;
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

/** An event of the engine: `jobseal:error` carries an ErrorDetail; `jobseal:ready` fires after a load or a restart. */
export interface EngineEvent<T> {
  readonly type: string;
  readonly detail: T;
}
/**
 * The supervised engine of a wasm module (the page's or process's). A call that traps throws a
 * JobsealError with code 'trap'; the engine fires `jobseal:error` and restarts on a fresh instance
 * (at most 5 times).
 */
export interface Engine {
  readonly state: 'idle' | 'loading' | 'ready' | 'recovering' | 'failed';
  readonly generation: number;
  readonly restarts: number;
  readonly error: JobsealError | null;
  /** true once ready; false if loading fails or timeoutMs passes first. */
  whenReady(timeoutMs?: number): Promise<boolean>;
  addEventListener(type: 'jobseal:error', listener: (e: EngineEvent<ErrorDetail>) => void, options?: boolean | { once?: boolean }): void;
  addEventListener(type: 'jobseal:ready', listener: (e: EngineEvent<unknown>) => void, options?: boolean | { once?: boolean }): void;
  removeEventListener(type: 'jobseal:error' | 'jobseal:ready', listener: (e: EngineEvent<never>) => void): void;
}

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
/** A recruitment account: its certified name and kind (the circular's three kinds). */
export interface Account { name: string; kind: 'employer' | 'hr_agency' | 'public_service' }
/**
 * The account a badge credential certifies, verified now (or at `now`, Unix seconds) against the key set,
 * with no origin and no status list: what Checker.check takes as options.account. Throws an Error saying
 * why a credential cannot be the publishing account ("the credential is invalid, …: bad-signature (…)").
 */
export function accountFor(token: string, jwks: JsonWebKeySet | string, now?: number): Account;
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
/** A posting as schema.org JobPosting JSON-LD (Google's required and recommended properties). */
export function toJsonLd(posting: Posting | string, today?: string | null): Record<string, unknown>;
/**
 * The same as JSON text safe inside <script type="application/ld+json">: <, > and & are written
 * \u003c, \u003e, \u0026 (JSON.stringify(toJsonLd(…)) is not safe to paste into HTML).
 */
export function toJsonLdText(posting: Posting | string, today?: string | null): string;
/** A schema.org JobPosting mapped onto a posting. Checker.check() also accepts JobPosting JSON-LD directly. */
export function fromJsonLd(jsonld: Record<string, unknown> | string): Posting;
