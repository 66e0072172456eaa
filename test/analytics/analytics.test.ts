import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

const SECRET = 'gateway-secret-for-tests-0123456789';

function record(apiId: string, at: string, code: number, extra: Record<string, unknown> = {}) {
  return {
    timestamp: at,
    api_id: apiId,
    method: 'GET',
    path: '/things',
    response_code: code,
    request_time: 20,
    upstream_time: 15,
    api_key: '',
    ip_address: '10.0.0.1',
    content_length: 10,
    ...extra,
  };
}

interface Row {
  id: Record<string, string>;
  hits: number;
  success: number;
  error: number;
  status_5xx: number;
  latency: number;
}

describe('analytics', () => {
  let t: TestApp;
  let admin: string;
  let api1: { apiId: string };
  let api2: { apiId: string };
  let ownedAnalyst: { key: string };
  let allAnalyst: { key: string };
  let noAnalytics: { key: string };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_GATEWAY_SECRET: SECRET });
    admin = await t.bootstrap();
    const g = await createGroup(t, admin, 'Analysts', { analytics: 'read', owned_analytics: 'read' });
    const other = await createGroup(t, admin, 'Other', { apis: 'read' });
    ownedAnalyst = await createUser(t, admin, 'owned@example.com', { groupId: g });
    allAnalyst = await createUser(t, admin, 'all@example.com', { perms: { analytics: 'read' } });
    noAnalytics = await createUser(t, admin, 'none@example.com', { perms: { apis: 'read' } });
    api1 = await createApi(t, admin, 'API1', '/api1/');
    api2 = await createApi(t, admin, 'API2', '/api2/');
    await setOwners(t, admin, api1.apiId, [], [g]);
    await setOwners(t, admin, api2.apiId, [], [other]);
    const records = [
      record(api1.apiId, '2026-03-01T10:15:00Z', 200),
      record(api1.apiId, '2026-03-01T10:45:00Z', 500, { request_time: 40 }),
      record(api1.apiId, '2026-03-02T08:00:00Z', 200, { api_key: 'k1' }),
      record(api2.apiId, '2026-03-01T11:00:00Z', 404, { api_key: 'k2', path: '/secret' }),
    ];
    const res = await t.request('POST', '/api/analytics/records', { headers: { 'x-gateway-secret': SECRET }, body: { records } });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an invalid batch whole, naming the record and field', async () => {
    const res = await t.request('POST', '/api/analytics/records', {
      headers: { 'x-gateway-secret': SECRET },
      body: { records: [record(api1.apiId, '2026-03-01T10:00:00Z', 200), record(api1.apiId, '2026-03-01T10:00:00Z', 99)] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().Message).toContain('records.1.response_code');
    const usage = await t.request('GET', '/api/usage/apis/1/3/2026/2/3/2026', { key: admin });
    expect((usage.json().data as Row[]).reduce((n, r) => n + r.hits, 0)).toBe(4);
  });

  it('accepts records only from gateways and administrators', async () => {
    const body = { records: [] };
    expect((await t.request('POST', '/api/analytics/records', { body })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/analytics/records', { headers: { 'x-gateway-secret': 'wrong-secret-wrong-secret' }, body })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/analytics/records', { key: allAnalyst.key, body })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/analytics/records', { key: admin, body })).statusCode).toBe(200);
  });

  it('reports usage per API for administrators', async () => {
    const res = await t.request('GET', '/api/usage/apis/1/3/2026/2/3/2026', { key: admin });
    expect(res.statusCode).toBe(200);
    const rows = res.json().data as Row[];
    const one = rows.find((r) => r.id.api_id === api1.apiId)!;
    expect(one).toMatchObject({ hits: 3, success: 2, error: 1, status_5xx: 1 });
    expect(one.id.api_name).toBe('API1');
    expect(one.latency).toBeCloseTo(80 / 3, 1);
    const day1 = await t.request('GET', '/api/usage/apis/1/3/2026/1/3/2026', { key: admin });
    expect((day1.json().data as Row[]).find((r) => r.id.api_id === api1.apiId)!.hits).toBe(2);
  });

  it('counts only visible APIs for owned_analytics, in every query', async () => {
    const apis = await t.request('GET', '/api/usage/apis/1/3/2026/2/3/2026', { key: ownedAnalyst.key });
    expect((apis.json().data as Row[]).map((r) => r.id.api_id)).toEqual([api1.apiId]);
    expect(apis.json().pages).toBe(1);
    const errors = await t.request('GET', '/api/usage/errors/1/3/2026/2/3/2026?res=day', { key: ownedAnalyst.key });
    expect((errors.json().data as Row[]).map((r) => r.hits)).toEqual([2, 1]);
    const keys = await t.request('GET', '/api/usage/keys/1/3/2026/2/3/2026', { key: ownedAnalyst.key });
    // k1 is no key the analyst can see (no such key exists): its traffic counts under "other" (issue #9, item 11).
    expect((keys.json().data as Row[]).map((r) => r.id.api_key)).toEqual(['other']);
    const endpoints = await t.request('GET', '/api/usage/endpoints/1/3/2026/2/3/2026', { key: ownedAnalyst.key });
    expect(JSON.stringify(endpoints.json())).not.toContain('/secret');
    const hidden = await t.request('GET', `/api/usage/apis/${api2.apiId}/1/3/2026/2/3/2026`, { key: ownedAnalyst.key });
    const never = await t.request('GET', '/api/usage/apis/nope/1/3/2026/2/3/2026', { key: ownedAnalyst.key });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(never.body);
  });

  it('shows all traffic to analytics without owned_analytics, and nothing without analytics', async () => {
    const all = await t.request('GET', '/api/usage/apis/1/3/2026/2/3/2026', { key: allAnalyst.key });
    expect((all.json().data as Row[]).length).toBe(2);
    expect((await t.request('GET', '/api/usage/apis/1/3/2026/2/3/2026', { key: noAnalytics.key })).statusCode).toBe(403);
  });

  it('buckets by hour', async () => {
    const res = await t.request('GET', `/api/usage/apis/${api1.apiId}/1/3/2026/1/3/2026?res=hour`, { key: admin });
    expect(res.json().data).toEqual([expect.objectContaining({ id: { time: '2026-03-01T10:00:00.000Z', api_id: api1.apiId }, hits: 2 })]);
  });

  it('breaks usage per API, key and endpoint down by day with res', async () => {
    const apis = await t.request('GET', '/api/usage/apis/1/3/2026/2/3/2026?res=day', { key: admin });
    const one = (apis.json().data as Row[]).filter((r) => r.id.api_id === api1.apiId).map((r) => [r.id.time, r.hits]);
    expect(one).toEqual([
      ['2026-03-01T00:00:00.000Z', 2],
      ['2026-03-02T00:00:00.000Z', 1],
    ]);
    const keys = await t.request('GET', '/api/usage/keys/1/3/2026/2/3/2026?res=hour', { key: admin });
    expect((keys.json().data as Row[]).map((r) => [r.id.api_key, r.id.time])).toEqual([
      ['k2', '2026-03-01T11:00:00.000Z'],
      ['k1', '2026-03-02T08:00:00.000Z'],
    ]);
    const endpoints = await t.request('GET', '/api/usage/endpoints/1/3/2026/2/3/2026?res=day', { key: admin });
    expect((endpoints.json().data as Row[]).length).toBe(3);
  });

  it('refuses impossible dates', async () => {
    const res = await t.request('GET', '/api/usage/apis/31/2/2026/1/3/2026', { key: admin });
    expect(res.statusCode).toBe(400);
  });
});
