// The as-you-type posting form widget.
//
//   import init, { Checker, attachForm } from 'jobseal';
//   await init();
//   const form = attachForm(document.querySelector('form'), { lang: 'zh' });
//   form.addEventListener('change', (e) => console.log(e.detail)); // { ok, empty, complete, findings }
//   form.destroy();
//
// Every decision (what is wrong, where, why, the fix) is made by the wasm engine; this module only
// draws it. The widget's own boxes live in open shadow roots (the host page's CSS cannot break them),
// themable through CSS custom properties (--jobseal-*). It never changes what the employer typed,
// except when the employer presses a fix button, and then through the browser's own editing path
// (execCommand insertText/delete) so that undo works.
//
// When the engine cannot load or run (the .wasm blocked or missing, a CSP without 'wasm-unsafe-eval', a
// broken rule pack, a check that throws or traps), the widget says so in the form, fires `jobseal:error`
// on the form with `detail.cause`, and follows its policy (`data-jobseal-policy` or `options.policy`):
// `allow` (default) lets the submit through, the platform reviewing the posting afterwards; `hold` keeps
// it blocked. A submit pressed before the engine is ready waits up to `waitMs` (default 3000 ms, or
// `data-jobseal-wait-ms`), then follows the policy. The submit guard decides inside a try block and only
// then acts: it cannot throw before preventDefault().
import init, { Checker, engine, JobsealError, isTrap } from './ready.js';
import { adoptStyles } from './sheet.js';

/** Posting fields, in the order the engine reports them. */
export const FIELDS = [
  'title', 'employer', 'employer_intro', 'headcount', 'requirements', 'description',
  'location', 'salary', 'employment_type', 'valid_until', 'contact',
];
/** The fields the circular requires (the engine's missing-required-element rule). */
const REQUIRED = ['title', 'employer', 'employer_intro', 'headcount', 'requirements', 'description', 'location', 'salary', 'valid_until'];

const UI = {
  zh: {
    errors: (n) => `${n} 个问题需要修改`,
    warnings: (n) => `${n} 条提示`,
    clean: '未发现问题',
    empty: '请填写招聘信息',
    incomplete: (n) => `还有 ${n} 项必填信息未填写`,
    held: '存在需要修改的问题，暂不能发布。已定位到第一处。',
    basis: '依据',
    fix: (f) => (f.kind === 'remove' ? '删除' : `改为「${f.replacement}」`),
    fixLabel: (f, text) => (f.kind === 'remove' ? `删除「${text}」` : `将「${text}」改为「${f.replacement}」`),
    severity: { error: '错误', warning: '提示', info: '建议' },
    select: (text) => `定位到「${text}」`,
    server: '发布前平台服务器会再次检查。',
    loading: '正在加载检查…',
    waiting: '正在加载检查，请稍候…',
    unavailable: { allow: '检查暂不可用，发布后将由平台审核', hold: '检查暂不可用，暂不能发布，请稍后再试' },
  },
  en: {
    errors: (n) => `${n} problem${n === 1 ? '' : 's'} to fix`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    clean: 'No problems found',
    empty: 'Fill in the posting',
    incomplete: (n) => `${n} required field${n === 1 ? '' : 's'} still empty`,
    held: 'There are problems to fix before publishing. Moved to the first one.',
    basis: 'Basis',
    fix: (f) => (f.kind === 'remove' ? 'Remove' : `Change to “${f.replacement}”`),
    fixLabel: (f, text) => (f.kind === 'remove' ? `Remove “${text}”` : `Change “${text}” to “${f.replacement}”`),
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    select: (text) => `Select “${text}”`,
    server: 'The platform checks again on its server before publishing.',
    loading: 'Loading the checker…',
    waiting: 'Loading the checker, please wait…',
    unavailable: {
      allow: 'Checking is unavailable right now; the platform will review the posting after it is published',
      hold: 'Checking is unavailable right now; publishing is on hold, please try again later',
    },
  },
};

const THEME = `
  --_error: var(--jobseal-error-color, #c62828);
  --_warning: var(--jobseal-warning-color, #a15c00);
  --_info: var(--jobseal-info-color, #1f5fbf);
  --_ok: var(--jobseal-ok-color, #1b7a3d);
  --_bg: var(--jobseal-background, #ffffff);
  --_fg: var(--jobseal-text-color, #1f2328);
  --_muted: var(--jobseal-muted-color, #57606a);
  --_radius: var(--jobseal-radius, 6px);
  --_font: var(--jobseal-font, system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif);
`;

const LIST_CSS = `
:host { ${THEME} }
.box { font: 13px/1.5 var(--_font); color: var(--_fg); margin: 4px 0 10px; padding: 0; text-align: start; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
li { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; align-items: start; padding: 8px 10px;
     border-radius: var(--_radius); background: var(--_bg); border: 1px solid #d0d7de; border-inline-start-width: 4px; }
li[data-jobseal-severity="error"] { border-inline-start-color: var(--_error); }
li[data-jobseal-severity="warning"] { border-inline-start-color: var(--_warning); }
li[data-jobseal-severity="info"] { border-inline-start-color: var(--_info); }
.sev { font-weight: 600; font-size: 12px; padding: 0 6px; border-radius: 999px; color: #fff; line-height: 20px; }
li[data-jobseal-severity="error"] .sev { background: var(--_error); }
li[data-jobseal-severity="warning"] .sev { background: var(--_warning); }
li[data-jobseal-severity="info"] .sev { background: var(--_info); }
.msg { margin: 0; }
.where { all: unset; cursor: pointer; font: inherit; color: inherit; text-decoration: underline dotted; }
.where:focus-visible, button.fix:focus-visible { outline: 2px solid var(--_info); outline-offset: 2px; }
q { quotes: "「" "」"; font-weight: 600; }
.basis { grid-column: 2; color: var(--_muted); font-size: 12px; margin: 0; }
.actions { grid-column: 2; margin: 2px 0 0; }
button.fix { font: 600 12px/1 var(--_font); cursor: pointer; padding: 6px 10px; border-radius: var(--_radius);
             border: 1px solid #8c959f; background: #f6f8fa; color: var(--_fg); }
button.fix:hover { background: #eaeef2; }
`;

const MIRROR_CSS = `
:host { ${THEME} }
.mirror { position: absolute; inset: 0; overflow: hidden; color: transparent; pointer-events: none;
          border-color: transparent !important; background: transparent !important; box-sizing: border-box; margin: 0; }
.inner { position: relative; }
mark { color: transparent; background: transparent; border-radius: 2px; text-decoration: underline wavy; text-decoration-skip-ink: none;
       text-underline-offset: 3px; text-decoration-thickness: 1.5px; }
mark[data-severity="error"] { background: color-mix(in srgb, var(--_error) 16%, transparent); text-decoration-color: var(--_error); }
mark[data-severity="warning"] { background: color-mix(in srgb, var(--_warning) 14%, transparent); text-decoration-color: var(--_warning); }
mark[data-severity="info"] { background: color-mix(in srgb, var(--_info) 10%, transparent); text-decoration-color: var(--_info); }
`;

const SUMMARY_CSS = `
:host { ${THEME} }
.summary { font: 14px/1.5 var(--_font); color: var(--_fg); display: flex; gap: 10px; align-items: center; flex-wrap: wrap;
           padding: 10px 12px; margin: 0 0 10px; border-radius: var(--_radius); background: var(--_bg); border: 1px solid #d0d7de; }
.summary[data-state="invalid"] { border-color: var(--_error); }
.summary[data-state="complete"] { border-color: var(--_ok); }
.summary[data-state="unavailable"] { border-color: var(--_warning); border-style: dashed; }
.summary[data-state="unavailable"] .dot { background: var(--_warning); }
.dot { width: 10px; height: 10px; border-radius: 50%; background: var(--_muted); flex: none; }
.summary[data-state="invalid"] .dot { background: var(--_error); }
.summary[data-state="complete"] .dot { background: var(--_ok); }
.text { font-weight: 600; }
.note { color: var(--_muted); font-size: 12px; }
.other { margin: 0 0 10px; padding: 0 0 0 18px; font: 13px/1.6 var(--_font); color: var(--_fg); }
.other:empty { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

// Properties the mirror copies from the field, so that its text lays out exactly like the field's.
const MIRRORED = [
  'boxSizing', 'width', 'height', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'letterSpacing', 'wordSpacing', 'lineHeight', 'textIndent', 'textTransform', 'textAlign', 'direction',
  'tabSize', 'overflowWrap', 'wordBreak', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle',
  'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle', 'borderRadius',
];

/** A host element whose own box the page's CSS cannot change (inline !important beats `* { all: unset }`). */
function host(tag, style) {
  const el = document.createElement(tag);
  el.setAttribute('data-jobseal-host', '');
  el.style.cssText = `all: initial !important; ${style}`;
  const root = el.attachShadow({ mode: 'open' });
  return { el, root };
}

const css = adoptStyles;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') el.textContent = v; // always text, never HTML
    else el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

/**
 * The flagged text as the list quotes it: at most 40 characters and an ellipsis. (A field-too-long
 * finding spans everything past the limit: quoted whole, 10,000 characters were laid out again on every
 * keystroke, and nobody reads them in a list.)
 */
export function quote(text) {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

/** Sets an element's text only if that changes it (a write lays it out again). */
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Sets (or, with null, removes) an attribute only if that changes it. */
function setAttr(el, name, value) {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

let uid = 0;

/** Fields whose text can carry marks and a selection (not select, date, number …). */
function textual(el) {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'url'].includes(el.type));
}

/** What the widget waits for the engine when submit is pressed before it is ready. */
export const DEFAULT_WAIT_MS = 3000;

/**
 * The publishing account for the check: `{ name, kind }` as given, or as a badge credential names it.
 * The form carries no signature code (issue 11: it loads only the checker's module), so a credential's
 * claims are read here without checking its signature. That is sound for this widget: the credential
 * comes from the platform's own page script, an employer who edits their own page only changes their
 * own advisory check, and the platform verifies the credential where it counts, before publishing
 * (`jobseal check --account --jwks`, the service's Jobseal-Account header, or Node's Checker). A
 * credential that cannot be read, or has expired, throws an Error naming options.account.
 */
function accountOf(account) {
  if (account === null || account === undefined || typeof account === 'object') return account;
  const part = String(account).trim().split('.')[1] ?? '';
  let claims;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '==='.slice((b64.length + 3) % 4)), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('options.account: the credential is not a readable badge credential (a compact JWS)');
  }
  if (typeof claims?.exp === 'number' && claims.exp * 1000 <= Date.now()) {
    throw new Error('options.account: the credential has expired: the platform must re-verify the account');
  }
  return { name: claims?.name, kind: claims?.kind };
}

/** Failures that no later keystroke can mend (as opposed to one check that threw). */
const LASTING = new Set(['wasm-load', 'wasm-invalid', 'csp', 'pack-load', 'pack-invalid', 'restart-failed', 'checker-missing']);

/**
 * Attaches the checker to a form. Fields are found by their `name` attribute, which is the posting
 * field name. Returns a controller: an EventTarget that fires `change` with
 * `{ ok, empty, complete, findings }`, plus `check()`, `setLang(lang)`, `report`, `status`, `policy`
 * and `destroy()`.
 *
 * `options.checker` may be a Checker or a promise of one (the widget shows "loading" until it
 * settles); without it the widget initialises the engine and builds `new Checker(options.pack)`.
 */
export function attachForm(form, options = {}) {
  if (!(form instanceof HTMLFormElement)) throw new TypeError('attachForm: expected a <form> element');
  let checker = null;
  let ownsChecker = false;
  let status = 'loading'; // 'loading' | 'ready' | 'unavailable'
  let failure = null; // { cause, message, lasting } while the engine cannot check
  let destroyed = false;
  let waiting = false; // a submit is waiting for the engine
  let resubmitting = false;
  const statusWaiters = new Set();
  const debounceMs = Math.max(0, Number(options.debounceMs ?? 0));
  const waitAttr = Number(form.getAttribute('data-jobseal-wait-ms'));
  const waitMs = Math.min(60000, Math.max(0, Number(options.waitMs ?? (Number.isFinite(waitAttr) && form.hasAttribute('data-jobseal-wait-ms') ? waitAttr : DEFAULT_WAIT_MS)) || 0));
  /** `allow` (default) or `hold`: read when needed, so a page can switch it. Never throws. */
  const policy = () => {
    try {
      return (options.policy ?? form.getAttribute('data-jobseal-policy')) === 'hold' ? 'hold' : 'allow';
    } catch {
      return 'allow';
    }
  };
  const today = options.today ?? localToday();
  // Posting fields the page supplies itself (e.g. the employer's name and information from the account).
  const base = { ...(options.base ?? {}) };
  let lang = options.lang === 'en' ? 'en' : 'zh';
  // The certified account the posting is published from (issue 13): `{ name, kind }`, or its badge
  // credential, read by accountOf (above: no signature check in the form; the server verifies). The
  // employer is held to its certified name (employer-mismatch). An account that cannot be used fires
  // jobseal:error (account-invalid) once and the posting is checked without it.
  let account = options.account ? { account: options.account } : null;
  const id = `jobseal-${++uid}`;
  const controller = new EventTarget();
  const cleanups = [];
  const touched = new Set();
  let showMissing = false;
  let report = { ok: true, findings: [] };
  let frame = 0;
  let timer = 0;

  const listen = (target, type, fn, opts) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };
  const saveAttr = (el, name) => {
    const had = el.hasAttribute(name);
    const old = el.getAttribute(name);
    cleanups.push(() => (had ? el.setAttribute(name, old) : el.removeAttribute(name)));
  };

  // ---- the fields ---------------------------------------------------------------------------------
  const fields = [];
  for (const name of FIELDS) {
    const el = form.elements.namedItem(name);
    if (!el || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
    const field = { name, el, list: null, mirror: null, inner: null, listId: `${id}-${name}-findings` };
    for (const a of ['aria-invalid', 'aria-describedby', 'data-jobseal-state']) saveAttr(el, a);
    // The findings list: in the flow, after the field.
    const list = host('div', 'display: block !important;');
    list.el.id = field.listId;
    css(list.root, LIST_CSS);
    field.listBox = h('div', { class: 'box', part: 'findings' });
    list.root.append(field.listBox);
    field.list = list.el;
    // The marks: an overlay mirror over text fields, positioned like the field.
    if (textual(el)) {
      const mirror = host('div', 'position: absolute !important; pointer-events: none !important; z-index: 1 !important; display: block !important; margin: 0 !important;');
      mirror.el.setAttribute('aria-hidden', 'true');
      css(mirror.root, MIRROR_CSS);
      field.mirrorBox = h('div', { class: 'mirror' });
      field.inner = h('div', { class: 'inner' });
      field.mirrorBox.append(field.inner);
      mirror.root.append(field.mirrorBox);
      field.mirror = mirror.el;
      el.insertAdjacentElement('afterend', mirror.el);
      mirror.el.insertAdjacentElement('afterend', list.el);
    } else {
      el.insertAdjacentElement('afterend', list.el);
    }
    const described = [el.getAttribute('aria-describedby'), field.listId].filter(Boolean).join(' ');
    el.setAttribute('aria-describedby', described);
    cleanups.push(() => {
      field.mirror?.remove();
      field.list.remove();
    });
    listen(el, 'input', () => {
      touched.add(name);
      field.typedAt = performance.now();
      schedule();
    });
    listen(el, 'change', () => {
      touched.add(name);
      schedule();
    });
    listen(el, 'blur', () => {
      if (touched.has(name)) return;
      touched.add(name);
      schedule();
    });
    listen(el, 'scroll', () => syncScroll(field), { passive: true });
    fields.push(field);
  }
  if (!fields.length) throw new Error('attachForm: the form has no field named like a posting field (title, description, …)');

  // ---- the summary and the live region, before the submit button -----------------------------
  const submit = form.querySelector('button[type="submit"], input[type="submit"], button:not([type])');
  const summary = host('div', 'display: block !important;');
  css(summary.root, SUMMARY_CSS);
  const sumBox = h('div', { class: 'summary', part: 'summary', 'data-state': 'empty' });
  const sumText = h('span', { class: 'text' });
  const sumNote = h('span', { class: 'note' });
  // Findings on fields the form does not have (nothing to mark them on) are listed here.
  const sumOther = h('ul', { class: 'other' });
  const live = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  sumBox.append(h('span', { class: 'dot', 'aria-hidden': 'true' }), sumText, sumNote);
  summary.root.append(sumBox, sumOther, live);
  if (submit) submit.insertAdjacentElement('beforebegin', summary.el);
  else form.append(summary.el);
  cleanups.push(() => summary.el.remove());
  saveAttr(form, 'data-jobseal-state');

  // ---- geometry -----------------------------------------------------------------------------------
  function syncGeometry() {
    // Read everything first, then write: no layout thrash however many fields there are.
    const reads = fields
      .filter((f) => f.mirror)
      .map((f) => ({ f, cs: getComputedStyle(f.el), left: f.el.offsetLeft, top: f.el.offsetTop, w: f.el.offsetWidth, hgt: f.el.offsetHeight, sx: f.el.scrollLeft, sy: f.el.scrollTop }));
    for (const { f, cs, left, top, w, hgt, sx, sy } of reads) {
      // Written only when something changed: a style write on the mirror lays its whole text out
      // again, tens of ms for a 20,000-character field (issue 10), on every keystroke.
      const look = MIRRORED.map((p) => cs[p]);
      const key = JSON.stringify([left, top, w, hgt, cs.display, look]);
      if (key !== f.geometry) {
        f.geometry = key;
        const s = f.mirror.style;
        s.setProperty('left', `${left}px`, 'important');
        s.setProperty('top', `${top}px`, 'important');
        s.setProperty('width', `${w}px`, 'important');
        s.setProperty('height', `${hgt}px`, 'important');
        const m = f.mirrorBox.style;
        MIRRORED.forEach((p, i) => (m[p] = look[i]));
        m.width = `${w}px`;
        m.height = `${hgt}px`;
        m.whiteSpace = f.el instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
        m.display = cs.display === 'none' ? 'none' : 'block';
      }
      const shift = `translate(${-sx}px, ${-sy}px)`;
      if (f.inner.style.transform !== shift) f.inner.style.transform = shift;
    }
  }
  function syncScroll(f) {
    if (!f.inner) return;
    f.inner.style.transform = `translate(${-f.el.scrollLeft}px, ${-f.el.scrollTop}px)`;
  }
  const ro = new ResizeObserver(() => syncGeometry());
  for (const f of fields) ro.observe(f.el);
  ro.observe(form);
  cleanups.push(() => ro.disconnect());
  listen(window, 'resize', () => syncGeometry());
  document.fonts?.ready.then(() => cleanups.length && syncGeometry());

  // ---- checking -----------------------------------------------------------------------------------
  function posting() {
    const p = { ...base };
    for (const f of fields) {
      const v = f.el.value;
      if (v !== '') p[f.name] = v;
    }
    return p;
  }

  function schedule() {
    if (debounceMs > 0) {
      clearTimeout(timer);
      timer = setTimeout(run, debounceMs);
    } else if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        run();
      });
    }
  }

  function visible(f) {
    // Missing-element findings for fields not yet touched are held back until a submit attempt:
    // nobody wants a wall of errors before typing a word.
    return f.rule !== 'missing-required-element' && f.rule !== 'missing-validity' ? true : showMissing || touched.has(f.field);
  }

  const inForm = (name) => fields.some((f) => f.name === name);

  // ---- the engine's state ---------------------------------------------------------------------------
  function setStatus(next) {
    status = next;
    for (const w of [...statusWaiters]) w();
  }

  /** Resolves once the widget is ready or has failed, or after `ms`: true if ready. */
  function waitReady(ms) {
    if (status !== 'loading') return Promise.resolve(status === 'ready');
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        statusWaiters.delete(done);
        resolve(status === 'ready');
      };
      const t = setTimeout(done, ms);
      statusWaiters.add(done);
    });
  }

  /** Fires `jobseal:error` on the form (and the controller): { cause, message, error }. */
  function raise(cause, error) {
    const message = String(error?.message ?? error ?? cause);
    const detail = { cause, message, error };
    console.warn(`jobseal (${cause}): ${message}`);
    try {
      form.dispatchEvent(new CustomEvent('jobseal:error', { bubbles: true, detail }));
    } finally {
      controller.dispatchEvent(new CustomEvent('jobseal:error', { detail }));
    }
  }

  /** The engine cannot check: say so in the form, clear stale marks, fire jobseal:error once. */
  function fail(cause, error) {
    const fresh = !failure || failure.cause !== cause;
    failure = { cause, message: String(error?.message ?? error), lasting: LASTING.has(cause) };
    setStatus('unavailable');
    render([], posting());
    showUnavailable();
    if (fresh) raise(cause, error);
  }

  function showUnavailable(text) {
    const ui = UI[lang];
    setAttr(form, 'data-jobseal-state', 'unavailable');
    setAttr(sumBox, 'data-state', 'unavailable');
    sumText.textContent = text ?? ui.unavailable[policy()];
    sumNote.textContent = '';
    sumOther.replaceChildren();
    announce(sumText.textContent);
  }

  function showLoading(text) {
    const ui = UI[lang];
    setAttr(form, 'data-jobseal-state', 'loading');
    setAttr(sumBox, 'data-state', 'loading');
    sumText.textContent = text ?? ui.loading;
    sumNote.textContent = '';
    announce(sumText.textContent);
  }

  /** A check threw. A trap of the supervised engine restarts it: wait, then check again. */
  function checkFailed(e) {
    const code = e instanceof JobsealError ? e.code : isTrap(e) ? 'trap' : 'engine-error';
    if (e instanceof JobsealError && (code === 'loading' || code === 'trap') && engine.state !== 'failed') {
      if (code === 'trap') raise('trap', e);
      setStatus('loading');
      showLoading();
      engine.whenReady().then((ok) => {
        if (destroyed || status !== 'loading') return;
        if (ok) {
          setStatus('ready');
          run();
        } else {
          fail(engine.error?.code ?? 'restart-failed', engine.error ?? e);
        }
      });
      return;
    }
    fail(code, e);
  }

  // ---- off the main thread, when the posting is long ----------------------------------------------
  // A check of a long posting takes several ms (8 ms for 20,000 characters in Chromium, ~20 ms when it
  // is dense with findings): with the field's own layout and the marks, that misses frames while
  // typing. So from LONG characters on, a keystroke's check runs in a worker (worker.js: the same wasm
  // module, the same rule pack) and its report is shown when it comes back, if the text is still the
  // one it checked. A submit, `controller.check()` and short postings check on the main thread, at
  // once. `data-jobseal-worker="off"` (or `options.worker: false`) keeps every check here; a worker
  // that cannot start (a CSP without worker-src 'self' or script-src 'self', no Worker) is reported
  // on the console once and the checks stay here.
  const LONG = 4000;
  const offMode = () => !(options.worker === false || form.getAttribute('data-jobseal-worker') === 'off');
  let worker = null; // { w, ready, failed }
  let seq = 0;
  let inflight = null; // the request the worker is checking: { seq, key }
  let again = false; // the text changed while the worker was checking
  let offThread = false;

  function startWorker() {
    const pack = checker?.pack;
    const module = engine.module;
    if (typeof Worker !== 'function' || !module || pack === null || !('pack' in (checker ?? {}))) return (worker = { failed: true });
    let w;
    try {
      w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'jobseal-check' });
    } catch (e) {
      console.warn(`jobseal: checks stay on the main thread (no worker: ${e?.message ?? e})`);
      return (worker = { failed: true });
    }
    const state = { w, ready: false, failed: false };
    worker = state;
    const down = (why) => {
      if (state.failed) return;
      state.failed = true;
      w.terminate();
      console.warn(`jobseal: checks stay on the main thread (the worker failed: ${why})`);
      if (inflight) {
        inflight = null;
        run(true);
      }
    };
    w.addEventListener('error', (e) => {
      e.preventDefault?.();
      down(e.message || 'error');
    });
    w.addEventListener('messageerror', () => down('messageerror'));
    w.addEventListener('message', (e) => {
      const m = e.data;
      if (destroyed || state.failed) return;
      if (m.type === 'ready') state.ready = true;
      else if (m.type === 'failed') down(m.message);
      else if (m.type === 'report' || m.type === 'error') received(m);
    });
    w.postMessage({ type: 'init', module, pack });
    cleanups.push(() => w.terminate());
    return state;
  }

  function received(m) {
    const sent = inflight;
    inflight = null;
    if (!sent || sent.seq !== m.seq || status !== 'ready') return;
    const p = posting();
    if (m.type === 'error') {
      // The worker's engine could not check: check here, where failures are handled and shown.
      run(true);
    } else if (again || JSON.stringify([p, lang, account?.account]) !== sent.key) {
      // Typed since: that report's offsets are of an older text.
      again = false;
      run();
    } else {
      offThread = true;
      show(m.report, p);
    }
  }

  /** Checks now. Returns false when the engine could not check (the form says so). */
  function run(sync = false) {
    if (destroyed || status === 'loading' || (status === 'unavailable' && failure?.lasting)) return false;
    const p = posting();
    if (!sync && offMode() && status === 'ready') {
      let size = 0;
      for (const k in p) size += typeof p[k] === 'string' ? p[k].length : 0;
      if (size >= LONG / 2 && !worker) startWorker();
      if (size >= LONG && worker?.ready && !worker.failed) {
        if (inflight) {
          again = true;
          return true;
        }
        again = false;
        const held = accountOption();
        inflight = { seq: ++seq, key: JSON.stringify([p, lang, account?.account]) };
        worker.w.postMessage({ type: 'check', seq: inflight.seq, posting: p, today, lang, options: held });
        return true;
      }
    }
    inflight = null; // a later check on the main thread supersedes what the worker is doing
    let next;
    try {
      next = checkWithAccount(p);
    } catch (e) {
      checkFailed(e);
      return false;
    }
    offThread = false;
    show(next, p);
    return true;
  }

  /** The account option of a check, read once (accountOf); one that cannot be read is dropped, loudly. */
  function accountOption() {
    if (!account) return undefined;
    if (!account.read) {
      try {
        account = { account: accountOf(account.account), read: true };
      } catch (e) {
        account = null;
        raise('account-invalid', e);
        return undefined;
      }
    }
    return { account: account.account };
  }

  /** The check, held to the account when there is one; an account the engine refuses is dropped, loudly. */
  function checkWithAccount(p) {
    const withAccount = accountOption();
    if (!withAccount) return checker.check(p, today, lang);
    try {
      return checker.check(p, today, lang, withAccount);
    } catch (e) {
      if (!/options\.account/.test(String(e?.message))) throw e;
      account = null;
      raise('account-invalid', e);
      return checker.check(p, today, lang);
    }
  }

  /** Shows a report of the posting `p`. */
  function show(next, p) {
    report = next;
    if (failure) {
      failure = null;
      setStatus('ready');
    }
    const findings = report.findings;
    const empty = Object.keys(p).length === 0;
    const hasError = findings.some((f) => f.severity === 'error');
    const missing = REQUIRED.filter((n) => inForm(n) && !(p[n] ?? '').trim()).length;
    const complete = !hasError && missing === 0;
    const state = empty ? 'empty' : hasError ? 'invalid' : complete ? 'complete' : 'invalid';
    setAttr(form, 'data-jobseal-state', state);
    // What the employer sees: findings of the form's fields that are not held back, and findings of
    // fields the form does not have (listed in the summary). The counts are of these only (issue 10:
    // the summary said 7 problems while two were shown).
    const shown = findings.filter((x) => !inForm(x.field) || visible(x));
    render(shown, p);
    const ui = UI[lang];
    const errors = shown.filter((f) => f.severity === 'error').length;
    const warnings = shown.length - errors;
    setAttr(sumBox, 'data-state', state);
    setText(sumText, empty ? ui.empty : errors ? ui.errors(errors) : missing ? ui.incomplete(missing) : ui.clean);
    setText(sumNote, [warnings ? ui.warnings(warnings) : '', ui.server].filter(Boolean).join(' · '));
    const elsewhere = shown.filter((x) => !inForm(x.field));
    const otherKey = JSON.stringify([lang, elsewhere.map((x) => [x.rule, x.field, x.severity, x.message])]);
    if (otherKey !== sumOther.key) {
      sumOther.key = otherKey;
      sumOther.replaceChildren(...elsewhere.map((x) => h('li', {
        'data-jobseal-rule': x.rule, 'data-jobseal-category': x.category, 'data-jobseal-field': x.field, 'data-jobseal-severity': x.severity,
        text: `${x.field}: ${x.message}`,
      })));
    }
    announce(`${sumText.textContent}${warnings ? `，${ui.warnings(warnings)}` : ''}`);
    controller.dispatchEvent(new CustomEvent('change', { detail: { ok: report.ok, empty, complete, findings } }));
    return true;
  }

  let lastAnnounced = '';
  function announce(text) {
    if (text === lastAnnounced) return;
    lastAnnounced = text;
    live.textContent = text;
  }

  function render(findings, p) {
    const ui = UI[lang];
    for (const f of fields) {
      const mine = findings.filter((x) => x.field === f.name);
      const text = p[f.name] ?? '';
      const worst = mine.some((x) => x.severity === 'error') ? 'error' : mine.length ? 'warning' : null;
      // Attributes written only when they change: a write restyles the field, and restyling a textarea
      // lays its whole text out again (tens of ms at 20,000 characters).
      setAttr(f.el, 'data-jobseal-state', worst === 'error' ? 'invalid' : text.trim() ? 'complete' : 'empty');
      setAttr(f.el, 'aria-invalid', worst === 'error' ? 'true' : null);
      // The list: rebuilt only when what it shows changed (not when typing elsewhere moved the offsets;
      // the buttons read the current finding). Replacing it under a focused fix button drops focus.
      const key = JSON.stringify([lang, mine.map((x) => [x.rule, x.severity, quote(x.text), x.message, x.basis, x.fix])]);
      f.current = mine;
      if (key !== f.key) {
        f.key = key;
        const items = mine.map((x, i) => {
          const li = h('li', {
            'data-jobseal-rule': x.rule,
            'data-jobseal-category': x.category,
            'data-jobseal-field': x.field,
            'data-jobseal-severity': x.severity,
          });
          const sev = h('span', { class: 'sev', text: ui.severity[x.severity] });
          const msg = h('p', { class: 'msg' });
          if (x.end > x.start) {
            const where = h('button', { type: 'button', class: 'where', title: ui.select(quote(x.text)) }, h('q', { text: quote(x.text) }));
            where.addEventListener('click', () => select(f, f.current[i]));
            msg.append(where, ' ');
          }
          msg.append(x.message);
          li.append(sev, msg, h('p', { class: 'basis', text: `${ui.basis}：${x.basis}` }));
          if (x.fix) {
            const btn = h('button', { type: 'button', class: 'fix', 'data-jobseal-fix': x.rule, 'aria-label': ui.fixLabel(x.fix, quote(x.text)), text: ui.fix(x.fix) });
            btn.addEventListener('click', () => applyFix(f, f.current[i]));
            li.append(h('p', { class: 'actions' }, btn));
          }
          return li;
        });
        f.listBox.replaceChildren(...(items.length ? [h('ul', { 'aria-label': f.name }, ...items)] : []));
      }
      if (f.inner) marks(f, mine, text);
    }
    syncGeometry();
  }

  /**
   * The marks: the field's text in the overlay mirror, the flagged spans as <mark>s, one block per line
   * of the text (split at line breaks, which lays out exactly as the field does). Only the lines whose
   * text or marks changed are touched, so typing in a long field lays out one paragraph again, as the
   * browser does for the field itself (issue 10: rebuilding the mirror of a 20,000-character field cost
   * 20–40 ms of layout per keystroke).
   */
  // The browser lays out again every line (paragraph) of the mirror that changes, whole: a
  // 20,000-character paragraph costs tens of ms a keystroke. When a keystroke would change more than
  // LONG_LINE characters of the mirror, the field's marks are hidden and drawn once typing pauses
  // (IDLE_MS), as spell checkers do; smaller changes are drawn at once.
  const LONG_LINE = 3000;
  const IDLE_MS = 400;

  function marks(f, mine, text) {
    const typing = performance.now() - (f.typedAt ?? -Infinity) < IDLE_MS;
    const p = plan(f, mine, text);
    clearTimeout(f.idle);
    // Heavy while typing: more than LONG_LINE characters of the mirror to lay out again (a long
    // paragraph typed in, or marks changing over many lines at once, as when a field crosses its limit).
    if (!typing || p.changed <= LONG_LINE) {
      if (f.mirrorHidden) {
        f.mirrorHidden = false;
        f.mirror.style.removeProperty('visibility');
      }
      paintMarks(f, p);
      return;
    }
    if (!f.mirrorHidden) {
      f.mirrorHidden = true;
      f.mirror.style.setProperty('visibility', 'hidden', 'important');
    }
    f.pending = [mine, text];
    f.idle = setTimeout(() => {
      if (destroyed) return;
      f.typedAt = -Infinity;
      marks(f, ...f.pending);
    }, IDLE_MS);
  }

  /**
   * The mirror's lines for `text` and its marks, and how many characters of them would be laid out
   * again (lines created or edited) against what the mirror holds.
   */
  function plan(f, mine, text) {
    const spans = mine.filter((x) => x.end > x.start).sort((a, b) => a.start - b.start || b.end - a.end);
    const lines = [[]]; // each line: [text, null] or [text, 'severity rule'] parts
    const put = (t, m) => {
      const pieces = t.split('\n');
      pieces.forEach((piece, i) => {
        if (i > 0) lines.push([]);
        if (piece) lines[lines.length - 1].push([piece, m]);
      });
    };
    let at = 0;
    for (const x of spans) {
      if (x.start < at) continue; // nested in the previous mark
      if (x.start > at) put(text.slice(at, x.start), null);
      put(text.slice(x.start, x.end), `${x.severity} ${x.rule}`);
      at = x.end;
    }
    put(text.slice(at), null);
    const keys = lines.map((parts) => JSON.stringify(parts));
    // A line's shape: its marks in order. A line of the same shape is updated in place.
    const shapes = lines.map((parts) => (parts.length ? parts.map(([, m]) => m ?? '').join('|') : 'empty'));
    // Walk both: keep a line that is unchanged (looking a few lines ahead, for lines added or
    // removed: the old lines skipped are dropped); edit a line of the same shape in place; make the
    // rest anew. `ops[i]` says which, for line i.
    const old = f.lines ?? [];
    const ops = [];
    let changed = 0;
    let j = 0;
    for (let i = 0; i < keys.length; i++) {
      let k = j;
      while (k < old.length && k < j + 4 && old[k].key !== keys[i]) k++;
      if (k < old.length && old[k].key === keys[i]) {
        ops.push({ keep: k, drop: [j, k] });
        j = k + 1;
        continue;
      }
      for (const [t] of lines[i]) changed += t.length;
      if (j < old.length && old[j].shape === shapes[i] && shapes[i] !== 'empty') {
        ops.push({ edit: j });
        j++;
      } else {
        ops.push({ make: true, before: j });
      }
    }
    return { lines, keys, shapes, ops, rest: j, changed };
  }

  function paintMarks(f, { lines, keys, shapes, ops, rest }) {
    const old = f.lines ?? [];
    const next = [];
    ops.forEach((op, i) => {
      if (op.keep !== undefined) {
        for (let d = op.drop[0]; d < op.drop[1]; d++) old[d].el.remove();
        next.push(old[op.keep]);
      } else if (op.edit !== undefined) {
        // Typing changed this line's text: edit the text nodes where they differ, as an edit in the
        // field does, so the browser reuses what it measured of the rest of the paragraph.
        const el = old[op.edit].el;
        const nodes = [...el.childNodes].map((n) => (n.nodeType === 3 ? n : n.firstChild));
        lines[i].forEach(([t], n) => edit(nodes[n], t));
        next.push({ key: keys[i], shape: shapes[i], el });
      } else {
        const div = document.createElement('div');
        // An empty line still takes up its line (a space in pre-wrap; the field shows nothing there either).
        if (!lines[i].length) div.append(' ');
        for (const [t, m] of lines[i]) {
          if (m === null) {
            div.append(t);
          } else {
            const [severity, rule] = m.split(' ');
            div.append(h('mark', { 'data-severity': severity, 'data-rule': rule, text: t }));
          }
        }
        f.inner.insertBefore(div, old[op.before]?.el ?? null);
        next.push({ key: keys[i], shape: shapes[i], el: div });
      }
    });
    for (let d = rest; d < old.length; d++) old[d].el.remove();
    f.lines = next;
  }

  /** Makes a text node's data `t` by replacing only the part between a common start and end. */
  function edit(node, t) {
    const d = node.data;
    if (d === t) return;
    let a = 0;
    const max = Math.min(d.length, t.length);
    while (a < max && d.charCodeAt(a) === t.charCodeAt(a)) a++;
    let b = 0;
    while (b < max - a && d.charCodeAt(d.length - 1 - b) === t.charCodeAt(t.length - 1 - b)) b++;
    node.replaceData(a, d.length - a - b, t.slice(a, t.length - b));
  }

  // String offsets from the engine are UTF-16 code units: exactly what setSelectionRange takes.
  function select(f, x) {
    f.el.focus();
    if (textual(f.el)) f.el.setSelectionRange(x.start, x.end);
  }

  function applyFix(f, x) {
    if (!textual(f.el)) {
      // A date or number field: set the value the engine proposes, through an input event.
      f.el.focus();
      f.el.value = x.fix.kind === 'remove' ? '' : x.fix.replacement;
      f.el.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
    select(f, x);
    // The browser's own editing path: the input event fires and Ctrl+Z undoes the fix.
    const replacement = x.fix.kind === 'remove' ? '' : x.fix.replacement;
    const done = replacement
      ? document.execCommand('insertText', false, replacement)
      : document.execCommand('delete', false);
    if (!done) {
      // Fallback for browsers without execCommand on form fields (no undo there).
      f.el.setRangeText(replacement, x.start, x.end, 'end');
      f.el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    }
  }

  // ---- submit ---------------------------------------------------------------------------------------
  // Decide first (inside try), then act: nothing before preventDefault() can throw.
  //   allow            the submit proceeds
  //   hold-findings    an error-severity finding stands: held, focus on it
  //   hold-unavailable the engine cannot check and the policy is `hold`
  //   wait             the engine is not ready yet: held, then decided again (at most waitMs later)
  //   busy             a submit is already waiting
  function decide() {
    if (waiting) return 'busy';
    if (status === 'ready' || (status === 'unavailable' && !failure?.lasting)) {
      if (frame) {
        cancelAnimationFrame(frame);
        frame = 0;
      }
      showMissing = true;
      if (!run(true)) {
        if (status === 'loading') return 'wait';
        return policy() === 'hold' ? 'hold-unavailable' : 'allow';
      }
      return report.findings.some((f) => f.severity === 'error') ? 'hold-findings' : 'allow';
    }
    if (status === 'loading') return 'wait';
    return policy() === 'hold' ? 'hold-unavailable' : 'allow';
  }

  function resubmit(submitter) {
    resubmitting = true;
    try {
      if (typeof form.requestSubmit !== 'function') form.submit();
      else if (submitter && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    } finally {
      resubmitting = false;
    }
  }

  function act(verdict, submitter) {
    const ui = UI[lang];
    if (verdict === 'hold-findings') {
      const first = report.findings.find((f) => f.severity === 'error');
      announce(ui.held);
      const f = fields.find((x) => x.name === first?.field);
      if (f) {
        if (first.end > first.start) select(f, first);
        else f.el.focus();
      }
    } else if (verdict === 'hold-unavailable') {
      showUnavailable(ui.unavailable.hold);
    } else if (verdict === 'wait') {
      waiting = true;
      showLoading(ui.waiting);
      waitReady(waitMs).then((ready) => {
        waiting = false;
        if (destroyed) return;
        let next;
        if (ready) {
          next = decide();
        } else if (status === 'loading') {
          raise('timeout', new JobsealError('timeout', `jobseal: the checker was not ready ${waitMs} ms after submit; policy ${policy()}`));
          next = policy() === 'hold' ? 'hold-unavailable' : 'allow';
          showUnavailable();
        } else {
          next = policy() === 'hold' ? 'hold-unavailable' : 'allow';
        }
        if (next === 'allow') resubmit(submitter);
        else act(next, submitter);
      }).catch((err) => console.error('jobseal:', err));
    }
  }

  listen(form, 'submit', (e) => {
    if (resubmitting) return; // our own submit after waiting: already decided
    let verdict;
    try {
      verdict = decide();
    } catch (err) {
      // A defect of the widget itself: follow the policy, and say so.
      verdict = policy() === 'hold' ? 'hold-unavailable' : 'allow';
      try {
        raise('widget-error', err);
      } catch {
        /* the verdict stands */
      }
    }
    if (verdict === 'allow') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    try {
      act(verdict, e.submitter);
    } catch (err) {
      console.error('jobseal:', err);
    }
  }, true);

  // ---- the checker: now, or when it arrives -----------------------------------------------------------
  function start(c) {
    if (destroyed) {
      if (ownsChecker) c?.free?.();
      return;
    }
    if (!c || typeof c.check !== 'function') {
      fail('checker-missing', new JobsealError('checker-missing', 'jobseal: options.checker is not a Checker'));
      return;
    }
    checker = c;
    setStatus('ready');
    run();
    queueMicrotask(() => {
      if (!destroyed) form.dispatchEvent(new CustomEvent('jobseal:ready', { bubbles: true, detail: { controller } }));
    });
  }
  const cause = (e, fallback) => (e instanceof JobsealError ? e.code : fallback);
  let given = options.checker;
  if (given === undefined || given === null) {
    // No checker given: build one from options.pack once the engine is up.
    ownsChecker = true;
    const build = () => {
      try {
        return new Checker(options.pack);
      } catch (e) {
        if (e instanceof JobsealError) throw e;
        throw new JobsealError(options.pack === undefined ? 'engine-error' : 'pack-invalid', `jobseal: ${e.message}`, e);
      }
    };
    given = engine.state === 'ready' ? (() => {
      try {
        return build();
      } catch (e) {
        return Promise.reject(e);
      }
    })() : init().then(build);
  }
  if (given && typeof given.then === 'function') {
    showLoading();
    Promise.resolve(given).then(start, (e) => {
      if (!destroyed) fail(cause(e, 'engine-error'), e);
    });
  } else {
    start(given);
  }

  // ---- public API ---------------------------------------------------------------------------------
  controller.check = () => {
    run(true);
    return report;
  };
  /**
   * The account the posting is published from: `{ name, kind }` or its badge credential (read by
   * accountOf, without the signature), or null for none. Checks again at once. A key set given as the
   * second argument is accepted for compatibility and not used.
   */
  controller.setAccount = (next) => {
    account = next ? { account: next } : null;
    if (status === 'ready' || (status === 'unavailable' && !failure?.lasting)) run(true);
  };
  controller.setLang = (next) => {
    lang = next === 'en' ? 'en' : 'zh';
    if (status === 'ready' || (status === 'unavailable' && !failure?.lasting)) run();
    else if (status === 'loading') showLoading();
    else showUnavailable();
  };
  Object.defineProperty(controller, 'report', { get: () => report });
  Object.defineProperty(controller, 'lang', { get: () => lang });
  /** 'loading' | 'ready' | 'unavailable' */
  Object.defineProperty(controller, 'status', { get: () => status });
  /** The failure while unavailable: { cause, message }, else null. */
  Object.defineProperty(controller, 'failure', { get: () => (failure ? { cause: failure.cause, message: failure.message } : null) });
  Object.defineProperty(controller, 'policy', { get: policy });
  /** Whether the report shown came from the worker (a long posting checked off the main thread). */
  Object.defineProperty(controller, 'offThread', { get: () => offThread });
  controller.destroy = () => {
    destroyed = true;
    for (const f of fields) clearTimeout(f.idle);
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    while (cleanups.length) cleanups.pop()();
    if (ownsChecker) checker?.free();
  };

  return controller;
}
