import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';
import { configureSmtp, linkIn, startMailServer, type MailServer } from '../helpers/smtp.js';

/* Password reset by email: a single-use link valid 30 minutes, the same answer for every address. */

const PUBLIC = 'https://portal.example.com';

describe('password reset', () => {
  let t: TestApp;
  let root: string;
  let mail: MailServer;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_OUTBOX_POLL_MS: '100', PORTCULLIS_PUBLIC_URL: PUBLIC });
    root = await t.bootstrap();
    mail = await startMailServer();
    await configureSmtp(t, root, mail.port);
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const ask = (email: string, remoteAddress?: string) => t.request('POST', '/auth/password/new', { body: { email }, ...(remoteAddress ? { remoteAddress } : {}) });
  const reset = (token: string, password: string) => t.request('POST', '/auth/password/reset', { body: { token, password, password_confirmation: password } });
  const signIn = (email: string, password: string) => t.request('POST', '/auth/password/login', { body: { email, password } });

  async function linkFor(email: string, count: number): Promise<string> {
    const until = Date.now() + 10_000;
    while (mail.to(email).length < count) {
      if (Date.now() > until) throw new Error(`no reset email for ${email}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const token = linkIn(mail.to(email)[count - 1]!.text, `${PUBLIC}/auth/password/reset?token=`);
    return decodeURIComponent(new URL(token).searchParams.get('token')!);
  }

  it('mails a single-use link; the new password works, the old does not, and every session and key end', async () => {
    const user = await createUser(t, root, 'forgetful@example.com', { password: 'old-password-11', perms: { apis: 'read' } });
    const session = sessionFrom(await signIn('forgetful@example.com', 'old-password-11'))!;
    const asked = await ask('forgetful@example.com');
    expect(asked.statusCode).toBe(200);
    const token = await linkFor('forgetful@example.com', 1);
    const done = await reset(token, 'new-password-22');
    expect(done.statusCode, done.body).toBe(200);
    expect((await signIn('forgetful@example.com', 'old-password-11')).statusCode).toBe(401);
    expect((await signIn('forgetful@example.com', 'new-password-22')).statusCode).toBe(200);
    expect((await t.request('GET', '/api/users/me', { session })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/users/me', { key: user.key })).statusCode).toBe(401);
    const again = await reset(token, 'third-password-33');
    expect(again.statusCode).toBe(400);
    expect(again.json().Message).toMatch(/^token: /);
    const log = (await t.request('GET', `/api/audit-logs?p=-1&target_id=${user.id}`, { key: root })).json().audit_logs as { action: string; user: string }[];
    expect(log.find((e) => e.action === 'user.password.reset')?.user).toBe('forgetful@example.com');
  });

  it('answers an unknown or inactive address exactly like a known one, and mails nothing', async () => {
    const known = await ask(ADMIN.email);
    const unknown = await ask('nobody@example.com');
    await createUser(t, root, 'inactive@example.com', { password: 'inactive-password-1' });
    const id = ((await t.request('GET', '/portal-api/users?q=inactive@', { key: root })).json() as { ID: number }[])[0]!.ID;
    await t.request('PUT', `/portal-api/users/${id}`, { key: root, body: { Active: false } });
    const inactive = await ask('inactive@example.com');
    for (const r of [unknown, inactive]) {
      expect(r.statusCode).toBe(known.statusCode);
      expect(r.body).toBe(known.body);
    }
    await linkFor(ADMIN.email, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.to('nobody@example.com')).toEqual([]);
    expect(mail.to('inactive@example.com')).toEqual([]);
  });

  it('refuses forged tokens, mismatched confirmations and weak passwords, naming the field', async () => {
    await createUser(t, root, 'careful@example.com', { password: 'careful-password-1' });
    await ask('careful@example.com');
    const token = await linkFor('careful@example.com', 1);
    expect((await reset('forged-token', 'good-password-99')).json().Message).toMatch(/^token: /);
    const mismatch = await t.request('POST', '/auth/password/reset', { body: { token, password: 'good-password-99', password_confirmation: 'other-password-99' } });
    expect(mismatch.json().Message).toBe('password_confirmation: does not match password');
    const weak = await reset(token, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().Message).toMatch(/^password: /);
    const reused = await reset(token, 'careful-password-1');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().Message).toMatch(/^password: must differ/);
    // The failures used nothing up: the link still works.
    expect((await reset(token, 'good-password-99')).statusCode).toBe(200);
  });

  it('lets one link end the others, and sends at most three links per half hour', async () => {
    await createUser(t, root, 'many@example.com', { password: 'many-password-1' });
    for (let i = 0; i < 5; i++) expect((await ask('many@example.com')).statusCode).toBe(200);
    const first = await linkFor('many@example.com', 1);
    const third = await linkFor('many@example.com', 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.to('many@example.com')).toHaveLength(3);
    expect((await reset(third, 'many-password-2')).statusCode).toBe(200);
    expect((await reset(first, 'many-password-3')).statusCode).toBe(400);
  });

  it('honours a link for 30 minutes and refuses it after', async () => {
    await createUser(t, root, 'slow@example.com', { password: 'slow-password-1' });
    await createUser(t, root, 'quick@example.com', { password: 'quick-password-1' });
    await ask('slow@example.com', '198.51.100.1');
    await ask('quick@example.com', '198.51.100.1');
    const late = await linkFor('slow@example.com', 1);
    const inTime = await linkFor('quick@example.com', 1);
    // Only the clock moves; the app's timers (and the mail worker) keep real time.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 29 * 60_000);
    expect((await reset(inTime, 'quick-password-2')).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    const refused = await reset(late, 'slow-password-2');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().Message).toMatch(/^token: /);
    expect((await signIn('slow@example.com', 'slow-password-1')).statusCode).toBe(200);
  });

  it('sends at most ten links per half hour on behalf of one client address, answering every request the same', async () => {
    const emails = Array.from({ length: 11 }, (_, i) => `flood-${i}@example.com`);
    for (const e of emails) await createUser(t, root, e, { password: 'flood-password-1' });
    const answers = [];
    for (const e of emails) answers.push(await ask(e, '203.0.113.50'));
    for (const a of answers) expect([a.statusCode, a.body]).toEqual([answers[0]!.statusCode, answers[0]!.body]);
    await linkFor(emails[9]!, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(emails.filter((e) => mail.to(e).length > 0)).toEqual(emails.slice(0, 10));
    // Another client may still ask for the eleventh account.
    await ask(emails[10]!, '203.0.113.51');
    await linkFor(emails[10]!, 1);
  });

  it('holds both limits when the requests come all at once', async () => {
    await createUser(t, root, 'rushed@example.com', { password: 'rushed-password-1' });
    const same = await Promise.all(Array.from({ length: 20 }, (_, i) => ask('rushed@example.com', `192.0.2.${i + 1}`)));
    for (const a of same) expect(a.statusCode).toBe(200);
    const emails = Array.from({ length: 25 }, (_, i) => `rush-${i}@example.com`);
    for (const e of emails) await createUser(t, root, e, { password: 'rush-password-1' });
    const spread = await Promise.all(emails.map((e) => ask(e, '203.0.113.60')));
    for (const a of spread) expect(a.statusCode).toBe(200);
    await linkFor('rushed@example.com', 3);
    const until = Date.now() + 10_000;
    while (emails.filter((e) => mail.to(e).length > 0).length < 10 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
    expect(mail.to('rushed@example.com')).toHaveLength(3);
    expect(emails.filter((e) => mail.to(e).length > 0)).toHaveLength(10);
  });

  it('takes forms and sends the browser to the sign-in page', async () => {
    const res = await t.request('POST', '/auth/password/new', { body: 'email=form%40example.com', headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/auth/password/login');
  });
});
