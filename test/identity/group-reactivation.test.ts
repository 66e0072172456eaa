import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser } from '../helpers/fixtures.js';

/*
 * Deactivating a user group ends its members' sessions and access keys for good:
 * reactivating the group brings none of them back. Members sign in again, and
 * their keys are reset (docs/authentication.md, "What ends sessions and keys").
 */
describe('reactivating a user group', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (auth: { key?: string; session?: string }) => t.request('GET', '/api/users/me', auth);
  const signIn = (email: string, password: string) => t.request('POST', '/auth/password/login', { body: { email, password } });

  it("revives neither the members' old sessions nor their old keys; they sign in again and get a new key", async () => {
    const g = await createGroup(t, root, 'Night shift', { apis: 'read' });
    const member = await createUser(t, root, 'night@example.com', { groupId: g, password: 'night-password-1' });
    const other = await createUser(t, root, 'day@example.com', { password: 'day-password-1' });
    const session = sessionFrom(await signIn('night@example.com', 'night-password-1'))!;
    expect((await me({ key: member.key })).statusCode).toBe(200);
    expect((await me({ session })).statusCode).toBe(200);

    expect((await t.request('PUT', `/api/usergroups/${g}`, { key: root, body: { active: false } })).statusCode).toBe(200);
    expect((await me({ key: member.key })).statusCode).toBe(401);
    expect((await me({ session })).statusCode).toBe(401);
    expect((await signIn('night@example.com', 'night-password-1')).statusCode).toBe(403);

    expect((await t.request('PUT', `/api/usergroups/${g}`, { key: root, body: { active: true } })).statusCode).toBe(200);
    // Dead for good: reactivation revives neither.
    expect((await me({ key: member.key })).statusCode).toBe(401);
    expect((await me({ session })).statusCode).toBe(401);
    // A user outside the group was never touched.
    expect((await me({ key: other.key })).statusCode).toBe(200);

    // The member signs in again, and a key reset issues a new key.
    const fresh = sessionFrom(await signIn('night@example.com', 'night-password-1'))!;
    expect((await me({ session: fresh })).statusCode).toBe(200);
    const reset = await t.request('PUT', `/api/users/${member.id}/actions/key/reset`, { key: root });
    expect(reset.statusCode, reset.body).toBe(200);
    const newKey = (reset.json() as { Meta: { access_key?: string } }).Meta.access_key;
    expect(newKey).toMatch(/^[0-9a-f]{40}$/);
    expect((await me({ key: newKey! })).statusCode).toBe(200);
    expect((await me({ key: member.key })).statusCode).toBe(401);
  });

  it('ends for good the sessions and key of a user moved into a deactivated group', async () => {
    const g = await createGroup(t, root, 'Dormant', { apis: 'read' });
    expect((await t.request('PUT', `/api/usergroups/${g}`, { key: root, body: { active: false } })).statusCode).toBe(200);
    const mover = await createUser(t, root, 'mover@example.com', { password: 'mover-password-1' });
    const session = sessionFrom(await signIn('mover@example.com', 'mover-password-1'))!;
    expect((await t.request('PUT', `/api/users/${mover.id}`, { key: root, body: { group_id: g } })).statusCode).toBe(200);
    expect((await me({ key: mover.key })).statusCode).toBe(401);
    expect((await me({ session })).statusCode).toBe(401);
    // Out of the group again: still dead.
    expect((await t.request('PUT', `/api/users/${mover.id}`, { key: root, body: { group_id: '' } })).statusCode).toBe(200);
    expect((await me({ key: mover.key })).statusCode).toBe(401);
    expect((await me({ session })).statusCode).toBe(401);
    expect((await me({ session: sessionFrom(await signIn('mover@example.com', 'mover-password-1'))! })).statusCode).toBe(200);
  });
});
