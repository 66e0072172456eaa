import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser } from '../helpers/fixtures.js';

interface UserView {
  id: string;
  email_address: string;
  role: string;
  active: boolean;
  user_permissions: Record<string, string>;
  group_id: string;
  access_key?: string;
}

describe('Dashboard users, groups and permissions', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  const me = async (key: string) => t.request('GET', '/api/users/me', { key });

  it('labels the bootstrapped user super-admin, later admins provider-admin, others dashboard-user', async () => {
    expect((await me(root)).json()).toMatchObject({ role: 'super-admin', email_address: ADMIN.email, user_permissions: { IsAdmin: 'admin' } });
    const admin2 = await createUser(t, root, 'admin2@example.com', { perms: { IsAdmin: 'admin' } });
    const plain = await createUser(t, root, 'plain@example.com', { perms: { apis: 'read' } });
    expect((await me(admin2.key)).json().role).toBe('provider-admin');
    expect((await me(plain.key)).json().role).toBe('dashboard-user');
    expect(admin2.id).toMatch(/^\d+$/);
    // Granting and removing IsAdmin changes the label.
    await t.request('PUT', `/api/users/${plain.id}`, { key: root, body: { user_permissions: { IsAdmin: 'admin' } } });
    expect((await me(plain.key)).json().role).toBe('provider-admin');
    await t.request('PUT', `/api/users/${plain.id}`, { key: root, body: { user_permissions: { apis: 'read' } } });
    expect((await me(plain.key)).json().role).toBe('dashboard-user');
  });

  it('shows every user with the org_id of the one Dashboard organisation, as Tyk users carry it', async () => {
    const u = await createUser(t, root, 'org@example.com', { perms: { users: 'read' } });
    const created = await t.request('POST', '/api/users', { key: root, body: { first_name: 'O', last_name: 'Rg', email_address: 'org2@example.com', org_id: 'ignored' } });
    expect(created.statusCode).toBe(200);
    expect(created.json().Meta.org_id).toBe('1');
    const views: { org_id?: unknown }[] = [
      (await me(root)).json(),
      (await me(u.key)).json(),
      (await t.request('GET', `/api/users/${u.id}`, { key: root })).json(),
      ...(await t.request('GET', '/api/users', { key: root })).json().users,
      ...(await t.request('POST', '/api/users/search', { key: root, body: { filters: { query: 'org' } } })).json().users,
    ];
    expect(views.length).toBeGreaterThan(4);
    for (const v of views) expect(v.org_id).toBe('1');
    // Sent back unchanged in a read–modify–write, it is accepted.
    const echoed = await t.request('PUT', `/api/users/${u.id}`, { key: root, body: { first_name: 'Orgo', org_id: '1' } });
    expect(echoed.statusCode).toBe(200);
    expect(echoed.json().Meta.org_id).toBe('1');
  });

  it('creates, reads, updates, searches, pages and deletes users', async () => {
    const u = await createUser(t, root, 'Mixed.Case@Example.com', { perms: { users: 'read' } });
    const got = await t.request('GET', `/api/users/${u.id}`, { key: root });
    expect(got.statusCode).toBe(200);
    expect((got.json() as UserView).access_key).toMatch(/^…[0-9a-f]{4}$/);
    const dup = await t.request('POST', '/api/users', {
      key: root,
      body: { first_name: 'X', last_name: 'Y', email_address: 'mixed.case@example.COM' },
    });
    expect(dup.statusCode).toBe(409);
    const upd = await t.request('PUT', `/api/users/${u.id}`, { key: root, body: { first_name: 'Zelda' } });
    expect(upd.statusCode).toBe(200);
    const found = await t.request('POST', '/api/users/search', { key: root, body: { filters: { query: 'zeLDA' } } });
    expect((found.json().users as UserView[]).map((x) => x.id)).toEqual([u.id]);
    const byEmail = await t.request('POST', '/api/users/search', { key: root, body: { filters: { query: 'MIXED.case' } } });
    expect((byEmail.json().users as UserView[]).map((x) => x.id)).toEqual([u.id]);
    for (let i = 0; i < 10; i++) await createUser(t, root, `bulk${i}@example.com`);
    const page1 = await t.request('GET', '/api/users?p=1', { key: root });
    const all = await t.request('GET', '/api/users?p=-1', { key: root });
    const total = (all.json().users as UserView[]).length;
    expect((page1.json().users as UserView[]).length).toBe(10);
    expect(page1.json().pages).toBe(Math.ceil(total / 10));
    const page2 = await t.request('GET', '/api/users?p=2', { key: root });
    expect((page2.json().users as UserView[])[0]!.id).not.toBe((page1.json().users as UserView[])[0]!.id);
    expect((await t.request('DELETE', `/api/users/${u.id}`, { key: root })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/users/${u.id}`, { key: root })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/users/abc', { key: root })).statusCode).toBe(404);
  });

  it('refuses unknown permission sections and values, naming them', async () => {
    const bad = await t.request('POST', '/api/users', {
      key: root,
      body: { first_name: 'A', last_name: 'B', email_address: 'bad@example.com', user_permissions: { apis: 'read', teleport: 'write' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().Message).toContain('"teleport"');
    const badValue = await t.request('POST', '/api/users', {
      key: root,
      body: { first_name: 'A', last_name: 'B', email_address: 'bad@example.com', user_permissions: { apis: 'sometimes' } },
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().Message).toContain('user_permissions.apis');
  });

  it('enforces read and write per section; an absent section is denied', async () => {
    const reader = await createUser(t, root, 'reader@example.com', { perms: { users: 'read' } });
    const nobody = await createUser(t, root, 'nobody@example.com', { perms: { apis: 'write' } });
    expect((await t.request('GET', '/api/users', { key: reader.key })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/users', { key: nobody.key })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/usergroups', { key: reader.key })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/audit-logs', { key: reader.key })).statusCode).toBe(403);
    const write = await t.request('POST', '/api/users', { key: reader.key, body: { first_name: 'A', last_name: 'B', email_address: 'w@example.com' } });
    expect(write.statusCode).toBe(403);
    // Without users: write, other users' ids reveal nothing: an existing and an absent one answer alike.
    for (const url of [`/api/users/${nobody.id}/actions/key/reset`, '/api/users/987654/actions/key/reset']) {
      expect((await t.request('PUT', url, { key: reader.key })).statusCode, url).toBe(403);
    }
    for (const url of [`/api/users/${nobody.id}/actions/reset`, '/api/users/987654/actions/reset']) {
      expect((await t.request('POST', url, { key: reader.key, body: { new_password: 'whatever-123' } })).statusCode, url).toBe(403);
    }
    // Others' keys are not shown to a reader.
    const listed = (await t.request('GET', '/api/users?p=-1', { key: reader.key })).json().users as UserView[];
    expect(listed.find((x) => x.id === nobody.id)!.access_key).toBeUndefined();
  });

  it('lets only administrators create administrators; nobody grants more than they hold', async () => {
    const manager = await createUser(t, root, 'manager@example.com', { perms: { users: 'write', apis: 'read' } });
    const makeAdmin = await t.request('POST', '/api/users', {
      key: manager.key,
      body: { first_name: 'A', last_name: 'B', email_address: 'sneaky@example.com', user_permissions: { IsAdmin: 'admin' } },
    });
    expect(makeAdmin.statusCode).toBe(403);
    const tooMuch = await t.request('POST', '/api/users', {
      key: manager.key,
      body: { first_name: 'A', last_name: 'B', email_address: 'sneaky@example.com', user_permissions: { apis: 'write' } },
    });
    expect(tooMuch.statusCode).toBe(403);
    const fine = await t.request('POST', '/api/users', {
      key: manager.key,
      body: { first_name: 'A', last_name: 'B', email_address: 'fine@example.com', user_permissions: { apis: 'read' } },
    });
    expect(fine.statusCode).toBe(200);
    const raiseSelf = await t.request('PUT', `/api/users/${manager.id}`, { key: manager.key, body: { user_permissions: { users: 'write', apis: 'write' } } });
    expect(raiseSelf.statusCode).toBe(403);
    const selfAdmin = await t.request('PUT', `/api/users/${manager.id}`, { key: manager.key, body: { user_permissions: { IsAdmin: 'admin' } } });
    expect(selfAdmin.statusCode).toBe(403);
    const touchAdmin = await t.request('PUT', '/api/users/1', { key: manager.key, body: { first_name: 'Pwned' } });
    expect(touchAdmin.statusCode).toBe(403);
    expect((await me(manager.key)).json().user_permissions).toEqual({ users: 'write', apis: 'read' });
  });

  it('guards the last active administrator and the super-admin', async () => {
    const t2 = await startTestApp();
    try {
      const boss = await t2.bootstrap();
      const bossId = (await t2.request('GET', '/api/users/me', { key: boss })).json().id as string;
      for (const [method, url, body] of [
        ['PUT', `/api/users/${bossId}`, { active: false }],
        ['PUT', `/api/users/${bossId}`, { user_permissions: { users: 'write' } }],
        ['DELETE', `/api/users/${bossId}`, undefined],
        ['PUT', `/api/users/${bossId}/actions/revoke`, undefined],
      ] as const) {
        const res = await t2.request(method, url, { key: boss, body });
        expect(res.statusCode, `${method} ${url}`).toBe(409);
        expect(res.json().Message).toContain('last active administrator');
      }
      const provider = await createUser(t2, boss, 'provider@example.com', { perms: { IsAdmin: 'admin' } });
      for (const [method, url, body] of [
        ['PUT', `/api/users/${bossId}`, { active: false }],
        ['PUT', `/api/users/${bossId}`, { user_permissions: { apis: 'read' } }],
        ['DELETE', `/api/users/${bossId}`, undefined],
      ] as const) {
        const res = await t2.request(method, url, { key: provider.key, body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
      expect((await t2.request('GET', '/api/users/me', { key: boss })).json()).toMatchObject({ active: true, role: 'super-admin' });
      // The super-admin may act on a provider-admin.
      expect((await t2.request('PUT', `/api/users/${provider.id}`, { key: boss, body: { active: false } })).statusCode).toBe(200);
      // With the provider-admin inactive, the super-admin is the last active one again.
      expect((await t2.request('DELETE', `/api/users/${bossId}`, { key: boss })).statusCode).toBe(409);
    } finally {
      await t2.close();
    }
  });

  it('makes a group the permission template of its members', async () => {
    const g = await createGroup(t, root, 'Readers', { users: 'read' });
    const member = await createUser(t, root, 'member@example.com', { groupId: g, perms: { audit_logs: 'read' } });
    expect((await t.request('GET', '/api/users', { key: member.key })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/audit-logs', { key: member.key })).statusCode).toBe(403);
    const view = (await me(member.key)).json() as UserView;
    expect(view).toMatchObject({ group_id: g, user_permissions: { users: 'read' } });
    await t.request('PUT', `/api/usergroups/${g}`, { key: root, body: { user_permissions: { audit_logs: 'read' } } });
    expect((await t.request('GET', '/api/users', { key: member.key })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/audit-logs', { key: member.key })).statusCode).toBe(200);
    // Leaving the group restores the user's own permissions.
    await t.request('PUT', `/api/users/${member.id}`, { key: root, body: { group_id: '' } });
    expect((await t.request('GET', '/api/audit-logs', { key: member.key })).statusCode).toBe(200);
  });

  it('disables the members of a deactivated group, and refuses to delete a group with members', async () => {
    const g = await createGroup(t, root, 'Ops', { users: 'read' });
    const a = await createUser(t, root, 'ops1@example.com', { groupId: g });
    await createUser(t, root, 'ops2@example.com', { groupId: g });
    expect((await me(a.key)).statusCode).toBe(200);
    expect((await t.request('PUT', `/api/usergroups/${g}`, { key: root, body: { active: false } })).statusCode).toBe(200);
    expect((await me(a.key)).statusCode).toBe(401);
    await t.request('PUT', `/api/usergroups/${g}`, { key: root, body: { active: true } });
    expect((await me(a.key)).statusCode).toBe(401);
    const del = await t.request('DELETE', `/api/usergroups/${g}`, { key: root });
    expect(del.statusCode).toBe(409);
    expect(del.json().Message).toContain('2 members');
    const empty = await createGroup(t, root, 'Empty', {});
    expect((await t.request('DELETE', `/api/usergroups/${empty}`, { key: root })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/usergroups/${empty}`, { key: root })).statusCode).toBe(404);
  });

  it('refuses IsAdmin on a group and permissions above the granter', async () => {
    const res = await t.request('POST', '/api/usergroups', { key: root, body: { name: 'Admins', user_permissions: { IsAdmin: 'admin' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().Message).toContain('IsAdmin');
    const groupAdmin = await createUser(t, root, 'ga@example.com', { perms: { user_groups: 'write' } });
    const over = await t.request('POST', '/api/usergroups', { key: groupAdmin.key, body: { name: 'Big', user_permissions: { users: 'write' } } });
    expect(over.statusCode).toBe(403);
  });

  it('ends sessions and keys at once on key reset, revoke, deletion and password change', async () => {
    const password = 'first-password-1';
    const signIn = async (email: string, pw: string) => {
      const res = await t.request('POST', '/auth/password/login', { body: { email, password: pw }, remoteAddress: '10.9.9.9' });
      expect(res.statusCode).toBe(200);
      return sessionFrom(res)!;
    };
    // Key reset
    const u1 = await createUser(t, root, 'reset@example.com', { password });
    const s1 = await signIn('reset@example.com', password);
    const reset = await t.request('PUT', `/api/users/${u1.id}/actions/key/reset`, { key: root });
    const newKey = reset.json().Meta.access_key as string;
    expect((await me(u1.key)).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users/me', { session: s1 })).statusCode).toBe(401);
    expect((await me(newKey)).statusCode).toBe(200);
    // Revoke
    const u2 = await createUser(t, root, 'revoke@example.com', { password });
    const s2 = await signIn('revoke@example.com', password);
    expect((await t.request('PUT', `/api/users/${u2.id}/actions/revoke`, { key: root })).statusCode).toBe(200);
    expect((await me(u2.key)).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users/me', { session: s2 })).statusCode).toBe(401);
    expect((await t.request('GET', `/api/users/${u2.id}`, { key: root })).json().active).toBe(false);
    // Deactivation through an update
    const u3 = await createUser(t, root, 'deact@example.com', { password });
    const s3 = await signIn('deact@example.com', password);
    await t.request('PUT', `/api/users/${u3.id}`, { key: root, body: { active: false } });
    expect((await me(u3.key)).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users/me', { session: s3 })).statusCode).toBe(401);
    // Deletion
    const u4 = await createUser(t, root, 'delete@example.com', { password });
    const s4 = await signIn('delete@example.com', password);
    await t.request('DELETE', `/api/users/${u4.id}`, { key: root });
    expect((await me(u4.key)).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users/me', { session: s4 })).statusCode).toBe(401);
    // Password change by an administrator
    const u5 = await createUser(t, root, 'pw@example.com', { password });
    const s5 = await signIn('pw@example.com', password);
    const changed = await t.request('POST', `/api/users/${u5.id}/actions/reset`, { key: root, body: { new_password: 'second-password-2' } });
    expect(changed.statusCode).toBe(200);
    expect((await me(u5.key)).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users/me', { session: s5 })).statusCode).toBe(401);
    await signIn('pw@example.com', 'second-password-2');
  });

  it("sets a password as Tyk's provisioning scripts do: an administrator, with new_password (and user_permissions), no current password", async () => {
    const signIn = async (email: string, password: string) =>
      (await t.request('POST', '/auth/password/login', { body: { email, password }, remoteAddress: '10.7.7.7' })).statusCode;
    // The script creates an administrator, then sets its password with that administrator's own key.
    const admin = await createUser(t, root, 'provisioned@example.com', { perms: { IsAdmin: 'admin' } });
    const own = await t.request('POST', `/api/users/${admin.id}/actions/reset`, {
      key: admin.key,
      body: { new_password: 'provisioned-pass-1', user_permissions: { IsAdmin: 'admin' } },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ Status: 'OK', Message: 'User password updated' });
    expect(await signIn('provisioned@example.com', 'provisioned-pass-1')).toBe(200);
    const adminKey = own.json().Meta.access_key as string;
    expect((await me(adminKey)).json().user_permissions).toEqual({ IsAdmin: 'admin' });
    // A current password that is sent is still checked.
    const wrongCurrent = await t.request('POST', `/api/users/${admin.id}/actions/reset`, { key: adminKey, body: { current_password: 'not-it-at-all', new_password: 'provisioned-pass-2' } });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().Message).toContain('current_password');
    // Another user's password, with their permissions set in the same request.
    const member = await createUser(t, root, 'provmember@example.com', { perms: { apis: 'read' } });
    const other = await t.request('POST', `/api/users/${member.id}/actions/reset`, {
      key: adminKey,
      body: { new_password: 'member-pass-1', user_permissions: { apis: 'write', keys: 'read' }, api_model: {} },
    });
    expect(other.statusCode, other.body).toBe(200);
    expect(await signIn('provmember@example.com', 'member-pass-1')).toBe(200);
    expect((await t.request('GET', `/api/users/${member.id}`, { key: root })).json().user_permissions).toEqual({ apis: 'write', keys: 'read' });
    // Bad permissions are refused naming the field, and nothing changes — not even the password.
    const bad = await t.request('POST', `/api/users/${member.id}/actions/reset`, { key: adminKey, body: { new_password: 'member-pass-2', user_permissions: { nonsense: 'write' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().Message).toContain('nonsense');
    expect(await signIn('provmember@example.com', 'member-pass-2')).toBe(401);
    expect(await signIn('provmember@example.com', 'member-pass-1')).toBe(200);
    // A user who is not an administrator still proves their own current password, and grants themselves nothing.
    const plain = await createUser(t, root, 'plainreset@example.com', { password: 'plain-pass-1', perms: { apis: 'read' } });
    const noCurrent = await t.request('POST', `/api/users/${plain.id}/actions/reset`, { key: plain.key, body: { new_password: 'plain-pass-2' } });
    expect(noCurrent.statusCode).toBe(400);
    expect(noCurrent.json().Message).toContain('current_password');
    const selfGrant = await t.request('POST', `/api/users/${plain.id}/actions/reset`, {
      key: plain.key,
      body: { current_password: 'plain-pass-1', new_password: 'plain-pass-2', user_permissions: { IsAdmin: 'admin' } },
    });
    expect(selfGrant.statusCode).toBe(403);
    expect(await signIn('plainreset@example.com', 'plain-pass-1')).toBe(200);
    expect((await me(plain.key)).json().user_permissions).toEqual({ apis: 'read' });
    // Not an administrator: another user's password stays out of reach.
    const byPlain = await t.request('POST', `/api/users/${member.id}/actions/reset`, { key: plain.key, body: { new_password: 'member-pass-3' } });
    expect(byPlain.statusCode).toBe(403);
  });

  it('changes passwords by the rules: own needs the current one, others only for administrators', async () => {
    const u = await createUser(t, root, 'self@example.com', { password: 'self-password-1' });
    const other = await createUser(t, root, 'other@example.com', { password: 'other-password-1', perms: { users: 'write' } });
    const noCurrent = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key: u.key, body: { new_password: 'self-password-2' } });
    expect(noCurrent.statusCode).toBe(400);
    expect(noCurrent.json().Message).toContain('current_password');
    const wrong = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key: u.key, body: { current_password: 'nope-nope-1', new_password: 'self-password-2' } });
    expect(wrong.statusCode).toBe(400);
    const byOther = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key: other.key, body: { new_password: 'self-password-9' } });
    expect(byOther.statusCode).toBe(403);
    const short = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key: u.key, body: { current_password: 'self-password-1', new_password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().Message).toContain('new_password');
    const asEmail = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key: u.key, body: { current_password: 'self-password-1', new_password: 'SELF@example.com' } });
    expect(asEmail.statusCode).toBe(400);
    let key = u.key;
    let current = 'self-password-1';
    for (let i = 2; i <= 6; i++) {
      const res = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key, body: { current_password: current, new_password: `self-password-${i}` } });
      expect(res.statusCode).toBe(200);
      key = res.json().Meta.access_key as string;
      current = `self-password-${i}`;
    }
    // The last five (2..6) are remembered; 1 has dropped out of the history.
    const reuse = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key, body: { current_password: current, new_password: 'self-password-3' } });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().Message).toContain('last 5');
    const old = await t.request('POST', `/api/users/${u.id}/actions/reset`, { key, body: { current_password: current, new_password: 'self-password-1' } });
    expect(old.statusCode).toBe(200);
  });
});
