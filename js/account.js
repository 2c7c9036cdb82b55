// The publishing account of a check, from its badge credential (issue 13), for the 'jobseal' entries
// (browser and Node), which load both modules. The checker's module carries no signature code (issue
// 11), so a credential is verified here with the badge module first and the checker gets the account
// it certifies, `{ name, kind }`. The rule is the CLI's `check --account` (badge::account_for): only a
// credential that is verified, or unconfirmed for want of its status list, with a known kind.
import { JobsealError } from './engine.js';

const KINDS = new Set(['employer', 'hr_agency', 'public_service']);

/**
 * The account a credential certifies, verified now (or at `now`, Unix seconds) against the key set, with
 * no origin and no status list; throws an Error saying why it cannot be the publishing account.
 */
export function accountWith(verifyBadge) {
  return (token, jwks, now) => {
    const v = verifyBadge(token, jwks, now === undefined ? undefined : { now });
    const c = v.claims;
    if ((v.status === 'verified' || v.status === 'unconfirmed') && typeof c?.name === 'string' && KINDS.has(c?.kind)) {
      return { name: c.name, kind: c.kind };
    }
    const why = v.reasons.map((r) => `${r.code} (${r.message})`).join('; ');
    throw new Error(`the credential is ${v.status}, not usable as the publishing account: ${why}`);
  };
}

/**
 * A Checker's credential verifier: `(token, jwks)` → `{ name, kind }`, or an Error "options.account: …"
 * (as the CLI's `--account`). The last credential verified is remembered: a form checks on every
 * keystroke with the same one.
 */
export function accountVerifier(accountFor) {
  let last = null;
  return (token, jwks) => {
    if (jwks === undefined || jwks === null) throw new Error("options.account needs options.jwks, the platform's key set");
    const key = typeof jwks === 'string' ? jwks : JSON.stringify(jwks);
    if (last && last.token === token && last.key === key) return last.account;
    let account;
    try {
      account = accountFor(token, jwks);
    } catch (e) {
      if (e instanceof JobsealError) throw e;
      throw new Error(`options.account: ${e?.message ?? e}`);
    }
    last = { token, key, account };
    return account;
  };
}
