import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { spawnEntry, type Listening } from './process.js';

/**
 * Figure (b): the least a Node proxy can do with the client the gateway uses
 * (undici Pool, keep-alive, `stream`): no routing, no keys, no limits, no
 * analytics; only hop-by-hop headers dropped. Its throughput is the ceiling
 * the gateway is compared with. Runs as its own process (`startPassThrough`).
 */
const SELF = fileURLToPath(import.meta.url);

export function startPassThrough(target: string): Promise<Listening> {
  return spawnEntry(SELF, [target]);
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function forwardable(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, dropHost: boolean): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || (dropHost && name === 'host')) continue;
    out[name] = value;
  }
  return out;
}

function main(target: string): void {
  const pool = new Pool(target, { keepAliveTimeout: 60_000 });
  const server = createServer((req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    pool.stream(
      {
        path: req.url ?? '/',
        method: req.method as 'GET',
        headers: forwardable(req.headers, true) as Record<string, string>,
        body: hasBody ? req : null,
        opaque: res,
      },
      ({ statusCode, headers, opaque }) => {
        const out = opaque as ServerResponse;
        out.writeHead(statusCode, forwardable(headers, false));
        return out;
      },
      (err) => {
        if (!err) return;
        if (res.headersSent) res.destroy(err);
        else res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"bad gateway"}');
      },
    );
  });
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.close();
  });
}

if (process.argv[1] === SELF) main(process.argv[2] ?? 'http://127.0.0.1:9');
