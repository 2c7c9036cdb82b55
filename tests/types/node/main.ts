// A platform's Node back end, type-checked against the package's Node types (make test-types):
// 'jobseal' resolves to node.js and node.d.ts under Node; nothing of the DOM is needed.
import init, { Checker, engine, badgeEngine, verifyBadge, checkUscc, accountFor, toJsonLd, fromJsonLd, JobsealError, type Report, type BadgeVerification, type Account } from 'jobseal';
import { Checker as FromNode } from 'jobseal/node';

await init();
const report: Report = new Checker().check({ title: '普工' }, '2026-11-28', 'en');
const v: BadgeVerification = verifyBadge('a.b.c', '{"keys":[]}', { origin: 'https://jobs.example.cn', now: 0 });
const causes: string[] = [];
engine.addEventListener('jobseal:error', (e) => causes.push(e.detail.cause));
// (No console here: this consumer has neither the DOM lib nor @types/node.)
export const seen = [report.ok, v.status, checkUscc('91310110666007217T').ok, badgeEngine.restarts, new FromNode().lang, causes];
// The publishing account: verified from a credential, or passed as what accountFor returns.
const account: Account = accountFor('a.b.c', { keys: [] });
export const held = [new Checker().check({}, null, 'zh', { account }).ok, new Checker().check({}, null, null, { account: 'a.b.c', jwks: '{}' }).ok, account.kind];
export const roundTrip = [fromJsonLd(toJsonLd({ title: 'x' }, '2026-11-28')).title, JobsealError.name];

// Browser-only exports are not in the Node entry: importing them is a type error, not a crash at start.
// @ts-expect-error attachForm is not exported under Node
import { attachForm } from 'jobseal';
void attachForm;
