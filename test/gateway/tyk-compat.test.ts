import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createKey, createProxiedApi, eventually, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';

/** An OAS API as Tyk's Dashboard takes it, its key where `security` says. */
function oasApi(id: string, listenPath: string, target: string, schemes: Record<string, unknown>, tyk: Record<string, unknown>, strip = false) {
  return {
    openapi: '3.0.3',
    info: { title: id, version: '1.0.0' },
    paths: {},
    components: { securitySchemes: schemes },
    security: Object.keys(schemes).map((name) => ({ [name]: [] })),
    'x-tyk-api-gateway': {
      info: { id, name: id, state: { active: true } },
      upstream: { url: target },
      server: { listenPath: { value: listenPath, strip: true }, authentication: { enabled: true, ...(strip ? { stripAuthorizationData: true } : {}), securitySchemes: tyk } },
    },
  };
}

/** Issue 14, gateway items: what Tyk's gateway answers, and how it reads a definition. */
describe('the gateway as Tyk clients expect it', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let gw: RunningGateway;
  let tyk: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream('up');
    tyk = await createProxiedApi(t, admin, 'Tyk style', '/tyk/', up.url, { auth: { auth_header_name: 'x-api-key' } });
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
  });

  describe("Tyk's messages and statuses (item 12)", () => {
    it('answers missing 401, unknown 403, rate 429 and quota 403 with Tyk\'s messages', async () => {
      const missing = await send(gw.url, '/tyk/x');
      expect(missing.status).toBe(401);
      expect(missing.json().error).toBe('Authorization field missing');

      const unknown = await send(gw.url, '/tyk/x', { headers: { 'x-api-key': 'no-such-key' } });
      expect(unknown.status).toBe(403);
      expect(unknown.json().error).toBe('Access to this API has been disallowed');

      const rated = await createKey(t, admin, { access_rights: { [tyk]: rights(tyk) }, rate: 1, per: 60 });
      expect((await send(gw.url, '/tyk/x', { headers: { 'x-api-key': rated.key } })).status).toBe(200);
      const limited = await send(gw.url, '/tyk/x', { headers: { 'x-api-key': rated.key } });
      expect(limited.status).toBe(429);
      expect(limited.json().error).toBe('API Rate limit exceeded');

      const quoted = await createKey(t, admin, { access_rights: { [tyk]: rights(tyk) }, quota_max: 1, quota_renewal_rate: 3600 });
      expect((await send(gw.url, '/tyk/x', { headers: { 'x-api-key': quoted.key } })).status).toBe(200);
      const over = await send(gw.url, '/tyk/x', { headers: { 'x-api-key': quoted.key } });
      expect(over.status).toBe(403);
      // The message is Tyk's, exactly; when the quota renews is said in headers.
      expect(over.json().error).toBe('Quota exceeded');
      expect(Number(over.headers['x-quota-renews'])).toBeGreaterThan(Date.now() / 1000 + 3500);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(3500);
    });
  });

  describe('OAS APIs take the key where their security schemes say (item 14)', () => {
    async function create(body: unknown): Promise<void> {
      const res = await t.request('POST', '/api/apis/oas', { key: admin, body });
      expect(res.statusCode, res.body).toBe(200);
    }
    async function keyFor(...apis: string[]): Promise<string> {
      return (await createKey(t, admin, { access_rights: Object.fromEntries(apis.map((a) => [a, rights(a)])) })).key;
    }
    /** Waits until the gateway serves `path` (a new API reaches it within a poll). */
    async function served(path: string): Promise<void> {
      expect(await eventually(async () => (await send(gw.url, path)).status !== 404, 2000)).toBeGreaterThanOrEqual(0);
    }

    it('reads the header name of an apiKey scheme in components.securitySchemes', async () => {
      await create(oasApi('oas-header', '/oas-header/', up.url, { api_key: { type: 'apiKey', in: 'header', name: 'x-api-key' } }, { api_key: { enabled: true } }));
      await served('/oas-header/x');
      const key = await keyFor('oas-header');
      const ok = await send(gw.url, '/oas-header/x', { headers: { 'x-api-key': key } });
      expect(ok.status).toBe(200);
      // Not in Authorization: that is not where this API takes its key.
      const wrong = await send(gw.url, '/oas-header/x', { headers: { authorization: key } });
      expect(wrong.status).toBe(401);
      expect(wrong.json().error).toBe('Authorization field missing');
      // The Dashboard shows the same place in the Classic view.
      const def = await t.request('GET', '/api/apis/oas-header', { key: admin });
      expect(def.json().api_definition.auth).toMatchObject({ auth_header_name: 'x-api-key' });
    });

    it('lets x-tyk-api-gateway rename the header, and add a query parameter and a cookie', async () => {
      await create(
        oasApi('oas-places', '/oas-places/', up.url, { token: { type: 'apiKey', in: 'header', name: 'x-api-key' } }, {
          token: { enabled: true, header: { enabled: true, name: 'X-Tenant-Key' }, query: { enabled: true, name: 'api_key' }, cookie: { enabled: true, name: 'tenant_key' } },
        }),
      );
      await served('/oas-places/x');
      const key = await keyFor('oas-places');
      expect((await send(gw.url, '/oas-places/x', { headers: { 'x-tenant-key': key } })).status).toBe(200);
      expect((await send(gw.url, '/oas-places/x', { headers: { 'x-api-key': key } })).status).toBe(401);
      const byQuery = await send(gw.url, `/oas-places/x?api_key=${encodeURIComponent(key)}&y=1`);
      expect(byQuery.status).toBe(200);
      const byCookie = await send(gw.url, '/oas-places/x', { headers: { cookie: `theme=dark; tenant_key=${encodeURIComponent(key)}` } });
      expect(byCookie.status).toBe(200);
      expect(byCookie.json<{ headers: Record<string, string> }>().headers.cookie).toContain('tenant_key=');
      expect((await send(gw.url, '/oas-places/x', { headers: { cookie: 'tenant_key=nope' } })).status).toBe(403);
    });

    it('takes the key from a query or cookie scheme alone when x-tyk-api-gateway turns the header off', async () => {
      await create(oasApi('oas-query', '/oas-query/', up.url, { q: { type: 'apiKey', in: 'query', name: 'key' } }, { q: { enabled: true, header: { enabled: false } } }, true));
      await create(oasApi('oas-cookie', '/oas-cookie/', up.url, { c: { type: 'apiKey', in: 'cookie', name: 'sid' } }, { c: { enabled: true } }, true));
      await served('/oas-query/x');
      await served('/oas-cookie/x');
      const key = await keyFor('oas-query', 'oas-cookie');
      const byQuery = await send(gw.url, `/oas-query/x?key=${encodeURIComponent(key)}&y=1`);
      expect(byQuery.status).toBe(200);
      // stripAuthorizationData: the key does not go upstream.
      expect(byQuery.json().url).toBe('/x?y=1');
      expect((await send(gw.url, '/oas-query/x', { headers: { authorization: key } })).status).toBe(401);
      const byCookie = await send(gw.url, '/oas-cookie/x', { headers: { cookie: `sid=${key}; theme=dark` } });
      expect(byCookie.status).toBe(200);
      expect(byCookie.json<{ headers: Record<string, string> }>().headers.cookie).toBe('theme=dark');
      // The header stays on for a cookie scheme unless turned off, as in Tyk.
      expect((await send(gw.url, '/oas-cookie/x', { headers: { authorization: key } })).status).toBe(200);
    });
  });

  describe("version_data's extended_paths: ignored, white_list, black_list (item 13)", () => {
    function lists(extended: Record<string, unknown>, use = true) {
      return { version_data: { not_versioned: true, versions: { Default: { name: 'Default', use_extended_paths: use, extended_paths: extended } } } };
    }
    const noAction = { action: 'no_action', code: 200, data: '', headers: {} };

    it('lets ignored paths through without a key, for the methods they name', async () => {
      const api = await createProxiedApi(
        t,
        admin,
        'Ignored',
        '/ign/',
        up.url,
        lists({
          ignored: [
            { path: '/health', method_actions: { GET: noAction } },
            { path: '/public/{id}', method: 'GET', ignore_case: true },
            { path: '/hello', method_actions: { GET: { action: 'reply', code: 202, data: '{"hello":"tyk"}', headers: { 'content-type': 'application/json', 'x-mock': 'yes' } } } },
          ],
        }),
      );
      expect(await eventually(async () => (await send(gw.url, '/ign/health')).status === 200, 2000)).toBeGreaterThanOrEqual(0);
      expect((await send(gw.url, '/ign/health')).json().url).toBe('/health');
      expect((await send(gw.url, '/ign/PUBLIC/7')).status).toBe(200);
      // Another method, or a path the list does not name, needs a key as usual.
      expect((await send(gw.url, '/ign/health', { method: 'POST' })).status).toBe(401);
      expect((await send(gw.url, '/ign/private')).status).toBe(401);
      const key = (await createKey(t, admin, { access_rights: { [api]: rights(api) } })).key;
      expect((await send(gw.url, '/ign/private', { headers: { authorization: key } })).status).toBe(200);
      // A reply action answers for the upstream.
      const seen = up.seen.length;
      const mocked = await send(gw.url, '/ign/hello');
      expect(mocked.status).toBe(202);
      expect(mocked.headers['x-mock']).toBe('yes');
      expect(mocked.json()).toEqual({ hello: 'tyk' });
      expect(up.seen.length).toBe(seen);
    });

    it('refuses what the white list does not name and what the black list names, before the key', async () => {
      const white = await createProxiedApi(
        t,
        admin,
        'White',
        '/white/',
        up.url,
        lists({ white_list: [{ path: '/items', method_actions: { GET: noAction } }, { path: '/items/{id}', method_actions: { GET: noAction, DELETE: noAction } }] }),
      );
      const black = await createProxiedApi(t, admin, 'Black', '/black/', up.url, lists({ black_list: [{ path: '/admin', method_actions: { DELETE: noAction } }, { path: '/secret', method: 'GET' }] }));
      const key = (await createKey(t, admin, { access_rights: { [white]: rights(white), [black]: rights(black) } })).key;
      const h = { authorization: key };
      expect(await eventually(async () => (await send(gw.url, '/black/x', { headers: h })).status === 200, 2000)).toBeGreaterThanOrEqual(0);

      expect((await send(gw.url, '/white/items', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/white/items/3', { method: 'DELETE', headers: h })).status).toBe(200);
      const other = await send(gw.url, '/white/orders', { headers: h });
      expect(other.status).toBe(403);
      expect(other.json().error).toBe('Requested endpoint is forbidden');
      expect((await send(gw.url, '/white/items', { method: 'POST', headers: h })).status).toBe(403);
      // Checked before the credential, as Tyk does.
      expect((await send(gw.url, '/white/orders')).status).toBe(403);
      expect((await send(gw.url, '/white/items')).status).toBe(401);

      const blocked = await send(gw.url, '/black/admin/users', { method: 'DELETE', headers: h });
      expect(blocked.status).toBe(403);
      expect(blocked.json().error).toBe('Requested endpoint is forbidden');
      expect((await send(gw.url, '/black/admin/users', { headers: h })).status).toBe(200);
      expect((await send(gw.url, '/black/secret', { headers: h })).status).toBe(403);
      expect((await send(gw.url, '/black/secret', { method: 'POST', headers: h })).status).toBe(200);
    });

    it('refuses a list pattern RE2 cannot compile, naming the field', async () => {
      const res = await t.request('POST', '/api/apis', {
        key: admin,
        body: { api_definition: { name: 'Bad', proxy: { listen_path: '/bad/', target_url: up.url }, ...lists({ black_list: [{ path: '/(?=x)', method: 'GET' }] }) } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('api_definition.version_data.versions.Default.extended_paths.black_list.0.path');
    });
  });
});
