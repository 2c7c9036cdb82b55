// The no-build embed: one script tag, and every <form data-jobseal> on the page is checked as the
// employer types.
//
//   <script type="module" src="https://your.cdn/jobseal/jobseal-embed.js"></script>
//   <form data-jobseal data-jobseal-pack="/rules/pack.json" data-jobseal-lang="zh"
//         data-jobseal-policy="allow|hold" data-jobseal-wait-ms="3000"
//         data-jobseal-account="<the signed-in account's badge credential>"> … </form>
// With data-jobseal-account, the employer is held to the account's certified name (rule
// employer-mismatch); controller.setAccount(credential) does the same from a script. The form reads the
// credential's claims without checking its signature (it loads no signature code; see accountOf in
// form.js): the platform verifies the credential on its server before publishing.
//
// Fields are found by their name attribute (title, description, …). Each form gets its controller
// (see attachForm) at form.jobseal at once, so the submit guard is in place before the wasm has
// loaded; `jobseal:ready` ({ controller }) fires on the form when checking starts, `jobseal:error`
// ({ cause, message, error }) when it cannot (wasm-load, csp, wasm-invalid, pack-load, pack-invalid,
// engine-error, trap, restart-failed, timeout). The only requests made are for jobseal_bg.wasm (next
// to this file), the optional rule pack, and worker.js (next to this file) once a posting is long.
import init, { Checker, JobsealError } from './ready.js';
import { attachForm } from './form.js';

async function loadPack(url) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new JobsealError('pack-load', `jobseal: rule pack ${url}: ${e.message}`, e);
  }
  if (!res.ok) throw new JobsealError('pack-load', `jobseal: rule pack ${url}: HTTP ${res.status}`);
  return res.text();
}

async function checkerFor(form) {
  const url = form.getAttribute('data-jobseal-pack');
  const [pack] = await Promise.all([url ? loadPack(url) : undefined, init()]);
  try {
    return new Checker(pack);
  } catch (e) {
    throw e instanceof JobsealError ? e : new JobsealError('pack-invalid', `jobseal: rule pack ${url}: ${e.message}`, e);
  }
}

function attach(form) {
  if (form.jobseal) return form.jobseal;
  const lang = form.getAttribute('data-jobseal-lang') || (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
  const controller = attachForm(form, { checker: checkerFor(form), lang });
  form.jobseal = controller;
  const credential = form.getAttribute('data-jobseal-account');
  if (credential) controller.setAccount(credential);
  return controller;
}

function main() {
  for (const form of document.querySelectorAll('form[data-jobseal]')) {
    try {
      attach(form);
    } catch (e) {
      console.error(e);
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
