// The failure-policy page: ?policy=allow|hold&pack=URL&wait=MS set the form's data-jobseal-* attributes
// before the embed attaches; every jobseal event and every submit that reaches the page is recorded.
const q = new URLSearchParams(location.search);
const form = document.getElementById('f');
for (const [key, attr] of [['policy', 'data-jobseal-policy'], ['pack', 'data-jobseal-pack'], ['wait', 'data-jobseal-wait-ms']]) {
  if (q.has(key)) form.setAttribute(attr, q.get(key));
}
window.__events = [];
form.addEventListener('jobseal:error', (e) => window.__events.push({ type: 'error', cause: e.detail.cause, message: e.detail.message, at: performance.now() }));
form.addEventListener('jobseal:ready', () => window.__events.push({ type: 'ready', at: performance.now() }));
window.__submits = [];
// Reached only when the widget lets the submit through.
form.addEventListener('submit', (e) => {
  e.preventDefault();
  window.__submits.push(performance.now());
});
