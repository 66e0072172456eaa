import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/gateway/index.js';
import { startServer } from '../../src/server.js';
import { createTestDatabase } from '../helpers/database.js';
import type { TestApp } from '../helpers/app.js';
import { REPO } from '../helpers/cli.js';

export interface Upstream {
  url: string;
  port: number;
  /** Requests seen, in order. */
  seen: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/**
 * A loopback upstream: answers JSON describing the request it got; `/echo`
 * streams the request body back; `/big?mb=N` streams N MiB; `/hang` never answers;
 * an upgrade request becomes a byte echo after `101 Switching Protocols`.
 */
export async function startUpstream(name = 'upstream'): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.endsWith('/echo')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-upstream': name });
      req.pipe(res);
      return;
    }
    if (path.endsWith('/big')) {
      const mb = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('mb') ?? '1');
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(1024 * 1024, 97);
      let left = mb;
      const write = () => {
        while (left > 0) {
          left -= 1;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      write();
      return;
    }
    if (path.endsWith('/hang')) {
      hanging.add(res);
      req.resume();
      return;
    }
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({ upstream: name, method: req.method, url: req.url, headers: req.headers });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        // Hop-by-hop headers the gateway must not pass back.
        'keep-alive': 'timeout=5',
        'x-secret-hop': 'drop-me',
        connection: 'keep-alive, x-secret-hop',
      });
      res.end(body);
    });
  });
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const key = req.headers['sec-websocket-key'] ?? '';
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${websocketAccept(key)}\r\n\r\n`);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    async close() {
      for (const r of hanging) r.destroy();
      // Upgraded sockets are no longer the server's connections: closeAllConnections() leaves them open.
      for (const s of upgraded) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (bound, then closed). */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const addr = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return typeof addr === 'object' && addr ? addr.port : 1;
}

/** A gateway on a free loopback port over the test app's database, with its own connection to it. */
export async function gatewayFor(t: TestApp, env: Record<string, string> = {}): Promise<RunningGateway> {
  const config = loadConfig({
    PORTCULLIS_LOG_LEVEL: 'silent',
    PORTCULLIS_GATEWAY_PORT: '0',
    PORTCULLIS_GATEWAY_HOST: '127.0.0.1',
    PORTCULLIS_GATEWAY_POLL_MS: '100',
    PORTCULLIS_GATEWAY_ANALYTICS_FLUSH_MS: '100',
    ...env,
    PORTCULLIS_DATABASE_URL: t.database.url,
  });
  return startGateway({ config });
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/** One request with node:http (which, unlike fetch, sends any header asked for). */
export function send(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // host and port apart, so that the path goes out exactly as given (a URL string would resolve dot segments).
    const { hostname, port } = new URL(base);
    const req = httpRequest({ host: hostname, port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Retries `check` until it holds, for at most `within` ms (the bound for a change to reach a gateway). */
export async function eventually(check: () => Promise<boolean>, within: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > within) return -1;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Creates a Classic API proxying to `target` and returns its public id. */
export async function createProxiedApi(t: TestApp, admin: string, name: string, listenPath: string, target: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { proxy, ...rest } = extra as { proxy?: Record<string, unknown> };
  const body = {
    api_definition: {
      name,
      auth: { auth_header_name: 'Authorization' },
      ...rest,
      proxy: { listen_path: listenPath, target_url: target, strip_listen_path: true, ...proxy },
    },
  };
  const res = await t.request('POST', '/api/apis', { key: admin, body });
  if (res.statusCode !== 200) throw new Error(`create API ${name}: ${res.statusCode} ${res.body}`);
  return (res.json() as { ID: string }).ID;
}

/** Issues a key through the Dashboard API; returns the key and its hash. */
export async function createKey(t: TestApp, admin: string, body: Record<string, unknown>): Promise<{ key: string; hash: string }> {
  const res = await t.request('POST', '/api/keys', { key: admin, body });
  if (res.statusCode !== 200) throw new Error(`create key: ${res.statusCode} ${res.body}`);
  const b = res.json() as { key: string; key_hash: string };
  return { key: b.key, hash: b.key_hash };
}

export function rights(apiId: string, allowed: { url: string; methods: string[] }[] = []) {
  return { api_id: apiId, versions: ['Default'], allowed_urls: allowed };
}

/** The Sec-WebSocket-Accept a server answers to a Sec-WebSocket-Key (RFC 6455 §4.2.2). */
export function websocketAccept(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** The headers of a well-formed WebSocket handshake (RFC 6455 §4.1). */
export function websocketHeaders(): Record<string, string> {
  return { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': randomBytes(16).toString('base64'), 'sec-websocket-version': '13' };
}

/**
 * Sends an upgrade request (a WebSocket handshake unless `headers` say otherwise; a null value drops
 * a header) and returns the raw socket once the 101 (or a refusal) is read.
 */
export function openUpgrade(port: number, path: string, headers: Record<string, string | null> = {}, method = 'GET'): Promise<{ head: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      const all: Record<string, string | null> = { ...websocketHeaders(), ...headers };
      const lines = [`${method} ${path} HTTP/1.1`, `host: 127.0.0.1:${port}`];
      for (const [k, v] of Object.entries(all)) if (v !== null) lines.push(`${k}: ${v}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      resolve({ head: buf.slice(0, end), socket });
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

export interface GatewayProcess {
  url: string;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the compiled `portcullis gateway` (test/global-setup.ts builds it) and waits for its listening line on stdout. */
export async function spawnGateway(env: Record<string, string>, args: string[] = []): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['dist/main.js', 'gateway', ...args], {
    cwd: REPO,
    env: {
      ...process.env,
      PORTCULLIS_LOG_LEVEL: 'warn',
      PORTCULLIS_GATEWAY_PORT: '0',
      PORTCULLIS_GATEWAY_HOST: '127.0.0.1',
      PORTCULLIS_GATEWAY_ANALYTICS_FLUSH_MS: '100',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Gateway listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited (${code}):\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The Redis the tests may use: PORTCULLIS_TEST_REDIS_URL (CI), else a local one if it answers. */
export async function testRedisUrl(): Promise<string | undefined> {
  const given = process.env.PORTCULLIS_TEST_REDIS_URL;
  if (given) return given;
  const probe = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return 'redis://127.0.0.1:6379';
  } catch {
    return undefined;
  } finally {
    probe.disconnect();
  }
}

/**
 * A control plane (with its in-process gateway unless `env` says otherwise) on
 * a fresh database — SQLite, or PostgreSQL with PORTCULLIS_TEST_DATABASE_URL —,
 * driven over real HTTP as a script would: `call` sends as the bootstrapped administrator.
 */
export async function controlPlane(env: Record<string, string>) {
  const db = await createTestDatabase();
  const server = await startServer(
    loadConfig({
      PORTCULLIS_LOG_LEVEL: 'silent',
      PORTCULLIS_HOST: '127.0.0.1',
      PORTCULLIS_PORT: '0',
      PORTCULLIS_GATEWAY_PORT: '0',
      PORTCULLIS_GATEWAY_HOST: '127.0.0.1',
      PORTCULLIS_GATEWAY_POLL_MS: '100',
      ...env,
      PORTCULLIS_DATABASE_URL: db.url,
    }),
  );
  let admin = '';
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(admin ? { authorization: admin } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const boot = await call('POST', '/portal-api/bootstrap', { username: 'root@example.com', password: 'correct-horse-battery', first_name: 'R', last_name: 'A' });
  admin = (boot.body.data as { api_token: string }).api_token;
  return { db, server, call };
}
