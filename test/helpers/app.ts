import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Store } from '../../src/db/database.js';
import { openMigratedStore } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** The Origin header a same-site browser sends; cookie-authenticated writes need it (inject's host is localhost:80). */
export const SAME_ORIGIN = { origin: 'http://localhost:80' };

export const ADMIN = { email: 'root@example.com', password: 'correct-horse-battery', first: 'Root', last: 'Admin' };

export interface RequestOptions {
  /** Access key, sent as `Authorization: <key>`. */
  key?: string;
  /** Session cookie value. */
  session?: string;
  body?: unknown;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  store: Store;
  database: TestDatabase;
  request(method: string, url: string, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  /** Bootstraps the super-admin and returns its access key. */
  bootstrap(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real Portcullis app on a fresh database (SQLite, or PostgreSQL when
 * PORTCULLIS_TEST_DATABASE_URL says so), driven through HTTP with inject.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ PORTCULLIS_LOG_LEVEL: 'silent', ...env, PORTCULLIS_DATABASE_URL: database.url });
  const store = await openMigratedStore(config);
  const { app } = await buildApp({ store, config });
  await app.ready();

  async function request(method: string, url: string, opts: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key !== undefined) headers.authorization = opts.key;
    if (opts.session !== undefined) headers.cookie = `portcullis_session=${opts.session}`;
    return app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(opts.body !== undefined ? { payload: opts.body as string } : {}),
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });
  }

  return {
    app,
    config,
    store,
    database,
    request,
    async bootstrap() {
      const res = await request('POST', '/portal-api/bootstrap', {
        body: { username: ADMIN.email, password: ADMIN.password, first_name: ADMIN.first, last_name: ADMIN.last },
      });
      if (res.statusCode !== 200) throw new Error(`bootstrap failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { data: { api_token: string } }).data.api_token;
    },
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

/** The session cookie value set by a response, if any. */
export function sessionFrom(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((x) => x.name === 'portcullis_session');
  return c?.value;
}
