import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

interface Entry {
  _id: string;
  user: string;
  ip: string;
  action: string;
  target_type: string;
  target_id: string;
  changes: Record<string, unknown>;
  timestamp: number;
  date: string;
}

describe('audit log', () => {
  let t: TestApp;
  let root: string;
  const secrets: string[] = [ADMIN.password];

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    secrets.push(root);
  });
  afterAll(async () => {
    await t.close();
  });

  const all = async (query = '') => (await t.request('GET', `/api/audit-logs?p=-1${query}`, { key: root })).json().audit_logs as Entry[];

  it('records every change and every sign-in with who, where, what and which fields, never a secret', async () => {
    const created = await t.request('POST', '/api/users', {
      key: root,
      body: { first_name: 'Audited', last_name: 'User', email_address: 'audited@example.com', password: 'audited-password-1', user_permissions: { apis: 'read' } },
      remoteAddress: '192.0.2.7',
    });
    const id = created.json().Meta.id as string;
    secrets.push('audited-password-1', created.json().Meta.access_key as string);
    await t.request('PUT', `/api/users/${id}`, { key: root, body: { first_name: 'Renamed', user_permissions: { apis: 'write' } } });
    await t.request('PUT', `/api/users/${id}`, { key: root, body: { active: false } });
    await t.request('PUT', `/api/users/${id}`, { key: root, body: { active: true } });
    const reset = await t.request('PUT', `/api/users/${id}/actions/key/reset`, { key: root });
    secrets.push(reset.json().Meta.access_key as string);
    const pw = await t.request('POST', `/api/users/${id}/actions/reset`, { key: root, body: { new_password: 'audited-password-2' } });
    secrets.push('audited-password-2', pw.json().Meta.access_key as string);
    const good = await t.request('POST', '/auth/password/login', { body: { email: 'audited@example.com', password: 'audited-password-2' }, remoteAddress: '198.51.100.1' });
    secrets.push(sessionFrom(good)!);
    await t.request('POST', '/auth/password/login', { body: { email: 'audited@example.com', password: 'wrong-password-9' }, remoteAddress: '198.51.100.2' });
    await t.request('PUT', `/api/users/${id}/actions/revoke`, { key: root });
    const g = await t.request('POST', '/api/usergroups', { key: root, body: { name: 'Audit group', user_permissions: { users: 'read' } } });
    const gid = g.json().Meta as string;
    await t.request('PUT', `/api/usergroups/${gid}`, { key: root, body: { user_permissions: { users: 'write' } } });
    await t.request('DELETE', `/api/usergroups/${gid}`, { key: root });
    await t.request('DELETE', `/api/users/${id}`, { key: root });

    const entries = await all();
    const actions = entries.map((e) => e.action);
    for (const a of [
      'bootstrap',
      'user.create',
      'user.update',
      'user.permissions.change',
      'user.deactivate',
      'user.activate',
      'user.key.reset',
      'user.password.change',
      'login',
      'login.failed',
      'user.revoke',
      'group.create',
      'group.update',
      'group.permissions.change',
      'group.delete',
      'user.delete',
    ]) {
      expect(actions, a).toContain(a);
    }
    const create = entries.find((e) => e.action === 'user.create' && e.target_id === id)!;
    expect(create).toMatchObject({ user: ADMIN.email, ip: '192.0.2.7', target_type: 'user' });
    expect(create.changes).toMatchObject({ email_address: 'audited@example.com', user_permissions: { apis: 'read' }, password: '(set)' });
    const update = entries.find((e) => e.action === 'user.update' && e.changes.first_name === 'Renamed')!;
    expect(update.changes.user_permissions).toEqual({ apis: 'write' });
    const failed = entries.find((e) => e.action === 'login.failed')!;
    expect(failed).toMatchObject({ user: 'audited@example.com', ip: '198.51.100.2' });
    const deletion = entries.find((e) => e.action === 'user.delete')!;
    expect(deletion.changes.email_address).toBe('audited@example.com');

    const raw = (await t.request('GET', '/api/audit-logs?p=-1', { key: root })).body + (await t.request('GET', '/api/audit-logs?type=csv', { key: root })).body;
    for (const s of secrets) expect(raw.includes(s), 'a secret in the audit log').toBe(false);
  });

  it('filters by user, action and dates, pages, and downloads CSV', async () => {
    const byAction = await all('&action=user.create');
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.every((e) => e.action === 'user.create')).toBe(true);
    const byUser = await all(`&user=${encodeURIComponent('audited@example.com')}`);
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e) => e.user === 'audited@example.com')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await all(`&from_date=${today}&to_date=${today}`)).length).toBe((await all()).length);
    expect(await all('&to_date=2000-01-01')).toEqual([]);
    const bad = await t.request('GET', '/api/audit-logs?from_date=yesterday', { key: root });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().Message).toContain('from_date');
    const page = await t.request('GET', '/api/audit-logs?p=1', { key: root });
    const total = (await all()).length;
    expect(page.json().audit_logs).toHaveLength(10);
    expect(page.json().pages).toBe(Math.ceil(total / 10));
    const csv = await t.request('GET', '/api/audit-logs?type=csv&action=login', { key: root });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('id,date,user,ip,action,target_type,target_id,method,url,status,request_id,changes');
    expect(lines.length).toBe(1 + (await all('&action=login')).length);
    const one = (await all())[0]!;
    const single = await t.request('GET', `/api/audit-logs/${one._id}`, { key: root });
    expect(single.json()).toEqual(one);
  });

  it('needs audit_logs: read', async () => {
    const none = await createUser(t, root, 'noaudit@example.com', { perms: { users: 'read' } });
    const reader = await createUser(t, root, 'auditor@example.com', { perms: { audit_logs: 'read' } });
    expect((await t.request('GET', '/api/audit-logs', { key: none.key })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/audit-logs', { key: reader.key })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/audit-logs/1', { key: none.key })).statusCode).toBe(403);
  });
});
