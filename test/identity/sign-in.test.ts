import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

describe('signing in', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_LOGIN_MAX_FAILURES: '3' });
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  let ip = 0;
  /** Each test signs in from its own address so the per-address limit stays out of the way. */
  const nextAddress = () => `10.0.0.${++ip}`;

  it('accepts JSON and forms, sets a safe session cookie and says where to go: API Owners to the Admin Portal, other staff to the console home', async () => {
    const res = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password }, remoteAddress: nextAddress() });
    expect(res.statusCode).toBe(200);
    expect(res.json().Meta).toMatchObject({ redirect_to: '/admin/portal', user: { email_address: ADMIN.email, role: 'super-admin' } });
    const cookie = res.cookies.find((c) => c.name === 'portcullis_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect((await t.request('GET', '/api/users/me', { session: cookie.value })).statusCode).toBe(200);

    const form = await t.request('POST', '/auth/password/login', {
      body: `login=${encodeURIComponent(ADMIN.email)}&password=${encodeURIComponent(ADMIN.password)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextAddress(),
    });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/admin/portal');
    expect(sessionFrom(form)).toBeTruthy();

    await createUser(t, root, 'dash@example.com', { password: 'dash-password-1', perms: { apis: 'read' } });
    const dash = await t.request('POST', '/auth/password/login', { body: { email: 'dash@example.com', password: 'dash-password-1' }, remoteAddress: nextAddress() });
    expect(dash.json().Meta.redirect_to).toBe('/admin/');
    await createUser(t, root, 'owner@example.com', { password: 'owner-password-1', perms: { portal: 'read', apis: 'write' } });
    const owner = await t.request('POST', '/auth/password/login', { body: { email: 'owner@example.com', password: 'owner-password-1' }, remoteAddress: nextAddress() });
    expect(owner.json().Meta.redirect_to).toBe('/admin/portal');
  });

  it('marks the cookie Secure behind TLS', async () => {
    const t2 = await startTestApp({ PORTCULLIS_TRUST_PROXY: 'true' });
    try {
      await t2.bootstrap();
      const res = await t2.request('POST', '/auth/password/login', {
        body: { email: ADMIN.email, password: ADMIN.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'portcullis_session')!.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await t2.close();
    }
  });

  it('answers a wrong email and a wrong password alike', async () => {
    const wrongEmail = await t.request('POST', '/auth/password/login', { body: { email: 'nobody@example.com', password: ADMIN.password }, remoteAddress: nextAddress() });
    const wrongPassword = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: 'not-the-password' }, remoteAddress: nextAddress() });
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.json()).toEqual(wrongPassword.json());
  });

  it('tells an inactive user with the right password that the account is not active', async () => {
    const u = await createUser(t, root, 'inactive@example.com', { password: 'inactive-password-1' });
    await t.request('PUT', `/api/users/${u.id}`, { key: root, body: { active: false } });
    const res = await t.request('POST', '/auth/password/login', { body: { email: 'inactive@example.com', password: 'inactive-password-1' }, remoteAddress: nextAddress() });
    expect(res.statusCode).toBe(403);
    expect(res.json().Message).toContain('not active');
    expect(sessionFrom(res)).toBeUndefined();
    const wrong = await t.request('POST', '/auth/password/login', { body: { email: 'inactive@example.com', password: 'wrong-password-1' }, remoteAddress: nextAddress() });
    expect(wrong.statusCode).toBe(401);
  });

  it('limits failed sign-ins per account, then answers 429 with Retry-After even for the right password', async () => {
    await createUser(t, root, 'target@example.com', { password: 'target-password-1' });
    for (let i = 0; i < 3; i++) {
      const res = await t.request('POST', '/auth/password/login', { body: { email: 'target@example.com', password: 'guess' + i }, remoteAddress: nextAddress() });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.request('POST', '/auth/password/login', { body: { email: 'target@example.com', password: 'target-password-1' }, remoteAddress: nextAddress() });
    expect(blocked.statusCode).toBe(429);
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
  });

  it('limits failed sign-ins per client address across accounts', async () => {
    const address = nextAddress();
    for (let i = 0; i < 3; i++) {
      const res = await t.request('POST', '/auth/password/login', { body: { email: `spray${i}@example.com`, password: 'whatever' }, remoteAddress: address });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password }, remoteAddress: address });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const elsewhere = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password }, remoteAddress: nextAddress() });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('holds the per-account limit under concurrency: at most the limit get 401, the rest 429', async () => {
    await createUser(t, root, 'burst@example.com', { password: 'burst-password-1' });
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.request('POST', '/auth/password/login', { body: { email: 'burst@example.com', password: `wrong-${i}` }, remoteAddress: nextAddress() }),
      ),
    );
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(37);
  });

  it('refuses the right password inside a concurrent burst past the limit', async () => {
    await createUser(t, root, 'burst2@example.com', { password: 'burst2-password-1' });
    const attempts = Array.from({ length: 30 }, (_, i) => (i === 20 ? 'burst2-password-1' : `wrong-${i}`));
    const burst = await Promise.all(
      attempts.map((password) => t.request('POST', '/auth/password/login', { body: { email: 'burst2@example.com', password }, remoteAddress: nextAddress() })),
    );
    expect(burst[20]!.statusCode).toBe(429);
    expect(sessionFrom(burst[20]!)).toBeUndefined();
    expect(burst.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(3);
  });

  it('holds the per-address limit under concurrency across accounts', async () => {
    const address = nextAddress();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.request('POST', '/auth/password/login', { body: { email: `spray-burst${i}@example.com`, password: 'whatever' }, remoteAddress: address }),
      ),
    );
    expect(burst.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(3);
    expect(burst.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(27);
  });

  it('holds the limit for concurrent attempts over a real socket', async () => {
    const t2 = await startTestApp({ PORTCULLIS_LOGIN_MAX_FAILURES: '3' });
    try {
      const key = await t2.bootstrap();
      await createUser(t2, key, 'socket@example.com', { password: 'socket-password-1' });
      const base = await t2.app.listen({ port: 0, host: '127.0.0.1' });
      const attempt = async (password: string): Promise<number> => {
        const res = await fetch(`${base}/auth/password/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'socket@example.com', password }),
        });
        await res.arrayBuffer();
        return res.status;
      };
      // The sockets reach the server in no fixed order, so the burst holds only
      // wrong passwords: at most the limit of them is ever checked.
      const codes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`wrong-${i}`)));
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(3);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(27);
      expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
      // Attempts refused while others were in flight are not failures, so fewer than
      // the limit may have been recorded: wrong passwords one at a time reach it…
      let sequential = 0;
      while (sequential < 10 && (await attempt('wrong-again')) === 401) sequential++;
      expect(codes.filter((c) => c === 401).length + sequential).toBe(3);
      // …and then even the right password is refused.
      expect(await attempt('socket-password-1')).toBe(429);
    } finally {
      await t2.close();
    }
  });

  it('ends the session on logout', async () => {
    const res = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password }, remoteAddress: nextAddress() });
    const session = sessionFrom(res)!;
    const out = await t.request('POST', '/auth/password/logout', { session, headers: { origin: 'http://localhost:80' } });
    expect(out.statusCode).toBe(200);
    expect((await t.request('GET', '/api/users/me', { session })).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes from other origins (CSRF) and accepts same-origin ones', async () => {
    const res = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password }, remoteAddress: nextAddress() });
    const session = sessionFrom(res)!;
    const body = { name: 'CSRF group' };
    const none = await t.request('POST', '/api/usergroups', { session, body });
    expect(none.statusCode).toBe(403);
    const evil = await t.request('POST', '/api/usergroups', { session, body, headers: { origin: 'https://evil.example', host: 'portcullis.example' } });
    expect(evil.statusCode).toBe(403);
    const same = await t.request('POST', '/api/usergroups', { session, body, headers: { origin: 'http://portcullis.example', host: 'portcullis.example' } });
    expect(same.statusCode).toBe(200);
    const viaKey = await t.request('POST', '/api/usergroups', { key: root, body: { name: 'Key group' }, headers: { origin: 'https://evil.example' } });
    expect(viaKey.statusCode).toBe(200);
    const crossLogin = await t.request('POST', '/auth/password/login', {
      body: { email: ADMIN.email, password: ADMIN.password },
      headers: { origin: 'https://evil.example', host: 'portcullis.example' },
      remoteAddress: nextAddress(),
    });
    expect(crossLogin.statusCode).toBe(403);
  });

  it('accepts the access key raw or as a Bearer token, and refuses unknown keys', async () => {
    expect((await t.request('GET', '/api/users/me', { key: root })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/users/me', { key: `Bearer ${root}` })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/users/me', { key: 'deadbeef' })).statusCode).toBe(401);
    const none = await t.request('GET', '/api/users/me');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ Status: 'Error', Message: 'Not authorised', Meta: null });
  });

  it('holds a user who must change their password to that until they do', async () => {
    const res = await t.request('POST', '/api/users', {
      key: root,
      body: { first_name: 'New', last_name: 'Hire', email_address: 'newhire@example.com', password: 'initial-password-1', password_change_required: true, user_permissions: { users: 'read' } },
    });
    const id = res.json().Meta.id as string;
    const login = await t.request('POST', '/auth/password/login', { body: { email: 'newhire@example.com', password: 'initial-password-1' }, remoteAddress: nextAddress() });
    expect(login.statusCode).toBe(200);
    expect(login.json().Meta.password_change_required).toBe(true);
    const session = sessionFrom(login)!;
    const origin = { origin: 'http://localhost:80' };
    const blocked = await t.request('GET', '/api/users', { session });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().Message).toContain('password_change_required');
    expect((await t.request('POST', '/api/usergroups', { session, body: { name: 'x' }, headers: origin })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/users/me', { session })).statusCode).toBe(200);
    const changed = await t.request('POST', `/api/users/${id}/actions/reset`, {
      session,
      body: { current_password: 'initial-password-1', new_password: 'chosen-password-2' },
      headers: origin,
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.request('GET', '/api/users', { session })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/users/me', { session })).json().password_change_required).toBe(false);
  });

  it('sets the standard security headers and a request id', async () => {
    const res = await t.request('GET', '/api/users/me', { key: root });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
