import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

interface Entry {
  ID: number;
  Email: string;
  Role: string;
  Permissions: Record<string, string>;
  Group: { ID: number; Name: string } | null;
  Active: boolean;
  CreatedBy: string | null;
  LastLoginAt: string | null;
  OwnedAPIs: { api_id: string; name: string; via: string }[];
}

describe('access review (/portal-api/admin-review)', () => {
  let t: TestApp;
  let root: string;
  let ownerApi: { apiId: string };
  let hiddenApi: { apiId: string };
  let reviewer: { id: string; key: string };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    const g = await createGroup(t, root, 'Payments team', { apis: 'write' });
    const member = await createUser(t, root, 'member@example.com', { groupId: g });
    reviewer = await createUser(t, root, 'auditor@example.com', { perms: { portal: 'read', users: 'read', apis: 'read' } });
    ownerApi = await createApi(t, root, 'Payments', '/payments/');
    hiddenApi = await createApi(t, root, 'Secret', '/secret/');
    await setOwners(t, root, ownerApi.apiId, [reviewer.id], [g]);
    await setOwners(t, root, hiddenApi.apiId, [member.id], []);
    await t.request('PUT', `/api/users/${member.id}`, { key: root, body: { active: false } });
    await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every administrator and Dashboard user with what an auditor needs', async () => {
    const res = await t.request('GET', '/portal-api/admin-review', { key: root });
    expect(res.statusCode).toBe(200);
    const users = res.json().users as Entry[];
    const byEmail = new Map(users.map((u) => [u.Email, u]));
    expect(byEmail.get(ADMIN.email)).toMatchObject({ Role: 'super-admin', Permissions: { IsAdmin: 'admin' }, CreatedBy: null, Active: true });
    expect(byEmail.get(ADMIN.email)!.LastLoginAt).not.toBeNull();
    const member = byEmail.get('member@example.com')!;
    expect(member).toMatchObject({ Role: 'dashboard-user', Permissions: { apis: 'write' }, Group: { Name: 'Payments team' }, Active: false, CreatedBy: ADMIN.email });
    expect(member.OwnedAPIs.map((a) => [a.name, a.via]).sort()).toEqual([
      ['Payments', 'group'],
      ['Secret', 'user'],
    ]);
  });

  it('leaves out APIs the reviewer cannot see, and downloads CSV', async () => {
    const res = await t.request('GET', '/portal-api/admin-review', { key: reviewer.key });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Secret');
    expect(res.body).not.toContain(hiddenApi.apiId);
    const csv = await t.request('GET', '/portal-api/admin-review?format=csv', { key: root });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('id,email,first,last,role,permissions,group,active,created_by,created_at,last_login_at,owned_apis');
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain('Payments (');
  });

  it('needs portal and users read permissions', async () => {
    const portalOnly = await createUser(t, root, 'portal@example.com', { perms: { portal: 'read' } });
    expect((await t.request('GET', '/portal-api/admin-review', { key: portalOnly.key })).statusCode).toBe(403);
    expect((await t.request('GET', '/portal-api/admin-review')).statusCode).toBe(401);
  });
});
