import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * Page counts read from maintained counts (an administrator's unfiltered lists)
 * and the scoped sets built from maintained "grants how many APIs" figures
 * (an owner's policies and keys): both must follow every write. A page size of
 * one makes the page count the number of objects.
 */

const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });

describe('list counts follow every write', () => {
  let t: TestApp;
  let admin: string;
  let mine: { apiId: string };
  let theirs: { apiId: string };
  let owner: { id: string; key: string };
  let teamB: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_PAGE_SIZE: '1' });
    admin = await t.bootstrap();
    const a = await createGroup(t, admin, 'TeamA', { apis: 'write', policies: 'write', keys: 'write' });
    const b = await createGroup(t, admin, 'TeamB', { apis: 'write', policies: 'write', keys: 'write' });
    teamB = b;
    owner = await createUser(t, admin, 'a@example.com', { groupId: a });
    mine = await createApi(t, admin, 'Mine', '/mine/');
    theirs = await createApi(t, admin, 'Theirs', '/theirs/');
    await setOwners(t, admin, mine.apiId, [], [a]);
    await setOwners(t, admin, theirs.apiId, [], [b]);
  });
  afterAll(async () => {
    await t.close();
  });

  const pages = async (url: string, key: string, field: string) => {
    const res = await t.request('GET', url, { key });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    const data = (body.data ?? body) as Record<string, unknown>;
    return (data[field] ?? body[field]) as number;
  };

  it('counts APIs, users and groups as they are created and deleted', async () => {
    expect(await pages('/api/apis?p=1', admin, 'pages')).toBe(2);
    const extra = await createApi(t, admin, 'Extra', '/extra/');
    expect(await pages('/api/apis?p=1', admin, 'pages')).toBe(3);
    expect((await t.request('DELETE', `/api/apis/${extra.apiId}`, { key: admin })).statusCode).toBe(200);
    expect(await pages('/api/apis?p=1', admin, 'pages')).toBe(2);

    // Staff: the administrator and the owner; a consumer is not counted among them.
    expect(await pages('/api/users?p=1', admin, 'pages')).toBe(2);
    const temp = await createUser(t, admin, 'temp@example.com');
    expect(await pages('/api/users?p=1', admin, 'pages')).toBe(3);
    expect((await t.request('DELETE', `/api/users/${temp.id}`, { key: admin })).statusCode).toBe(200);
    expect(await pages('/api/users?p=1', admin, 'pages')).toBe(2);

    expect(await pages('/api/usergroups?p=1', admin, 'pages')).toBe(2);
    const g = await createGroup(t, admin, 'Temp', {});
    expect(await pages('/api/usergroups?p=1', admin, 'pages')).toBe(3);
    expect((await t.request('DELETE', `/api/usergroups/${g}`, { key: admin })).statusCode).toBe(200);
    expect(await pages('/api/usergroups?p=1', admin, 'pages')).toBe(2);
  });

  it("shows an owner a policy granting no API, until it grants one they cannot see; the administrator's count follows", async () => {
    const seed = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Seed', access_rights: { [mine.apiId]: right(mine.apiId) } } });
    expect(seed.statusCode).toBe(200);
    const adminBefore = await pages('/api/portal/policies?p=1', admin, 'Pages');
    expect(adminBefore).toBe(1);
    const res = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Empty', access_rights: {} } });
    expect(res.statusCode).toBe(200);
    const id = res.json().Message as string;
    expect(await pages('/api/portal/policies?p=1', admin, 'Pages')).toBe(adminBefore + 1);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: owner.key })).statusCode).toBe(200);
    expect(await pages('/api/portal/policies?p=1', owner.key, 'Pages')).toBe(2);

    const put = await t.request('PUT', `/api/portal/policies/${id}`, { key: admin, body: { name: 'Empty', access_rights: { [theirs.apiId]: right(theirs.apiId) } } });
    expect(put.statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: owner.key })).statusCode).toBe(404);
    expect(await pages('/api/portal/policies?p=1', owner.key, 'Pages')).toBe(1);

    // Deleting the API it granted leaves it granting none: every owner sees it again.
    const gone = await createApi(t, admin, 'Gone', '/gone/');
    await setOwners(t, admin, gone.apiId, [], [teamB]);
    const both = await t.request('PUT', `/api/portal/policies/${id}`, { key: admin, body: { name: 'Empty', access_rights: { [gone.apiId]: right(gone.apiId) } } });
    expect(both.statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: owner.key })).statusCode).toBe(404);
    expect((await t.request('DELETE', `/api/apis/${gone.apiId}`, { key: admin })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: owner.key })).statusCode).toBe(200);

    expect((await t.request('DELETE', `/api/portal/policies/${id}`, { key: admin })).statusCode).toBe(200);
    expect(await pages('/api/portal/policies?p=1', admin, 'Pages')).toBe(adminBefore);
  });

  it("hides a key from an owner once one of its policies grants an API they cannot see, and shows it again when the policy goes", async () => {
    const policy = await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Later', access_rights: {} } });
    const policyId = policy.json().Message as string;
    const created = await t.request('POST', '/api/keys', { key: admin, body: { alias: 'k', apply_policies: [policyId] } });
    expect(created.statusCode).toBe(200);
    const hash = created.json().key_hash as string;
    const seen = async () => (await t.request('GET', `/api/keys/${hash}`, { key: owner.key })).statusCode;
    expect(await seen()).toBe(200);

    // The policy's first right, added after the key took the policy.
    const put = await t.request('PUT', `/api/portal/policies/${policyId}`, { key: admin, body: { name: 'Later', access_rights: { [theirs.apiId]: right(theirs.apiId) } } });
    expect(put.statusCode).toBe(200);
    expect(await seen()).toBe(404);
    const list = await t.request('GET', '/api/keys?p=-1', { key: owner.key });
    expect(list.json().data.keys).not.toContain(hash);

    // A direct right to the owner's API makes it visible through that API as well.
    const update = await t.request('PUT', `/api/keys/${hash}`, {
      key: admin,
      body: { alias: 'k', apply_policies: [policyId], access_rights: { [mine.apiId]: right(mine.apiId) } },
    });
    expect(update.statusCode).toBe(200);
    expect(await seen()).toBe(200);
  });

  it('answers the same page count on a page past the end as on the first, for an owner and an administrator', async () => {
    await t.request('POST', '/api/portal/policies', { key: admin, body: { name: 'Past', access_rights: { [mine.apiId]: right(mine.apiId) } } });
    await t.request('POST', '/api/keys', { key: admin, body: { alias: 'past', access_rights: { [mine.apiId]: right(mine.apiId) } } });
    for (const key of [owner.key, admin]) {
      for (const [url, field] of [
        ['/api/portal/policies', 'Pages'],
        ['/api/keys/detailed', 'pages'],
        ['/api/apis', 'pages'],
      ] as const) {
        const first = await pages(`${url}?p=1`, key, field);
        expect(first).toBeGreaterThan(0);
        expect(await pages(`${url}?p=${first + 3}`, key, field)).toBe(first);
        expect(await pages(`${url}?p=${first}`, key, field)).toBe(first);
      }
    }
  });
});
