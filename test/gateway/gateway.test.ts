import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser, setOwners } from '../helpers/fixtures.js';
import { createKey, createProxiedApi, deadPort, eventually, gatewayFor, openUpgrade, rights, send, startUpstream, type Upstream } from './helpers.js';

/** The bound for a change to reach every gateway. */
const WITHIN = 1000;

describe('the gateway', () => {
  let t: TestApp;
  let admin: string;
  let a: Upstream;
  let b: Upstream;
  let gw: RunningGateway;
  let keyed: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    admin = await t.bootstrap();
    a = await startUpstream('a');
    b = await startUpstream('b');
    await createProxiedApi(t, admin, 'Shop', '/shop/', a.url, { use_keyless: true, enable_websockets: true });
    await createProxiedApi(t, admin, 'Shop admin', '/shop/admin/', b.url, { use_keyless: true });
    await createProxiedApi(t, admin, 'No strip', '/nostrip', `${a.url}/base/`, { use_keyless: true, proxy: { strip_listen_path: false } });
    keyed = await createProxiedApi(t, admin, 'Keyed', '/keyed/', a.url, { enable_websockets: true });
    other = await createProxiedApi(t, admin, 'Other', '/other/', b.url);
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await a?.close();
    await b?.close();
    await t?.close();
  });

  describe('proxying', () => {
    it('routes by the longest listen path, strips it when asked and keeps the query', async () => {
      const shop = await send(gw.url, '/shop/items?x=1&y=2');
      expect(shop.status).toBe(200);
      expect(shop.json()).toMatchObject({ upstream: 'a', url: '/items?x=1&y=2' });
      const adminPath = await send(gw.url, '/shop/admin/users');
      expect(adminPath.json()).toMatchObject({ upstream: 'b', url: '/users' });
      expect((await send(gw.url, '/shop')).json()).toMatchObject({ upstream: 'a', url: '/' });
      // "/shopping" is not under "/shop/".
      expect((await send(gw.url, '/shopping')).status).toBe(404);
      const kept = await send(gw.url, '/nostrip/a/b');
      expect(kept.json()).toMatchObject({ upstream: 'a', url: '/base/nostrip/a/b' });
    });

    it('drops hop-by-hop headers both ways and sets X-Forwarded-*', async () => {
      const res = await send(gw.url, '/shop/h', {
        headers: { connection: 'close, x-drop', 'x-drop': '1', te: 'trailers', 'proxy-authorization': 'Basic eA==', 'x-keep': 'yes', host: 'shop.example' },
      });
      const seen = res.json<{ headers: Record<string, string> }>().headers;
      expect(seen['x-keep']).toBe('yes');
      expect(seen['x-drop']).toBeUndefined();
      expect(seen.te).toBeUndefined();
      expect(seen['proxy-authorization']).toBeUndefined();
      expect(seen['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen['x-forwarded-host']).toBe('shop.example');
      expect(seen['x-forwarded-proto']).toBe('http');
      expect(res.headers['x-secret-hop']).toBeUndefined();
      expect(res.headers['keep-alive']).not.toBe('timeout=5');
      const chained = await send(gw.url, '/shop/h', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(chained.json<{ headers: Record<string, string> }>().headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    });

    it('streams large bodies both ways', async () => {
      const body = Buffer.alloc(8 * 1024 * 1024, 7);
      const up = await send(gw.url, '/shop/echo', { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });
      expect(up.status).toBe(200);
      expect(Buffer.byteLength(up.body)).toBe(body.length);
      const down = await send(gw.url, '/shop/big?mb=16');
      expect(down.status).toBe(200);
      expect(down.body.length).toBe(16 * 1024 * 1024);
    });

    it('cancels the upstream request when the client goes away mid-body, and serves on', async () => {
      let cutShort = 0;
      const drip = createServer((req, res) => {
        if (req.url === '/ok') return void res.end('ok');
        // One chunk, then nothing: only the gateway giving up on it ends this response.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(1024, 1));
        res.on('close', () => {
          if (!res.writableFinished) cutShort += 1;
        });
      });
      await new Promise<void>((resolve) => drip.listen(0, '127.0.0.1', resolve));
      try {
        await createProxiedApi(t, admin, 'Drip', '/drip/', `http://127.0.0.1:${(drip.address() as AddressInfo).port}`, { use_keyless: true });
        expect(await eventually(async () => (await send(gw.url, '/drip/ok')).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);
        await new Promise<void>((resolve) => {
          const req = httpRequest(`${gw.url}/drip/stream`, (res) => {
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          });
          req.on('error', () => {
            // Destroyed on purpose.
          });
          req.end();
        });
        expect(await eventually(async () => cutShort === 1, 5000)).toBeGreaterThanOrEqual(0);
        expect((await send(gw.url, '/drip/ok')).status).toBe(200);
      } finally {
        drip.closeAllConnections();
        await new Promise<void>((resolve) => drip.close(() => resolve()));
      }
    });

    it('answers 404 where no active API listens', async () => {
      const res = await send(gw.url, '/nowhere/x');
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ error: 'No API listens on this path' });
    });

    it('answers 502 for a refused upstream and 504 when the upstream times out', async () => {
      await createProxiedApi(t, admin, 'Dead', '/dead/', `http://127.0.0.1:${await deadPort()}`, { use_keyless: true });
      await createProxiedApi(t, admin, 'Slow', '/slow/', a.url, {
        use_keyless: true,
        version_data: { not_versioned: true, versions: { Default: { name: 'Default', extended_paths: { hard_timeouts: [{ path: '/', method: 'GET', timeout: 1 }] } } } },
      });
      expect(await eventually(async () => (await send(gw.url, '/slow/x')).status !== 404, WITHIN)).toBeGreaterThanOrEqual(0);
      const dead = await send(gw.url, '/dead/x');
      expect(dead.status).toBe(502);
      expect(dead.json()).toEqual({ error: 'There was a problem proxying the request' });
      const slow = await send(gw.url, '/slow/hang');
      expect(slow.status).toBe(504);
      expect(slow.json()).toEqual({ error: 'Upstream service reached hard timeout' });
    });

    it('tunnels WebSocket upgrades, after the same credential check', async () => {
      const { head, socket } = await openUpgrade(gw.port, '/shop/ws');
      expect(head).toMatch(/^HTTP\/1\.1 101/);
      const echoed = await new Promise<string>((resolve) => {
        socket.once('data', (d: Buffer) => resolve(d.toString()));
        socket.write('ping over the tunnel');
      });
      expect(echoed).toBe('ping over the tunnel');
      socket.destroy();
      expect(a.seen.at(-1)).toMatchObject({ url: '/ws' });
      const refused = await openUpgrade(gw.port, '/keyed/ws');
      expect(refused.head).toMatch(/^HTTP\/1\.1 401/);
      refused.socket.destroy();
    });
  });

  describe('credentials', () => {
    it('answers 401 without a key and 403 for an unknown one', async () => {
      const none = await send(gw.url, '/keyed/x');
      expect(none.status).toBe(401);
      expect(none.json()).toEqual({ error: 'Authorization field missing' });
      const unknown = await send(gw.url, '/keyed/x', { headers: { authorization: 'not-a-key' } });
      expect(unknown.status).toBe(403);
      expect(unknown.json()).toEqual({ error: 'Access to this API has been disallowed' });
    });

    it('takes the key raw or as a Bearer token, and keeps it to the APIs it grants', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) } });
      expect((await send(gw.url, '/keyed/x', { headers: { authorization: key } })).status).toBe(200);
      expect((await send(gw.url, '/keyed/x', { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      const elsewhere = await send(gw.url, '/other/x', { headers: { authorization: key } });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.json()).toEqual({ error: 'Access to this API has been disallowed' });
    });

    it('refuses expired and inactive keys', async () => {
      const expired = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) }, expires: Math.floor(Date.now() / 1000) - 10 });
      const res = await send(gw.url, '/keyed/x', { headers: { authorization: expired.key } });
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({ error: 'Key has expired, please renew' });
      const inactive = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) }, is_inactive: true });
      expect((await send(gw.url, '/keyed/x', { headers: { authorization: inactive.key } })).status).toBe(403);
    });

    it('enforces allowed methods and paths of an access right', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed, [{ url: '/items(/.*)?$', methods: ['GET'] }]) } });
      const h = { authorization: key };
      expect((await send(gw.url, '/keyed/items', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/keyed/items/7', { headers: h })).status).toBe(200);
      const post = await send(gw.url, '/keyed/items', { method: 'POST', headers: h, body: '{}' });
      expect(post.status).toBe(403);
      expect(post.json()).toEqual({ error: 'Access to this resource has been disallowed' });
      expect((await send(gw.url, '/keyed/orders', { headers: h })).status).toBe(403);
    });

    it("reads the key from the API's own header, or from a query parameter when the API enables one", async () => {
      const custom = await createProxiedApi(t, admin, 'Custom header', '/custom/', a.url, {
        auth: { auth_header_name: 'X-Api-Key', use_param: true, param_name: 'api_key' },
        strip_auth_data: true,
      });
      const { key } = await createKey(t, admin, { access_rights: { [custom]: rights(custom) } });
      expect(await eventually(async () => (await send(gw.url, '/custom/x')).status === 401, WITHIN)).toBeGreaterThanOrEqual(0);
      const header = await send(gw.url, '/custom/x', { headers: { 'x-api-key': key } });
      expect(header.status).toBe(200);
      expect(header.json<{ headers: Record<string, string> }>().headers['x-api-key']).toBeUndefined();
      const query = await send(gw.url, `/custom/x?api_key=${key}&q=1`);
      expect(query.status).toBe(200);
      expect(query.json()).toMatchObject({ url: '/x?q=1' });
      expect((await send(gw.url, '/custom/x', { headers: { authorization: key } })).status).toBe(401);
      expect((await send(gw.url, `/keyed/x?api_key=${key}`)).status).toBe(401);
    });

    it('grants access through policies', async () => {
      const res = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Other only', access_rights: { [other]: rights(other) } } });
      expect(res.statusCode).toBe(200);
      const { key } = await createKey(t, admin, { apply_policies: [res.json().Message as string] });
      expect((await send(gw.url, '/other/x', { headers: { authorization: key } })).status).toBe(200);
      expect((await send(gw.url, '/keyed/x', { headers: { authorization: key } })).status).toBe(403);
    });
  });

  describe('limits', () => {
    it('enforces a rate limit exactly at the boundary, with Retry-After and X-RateLimit-*', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) }, rate: 3, per: 60 });
      const h = { authorization: key };
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await send(gw.url, '/keyed/r', { headers: h });
        expect(ok.status).toBe(200);
        expect(ok.headers['x-ratelimit-limit']).toBe('3');
        remaining.push(String(ok.headers['x-ratelimit-remaining']));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await send(gw.url, '/keyed/r', { headers: h });
      expect(limited.status).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'API Rate limit exceeded' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(20);
      expect(limited.headers['x-ratelimit-limit']).toBe('3');
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    });

    it('counts a per-API limit apart from the key-wide one', async () => {
      const { key } = await createKey(t, admin, {
        access_rights: { [keyed]: { ...rights(keyed), limit: { rate: 2, per: 60 } }, [other]: rights(other) },
        rate: 4,
        per: 60,
      });
      const h = { authorization: key };
      expect((await send(gw.url, '/keyed/x', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/keyed/x', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/keyed/x', { headers: h })).status).toBe(429);
      for (let i = 0; i < 4; i++) expect((await send(gw.url, '/other/x', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/other/x', { headers: h })).status).toBe(429);
    });

    it('enforces a quota exactly at the boundary, naming its renewal time', async () => {
      const { key } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) }, quota_max: 4, quota_renewal_rate: 3600 });
      const h = { authorization: key };
      for (let i = 0; i < 4; i++) expect((await send(gw.url, '/keyed/q', { headers: h })).status).toBe(200);
      const over = await send(gw.url, '/keyed/q', { headers: h });
      expect(over.status).toBe(403);
      const body = over.json<{ error: string; quota_renews: string }>();
      expect(body.error).toBe('Quota exceeded');
      const renews = Date.parse(body.quota_renews);
      expect(renews).toBeGreaterThan(Date.now() + 3500_000);
      expect(renews).toBeLessThanOrEqual(Date.now() + 3601_000);
      expect(Number(over.headers['x-quota-renews'])).toBe(Math.ceil(renews / 1000));
    });

    it('takes the limits of the key\'s policy when the key sets none', async () => {
      const res = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Two a minute', rate: 2, per: 60, access_rights: { [keyed]: rights(keyed) } } });
      const { key } = await createKey(t, admin, { apply_policies: [res.json().Message as string] });
      const h = { authorization: key };
      expect((await send(gw.url, '/keyed/p', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/keyed/p', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/keyed/p', { headers: h })).status).toBe(429);
    });
  });

  describe('configuration changes', () => {
    it('stops a revoked key within a second', async () => {
      const { key, hash } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) } });
      expect((await send(gw.url, '/keyed/x', { headers: { authorization: key } })).status).toBe(200);
      expect((await t.request('DELETE', `/api/keys/${hash}`, { key: admin })).statusCode).toBe(200);
      expect(await eventually(async () => (await send(gw.url, '/keyed/x', { headers: { authorization: key } })).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    });

    it('follows a key made inactive, an edited API, a changed policy and a deactivated API', async () => {
      const api = await createProxiedApi(t, admin, 'Moving', '/moving/', a.url);
      const pol = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Moving', access_rights: { [api]: rights(api) } } });
      const policyId = pol.json().Message as string;
      const viaPolicy = await createKey(t, admin, { apply_policies: [policyId] });
      const direct = await createKey(t, admin, { access_rights: { [api]: rights(api) } });
      const get = (key: string) => send(gw.url, '/moving/x', { headers: { authorization: key } });
      expect(await eventually(async () => (await get(direct.key)).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);
      expect((await get(viaPolicy.key)).json()).toMatchObject({ upstream: 'a' });

      const definition = (await t.request('GET', `/api/apis/${api}`, { key: admin })).json().api_definition as Record<string, unknown> & { proxy: Record<string, unknown> };
      definition.proxy.target_url = b.url;
      expect((await t.request('PUT', `/api/apis/${api}`, { key: admin, body: { api_definition: definition } })).statusCode).toBe(200);
      expect(await eventually(async () => (await get(direct.key)).json().upstream === 'b', WITHIN)).toBeGreaterThanOrEqual(0);

      expect((await t.request('PUT', `/api/keys/${direct.hash}`, { key: admin, body: { access_rights: { [api]: rights(api) }, is_inactive: true } })).statusCode).toBe(200);
      expect(await eventually(async () => (await get(direct.key)).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);

      expect((await t.request('PUT', `/api/portal/policies/${policyId}`, { key: admin, body: { name: 'Moving', access_rights: { [other]: rights(other) } } })).statusCode).toBe(200);
      expect(await eventually(async () => (await get(viaPolicy.key)).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);

      definition.active = false;
      expect((await t.request('PUT', `/api/apis/${api}`, { key: admin, body: { api_definition: definition } })).statusCode).toBe(200);
      expect(await eventually(async () => (await get(viaPolicy.key)).status === 404, WITHIN)).toBeGreaterThanOrEqual(0);
    });
  });

  describe('analytics and observability', () => {
    it('records every request; usage is scoped by API ownership', async () => {
      const teamGroup = await createGroup(t, admin, 'Team', { analytics: 'read', owned_analytics: 'read', apis: 'read' });
      const analyst = await createUser(t, admin, 'analyst@example.com', { groupId: teamGroup });
      const owned = await createProxiedApi(t, admin, 'Owned', '/owned/', a.url, { use_keyless: true });
      const foreign = await createProxiedApi(t, admin, 'Foreign', '/foreign/', a.url, { use_keyless: true });
      await setOwners(t, admin, owned, [], [teamGroup]);
      const otherGroup = await createGroup(t, admin, 'Others', { apis: 'read' });
      await setOwners(t, admin, foreign, [], [otherGroup]);
      expect(await eventually(async () => (await send(gw.url, '/foreign/x')).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < 3; i++) expect((await send(gw.url, `/owned/item/${i}`)).status).toBe(200);
      expect((await send(gw.url, '/foreign/x')).status).toBe(200);

      const d = new Date();
      const day = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
      type Row = { id: { api_id: string }; hits: number };
      const usage = async (key: string) => (await t.request('GET', `/api/usage/apis/${day}/${day}`, { key })).json<{ data: Row[] }>().data;
      const hitsOf = (rows: Row[], api: string) => rows.find((r) => r.id.api_id === api)?.hits ?? 0;
      expect(await eventually(async () => hitsOf(await usage(admin), owned) === 3 && hitsOf(await usage(admin), foreign) >= 2, 5000)).toBeGreaterThanOrEqual(0);
      const theirs = await usage(analyst.key);
      // Unowned APIs are everyone's; an API owned by another team is not theirs.
      expect(hitsOf(theirs, owned)).toBe(3);
      expect(theirs.map((r) => r.id.api_id)).not.toContain(foreign);
      const hidden = await t.request('GET', `/api/usage/apis/${foreign}/${day}/${day}`, { key: analyst.key });
      expect(hidden.statusCode).toBe(404);
    });

    it("records nothing for an API with Tyk's do_not_track (OAS: trafficLogs disabled), and still counts it in /metrics", async () => {
      const quiet = await createProxiedApi(t, admin, 'Quiet', '/quiet/', a.url, { use_keyless: true, do_not_track: true });
      const oas = await t.request('POST', '/api/apis/oas', {
        key: admin,
        body: {
          openapi: '3.0.3',
          info: { title: 'Quiet OAS', version: '1.0.0' },
          paths: {},
          'x-tyk-api-gateway': {
            info: { name: 'Quiet OAS', state: { active: true } },
            upstream: { url: a.url },
            server: { listenPath: { value: '/quiet-oas/', strip: true } },
            middleware: { global: { trafficLogs: { enabled: false } } },
          },
        },
      });
      expect(oas.statusCode, oas.body).toBe(200);
      const quietOas = oas.json<{ ID: string }>().ID;
      const tracked = await createProxiedApi(t, admin, 'Tracked', '/tracked/', a.url, { use_keyless: true });
      const requests = async () => Number(/^portcullis_gateway_requests_total (\d+)$/m.exec((await send(gw.url, '/metrics')).body)![1]);
      expect(await eventually(async () => (await send(gw.url, '/quiet-oas/x')).status === 200 && (await send(gw.url, '/tracked/x')).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);
      const before = await requests();
      for (let i = 0; i < 3; i++) {
        expect((await send(gw.url, `/quiet/${i}`)).status).toBe(200);
        expect((await send(gw.url, `/quiet-oas/${i}`)).status).toBe(200);
        expect((await send(gw.url, `/tracked/${i}`)).status).toBe(200);
      }
      expect(await requests()).toBeGreaterThanOrEqual(before + 9);
      const d = new Date();
      const day = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
      type Row = { id: { api_id: string }; hits: number };
      const usage = async () => (await t.request('GET', `/api/usage/apis/${day}/${day}?p=-1`, { key: admin })).json<{ data: Row[] }>().data;
      const hitsOf = (rows: Row[], api: string) => rows.find((r) => r.id.api_id === api)?.hits ?? 0;
      // Once the tracked API's records are in, the others' would be too (the same flush).
      expect(await eventually(async () => hitsOf(await usage(), tracked) >= 4, 5000)).toBeGreaterThanOrEqual(0);
      const rows = await usage();
      expect(hitsOf(rows, quiet)).toBe(0);
      expect(hitsOf(rows, quietOas)).toBe(0);
    });

    it('attributes keyed traffic to the key hash', async () => {
      const { key, hash } = await createKey(t, admin, { access_rights: { [keyed]: rights(keyed) } });
      for (let i = 0; i < 2; i++) expect((await send(gw.url, '/keyed/k', { headers: { authorization: key } })).status).toBe(200);
      const d = new Date();
      const day = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
      const hits = async () => {
        const rows = (await t.request('GET', `/api/usage/keys/${day}/${day}?p=-1`, { key: admin })).json<{ data: { id: { api_key: string }; hits: number }[] }>().data;
        return rows.find((r) => r.id.api_key === hash)?.hits ?? 0;
      };
      expect(await eventually(async () => (await hits()) === 2, 5000)).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify((await t.request('GET', `/api/usage/keys/${day}/${day}?p=-1`, { key: admin })).json())).not.toContain(key);
    });

    it("answers Tyk's health check, /hello, in Tyk's shape", async () => {
      const hello = await send(gw.url, '/hello');
      expect(hello.status).toBe(200);
      expect(hello.headers['content-type']).toContain('application/json');
      const body = hello.json() as { status: string; details: Record<string, { status: string; componentType: string; time: string }> };
      expect(body.status).toBe('pass');
      expect(body.details.database).toMatchObject({ status: 'pass', componentType: 'datastore' });
      expect(Number.isNaN(Date.parse(body.details.database!.time))).toBe(false);
    });

    it('answers /gateway/health and /metrics', async () => {
      const health = await send(gw.url, '/gateway/health');
      expect(health.status).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
      const metrics = await send(gw.url, '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.headers['content-type']).toContain('text/plain');
      expect(metrics.body).toMatch(/^portcullis_gateway_requests_total [1-9]\d*$/m);
      expect(metrics.body).toMatch(/^portcullis_gateway_responses_total\{class="2xx"\} [1-9]\d*$/m);
      expect(metrics.body).toMatch(/^portcullis_gateway_responses_total\{class="4xx"\} [1-9]\d*$/m);
      expect(metrics.body).toMatch(/^portcullis_gateway_upstream_latency_seconds_bucket\{le="\+Inf"\} [1-9]\d*$/m);
      expect(metrics.body).toMatch(/^portcullis_gateway_analytics_dropped_total 0$/m);
      expect(metrics.body).toMatch(/^portcullis_gateway_event_loop_delay_ms\{quantile="0.99"\} \d+(\.\d+)?$/m);
      expect(metrics.body).toMatch(/^portcullis_gateway_event_loop_delay_max_ms \d+(\.\d+)?$/m);
    });

    it('counts the garbage collector\'s pauses in /metrics', async () => {
      const pauses = async () => {
        const body = (await send(gw.url, '/metrics')).body;
        const count = /^portcullis_gateway_gc_pauses_total\{kind="minor"\} (\d+)$/m.exec(body);
        const seconds = /^portcullis_gateway_gc_seconds_total\{kind="minor"\} ([0-9.e+-]+)$/m.exec(body);
        expect(count, 'portcullis_gateway_gc_pauses_total{kind="minor"}').not.toBeNull();
        expect(seconds, 'portcullis_gateway_gc_seconds_total{kind="minor"}').not.toBeNull();
        return { count: Number(count![1]), seconds: Number(seconds![1]) };
      };
      const before = await pauses();
      // Short-lived garbage enough to fill the young generation several times over (the gateway runs in this process).
      let kept = 0;
      for (let i = 0; i < 200_000; i++) kept += new Array<number>(64).fill(i).length;
      expect(kept).toBe(200_000 * 64);
      // Entries reach the observer after the collection, on a later turn of the event loop.
      await expect.poll(async () => (await pauses()).count).toBeGreaterThan(before.count);
      expect((await pauses()).seconds).toBeGreaterThan(before.seconds);
    });
  });
});
