// Issues badge credentials with Node's own crypto (Ed25519), independently of jobseal's Rust signer,
// and writes tests/data/node-issued.json. The native tests (src/badge/tests.rs) verify them in Rust;
// tests/package.test.mjs does the same with freshly generated keys through the wasm build.
//   node tests/data/make-node-credentials.mjs
import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';

export function issue(claims, { privateKey, kid, header = {} }) {
  const h = { alg: 'EdDSA', typ: 'jobseal-badge+jwt', kid, ...header };
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc(h)}.${enc(claims)}`;
  const sig = sign(null, Buffer.from(input), privateKey).toString('base64url');
  return `${input}.${sig}`;
}

export function keypair(kid) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, jwks: { keys: [{ ...jwk, kid, use: 'sig', alg: 'EdDSA' }] } };
}

export const IAT = 1_764_547_200; // 2025-12-01T00:00:00Z
export const EMPLOYER = {
  iss: 'https://jobs.example.cn', sub: 'acct-10001', iat: IAT, exp: IAT + 180 * 86400, jti: 'badge-10001-1',
  kind: 'employer', name: '苏州明澜电子科技有限公司', uscc: '91310110666007217T',
  origins: ['https://jobs.example.cn', 'https://m.jobs.example.cn'],
};
export const AGENCY = {
  iss: 'https://jobs.example.cn', sub: 'acct-20002', iat: IAT, exp: IAT + 180 * 86400, jti: 'badge-20002-1',
  kind: 'hr_agency', name: '上海启程人力资源服务有限公司', uscc: '91440300192317458F',
  licence: { number: '310115120105', authority: '上海市浦东新区人力资源和社会保障局', valid_from: '2024-03-01', valid_until: '2029-02-28', scope: '职业介绍、人才推荐、网络招聘' },
  origins: ['https://jobs.example.cn'],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const k = keypair('node-2025-12');
  const out = {
    note: 'Issued by Node crypto (Ed25519) with tests/data/make-node-credentials.mjs; the private key was discarded.',
    jwks: k.jwks,
    employer: issue(EMPLOYER, k),
    agency: issue(AGENCY, k),
  };
  writeFileSync(new URL('./node-issued.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
  console.log('wrote tests/data/node-issued.json');
}
