import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { classicApi, createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * The audit log under API ownership (issue #9, item 8). TeamA owns API1, TeamB
 * owns API2. Everything about API2 — the API itself, policies and keys granting
 * it, products exposing it, apps and access requests on those products,
 * credentials — is written to the log, and a TeamA auditor finds none of it:
 * not in the JSON list, not in the CSV, not by id, not in the page count.
 * Entries about users and groups follow the Dashboard users' rules.
 */

interface Entry {
  _id: string;
  action: string;
  target_type: string;
  target_id: string;
  url: string;
  changes: Record<string, unknown>;
}

const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });
const PASSWORD = 'consumer-password-1';

describe('audit log under API ownership', () => {
  let t: TestApp;
  let root: string;
  let auditorA: { id: string; key: string };
  let auditorB: { id: string; key: string };
  let staffReader: { id: string; key: string };
  let writerA: { id: string; key: string };
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  /** Strings that name TeamB's objects: none may reach a TeamA auditor. */
  const secrets: string[] = [];
  /** Strings TeamA must still find. */
  const mine: string[] = [];

  async function ok<T>(res: LightMyRequestResponse | Promise<LightMyRequestResponse>, status = 200): Promise<T> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  }
  const everything = async (key: string): Promise<Entry[]> => (await ok<{ audit_logs: Entry[] }>(t.request('GET', '/api/audit-logs?p=-1', { key }))).audit_logs;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    const admin = (method: string, url: string, body?: unknown) => t.request(method, url, { key: root, body });
    const perms = { apis: 'write', policies: 'write', keys: 'write', portal: 'write', audit_logs: 'read' };
    const teamA = await createGroup(t, root, 'TeamA', perms);
    const teamB = await createGroup(t, root, 'TeamB', perms);
    auditorA = await createUser(t, root, 'auditor-a@example.com', { groupId: teamA });
    writerA = await createUser(t, root, 'writer-a@example.com', { groupId: teamA });
    auditorB = await createUser(t, root, 'auditor-b@example.com', { groupId: teamB });
    staffReader = await createUser(t, root, 'staff-reader@example.com', { perms: { audit_logs: 'read', users: 'read', user_groups: 'read' } });

    api1 = await createApi(t, root, 'Visible One', '/visible-one/');
    await setOwners(t, root, api1.apiId, [], [teamA]);
    mine.push('Visible One', api1.apiId);
    // TeamB's API, with a recognisable name, listen path and target.
    api2 = await ok<{ Meta: string; ID: string }>(
      admin('POST', '/api/apis', {
        api_definition: { name: 'Hidden Two', api_id: 'hidden-two-id', proxy: { listen_path: '/hidden-two/', target_url: 'http://hidden-two.internal:8080/' } },
        user_group_owners: [teamB],
      }),
    ).then((b) => ({ id: b.Meta, apiId: b.ID }));
    await ok(admin('PUT', `/api/apis/${api2.apiId}`, { api_definition: { name: 'Hidden Two', api_id: 'hidden-two-id', proxy: { listen_path: '/hidden-two-v2/', target_url: 'http://hidden-two.internal:8080/' } } }));
    secrets.push('Hidden Two', 'hidden-two-id', '/hidden-two/', 'hidden-two.internal', 'hidden-two-v2');

    // Policies: one on API2 only, one on both (visible to TeamA through API1, but its entries name API2).
    await ok(admin('POST', '/api/portal/policies', { name: 'Policy Of B', access_rights: { [api2.apiId]: right(api2.apiId) } }));
    await ok(admin('POST', '/api/portal/policies', { name: 'Policy Of Both', access_rights: { [api1.apiId]: right(api1.apiId), [api2.apiId]: right(api2.apiId) } }));
    const policyA = await ok<{ Message: string }>(admin('POST', '/api/portal/policies', { name: 'Policy Of A', access_rights: { [api1.apiId]: right(api1.apiId) } }));
    secrets.push('Policy Of B', 'Policy Of Both');
    mine.push('Policy Of A');

    // Keys: one on API2 (its hash is its id), one of TeamA's, one through a policy on API2 that later loses it.
    const keyB = await ok<{ key_hash: string }>(admin('POST', '/api/keys', { alias: 'key-of-b', access_rights: { [api2.apiId]: right(api2.apiId) } }));
    await ok(admin('PUT', `/api/keys/${keyB.key_hash}`, { alias: 'key-of-b-renamed', access_rights: { [api2.apiId]: right(api2.apiId) } }));
    const keyA = await ok<{ key_hash: string }>(admin('POST', '/api/keys', { alias: 'key-of-a', apply_policies: [policyA.Message] }));
    secrets.push(keyB.key_hash, 'key-of-b');
    mine.push(keyA.key_hash, 'key-of-a');

    // Developer Portal: products on each API, a guide, an app that asks for the hidden product, a credential.
    const portal = (method: string, url: string, body?: unknown) => admin(method, `/portal-api${url}`, body);
    const catalogue = (await ok<{ ID: number }>(portal('POST', '/catalogues', { Name: 'Everything', VisibilityStatus: 'Public' }))).ID;
    const plan = (await ok<{ ID: number }>(portal('POST', '/plans', { Name: 'Open', UnlimitedRateLimit: true, UnlimitedQuota: true, AutoApproveAccessRequests: true, Catalogues: [catalogue] }))).ID;
    const productB = (await ok<{ ID: number }>(portal('POST', '/products', { Name: 'Product Of B', APIDetails: [{ APIID: api2.apiId }], Catalogues: [catalogue] }), 201)).ID;
    await ok(portal('POST', `/products/${productB}/docs`, { Title: 'Guide Of B', Content: 'How to call the hidden API' }), 201);
    const productA = (await ok<{ ID: number }>(portal('POST', '/products', { Name: 'Product Of A', APIDetails: [{ APIID: api1.apiId }], Catalogues: [catalogue] }), 201)).ID;
    secrets.push('Product Of B', 'Guide Of B');
    mine.push('Product Of A');
    await ok(portal('POST', '/users', { First: 'Con', Last: 'Sumer', Email: 'consumer@example.com', Password: PASSWORD, Active: true }));
    const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'consumer@example.com', password: PASSWORD } }))!;
    const live = (method: string, url: string, body?: unknown) => t.request(method, `/portal/api${url}`, { session, body, headers: SAME_ORIGIN });
    const appB = await ok<{ ID: number }>(live('POST', '/apps', { Name: 'App Of B', Description: 'calls the hidden API' }));
    const request = await ok<{ Credentials: { ID: number }[] }>(live('POST', '/access-requests', { AppID: appB.ID, ProductID: productB, PlanID: plan }));
    await ok(live('GET', `/apps/${appB.ID}/credentials/${request.Credentials[0]!.ID}`));
    const appA = await ok<{ ID: number }>(live('POST', '/apps', { Name: 'App Of A' }));
    await ok(live('POST', '/access-requests', { AppID: appA.ID, ProductID: productA, PlanID: plan }));
    secrets.push('App Of B');
    mine.push('App Of A');

    // An API TeamA owned and deleted: TeamA keeps its history, TeamB never had it.
    const gone = await ok<{ ID: string }>(t.request('POST', '/api/apis', { key: writerA.key, body: { ...classicApi('Deleted By A', '/deleted-by-a/'), user_group_owners: [teamA] } }));
    await ok(t.request('DELETE', `/api/apis/${gone.ID}`, { key: writerA.key }));
    mine.push('Deleted By A');
    // And one TeamB owned and deleted.
    const goneB = await createApi(t, root, 'Deleted Of B', '/deleted-of-b/');
    await setOwners(t, root, goneB.apiId, [], [teamB]);
    await ok(admin('DELETE', `/api/apis/${goneB.apiId}`));
    secrets.push('Deleted Of B');
    // TeamB's deleted API leaves its client-chosen api_id free; TeamA takes it. Each side keeps its own history.
    const reused = { ...classicApi('Reused By B', '/reused-b/'), user_group_owners: [teamB] };
    await ok(admin('POST', '/api/apis', { ...reused, api_definition: { ...reused.api_definition, api_id: 'reused-id' } }));
    await ok(admin('DELETE', '/api/apis/reused-id'));
    const again = classicApi('Reused By A', '/reused-a/');
    await ok(t.request('POST', '/api/apis', { key: writerA.key, body: { ...again, api_definition: { ...again.api_definition, api_id: 'reused-id' }, user_group_owners: [teamA] } }));
    secrets.push('Reused By B');
    mine.push('Reused By A');
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a team nothing about another team\'s APIs or what is tied to them, in the JSON list', async () => {
    const raw = JSON.stringify(await everything(auditorA.key));
    for (const s of secrets) expect(raw.includes(s), `TeamA's log names ${s}`).toBe(false);
    for (const s of mine) expect(raw.includes(s), `TeamA's log misses ${s}`).toBe(true);
  });

  it('leaves them out of the CSV download as well', async () => {
    const res = await t.request('GET', '/api/audit-logs?type=csv', { key: auditorA.key });
    expect(res.statusCode).toBe(200);
    for (const s of secrets) expect(res.body.includes(s), `TeamA's CSV names ${s}`).toBe(false);
    for (const s of mine) expect(res.body.includes(s), `TeamA's CSV misses ${s}`).toBe(true);
  });

  it('answers a hidden entry by id exactly like an absent one', async () => {
    const all = await everything(root);
    const hidden = all.filter((e) => secrets.some((s) => JSON.stringify(e).includes(s)));
    expect(hidden.length).toBeGreaterThan(10);
    const absent = await t.request('GET', '/api/audit-logs/99999999', { key: auditorA.key });
    expect(absent.statusCode).toBe(404);
    for (const e of hidden) {
      const res = await t.request('GET', `/api/audit-logs/${e._id}`, { key: auditorA.key });
      expect(res.statusCode, `${e.action} ${e._id}`).toBe(404);
      expect(res.body).toBe(absent.body);
    }
    const visible = (await everything(auditorA.key))[0]!;
    expect((await t.request('GET', `/api/audit-logs/${visible._id}`, { key: auditorA.key })).statusCode).toBe(200);
  });

  it('counts pages over what the reader sees', async () => {
    const seen = await everything(auditorA.key);
    const first = await ok<{ audit_logs: Entry[]; pages: number }>(t.request('GET', '/api/audit-logs?p=1', { key: auditorA.key }));
    expect(first.pages).toBe(Math.max(1, Math.ceil(seen.length / 10)));
    expect(first.audit_logs).toEqual(seen.slice(0, 10));
    const apiCreates = await ok<{ audit_logs: Entry[]; pages: number }>(t.request('GET', '/api/audit-logs?p=-1&action=api.create', { key: auditorA.key }));
    expect(apiCreates.audit_logs.map((e) => e.changes.name).sort()).toEqual(['Deleted By A', 'Reused By A', 'Visible One']);
  });

  it('gives TeamB its own side and administrators everything', async () => {
    const b = JSON.stringify(await everything(auditorB.key));
    for (const s of ['Hidden Two', 'Policy Of B', 'Product Of B', 'App Of B', 'Deleted Of B']) expect(b, s).toContain(s);
    for (const s of ['Visible One', 'Policy Of A', 'Product Of A', 'App Of A', 'Deleted By A', 'Policy Of Both']) expect(b.includes(s), `TeamB's log names ${s}`).toBe(false);
    const all = JSON.stringify(await everything(root));
    for (const s of [...secrets, ...mine]) expect(all, s).toContain(s);
  });

  it('shows entries about Dashboard users and groups only to readers of users and groups', async () => {
    const a = await everything(auditorA.key);
    const rootId = (await ok<{ id: string }>(t.request('GET', '/api/users/me', { key: root }))).id;
    const staffIds = [rootId, auditorA.id, auditorB.id, writerA.id, staffReader.id];
    expect(a.filter((e) => e.target_type === 'user_group' || (e.target_type === 'user' && staffIds.includes(e.target_id)))).toEqual([]);
    // Consumers are the portal's: a reader of the portal still sees entries about them.
    expect(a.some((e) => e.target_type === 'user' && e.changes.email_address === 'consumer@example.com')).toBe(true);
    expect(JSON.stringify(a)).not.toContain('staff-reader@example.com');
    const staff = await everything(staffReader.key);
    expect(staff.some((e) => e.action === 'user.create' && e.changes.email_address === 'auditor-b@example.com')).toBe(true);
    expect(staff.some((e) => e.action === 'group.create' && e.changes.name === 'TeamB')).toBe(true);
    // The staff reader owns no API: TeamB's APIs stay hidden from them too.
    expect(JSON.stringify(staff)).not.toContain('Hidden Two');
  });
});
