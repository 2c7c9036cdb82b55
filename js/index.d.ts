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
  check(posting: Posting | string, today?: string | null, lang?: Lang | null): Report;
  checkField(field: FieldName, text: string, today?: string | null, lang?: Lang | null): Finding[];
  readonly lang: Lang;
  free(): void;
}

export function rules(): { id: string; category: Category; severity: Severity }[];
export function version(): string;
export function checkUscc(code: string): { ok: boolean; reason?: string };

/** Fetches and instantiates the wasm once (browser). Under Node the module is ready at import. */
export default function init(options?: unknown): Promise<unknown>;
export function initSync(options: { module: BufferSource | WebAssembly.Module }): unknown;
