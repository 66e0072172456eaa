import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });
/** An id as Tyk-managed definitions carry them (a MongoDB ObjectId). */
const TYK_ID = '663b4bbd5715ec323b424dca';

/** Issue 14 items 1 and 2: what Tyk clients read from the policy and key answers, and the ids they send back. */
describe("policy and key answers as Tyk's clients read them", () => {
  let t: TestApp;
  let admin: string;
  let mine: string;
  let theirs: string;
  let teamA: { key: string };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    admin = await t.bootstrap();
    const a = await createGroup(t, admin, 'TeamA', { apis: 'write', policies: 'write', keys: 'write' });
    const b = await createGroup(t, admin, 'TeamB', { apis: 'write', policies: 'write', keys: 'write' });
    teamA = await createUser(t, admin, 'a@example.com', { groupId: a });
    mine = (await createApi(t, admin, 'Mine', '/mine/')).apiId;
    theirs = (await createApi(t, admin, 'Theirs', '/theirs/')).apiId;
    await setOwners(t, admin, mine, [], [a]);
    await setOwners(t, admin, theirs, [], [b]);
  });
  afterAll(async () => {
    await t.close();
  });

  const policyCount = async () => ((await t.request('GET', '/api/portal/policies?p=-1', { key: admin })).json() as { Data: unknown[] }).Data.length;

  it("POST answers {Status: OK, Message: <policy id>, Meta: null}; the id names the policy; PUT answers Tyk's 'Data updated'", async () => {
    const created = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Plain', rate: 5, per: 1, access_rights: { [mine]: right(mine) } } });
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json() as { Status: string; Message: string; Meta: unknown };
    expect(body).toEqual({ Status: 'OK', Message: expect.stringMatching(/^[1-9]\d*$/), Meta: null });
    const got = await t.request('GET', `/api/portal/policies/${body.Message}`, { key: admin });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ _id: body.Message, id: body.Message, name: 'Plain', rate: 5 });

    const put = await t.request('PUT', `/api/portal/policies/${body.Message}`, { key: admin, body: { ...(got.json() as Record<string, unknown>), name: 'Plain renamed' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ Status: 'OK', Message: 'Data updated', Meta: null });
    expect((await t.request('GET', `/api/portal/policies/${body.Message}`, { key: admin })).json()).toMatchObject({ _id: body.Message, name: 'Plain renamed' });
  });

  it("honours a client's free _id, a Tyk ObjectId: every policy route, search and key takes it", async () => {
    const created = await t.request('POST', '/api/portal/policies', { key: admin, body: { _id: TYK_ID, name: 'Fixed', quota_max: 7, quota_renewal_rate: 60, access_rights: { [mine]: right(mine) } } });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toEqual({ Status: 'OK', Message: TYK_ID, Meta: null });

    const got = await t.request('GET', `/api/portal/policies/${TYK_ID}`, { key: teamA.key });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ _id: TYK_ID, id: TYK_ID, name: 'Fixed' });
    const list = (await t.request('GET', '/api/portal/policies?p=-1', { key: admin })).json() as { Data: { _id: string; name: string }[] };
    expect(list.Data.find((p) => p.name === 'Fixed')?._id).toBe(TYK_ID);
    const search = async (q: string) => ((await t.request('GET', `/api/portal/policies/search?${q}`, { key: admin })).json() as { Data: { name: string }[] }).Data.map((p) => p.name);
    expect(await search(`q=${TYK_ID}`)).toEqual(['Fixed']);
    expect(await search(`policy_ids=${TYK_ID}`)).toEqual(['Fixed']);

    // An _id in a PUT body (a GET echoed back, or another id) leaves the policy's id as it is.
    const put = await t.request('PUT', `/api/portal/policies/${TYK_ID}`, { key: admin, body: { ...(got.json() as Record<string, unknown>), _id: 'something-else', quota_max: 9 } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${TYK_ID}`, { key: admin })).json()).toMatchObject({ _id: TYK_ID, quota_max: 9 });
    expect((await t.request('GET', '/api/portal/policies/something-else', { key: admin })).statusCode).toBe(404);

    // Keys name it in apply_policies and apply_policy_id, and read it back so.
    for (const ask of [{ apply_policies: [TYK_ID] }, { apply_policy_id: TYK_ID }]) {
      const key = await t.request('POST', '/api/keys', { key: admin, body: ask });
      expect(key.statusCode, key.body).toBe(200);
      expect(key.json().data).toMatchObject({ apply_policies: [TYK_ID], quota_max: 9 });
      expect((await t.request('GET', `/api/keys/${key.json().key_hash as string}`, { key: admin })).json().data.apply_policies).toEqual([TYK_ID]);
    }

    const temporary = await t.request('POST', '/api/portal/policies', { key: admin, body: { _id: 'tyk-managed.policy_1', name: 'Temporary', access_rights: { [mine]: right(mine) } } });
    expect(temporary.json().Message).toBe('tyk-managed.policy_1');
    expect((await t.request('DELETE', '/api/portal/policies/tyk-managed.policy_1', { key: admin })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/portal/policies/tyk-managed.policy_1', { key: admin })).statusCode).toBe(404);
  });

  it('honours a free numeric _id, and numbers new policies past it', async () => {
    const created = await t.request('POST', '/api/portal/policies', { key: admin, body: { _id: '4242', name: 'Numbered', access_rights: { [mine]: right(mine) } } });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().Message).toBe('4242');
    expect((await t.request('GET', '/api/portal/policies/4242', { key: admin })).json()).toMatchObject({ _id: '4242', name: 'Numbered' });
    const next = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'After', access_rights: { [mine]: right(mine) } } });
    expect(next.statusCode, next.body).toBe(200);
    expect(Number(next.json().Message)).toBeGreaterThan(4242);
  });

  it('refuses a taken _id with 409 naming _id, alike whether or not the caller can see the policy that holds it; nothing is written', async () => {
    const hidden = await t.request('POST', '/api/portal/policies', { key: admin, body: { _id: 'theirs-policy', name: 'Theirs', access_rights: { [theirs]: right(theirs) } } });
    expect(hidden.statusCode).toBe(200);
    const before = await policyCount();
    const takenVisible = await t.request('POST', '/api/portal/policies', { key: teamA.key, body: { _id: TYK_ID, name: 'Again', access_rights: { [mine]: right(mine) } } });
    const takenHidden = await t.request('POST', '/api/portal/policies', { key: teamA.key, body: { _id: 'theirs-policy', name: 'Again', access_rights: { [mine]: right(mine) } } });
    expect(takenVisible.statusCode).toBe(409);
    expect(takenVisible.json()).toEqual({ Status: 'Error', Message: '_id: this policy id is already in use', Meta: null });
    expect(takenHidden.statusCode).toBe(409);
    expect(takenHidden.body).toBe(takenVisible.body);
    // The hidden policy stays hidden otherwise: 404 like a missing one.
    expect((await t.request('GET', '/api/portal/policies/theirs-policy', { key: teamA.key })).body).toBe((await t.request('GET', '/api/portal/policies/no-such-policy', { key: teamA.key })).body);
    const takenNumber = await t.request('POST', '/api/portal/policies', { key: admin, body: { _id: '4242', name: 'Again', access_rights: { [mine]: right(mine) } } });
    expect(takenNumber.statusCode).toBe(409);
    for (const bad of ['007', '0', '2147483648', 'a b', 'x/y', 'é']) {
      const res = await t.request('POST', '/api/portal/policies', { key: admin, body: { _id: bad, name: 'Bad', access_rights: { [mine]: right(mine) } } });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().Message, bad).toMatch(/^_id: /);
    }
    expect(await policyCount()).toBe(before);
  });

  it('answers key creation as Tyk does: key_id is the key itself, key_hash its hash; later answers carry the hash only', async () => {
    const res = await t.request('POST', '/api/keys', { key: admin, body: { alias: 'tyk', access_rights: { [mine]: right(mine) } } });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json() as { key: string; key_id: string; key_hash: string };
    expect(created.key_id).toMatch(/^[0-9a-f]{40}$/);
    expect(created.key).toBe(created.key_id);
    expect(created.key_hash).toBe(createHash('sha256').update(created.key_id).digest('hex'));

    for (const id of [created.key_id, created.key_hash]) {
      const got = await t.request('GET', `/api/keys/${id}`, { key: admin });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toMatchObject({ key_id: created.key_hash, key_hash: created.key_hash });
      expect(got.body).not.toContain(created.key_id);
    }
    const put = await t.request('PUT', `/api/keys/${created.key_id}?suppress_reset=1`, { key: admin, body: { alias: 'renamed', access_rights: { [mine]: right(mine) } } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ key_id: created.key_hash, data: { alias: 'renamed' } });
    expect(put.body).not.toContain(created.key_id);
    expect((await t.request('GET', `/api/apis/${mine}/keys`, { key: admin })).json().data.keys).toContain(created.key_hash);

    // Tyk's hashed: {keyId} is the hash only.
    expect((await t.request('GET', `/api/keys/${created.key_hash}?hashed=1`, { key: admin })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/keys/${created.key_id}?hashed=1`, { key: admin })).statusCode).toBe(404);
    expect((await t.request('PUT', `/api/keys/${created.key_id}?hashed=true`, { key: admin, body: { alias: 'x', access_rights: { [mine]: right(mine) } } })).statusCode).toBe(404);
    expect((await t.request('PUT', `/api/keys/${created.key_hash}?hashed=true`, { key: admin, body: { alias: 'by-hash', access_rights: { [mine]: right(mine) } } })).statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/keys/${created.key_id}?hashed=1`, { key: admin })).statusCode).toBe(404);
    expect((await t.request('DELETE', `/api/keys/${created.key_id}`, { key: admin })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/keys/${created.key_hash}`, { key: admin })).statusCode).toBe(404);

    // A scoped user's hidden key answers 404 by key as by hash, like a key that never existed.
    const other = (await t.request('POST', '/api/keys', { key: admin, body: { access_rights: { [theirs]: right(theirs) } } })).json() as { key_id: string; key_hash: string };
    const never = await t.request('GET', '/api/keys/0123456789abcdef0123456789abcdef01234567', { key: teamA.key });
    expect(never.statusCode).toBe(404);
    for (const id of [other.key_id, other.key_hash]) expect((await t.request('GET', `/api/keys/${id}`, { key: teamA.key })).body).toBe(never.body);
  });
});
