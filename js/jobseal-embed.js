// The no-build embed: one script tag, and every <form data-jobseal> on the page is checked as the
// employer types.
//
//   <script type="module" src="https://your.cdn/jobseal/jobseal-embed.js"></script>
//   <form data-jobseal data-jobseal-pack="/rules/pack.json" data-jobseal-lang="zh"> … </form>
//
// Fields are found by their name attribute (title, description, …). Each form gets a controller
// (see attachForm) at form.jobseal, and a `jobseal:ready` event with { controller } in its detail.
// The only requests made are for jobseal_bg.wasm (next to this file) and the optional rule pack.
import init from './ready.js';
import { Checker } from './jobseal.js';
import { attachForm } from './form.js';

async function attach(form) {
  if (form.jobseal) return form.jobseal;
  let pack;
  const url = form.getAttribute('data-jobseal-pack');
  if (url) {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`jobseal: rule pack ${url}: HTTP ${res.status}`);
    pack = await res.text();
  }
  const lang = form.getAttribute('data-jobseal-lang') || (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
  const controller = attachForm(form, { checker: new Checker(pack), lang });
  form.jobseal = controller;
  form.dispatchEvent(new CustomEvent('jobseal:ready', { detail: { controller } }));
  return controller;
}

async function main() {
  await init();
  const forms = [...document.querySelectorAll('form[data-jobseal]')];
  const results = await Promise.allSettled(forms.map(attach));
  for (const r of results) if (r.status === 'rejected') console.error(r.reason);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
