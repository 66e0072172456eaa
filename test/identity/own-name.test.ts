import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

describe('changing one’s own name without users: write', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets anyone change their own first and last name, and nothing else', async () => {
    const nell = await createUser(t, root, 'nell@example.com', { perms: { apis: 'read' } });
    const other = await createUser(t, root, 'other@example.com');

    const renamed = await t.request('PUT', `/api/users/${nell.id}`, { key: nell.key, body: { first_name: 'Nella', last_name: 'Nobody' } });
    expect(renamed.statusCode).toBe(200);
    expect((await t.request('GET', '/api/users/me', { key: nell.key })).json()).toMatchObject({ first_name: 'Nella', last_name: 'Nobody' });

    // Any other field, or anyone else's name, still needs users: write.
    for (const body of [
      { first_name: 'Nella', email_address: 'nella@example.com' },
      { user_permissions: { apis: 'write' } },
      { first_name: 'Nella', active: true },
      { first_name: 'Nella', group_id: '' },
      {},
    ]) {
      const res = await t.request('PUT', `/api/users/${nell.id}`, { key: nell.key, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect((await t.request('PUT', `/api/users/${other.id}`, { key: nell.key, body: { first_name: 'Hacked' } })).statusCode).toBe(403);
    expect((await t.request('GET', `/api/users/${other.id}`, { key: root })).json().first_name).toBe('other');
    expect((await t.request('GET', '/api/users/me', { key: nell.key })).json()).toMatchObject({ email_address: 'nell@example.com', user_permissions: { apis: 'read' } });

    // The change is audited like any other.
    const log = await t.request('GET', '/api/audit-logs?action=user.update', { key: root });
    expect(JSON.stringify(log.json())).toContain('Nella');
  });
});
