import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser } from '../helpers/fixtures.js';

/*
 * What the generated fuzz suite (fuzz.test.ts) cannot tell from the OpenAPI
 * document: each write route's valid body is accepted and seen by the
 * snapshot (so a refusal that leaves it unchanged wrote nothing); a route that
 * takes no body (DELETE, revoke, key reset, sign-out) accepts none, an empty one
 * or `{}` — Tyk clients send `{}` with DELETE — and acts; form sign-ins with
 * unknown or repeated fields; malformed ids answer like unknown ones; a
 * malformed bootstrap before any administrator exists creates nobody. Malformed
 * JSON, wrong types, unknown and missing fields, non-object bodies, 413 and 415
 * are checked on every operation by the fuzz suite.
 */

const LIMIT = 4096;
const JSON_TYPE = { 'content-type': 'application/json' };

interface Target {
  url: string;
  /** A session cookie the route would end if it wrongly acted. */
  session?: string;
  /** An access key the route would end if it wrongly acted. */
  key?: string;
}

interface Route {
  method: string;
  /** The URL template, for test names. */
  path: string;
  /** Creates what the route acts on, fresh for each case, so that one wrong write cannot spoil the next case. */
  target: () => Promise<Target>;
  /** A body the route accepts (undefined: the route takes no body); a function when it needs what beforeAll made. */
  valid?: Record<string, unknown> | (() => Record<string, unknown>);
  /** A read (search) or a write the snapshot cannot see (analytics records); left out of the control. */
  writesNothingVisible?: boolean;
  /** Signed in with the session cookie instead of the administrator's key. */
  anonymous?: boolean;
}

describe('malformed input on every write route', () => {
  let t: TestApp;
  let root: string;
  let seq = 0;
  let sharedPolicy = '';
  const unique = (prefix: string) => `${prefix}-${++seq}`;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_BODY_LIMIT: String(LIMIT) });
    root = await t.bootstrap();
    await createGroup(t, root, 'Existing group', { apis: 'read' });
    sharedPolicy = await freshPolicy();
  });
  afterAll(async () => {
    await t.close();
  });

  const ok = async (res: LightMyRequestResponse, what: string) => {
    if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };

  async function freshUser(): Promise<{ id: string; key: string }> {
    return createUser(t, root, `${unique('user')}@example.com`, { perms: { apis: 'read' } });
  }
  async function freshSession(): Promise<string> {
    const email = `${unique('signed-in')}@example.com`;
    await createUser(t, root, email, { password: 'signed-in-password-1' });
    const res = await t.request('POST', '/auth/password/login', { body: { email, password: 'signed-in-password-1' } });
    await ok(res, 'sign in');
    return sessionFrom(res)!;
  }
  async function freshApi(): Promise<string> {
    return (await createApi(t, root, unique('API'), `/${unique('api')}/`)).apiId;
  }
  async function freshPolicy(): Promise<string> {
    const apiId = await freshApi();
    const body = await ok(await t.request('POST', '/api/portal/policies', { key: root, body: { name: unique('policy'), access_rights: { [apiId]: { api_id: apiId } } } }), 'policy');
    return body.Message as string;
  }
  async function freshKey(): Promise<string> {
    const policyId = await freshPolicy();
    const body = await ok(await t.request('POST', '/api/keys', { key: root, body: { apply_policies: [policyId] } }), 'key');
    return body.key_hash as string;
  }

  /** Everything a wrongful write could change, read through the API. */
  async function snapshot(target: Target): Promise<string> {
    const read = async (url: string) => {
      const res = await t.request('GET', url, { key: root });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json() as unknown;
    };
    const audit = (await read('/api/audit-logs?p=-1')) as { audit_logs: { _id: string }[] };
    const still = async (opts: { key?: string; session?: string }) => (await t.request('GET', '/api/users/me', opts)).statusCode;
    return JSON.stringify({
      users: await read('/api/users?p=-1'),
      groups: await read('/api/usergroups?p=-1'),
      auditCount: audit.audit_logs.length,
      newestAudit: audit.audit_logs[0]?._id,
      apis: await read('/api/apis?p=-1'),
      policies: await read('/api/portal/policies?p=-1'),
      keys: await read('/api/keys?p=-1'),
      rootKeyWorks: await still({ key: root }),
      targetKeyWorks: target.key ? await still({ key: target.key }) : null,
      targetSessionWorks: target.session ? await still({ session: target.session }) : null,
    });
  }

  const classic = (name: string) => ({ api_definition: { name, proxy: { listen_path: `/${name}/`, target_url: 'http://127.0.0.1:1' } } });

  const routes: Route[] = [
    // Users
    {
      method: 'POST',
      path: '/api/users',
      target: async () => ({ url: '/api/users' }),
      valid: { first_name: 'New', last_name: 'User', email_address: 'new@example.com', password: 'new-user-password-1', user_permissions: { apis: 'read' } },
    },
    {
      method: 'PUT',
      path: '/api/users/{id}',
      target: async () => {
        const u = await freshUser();
        return { url: `/api/users/${u.id}`, key: u.key };
      },
      valid: { first_name: 'Changed', active: false, user_permissions: { apis: 'write' } },
    },
    {
      method: 'DELETE',
      path: '/api/users/{id}',
      target: async () => {
        const u = await freshUser();
        return { url: `/api/users/${u.id}`, key: u.key };
      },
    },
    {
      method: 'POST',
      path: '/api/users/search',
      target: async () => ({ url: '/api/users/search' }),
      valid: { filters: { query: 'a' } },
      writesNothingVisible: true,
    },
    {
      method: 'PUT',
      path: '/api/users/{id}/actions/key/reset',
      target: async () => {
        const u = await freshUser();
        return { url: `/api/users/${u.id}/actions/key/reset`, key: u.key };
      },
    },
    {
      method: 'POST',
      path: '/api/users/{id}/actions/reset',
      target: async () => {
        const u = await freshUser();
        return { url: `/api/users/${u.id}/actions/reset`, key: u.key };
      },
      valid: { new_password: 'another-password-2' },
    },
    {
      method: 'PUT',
      path: '/api/users/{id}/actions/revoke',
      target: async () => {
        const u = await freshUser();
        return { url: `/api/users/${u.id}/actions/revoke`, key: u.key };
      },
    },
    // User groups
    {
      method: 'POST',
      path: '/api/usergroups',
      target: async () => ({ url: '/api/usergroups' }),
      valid: { name: 'New group', description: 'd', user_permissions: { apis: 'read' } },
    },
    {
      method: 'PUT',
      path: '/api/usergroups/{id}',
      target: async () => ({ url: `/api/usergroups/${await createGroup(t, root, unique('group'), { apis: 'read' })}` }),
      valid: { name: 'Renamed', active: false },
    },
    {
      method: 'DELETE',
      path: '/api/usergroups/{id}',
      target: async () => ({ url: `/api/usergroups/${await createGroup(t, root, unique('group'), { apis: 'read' })}` }),
    },
    // Sign-in, sign-out, bootstrap
    {
      method: 'POST',
      path: '/auth/password/login',
      anonymous: true,
      target: async () => ({ url: '/auth/password/login' }),
      valid: { email: ADMIN.email, password: ADMIN.password },
    },
    {
      method: 'POST',
      path: '/auth/password/logout',
      anonymous: true,
      target: async () => ({ url: '/auth/password/logout', session: await freshSession() }),
    },
    {
      method: 'POST',
      path: '/portal-api/bootstrap',
      anonymous: true,
      target: async () => ({ url: '/portal-api/bootstrap' }),
      valid: { username: 'second@example.com', password: 'bootstrap-password-1', first_name: 'a', last_name: 'b' },
    },
    // Later issues' write routes, held to the same rule.
    {
      method: 'POST',
      path: '/api/apis',
      target: async () => ({ url: '/api/apis' }),
      valid: classic('x'),
    },
    {
      method: 'PUT',
      path: '/api/apis/{id}',
      target: async () => ({ url: `/api/apis/${await freshApi()}` }),
      valid: classic('y'),
    },
    { method: 'DELETE', path: '/api/apis/{id}', target: async () => ({ url: `/api/apis/${await freshApi()}` }) },
    {
      method: 'PUT',
      path: '/api/apis/{id}/access',
      target: async () => ({ url: `/api/apis/${await freshApi()}/access` }),
      valid: { userIds: [], userGroupIds: [] },
    },
    {
      method: 'POST',
      path: '/api/apis/oas',
      target: async () => ({ url: '/api/apis/oas' }),
      valid: {
        openapi: '3.0.3',
        info: { title: 'OAS', version: '1.0.0' },
        paths: {},
        'x-tyk-api-gateway': {
          info: { name: 'OAS', state: { active: true } },
          upstream: { url: 'http://127.0.0.1:9/' },
          server: { listenPath: { value: '/oas/', strip: true } },
        },
      },
    },
    {
      method: 'POST',
      path: '/api/portal/policies',
      target: async () => ({ url: '/api/portal/policies' }),
      valid: { name: 'p' },
    },
    {
      method: 'PUT',
      path: '/api/portal/policies/{id}',
      target: async () => ({ url: `/api/portal/policies/${await freshPolicy()}` }),
      valid: { name: 'p' },
    },
    { method: 'DELETE', path: '/api/portal/policies/{id}', target: async () => ({ url: `/api/portal/policies/${await freshPolicy()}` }) },
    {
      method: 'POST',
      path: '/api/keys',
      target: async () => ({ url: '/api/keys' }),
      valid: () => ({ apply_policies: [sharedPolicy] }),
    },
    {
      method: 'PUT',
      path: '/api/keys/{hash}',
      target: async () => ({ url: `/api/keys/${await freshKey()}` }),
      valid: { alias: 'k' },
    },
    { method: 'DELETE', path: '/api/keys/{hash}', target: async () => ({ url: `/api/keys/${await freshKey()}` }) },
    {
      method: 'POST',
      path: '/api/analytics/records',
      target: async () => ({ url: '/api/analytics/records' }),
      valid: { records: [] },
      writesNothingVisible: true,
    },
  ];

  it('control: each route accepts its valid body (or none), and the snapshot sees what it writes', async () => {
    for (const route of routes) {
      if (route.path === '/portal-api/bootstrap') continue; // Answers 409 here; see the bootstrap block below.
      const target = await route.target();
      const before = await snapshot(target);
      const body = typeof route.valid === 'function' ? route.valid() : route.valid;
      const res = await t.request(route.method, target.url, {
        key: route.anonymous ? undefined : root,
        session: route.anonymous ? target.session : undefined,
        body,
      });
      expect(res.statusCode, `${route.method} ${route.path}: ${res.body}`).toBe(200);
      if (route.writesNothingVisible) continue;
      expect(await snapshot(target), `${route.method} ${route.path} left no trace`).not.toBe(before);
    }
  });

  it('a route that takes no body acts on no body, an empty JSON body or {}, with or without the JSON type (as Tyk clients send them)', async () => {
    const bodiless = routes.filter((r) => r.valid === undefined);
    expect(bodiless.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /api/apis/{id}',
      'DELETE /api/keys/{hash}',
      'DELETE /api/portal/policies/{id}',
      'DELETE /api/usergroups/{id}',
      'DELETE /api/users/{id}',
      'POST /auth/password/logout',
      'PUT /api/users/{id}/actions/key/reset',
      'PUT /api/users/{id}/actions/revoke',
    ]);
    const variants: [string, string | undefined, Record<string, string>][] = [
      // Many client libraries send the JSON type on every request, with no body at all (no length: HTTP says none) or an empty chunked one.
      ['no body but the JSON type', undefined, JSON_TYPE],
      ['an empty chunked JSON body', '', { ...JSON_TYPE, 'transfer-encoding': 'chunked' }],
      ['{}', '{}', JSON_TYPE],
      ['{} with a charset', '{ }', { 'content-type': 'application/json; charset=utf-8' }],
      ['an empty JSON body', '', { ...JSON_TYPE, 'content-length': '0' }],
      ['an empty form', '', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' }],
    ];
    for (const route of bodiless) {
      for (const [what, body, headers] of variants) {
        const target = await route.target();
        const before = await snapshot(target);
        const res = await t.request(route.method, target.url, {
          key: route.anonymous ? undefined : root,
          session: route.anonymous ? target.session : undefined,
          body,
          headers,
        });
        expect(res.statusCode, `${route.method} ${route.path} with ${what}: ${res.body}`).toBe(200);
        expect(await snapshot(target), `${route.method} ${route.path} with ${what} left no trace`).not.toBe(before);
      }
    }
  });

  it('a form sign-in with an unknown or repeated field is refused and signs nobody in', async () => {
    const before = await snapshot({ url: '' });
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const login = `login=${encodeURIComponent(ADMIN.email)}&password=${encodeURIComponent(ADMIN.password)}`;
    const unknown = await t.request('POST', '/auth/password/login', { body: `${login}&surprise=1`, headers: form });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().Message).toContain('surprise');
    const repeated = await t.request('POST', '/auth/password/login', { body: `${login}&password=other`, headers: form });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().Message).toContain('password');
    const huge = await t.request('POST', '/auth/password/login', { body: `${login}&x=${'y'.repeat(LIMIT)}`, headers: form });
    expect(huge.statusCode).toBe(413);
    for (const res of [unknown, repeated, huge]) expect(sessionFrom(res)).toBeUndefined();
    expect(await snapshot({ url: '' })).toBe(before);
  });

  it('malformed ids and query values are refused without a write', async () => {
    const victim = await freshUser();
    const before = await snapshot({ url: '', key: victim.key });
    for (const [method, url] of [
      ['DELETE', '/api/users/not-a-number'],
      ['PUT', '/api/users/1e9/actions/revoke'],
      ['PUT', '/api/users/-1/actions/key/reset'],
      ['DELETE', '/api/usergroups/1e9'],
      ['DELETE', '/api/portal/policies/x'],
      ['DELETE', '/api/keys/zzz'],
      ['DELETE', '/api/apis/..'],
      // Well-formed, but past every id column (PostgreSQL integer): they name nothing either.
      ['GET', '/api/users/99999999999'],
      ['DELETE', '/api/users/2147483648'],
      ['GET', '/portal/api/products/99999999999'],
    ] as const) {
      const res = await t.request(method, url, { key: root });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    const badSuccessor = await t.request('DELETE', `/api/users/${victim.id}?successor_user=abc`, { key: root });
    expect(badSuccessor.statusCode).toBe(400);
    expect(badSuccessor.json().Message).toContain('successor_user');
    const badPage = await t.request('POST', '/api/users/search?p=many', { key: root, body: { filters: { query: 'a' } } });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json().Message).toMatch(/^p: /);
    for (const p of ['1e300', '99999999999999999999']) {
      const res = await t.request('GET', `/api/users?p=${p}`, { key: root });
      expect(res.statusCode, `p=${p}: ${res.body}`).toBe(400);
      expect(res.json().Message).toMatch(/^p: /);
    }
    expect(await snapshot({ url: '', key: victim.key })).toBe(before);
  });
});

describe('bodies from callers without a verified credential', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('are never read: the analytics batch route (32 MiB) authenticates first, public forms stop at 64 KiB', async () => {
    // Malformed on purpose: a parsed body would answer 400, an unread one 401.
    const records = Array.from({ length: 800 }, () => ({ api_id: 'x', method: 'GET', path: '/'.repeat(100) }));
    const body = JSON.stringify({ records }).slice(0, -1);
    expect(body.length).toBeGreaterThan(64 * 1024);
    const anonymous = await t.request('POST', '/api/analytics/records', { body, headers: JSON_TYPE });
    expect(anonymous.statusCode, anonymous.body).toBe(401);
    const forged = await t.request('POST', '/api/analytics/records', { body, headers: { ...JSON_TYPE, 'x-gateway-secret': 'guess' } });
    expect(forged.statusCode, forged.body).toBe(401);
    const signIn = await t.request('POST', '/auth/password/login', { body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(70 * 1024) }), headers: JSON_TYPE });
    expect(signIn.statusCode, signIn.body).toBe(413);
    // A known caller's batch of the same size is read (and refused as the malformed JSON it is).
    const root = await t.bootstrap();
    const known = await t.request('POST', '/api/analytics/records', { key: root, body, headers: JSON_TYPE });
    expect(known.statusCode, known.body).toBe(400);
    expect(known.json().Message).toContain('JSON');
  });
});

describe('malformed bootstrap before any administrator exists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_BODY_LIMIT: String(LIMIT) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates no administrator and writes no audit entry; the real bootstrap still succeeds afterwards', async () => {
    const valid = { username: ADMIN.email, password: ADMIN.password, first_name: ADMIN.first, last_name: ADMIN.last };
    const attempts: [string, string, string, number][] = [
      ['malformed JSON', '{"username":', 'application/json', 400],
      ['wrong type', JSON.stringify({ ...valid, first_name: 1 }), 'application/json', 400],
      ['unknown field', JSON.stringify({ ...valid, IsAdmin: 'admin' }), 'application/json', 400],
      ['missing password', JSON.stringify({ ...valid, password: undefined }), 'application/json', 400],
      ['not an email', JSON.stringify({ ...valid, username: 'root' }), 'application/json', 400],
      ['oversized', JSON.stringify({ ...valid, last_name: 'x'.repeat(LIMIT) }), 'application/json', 413],
      ['text/plain', JSON.stringify(valid), 'text/plain', 415],
      ['an array', JSON.stringify([valid]), 'application/json', 400],
    ];
    for (const [name, body, contentType, status] of attempts) {
      const res = await t.request('POST', '/portal-api/bootstrap', { body, headers: { 'content-type': contentType } });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.json(), name).toMatchObject({ status: 'error', errors: [expect.any(String)] });
    }
    // Nobody was created: signing in with those credentials fails, and the bootstrap is still open.
    expect((await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } })).statusCode).toBe(401);
    const root = await t.bootstrap();
    const log = await t.request('GET', '/api/audit-logs?p=-1', { key: root });
    const actions = (log.json().audit_logs as { action: string }[]).map((e) => e.action);
    // The failed sign-in just above and the bootstrap; none of the malformed attempts.
    expect(actions.sort()).toEqual(['bootstrap', 'login.failed']);
    const users = await t.request('GET', '/api/users?p=-1', { key: root });
    expect(users.json().users).toHaveLength(1);
  });
});

describe('JSON content type variants', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts application/json with a charset', async () => {
    const res = await t.request('POST', '/api/usergroups', { key: root, body: JSON.stringify({ name: 'charset' }), headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses an empty JSON body on a route that needs one, naming the body', async () => {
    const groups = async () => (await t.request('GET', '/api/usergroups?p=-1', { key: root })).body;
    const before = await groups();
    const res = await t.request('POST', '/api/usergroups', { key: root, body: '', headers: JSON_TYPE });
    expect(res.statusCode).toBe(400);
    expect(res.json().Message).toContain('body');
    expect(await groups()).toBe(before);
  });
});
