// The account badge: <jobseal-badge credential="…" lang="zh"> and renderBadge(element, token, options).
// The credential is verified in the page by the wasm engine (EdDSA signature, expiry, licence dates,
// origin), so a pasted or copied badge cannot pass as real.
//
// The trust anchor (the platform's key set) comes only from the platform: `configureBadges({ jwks })` or
// `configureBadges({ jwksUrl })` called by a script of the page, or by default the same-origin
// `/.well-known/jobseal-jwks.json`. Never from markup: a `jwks` attribute is ignored, so a badge injected
// as user content with its own key set cannot verify (issue 10). A key set that cannot be fetched is
// retried (3 attempts, 0.5 s then 1 s apart), then the badge says "cannot verify now" (status
// `unavailable`), never "invalid"; a failed fetch is not remembered, so the next render (the badge's
// retry button, the browser coming back online, configureBadges) fetches again.
//
// Revocation (issue 13): a credential that names a status list (`status.status_list.uri`, IETF Token
// Status List) is checked against it. The list is fetched from the page's origin, the credential's
// issuer or one of the sites it is issued for, at most once per list at a time and cached for the
// list's `ttl` (default 300 s, at most a day); the list's signature, URI and expiry are verified by the
// wasm with the same key set. A revoked credential shows `revoked` (此认证已被平台撤销), a suspended one
// `suspended`; if the list cannot be fetched (after the same 3 attempts as the key set) or is refused
// (forged, expired, another list), the badge shows `unconfirmed` (无法确认最新状态): never verified on
// the strength of a list it could not check.
//
// The page's account (issue 13): `configureBadges({ account })` (a script call), else the element's
// `account` attribute, names the account the page belongs to; a credential of any other account is
// invalid (`wrong-account`), so a genuine badge copied onto another account's page fails.
//
// Every value is inserted as text, never as HTML; a logo is loaded only over https and only as an
// image. Each status looks different and says so in words (never colour alone). Styles are
// constructable stylesheets: a strict CSP (style-src 'self') applies.
import init, { verifyBadge, JobsealError, engine } from './badge-ready.js';
import { adoptStyles } from './sheet.js';
import { reasonText } from './badge-reasons.js';

/** Where the key set is fetched from unless the platform configures another. */
export const WELL_KNOWN_JWKS = '/.well-known/jobseal-jwks.json';

const KIND = {
  zh: { employer: '认证企业', hr_agency: '人力资源服务机构', public_service: '公共招聘服务' },
  en: { employer: 'Verified employer', hr_agency: 'HR service agency', public_service: 'Public recruitment service' },
};
const T = {
  zh: {
    verified: '已认证', expired: '认证已过期', invalid: '无效徽章', foreign: '非本站徽章', unavailable: '暂时无法验证',
    revoked: '认证已撤销', suspended: '认证已暂停', unconfirmed: '无法确认最新状态', otherAccount: '非本账号徽章',
    revokedSay: '此认证已被平台撤销，请勿信任其中的任何信息。', suspendedSay: '此认证已被平台暂停，平台正在核查该账号。',
    unconfirmedSay: '签名有效，但暂时无法从平台确认此认证是否已被撤销，请谨慎对待。',
    otherAccountSay: '此徽章属于另一个账号，不是本页面账号的认证，可能是复制而来。',
    unavailableSay: '暂时无法获取平台的验证信息，无法判断此徽章的真伪。', retry: '重试',
    invalidSay: '此徽章无法通过验证，请勿信任其中的任何信息。',
    foreignSay: '此徽章不是为本网站签发的，可能是从其他页面复制而来。',
    expiredSay: '该账号的认证已过期，平台需重新核验。',
    uscc: '统一社会信用代码', licence: '人力资源服务许可证', authority: '发证机关', validity: '有效期', scope: '许可范围',
    verifiedAt: '最近认证', reverify: '复核截止', details: '认证详情', issuer: '签发平台', account: '账号',
    id: '凭证编号', key: '签名', reasons: '原因', warnings: '提示', to: '至', loading: '正在验证徽章…',
    error: '徽章无法加载', checkedHere: '已在您的浏览器中验证平台签名（Ed25519）。',
    checks: '本次核验（在您的浏览器中完成）', checkedAt: '核验时间', meaning: '对求职者意味着什么',
    cSig: '平台签名', cSite: '适用网站', cTime: '有效期', cList: '撤销名单', cAccount: '所属账号',
    ok: '通过', fail: '未通过', none: '未使用', listAt: (when) => `已核对（名单签发于 ${when}）`, listMissing: '无法获取或被拒绝',
    sigOk: (kid) => `有效（密钥 ${kid}）`, siteOk: (o) => `本站 ${o}`,
    mean: {
      verified: '平台已核验该账号的主体资质；请仍通过平台沟通，不向任何人交费。',
      expired: '平台的核验已过期，账号需重新认证；在此之前请谨慎对待。',
      invalid: '此徽章不是平台签发的有效认证，可能被篡改、伪造或从别处复制；请勿相信其中的任何内容。',
      revoked: '平台已撤销该账号的认证（例如账号已被关闭）；请勿与其交易或交费。',
      suspended: '平台正在核查该账号，认证暂停；请暂缓与其联系。',
      unconfirmed: '签名有效，但无法确认认证是否已被撤销；请通过平台核实后再联系。',
      unavailable: '暂时无法核验，既不能确认也不能否定此徽章；请稍后重试。',
    },
  },
  en: {
    verified: 'Verified', expired: 'Verification expired', invalid: 'Invalid badge', foreign: 'Not valid on this site', unavailable: 'Cannot verify right now',
    revoked: 'Verification revoked', suspended: 'Verification suspended', unconfirmed: 'Latest status unknown', otherAccount: 'Not this account’s badge',
    revokedSay: 'The platform has revoked this verification. Do not trust anything it says.', suspendedSay: 'The platform has suspended this verification while it reviews the account.',
    unconfirmedSay: 'The signature is valid, but whether the platform has since revoked it cannot be confirmed right now. Be careful.',
    otherAccountSay: 'This badge belongs to another account, not to the account of this page; it may have been copied.',
    unavailableSay: 'The platform’s verification data cannot be fetched right now, so this badge can be neither confirmed nor refused.', retry: 'Try again',
    invalidSay: 'This badge failed verification. Do not trust anything it says.',
    foreignSay: 'This badge was not issued for this site; it may have been copied from another page.',
    expiredSay: 'This account’s verification has expired and must be renewed by the platform.',
    uscc: 'Unified Social Credit Code', licence: 'HR service licence', authority: 'Issued by', validity: 'Valid', scope: 'Scope',
    verifiedAt: 'Last verified', reverify: 'Re-verify by', details: 'Details', issuer: 'Issued by platform', account: 'Account',
    id: 'Credential id', key: 'Signature', reasons: 'Reasons', warnings: 'Notes', to: 'to', loading: 'Verifying badge…',
    error: 'The badge could not be loaded', checkedHere: 'The platform’s signature (Ed25519) was verified in your browser.',
    checks: 'What was checked (in your browser)', checkedAt: 'Checked at', meaning: 'What this means for a job seeker',
    cSig: 'Platform signature', cSite: 'Site', cTime: 'Validity', cList: 'Revocation list', cAccount: 'Account',
    ok: 'passed', fail: 'failed', none: 'not used', listAt: (when) => `checked (list issued ${when})`, listMissing: 'could not be fetched or was refused',
    sigOk: (kid) => `valid (key ${kid})`, siteOk: (o) => `this site, ${o}`,
    mean: {
      verified: 'The platform has verified this account’s credentials. Still talk through the platform, and pay nobody.',
      expired: 'The platform’s verification has expired and must be renewed. Until then, be careful.',
      invalid: 'This is not a valid badge issued by the platform: it may be altered, forged or copied. Trust none of it.',
      revoked: 'The platform has revoked this account’s verification (the account may have been closed). Do not deal with it or pay it.',
      suspended: 'The platform is reviewing this account and has suspended its verification. Hold off contacting it.',
      unconfirmed: 'The signature is valid, but whether the verification was revoked cannot be confirmed. Check through the platform first.',
      unavailable: 'The badge cannot be checked right now, neither confirmed nor refused. Try again later.',
    },
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
.badge[data-status="unavailable"] { border-color: var(--_muted); border-style: dotted; }
.badge[data-status="revoked"], .badge[data-status="suspended"] { border-color: var(--_bad); border-style: double; border-width: 4px; }
.badge[data-status="unconfirmed"] { border-color: var(--_warn); border-style: dotted; }
.head { display: flex; align-items: center; gap: 10px; }
.icon { flex: none; width: 34px; height: 34px; border-radius: 50%; display: grid; place-items: center; color: #fff; font: 700 18px/1 var(--_font); }
[data-status="verified"] .icon { background: var(--_ok); }
[data-status="expired"] .icon { background: var(--_warn); }
[data-status="invalid"] .icon { background: var(--_bad); }
[data-status="unavailable"] .icon { background: var(--_muted); }
[data-status="revoked"] .icon, [data-status="suspended"] .icon { background: var(--_bad); }
[data-status="unconfirmed"] .icon { background: var(--_warn); }
.status { font-weight: 700; font-size: 15px; }
[data-status="verified"] .status { color: var(--_ok); }
[data-status="expired"] .status { color: var(--_warn); }
[data-status="invalid"] .status { color: var(--_bad); }
[data-status="unavailable"] .status { color: var(--_muted); }
[data-status="revoked"] .status, [data-status="suspended"] .status { color: var(--_bad); }
[data-status="unconfirmed"] .status { color: var(--_warn); }
.kind { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; border: 1px solid currentColor; color: var(--_muted); }
.logo { width: 34px; height: 34px; object-fit: contain; border-radius: 6px; margin-inline-start: auto; }
.name { font-size: 16px; font-weight: 700; margin: 8px 0 2px; word-break: break-all; }
.say { margin: 8px 0 0; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; font-size: 13px; }
dt { color: var(--_muted); }
dd { margin: 0; word-break: break-all; font-variant-numeric: tabular-nums; }
.when { color: var(--_muted); font-size: 12px; margin: 8px 0 0; }
button { font: 600 12px/1 var(--_font); margin: 8px 8px 0 0; padding: 6px 10px; border-radius: 6px; border: 1px solid #8c959f;
  background: #f6f8fa; color: var(--_fg); cursor: pointer; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.panel { margin-top: 8px; padding-top: 8px; border-top: 1px solid #d0d7de; font-size: 12px; }
.panel[hidden] { display: none; }
.meaning { font-weight: 600; }
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

const ICON = { verified: '✓', expired: '!', invalid: '✕', unavailable: '?', revoked: '⊘', suspended: '⏸', unconfirmed: '?' };

/** When (local time, minutes) for the details panel. */
const stamp = (ms) => {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

function draw(root, v, lang, retry, seen = {}) {
  const t = T[lang];
  const c = v.claims ?? {};
  const only = (code) => v.status === 'invalid' && v.reasons.length > 0 && v.reasons.every((r) => r.code === code);
  const foreign = only('wrong-origin');
  const otherAccount = only('wrong-account');
  // What a visitor may read as the platform's word: a current, expired or unconfirmed credential (the
  // last two say so); never a revoked, suspended, invalid or copied one.
  const trusted = v.status === 'verified' || v.status === 'expired' || v.status === 'unconfirmed';
  const word = { verified: t.verified, expired: t.expired, unavailable: t.unavailable, revoked: t.revoked, suspended: t.suspended, unconfirmed: t.unconfirmed }[v.status]
    ?? (foreign ? t.foreign : otherAccount ? t.otherAccount : t.invalid);
  const box = h('section', { class: 'badge', part: 'badge', 'data-status': v.status, role: 'group', 'aria-label': word });
  const head = h('div', { class: 'head' },
    h('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[v.status] ?? '✕' }),
    h('span', { class: 'status', text: word }));
  if (trusted && KIND[lang][c.kind]) head.append(h('span', { class: 'kind', text: KIND[lang][c.kind] }));
  if (trusted && typeof c.logo === 'string' && c.logo.startsWith('https://')) {
    head.append(h('img', { class: 'logo', src: c.logo, alt: '', referrerpolicy: 'no-referrer', loading: 'lazy', decoding: 'async' }));
  }
  box.append(head);
  if (v.status === 'unavailable') {
    box.append(h('p', { class: 'say', text: t.unavailableSay }));
  } else if (!trusted) {
    const say = v.status === 'revoked' ? t.revokedSay : v.status === 'suspended' ? t.suspendedSay : foreign ? t.foreignSay : otherAccount ? t.otherAccountSay : t.invalidSay;
    box.append(h('p', { class: 'say', text: say }));
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
    if (v.status === 'unconfirmed') box.append(h('p', { class: 'say', text: t.unconfirmedSay }));
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
  // What was checked, when, and what the verdict means: shown for every status, and never a claim of a
  // credential that is not trusted.
  if (v.status !== 'unavailable') {
    const codes = new Set(v.reasons.map((r) => r.code));
    const sigBad = ['malformed', 'alg-not-allowed', 'wrong-typ', 'key-type-not-allowed', 'unusable-key', 'unknown-kid', 'bad-signature', 'retired-key'].some((x) => codes.has(x));
    const checks = h('dl', { class: 'checks' });
    const row = (k, val) => checks.append(h('dt', { text: k }), h('dd', { text: val }));
    row(t.cSig, sigBad ? t.fail : t.sigOk(seen.kid ?? '?'));
    if (!sigBad) {
      row(t.cSite, codes.has('wrong-origin') ? t.fail : t.siteOk(seen.origin ?? ''));
      row(t.cTime, codes.has('expired') || codes.has('not-yet-valid') ? t.fail : trusted ? `${day(c.iat)} ${t.to} ${day(c.exp)}` : t.ok);
      row(t.cList, seen.listIat ? t.listAt(stamp(seen.listIat * 1000)) : v.warnings.some((w) => w.code === 'status-unconfirmed') ? t.listMissing : t.none);
      if (seen.account) row(t.cAccount, codes.has('wrong-account') ? t.fail : t.ok);
    }
    row(t.checkedAt, stamp(seen.at ?? Date.now()));
    panel.append(h('p', { text: t.checks }), checks);
  }
  panel.append(h('p', { text: t.meaning }), h('p', { class: 'meaning', 'data-status': v.status, text: t.mean[v.status] ?? t.mean.invalid }));
  const item = (r) => h('li', { 'data-code': r.code, text: reasonText(r, lang) });
  // Skipped keys of the key set concern the platform, not the visitor: logged, not shown.
  const warnings = v.warnings.filter((r) => r.code !== 'key-skipped');
  if (v.reasons.length) panel.append(h('p', { text: t.reasons }), h('ul', {}, ...v.reasons.map(item)));
  if (warnings.length) panel.append(h('p', { text: t.warnings }), h('ul', {}, ...warnings.map(item)));
  toggle.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  if ((v.status === 'unavailable' || v.status === 'unconfirmed') && retry) {
    const again = h('button', { type: 'button', 'data-jobseal-retry': '', text: t.retry });
    again.addEventListener('click', retry);
    box.append(again);
  }
  box.append(toggle, panel);
  root.replaceChildren(box);
  adoptStyles(root, CSS);
}

const logged = new Set();
function logOnce(level, message) {
  if (logged.has(message)) return;
  logged.add(message);
  console[level](`jobseal-badge: ${message}`);
}

// ---- the platform's key set ----------------------------------------------------------------------
const config = { jwks: null, jwksUrl: null, attempts: 3, retryDelayMs: 500, account: null };
const keySets = new Map(); // URL → promise of the key set's text: in flight or fetched, never failed
const badges = new Set(); // connected <jobseal-badge> elements

/**
 * Platform configuration of the trust anchor (a script call; markup cannot do this):
 *   configureBadges({ jwks })       the key set itself (object or JSON text)
 *   configureBadges({ jwksUrl })    where to fetch it (default: same-origin /.well-known/jobseal-jwks.json)
 *   attempts (default 3) and retryDelayMs (default 500, doubled each retry) bound the fetch.
 * Re-renders every badge on the page.
 */
export function configureBadges(options = {}) {
  if ('jwks' in options) config.jwks = options.jwks ?? null;
  if ('jwksUrl' in options) config.jwksUrl = options.jwksUrl == null ? null : String(options.jwksUrl);
  if (options.attempts !== undefined) config.attempts = Math.max(1, Math.min(10, Number(options.attempts) || 1));
  if (options.retryDelayMs !== undefined) config.retryDelayMs = Math.max(0, Number(options.retryDelayMs) || 0);
  if ('account' in options) config.account = options.account == null ? null : String(options.account);
  keySets.clear();
  statusLists.clear();
  for (const b of badges) b.refresh();
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** GET with the badge's retry policy: the body text, or a JobsealError with `code`. */
async function fetchText(url, code, what) {
  let last = null;
  for (let attempt = 0; attempt < config.attempts; attempt++) {
    if (attempt) await sleep(config.retryDelayMs * 2 ** (attempt - 1));
    try {
      const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
      if (res.ok) return await res.text();
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
  }
  throw new JobsealError(code, `${what} ${url}: ${last} (${config.attempts} attempts)`);
}

const fetchKeySet = (url) => fetchText(url, 'jwks-unavailable', 'key set');

/** The configured key set, or a promise of the fetched one. Rejects with code jwks-unavailable. */
function keySet() {
  if (config.jwks) return Promise.resolve(config.jwks);
  const url = new URL(config.jwksUrl ?? WELL_KNOWN_JWKS, location.href).href;
  let p = keySets.get(url);
  if (!p) {
    p = fetchKeySet(url);
    keySets.set(url, p);
    // A failure is not remembered: the next render fetches again.
    p.catch(() => keySets.get(url) === p && keySets.delete(url));
  }
  return p;
}

// ---- status lists --------------------------------------------------------------------------------
const statusLists = new Map(); // URL → { promise of the list's text, until (ms; cached while fresh) }
const MAX_TTL_S = 86_400;

/** A token's payload (part 1) or header (part 0), read without verifying (the wasm verifies). */
function peek(token, part = 1) {
  try {
    const b = String(token).trim().split('.')[part].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

const peekHeader = (token) => peek(token, 0);

/** The list's text, fetched once per list at a time and kept for its ttl; rejects with a JobsealError. */
function statusList(url) {
  const now = Date.now();
  const hit = statusLists.get(url);
  if (hit && (hit.until === null || hit.until > now)) return hit.promise;
  const entry = { promise: fetchText(url, 'status-list-unavailable', 'status list'), until: null };
  statusLists.set(url, entry);
  entry.promise.then(
    (text) => {
      const ttl = Number(peek(text)?.ttl);
      entry.until = Date.now() + 1000 * Math.min(MAX_TTL_S, Number.isFinite(ttl) && ttl >= 0 ? ttl : 300);
    },
    // A failure is not remembered: the next render fetches again.
    () => statusLists.get(url) === entry && statusLists.delete(url),
  );
  return entry.promise;
}

/** The status list options for verifyBadge: { statusList } or { statusListError }, or {} if none named. */
async function statusOptions(token, origin) {
  const claims = peek(token);
  const uri = claims?.status?.status_list?.uri;
  if (typeof uri !== 'string') return {};
  let url;
  try {
    url = new URL(uri);
  } catch {
    return { statusListError: `the status list URI ${JSON.stringify(uri)} is not a URL` };
  }
  const allowed = new Set([origin]);
  try {
    allowed.add(new URL(claims.iss).origin);
  } catch { /* no issuer origin */ }
  if (Array.isArray(claims.origins)) for (const o of claims.origins) if (typeof o === 'string') allowed.add(o.replace(/\/+$/, ''));
  if (url.protocol !== 'https:' && url.origin !== location.origin) return { statusListError: `the status list ${url.href} is not https` };
  if (!allowed.has(url.origin)) return { statusListError: `the status list ${url.href} is neither on this site nor the issuer's` };
  try {
    return { statusList: await statusList(url.href) };
  } catch (e) {
    logOnce('warn', e.message);
    return { statusListError: e.message };
  }
}

const unavailable = (code, message) => ({ status: 'unavailable', reasons: [{ code, message }], warnings: [], claims: null });

/**
 * Verifies `token` and renders the badge into `element`'s shadow root (created if needed). Returns the
 * verification `{ status, reasons, warnings, claims }`; status is 'verified', 'expired', 'invalid', or
 * 'unavailable' when the key set or the engine cannot be had right now (nothing is claimed either way).
 * options: { jwks (object or JSON text; default: the configured key set), lang = 'zh', account (the page's
 *            account: its expected `sub`; default: configureBadges({ account })),
 *            origin = location.origin, now = seconds since the epoch, retry (a function for the retry button),
 *            stale (a function: when it returns true at the end, nothing is drawn) }.
 */
export async function renderBadge(element, token, options = {}) {
  const lang = options.lang === 'en' ? 'en' : 'zh';
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  let v;
  let seen = {};
  try {
    await init();
    const jwks = options.jwks ?? (await keySet());
    try {
      const origin = options.origin ?? location.origin;
      const account = options.account ?? config.account ?? undefined;
      const status = await statusOptions(String(token ?? ''), origin);
      v = verifyBadge(String(token ?? ''), jwks, { origin, now: options.now, account, ...status });
      // For the details panel: the key (its id is part of what the signature covers), the list's time.
      const header = peekHeader(String(token ?? ''));
      const list = status.statusList && v.status !== 'invalid' && !v.warnings.some((w) => w.code === 'status-unconfirmed') ? peek(status.statusList) : null;
      seen = { kid: typeof header?.kid === 'string' ? header.kid : undefined, origin, account, listIat: Number(list?.iat) || undefined, at: Date.now() };
    } catch (e) {
      if (e instanceof JobsealError) throw e;
      // A key set that cannot be used (not JSON, no usable key, private parameters): the platform's
      // configuration is wrong. That says nothing about this badge: unavailable, and loudly logged.
      logOnce('error', e.message);
      v = unavailable('bad-jwks', e.message);
    }
  } catch (e) {
    logOnce('warn', e.message);
    v = unavailable(e.code === 'jwks-unavailable' ? 'jwks-unavailable' : 'engine-unavailable', e.message);
  }
  for (const w of v.warnings) if (w.code === 'key-skipped') logOnce('warn', w.message);
  if (options.stale?.()) return v;
  draw(root, v, lang, options.retry, seen);
  element.setAttribute('data-status', v.status);
  element.dispatchEvent(new CustomEvent('jobseal-badge', { bubbles: true, composed: true, detail: { status: v.status, reasons: v.reasons, warnings: v.warnings } }));
  return v;
}

/** <jobseal-badge credential="…" lang="zh">: verified against the platform's configured key set. */
export class JobsealBadge extends HTMLElement {
  static observedAttributes = ['credential', 'lang', 'account'];
  /** The same as configureBadges(options). */
  static configure(options) {
    configureBadges(options);
  }
  #run = 0;

  /**
   * 'pending' until verified, then 'verified' | 'expired' | 'invalid' | 'revoked' | 'suspended' |
   * 'unconfirmed' | 'unavailable' (also data-status).
   */
  get status() {
    return this.getAttribute('data-status') ?? 'pending';
  }

  connectedCallback() {
    badges.add(this);
    if (this.hasAttribute('jwks')) {
      logOnce('warn', 'the jwks attribute is ignored: key sets come from configureBadges() or /.well-known/jobseal-jwks.json');
    }
    this.refresh();
  }

  disconnectedCallback() {
    badges.delete(this);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.refresh();
  }

  /** Verifies again (fetching the key set again if it could not be had). */
  refresh() {
    const run = ++this.#run;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const lang = (this.getAttribute('lang') ?? document.documentElement.lang ?? 'zh').startsWith('en') ? 'en' : 'zh';
    if (!root.childNodes.length) root.append(h('span', { text: T[lang].loading }));
    // A newer refresh (attribute change) supersedes this one: it draws nothing stale.
    // The platform's configured account wins over the attribute (markup cannot overrule a script).
    const account = config.account ?? this.getAttribute('account') ?? undefined;
    return renderBadge(this, this.getAttribute('credential'), { lang, account, retry: () => this.refresh(), stale: () => run !== this.#run });
  }
}

// Back online, or the engine restarted after a trap: badges that could not be verified (or whose
// status list could not be had) try again.
const retryUnavailable = () => {
  for (const b of badges) if (b.status === 'unavailable' || b.status === 'unconfirmed') b.refresh();
};
if (typeof window !== 'undefined') window.addEventListener('online', retryUnavailable);
engine.addEventListener('jobseal:ready', retryUnavailable);

if (!customElements.get('jobseal-badge')) customElements.define('jobseal-badge', JobsealBadge);
