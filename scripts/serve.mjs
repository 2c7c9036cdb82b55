// The demo's static server: serves www/ and pkg/ only (and the demo's key set at the same-origin
// well-known path the badge reads by default), on 127.0.0.1, under the strict Content-Security-Policy
// the README documents. No dependencies.
//   PORT=8080 node scripts/serve.mjs
//
// It answers only for its own host (127.0.0.1:PORT or localhost:PORT; anything else gets 421, so a
// DNS-rebinding page cannot read it), only GET and HEAD, and nothing outside its mounts: no dotfiles,
// no path that leaves a mount (../, encoded or not, or a symlink), so /.git, /target, /src and
// /Cargo.toml are 404.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The policy the demo and the e2e pages run under; the widget and the badge need nothing more. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** What `make demo` serves: URL prefix → directory (relative to the repository). */
export const DEMO_MOUNTS = [
  { prefix: '/www/', dir: 'www' },
  { prefix: '/pkg/', dir: 'pkg' },
];
/** Single files at fixed URLs: the demo's key set (written by scripts/demo-credentials.mjs). */
export const DEMO_FILES = {
  '/.well-known/jobseal-jwks.json': 'www/demo-jwks.json',
  '/.well-known/jobseal-status.jwt': 'www/demo-status.jwt',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.jwt': 'application/statuslist+jwt',
};

/**
 * Starts the server. options: mounts (default DEMO_MOUNTS; each may set `csp: false` to serve files
 * that are not pages of the widget, e.g. the audit's self-contained HTML report), files (default
 * DEMO_FILES), host (default 127.0.0.1), csp (default CSP).
 */
export function startServer(port = 0, options = {}) {
  const { mounts = DEMO_MOUNTS, files = DEMO_FILES, host = '127.0.0.1', csp = CSP } = options;
  const table = mounts.map((m) => ({ ...m, dir: resolve(ROOT, m.dir) }));
  let hosts = new Set();

  async function locate(pathname) {
    if (Object.hasOwn(files, pathname)) return { file: resolve(ROOT, files[pathname]), mount: { csp: true } };
    const mount = table.find((m) => pathname.startsWith(m.prefix) || pathname === m.prefix.slice(0, -1));
    if (!mount) return null;
    const rel = pathname.slice(mount.prefix.length);
    // No dotfile and no dot-directory anywhere (also keeps ../ out).
    if (rel.split('/').some((seg) => seg.startsWith('.'))) return null;
    const file = join(mount.dir, ...rel.split('/').filter(Boolean));
    if (file !== mount.dir && !file.startsWith(mount.dir + sep)) return null;
    return { file, mount };
  }

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) return send(421, 'misdirected request: unknown host\n');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        return send(400, 'bad request\n');
      }
      if (pathname.includes('\0') || pathname.includes('\\')) return send(400, 'bad request\n');
      pathname = posix.normalize(pathname);
      if (pathname === '/') return send(302, '', { location: '/www/' });
      const found = await locate(pathname);
      if (!found) return send(404, 'not found\n');
      let { file } = found;
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, '', { location: `${pathname}/` });
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(404, 'not found\n');
      // A symlink must not lead out of its mount either.
      const real = await realpath(file);
      const base = found.mount.dir ? await realpath(found.mount.dir) : null;
      if (base && real !== base && !real.startsWith(base + sep)) return send(404, 'not found\n');
      const body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      };
      if (csp && found.mount.csp !== false) headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      send(500, `${e.message}\n`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const p = server.address().port;
      hosts = new Set([`127.0.0.1:${p}`, `localhost:${p}`, `${host}:${p}`]);
      ok(server);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 8080);
  const server = await startServer(port).catch((e) => {
    console.error(`cannot serve on port ${port}: ${e.message}`);
    process.exit(2);
  });
  const { port: p } = server.address();
  console.log(`serving www/ and pkg/ on http://127.0.0.1:${p}/ — open http://127.0.0.1:${p}/www/ (Ctrl-C stops)`);
}
