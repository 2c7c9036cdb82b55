// The demo server (scripts/serve.mjs): serves www/ and pkg/ and the demo's key set, nothing else, only
// for its own host, under the strict CSP. Issue 10: it served the whole repository (/.git/config,
// /target/…) whatever the Host header. Run after `make pkg` (the demo key set is written then).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { startServer, CSP } from '../scripts/serve.mjs';

let server;
let port;
before(async () => {
  server = await startServer(0);
  port = server.address().port;
});
after(() => new Promise((ok) => server.close(ok)));

/** A raw request: the path is sent as written (no client-side normalisation), with any Host. */
function get(path, { host = `127.0.0.1:${port}`, method = 'GET' } = {}) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('the demo, the package and the well-known key set are served, under the strict CSP', async () => {
  for (const [path, type] of [
    ['/www/', 'text/html'], ['/www/demo.js', 'text/javascript'], ['/pkg/jobseal_bg.wasm', 'application/wasm'],
    ['/pkg/index.js', 'text/javascript'], ['/.well-known/jobseal-jwks.json', 'application/json'],
  ]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.ok(r.headers['content-type'].startsWith(type), `${path}: ${r.headers['content-type']}`);
    assert.equal(r.headers['content-security-policy'], CSP, path);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
  assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  assert.ok(JSON.parse((await get('/.well-known/jobseal-jwks.json')).body).keys.length >= 1);
  assert.equal((await get('/')).status, 302);
  assert.equal((await get('/www')).status, 301);
  assert.equal((await get('/www/', { host: `localhost:${port}` })).status, 200);
});

test('nothing outside www/ and pkg/ is served, however the path is written', async () => {
  const paths = [
    '/.git/config', '/.git/HEAD', '/target/', '/target/debug/jobseal', '/Cargo.toml', '/src/lib.rs', '/Makefile',
    '/tests/e2e/pages/plain.html', '/scripts/serve.mjs', '/README.md', '/tools/package.json',
    '/www/../Cargo.toml', '/www/%2e%2e/Cargo.toml', '/www/%2E%2E/%2E%2E/etc/passwd', '/pkg/..%2f.git/config',
    '/www/..%5cCargo.toml', '/www/.%2e/src/lib.rs', '/www/.hidden', '/pkg/.gitignore', '/www/%00',
    '//etc/passwd', '/www//../../Cargo.toml', '/.well-known/', '/.well-known/other.json',
  ];
  for (const path of paths) {
    const r = await get(path);
    assert.ok([400, 404].includes(r.status), `${path}: ${r.status}`);
    assert.doesNotMatch(r.body, /\[core\]|\[package\]|repositoryformatversion|root:x:0/, path);
  }
});

test('it answers only for its own host (421 otherwise), and only GET and HEAD', async () => {
  for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.2:${port}`, `localhost.evil.example:${port}`]) {
    const r = await get('/www/', { host });
    assert.equal(r.status, 421, `Host: ${host}`);
    assert.doesNotMatch(r.body, /<html/i);
  }
  // No Host at all (HTTP/1.0).
  const raw = await new Promise((ok, fail) => {
    let out = '';
    const sock = connect(port, '127.0.0.1', () => sock.end('GET /www/ HTTP/1.0\r\n\r\n'));
    sock.on('data', (d) => (out += d));
    sock.on('end', () => ok(out));
    sock.on('error', fail);
  });
  assert.match(raw, /^HTTP\/1\.[01] 421 /);
  assert.equal((await get('/www/', { method: 'POST' })).status, 405);
  assert.equal((await get('/www/', { method: 'HEAD' })).status, 200);
});
