// Badge reasons are codes; the badge draws their text in the badge's language from one table
// (js/badge-reasons.js). Issue 10: reasons were English on lang="zh" badges. Every code the verifier
// (src/badge/) can emit must have Chinese and English text there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REASONS, reasonText } from '../js/badge-reasons.js';

const dir = fileURLToPath(new URL('../src/badge/', import.meta.url));

test('every reason code of src/badge has zh and en text', () => {
  const codes = new Set();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.rs') && f !== 'tests.rs')) {
    const src = readFileSync(dir + f, 'utf8');
    for (const m of src.matchAll(/(?:reason|skip)\(\s*(?:&mut set,\s*)?"([a-z][a-z-]+)"/g)) codes.add(m[1]);
  }
  assert.ok(codes.size >= 20, `found only ${[...codes]}`);
  for (const code of codes) {
    assert.ok(REASONS[code], `no text for ${code}`);
    assert.match(REASONS[code].zh, /[\u4e00-\u9fff]/, `${code}: zh`);
    assert.match(REASONS[code].en, /^[A-Z][\x20-\x7e’]+$/, `${code}: en`);
  }
  assert.equal(reasonText({ code: 'bad-signature', message: 'x' }, 'zh'), '签名不匹配：徽章被篡改或伪造');
  assert.equal(reasonText({ code: 'bad-signature', message: 'x' }, 'en'), 'The signature does not match: the badge was altered or forged');
  assert.equal(reasonText({ code: 'not-a-code', message: 'as given' }, 'zh'), 'as given');
});
