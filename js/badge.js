// The account badge: <jobseal-badge credential="…" jwks="/path/or/inline-json" lang="zh"> and
// renderBadge(element, token, options). The credential is verified in the page by the wasm engine
// (EdDSA signature, expiry, licence dates, origin), so a pasted or copied badge cannot pass as real.
//
// Every value is inserted as text, never as HTML; a logo is loaded only over https and only as an
// image. Each status looks different and says so in words (never colour alone).
import init from './ready.js';
import { verifyBadge } from './jobseal.js';
import { adoptStyles } from './sheet.js';

const KIND = {
  zh: { employer: '认证企业', hr_agency: '人力资源服务机构', public_service: '公共就业服务机构' },
  en: { employer: 'Verified employer', hr_agency: 'HR service agency', public_service: 'Public employment service' },
};
const T = {
  zh: {
    verified: '已认证', expired: '认证已过期', invalid: '无效徽章', foreign: '非本站徽章',
    invalidSay: '此徽章无法通过验证，请勿信任其中的任何信息。',
    foreignSay: '此徽章不是为本网站签发的，可能是从其他页面复制而来。',
    expiredSay: '该账号的认证已过期，平台需重新核验。',
    uscc: '统一社会信用代码', licence: '人力资源服务许可证', authority: '发证机关', validity: '有效期', scope: '许可范围',
    verifiedAt: '最近认证', reverify: '复核截止', details: '认证详情', issuer: '签发平台', account: '账号',
    id: '凭证编号', key: '签名', reasons: '原因', warnings: '提示', to: '至', loading: '正在验证徽章…',
    error: '徽章无法加载', checkedHere: '已在您的浏览器中验证平台签名（Ed25519）。',
  },
  en: {
    verified: 'Verified', expired: 'Verification expired', invalid: 'Invalid badge', foreign: 'Not valid on this site',
    invalidSay: 'This badge failed verification. Do not trust anything it says.',
    foreignSay: 'This badge was not issued for this site; it may have been copied from another page.',
    expiredSay: 'This account’s verification has expired and must be renewed by the platform.',
    uscc: 'Unified Social Credit Code', licence: 'HR service licence', authority: 'Issued by', validity: 'Valid', scope: 'Scope',
    verifiedAt: 'Last verified', reverify: 'Re-verify by', details: 'Details', issuer: 'Issued by platform', account: 'Account',
    id: 'Credential id', key: 'Signature', reasons: 'Reasons', warnings: 'Notes', to: 'to', loading: 'Verifying badge…',
    error: 'The badge could not be loaded', checkedHere: 'The platform’s signature (Ed25519) was verified in your browser.',
  },
};

const CSS = `
:host { all: initial; display: block; contain: content;
  --_ok: var(--jobseal-ok-color, #1b7a3d); --_warn: var(--jobseal-warning-color, #a15c00); --_bad: var(--jobseal-error-color, #c62828);
  --_fg: var(--jobseal-text-color, #1f2328); --_muted: var(--jobseal-muted-color, #57606a); --_bg: var(--jobseal-background, #fff);
  --_radius: var(--jobseal-radius, 10px);
  --_font: var(--jobseal-font, system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif); }
.badge { font: 14px/1.5 var(--_font); color: var(--_fg); background: var(--_bg); border: 2px solid; border-radius: var(--_radius);
  padding: 12px 14px; max-width: 420px; box-sizing: border-box; text-align: start; }
.badge[data-status="verified"] { border-color: var(--_ok); }
.badge[data-status="expired"] { border-color: var(--_warn); border-style: dashed; }
.badge[data-status="invalid"] { border-color: var(--_bad); border-style: dashed;
  background: repeating-linear-gradient(135deg, var(--_bg) 0 12px, color-mix(in srgb, var(--_bad) 7%, var(--_bg)) 12px 24px); }
.head { display: flex; align-items: center; gap: 10px; }
.icon { flex: none; width: 34px; height: 34px; border-radius: 50%; display: grid; place-items: center; color: #fff; font: 700 18px/1 var(--_font); }
[data-status="verified"] .icon { background: var(--_ok); }
[data-status="expired"] .icon { background: var(--_warn); }
[data-status="invalid"] .icon { background: var(--_bad); }
.status { font-weight: 700; font-size: 15px; }
[data-status="verified"] .status { color: var(--_ok); }
[data-status="expired"] .status { color: var(--_warn); }
[data-status="invalid"] .status { color: var(--_bad); }
.kind { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; border: 1px solid currentColor; color: var(--_muted); }
.logo { width: 34px; height: 34px; object-fit: contain; border-radius: 6px; margin-inline-start: auto; }
.name { font-size: 16px; font-weight: 700; margin: 8px 0 2px; word-break: break-all; }
.say { margin: 8px 0 0; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; font-size: 13px; }
dt { color: var(--_muted); }
dd { margin: 0; word-break: break-all; font-variant-numeric: tabular-nums; }
.when { color: var(--_muted); font-size: 12px; margin: 8px 0 0; }
button { font: 600 12px/1 var(--_font); margin-top: 8px; padding: 6px 10px; border-radius: 6px; border: 1px solid #8c959f;
  background: #f6f8fa; color: var(--_fg); cursor: pointer; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.panel { margin-top: 8px; padding-top: 8px; border-top: 1px solid #d0d7de; font-size: 12px; }
.panel[hidden] { display: none; }
ul { margin: 4px 0 0; padding-inline-start: 18px; }
`;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

const day = (secs) => new Date(secs * 1000).toISOString().slice(0, 10);
let uid = 0;

function draw(root, v, lang) {
  const t = T[lang];
  const c = v.claims ?? {};
  const foreign = v.status === 'invalid' && v.reasons.some((r) => r.code === 'wrong-origin') && v.reasons.every((r) => r.code === 'wrong-origin');
  const trusted = v.status === 'verified' || v.status === 'expired';
  const word = v.status === 'verified' ? t.verified : v.status === 'expired' ? t.expired : foreign ? t.foreign : t.invalid;
  const box = h('section', { class: 'badge', part: 'badge', 'data-status': v.status, role: 'group', 'aria-label': word });
  const head = h('div', { class: 'head' },
    h('span', { class: 'icon', 'aria-hidden': 'true', text: v.status === 'verified' ? '✓' : v.status === 'expired' ? '!' : '✕' }),
    h('span', { class: 'status', text: word }));
  if (trusted && KIND[lang][c.kind]) head.append(h('span', { class: 'kind', text: KIND[lang][c.kind] }));
  if (trusted && typeof c.logo === 'string' && c.logo.startsWith('https://')) {
    head.append(h('img', { class: 'logo', src: c.logo, alt: '', referrerpolicy: 'no-referrer', loading: 'lazy', decoding: 'async' }));
  }
  box.append(head);
  if (!trusted) {
    box.append(h('p', { class: 'say', text: foreign ? t.foreignSay : t.invalidSay }));
  } else {
    box.append(h('p', { class: 'name', text: c.name }));
    const dl = h('dl');
    const row = (k, val) => val && dl.append(h('dt', { text: k }), h('dd', { text: val }));
    row(t.uscc, c.uscc);
    if (c.kind === 'hr_agency' && c.licence) {
      row(t.licence, c.licence.number);
      row(t.authority, c.licence.authority);
      row(t.validity, `${c.licence.valid_from} ${t.to} ${c.licence.valid_until}`);
    }
    box.append(dl);
    if (v.status === 'expired') box.append(h('p', { class: 'say', text: t.expiredSay }));
    box.append(h('p', { class: 'when', text: `${t.verifiedAt} ${day(c.iat)} · ${t.reverify} ${day(c.exp)}` }));
  }
  // The details panel: opens on click, Enter or Space (a real button).
  const panelId = `jobseal-badge-panel-${++uid}`;
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId, text: t.details });
  const panel = h('div', { class: 'panel', id: panelId, hidden: '' });
  if (trusted) {
    const dl = h('dl');
    const row = (k, val) => val && dl.append(h('dt', { text: k }), h('dd', { text: val }));
    row(t.issuer, c.iss);
    row(t.account, c.sub);
    row(t.id, c.jti);
    if (c.kind === 'hr_agency') row(t.scope, c.licence?.scope);
    row(t.key, 'EdDSA (Ed25519)');
    panel.append(h('p', { text: t.checkedHere }), dl);
  }
  if (v.reasons.length) panel.append(h('p', { text: t.reasons }), h('ul', {}, ...v.reasons.map((r) => h('li', { 'data-code': r.code, text: r.message }))));
  if (v.warnings.length) panel.append(h('p', { text: t.warnings }), h('ul', {}, ...v.warnings.map((r) => h('li', { 'data-code': r.code, text: r.message }))));
  toggle.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  box.append(toggle, panel);
  // A constructable stylesheet, not a <style> element: applies under style-src 'self'.
  root.replaceChildren(box);
  adoptStyles(root, CSS);
}

/**
 * Verifies `token` against `options.jwks` (object or JSON text) and renders the badge into `element`'s
 * shadow root (created if needed). Returns the verification `{ status, reasons, warnings, claims }`.
 * options: { jwks, lang = 'zh', origin = location.origin, now = seconds since the epoch }.
 */
export async function renderBadge(element, token, options = {}) {
  await init();
  const lang = options.lang === 'en' ? 'en' : 'zh';
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  let v;
  try {
    v = verifyBadge(String(token ?? ''), options.jwks, { origin: options.origin ?? location.origin, now: options.now });
  } catch (e) {
    // A key set that cannot be read: nothing can be verified, so the badge is invalid.
    v = { status: 'invalid', reasons: [{ code: 'bad-jwks', message: e.message }], warnings: [], claims: null };
  }
  draw(root, v, lang);
  element.setAttribute('data-status', v.status);
  element.dispatchEvent(new CustomEvent('jobseal-badge', { bubbles: true, composed: true, detail: { status: v.status, reasons: v.reasons, warnings: v.warnings } }));
  return v;
}

const jwksCache = new Map();
async function loadJwks(spec) {
  const s = (spec ?? '').trim();
  if (s.startsWith('{')) return s;
  if (!s) throw new Error('no key set (jwks attribute)');
  if (!jwksCache.has(s)) {
    jwksCache.set(s, fetch(s, { credentials: 'omit' }).then((r) => {
      if (!r.ok) throw new Error(`key set ${s}: HTTP ${r.status}`);
      return r.text();
    }));
  }
  return jwksCache.get(s);
}

/** <jobseal-badge credential="…" jwks="/.well-known/jobseal-jwks.json" lang="zh"> */
export class JobsealBadge extends HTMLElement {
  static observedAttributes = ['credential', 'jwks', 'lang'];
  #run = 0;

  /** 'pending' until verified, then 'verified' | 'expired' | 'invalid' (also the data-status attribute). */
  get status() {
    return this.getAttribute('data-status') ?? 'pending';
  }

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  async #render() {
    const run = ++this.#run;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const lang = (this.getAttribute('lang') ?? document.documentElement.lang ?? 'zh').startsWith('en') ? 'en' : 'zh';
    if (!root.childNodes.length) root.append(h('span', { text: T[lang].loading }));
    let jwks;
    try {
      jwks = await loadJwks(this.getAttribute('jwks'));
    } catch (e) {
      jwks = null;
      console.warn(`jobseal-badge: ${e.message}`);
    }
    if (run !== this.#run) return;
    await renderBadge(this, this.getAttribute('credential'), { jwks: jwks ?? '{"keys":[]}', lang });
  }
}

if (!customElements.get('jobseal-badge')) customElements.define('jobseal-badge', JobsealBadge);
