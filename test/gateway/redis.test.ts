import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createKey, createProxiedApi, eventually, gatewayFor, rights, send, spawnGateway, startUpstream, testRedisUrl, type Upstream } from './helpers.js';

const redisUrl = await testRedisUrl();
if (!redisUrl) console.warn('test/gateway/redis.test.ts: no Redis answers at PORTCULLIS_TEST_REDIS_URL or 127.0.0.1:6379, so the Redis tests did not run');

/** Keys and channels of this file's run only, so that runs sharing a Redis never collide. */
const PREFIX = `portcullis-test-${randomBytes(6).toString('hex')}:`;

describe.runIf(redisUrl !== undefined)('gateways sharing Redis', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let api: string;
  // These tests are about sharing counters, not about a slow Redis (redis-outage.test.ts): on a
  // busy machine an answer may take longer than the default wait, and the gateway would count in memory.
  const env = () => ({
    PORTCULLIS_DATABASE_URL: t.database.url,
    PORTCULLIS_REDIS_URL: redisUrl!,
    PORTCULLIS_REDIS_PREFIX: PREFIX,
    PORTCULLIS_GATEWAY_REDIS_TIMEOUT_MS: '5000',
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream();
    api = await createProxiedApi(t, admin, 'Shared', '/shared/', up.url);
  });
  afterAll(async () => {
    await up?.close();
    await t?.close();
  });

  it('two gateway processes enforce one rate limit between them', async () => {
    const { key } = await createKey(t, admin, { access_rights: { [api]: rights(api) }, rate: 100, per: 3600 });
    const [g1, g2] = await Promise.all([spawnGateway(env()), spawnGateway(env())]);
    try {
      const fire = async (url: string, n: number) => {
        const statuses: number[] = [];
        let started = 0;
        const lane = async () => {
          while (started < n) {
            started += 1;
            statuses.push((await send(url, '/shared/x', { headers: { authorization: key } })).status);
          }
        };
        await Promise.all(Array.from({ length: 8 }, lane));
        return statuses;
      };
      const [s1, s2] = await Promise.all([fire(g1.url, 120), fire(g2.url, 120)]);
      const allowed1 = s1.filter((s) => s === 200).length;
      const allowed2 = s2.filter((s) => s === 200).length;
      expect([...s1, ...s2].every((s) => s === 200 || s === 429)).toBe(true);
      // Within 1% of the limit, and both gateways took part.
      expect(Math.abs(allowed1 + allowed2 - 100)).toBeLessThanOrEqual(1);
      expect(allowed1).toBeGreaterThan(0);
      expect(allowed2).toBeGreaterThan(0);
    } finally {
      expect(await g1.stop()).toBe(0);
      expect(await g2.stop()).toBe(0);
    }
  });

  it('keeps quota counters across a gateway restart', async () => {
    const { key } = await createKey(t, admin, { access_rights: { [api]: rights(api) }, quota_max: 3, quota_renewal_rate: 3600 });
    const first = await gatewayFor(t, { PORTCULLIS_REDIS_URL: redisUrl!, PORTCULLIS_REDIS_PREFIX: PREFIX });
    for (let i = 0; i < 3; i++) expect((await send(first.url, '/shared/q', { headers: { authorization: key } })).status).toBe(200);
    await first.stop();
    const second = await gatewayFor(t, { PORTCULLIS_REDIS_URL: redisUrl!, PORTCULLIS_REDIS_PREFIX: PREFIX });
    try {
      const over = await send(second.url, '/shared/q', { headers: { authorization: key } });
      expect(over.status).toBe(403);
      expect(over.json<{ error: string }>().error).toMatch(/^Quota exceeded/);
    } finally {
      await second.stop();
    }
  });

  it('runs several workers on one port with --workers', async () => {
    const { key } = await createKey(t, admin, { access_rights: { [api]: rights(api) }, rate: 5, per: 3600 });
    const g = await spawnGateway(env(), ['--workers', '2']);
    try {
      expect(g.output()).toContain('(2 workers)');
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await send(g.url, '/shared/w', { headers: { authorization: key } })).status);
      // One limit whichever worker answers: the counters are in Redis.
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    } finally {
      expect(await g.stop()).toBe(0);
    }
  });
});

describe.runIf(redisUrl !== undefined)('change notices through Redis', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let up: Upstream;

  beforeAll(async () => {
    db = await createTestDatabase();
    up = await startUpstream();
    server = await startServer(
      loadConfig({
        PORTCULLIS_DATABASE_URL: db.url,
        PORTCULLIS_LOG_LEVEL: 'silent',
        PORTCULLIS_HOST: '127.0.0.1',
        PORTCULLIS_PORT: '0',
        PORTCULLIS_GATEWAY_ENABLED: 'false',
        PORTCULLIS_REDIS_URL: redisUrl!,
        PORTCULLIS_REDIS_PREFIX: PREFIX,
      }),
    );
  });
  afterAll(async () => {
    await server?.stop();
    await up?.close();
    await db?.drop();
  });

  it('reach a gateway that does not poll (within a second)', async () => {
    const call = async (method: string, path: string, key?: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...(key ? { authorization: key } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const boot = await call('POST', '/portal-api/bootstrap', undefined, { username: 'root@example.com', password: 'correct-horse-battery', first_name: 'R', last_name: 'A' });
    expect(boot.status).toBe(200);
    const admin = (boot.body.data as { api_token: string }).api_token;
    const apiRes = await call('POST', '/api/apis', admin, {
      api_definition: { name: 'Noticed', proxy: { listen_path: '/noticed/', target_url: up.url, strip_listen_path: true }, auth: { auth_header_name: 'Authorization' } },
    });
    const apiId = apiRes.body.ID as string;
    const keyRes = await call('POST', '/api/keys', admin, { access_rights: { [apiId]: rights(apiId) } });
    const key = keyRes.body.key as string;
    // Polls once a minute: only a notice makes it look sooner.
    const gw = await spawnGateway({ PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_REDIS_URL: redisUrl!, PORTCULLIS_REDIS_PREFIX: PREFIX, PORTCULLIS_GATEWAY_POLL_MS: '60000' });
    try {
      expect((await send(gw.url, '/noticed/x', { headers: { authorization: key } })).status).toBe(200);
      expect((await call('DELETE', `/api/keys/${keyRes.body.key_hash as string}`, admin)).status).toBe(200);
      expect(await eventually(async () => (await send(gw.url, '/noticed/x', { headers: { authorization: key } })).status === 403, 1000)).toBeGreaterThanOrEqual(0);
    } finally {
      await gw.stop();
    }
  });
});
