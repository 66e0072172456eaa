import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { backoffMs } from '../../src/notify/outbox.js';
import { openMigratedStore } from '../../src/db/migrate.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';
import { configureSmtp, linkIn, startMailServer, type MailServer, type ReceivedMail } from '../helpers/smtp.js';

/*
 * Email goes out through a real SMTP server on loopback (smtp-server), from the
 * outbox written in the same transaction as the event that caused it.
 */

const FAST = { PORTCULLIS_OUTBOX_POLL_MS: '100', PORTCULLIS_PUBLIC_URL: 'https://portal.example.com' };
const PASSWORD = 'consumer-password-1';
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function createConsumer(t: TestApp, root: string, email: string): Promise<number> {
  const res = await t.request('POST', '/portal-api/users', { key: root, body: { First: 'Mail', Last: 'Reader', Email: email, Password: PASSWORD, Active: true } });
  if (res.statusCode !== 200) throw new Error(`create consumer: ${res.body}`);
  return res.json().ID as number;
}

const askReset = (t: TestApp, email: string) => t.request('POST', '/auth/password/new', { body: { email } });

/*
 * What the outbox keeps of each mail is not on any HTTP surface: the tests that
 * pin it (retries recorded, bodies cleared) read the table itself.
 */
const outboxRows = (t: TestApp, recipients: string[]) =>
  t.store.db
    .selectFrom('email_outbox')
    .select(['recipient', 'subject', 'text_body', 'html_body', 'status', 'attempts', 'last_error', 'next_attempt_at', 'sent_at'])
    .where('recipient', 'in', recipients)
    .orderBy('id')
    .execute();

describe('email outbox', () => {
  let t: TestApp;
  let root: string;
  let mail: MailServer;

  beforeAll(async () => {
    t = await startTestApp(FAST);
    root = await t.bootstrap();
    mail = await startMailServer();
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  it('sends nothing while SMTP is unset, and nothing of that time later', async () => {
    await createConsumer(t, root, 'early@example.com');
    expect((await askReset(t, 'early@example.com')).statusCode).toBe(200);
    await t.request('POST', '/auth/password/register', { body: { first: 'Early', last: 'Bird', email: 'early-reg@example.com', password: PASSWORD, password_confirmation: PASSWORD } });
    await settle();
    await configureSmtp(t, root, mail.port);
    await askReset(t, 'early@example.com');
    const [only] = await mail.waitFor(1);
    await settle();
    expect(mail.received).toHaveLength(1);
    expect(only!.to).toEqual(['early@example.com']);
    expect(only!.subject).toBe('Reset your portal password');
    expect(only!.from).toBe('portal@example.com');
  });

  it('tells the administrators about a pending registration, and the consumer about approval and deactivation', async () => {
    const before = mail.received.length;
    const reg = await t.request('POST', '/auth/password/register', { body: { first: 'Pen', last: 'Ding', email: 'pending@example.com', password: PASSWORD, password_confirmation: PASSWORD } });
    expect(reg.json().Meta.pending_approval).toBe(true);
    const [notice] = (await mail.waitFor(before + 1)).slice(before);
    expect(notice!.to).toEqual(['owners@example.com']);
    expect(notice!.subject).toBe('New registration awaiting approval: pending@example.com');
    expect(notice!.text).toContain('Pen Ding <pending@example.com>');

    const id = ((await t.request('GET', '/portal-api/users?q=pending@', { key: root })).json() as { ID: number }[])[0]!.ID;
    await t.request('PUT', `/portal-api/users/${id}`, { key: root, body: { Active: true } });
    await mail.waitFor(before + 2);
    const activated = mail.to('pending@example.com');
    expect(activated.map((m) => m.subject)).toEqual(['Your portal account is active']);
    expect(activated[0]!.text).toContain('https://portal.example.com/auth/password/login');
    await t.request('PUT', `/portal-api/users/${id}`, { key: root, body: { Active: false } });
    await mail.waitFor(before + 3);
    expect(mail.to('pending@example.com').map((m) => m.subject)).toEqual(['Your portal account is active', 'Your portal account was deactivated']);
  });

  it('welcomes a consumer created active, and emails the owner of an address someone tries to register again', async () => {
    await createConsumer(t, root, 'taken@example.com');
    const until = Date.now() + 5000;
    while (mail.to('taken@example.com').length < 1 && Date.now() < until) await settle(20);
    expect(mail.to('taken@example.com').map((m) => m.subject)).toEqual(['Welcome to the API portal']);
    const res = await t.request('POST', '/auth/password/register', { body: { first: 'Some', last: 'One', email: 'taken@example.com', password: PASSWORD, password_confirmation: PASSWORD } });
    expect(res.json().Meta).toEqual({ pending_approval: true });
    while (mail.to('taken@example.com').length < 2 && Date.now() < until) await settle(20);
    const [, notice] = mail.to('taken@example.com');
    expect(notice?.subject).toBe('Someone tried to register with your address');
    expect(notice?.text).toContain('https://portal.example.com/auth/password/new');
  });

  it('loses nothing while the mail server is down, and delivers each mail once when it is back', async () => {
    await mail.stop();
    const emails = ['down-1@example.com', 'down-2@example.com', 'down-3@example.com'];
    for (const e of emails) await createConsumer(t, root, e);
    for (const e of emails) expect((await askReset(t, e)).statusCode).toBe(200);
    // Let the worker try and fail at least once.
    await settle(800);
    const waiting = await outboxRows(t, emails);
    expect(waiting).toHaveLength(6);
    expect(waiting.every((r) => r.status === 'pending' && r.sent_at === null)).toBe(true);
    expect(waiting.some((r) => r.attempts >= 1 && /ECONNREFUSED|connect/i.test(r.last_error))).toBe(true);
    expect(waiting.filter((r) => r.subject === 'Reset your portal password').every((r) => r.text_body.includes('/auth/password/reset?token='))).toBe(true);
    const received: ReceivedMail[] = [];
    mail = await startMailServer({ port: mail.port, received });
    // A welcome and a reset link for each.
    await mail.waitFor(6, 20_000);
    await settle(500);
    const resets = received.filter((m) => m.subject === 'Reset your portal password');
    const welcomes = received.filter((m) => m.subject === 'Welcome to the API portal');
    expect(resets.map((m) => m.to[0]).sort()).toEqual(emails);
    expect(welcomes.map((m) => m.to[0]).sort()).toEqual(emails);
    expect(received).toHaveLength(6);
    // Delivered: the bodies (which held single-use links) are gone; the facts stay.
    const sent = await outboxRows(t, emails);
    expect(sent).toHaveLength(6);
    for (const row of sent) {
      expect(row).toMatchObject({ status: 'sent', text_body: '', html_body: '', last_error: '' });
      expect(row.sent_at).not.toBeNull();
      expect(row.subject).not.toBe('');
    }
  });

  it('escapes values in the HTML part, and only there', async () => {
    const res = await t.request('POST', '/portal-api/users', {
      key: root,
      body: { First: 'Ann <i>&', Last: 'O\'Hara', Email: 'escaped@example.com', Password: PASSWORD, Active: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = await mail.find('escaped@example.com', 'Welcome');
    expect(m.text).toContain("Hello Ann <i>& O'Hara,");
    expect(m.html).toContain('Hello Ann &lt;i&gt;&amp; O&#39;Hara,');
    expect(m.html).not.toContain('<i>');
  });

  it('signs in to the mail server with the configured username and write-only password', async () => {
    const secure = await startMailServer({ users: { mailer: 'smtp-secret-1' } });
    try {
      await configureSmtp(t, root, secure.port, { SMTPUsername: 'mailer', SMTPPassword: 'smtp-secret-1' });
      const settings = await t.request('GET', '/portal-api/settings/general', { key: root });
      expect(settings.body).not.toContain('smtp-secret-1');
      await createConsumer(t, root, 'authed@example.com');
      await askReset(t, 'authed@example.com');
      const [m] = await secure.waitFor(1);
      expect(m!.to).toEqual(['authed@example.com']);
    } finally {
      await configureSmtp(t, root, mail.port, { SMTPUsername: '', SMTPPassword: '' });
      await secure.stop();
    }
  });
});

describe('email retries', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('records each failed attempt with a doubling delay, never the SMTP password, gives up after 20, and drops the row after 30 days', async () => {
    const t = await startTestApp(FAST);
    // A server that refuses every sign-in: each delivery attempt fails.
    const mail = await startMailServer({ users: { mailer: 'the-right-one' } });
    try {
      const root = await t.bootstrap();
      await configureSmtp(t, root, mail.port, { SMTPUsername: 'mailer', SMTPPassword: 'wrong-smtp-secret' });
      // A Dashboard user: no welcome mail, so the reset link is the only mail in the outbox.
      await createUser(t, root, 'retry@example.com', { password: PASSWORD });
      // A frozen clock makes each next attempt exactly "now + backoff"; timers keep real time.
      vi.useFakeTimers({ toFake: ['Date'] });
      let now = Date.now() + 60_000;
      vi.setSystemTime(now);
      await askReset(t, 'retry@example.com');
      const row = async () => {
        const rows = await outboxRows(t, ['retry@example.com']);
        expect(rows.map((r) => r.subject)).toEqual(['Reset your portal password']);
        return rows[0]!;
      };
      for (let attempt = 1; attempt <= 20; attempt++) {
        let r = await row();
        for (let i = 0; i < 500 && r.attempts < attempt; i++) {
          await settle(10);
          r = await row();
        }
        expect(r.attempts).toBe(attempt);
        expect(r.last_error).toMatch(/535|auth/i);
        expect(r.last_error).not.toContain('wrong-smtp-secret');
        expect(r.last_error).not.toContain(Buffer.from('wrong-smtp-secret').toString('base64'));
        if (attempt < 20) {
          expect(r.status).toBe('pending');
          expect(Date.parse(r.next_attempt_at) - now).toBe(backoffMs(attempt));
          now = Date.parse(r.next_attempt_at);
          vi.setSystemTime(now);
        } else {
          expect(r).toMatchObject({ status: 'failed', text_body: '', html_body: '' });
        }
      }
      expect([1, 2, 3, 10, 11, 20].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 600_000, 600_000, 600_000]);
      vi.setSystemTime(now + 3_600_000);
      await settle(400);
      expect((await row()).attempts).toBe(20);
      expect(mail.received).toEqual([]);
      // Kept 30 days, then dropped.
      vi.setSystemTime(now + 31 * 24 * 3_600_000);
      for (let i = 0; i < 100 && (await outboxRows(t, ['retry@example.com'])).length > 0; i++) await settle(20);
      expect(await outboxRows(t, ['retry@example.com'])).toEqual([]);
    } finally {
      vi.useRealTimers();
      await t.close();
      await mail.stop();
    }
  });
});

describe('email outbox batches', () => {
  it('releases the rest of a claimed batch when its first mail fails, whatever their ids', async () => {
    const t = await startTestApp(FAST);
    // A port with no mail server on it (yet): every delivery attempt is refused at once.
    let mail = await startMailServer();
    const port = mail.port;
    await mail.stop();
    try {
      const root = await t.bootstrap();
      await configureSmtp(t, root, port);
      // Dashboard users: no welcome mail, so each reset link is its account's only mail.
      for (const e of ['older@example.com', 'newer@example.com']) await createUser(t, root, e, { password: PASSWORD });
      const attemptsOf = async (email: string) => (await outboxRows(t, [email]))[0]?.attempts ?? 0;
      const waitAttempts = async (email: string, n: number) => {
        for (let i = 0; i < 500 && (await attemptsOf(email)) < n; i++) await settle(10);
        expect(await attemptsOf(email)).toBe(n);
      };
      // A frozen clock decides what falls due when; timers keep real time.
      vi.useFakeTimers({ toFake: ['Date'] });
      const t0 = Date.now() + 60_000;
      vi.setSystemTime(t0);
      // The older mail (lower id) fails three times: its next attempt is at t0 + 2 + 4 + 8 s.
      await askReset(t, 'older@example.com');
      await waitAttempts('older@example.com', 1);
      vi.setSystemTime(t0 + 2_000);
      await waitAttempts('older@example.com', 2);
      vi.setSystemTime(t0 + 6_000);
      await waitAttempts('older@example.com', 3);
      // The newer mail (higher id) fails once: due at t0 + 8 s, before the older one.
      await askReset(t, 'newer@example.com');
      await waitAttempts('newer@example.com', 1);
      // Both fall due and are claimed in one batch, the newer first; it fails.
      vi.setSystemTime(t0 + 20_000);
      await waitAttempts('newer@example.com', 2);
      expect(await attemptsOf('older@example.com')).toBe(3);
      // The server is back; a minute on, both are delivered (not five minutes later).
      const received: ReceivedMail[] = [];
      mail = await startMailServer({ port, received });
      vi.setSystemTime(t0 + 80_000);
      for (let i = 0; i < 300 && received.length < 2; i++) await settle(20);
      expect(received.map((m) => m.to[0]).sort()).toEqual(['newer@example.com', 'older@example.com']);
    } finally {
      vi.useRealTimers();
      await t.close();
      await mail.stop();
    }
  });
});

describe('email workers sharing one database', () => {
  it('deliver each mail once, whichever process claims it', async () => {
    const t = await startTestApp(FAST);
    // A second control-plane process: its own connections and its own worker, on the same database.
    const otherStore = await openMigratedStore(t.config);
    const { app: other } = await buildApp({ store: otherStore, config: t.config });
    await other.ready();
    let mail = await startMailServer();
    try {
      const root = await t.bootstrap();
      await configureSmtp(t, root, mail.port);
      const emails = Array.from({ length: 8 }, (_, i) => `shared-${i}@example.com`);
      for (const e of emails) await createUser(t, root, e, { password: PASSWORD });
      // With the server down the mails pile up, then fall due together for both workers.
      await mail.stop();
      for (const e of emails) await askReset(t, e);
      await settle(300);
      const received: ReceivedMail[] = [];
      mail = await startMailServer({ port: mail.port, received });
      await mail.waitFor(emails.length, 20_000);
      await settle(1_000);
      expect(received.map((m) => m.to[0]).sort()).toEqual(emails);
      expect((await outboxRows(t, emails)).map((r) => r.status)).toEqual(emails.map(() => 'sent'));
    } finally {
      await other.close();
      await otherStore.close();
      await t.close();
      await mail.stop();
    }
  });
});

describe('email templates', () => {
  it('takes overrides from the templates folder, filling placeholders and leaving unknown ones visible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-templates-'));
    writeFileSync(join(dir, 'password-reset.subject.txt'), 'Custom reset for {{name}}\n');
    writeFileSync(join(dir, 'password-reset.txt'), 'Go to {{reset_url}} now. {{no_such_value}}\n');
    const t = await startTestApp({ ...FAST, PORTCULLIS_EMAIL_TEMPLATES_DIR: dir });
    const mail = await startMailServer();
    try {
      const root = await t.bootstrap();
      await configureSmtp(t, root, mail.port);
      await createConsumer(t, root, 'templated@example.com');
      await askReset(t, 'templated@example.com');
      await mail.waitFor(2);
      const m = mail.received.find((x) => x.subject.startsWith('Custom'));
      expect(m!.subject).toBe('Custom reset for Mail Reader');
      expect(m!.text).toMatch(/^Go to https:\/\/portal\.example\.com\/auth\/password\/reset\?token=\S+ now\. \{\{no_such_value\}\}/);
      // The HTML part was not overridden: the built-in one, with the link.
      expect(m!.raw).toContain('Choose a new password');
      expect(linkIn(m!.text, 'https://portal.example.com/auth/password/reset?token=')).toMatch(/token=[^&\s]+$/);
    } finally {
      await t.close();
      await mail.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
