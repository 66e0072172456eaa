import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';
import { startMailServer, type MailServer } from '../helpers/smtp.js';

describe('portal settings: send a test email (POST /portal-api/settings/test-email)', () => {
  let t: TestApp;
  let root: string;
  let mail: MailServer;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    mail = await startMailServer({ users: { mailer: 'smtp-pass-123' } });
  });
  afterAll(async () => {
    await mail.stop();
    await t.close();
  });

  const send = (to: unknown, key = root) => t.request('POST', '/portal-api/settings/test-email', { key, body: { to } });
  const put = (body: unknown) => t.request('PUT', '/portal-api/settings/general', { key: root, body });

  it('answers 400 naming SMTPHost while no mail server is set', async () => {
    const res = await send('ops@example.com');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatch(/^SMTPHost: /);
  });

  it('sends through the configured server, signing in, and answers 200 once it accepted the mail', async () => {
    expect((await put({ SMTPHost: '127.0.0.1', SMTPPort: mail.port, SMTPUsername: 'mailer', SMTPPassword: 'smtp-pass-123', SenderEmail: 'portal@example.com' })).statusCode).toBe(200);
    const res = await send('ops@example.com');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ Status: 'OK' });
    // Accepted means received: no waiting for the outbox.
    const got = mail.to('ops@example.com');
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe('Portcullis test email');
    expect(got[0]!.from).toBe('portal@example.com');
  });

  it('answers 502 with the server\'s refusal in plain words, never the password', async () => {
    expect((await put({ SMTPPassword: 'wrong-password-xyz' })).statusCode).toBe(200);
    const res = await send('ops@example.com');
    expect(res.statusCode).toBe(502);
    expect(res.json().errors[0]).toMatch(/did not accept the test email: .*Invalid username or password/);
    expect(res.body).not.toContain('wrong-password-xyz');
  });

  it('answers 502 when the server cannot be reached', async () => {
    const other = await startMailServer();
    const port = other.port;
    await other.stop();
    expect((await put({ SMTPPort: port, SMTPUsername: '', SMTPPassword: '' })).statusCode).toBe(200);
    const res = await send('ops@example.com');
    expect(res.statusCode).toBe(502);
    expect(res.json().errors[0]).toMatch(/ECONNREFUSED|connect/i);
  });

  it('checks the address and needs portal: write', async () => {
    expect((await send('not-an-email')).statusCode).toBe(400);
    const reader = await createUser(t, root, 'reader@example.com', { perms: { portal: 'read' } });
    expect((await send('ops@example.com', reader.key)).statusCode).toBe(403);
    const none = await createUser(t, root, 'none@example.com', { perms: {} });
    expect((await send('ops@example.com', none.key)).statusCode).toBe(403);
  });
});
