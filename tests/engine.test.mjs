// The supervised engine (js/engine.js) in Node: a call that traps restarts the wasm on a fresh
// instance, fires jobseal:error, and the next call works, with Checkers rebuilt on the same pack.
// Run after `make pkg`.
//
// The trap is real: the test records every WebAssembly.Instance the package creates (by wrapping the
// constructor before the package is imported; nothing in the package is made for the test) and
// overwrites the live instance's linear memory with 0xFF, as a memory-corrupting bug would. The next
// wasm call then traps (`unreachable` or `memory access out of bounds`), as measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const root = fileURLToPath(new URL('..', import.meta.url));

const instances = [];
const Native = WebAssembly.Instance;
function Recording(module, imports) {
  const instance = new Native(module, imports);
  instances.push(instance);
  return instance;
}
Recording.prototype = Native.prototype;
WebAssembly.Instance = Recording;

const pkg = await import(`${root}pkg/node.js`);
const { Checker, engine, badgeEngine, verifyBadge, toJsonLdText, JobsealError } = pkg;

// Two modules since issue 11: the checker's instances export `checker_new`, the badge's do not.
const live = (kind = 'checker') => instances.filter((i) => ('checker_new' in i.exports) === (kind === 'checker')).at(-1);
const corrupt = (kind = 'checker') => new Uint8Array(live(kind).exports.memory.buffer).fill(0xff);
const errors = [];
engine.addEventListener('jobseal:error', (e) => errors.push(e.detail));
const tick = () => new Promise((ok) => setTimeout(ok, 20));

test('a trap restarts the engine; the next call works and the Checker keeps its pack', async () => {
  await tick(); // the spare copy of the glue loads
  const pack = { rules: { 'gender-restriction': { enabled: false }, 'age-restriction': { severity: 'error' } } };
  const c = new Checker(pack);
  const posting = { requirements: '限男性，35岁以下' };
  const before = c.check(posting, '2026-11-28');
  assert.ok(before.findings.some((f) => f.rule === 'age-restriction' && f.severity === 'error'));
  assert.ok(!before.findings.some((f) => f.rule === 'gender-restriction'));
  const gen = engine.generation;
  const seen = instances.length;

  corrupt();
  let thrown;
  try {
    c.check(posting, '2026-11-28');
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof JobsealError, `threw ${thrown}`);
  assert.equal(thrown.code, 'trap');
  assert.ok(thrown.cause instanceof WebAssembly.RuntimeError, `cause ${thrown.cause}`);
  assert.deepEqual(errors.map((e) => e.cause), ['trap']);
  assert.ok(errors[0].error.cause instanceof WebAssembly.RuntimeError);

  // The restart was synchronous (a spare glue was loaded): the very next call works.
  assert.equal(engine.state, 'ready');
  assert.equal(engine.generation, gen + 1);
  assert.equal(instances.length, seen + 1, 'one new instance');
  const after = c.check(posting, '2026-11-28');
  assert.deepEqual(after, before, 'same pack, same report');
  assert.equal(new Checker().check(posting, '2026-11-28').findings.some((f) => f.rule === 'gender-restriction'), true);
  assert.match(toJsonLdText({ title: '</script>' }, '2026-11-28'), /\\u003c\/script\\u003e/);
});

test('the badge module recovers on its own, repeatedly, and its old instance is never called again', async () => {
  const c = new Checker();
  const checkerRestarts = engine.restarts;
  for (let round = 0; round < 3; round++) {
    await tick();
    const old = live('badge');
    corrupt('badge');
    assert.throws(() => verifyBadge('a.b.c', '{"keys":[]}'), (e) => e.code === 'trap');
    assert.notEqual(live('badge'), old);
    // The old instance's memory stays corrupt; every call now goes to the new one.
    assert.equal(new Uint8Array(old.exports.memory.buffer)[1024], 0xff);
    assert.equal(verifyBadge('a.b.c', '{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}').status, 'invalid');
    // The checker is another module: untouched.
    assert.ok(c.check({ requirements: '限男性' }).findings.some((f) => f.rule === 'gender-restriction'));
  }
  assert.equal(badgeEngine.restarts, 3);
  assert.equal(engine.restarts, checkerRestarts);
});

// Checkers made in an instance that trapped belong to a corrupt memory: freeing one there throws (an
// explicit free on a corrupted instance was measured to throw), and an exception in a
// FinalizationRegistry callback (where the glue frees collected Checkers) ends a Node process. The
// engine unregisters them at the trap and free() lets them go without calling into that memory.
test('Checkers of a trapped instance can be freed and collected without calling into it', async () => {
  await tick();
  const kept = Array.from({ length: 5 }, () => new Checker());
  for (const c of kept) c.check({ requirements: '限男性' });
  (() => {
    for (let i = 0; i < 50; i++) new Checker().check({ requirements: '限男性' });
  })();
  corrupt();
  assert.throws(() => new Checker().check({}), (e) => e.code === 'trap');
  for (const c of kept) c.free();
  for (let i = 0; i < 5; i++) {
    gc();
    await tick();
  }
  assert.equal(engine.state, 'ready');
  assert.throws(() => kept[0].check({}), /freed/);
});

test('after five restarts the engine stays down rather than leak instances without bound', async () => {
  while (engine.state === 'ready' && engine.restarts < 5) {
    await tick();
    corrupt();
    assert.throws(() => new Checker().check({}), (e) => e.code === 'trap');
  }
  await tick();
  corrupt();
  assert.throws(() => new Checker().check({}), (e) => e.code === 'trap');
  assert.equal(engine.state, 'failed');
  assert.equal(engine.error.code, 'restart-failed');
  assert.throws(() => new Checker(), (e) => e.code === 'restart-failed');
  assert.equal(errors.at(-1).cause, 'restart-failed');
});

// The browser restarts asynchronously (a fresh copy of the glue is imported, then instantiated):
// calls made meanwhile are refused with code 'loading', and whenReady() says when to go on. Here the
// glue is a stand-in whose call throws a WebAssembly.RuntimeError, to drive that path in Node.
test('the asynchronous restart path: calls meanwhile are refused as loading, then work', async () => {
  const { Engine, badgeApi } = await import(`${root}pkg/engine.js`);
  const glue = (id) => ({
    broken: false,
    version() {
      if (this.broken) throw new WebAssembly.RuntimeError('unreachable');
      return `instance ${id}`;
    },
  });
  const e = new Engine({ fresh: async (n) => glue(n), instantiate: async () => {} });
  const seen = [];
  e.addEventListener('jobseal:error', (ev) => seen.push(ev.detail.cause));
  const first = glue(1);
  e.adopt(first, null);
  const { version } = badgeApi(e);
  assert.equal(version(), 'instance 1');
  first.broken = true;
  assert.throws(() => version(), (err) => err.code === 'trap' && err.cause instanceof WebAssembly.RuntimeError);
  assert.equal(e.state, 'recovering');
  assert.throws(() => version(), (err) => err.code === 'loading');
  assert.equal(await e.whenReady(1000), true);
  assert.equal(version(), 'instance 2');
  assert.deepEqual(seen, ['trap']);
});
