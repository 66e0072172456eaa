import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * Issue 14, item 11: Tyk's activity views. TeamA owns API1, TeamB owns API2.
 * keyA grants API1; keyAB grants both. Records are written the way gateways
 * write them (POST /api/analytics/records with the gateway secret). A TeamA
 * analyst (owned_analytics) sees only API1's traffic, and TeamB's key and API
 * answer like missing ones.
 */

const SECRET = 'gateway-secret-for-activity-tests-0123';
const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });
const RANGE = '1/3/2026/2/3/2026';

interface Row {
  id: Record<string, string>;
  hits: number;
  success: number;
  error: number;
  last_hit?: string;
}

describe('Tyk activity views (/api/activity/...)', () => {
  let t: TestApp;
  let root: string;
  let analystA: string;
  let analystB: string;
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  let keyA = { key: '', hash: '' };
  let keyAB = { key: '', hash: '' };
  let keyB = { key: '', hash: '' };

  const get = async (url: string, key = root) => {
    const res = await t.request('GET', url, { key });
    return { status: res.statusCode, body: res.body, json: () => res.json() as { data: Row[]; pages: number } };
  };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_GATEWAY_SECRET: SECRET });
    root = await t.bootstrap();
    const perms = { analytics: 'read', owned_analytics: 'read', keys: 'read' };
    const a = await createGroup(t, root, 'TeamA', perms);
    const b = await createGroup(t, root, 'TeamB', perms);
    analystA = (await createUser(t, root, 'analyst-a@example.com', { groupId: a })).key;
    analystB = (await createUser(t, root, 'analyst-b@example.com', { groupId: b })).key;
    api1 = await createApi(t, root, 'API1', '/one/');
    api2 = await createApi(t, root, 'API2', '/two/');
    await setOwners(t, root, api1.apiId, [], [a]);
    await setOwners(t, root, api2.apiId, [], [b]);
    const key = async (alias: string, apis: string[]) => {
      const res = await t.request('POST', '/api/keys', { key: root, body: { alias, access_rights: Object.fromEntries(apis.map((x) => [x, right(x)])) } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { key: string; key_hash: string };
      return { key: body.key, hash: body.key_hash };
    };
    keyA = await key('alias-a', [api1.apiId]);
    keyAB = await key('alias-ab', [api1.apiId, api2.apiId]);
    keyB = await key('alias-b', [api2.apiId]);
    const rec = (apiId: string, apiKey: string, at: string, path: string, code = 200, time = 10) => ({
      timestamp: at,
      api_id: apiId,
      method: 'GET',
      path,
      response_code: code,
      request_time: time,
      upstream_time: 5,
      api_key: apiKey,
      ip_address: '10.0.0.1',
      content_length: 1,
    });
    const records = [
      rec(api1.apiId, keyA.hash, '2026-03-01T10:00:00Z', '/a'),
      rec(api1.apiId, keyA.hash, '2026-03-01T10:10:00Z', '/a', 200, 30),
      rec(api1.apiId, keyA.hash, '2026-03-02T09:00:00Z', '/b', 500),
      rec(api1.apiId, keyAB.hash, '2026-03-01T11:00:00Z', '/a'),
      rec(api2.apiId, keyAB.hash, '2026-03-01T12:00:00Z', '/secret', 404),
      rec(api2.apiId, keyAB.hash, '2026-03-02T12:00:00Z', '/secret'),
      rec(api2.apiId, keyB.hash, '2026-03-02T13:00:00Z', '/secret'),
      // Outside the range.
      rec(api1.apiId, keyA.hash, '2026-03-03T00:00:00Z', '/a'),
    ];
    const res = await t.request('POST', '/api/analytics/records', { headers: { 'x-gateway-secret': SECRET }, body: { records } });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it("GET /api/activity/keys/{keyHash}/... breaks one key's traffic down by endpoint", async () => {
    const res = await get(`/api/activity/keys/${keyA.hash}/${RANGE}`);
    expect(res.status, res.body).toBe(200);
    const { data, pages } = res.json();
    expect(pages).toBe(1);
    expect(data.map((r) => [r.id.path, r.hits, r.success, r.error])).toEqual([
      ['/a', 2, 2, 0],
      ['/b', 1, 0, 1],
    ]);
    expect(data[0]!.id).toMatchObject({ key: keyA.hash, api_id: api1.apiId, api_name: 'API1', method: 'GET' });
    expect(data[0]).toMatchObject({ latency: 20, max_latency: 30, min_latency: 10, last_hit: '2026-03-01T10:10:00.000Z' });
    // The key itself works as well as its hash; by day, one row per endpoint and day.
    const byKey = await get(`/api/activity/keys/${keyA.key}/${RANGE}?res=day`);
    expect(byKey.status, byKey.body).toBe(200);
    expect(byKey.json().data.map((r) => [r.id.time, r.id.path, r.hits])).toEqual([
      ['2026-03-01T00:00:00.000Z', '/a', 2],
      ['2026-03-02T00:00:00.000Z', '/b', 1],
    ]);
  });

  it('an administrator reads any key; with owned analytics only the traffic on your APIs, and a hidden key is 404 like a missing one', async () => {
    const all = await get(`/api/activity/keys/${keyAB.hash}/${RANGE}`);
    expect(all.json().data.map((r) => [r.id.api_id, r.hits])).toEqual([
      [api2.apiId, 2],
      [api1.apiId, 1],
    ]);
    // keyAB grants API1, so TeamA sees it — but only its traffic on API1.
    const forA = await get(`/api/activity/keys/${keyAB.hash}/${RANGE}`, analystA);
    expect(forA.status, forA.body).toBe(200);
    expect(forA.json().data.map((r) => [r.id.api_id, r.id.path, r.hits])).toEqual([[api1.apiId, '/a', 1]]);
    expect(forA.body).not.toContain('/secret');
    // keyB is TeamB's: to TeamA it is missing, exactly like a key that never existed.
    const hidden = await get(`/api/activity/keys/${keyB.hash}/${RANGE}`, analystA);
    const missing = await get(`/api/activity/keys/${'f'.repeat(64)}/${RANGE}`, analystA);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await get(`/api/activity/keys/${keyB.key}/${RANGE}`, analystA)).status).toBe(404);
    expect((await get(`/api/activity/keys/${keyB.hash}/${RANGE}`, analystB)).status).toBe(200);
  });

  it('GET /api/activity/keys/aggregate/{keys}/... sums the named keys, one row per key', async () => {
    const res = await get(`/api/activity/keys/aggregate/${keyA.hash},${keyAB.hash}/${RANGE}`);
    expect(res.status, res.body).toBe(200);
    // Both have 3 hits: ties are ordered by key hash.
    expect(res.json().data.map((r) => [r.id.key, r.id.alias, r.hits, r.error])).toEqual(
      [
        [keyA.hash, 'alias-a', 3, 1],
        [keyAB.hash, 'alias-ab', 3, 1],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    const forA = await get(`/api/activity/keys/aggregate/${keyA.hash},${keyAB.hash}/${RANGE}`, analystA);
    expect(forA.json().data.map((r) => [r.id.key, r.hits])).toEqual([
      [keyA.hash, 3],
      [keyAB.hash, 1],
    ]);
    expect((await get(`/api/activity/keys/aggregate/${keyA.hash},${keyB.hash}/${RANGE}`, analystA)).status).toBe(404);
  });

  it("GET /api/activity/apis/{apiIds}/... sums the named APIs; another team's API is 404", async () => {
    const res = await get(`/api/activity/apis/${api1.apiId},${api2.apiId}/${RANGE}`);
    expect(res.status, res.body).toBe(200);
    expect(res.json().data.map((r) => [r.id.api_id, r.id.api_name, r.hits])).toEqual([
      [api1.apiId, 'API1', 4],
      [api2.apiId, 'API2', 3],
    ]);
    const own = await get(`/api/activity/apis/${api1.apiId}/${RANGE}?res=day`, analystA);
    expect(own.json().data.map((r) => [r.id.time, r.hits])).toEqual([
      ['2026-03-01T00:00:00.000Z', 3],
      ['2026-03-02T00:00:00.000Z', 1],
    ]);
    const hidden = await get(`/api/activity/apis/${api2.apiId}/${RANGE}`, analystA);
    const missing = await get(`/api/activity/apis/no-such-api/${RANGE}`, analystA);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });

  it('OAuth client activity is 404 (no OAuth clients); bad dates are 400; no analytics permission is 403', async () => {
    expect((await get(`/api/activity/oauthid/some-client/${RANGE}`)).status).toBe(404);
    expect((await get(`/api/activity/keys/${keyA.hash}/31/2/2026/1/3/2026`)).status).toBe(400);
    expect((await get(`/api/activity/keys/${keyA.hash}/2/3/2026/1/3/2026`)).status).toBe(400);
    const noAnalytics = (await createUser(t, root, 'keys-only@example.com', { perms: { keys: 'read' } })).key;
    expect((await get(`/api/activity/keys/${keyA.hash}/${RANGE}`, noAnalytics)).status).toBe(403);
    expect((await t.request('GET', `/api/activity/keys/${keyA.hash}/${RANGE}`)).statusCode).toBe(401);
  });
});
