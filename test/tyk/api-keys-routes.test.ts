import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * Issue 14, item 11: Tyk's key routes under an API (GET/DELETE
 * /api/apis/{apiId}/keys/{keyId}) and GET /api/keys/detailed, scoped by
 * ownership. TeamA owns API1, TeamB owns API2; keyA grants API1, keyB API2,
 * keyP API1 through a policy.
 */

const right = (apiId: string) => ({ api_id: apiId, api_name: '', versions: ['Default'], allowed_urls: [] });

describe('Tyk key routes under an API, and /api/keys/detailed', () => {
  let t: TestApp;
  let root: string;
  let userA: string;
  let userB: string;
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  let keyA: { key: string; hash: string };
  let keyB: { key: string; hash: string };
  let keyP: { key: string; hash: string };
  let policyOne: string;

  const createKey = async (key: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/keys', { key, body });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as { key: string; key_hash: string };
    return { key: b.key, hash: b.key_hash };
  };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    const perms = { apis: 'write', keys: 'write', policies: 'write' };
    const a = await createGroup(t, root, 'TeamA', perms);
    const b = await createGroup(t, root, 'TeamB', perms);
    userA = (await createUser(t, root, 'a@example.com', { groupId: a })).key;
    userB = (await createUser(t, root, 'b@example.com', { groupId: b })).key;
    api1 = await createApi(t, root, 'API1', '/one/');
    api2 = await createApi(t, root, 'API2', '/two/');
    await setOwners(t, root, api1.apiId, [], [a]);
    await setOwners(t, root, api2.apiId, [], [b]);
    keyA = await createKey(root, { alias: 'key-a', access_rights: { [api1.apiId]: right(api1.apiId) } });
    keyB = await createKey(root, { alias: 'key-b', access_rights: { [api2.apiId]: right(api2.apiId) } });
    const policy = await t.request('POST', '/api/portal/policies', {
      key: root,
      body: { name: 'P1', rate: 10, per: 1, quota_max: -1, access_rights: { [api1.apiId]: right(api1.apiId) } },
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const policyId = (policy.json() as { Message: string }).Message;
    policyOne = policyId;
    keyP = await createKey(root, { alias: 'key-p', apply_policies: [policyId] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/apis/{apiId}/keys/{keyId} answers the key when it grants the API, by hash or by the key', async () => {
    for (const ref of [keyA.hash, keyA.key]) {
      const res = await t.request('GET', `/api/apis/${api1.apiId}/keys/${ref}`, { key: root });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { key_id: string; data: { alias: string; access_rights: Record<string, unknown> } };
      expect(body.key_id).toBe(keyA.hash);
      expect(body.data.alias).toBe('key-a');
      expect(Object.keys(body.data.access_rights)).toEqual([api1.apiId]);
    }
    // Through a policy, and by the API's internal id.
    const viaPolicy = await t.request('GET', `/api/apis/${api1.id}/keys/${keyP.hash}`, { key: root });
    expect(viaPolicy.statusCode, viaPolicy.body).toBe(200);
    expect(viaPolicy.json().data.alias).toBe('key-p');
    // Tyk's switches are accepted.
    expect((await t.request('GET', `/api/apis/${api1.apiId}/keys/${keyA.hash}?hashed=1&auto_guess=true`, { key: root })).statusCode).toBe(200);
  });

  it('a key that does not grant the API, an unknown key and an unknown API are 404', async () => {
    const other = await t.request('GET', `/api/apis/${api1.apiId}/keys/${keyB.hash}`, { key: root });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ Status: 'Error' });
    expect((await t.request('GET', `/api/apis/${api1.apiId}/keys/nope`, { key: root })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/apis/no-such-api/keys/${keyA.hash}`, { key: root })).statusCode).toBe(404);
  });

  it("another team's API and key answer like missing ones", async () => {
    const own = await t.request('GET', `/api/apis/${api1.apiId}/keys/${keyA.hash}`, { key: userA });
    expect(own.statusCode, own.body).toBe(200);
    const hiddenApi = await t.request('GET', `/api/apis/${api1.apiId}/keys/${keyA.hash}`, { key: userB });
    const missingApi = await t.request('GET', `/api/apis/no-such-api/keys/${keyA.hash}`, { key: userB });
    expect(hiddenApi.statusCode).toBe(404);
    expect(hiddenApi.body).toBe(missingApi.body);
    expect((await t.request('DELETE', `/api/apis/${api1.apiId}/keys/${keyA.hash}`, { key: userB })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/keys/${keyA.hash}`, { key: root })).statusCode).toBe(200);
  });

  it('GET /api/keys/detailed lists the keys you can see with their sessions; q filters by key hash', async () => {
    const all = await t.request('GET', '/api/keys/detailed?p=-1', { key: root });
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as { keys: { key_id: string; data: { alias: string } }[]; pages: number };
    expect(body.keys.map((k) => k.data.alias).sort()).toEqual(['key-a', 'key-b', 'key-p']);
    expect(body.keys.find((k) => k.data.alias === 'key-a')!.key_id).toBe(keyA.hash);

    const q = await t.request('GET', `/api/keys/detailed?q=${keyB.hash.slice(3, 15).toUpperCase()}`, { key: root });
    expect(q.statusCode, q.body).toBe(200);
    expect((q.json() as typeof body).keys.map((k) => k.key_id)).toEqual([keyB.hash]);
    const none = await t.request('GET', '/api/keys/detailed?q=%25', { key: root });
    expect((none.json() as typeof body).keys).toEqual([]);

    const forA = await t.request('GET', '/api/keys/detailed', { key: userA });
    expect(forA.statusCode, forA.body).toBe(200);
    expect((forA.json() as typeof body).keys.map((k) => k.data.alias).sort()).toEqual(['key-a', 'key-p']);
    const forB = await t.request('GET', `/api/keys/detailed?q=${keyA.hash}`, { key: userB });
    expect((forB.json() as typeof body).keys).toEqual([]);
  });

  it('GET /api/keys/detailed renders each key of a page as GET /api/keys/{keyId} does, for an administrator and an owner', async () => {
    // A key mixing its own rights, a policy on the owner's API and one on an API they cannot see (read a page at once).
    const p2 = await t.request('POST', '/api/portal/policies', {
      key: root,
      body: { name: 'P2', rate: 50, per: 1, quota_max: 1000, quota_renewal_rate: 60, access_rights: { [api2.apiId]: right(api2.apiId) } },
    });
    expect(p2.statusCode, p2.body).toBe(200);
    const mixed = await createKey(root, { alias: 'key-m', access_rights: { [api1.apiId]: right(api1.apiId) }, apply_policies: [(p2.json() as { Message: string }).Message, policyOne] });
    for (const reader of [root, userA, userB]) {
      const page = await t.request('GET', '/api/keys/detailed?p=-1', { key: reader });
      expect(page.statusCode, page.body).toBe(200);
      const keys = (page.json() as { keys: { key_id: string; data: unknown }[] }).keys;
      expect(keys.map((k) => k.key_id)).toContain(mixed.hash);
      for (const k of keys) {
        const one = await t.request('GET', `/api/keys/${k.key_id}`, { key: reader });
        expect(one.statusCode, one.body).toBe(200);
        expect(k.data).toEqual((one.json() as { data: unknown }).data);
      }
    }
  });

  it('DELETE /api/apis/{apiId}/keys/{keyId} revokes a key of that API (audited) and nothing else', async () => {
    expect((await t.request('DELETE', `/api/apis/${api2.apiId}/keys/${keyA.hash}`, { key: root })).statusCode).toBe(404);
    const res = await t.request('DELETE', `/api/apis/${api1.apiId}/keys/${keyA.key}`, { key: userA });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ Status: 'OK', Message: 'Key deleted' });
    expect((await t.request('GET', `/api/keys/${keyA.hash}`, { key: root })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/apis/${api1.apiId}/keys/${keyA.hash}`, { key: root })).statusCode).toBe(404);
    const audit = await t.request('GET', '/api/audit-logs?p=-1', { key: root });
    expect(audit.body).toContain('key.delete');
    expect(audit.body).toContain(keyA.hash);
  });
});
