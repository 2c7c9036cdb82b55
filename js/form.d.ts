// Types of 'jobseal/form': the as-you-type checker for a posting form (attachForm). Loads only the
// checker's module (jobseal_bg.wasm); importing it registers no element.
import type { Account, Checker, ErrorCause, ErrorDetail, FieldName, Finding, JsonWebKeySet, Lang, Posting, Report, RulePack } from './core.js';

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
  /**
   * The signed-in account (null: none): `{ name, kind }`, or its badge credential, whose claims the form
   * reads without checking the signature (the form loads no signature code; verify on the server). Checks again.
   * `jwks` is accepted for compatibility and not used.
   */
  setAccount(account: string | Account | null, jwks?: JsonWebKeySet | string): void;
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
  /**
   * The publishing account, `{ name, kind }` or its badge credential: the employer is held to its certified
   * name (employer-mismatch). A credential's claims are read without checking its signature (the form
   * loads no signature code): the platform verifies it on its server before publishing.
   */
  account?: string | Account;
  /** Accepted for compatibility; not used (the form does not verify signatures). */
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

/** A finding's text as the list quotes it (at most 40 characters). */
export function quote(text: string): string;
/** How long a submit pressed before the engine is ready waits for it, by default (ms). */
export const DEFAULT_WAIT_MS: number;

declare global {
  interface HTMLFormElement {
    /** The controller attachForm (or the embed) put on the form. */
    jobseal?: FormController;
  }
  interface HTMLElementEventMap {
    /** Fired on the form when checking starts. */
    'jobseal:ready': CustomEvent<{ controller: FormController }>;
    /** Fired on the form when the engine cannot check. */
    'jobseal:error': CustomEvent<ErrorDetail>;
  }
}
