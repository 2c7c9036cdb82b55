// A platform's browser code, type-checked against the package's types (make test-types). Each entry
// is imported the way its README section shows.
import init, { Checker, attachForm, FIELDS, engine, badgeEngine, verifyBadge, toJsonLdText, type Report, type FormController } from 'jobseal';
import { attachForm as attachFromForm, DEFAULT_WAIT_MS, type ChangeDetail } from 'jobseal/form';
import { configureBadges, renderBadge, JobsealBadge, WELL_KNOWN_JWKS, type BadgeEventDetail, type BadgeStatus } from 'jobseal/badge';
import 'jobseal/embed';

await init();
const checker = new Checker({ rules: { 'gender-restriction': { enabled: false } } });
const report: Report = checker.check({ title: '普工', requirements: '限男性' }, '2026-11-28', 'zh');
const rules: string[] = report.findings.map((f) => `${f.rule}:${f.start}-${f.end}`);
engine.addEventListener('jobseal:error', (e) => console.warn(e.detail.cause, e.detail.message));
badgeEngine.addEventListener('jobseal:ready', () => console.log('badge ready'));

const form = document.querySelector('form')!;
const controller: FormController = attachForm(form, { policy: 'hold', lang: 'en', waitMs: DEFAULT_WAIT_MS });
controller.addEventListener('change', (e) => {
  const detail: ChangeDetail = e.detail;
  console.log(detail.complete, detail.findings.length);
});
attachFromForm(document.createElement('form'));
// The embed puts the controller on the form; its events are typed.
form.jobseal?.setLang('zh');
form.jobseal?.setAccount({ name: '苏州明澜电子科技有限公司', kind: 'employer' });
controller.setAccount('header.claims.signature');
controller.setAccount(null);
// @ts-expect-error an account's kind is one of the circular's three
controller.setAccount({ name: 'x', kind: 'boss' });
form.addEventListener('jobseal:ready', (e) => e.detail.controller.check());
form.addEventListener('jobseal:error', (e) => console.warn(e.detail.cause));
console.log(FIELDS.length, rules);

// <jobseal-badge> is in the tag map, and its event carries the verdict.
const badge = document.createElement('jobseal-badge');
const isBadge: JobsealBadge = badge;
badge.setAttribute('credential', 'a.b.c');
badge.addEventListener('jobseal-badge', (e) => {
  const d: BadgeEventDetail = e.detail;
  const s: BadgeStatus = d.status;
  console.log(s, isBadge.status);
});
document.querySelector('jobseal-badge')?.refresh();
configureBadges({ jwksUrl: WELL_KNOWN_JWKS, account: 'acct-1' });
await renderBadge(document.createElement('div'), 'a.b.c', { lang: 'en' });
console.log(verifyBadge('a.b.c', { keys: [] }).status, toJsonLdText({ title: 'x' }));
