// The Node wrapper that issue 12 compares `jobseal serve` with: node:http around the npm package's
// Node entry (pkg/node.js), one posting (application/json) or JSON Lines per request, the same
// reports. Measured with the same load generator (make bench-serve-node):
//   node benches/node-wrapper.mjs [PORT]     prints "listening on http://127.0.0.1:PORT"
import { createServer } from 'node:http';
import { Checker } from '../pkg/node.js';

const checker = new Checker();
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    const today = url.searchParams.get('today') ?? new Date().toISOString().slice(0, 10);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      let out;
      if ((req.headers['content-type'] ?? '').startsWith('application/x-ndjson')) {
        out = '';
        for (const line of body.split('\n')) if (line.trim()) out += JSON.stringify(checker.check(JSON.parse(line), today)) + '\n';
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': Buffer.byteLength(out) });
      } else {
        out = JSON.stringify(checker.check(JSON.parse(body), today)) + '\n';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      }
      res.end(out);
    } catch (e) {
      const out = JSON.stringify({ error: { code: 'bad-request', message: String(e.message) } }) + '\n';
      res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`node wrapper: listening on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
