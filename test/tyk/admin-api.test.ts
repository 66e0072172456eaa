import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';

/*
 * Issue 14, item 11: Tyk's Dashboard Admin API (/admin/users,
 * /admin/organisations), authenticated by the configured admin secret in the
 * `admin-auth` header, sharing /admin with the console: a browser's GET
 * without the header gets the console page. Without a secret configured the
 * Admin API answers 404, as if absent.
 */

const SECRET = 'admin-secret-for-tests-0123456789';
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('Tyk Dashboard Admin API', () => {
  let t: TestApp;
  let root: string;

  const admin = (method: string, url: string, body?: unknown, secret = SECRET) =>
    t.request(method, url, { headers: { 'admin-auth': secret }, ...(body !== undefined ? { body } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ADMIN_SECRET: SECRET });
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, updates and deletes users with the admin secret; every write is audited', async () => {
    const created = await admin('POST', '/admin/users', {
      first_name: 'Ada',
      last_name: 'Admin',
      email_address: 'ada@example.com',
      user_permissions: { apis: 'read' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json() as { Status: string; Message: string; Meta: { id: string; access_key: string; email_address: string } };
    expect(body.Status).toBe('OK');
    // Tyk: Message carries the new user's access key, Meta the user.
    expect(body.Message).toBe(body.Meta.access_key);
    expect(body.Meta.email_address).toBe('ada@example.com');
    // The key works on the Dashboard API.
    expect((await t.request('GET', '/api/apis', { key: body.Meta.access_key })).statusCode).toBe(200);

    const list = await admin('GET', '/admin/users');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { users: { email_address: string }[] }).users.map((u) => u.email_address)).toEqual(expect.arrayContaining(['ada@example.com', 'root@example.com']));

    const one = await admin('GET', `/admin/users/${body.Meta.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: body.Meta.id, first_name: 'Ada' });

    const updated = await admin('PUT', `/admin/users/${body.Meta.id}`, { first_name: 'Augusta' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await admin('GET', `/admin/users/${body.Meta.id}`)).json()).toMatchObject({ first_name: 'Augusta' });

    const deleted = await admin('DELETE', `/admin/users/${body.Meta.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await admin('GET', `/admin/users/${body.Meta.id}`)).statusCode).toBe(404);

    const audit = (await t.request('GET', '/api/audit-logs?p=-1', { key: root })).json() as { audit_logs: { action: string; url: string; method: string; target_id: string }[] };
    const ours = audit.audit_logs.filter((e) => e.url.startsWith('/admin/users'));
    expect(ours.map((e) => `${e.method} ${e.action}`).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POST user\./), expect.stringMatching(/^PUT user\./), expect.stringMatching(/^DELETE user\./)]),
    );
  });

  it('lists the one organisation with its APIs; creating, changing or deleting organisations is refused', async () => {
    const api = await createApi(t, root, 'Org API', '/org-api/');
    const list = await admin('GET', '/admin/organisations');
    expect(list.statusCode, list.body).toBe(200);
    const orgs = (list.json() as { organisations: { id: string; apis: { api_id: string; api_human_name: string }[] }[] }).organisations;
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.apis).toContainEqual({ api_id: api.apiId, api_human_name: 'Org API' });
    expect((await admin('GET', `/admin/organisations/${orgs[0]!.id}`)).json()).toMatchObject({ id: orgs[0]!.id });
    expect((await admin('GET', '/admin/organisations/5cc03283d07e7f00019404b3')).statusCode).toBe(404);
    expect((await admin('POST', '/admin/organisations', { owner_name: 'Other', owner_slug: 'other' })).statusCode).toBe(400);
    expect((await admin('PUT', `/admin/organisations/${orgs[0]!.id}`, { owner_name: 'Renamed' })).statusCode).toBe(400);
    expect((await admin('DELETE', `/admin/organisations/${orgs[0]!.id}`)).statusCode).toBe(400);
  });

  it('a wrong or missing secret is 401, and a Dashboard access key is no admin secret', async () => {
    expect((await admin('GET', '/admin/users', undefined, 'wrong')).statusCode).toBe(401);
    expect((await admin('GET', '/admin/users', undefined, `${SECRET}x`)).statusCode).toBe(401);
    expect((await admin('GET', '/admin/users', undefined, SECRET.slice(0, -1))).statusCode).toBe(401);
    const json = await t.request('GET', '/admin/users', { headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(401);
    expect(json.json()).toMatchObject({ Status: 'Error' });
    // A client that does not ask for an HTML page is the Admin API's, whatever else it sends.
    expect((await t.request('GET', '/admin/users')).statusCode).toBe(401);
    expect((await t.request('GET', '/admin/users', { headers: { accept: '*/*' } })).statusCode).toBe(401);
    expect((await t.request('POST', '/admin/users', { key: root, body: { first_name: 'x', last_name: 'y', email_address: 'x@example.com' } })).statusCode).toBe(401);
    expect((await t.request('DELETE', '/admin/users/1')).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users?p=-1', { key: root })).body).not.toContain('x@example.com');
  });

  it("a browser's GET of /admin/users without admin-auth gets the console page, like any console screen", async () => {
    const page = await t.request('GET', '/admin/users', { headers: BROWSER });
    const otherScreen = await t.request('GET', '/admin/apis', { headers: BROWSER });
    expect(page.statusCode).toBe(otherScreen.statusCode);
    expect(page.headers['content-type']).toBe(otherScreen.headers['content-type']);
    expect(page.body).toBe(otherScreen.body);
    expect(page.body).not.toContain('"Status"');
    const deepLink = await t.request('GET', '/admin/users/42', { headers: BROWSER });
    expect(deepLink.body).toBe(otherScreen.body);
  });
});

describe('Tyk Dashboard Admin API without an admin secret', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 as if absent, whatever the header says; the console still opens', async () => {
    for (const secret of ['', 'anything', 'undefined']) {
      const res = await t.request('GET', '/admin/users', { headers: { 'admin-auth': secret } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ Status: 'Error', Message: 'Not found' });
    }
    expect((await t.request('POST', '/admin/users', { headers: { 'admin-auth': 'x' }, body: { first_name: 'a', last_name: 'b', email_address: 'a@example.com' } })).statusCode).toBe(404);
    expect((await t.request('GET', '/admin/organisations', { headers: { accept: 'application/json' } })).statusCode).toBe(404);
    const page = await t.request('GET', '/admin/users', { headers: BROWSER });
    const otherScreen = await t.request('GET', '/admin/apis', { headers: BROWSER });
    expect(page.statusCode).toBe(otherScreen.statusCode);
    expect(page.body).toBe(otherScreen.body);
  });
});
