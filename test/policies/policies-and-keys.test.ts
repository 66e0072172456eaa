import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });

describe('policies and keys under API ownership', () => {
  let t: TestApp;
  let admin: string;
  let api1: { apiId: string };
  let api2: { apiId: string };
  let teamA: { id: string; key: string };
  let policyBoth: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    admin = await t.bootstrap();
    const a = await createGroup(t, admin, 'TeamA', { apis: 'write', policies: 'write', keys: 'write' });
    const b = await createGroup(t, admin, 'TeamB', { apis: 'write', policies: 'write', keys: 'write' });
    teamA = await createUser(t, admin, 'a@example.com', { groupId: a });
    api1 = await createApi(t, admin, 'API1', '/api1/');
    api2 = await createApi(t, admin, 'API2', '/api2/');
    await setOwners(t, admin, api1.apiId, [], [a]);
    await setOwners(t, admin, api2.apiId, [], [b]);
    const res = await t.request('POST', '/api/portal/policies', {
      key: admin,
      body: { name: 'Both', rate: 10, per: 1, quota_max: 100, quota_renewal_rate: 3600, access_rights: { [api1.apiId]: right(api1.apiId), [api2.apiId]: right(api2.apiId) } },
    });
    expect(res.statusCode).toBe(200);
    policyBoth = res.json().Message as string;
    await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'OnlyB', access_rights: { [api2.apiId]: right(api2.apiId) } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a policy spanning an owned and a foreign API, without the foreign API', async () => {
    const list = await t.request('GET', '/api/portal/policies', { key: teamA.key });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { Data: { name: string; access_rights: Record<string, unknown> }[]; Pages: number };
    expect(body.Data.map((p) => p.name)).toEqual(['Both']);
    expect(Object.keys(body.Data[0]!.access_rights)).toEqual([api1.apiId]);
    expect(JSON.stringify(body)).not.toContain('API2');
  });

  it("searches with Tyk's GET /api/portal/policies/search, scoped like the list", async () => {
    const dormant = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Dormant both', active: false, access_rights: { [api1.apiId]: right(api1.apiId) } } });
    expect(dormant.statusCode, dormant.body).toBe(200);
    const all = (await t.request('GET', '/api/portal/policies?p=-1', { key: admin })).json() as { Data: { _id: string; name: string }[] };
    const idOf = (name: string) => all.Data.find((p) => p.name === name)!._id;
    const search = async (key: string, query: string) => {
      const res = await t.request('GET', `/api/portal/policies/search${query}`, { key });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { Data: { name: string }[]; Pages: number }).Data.map((p) => p.name);
    };
    expect(await search(admin, '')).toEqual(['Both', 'OnlyB', 'Dormant both']);
    expect(await search(teamA.key, '')).toEqual(['Both', 'Dormant both']);
    // q: a name substring (case-insensitive) or a policy id; a hidden policy is found by neither.
    expect(await search(admin, '?q=BOTH')).toEqual(['Both', 'Dormant both']);
    expect(await search(admin, `?q=${idOf('OnlyB')}`)).toEqual(['OnlyB']);
    expect(await search(teamA.key, '?q=OnlyB')).toEqual([]);
    expect(await search(teamA.key, `?q=${idOf('OnlyB')}`)).toEqual([]);
    // policy_ids wins over q; active: active ones only.
    expect(await search(teamA.key, `?policy_ids=${idOf('Both')},${idOf('OnlyB')}&q=nothing`)).toEqual(['Both']);
    expect(await search(admin, `?policy_ids=${idOf('Both')},${idOf('OnlyB')}`)).toEqual(['Both', 'OnlyB']);
    expect(await search(admin, '?q=both&active=true')).toEqual(['Both']);
    // Digits beyond any id name no policy, on both stores (PostgreSQL refuses to compare them with an integer column).
    expect(await search(admin, '?q=2147483648')).toEqual([]);
    expect(await search(admin, `?policy_ids=2147483648,${idOf('OnlyB')}`)).toEqual(['OnlyB']);
    expect(await search(admin, '?policy_ids=99999999999')).toEqual([]);
    const bad = await t.request('GET', '/api/portal/policies/search?policy_ids=1,a%20b', { key: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().Message).toMatch(/^policy_ids:/);
    // A filter not supported yet is refused naming it, rather than ignored (which would answer with more than asked).
    const unsupported = await t.request('GET', '/api/portal/policies/search?state=deny', { key: admin });
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.json().Message).toMatch(/^state:/);
    const noSection = await createUser(t, admin, 'nopolicies@example.com', { perms: { apis: 'read' } });
    expect((await t.request('GET', '/api/portal/policies/search', { key: noSection.key })).statusCode).toBe(403);
  });

  it("refuses a scoped user's update of a policy that also grants an API they cannot see; nothing changes", async () => {
    const put = await t.request('PUT', `/api/portal/policies/${policyBoth}`, {
      key: teamA.key,
      body: { name: 'Both renamed', rate: 5, per: 1, access_rights: { [api1.apiId]: right(api1.apiId) } },
    });
    expect(put.statusCode).toBe(403);
    expect(put.body).not.toContain(api2.apiId);
    const full = await t.request('GET', `/api/portal/policies/${policyBoth}`, { key: admin });
    expect(Object.keys(full.json().access_rights).sort()).toEqual([api1.apiId, api2.apiId].sort());
    expect(full.json().name).toBe('Both');
  });

  it('refuses to add an API the user cannot see, like one that does not exist', async () => {
    const hidden = await t.request('POST', '/api/portal/policies', { key: teamA.key, body: { name: 'X', access_rights: { [api2.apiId]: right(api2.apiId) } } });
    const none = await t.request('POST', '/api/portal/policies', { key: teamA.key, body: { name: 'X', access_rights: { nope: right('nope') } } });
    expect(hidden.statusCode).toBe(400);
    expect(none.statusCode).toBe(400);
    expect(hidden.json().Message.replace(api2.apiId, 'ID')).toBe(none.json().Message.replace('nope', 'ID'));
  });

  it('issues a key once, stores only its hash, takes limits from its policy, and scopes visibility', async () => {
    const res = await t.request('POST', '/api/keys', { key: admin, body: { alias: 'k1', apply_policies: [policyBoth] } });
    expect(res.statusCode).toBe(200);
    const created = res.json() as { key: string; key_hash: string; data: { rate: number; per: number; quota_max: number } };
    expect(created.key).toMatch(/^[0-9a-f]{40}$/);
    expect(created.data).toMatchObject({ rate: 10, per: 1 });
    const got = await t.request('GET', `/api/keys/${created.key_hash}`, { key: admin });
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain(created.key);
    const viaKey = await t.request('GET', `/api/keys/${created.key}`, { key: admin });
    expect(viaKey.json().key_hash).toBe(created.key_hash);

    const onlyB = await t.request('POST', '/api/keys', { key: admin, body: { alias: 'b', access_rights: { [api2.apiId]: right(api2.apiId) } } });
    const bHash = onlyB.json().key_hash as string;
    const aList = await t.request('GET', '/api/keys?p=-1', { key: teamA.key });
    expect(aList.json().data.keys).toEqual([created.key_hash]);
    const hidden = await t.request('GET', `/api/keys/${bHash}`, { key: teamA.key });
    const never = await t.request('GET', '/api/keys/0000', { key: teamA.key });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(never.body);
    const perApi = await t.request('GET', `/api/apis/${api2.apiId}/keys`, { key: teamA.key });
    expect(perApi.statusCode).toBe(404);
    const perApiAdmin = await t.request('GET', `/api/apis/${api2.apiId}/keys?p=-1`, { key: admin });
    expect(perApiAdmin.json().data.keys.sort()).toEqual([created.key_hash, bHash].sort());
    expect((await t.request('DELETE', `/api/keys/${bHash}`, { key: admin })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/keys/${bHash}`, { key: admin })).statusCode).toBe(404);
  });
});
