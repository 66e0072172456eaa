import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createGroup, createUser } from '../helpers/fixtures.js';

/*
 * The audit log: every change and every sign-in (failed or not) is recorded with
 * who (the acting user's email), when, the client address, the action, the target
 * and the changed fields, and never a secret. Read through GET /api/audit-logs
 * (filters, pages, CSV) and GET /api/audit-logs/{id}, with audit_logs: read.
 */

interface Entry {
  _id: string;
  req_id: string;
  date: string;
  timestamp: number;
  ip: string;
  user: string;
  action: string;
  method: string;
  url: string;
  status: number;
  target_type: string;
  target_id: string;
  changes: Record<string, unknown>;
}

interface Expected {
  step: string;
  action: string;
  user: string;
  ip: string;
  target_type: string;
  target_id: () => string;
  changes?: Record<string, unknown>;
}

const CSV_HEADER = 'id,date,user,ip,action,target_type,target_id,method,url,status,request_id,changes';
const MANAGER = 'manager@example.com';
const AUDITED = 'audited@example.com';

/** A small RFC 4180 reader: rows of cells, quotes and doubled quotes honoured. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('audit log', () => {
  let t: TestApp;
  let root: string;
  let rootId = '';
  let managerKey = '';
  let auditedId = '';
  let groupId = '';
  let startedAt = 0;
  let endedAt = 0;
  const secrets = new Set<string>();
  const expected: Expected[] = [];

  const must = (res: LightMyRequestResponse, what: string, status = 200) => {
    if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const all = async (query = '', key = root) => {
    const res = await t.request('GET', `/api/audit-logs?p=-1${query}`, { key });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().audit_logs as Entry[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    startedAt = Date.now();
    const ip = (n: number) => `192.0.2.${n}`;

    // 1. Bootstrap.
    const boot = must(
      await t.request('POST', '/portal-api/bootstrap', {
        body: { username: ADMIN.email, password: ADMIN.password, first_name: ADMIN.first, last_name: ADMIN.last },
        remoteAddress: ip(1),
      }),
      'bootstrap',
    );
    root = boot.json().data.api_token as string;
    secrets.add(ADMIN.password).add(root);
    rootId = (await t.request('GET', '/api/users/me', { key: root })).json().id as string;
    expected.push({ step: 'bootstrap', action: 'bootstrap', user: ADMIN.email, ip: ip(1), target_type: 'user', target_id: () => rootId, changes: { email_address: ADMIN.email, role: 'super-admin' } });

    // 2. A manager who is not the super-admin, so that "who" is not always the same person.
    const manager = must(
      await t.request('POST', '/api/users', {
        key: root,
        body: { first_name: 'Mana', last_name: 'Ger', email_address: MANAGER, password: 'manager-password-1', user_permissions: { users: 'write', user_groups: 'write', apis: 'write' } },
        remoteAddress: ip(2),
      }),
      'manager',
    );
    managerKey = manager.json().Meta.access_key as string;
    const managerId = manager.json().Meta.id as string;
    secrets.add('manager-password-1').add(managerKey);
    expected.push({
      step: 'create the manager',
      action: 'user.create',
      user: ADMIN.email,
      ip: ip(2),
      target_type: 'user',
      target_id: () => managerId,
      changes: { email_address: MANAGER, user_permissions: { users: 'write', user_groups: 'write', apis: 'write' }, password: '(set)' },
    });

    // 3. The manager creates a user.
    const created = must(
      await t.request('POST', '/api/users', {
        key: managerKey,
        body: { first_name: 'Audited', last_name: 'User', email_address: AUDITED, password: 'audited-password-1', user_permissions: { apis: 'read' } },
        remoteAddress: ip(3),
      }),
      'create',
    );
    auditedId = created.json().Meta.id as string;
    secrets.add('audited-password-1').add(created.json().Meta.access_key as string);
    const target = () => auditedId;
    expected.push({
      step: 'create a user',
      action: 'user.create',
      user: MANAGER,
      ip: ip(3),
      target_type: 'user',
      target_id: target,
      changes: { email_address: AUDITED, first_name: 'Audited', last_name: 'User', user_permissions: { apis: 'read' }, active: true, password: '(set)' },
    });

    // 4. Update a field.
    must(await t.request('PUT', `/api/users/${auditedId}`, { key: managerKey, body: { first_name: 'Renamed' }, remoteAddress: ip(4) }), 'update');
    expected.push({ step: 'rename', action: 'user.update', user: MANAGER, ip: ip(4), target_type: 'user', target_id: target, changes: { first_name: 'Renamed' } });

    // 5. Permission change.
    must(await t.request('PUT', `/api/users/${auditedId}`, { key: root, body: { user_permissions: { apis: 'write', analytics: 'read' } }, remoteAddress: ip(5) }), 'perms');
    expected.push({
      step: 'permission change',
      action: 'user.permissions.change',
      user: ADMIN.email,
      ip: ip(5),
      target_type: 'user',
      target_id: target,
      changes: { user_permissions: { apis: 'write', analytics: 'read' } },
    });

    // 6-8. Deactivation, a refused sign-in while inactive, activation.
    must(await t.request('PUT', `/api/users/${auditedId}`, { key: root, body: { active: false }, remoteAddress: ip(6) }), 'deactivate');
    expected.push({ step: 'deactivate', action: 'user.deactivate', user: ADMIN.email, ip: ip(6), target_type: 'user', target_id: target, changes: { active: false } });
    must(await t.request('POST', '/auth/password/login', { body: { email: AUDITED, password: 'audited-password-1' }, remoteAddress: ip(7) }), 'inactive sign-in', 403);
    expected.push({ step: 'sign-in while inactive', action: 'login.failed', user: AUDITED, ip: ip(7), target_type: 'user', target_id: target });
    must(await t.request('PUT', `/api/users/${auditedId}`, { key: root, body: { active: true }, remoteAddress: ip(8) }), 'activate');
    expected.push({ step: 'activate', action: 'user.activate', user: ADMIN.email, ip: ip(8), target_type: 'user', target_id: target, changes: { active: true } });

    // 9. Key reset.
    const reset = must(await t.request('PUT', `/api/users/${auditedId}/actions/key/reset`, { key: root, remoteAddress: ip(9) }), 'key reset');
    secrets.add(reset.json().Meta.access_key as string);
    expected.push({ step: 'key reset', action: 'user.key.reset', user: ADMIN.email, ip: ip(9), target_type: 'user', target_id: target });

    // 10. An administrator sets the password.
    const adminPw = must(
      await t.request('POST', `/api/users/${auditedId}/actions/reset`, { key: root, body: { new_password: 'audited-password-2' }, remoteAddress: ip(10) }),
      'admin password',
    );
    secrets.add('audited-password-2').add(adminPw.json().Meta.access_key as string);
    expected.push({ step: 'password set by an administrator', action: 'user.password.change', user: ADMIN.email, ip: ip(10), target_type: 'user', target_id: target });

    // 11-14. Sign-ins: JSON, form, wrong password, unknown account.
    const json = must(await t.request('POST', '/auth/password/login', { body: { email: AUDITED, password: 'audited-password-2' }, remoteAddress: ip(11) }), 'sign-in');
    const session = sessionFrom(json)!;
    secrets.add(session);
    expected.push({ step: 'JSON sign-in', action: 'login', user: AUDITED, ip: ip(11), target_type: 'user', target_id: target });
    const form = must(
      await t.request('POST', '/auth/password/login', {
        body: `login=${encodeURIComponent(AUDITED)}&password=audited-password-2`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: ip(12),
      }),
      'form sign-in',
      303,
    );
    secrets.add(sessionFrom(form)!);
    expected.push({ step: 'form sign-in', action: 'login', user: AUDITED, ip: ip(12), target_type: 'user', target_id: target });
    must(await t.request('POST', '/auth/password/login', { body: { email: AUDITED, password: 'wrong-guess-13' }, remoteAddress: ip(13) }), 'wrong password', 401);
    secrets.add('wrong-guess-13');
    expected.push({ step: 'wrong password', action: 'login.failed', user: AUDITED, ip: ip(13), target_type: 'user', target_id: target });
    must(await t.request('POST', '/auth/password/login', { body: { email: 'nobody@example.com', password: 'wrong-guess-14' }, remoteAddress: ip(14) }), 'unknown account', 401);
    secrets.add('wrong-guess-14');
    expected.push({ step: 'unknown account', action: 'login.failed', user: 'nobody@example.com', ip: ip(14), target_type: 'user', target_id: () => 'nobody@example.com' });

    // 15. The user changes their own password in the browser session.
    const own = must(
      await t.request('POST', `/api/users/${auditedId}/actions/reset`, {
        session,
        headers: SAME_ORIGIN,
        body: { current_password: 'audited-password-2', new_password: 'audited-password-3' },
        remoteAddress: ip(15),
      }),
      'own password',
    );
    secrets.add('audited-password-3').add(own.json().Meta.access_key as string);
    expected.push({ step: 'own password change', action: 'user.password.change', user: AUDITED, ip: ip(15), target_type: 'user', target_id: target });
    must(await t.request('POST', '/auth/password/logout', { session, headers: SAME_ORIGIN, remoteAddress: ip(16) }), 'logout');

    // 17. Revoke.
    must(await t.request('PUT', `/api/users/${auditedId}/actions/revoke`, { key: root, remoteAddress: ip(17) }), 'revoke');
    expected.push({ step: 'revoke', action: 'user.revoke', user: ADMIN.email, ip: ip(17), target_type: 'user', target_id: target, changes: { active: false } });

    // 18-20. Groups.
    const g = must(
      await t.request('POST', '/api/usergroups', { key: managerKey, body: { name: 'Audit group', description: 'first', user_permissions: { apis: 'read' } }, remoteAddress: ip(18) }),
      'group',
    );
    groupId = g.json().Meta as string;
    const group = () => groupId;
    expected.push({
      step: 'create a group',
      action: 'group.create',
      user: MANAGER,
      ip: ip(18),
      target_type: 'user_group',
      target_id: group,
      changes: { name: 'Audit group', description: 'first', user_permissions: { apis: 'read' } },
    });
    must(
      await t.request('PUT', `/api/usergroups/${groupId}`, { key: managerKey, body: { description: 'second', user_permissions: { apis: 'write' } }, remoteAddress: ip(19) }),
      'group update',
    );
    expected.push({ step: 'update a group', action: 'group.update', user: MANAGER, ip: ip(19), target_type: 'user_group', target_id: group, changes: { description: 'second' } });
    expected.push({
      step: "change a group's permissions",
      action: 'group.permissions.change',
      user: MANAGER,
      ip: ip(19),
      target_type: 'user_group',
      target_id: group,
      changes: { user_permissions: { apis: 'write' } },
    });
    must(await t.request('DELETE', `/api/usergroups/${groupId}`, { key: managerKey, remoteAddress: ip(20) }), 'group delete');
    expected.push({ step: 'delete a group', action: 'group.delete', user: MANAGER, ip: ip(20), target_type: 'user_group', target_id: group, changes: { name: 'Audit group' } });

    // 21. Delete the user.
    must(await t.request('DELETE', `/api/users/${auditedId}`, { key: root, remoteAddress: ip(21) }), 'delete');
    expected.push({ step: 'delete a user', action: 'user.delete', user: ADMIN.email, ip: ip(21), target_type: 'user', target_id: target, changes: { email_address: AUDITED } });
    endedAt = Date.now();
  });
  afterAll(async () => {
    await t.close();
  });

  it('records every change and every sign-in with who, the client address, the action, the target and the changed fields', async () => {
    const entries = await all();
    for (const e of expected) {
      const found = entries.filter((x) => x.ip === e.ip && x.action === e.action);
      expect(found, `${e.step}: one ${e.action} entry from ${e.ip} in ${JSON.stringify(entries.map((x) => [x.action, x.ip]))}`).toHaveLength(1);
      const entry = found[0]!;
      expect(entry, e.step).toMatchObject({ user: e.user, target_type: e.target_type, target_id: e.target_id() });
      if (e.changes) expect(entry.changes, e.step).toMatchObject(e.changes);
    }
    // The entries of one request name it: method and URL.
    const rename = entries.find((x) => x.action === 'user.update' && x.ip === '192.0.2.4')!;
    expect(rename).toMatchObject({ method: 'PUT', url: `/api/users/${auditedId}`, status: 200 });
    expect(Object.keys(rename.changes)).toEqual(['first_name']);
    // Failed sign-ins say why, without saying what was typed.
    const wrong = entries.find((x) => x.action === 'login.failed' && x.ip === '192.0.2.13')!;
    expect(wrong.status).toBe(401);
    const inactive = entries.find((x) => x.action === 'login.failed' && x.ip === '192.0.2.7')!;
    expect(inactive.status).toBe(403);
    expect(JSON.stringify(inactive.changes)).toMatch(/not active/);
  });

  it('says when: every entry carries the time it was written', async () => {
    const entries = await all();
    expect(entries.length).toBeGreaterThanOrEqual(expected.length);
    for (const e of entries.filter((x) => expected.some((y) => y.ip === x.ip))) {
      expect(e.timestamp * 1000, e.action).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
      expect(e.timestamp * 1000, e.action).toBeLessThanOrEqual(endedAt);
      expect(Math.floor(Date.parse(e.date) / 1000), `${e.action}: date ${e.date}`).toBe(e.timestamp);
      expect(e.ip).not.toBe('');
      expect(e.user).not.toBe('');
    }
    // Newest first.
    const ids = entries.map((e) => Number(e._id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('never holds a secret: no password, access key or session token in any entry, JSON or CSV', async () => {
    expect(secrets.size).toBeGreaterThanOrEqual(14);
    const entries = await all();
    const singles = await Promise.all(entries.map(async (e) => (await t.request('GET', `/api/audit-logs/${e._id}`, { key: root })).body));
    const raw = [
      (await t.request('GET', '/api/audit-logs?p=-1', { key: root })).body,
      (await t.request('GET', '/api/audit-logs?type=csv', { key: root })).body,
      ...singles,
    ].join('\n');
    expect(raw).toContain(AUDITED); // The search reads the real log.
    for (const s of secrets) expect(raw.includes(s), `a secret (${s.slice(0, 4)}…) is in the audit log`).toBe(false);
  });

  it('a refused change writes no entry', async () => {
    const before = await all();
    // The last administrator cannot delete themselves (409); an unknown group id is 400; a member-holding group cannot be deleted (409).
    must(await t.request('DELETE', `/api/users/${rootId}`, { key: root }), 'last admin', 409);
    must(await t.request('POST', '/api/users', { key: root, body: { first_name: 'x', last_name: 'y', email_address: 'x@example.com', group_id: '999999' } }), 'bad group', 400);
    const held = await createGroup(t, root, 'Held', { apis: 'read' });
    await createUser(t, root, 'member@example.com', { groupId: held });
    const mid = await all();
    must(await t.request('DELETE', `/api/usergroups/${held}`, { key: root }), 'group with members', 409);
    must(await t.request('PUT', `/api/users/${rootId}`, { key: managerKey, body: { first_name: 'Hijack' } }), 'manager edits the super-admin', 403);
    expect(before.length + 2).toBe(mid.length); // the group and the member, nothing for the refusals before
    expect((await all()).length).toBe(mid.length);
  });

  describe('reading the log', () => {
    it('filters by user (case-insensitive email), action and client address', async () => {
      const byUser = await all(`&user=${encodeURIComponent(MANAGER.toUpperCase())}`);
      expect(byUser.length).toBeGreaterThanOrEqual(5);
      expect(byUser.every((e) => e.user === MANAGER)).toBe(true);
      expect(byUser.length).toBe((await all()).filter((e) => e.user === MANAGER).length);

      const byAction = await all('&action=login.failed');
      expect(byAction.map((e) => e.ip).sort()).toEqual(['192.0.2.13', '192.0.2.14', '192.0.2.7']);
      const both = await all(`&action=login&user=${encodeURIComponent(AUDITED)}`);
      expect(both.map((e) => e.ip).sort()).toEqual(['192.0.2.11', '192.0.2.12']);
      expect(await all('&action=no.such.action')).toEqual([]);
      expect(await all('&user=nobody-at-all@example.com')).toEqual([]);

      const byIp = await all('&ip=192.0.2.19');
      expect(byIp.map((e) => e.action).sort()).toEqual(['group.permissions.change', 'group.update']);
    });

    it('filters by the object an entry is about (target_type, target_id)', async () => {
      const everything = await all();
      const sample = everything.find((e) => e.target_type === 'user_group')!;
      expect(sample).toBeDefined();
      const aboutIt = await all(`&target_type=user_group&target_id=${encodeURIComponent(sample.target_id)}`);
      expect(aboutIt.length).toBe(everything.filter((e) => e.target_type === 'user_group' && e.target_id === sample.target_id).length);
      expect(aboutIt.length).toBeGreaterThan(0);
      expect(aboutIt.every((e) => e.target_type === 'user_group' && e.target_id === sample.target_id)).toBe(true);
      const groups = await all('&target_type=user_group');
      expect(groups.length).toBe(everything.filter((e) => e.target_type === 'user_group').length);
      expect(groups.length).toBeLessThan(everything.length);
      expect(await all('&target_type=user_group&target_id=no-such-id')).toEqual([]);
    });

    it('filters by date (from_date and to_date, inclusive, YYYY-MM-DD) and refuses bad dates', async () => {
      const everything = await all();
      expect(await all(`&from_date=${day(-1)}&to_date=${day(1)}`)).toEqual(everything);
      expect(await all(`&from_date=${day(2)}`)).toEqual([]);
      expect(await all(`&to_date=${day(-2)}`)).toEqual([]);
      expect(await all(`&from_date=2000-01-01&to_date=2000-12-31`)).toEqual([]);
      for (const bad of ['from_date=yesterday', 'to_date=2026-13-01', 'from_date=01/02/2026']) {
        const res = await t.request('GET', `/api/audit-logs?${bad}`, { key: root });
        expect(res.statusCode, bad).toBe(400);
        expect(res.json().Message, bad).toContain(bad.split('=')[0]);
      }
    });

    it('pages with p and reports pages (10 a page; p=-1 returns all)', async () => {
      const everything = await all();
      expect(everything.length).toBeGreaterThan(20);
      const pages = Math.ceil(everything.length / 10);
      const first = (await t.request('GET', '/api/audit-logs?p=1', { key: root })).json();
      const second = (await t.request('GET', '/api/audit-logs?p=2', { key: root })).json();
      const last = (await t.request('GET', `/api/audit-logs?p=${pages}`, { key: root })).json();
      const beyond = (await t.request('GET', `/api/audit-logs?p=${pages + 1}`, { key: root })).json();
      expect(first.pages).toBe(pages);
      expect(first.audit_logs).toEqual(everything.slice(0, 10));
      expect(second.audit_logs).toEqual(everything.slice(10, 20));
      expect(last.audit_logs).toEqual(everything.slice((pages - 1) * 10));
      expect(beyond.audit_logs).toEqual([]);
      expect((await t.request('GET', '/api/audit-logs', { key: root })).json().audit_logs).toEqual(everything.slice(0, 10));
      // Pages count what the filter matches.
      const failed = (await t.request('GET', '/api/audit-logs?p=1&action=login.failed', { key: root })).json();
      expect(failed.pages).toBe(1);
      expect(failed.audit_logs).toHaveLength(3);
      expect((await t.request('GET', '/api/audit-logs?p=first', { key: root })).statusCode).toBe(400);
    });

    it('downloads CSV with type=csv: every matching entry, one row each, columns aligned', async () => {
      const everything = await all();
      const res = await t.request('GET', '/api/audit-logs?type=csv', { key: root });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
      const rows = parseCsv(res.body);
      expect(rows[0]!.join(',')).toBe(CSV_HEADER);
      // Not paged: all entries, in the same order as the JSON.
      expect(rows.slice(1).map((r) => r[0])).toEqual(everything.map((e) => e._id));
      const col = (name: string) => CSV_HEADER.split(',').indexOf(name);
      for (const [i, e] of everything.entries()) {
        const r = rows[i + 1]!;
        expect(r).toHaveLength(CSV_HEADER.split(',').length);
        expect([r[col('user')], r[col('ip')], r[col('action')], r[col('target_type')], r[col('target_id')]]).toEqual([e.user, e.ip, e.action, e.target_type, e.target_id]);
        expect(JSON.parse(r[col('changes')]!)).toEqual(e.changes);
        expect(Math.floor(Date.parse(r[col('date')]!) / 1000)).toBe(e.timestamp);
      }
      const filtered = parseCsv((await t.request('GET', '/api/audit-logs?type=csv&action=login', { key: root })).body);
      expect(filtered.slice(1).map((r) => r[col('action')])).toEqual((await all('&action=login')).map(() => 'login'));
      expect(filtered.length).toBe(1 + (await all('&action=login')).length);
    });

    it('reads one entry by id; an absent or malformed id is 404', async () => {
      const everything = await all();
      for (const e of everything.slice(0, 5)) {
        const one = await t.request('GET', `/api/audit-logs/${e._id}`, { key: root });
        expect(one.statusCode).toBe(200);
        expect(one.json()).toEqual(e);
      }
      for (const id of ['999999', 'abc', '-1']) {
        const res = await t.request('GET', `/api/audit-logs/${id}`, { key: root });
        expect(res.statusCode, id).toBe(404);
        expect(res.json()).toMatchObject({ Status: 'Error', Meta: null });
      }
    });
  });

  describe('who may read it', () => {
    it('needs audit_logs: read or write (own or through the group); everyone else gets 403, for the list, the CSV and one entry', async () => {
      const entryId = (await all())[0]!._id;
      const readerGroup = await createGroup(t, root, 'Auditors', { audit_logs: 'read' });
      const users = {
        none: await createUser(t, root, 'noaudit@example.com', { perms: { users: 'write' } }),
        deny: await createUser(t, root, 'denied@example.com', { perms: { audit_logs: 'deny' } }),
        read: await createUser(t, root, 'auditor@example.com', { perms: { audit_logs: 'read' } }),
        write: await createUser(t, root, 'auditwriter@example.com', { perms: { audit_logs: 'write' } }),
        group: await createUser(t, root, 'groupauditor@example.com', { groupId: readerGroup }),
      };
      const urls = ['/api/audit-logs', '/api/audit-logs?type=csv', `/api/audit-logs/${entryId}`];
      for (const [who, u] of Object.entries(users)) {
        const allowed = who === 'read' || who === 'write' || who === 'group';
        for (const url of urls) {
          const res = await t.request('GET', url, { key: u.key });
          expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(allowed ? 200 : 403);
          if (!allowed) expect(res.body, `${who} ${url}`).not.toContain('audit_logs":[');
        }
      }
      expect((await t.request('GET', '/api/audit-logs')).statusCode).toBe(401);
      // A reader sees the same log as the super-admin.
      expect(await all('', users.read.key)).toEqual(await all());
    });
  });
});
