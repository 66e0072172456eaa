import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { spawnEntry, type Listening } from './process.js';

/**
 * The upstream every proxied figure goes to: node:http answering a small JSON
 * body to any request. Run as its own process (`startUpstream()`), so its event
 * loop is not the load generator's nor the proxy's.
 */
const SELF = fileURLToPath(import.meta.url);

export const UPSTREAM_BODY = JSON.stringify({ ok: true, service: 'bench-upstream', items: [1, 2, 3] });

export function startUpstream(): Promise<Listening> {
  return spawnEntry(SELF, []);
}

function main(): void {
  const body = Buffer.from(UPSTREAM_BODY);
  const server = createServer((req, res) => {
    // Requests may carry a body (none in the benchmark); drain it before answering.
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  // Longer than any proxy's idle pool timeout, so that the proxy, not the
  // upstream, closes idle connections: no request races a closing socket.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
  });
}

if (process.argv[1] === SELF) main();
