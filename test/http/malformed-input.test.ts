import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser } from '../helpers/fixtures.js';

/*
 * Every write route, fed bad input: a 4xx naming the problem, never a 500, and
 * nothing written (the store's row counts and the audit log stay as they were).
 */
describe('malformed input on every write route', () => {
  let t: TestApp;
  let root: string;
  let userId: string;
  let groupId: string;
  let apiId: string;
  let policyId: string;
  let keyHash: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_BODY_LIMIT: '4096' });
    root = await t.bootstrap();
    groupId = await createGroup(t, root, 'G', { apis: 'read' });
    userId = (await createUser(t, root, 'u@example.com', { password: 'user-password-1' })).id;
    apiId = (await createApi(t, root, 'A', '/a/')).apiId;
    policyId = (await t.request('POST', '/api/portal/policies', { key: root, body: { name: 'P', access_rights: { [apiId]: { api_id: apiId } } } })).json()._id as string;
    keyHash = (await t.request('POST', '/api/keys', { key: root, body: { apply_policies: [policyId] } })).json().key_hash as string;
  });
  afterAll(async () => {
    await t.close();
  });

  const TABLES = ['users', 'user_groups', 'audit_logs', 'apis', 'api_owner_users', 'api_owner_groups', 'policies', 'policy_access_rights', 'keys', 'key_access_rights', 'key_policies', 'analytics_records', 'sessions', 'installation'] as const;

  async function snapshot(): Promise<string> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    const users = await t.store.db.selectFrom('users').select(['email', 'first_name', 'active', 'permissions', 'group_id', 'password_hash', 'access_key_hash']).orderBy('id').execute();
    const apis = await t.store.db.selectFrom('apis').select(['name', 'definition', 'active']).orderBy('id').execute();
    return JSON.stringify({ counts, users, apis });
  }

  type Case = { method: string; url: () => string; body: string; contentType?: string; expect: number; mentions?: string };

  const big = JSON.stringify({ first_name: 'x'.repeat(5000), last_name: 'y', email_address: 'big@example.com' });
  const routes: { method: string; url: () => string; valid: Record<string, unknown>; wrongType: Record<string, unknown>; field: string }[] = [
    { method: 'POST', url: () => '/api/users', valid: { first_name: 'a', last_name: 'b', email_address: 'n@example.com' }, wrongType: { active: 'yes' }, field: 'active' },
    { method: 'PUT', url: () => `/api/users/${userId}`, valid: { first_name: 'a' }, wrongType: { first_name: 7 }, field: 'first_name' },
    { method: 'POST', url: () => '/api/users/search', valid: { filters: { query: 'a' } }, wrongType: { filters: { query: 5 } }, field: 'filters.query' },
    { method: 'POST', url: () => `/api/users/${userId}/actions/reset`, valid: { current_password: 'user-password-1', new_password: 'user-password-2' }, wrongType: { new_password: 12345678 }, field: 'new_password' },
    { method: 'POST', url: () => '/api/usergroups', valid: { name: 'g2' }, wrongType: { name: ['x'] }, field: 'name' },
    { method: 'PUT', url: () => `/api/usergroups/${groupId}`, valid: { name: 'g3' }, wrongType: { active: 1 }, field: 'active' },
    { method: 'POST', url: () => '/api/apis', valid: { api_definition: { name: 'x', proxy: { listen_path: '/x/', target_url: 'http://127.0.0.1:1' } } }, wrongType: { api_definition: { name: 1, proxy: { listen_path: '/x/', target_url: 'http://h' } } }, field: 'api_definition.name' },
    { method: 'PUT', url: () => `/api/apis/${apiId}`, valid: { api_definition: { name: 'x', proxy: { listen_path: '/x/', target_url: 'http://127.0.0.1:1' } } }, wrongType: { api_definition: { name: 'x', active: 'no', proxy: { listen_path: '/x/', target_url: 'http://h' } } }, field: 'api_definition.active' },
    { method: 'PUT', url: () => `/api/apis/${apiId}/access`, valid: { userIds: [], userGroupIds: [] }, wrongType: { userIds: 'x', userGroupIds: [] }, field: 'userIds' },
    { method: 'POST', url: () => '/api/apis/oas', valid: { openapi: '3.0.3', info: {}, 'x-tyk-api-gateway': {} }, wrongType: { openapi: 3, info: {}, 'x-tyk-api-gateway': {} }, field: 'openapi' },
    { method: 'POST', url: () => '/api/portal/policies', valid: { name: 'p' }, wrongType: { name: 'p', rate: 'fast' }, field: 'rate' },
    { method: 'PUT', url: () => `/api/portal/policies/${policyId}`, valid: { name: 'p' }, wrongType: { name: 'p', quota_max: 1.5 }, field: 'quota_max' },
    { method: 'POST', url: () => '/api/keys', valid: { apply_policies: [] }, wrongType: { alias: 5 }, field: 'alias' },
    { method: 'PUT', url: () => `/api/keys/${keyHash}`, valid: { alias: 'k' }, wrongType: { is_inactive: 'true' }, field: 'is_inactive' },
    { method: 'POST', url: () => '/api/analytics/records', valid: { records: [] }, wrongType: { records: [{ api_id: 5 }] }, field: 'records' },
    { method: 'POST', url: () => '/auth/password/login', valid: { email: 'u@example.com', password: 'x' }, wrongType: { email: 'u@example.com', password: 5 }, field: 'password' },
    { method: 'POST', url: () => '/portal-api/bootstrap', valid: { username: 'b@example.com', password: 'bootstrap-1', first_name: 'a', last_name: 'b' }, wrongType: { username: 'b@example.com', password: 'bootstrap-1', first_name: 1, last_name: 'b' }, field: 'first_name' },
  ];

  // A readable route name for the test titles: the URL template as written above.
  const label = (r: { method: string; url: () => string }) => `${r.method} ${r.url.toString().replace(/^\(\) => /, '').replace(/[`']/g, '')}`;

  const cases: (Case & { name: string })[] = routes.flatMap((r) => [
    { name: `${label(r)}: malformed JSON`, method: r.method, url: r.url, body: '{"oops":', expect: 400, mentions: 'JSON' },
    { name: `${label(r)}: wrong type`, method: r.method, url: r.url, body: JSON.stringify({ ...r.valid, ...r.wrongType }), expect: 400, mentions: r.field },
    { name: `${label(r)}: unknown field`, method: r.method, url: r.url, body: JSON.stringify({ ...r.valid, surprise: true }), expect: 400, mentions: 'surprise' },
    // Analytics batches have a limit of their own (32 MiB).
    ...(r.url().includes('analytics') ? [] : [{ name: `${label(r)}: oversized`, method: r.method, url: r.url, body: big, expect: 413 }]),
    { name: `${label(r)}: wrong content type`, method: r.method, url: r.url, body: 'hello', contentType: 'text/plain', expect: 415 },
    { name: `${label(r)}: not an object`, method: r.method, url: r.url, body: '[1,2]', expect: 400 },
  ]);

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    const res = await t.request(c.method, c.url(), {
      key: c.url().startsWith('/api') ? root : undefined,
      body: c.body,
      headers: { 'content-type': c.contentType ?? 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(c.expect);
    const message = JSON.stringify(res.json());
    if (c.mentions) expect(message).toContain(c.mentions);
    expect(await snapshot()).toBe(before);
  });

  it('refuses missing required fields, naming them', async () => {
    const before = await snapshot();
    const res = await t.request('POST', '/api/users', { key: root, body: { first_name: 'a', last_name: 'b' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().Message).toBe('email_address: is required');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a DELETE with a malformed id as an absent object, writing nothing', async () => {
    const before = await snapshot();
    for (const url of ['/api/users/not-a-number', '/api/usergroups/1e9', '/api/portal/policies/x', '/api/keys/zzz', '/api/apis/..']) {
      const res = await t.request('DELETE', url, { key: root });
      expect(res.statusCode, url).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });
});
