// The demo page's own behaviour: language switch, sample postings, the submit result. The checker
// itself comes from the one-script embed (../pkg/jobseal-embed.js) on <form data-jobseal>.
import { version } from '../pkg/index.js';
import '../pkg/badge.js';

const TEXT = {
  zh: {
    tag: '招聘信息合规检查 · 演示', formTitle: '发布职位',
    formSub: '边填写边检查：缺失要素、歧视性要求、收费、站外引流与诈骗话术，依据《关于规范网络平台招聘类信息发布的通知》。',
    sampleBad: '填入违规示例', sampleGood: '恢复合规示例', f_title: '职位名称', f_employer: '用人单位', f_location: '工作地点',
    f_intro: '用人单位基本情况', f_salary: '基本劳动报酬', f_headcount: '招聘人数', f_type: '用工类型', f_valid: '有效期至',
    f_requirements: '招聘条件', f_description: '工作内容', f_contact: '联系人', publish: '发布职位',
    accountTitle: '账号主页 · 认证信息',
    accountSub: '按《通知》要求，在账号主页展示资质与认证信息。徽章由平台签名，在访客浏览器中离线验证。',
    howTitle: '如何接入', howSub: '浏览器端检查可被绕过：发布前请在服务器端用同一引擎再次检查（Node 或命令行）。',
    foot: 'jobseal 演示页 · 所有检查在本机浏览器中完成，不向任何服务器发送招聘内容。',
    submitted: '已提交（演示：未发送到任何服务器）。', title: 'jobseal 演示 · 招聘信息合规检查',
    demoKey: '演示徽章由构建时在本机生成的演示密钥签名（非生产密钥，签名后即丢弃）。', tampered: '被篡改的徽章（名称被改动）：', revokedLabel: '已被平台撤销的徽章（撤销名单中标记）：',
    noCreds: '尚未生成演示徽章：请用 make demo 启动。',
    signedIn: '演示账号：以「上海启程人力资源服务有限公司（演示）」（人力资源服务机构）登录发布。招聘单位须为本机构，或写明受哪家单位委托招聘。',
  },
  en: {
    tag: 'Job posting compliance · demo', formTitle: 'Post a job',
    formSub: 'Checked as you type: missing elements, discriminatory requirements, fees, off-platform diversion and scam wording, per the 2026 circular on online recruitment information.',
    sampleBad: 'Fill in a bad posting', sampleGood: 'Restore the clean posting', f_title: 'Job title', f_employer: 'Employer', f_location: 'Work location',
    f_intro: 'About the employer', f_salary: 'Basic pay', f_headcount: 'Headcount', f_type: 'Employment type', f_valid: 'Valid until',
    f_requirements: 'Requirements', f_description: 'Duties', f_contact: 'Contact person', publish: 'Publish',
    accountTitle: 'Account home page · verification',
    accountSub: 'The circular asks platforms to show an account’s qualifications on its home page. The badge is signed by the platform and verified offline in the visitor’s browser.',
    howTitle: 'How to embed', howSub: 'Browser checks can be bypassed: check again on the server with the same engine (Node or the CLI) before publishing.',
    foot: 'jobseal demo · every check runs in this browser; nothing is sent to any server.',
    submitted: 'Submitted (demo: nothing was sent anywhere).', title: 'jobseal demo · job posting compliance',
    demoKey: 'The demo badges are signed with a demo key generated on this machine at build time (not a production key; discarded after signing).',
    tampered: 'A tampered badge (name altered):',
    revokedLabel: 'A badge the platform has revoked (marked in its revocation list):',
    noCreds: 'No demo badges yet: start the demo with make demo.',
    signedIn: 'Demo account: signed in as 上海启程人力资源服务有限公司 (demo), an HR service agency. The employer must be the agency itself, or the posting must say which employer it recruits for.',
  },
};

const GOOD = Object.fromEntries([...document.querySelectorAll('#posting [name]')].map((el) => [el.name, el.value]));
const BAD = {
  title: '🔥急招普工 月薪8000',
  employer: '某电子厂',
  employer_intro: '大型电子厂，长期招工。',
  headcount: '若干',
  requirements: '限男性，18-35周岁，乙肝勿扰，已婚已育优先。',
  description: '流水线作业，轻松高薪。入职需交押金300元，服装费自理。有意者加 V❤️信 hr_888888 详聊，或致电 ①③⑧ ①②③④ ⑤⑥⑦⑧。',
  location: '广东省东莞市',
  salary: '3000-50000元/月',
  employment_type: '全职',
  valid_until: '2026-12-31',
  contact: '张先生 138 1234 5678',
};

const form = document.getElementById('posting');
let lang = 'zh';

function fill(values) {
  for (const [name, value] of Object.entries(values)) {
    const el = form.elements.namedItem(name);
    if (!el) continue;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function setLang(next) {
  lang = next;
  document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
  document.title = TEXT[next].title;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = TEXT[next][el.dataset.i18n];
  for (const b of document.querySelectorAll('.lang')) b.setAttribute('aria-pressed', String(b.dataset.lang === next));
  form.jobseal?.setLang(next);
  for (const b of document.querySelectorAll('jobseal-badge')) b.setAttribute('lang', next);
  document.dispatchEvent(new CustomEvent('demo:lang', { detail: next }));
}

for (const b of document.querySelectorAll('.lang')) b.addEventListener('click', () => setLang(b.dataset.lang));
document.getElementById('sample-bad').addEventListener('click', () => fill(BAD));
document.getElementById('sample-good').addEventListener('click', () => fill(GOOD));
form.addEventListener('submit', (e) => {
  // Reached only when the widget let the submit through (no error-severity finding).
  e.preventDefault();
  const out = document.getElementById('submitted');
  out.textContent = TEXT[lang].submitted;
  out.dataset.submitted = String(Date.now());
});

function ready() {
  document.getElementById('version').textContent = `v${version()}`;
  document.documentElement.dataset.jobsealReady = version();
}
if (form.jobseal?.status === 'ready') ready();
else form.addEventListener('jobseal:ready', ready, { once: true });

// The account badges, signed at build time with a demo key (scripts/demo-credentials.mjs). The badge
// element reads the platform's key set from /.well-known/jobseal-jwks.json (served by scripts/serve.mjs
// from www/demo-jwks.json); a page could instead call configureBadges({ jwks }) from its own script.
function tamper(token) {
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
  claims.name = '某某国际集团（冒用）';
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${h}.${b64}.${s}`;
}

async function badges() {
  const box = document.getElementById('badges');
  const say = (key) => {
    const p = document.createElement('p');
    p.className = 'demo-note';
    p.dataset.i18n = key;
    p.textContent = TEXT[lang][key];
    return p;
  };
  let creds;
  try {
    creds = await import('./demo-credentials.js');
  } catch {
    box.append(say('noCreds'));
    return;
  }
  // The form is published from the demo agency's certified account: its employer is held to it.
  const signed = say('signedIn');
  signed.id = 'signed-in';
  form.before(signed);
  const hold = () => form.jobseal?.setAccount(creds.agency, creds.jwks);
  if (form.jobseal) hold();
  else form.addEventListener('jobseal:ready', hold, { once: true });
  const badge = (token, id) => {
    const el = document.createElement('jobseal-badge');
    el.id = id;
    el.setAttribute('credential', token);
    el.setAttribute('lang', lang);
    return el;
  };
  const label = document.createElement('p');
  label.className = 'sub';
  label.dataset.i18n = 'tampered';
  label.textContent = TEXT[lang].tampered;
  const label2 = document.createElement('p');
  label2.className = 'sub';
  label2.dataset.i18n = 'revokedLabel';
  label2.textContent = TEXT[lang].revokedLabel;
  box.append(badge(creds.employer, 'badge-employer'), badge(creds.agency, 'badge-agency'), label,
    badge(tamper(creds.employer), 'badge-tampered'), label2, badge(creds.revoked, 'badge-revoked'), say('demoKey'));
}
badges();
