// The form widget's worker (form.js): checks long postings off the main thread, so typing in a long
// field never waits for the check. It instantiates the compiled module the page already has (sent in
// the first message: no second download) with the page's rule pack, and answers each check with the
// same report the main thread would give. It makes no request of its own.
//   → { type: 'init', module, pack }          ← { type: 'ready' } | { type: 'failed', message }
//   → { type: 'check', seq, posting, today, lang, options }  ← { type: 'report', seq, report } | { type: 'error', seq, message }
import { initSync, Checker } from './ready.js';

let checker = null;

self.addEventListener('message', (e) => {
  const m = e.data;
  if (m?.type === 'init') {
    try {
      initSync({ module: m.module });
      checker = new Checker(m.pack);
      self.postMessage({ type: 'ready' });
    } catch (err) {
      self.postMessage({ type: 'failed', message: String(err?.message ?? err) });
    }
  } else if (m?.type === 'check') {
    try {
      self.postMessage({ type: 'report', seq: m.seq, report: checker.check(m.posting, m.today, m.lang, m.options) });
    } catch (err) {
      // A trap restarts this worker's engine (ready.js); the page checks this one on its own thread.
      self.postMessage({ type: 'error', seq: m.seq, message: String(err?.message ?? err) });
    }
  }
});
