import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type RunningCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/*
 * Signing in (an access key, a session cookie) is served from memory while
 * nothing it read has changed (SQLite's change counters; PostgreSQL's
 * notifications). Two server processes share one database: every change made
 * through one — a key reset, a permission change, a deactivation, a sign-out —
 * holds on the other's very next request, although the other has just served
 * the same credential from memory.
 */

let db: TestDatabase;
let a: RunningCli;
let b: RunningCli;

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_LOG_LEVEL: 'warn' };
  a = await startCliServer(env);
  b = await startCliServer(env);
}, 60_000);
afterAll(async () => {
  for (const s of [a, b]) {
    s?.child.kill('SIGTERM');
    await s?.exited;
  }
  await db?.drop();
});

interface Reply {
  status: number;
  body: Record<string, unknown>;
  cookie: string | undefined;
}

async function call(server: RunningCli, method: string, path: string, auth: { key?: string; cookie?: string } = {}, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (auth.key) headers.authorization = auth.key;
  if (auth.cookie) headers.cookie = auth.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  // Browsers' sign-in requests carry their origin; the server checks it.
  if (path.startsWith('/auth/')) headers.origin = server.url;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

/** The credential works on `server` twice in a row (the second time from memory). */
async function servedTwice(server: RunningCli, auth: { key?: string; cookie?: string }): Promise<void> {
  for (let i = 0; i < 2; i++) expect((await call(server, 'GET', '/api/users/me', auth)).status).toBe(200);
}

describe(`sign-in checks from memory, across two server processes`, () => {
  let admin = '';
  beforeAll(async () => {
    const boot = await call(a, 'POST', '/portal-api/bootstrap', {}, { username: 'ops@example.com', password: 'ops-password-1', first_name: 'Ops', last_name: 'Team' });
    expect(boot.status, JSON.stringify(boot.body)).toBe(200);
    admin = (boot.body.data as { api_token: string }).api_token;
  });

  async function user(email: string, perms: Record<string, string>): Promise<{ id: string; key: string }> {
    const res = await call(a, 'POST', '/api/users', { key: admin }, { first_name: 'U', last_name: 'Ser', email_address: email, password: 'user-password-1', user_permissions: perms });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const meta = res.body.Meta as { id: string; access_key: string };
    return { id: meta.id, key: meta.access_key };
  }

  it('a key reset on one process refuses the old key on the other at once', async () => {
    const u = await user('reset@example.com', { apis: 'read' });
    await servedTwice(b, { key: u.key });
    expect((await call(a, 'PUT', `/api/users/${u.id}/actions/key/reset`, { key: admin })).status).toBe(200);
    expect((await call(b, 'GET', '/api/users/me', { key: u.key })).status).toBe(401);
  });

  it('a permission change on one process holds on the other at once', async () => {
    const u = await user('perms@example.com', { apis: 'read' });
    await servedTwice(b, { key: u.key });
    expect((await call(b, 'GET', '/api/apis', { key: u.key })).status).toBe(200);
    expect((await call(a, 'PUT', `/api/users/${u.id}`, { key: admin }, { user_permissions: { apis: 'deny' } })).status).toBe(200);
    expect((await call(b, 'GET', '/api/apis', { key: u.key })).status).toBe(403);
  });

  it('a deactivation on one process refuses the account on the other at once', async () => {
    const u = await user('leaver@example.com', { apis: 'read' });
    await servedTwice(b, { key: u.key });
    expect((await call(a, 'PUT', `/api/users/${u.id}`, { key: admin }, { active: false })).status).toBe(200);
    expect((await call(b, 'GET', '/api/users/me', { key: u.key })).status).toBe(401);
  });

  it('signing out on one process ends the session on the other at once', async () => {
    await user('session@example.com', { apis: 'read' });
    const signIn = await call(a, 'POST', '/auth/password/login', {}, { email: 'session@example.com', password: 'user-password-1' });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    const cookie = signIn.cookie!;
    expect(cookie).toMatch(/=/);
    await servedTwice(b, { cookie });
    expect((await call(a, 'POST', '/auth/password/logout', { cookie })).status).toBeLessThan(300);
    expect((await call(b, 'GET', '/api/users/me', { cookie })).status).toBe(401);
  });
});
