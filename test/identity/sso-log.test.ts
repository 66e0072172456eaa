import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Store } from '../../src/db/database.js';
import { openMigratedStore } from '../../src/db/migrate.js';
import { ADMIN, type RequestOptions } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { callbackUrl, completeSignIn, FLOW_COOKIE, profileBody, PUBLIC_URL, SECRETS_KEY, sessionOf, startSignIn, type Requester } from './sso-helpers.js';

/*
 * Single sign-on's secrets never reach the log, even at its most verbose level:
 * not the client secret (written with the profile, sent to the provider at each
 * sign-in), not the authorization code or state in the callback's query, not the
 * flow cookie, not the session token.
 */
describe('single sign-on and the log', () => {
  let database: TestDatabase;
  let store: Store;
  let idp: TestOidcProvider;
  let app: Awaited<ReturnType<typeof buildApp>>['app'];
  const lines: string[] = [];

  const t: Requester = {
    request: (method: string, url: string, opts: RequestOptions = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...opts.headers, ...(opts.key !== undefined ? { authorization: opts.key } : {}) },
        ...(opts.body !== undefined ? { payload: opts.body as string } : {}),
      }),
  };

  beforeAll(async () => {
    idp = await startOidcProvider();
    database = await createTestDatabase();
    const config = loadConfig({ PORTCULLIS_LOG_LEVEL: 'trace', PORTCULLIS_DATABASE_URL: database.url, PORTCULLIS_SECRETS_KEY: SECRETS_KEY, PORTCULLIS_PUBLIC_URL: PUBLIC_URL });
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
    await idp.close();
  });

  it('keeps the client secret, the code, the state, the flow cookie and the session out of the log', async () => {
    const boot = await t.request('POST', '/portal-api/bootstrap', { body: { username: ADMIN.email, password: ADMIN.password, first_name: 'R', last_name: 'A' } });
    const root = (boot.json() as { data: { api_token: string } }).data.api_token;
    const client = await idp.registerClient({ redirect_uris: [callbackUrl('logged')], grant_types: ['authorization_code'], response_types: ['code'] });
    const created = await t.request('POST', '/portal-api/sso_profiles', { key: root, body: profileBody('logged', 'GenerateOrLoginDeveloperProfile', idp, client) });
    expect(created.statusCode, created.body).toBe(201);

    idp.setAccount('logan', { email: 'logan@example.com', email_verified: true });
    const started = await startSignIn(t, 'logged');
    const back = await idp.signIn(started.authorizationUrl, 'logan');
    const done = await completeSignIn(t, back, started.cookie);
    expect(done.statusCode, done.body).toBe(303);
    const session = sessionOf(done)!;
    // A replay of the same callback is refused (the code is spent): its failure is logged too, still without secrets.
    expect((await completeSignIn(t, back, started.cookie)).statusCode).toBe(401);

    const log = lines.join('\n');
    expect(log).toContain('/auth/sso/logged/callback');
    for (const [what, secret] of [
      ['client secret', client.client_secret!],
      ['code', back.searchParams.get('code')!],
      ['state', back.searchParams.get('state')!],
      ['flow cookie', started.cookie],
      ['session', session],
    ] as const) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(log.includes(secret), `${what} in the log: ${lines.filter((l) => l.includes(secret)).join('\n').slice(0, 1500)}`).toBe(false);
    }
    expect(log).not.toContain(FLOW_COOKIE + '=');
  });
});
