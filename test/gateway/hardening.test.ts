import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createKey, createProxiedApi, eventually, gatewayFor, openUpgrade, rights, send, spawnGateway, startUpstream, websocketHeaders, type GatewayProcess, type Upstream } from './helpers.js';

/** The bound for a change to reach every gateway. */
const WITHIN = 1000;

/** An upstream that answers every request, upgrade or not, with a plain 200 (it has no upgrade handler). */
async function startPlainUpstream(): Promise<{ url: string; seen: { url: string; headers: IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    const body = JSON.stringify({ url: req.url });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Everything the gateway writes on a raw socket until it closes it (bounded: a socket left open fails the test). */
function readUntilClosed(socket: Socket, within = 5000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve({ text, closed: false }), within);
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
  });
}

function rawRequest(port: number, lines: string[]): Socket {
  const socket = createConnection({ host: '127.0.0.1', port });
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  return socket;
}

function handshake(path: string, port: number, extra: Record<string, string> = {}): string[] {
  return [`GET ${path} HTTP/1.1`, `host: 127.0.0.1:${port}`, ...Object.entries({ ...websocketHeaders(), ...extra }).map(([k, v]) => `${k}: ${v}`)];
}

describe('gateway hardening', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let plain: Awaited<ReturnType<typeof startPlainUpstream>>;
  let gw: RunningGateway;
  let wsKeyed: string;
  let plainKeyed: string;
  let keyed: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream('up');
    plain = await startPlainUpstream();
    await createProxiedApi(t, admin, 'Open', '/open/', up.url, { use_keyless: true });
    await createProxiedApi(t, admin, 'Open WS', '/openws/', up.url, { use_keyless: true, enable_websockets: true });
    wsKeyed = await createProxiedApi(t, admin, 'Keyed WS', '/kws/', up.url, { enable_websockets: true });
    plainKeyed = await createProxiedApi(t, admin, 'Plain keyed WS', '/pws/', plain.url, { enable_websockets: true });
    keyed = await createProxiedApi(t, admin, 'Keyed', '/keyed/', up.url);
    await createProxiedApi(t, admin, 'Backend', '/admin-backend/', up.url, { use_keyless: true });
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await plain?.close();
    await t?.close();
  });

  describe('upgrades', () => {
    it('relays a non-101 answer to an upgrade as a normal response and closes: later bytes never reach the upstream', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [plainKeyed]: rights(plainKeyed, [{ url: '^/public', methods: [] }]) } });
      const socket = rawRequest(gw.port, handshake('/pws/public', gw.port, { authorization: key }));
      const first = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
      expect(first).toMatch(/^HTTP\/1\.1 200/);
      expect(first.toLowerCase()).toContain('connection: close');
      // A request outside the key's allowed_urls, written on the same socket.
      socket.write(`GET /private/smuggled HTTP/1.1\r\nhost: x\r\n\r\n`);
      const rest = await readUntilClosed(socket);
      expect(rest.closed).toBe(true);
      expect(plain.seen.map((s) => s.url)).toEqual(['/public']);
    });

    it('tunnels only a well-formed WebSocket handshake on an API that enables WebSockets', async () => {
      const ok = await openUpgrade(gw.port, '/openws/chat');
      expect(ok.head).toMatch(/^HTTP\/1\.1 101/);
      ok.socket.destroy();
      // The same handshake on an API without enable_websockets.
      const off = await openUpgrade(gw.port, '/open/chat');
      expect(off.head).toMatch(/^HTTP\/1\.1 400/);
      expect(off.head.toLowerCase()).toContain('connection: close');
      off.socket.destroy();
      // Not WebSocket, or malformed: no key, wrong version, not GET.
      for (const [headers, method] of [
        [{ upgrade: 'h2c' }, 'GET'],
        [{ 'sec-websocket-key': null }, 'GET'],
        [{ 'sec-websocket-key': 'short' }, 'GET'],
        [{ 'sec-websocket-version': '8' }, 'GET'],
        [{}, 'POST'],
      ] as const) {
        const r = await openUpgrade(gw.port, '/openws/chat', headers, method);
        expect(r.head, JSON.stringify(headers) + method).toMatch(/^HTTP\/1\.1 400/);
        r.socket.destroy();
      }
      const seen = up.seen.filter((s) => s.url === '/chat');
      expect(seen).toHaveLength(1);
    });

    it('closes the open tunnels of a key when it is revoked or deactivated', async () => {
      const revoked = await createKey(t, admin, { access_rights: { [wsKeyed]: rights(wsKeyed) } });
      const deactivated = await createKey(t, admin, { access_rights: { [wsKeyed]: rights(wsKeyed) } });
      const kept = await createKey(t, admin, { access_rights: { [wsKeyed]: rights(wsKeyed) } });
      const open = async (key: string) => {
        const r = await openUpgrade(gw.port, '/kws/feed', { authorization: key });
        expect(r.head).toMatch(/^HTTP\/1\.1 101/);
        const echoed = await new Promise<string>((resolve) => {
          r.socket.once('data', (d: Buffer) => resolve(d.toString()));
          r.socket.write('hello');
        });
        expect(echoed).toBe('hello');
        let closed = false;
        r.socket.on('close', () => (closed = true));
        r.socket.on('error', () => {});
        return { socket: r.socket, closed: () => closed };
      };
      const a = await open(revoked.key);
      const b = await open(deactivated.key);
      const c = await open(kept.key);
      expect((await t.request('DELETE', `/api/keys/${revoked.hash}`, { key: admin })).statusCode).toBe(200);
      expect(await eventually(async () => a.closed(), WITHIN)).toBeGreaterThanOrEqual(0);
      expect((await t.request('PUT', `/api/keys/${deactivated.hash}`, { key: admin, body: { access_rights: { [wsKeyed]: rights(wsKeyed) }, is_inactive: true } })).statusCode).toBe(200);
      expect(await eventually(async () => b.closed(), WITHIN)).toBeGreaterThanOrEqual(0);
      expect(c.closed()).toBe(false);
      c.socket.destroy();
    });
  });

  describe('URL patterns', () => {
    it('refuses at write time a pattern RE2 cannot compile, naming the field', async () => {
      const key = await t.request('POST', '/api/keys', { key: admin, body: { access_rights: { [keyed]: rights(keyed, [{ url: '^/a(?=b)', methods: [] }]) } } });
      expect(key.statusCode).toBe(400);
      expect(key.body).toContain(`access_rights.${keyed}.allowed_urls.0.url`);
      const policy = await t.request('POST', '/api/portal/policies', {
        key: admin,
        body: { name: 'Lookbehind', access_rights: { [keyed]: rights(keyed, [{ url: '/ok', methods: [] }, { url: '(?<!x)/y', methods: [] }]) } },
      });
      expect(policy.statusCode).toBe(400);
      expect(policy.body).toContain(`access_rights.${keyed}.allowed_urls.1.url`);
      const api = await t.request('POST', '/api/apis', {
        key: admin,
        body: {
          api_definition: {
            name: 'Backref',
            use_keyless: true,
            proxy: { listen_path: '/backref/', target_url: up.url, strip_listen_path: true },
            version_data: { not_versioned: true, versions: { Default: { name: 'Default', extended_paths: { hard_timeouts: [{ path: '/(a)\\1', method: 'GET', timeout: 1 }] } } } },
          },
        },
      });
      expect(api.statusCode).toBe(400);
      expect(api.body).toContain('api_definition.version_data.versions.Default.extended_paths.hard_timeouts.0.path');
    });

    it('matches allowed_urls with RE2 semantics (POSIX classes)', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed, [{ url: '/[[:alpha:]]+$', methods: [] }]) } });
      expect((await send(gw.url, '/keyed/abc', { headers: { authorization: key } })).status).toBe(200);
      expect((await send(gw.url, '/keyed/a]', { headers: { authorization: key } })).status).toBe(403);
    });
  });

  describe('paths', () => {
    it('matches rights on the normalised path: encoded dot segments do not escape allowed_urls', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed, [{ url: '^/public', methods: [] }]) } });
      const h = { authorization: key };
      expect((await send(gw.url, '/keyed/public/x', { headers: h })).status).toBe(200);
      for (const path of ['/keyed/public/%2e%2e/private', '/keyed/public/%2E%2E/private', '/keyed/public/../private', '/keyed/public/.%2e/private', '/keyed/public/./../private']) {
        const res = await send(gw.url, path, { headers: h });
        expect(res.status, path).toBe(403);
      }
      // Dot segments that stay inside what the key may reach are resolved, and the upstream sees the resolved form.
      const inside = await send(gw.url, '/keyed/public/a/%2e%2E/b/./c', { headers: h });
      expect(inside.status).toBe(200);
      expect(inside.json()).toMatchObject({ url: '/public/b/c' });
    });

    it('refuses a path that climbs above the listen path or above the root', async () => {
      for (const path of ['/open/public/../../admin-backend/x', '/open/%2e%2e/admin-backend/x', '/open/..', '/..', '/open/../../x']) {
        const res = await send(gw.url, path);
        expect(res.status, path).toBe(400);
        expect(res.json<{ error: string }>().error).toMatch(/path/i);
      }
      expect(up.seen.some((s) => s.url.includes('admin-backend'))).toBe(false);
    });

    it('forwards the normalised form: unreserved escapes decoded, %2f kept, empty segments merged', async () => {
      const res = await send(gw.url, '/open/%7Euser//files/a%2fb/%41?q=%2e%2e');
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ url: '/~user/files/a%2fb/A?q=%2e%2e' });
    });

    it('refuses backslashes and malformed escapes', async () => {
      for (const path of ['/open/a%5C..%5Cb', '/open/a%5cb', '/open/%zz', '/open/a%2']) {
        const res = await send(gw.url, path);
        expect(res.status, path).toBe(400);
      }
      const raw = rawRequest(gw.port, ['GET /open/a\\..\\b HTTP/1.1', 'host: x', 'connection: close']);
      const answer = await readUntilClosed(raw);
      expect(answer.text).toMatch(/^HTTP\/1\.1 400/);
    });
  });
});

describe('gateway hardening: patterns never stall the event loop', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let gw: GatewayProcess;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream('up');
    gw = await spawnGateway({ PORTCULLIS_DATABASE_URL: t.database.url, PORTCULLIS_GATEWAY_POLL_MS: '100' });
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
  });

  /** A keyless request to another API, answered while the evil one is in flight (bounded wait: a stalled gateway fails it). */
  async function stillServing(): Promise<number> {
    const res = await fetch(`${gw.url}/fine/x`, { signal: AbortSignal.timeout(10_000) });
    await res.text();
    return res.status;
  }

  it('matches hard_timeouts and allowed_urls patterns in linear time', async () => {
    await createProxiedApi(t, admin, 'Fine', '/fine/', up.url, { use_keyless: true });
    await createProxiedApi(t, admin, 'Evil timeouts', '/evil/', up.url, {
      use_keyless: true,
      version_data: { not_versioned: true, versions: { Default: { name: 'Default', extended_paths: { hard_timeouts: [{ path: '/(a+)+$', method: 'GET', timeout: 5 }] } } } },
    });
    const keyed = await createProxiedApi(t, admin, 'Evil rights', '/evilkey/', up.url);
    const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed, [{ url: '/(a+)+$', methods: [] }]) } });
    expect(await eventually(async () => (await fetch(`${gw.url}/evilkey/x`)).status === 401, 5000)).toBeGreaterThanOrEqual(0);
    const evil = `/${'a'.repeat(30)}!`;

    const timeoutsProbe = fetch(`${gw.url}/evil${evil}`).then((r) => r.status);
    expect(await stillServing()).toBe(200);
    expect(await timeoutsProbe).toBe(200);

    const rightsProbe = fetch(`${gw.url}/evilkey${evil}`, { headers: { authorization: key } }).then((r) => r.status);
    expect(await stillServing()).toBe(200);
    expect(await rightsProbe).toBe(403);
  });
});
