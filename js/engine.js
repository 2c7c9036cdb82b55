// The engine supervisor, shared by the browser entry (ready.js) and the Node entry (node.js).
//
// One wasm instance serves every call. If a call traps (a WebAssembly.RuntimeError: `unreachable` after
// a panic, `memory access out of bounds`, or a wasm stack overflow), that instance can no longer be
// trusted: its memory may be corrupt and every later call may fail the same way (issue 10). So the
// supervisor drops it, instantiates the same compiled module again in a fresh copy of the
// wasm-bindgen glue (`jobseal.js?instance=N`: a new module record, so a new instance with its own
// memory and tables), fires `jobseal:error` with `detail.cause === 'trap'`, and the next call runs on the
// fresh instance. Checkers made through `checkerApi(engine)` rebuild themselves there with the same rule pack.
//
// The call that trapped throws a JobsealError (`code: 'trap'`, `cause`: the RuntimeError). A page or a
// server never sees a poisoned instance twice. Limits: ES modules cannot be unloaded, so a trapped
// instance's memory stays allocated until the page (or process) ends; after MAX_RESTARTS restarts the
// engine stays down (`state === 'failed'`) rather than leak without bound.

export const MAX_RESTARTS = 5;

/** An error of the jobseal wrapper, with a stable `code` (also `detail.cause` of `jobseal:error`). */
export class JobsealError extends Error {
  constructor(code, message, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'JobsealError';
    this.code = code;
  }
}

/** Whether an error thrown by a wasm call means the instance is no longer usable. */
export function isTrap(e) {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  // A wasm stack overflow surfaces as a RangeError and leaves the shadow stack pointer wrong.
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * The state of the one engine of a page or process: `idle` → `loading` → `ready`; a trap moves it to
 * `recovering` and back to `ready`; a load that fails, or too many traps, to `failed`.
 * Events: `jobseal:error` ({ cause, message, error }) and `jobseal:ready` (after a load or a restart).
 */
export class Engine extends EventTarget {
  #glue = null;
  #module = null;
  #gen = 0;
  #state = 'idle';
  #error = null;
  #restarts = 0;
  #copies = 1;
  #spare = null;
  #spareGlue = null;
  #waiters = new Set();
  #live = new Set();
  #opts;

  /**
   * opts.fresh(n): a promise of a new copy of the glue module (jobseal.js?instance=n).
   * opts.instantiate(glue, module): instantiates the compiled module in that copy (may return a promise).
   * opts.sync: instantiate synchronously when a spare copy is at hand (Node), so the very next call
   * after a trap already runs on the new instance.
   */
  constructor(opts) {
    super();
    this.#opts = { maxRestarts: MAX_RESTARTS, sync: false, ...opts };
  }

  get state() {
    return this.#state;
  }
  /** Increases each time an instance is adopted: a Checker built in an older generation is rebuilt. */
  get generation() {
    return this.#gen;
  }
  /** The JobsealError that put the engine in `failed`, else null. */
  get error() {
    return this.#error;
  }
  get restarts() {
    return this.#restarts;
  }
  /** The compiled WebAssembly.Module of the live instance (a worker can instantiate it too), or null. */
  get module() {
    return this.#module;
  }

  loading() {
    if (this.#state === 'idle' || this.#state === 'failed') this.#state = 'loading';
  }

  /** Takes an initialised glue module (and its compiled wasm module) as the live instance. */
  adopt(glue, module) {
    this.#glue = glue;
    this.#module = module;
    this.#gen++;
    this.#state = 'ready';
    this.#error = null;
    this.#settle(true);
    this.dispatchEvent(new CustomEvent('jobseal:ready', { detail: { generation: this.#gen } }));
    if (this.#opts.sync) this.#prepareSpare();
  }

  /** The engine could not be loaded (or restarted): `failed`, and `jobseal:error` with the cause. */
  fail(code, error) {
    const e = error instanceof JobsealError ? error : new JobsealError(code, `jobseal: ${error?.message ?? error}`, error);
    this.#state = 'failed';
    this.#error = e;
    this.#settle(false);
    this.#emit(e.code, e);
    return e;
  }

  /** Resolves true once ready, false if loading fails or `timeoutMs` passes first. */
  whenReady(timeoutMs = Infinity) {
    if (this.#state === 'ready') return Promise.resolve(true);
    if (this.#state === 'failed') return Promise.resolve(false);
    return new Promise((resolve) => {
      let timer = 0;
      const done = (ok) => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve(ok);
      };
      this.#waiters.add(done);
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
    });
  }

  /**
   * Runs `fn(glue, generation)` on the live instance. Throws a JobsealError when the engine is not
   * ready (`code`: 'loading' or the failure's code) or when the call trapped (`code: 'trap'`; the
   * engine is then restarting).
   */
  call(fn) {
    if (this.#state !== 'ready') {
      if (this.#state === 'failed') throw this.#error;
      throw new JobsealError('loading', `jobseal: the engine is ${this.#state === 'idle' ? 'not initialised (await init())' : this.#state}`);
    }
    try {
      return fn(this.#glue, this.#gen);
    } catch (e) {
      if (!isTrap(e)) throw e;
      const err = new JobsealError('trap', `jobseal: the engine trapped (${e.message}); it is restarted and the next call runs on a fresh instance`, e);
      this.#trapped(err);
      throw err;
    }
  }

  /** Objects of the glue (Checkers) living in the current instance: unregistered when it traps. */
  track(obj) {
    const ref = new WeakRef(obj);
    this.#live.add(ref);
    if (this.#live.size > 64) for (const r of this.#live) if (!r.deref()) this.#live.delete(r);
    return ref;
  }

  #trapped(err) {
    // The old instance's finalizers would call into a corrupt memory: unregister what lives there.
    for (const r of this.#live) {
      try {
        r.deref()?.__destroy_into_raw?.();
      } catch {
        /* nothing to save */
      }
    }
    this.#live.clear();
    this.#glue = null;
    this.#state = 'recovering';
    this.#emit('trap', err);
    if (this.#restarts >= this.#opts.maxRestarts) {
      this.fail('restart-failed', new JobsealError('restart-failed', `jobseal: the engine trapped ${this.#restarts + 1} times; it stays down`, err));
      return;
    }
    this.#restarts++;
    if (this.#opts.sync && this.#spareGlue) {
      const glue = this.#spareGlue;
      this.#spareGlue = null;
      this.#spare = null;
      try {
        this.#opts.instantiate(glue, this.#module);
        this.adopt(glue, this.#module);
        return;
      } catch {
        /* fall back to the asynchronous path */
      }
    }
    this.#restartAsync();
  }

  async #restartAsync() {
    try {
      const glue = await (this.#spare ?? this.#fresh());
      this.#spare = null;
      this.#spareGlue = null;
      await this.#opts.instantiate(glue, this.#module);
      this.adopt(glue, this.#module);
    } catch (e) {
      this.fail('restart-failed', new JobsealError('restart-failed', `jobseal: the engine could not be restarted: ${e?.message ?? e}`, e));
    }
  }

  #fresh() {
    return this.#opts.fresh(++this.#copies);
  }

  #prepareSpare() {
    if (this.#spare) return;
    const spare = this.#fresh();
    this.#spare = spare;
    spare.then(
      (glue) => {
        if (this.#spare === spare) this.#spareGlue = glue;
      },
      () => {
        if (this.#spare === spare) this.#spare = null;
      },
    );
  }

  #settle(ok) {
    for (const w of [...this.#waiters]) w(ok);
  }

  #emit(cause, error) {
    this.dispatchEvent(new CustomEvent('jobseal:error', { detail: { cause, message: error.message, error } }));
  }
}

/**
 * The public API over the supervised engine: the same names and results as the wasm-bindgen glue,
 * every call through `engine.call`, and a Checker that rebuilds itself (same pack) after a restart.
 * `verifyAccount` (account.js; the 'jobseal' entries): `options.account` may then be a credential.
 */
export function checkerApi(engine, verifyAccount) {
  const wrap = (name) => (...args) => engine.call((glue) => glue[name](...args));

  class Checker {
    #pack;
    #inner = null;
    #gen = 0;
    #freed = false;

    /** Throws an Error naming the offending key when the pack is invalid (as the glue does). */
    constructor(pack) {
      if (pack === undefined || pack === null || typeof pack === 'string') this.#pack = pack ?? undefined;
      else {
        // Kept as JSON text: the same pack after a restart, whatever the caller does to the object.
        let text;
        try {
          text = JSON.stringify(pack);
        } catch (e) {
          throw new Error(`the rule pack cannot be read as JSON: ${e.message}`);
        }
        this.#pack = text ?? pack;
      }
      engine.call((glue, gen) => this.#at(glue, gen));
    }

    #at(glue, gen) {
      if (this.#freed) throw new Error('jobseal: this Checker was freed');
      if (this.#gen !== gen) {
        this.#inner = new glue.Checker(this.#pack);
        this.#gen = gen;
        engine.track(this.#inner);
      }
      return this.#inner;
    }

    /** The rule pack as given (JSON text), or undefined for the built-in defaults. */
    get pack() {
      return this.#pack;
    }

    /** Checks a whole posting: `{ id, ok, findings }`. */
    check(posting, today, lang, options) {
      if (verifyAccount && typeof options?.account === 'string') {
        options = { ...options, account: verifyAccount(options.account, options.jwks) };
      }
      return engine.call((glue, gen) => this.#at(glue, gen).check(posting, today, lang, options));
    }

    /** Findings for one field as it is typed. */
    checkField(field, text, today, lang) {
      return engine.call((glue, gen) => this.#at(glue, gen).checkField(field, text, today, lang));
    }

    get lang() {
      return engine.call((glue, gen) => this.#at(glue, gen).lang);
    }

    free() {
      if (this.#freed) return;
      this.#freed = true;
      const inner = this.#inner;
      this.#inner = null;
      if (!inner) return;
      if (engine.state === 'ready' && this.#gen === engine.generation) inner.free();
      else inner.__destroy_into_raw?.();
    }
  }

  return {
    Checker,
    rules: wrap('rules'),
    version: wrap('version'),
    toJsonLd: wrap('toJsonLd'),
    toJsonLdText: wrap('toJsonLdText'),
    fromJsonLd: wrap('fromJsonLd'),
  };
}

/** The badge module's API over its own supervised engine. */
export function badgeApi(engine) {
  const wrap = (name) => (...args) => engine.call((glue) => glue[name](...args));
  return { verifyBadge: wrap('verifyBadge'), checkUscc: wrap('checkUscc'), version: wrap('version') };
}

