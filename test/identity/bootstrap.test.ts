import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('bootstrap', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const body = (email: string) => ({ username: email, password: 'bootstrap-password-1', first_name: 'First', last_name: 'Admin' });

  it('creates the first administrator once and answers 409 afterwards, changing nothing', async () => {
    t = await startTestApp();
    const res = await t.request('POST', '/portal-api/bootstrap', { body: body('first@example.com') });
    expect(res.statusCode).toBe(200);
    const reply = res.json() as { code: string; message: string; data: { api_token: string } };
    expect(reply).toMatchObject({ code: 'OK', message: 'Bootstrapped user successfully' });
    const me = await t.request('GET', '/api/users/me', { key: reply.data.api_token });
    expect(me.json()).toMatchObject({ email_address: 'first@example.com', role: 'super-admin', first_name: 'First' });

    const again = await t.request('POST', '/portal-api/bootstrap', { body: body('second@example.com') });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ status: 'error', errors: [expect.stringContaining('already bootstrapped')] });
    const users = await t.request('GET', '/api/users?p=-1', { key: reply.data.api_token });
    expect((users.json().users as { email_address: string }[]).map((u) => u.email_address)).toEqual(['first@example.com']);
  });

  it('tells anyone, without credentials, whether the first administrator exists', async () => {
    t = await startTestApp();
    const before = await t.request('GET', '/portal-api/bootstrap');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ bootstrapped: false });
    await t.bootstrap();
    const after = await t.request('GET', '/portal-api/bootstrap');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ bootstrapped: true });
  });

  it('lets exactly one of several simultaneous bootstraps win', async () => {
    t = await startTestApp();
    const app = t;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => app.request('POST', '/portal-api/bootstrap', { body: body(`racer${i}@example.com`) })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().data.api_token as string;
    const users = await t.request('GET', '/api/users?p=-1', { key: winner });
    const list = users.json().users as { role: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.role).toBe('super-admin');
  });

  it('refuses a weak password or a malformed email, naming the field, and stays open', async () => {
    t = await startTestApp();
    const weak = await t.request('POST', '/portal-api/bootstrap', { body: { ...body('a@example.com'), password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toContain('password');
    const email = await t.request('POST', '/portal-api/bootstrap', { body: { ...body('a@example.com'), username: 'not-an-email' } });
    expect(email.statusCode).toBe(400);
    expect(email.json().errors[0]).toContain('username');
    expect((await t.request('POST', '/portal-api/bootstrap', { body: body('a@example.com') })).statusCode).toBe(200);
  });
});

describe('the HTTP skeleton', () => {
  it('serves the OpenAPI document and a reference page', async () => {
    const t = await startTestApp();
    try {
      const doc = await t.request('GET', '/api/openapi.json');
      expect(doc.statusCode).toBe(200);
      const paths = Object.keys((doc.json() as { paths: Record<string, unknown> }).paths);
      for (const p of ['/api/users', '/api/users/{id}', '/api/usergroups', '/api/audit-logs', '/auth/password/login', '/portal-api/bootstrap', '/health']) {
        expect(paths).toContain(p);
      }
      const page = await t.request('GET', '/api/docs/');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const unknown = await t.request('GET', '/api/nothing-here');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ Status: 'Error', Message: 'Not found', Meta: null });
    } finally {
      await t.close();
    }
  });
});
