// An account's home page (the circular: certified accounts show their qualifications and licence on
// their home page): the badge alone. Importing 'jobseal/badge' (pkg/badge.js) loads the badge's own
// small wasm module; nothing of the posting checker is fetched (tests/e2e/badge-only.test.mjs).
import '../pkg/badge.js';

const box = document.getElementById('badges');
try {
  const creds = await import('./demo-credentials.js');
  const el = document.createElement('jobseal-badge');
  el.id = 'badge-agency';
  el.setAttribute('credential', creds.agency);
  el.setAttribute('lang', 'zh');
  box.append(el);
} catch {
  const p = document.createElement('p');
  p.className = 'demo-note';
  p.textContent = '演示凭证尚未生成：请运行 make demo。 Demo credentials are missing: run make demo.';
  box.append(p);
}
