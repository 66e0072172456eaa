import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Store } from '../../src/db/database.js';
import { openMigratedStore } from '../../src/db/migrate.js';
import { ADMIN, sessionFrom } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/*
 * The request log at the default level (info) never holds a secret: not an
 * access key, a session token, a reset or invitation token, a gateway secret or
 * a credential — in the URL path, the query string or the headers. A real app,
 * its log captured from the logger's own stream.
 */
describe('the request log', () => {
  let database: TestDatabase;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>['app'];
  const lines: string[] = [];
  const GATEWAY_SECRET = 'gateway-secret-0123456789abcdef';

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ PORTCULLIS_LOG_LEVEL: 'info', PORTCULLIS_DATABASE_URL: database.url, PORTCULLIS_GATEWAY_SECRET: GATEWAY_SECRET });
    store = await openMigratedStore(config);
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
        done();
      },
    });
    ({ app } = await buildApp({ store, config }, { logStream }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await database.drop();
  });

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as string } : {}) });

  it('redacts secrets in paths, query strings and headers, and keeps the rest', async () => {
    const boot = await send('POST', '/portal-api/bootstrap', {}, { username: ADMIN.email, password: ADMIN.password, first_name: 'R', last_name: 'A' });
    const root = (boot.json() as { data: { api_token: string } }).data.api_token;
    const created = await send('POST', '/api/users', { authorization: root }, { first_name: 'K', last_name: 'Ey', email_address: 'keyed@example.com', password: 'keyed-password-1', user_permissions: {} });
    const userKey = (created.json() as { Meta: { access_key: string } }).Meta.access_key;
    const login = await send('POST', '/auth/password/login', {}, { email: ADMIN.email, password: ADMIN.password });
    const session = sessionFrom(login)!;
    const rawKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const resetToken = 'reset-token-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const inviteToken = 'invite-token-0a1b2c3d4e5f60718293a4b5c6d7e8f9';

    lines.length = 0;
    expect((await send('GET', `/api/keys/${rawKey}`, { authorization: root })).statusCode).toBe(404);
    await send('GET', `/api/keys/${encodeURIComponent(rawKey)}?p=1`, { authorization: `Bearer ${userKey}` });
    await send('PUT', `/api/keys/${rawKey}`, { authorization: root }, {});
    await send('GET', '/api/users/me', { cookie: `portcullis_session=${session}` });
    await send('GET', `/auth/password/reset?token=${resetToken}&lang=en`);
    await send('GET', `/auth/password/register?lang=en&invite=${inviteToken}`);
    await send('GET', `/portal/api/apps?to%6Ben=${resetToken}`);
    await send('POST', '/api/analytics/records', { 'x-gateway-secret': GATEWAY_SECRET }, []);
    await send('POST', '/auth/password/reset', {}, { token: resetToken, password: 'new-password-12', password_confirmation: 'new-password-12' });

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [rawKey, root, userKey, session, resetToken, inviteToken, GATEWAY_SECRET, ADMIN.password]) {
      expect(log).not.toContain(secret);
    }
    // What is not secret stays, so the log still says what happened.
    const urls = lines.map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url).filter((u): u is string => u !== undefined);
    expect(urls).toContain('/api/keys/[redacted]');
    expect(urls).toContain('/api/keys/[redacted]?p=1');
    expect(urls).toContain('/auth/password/reset?token=[redacted]&lang=en');
    expect(urls).toContain('/auth/password/register?lang=en&invite=[redacted]');
    expect(urls).toContain('/api/users/me');
  });
});
