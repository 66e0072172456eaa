import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * Owned analytics by key (issue #9, item 11). TeamA owns API1, TeamB owns API2.
 * Traffic reaches API1 with TeamA's key, with a key that once granted API1 and
 * now grants only API2 (TeamB's), and with a key since deleted. A TeamA analyst
 * (owned_analytics) sees their own key by hash and alias; the others are one
 * row, "other", that names none of them, so that totals still add up.
 */

const SECRET = 'gateway-secret-for-tests-0123456789';
const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });

interface Row {
  id: { api_key: string; alias: string; time?: string };
  hits: number;
  error: number;
}

describe('owned analytics by key', () => {
  let t: TestApp;
  let root: string;
  let analystA: { key: string };
  let keyA = '';
  let keyB = '';
  let keyGone = '';

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_GATEWAY_SECRET: SECRET });
    root = await t.bootstrap();
    const a = await createGroup(t, root, 'TeamA', { analytics: 'read', owned_analytics: 'read', keys: 'read' });
    const b = await createGroup(t, root, 'TeamB', { analytics: 'read', owned_analytics: 'read', keys: 'read' });
    analystA = await createUser(t, root, 'analyst-a@example.com', { groupId: a });
    const api1 = await createApi(t, root, 'API1', '/api1/');
    const api2 = await createApi(t, root, 'API2', '/api2/');
    await setOwners(t, root, api1.apiId, [], [a]);
    await setOwners(t, root, api2.apiId, [], [b]);
    const key = async (alias: string, apis: string[]) => {
      const res = await t.request('POST', '/api/keys', { key: root, body: { alias, access_rights: Object.fromEntries(apis.map((x) => [x, right(x)])) } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().key_hash as string;
    };
    keyA = await key('alias-of-a', [api1.apiId]);
    keyB = await key('alias-of-b', [api1.apiId, api2.apiId]);
    keyGone = await key('alias-gone', [api1.apiId]);
    const rec = (apiId: string, apiKey: string, at: string, code = 200) => ({
      timestamp: at,
      api_id: apiId,
      method: 'GET',
      path: '/x',
      response_code: code,
      request_time: 10,
      upstream_time: 5,
      api_key: apiKey,
      ip_address: '10.0.0.1',
      content_length: 1,
    });
    const records = [
      rec(api1.apiId, keyA, '2026-03-01T10:00:00Z'),
      rec(api1.apiId, keyA, '2026-03-01T10:10:00Z'),
      rec(api1.apiId, keyA, '2026-03-02T09:00:00Z', 500),
      rec(api1.apiId, keyB, '2026-03-01T10:20:00Z'),
      rec(api1.apiId, keyB, '2026-03-02T09:30:00Z', 404),
      rec(api1.apiId, keyGone, '2026-03-02T09:40:00Z'),
      rec(api1.apiId, '', '2026-03-02T09:50:00Z'),
      rec(api2.apiId, keyB, '2026-03-01T11:00:00Z'),
    ];
    const res = await t.request('POST', '/api/analytics/records', { headers: { 'x-gateway-secret': SECRET }, body: { records } });
    expect(res.statusCode, res.body).toBe(200);
    // keyB now grants TeamB's API only; keyGone is deleted.
    expect((await t.request('PUT', `/api/keys/${keyB}`, { key: root, body: { alias: 'alias-of-b', access_rights: { [api2.apiId]: right(api2.apiId) } } })).statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/keys/${keyGone}`, { key: root })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/keys/${keyB}`, { key: analystA.key })).statusCode).toBe(404);
  });
  afterAll(async () => {
    await t.close();
  });

  const usage = async (key: string, query = '') => {
    const res = await t.request('GET', `/api/usage/keys/1/3/2026/2/3/2026${query}`, { key });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('shows a team its own keys and groups the keys it cannot see in one row, "other"', async () => {
    const res = await usage(analystA.key);
    for (const s of [keyB, keyGone, 'alias-of-b', 'alias-gone']) expect(res.body.includes(s), `names ${s}`).toBe(false);
    const rows = res.json().data as Row[];
    expect(rows.map((r) => [r.id.api_key, r.id.alias, r.hits, r.error])).toEqual([
      [keyA, 'alias-of-a', 3, 1],
      ['other', '', 3, 1],
    ]);
    expect(res.json().pages).toBe(1);
  });

  it('does the same per time bucket, and the sums add up to what the team may see', async () => {
    const res = await usage(analystA.key, '?res=day');
    for (const s of [keyB, keyGone, 'alias-of-b', 'alias-gone']) expect(res.body.includes(s), `names ${s}`).toBe(false);
    const rows = res.json().data as Row[];
    expect(rows.map((r) => [r.id.time, r.id.api_key, r.hits])).toEqual([
      ['2026-03-01T00:00:00.000Z', keyA, 2],
      ['2026-03-01T00:00:00.000Z', 'other', 1],
      ['2026-03-02T00:00:00.000Z', 'other', 2],
      ['2026-03-02T00:00:00.000Z', keyA, 1],
    ]);
    expect(rows.reduce((n, r) => n + r.hits, 0)).toBe(6);
  });

  it('still shows administrators every key', async () => {
    const rows = (await usage(root)).json().data as Row[];
    expect(rows.map((r) => [r.id.api_key, r.hits]).sort()).toEqual(
      [
        [keyA, 3],
        [keyB, 3],
        [keyGone, 1],
      ].sort(),
    );
    expect(rows.find((r) => r.id.api_key === keyB)!.id.alias).toBe('alias-of-b');
  });
});
