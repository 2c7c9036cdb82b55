// Loading one wasm module of the package, once, supervised (engine.js): shared by the checker's entry
// (ready.js: jobseal_bg.wasm) and the badge's (badge-ready.js: jobseal_badge_bg.wasm). Each entry
// has its own module, its own instance and its own Engine, so a page that shows only badges never
// fetches the checker, and a posting form never fetches the signature code.
import { Engine, JobsealError } from './engine.js';

/** Why loading failed, as a stable cause: `csp`, `wasm-load` or `wasm-invalid`. */
function classify(e, file) {
  if (e instanceof JobsealError) return e;
  const message = String(e?.message ?? e);
  if (/Content Security Policy|unsafe-eval|wasm-eval/i.test(message)) {
    return new JobsealError('csp', `jobseal: the page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'): ${message}`, e);
  }
  if (typeof WebAssembly !== 'undefined' && (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError)) {
    return new JobsealError('wasm-invalid', `jobseal: ${file} is not a valid module: ${message}`, e);
  }
  return new JobsealError('wasm-load', `jobseal: ${file} could not be loaded: ${message}`, e);
}

function source(options) {
  const plain = options !== undefined && options !== null && Object.getPrototypeOf(options) === Object.prototype;
  return plain ? options.module_or_path ?? options.module : options;
}

/** The compiled module, from a URL, a Request, a Response, bytes or a WebAssembly.Module. */
async function compile(options, url, file) {
  let src = source(options) ?? url;
  if (src instanceof WebAssembly.Module) return src;
  if (typeof src === 'string' || src instanceof URL || (typeof Request === 'function' && src instanceof Request)) {
    src = fetch(src, { credentials: 'same-origin' });
  }
  src = await src;
  if (typeof Response === 'function' && src instanceof Response) {
    if (!src.ok) throw new JobsealError('wasm-load', `jobseal: ${src.url || file}: HTTP ${src.status}`);
    if (src.headers.get('content-type') === 'application/wasm' && WebAssembly.compileStreaming) {
      return WebAssembly.compileStreaming(src);
    }
    return WebAssembly.compile(await src.arrayBuffer());
  }
  return WebAssembly.compile(src);
}

/**
 * One entry: `glue` (the wasm-bindgen module, imported statically), `fresh(n)` (a new copy of it for a
 * restart), `url` (the .wasm next to it) and `file` (its name, for messages). Returns the engine and
 * its `init` / `initSync`.
 */
export function entry({ glue, fresh, url, file }) {
  const engine = new Engine({
    // A new copy of the glue is a new module record, hence a new instance with its own memory.
    fresh,
    instantiate: (copy, module) => copy.default({ module_or_path: module }),
  });
  let ready = null;

  /**
   * Fetches, compiles and instantiates the wasm once; later calls return the same promise. A failed
   * load is not remembered: the next call tries again. Rejects with a JobsealError whose `code` is
   * `wasm-load`, `csp` or `wasm-invalid` (and the engine fires `jobseal:error` with that cause).
   */
  function init(options) {
    if (engine.state === 'ready') return Promise.resolve(engine);
    // Restarting after a trap: ready when the fresh instance is.
    if (engine.state === 'recovering') return engine.whenReady().then((ok) => (ok ? engine : Promise.reject(engine.error)));
    ready ??= (async () => {
      engine.loading();
      try {
        const module = await compile(options, url, file);
        await glue.default({ module_or_path: module });
        engine.adopt(glue, module);
        return engine;
      } catch (e) {
        ready = null;
        throw engine.fail(null, classify(e, file));
      }
    })();
    return ready;
  }

  /** Synchronous initialisation from bytes or a WebAssembly.Module (workers, tests). */
  function initSync(options) {
    if (engine.state === 'ready') return engine;
    const src = source(options);
    const module = src instanceof WebAssembly.Module ? src : new WebAssembly.Module(src);
    glue.initSync({ module });
    engine.adopt(glue, module);
    return engine;
  }

  return { engine, init, initSync };
}
