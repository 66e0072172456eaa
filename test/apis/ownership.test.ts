import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { classicApi, createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

interface Wrapper {
  api_definition: { api_id: string; name: string };
}

const names = (body: { apis: Wrapper[] }) => body.apis.map((w) => w.api_definition.name).sort();

describe('API ownership (enabled)', () => {
  let t: TestApp;
  let admin: string;
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  let teamA: { id: string; key: string };
  let teamB: { id: string; key: string };
  let analyst: { id: string; key: string };
  let bystander: { id: string; key: string };
  let groups: { a: string; b: string; analytics: string };

  beforeAll(async () => {
    t = await startTestApp({ TYK_DB_ENABLEOWNERSHIP: 'true' });
    admin = await t.bootstrap();
    groups = {
      a: await createGroup(t, admin, 'TeamA', { apis: 'write' }),
      b: await createGroup(t, admin, 'TeamB', { apis: 'write' }),
      analytics: await createGroup(t, admin, 'TeamAnalytics', { analytics: 'read' }),
    };
    teamA = await createUser(t, admin, 'a@example.com', { groupId: groups.a });
    teamB = await createUser(t, admin, 'b@example.com', { groupId: groups.b });
    analyst = await createUser(t, admin, 'an@example.com', { groupId: groups.analytics });
    bystander = await createUser(t, admin, 'by@example.com', { perms: { apis: 'write' } });
    api1 = await createApi(t, admin, 'API1', '/api1/');
    api2 = await createApi(t, admin, 'API2', '/api2/');
    await createApi(t, admin, 'Public', '/public/');
    await setOwners(t, admin, api1.apiId, [], [groups.a, groups.analytics]);
    await setOwners(t, admin, api2.apiId, [], [groups.b, groups.analytics]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows each team its own APIs plus the unowned ones, with pages counting only those', async () => {
    const a = await t.request('GET', '/api/apis', { key: teamA.key });
    expect(names(a.json())).toEqual(['API1', 'Public']);
    expect(a.json().pages).toBe(1);
    expect(names((await t.request('GET', '/api/apis', { key: teamB.key })).json())).toEqual(['API2', 'Public']);
    expect(names((await t.request('GET', '/api/apis', { key: bystander.key })).json())).toEqual(['Public']);
    expect(names((await t.request('GET', '/api/apis', { key: admin })).json())).toEqual(['API1', 'API2', 'Public']);
  });

  it("searches by name with Tyk's GET /api/apis/search, scoped like the list", async () => {
    const search = async (key: string, query: string) => {
      const res = await t.request('GET', `/api/apis/search${query}`, { key });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { apis: Wrapper[]; pages: number };
    };
    // No q: every API the caller can see, as GET /api/apis.
    expect(names(await search(teamA.key, ''))).toEqual(['API1', 'Public']);
    expect(names(await search(admin, '?p=-1'))).toEqual(['API1', 'API2', 'Public']);
    // A substring of the name, case-insensitively; a hidden API is not found.
    expect(names(await search(teamA.key, '?q=api'))).toEqual(['API1']);
    expect(names(await search(teamA.key, '?q=API2'))).toEqual([]);
    expect(names(await search(teamB.key, '?q=API2&p=1'))).toEqual(['API2']);
    expect((await search(teamB.key, '?q=API2')).pages).toBe(1);
    expect(names(await search(bystander.key, '?q=API'))).toEqual([]);
    expect((await t.request('GET', '/api/apis/search?q=API1', { key: analyst.key })).statusCode).toBe(403);
    const bad = await t.request('GET', '/api/apis/search?p=x', { key: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().Message).toMatch(/^p:/);
  });

  it('answers a hidden API exactly like one that never existed', async () => {
    const hidden = await t.request('GET', `/api/apis/${api2.apiId}`, { key: teamA.key });
    const never = await t.request('GET', '/api/apis/does-not-exist', { key: teamA.key });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(never.body);
    for (const [method, suffix, body] of [
      ['GET', '/access', undefined],
      ['PUT', '/access', { userIds: [], userGroupIds: [] }],
      ['PUT', '', classicApi('Stolen', '/stolen/')],
      ['DELETE', '', undefined],
    ] as const) {
      const h = await t.request(method, `/api/apis/${api2.apiId}${suffix}`, { key: teamA.key, body });
      const n = await t.request(method, `/api/apis/nope${suffix}`, { key: teamA.key, body });
      expect(h.statusCode, `${method} ${suffix}`).toBe(404);
      expect(h.body).toBe(n.body);
    }
    const byId = await t.request('GET', `/api/apis/${api2.id}`, { key: teamA.key });
    expect(byId.statusCode).toBe(404);
    const search = await t.request('GET', '/api/apis?q=API2', { key: teamA.key });
    expect(search.json()).toEqual({ apis: [], pages: 1 });
  });

  it('lets TeamA change API1 only, and TeamAnalytics change neither', async () => {
    expect((await t.request('PUT', `/api/apis/${api1.apiId}`, { key: teamA.key, body: classicApi('API1', '/api1/') })).statusCode).toBe(200);
    expect((await t.request('PUT', `/api/apis/${api2.apiId}`, { key: teamB.key, body: classicApi('API2', '/api2/') })).statusCode).toBe(200);
    expect((await t.request('PUT', `/api/apis/${api1.apiId}`, { key: teamB.key, body: classicApi('API1', '/api1/') })).statusCode).toBe(404);
    const analystPut = await t.request('PUT', `/api/apis/${api1.apiId}`, { key: analyst.key, body: classicApi('API1', '/api1/') });
    expect(analystPut.statusCode).toBe(403);
  });

  it('lets TeamAnalytics read the analytics of both APIs, and the API teams none', async () => {
    const at = new Date().toISOString();
    const rec = (apiId: string) => ({
      timestamp: at, api_id: apiId, method: 'GET', path: '/', response_code: 200,
      request_time: 1, upstream_time: 1, ip_address: '127.0.0.1', content_length: 0,
    });
    const ingest = await t.request('POST', '/api/analytics/records', { key: admin, body: { records: [rec(api1.apiId), rec(api2.apiId)] } });
    expect(ingest.statusCode).toBe(200);
    const d = new Date();
    const day = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
    const usage = await t.request('GET', `/api/usage/apis/${day}/${day}`, { key: analyst.key });
    expect(usage.statusCode).toBe(200);
    const ids = (usage.json().data as { id: { api_id: string } }[]).map((r) => r.id.api_id).sort();
    expect(ids).toEqual([api1.apiId, api2.apiId].sort());
    expect((await t.request('GET', `/api/usage/apis/${day}/${day}`, { key: teamA.key })).statusCode).toBe(403);
  });

  it('makes a non-administrator the owner of what they create', async () => {
    const res = await t.request('POST', '/api/apis', { key: bystander.key, body: classicApi('Mine', '/mine/') });
    expect(res.statusCode).toBe(200);
    const access = await t.request('GET', `/api/apis/${res.json().ID}/access`, { key: bystander.key });
    expect(access.json()).toEqual({ userIds: [bystander.id], userGroupIds: [] });
    expect(names((await t.request('GET', '/api/apis', { key: teamA.key })).json())).not.toContain('Mine');
  });

  it('refuses unknown owner ids with 400 naming them, changing nothing', async () => {
    const res = await t.request('PUT', `/api/apis/${api1.apiId}/access`, { key: admin, body: { userIds: ['999'], userGroupIds: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().Message).toContain('"999"');
    const access = await t.request('GET', `/api/apis/${api1.apiId}/access`, { key: admin });
    expect(access.json().userGroupIds.sort()).toEqual([groups.a, groups.analytics].sort());
  });

  it('refuses to delete the only owner unless a successor takes over', async () => {
    const solo = await createUser(t, admin, 'solo@example.com', { perms: { apis: 'write' } });
    const created = await t.request('POST', '/api/apis', { key: solo.key, body: classicApi('Solo', '/solo/') });
    const apiId = created.json().ID as string;
    const refused = await t.request('DELETE', `/api/users/${solo.id}`, { key: admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().Message).toContain('1 API');
    const moved = await t.request('DELETE', `/api/users/${solo.id}?successor_group=${groups.a}`, { key: admin });
    expect(moved.statusCode).toBe(200);
    const access = await t.request('GET', `/api/apis/${apiId}/access`, { key: admin });
    expect(access.json()).toEqual({ userIds: [], userGroupIds: [groups.a] });
    const groupRefused = await t.request('DELETE', `/api/usergroups/${groups.b}`, { key: admin });
    expect(groupRefused.statusCode).toBe(409);
  });
});

describe('API ownership (disabled)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows owned APIs to every user with the apis permission', async () => {
    const admin = await t.bootstrap();
    const g = await createGroup(t, admin, 'Owners', { apis: 'read' });
    const api = await createApi(t, admin, 'Owned', '/owned/');
    await setOwners(t, admin, api.apiId, [], [g]);
    const other = await createUser(t, admin, 'o@example.com', { perms: { apis: 'read' } });
    const res = await t.request('GET', `/api/apis/${api.apiId}`, { key: other.key });
    expect(res.statusCode).toBe(200);
  });
});
