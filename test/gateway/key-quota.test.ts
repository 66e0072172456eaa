import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp } from '../helpers/app.js';
import { controlPlane, eventually, gatewayFor, rights, send, startUpstream, testRedisUrl, type Upstream } from './helpers.js';

const redisUrl = await testRedisUrl();
if (!redisUrl) console.warn('test/gateway/key-quota.test.ts: no Redis answers at PORTCULLIS_TEST_REDIS_URL or 127.0.0.1:6379, so the Redis case did not run');

interface KeyRead {
  status: number;
  data: { quota_max: number; quota_remaining?: number; quota_renews?: number };
}

/** The shared control plane, with a reader of a key's quota figures. */
async function quotaControlPlane(env: Record<string, string>) {
  const cp = await controlPlane(env);
  const readKey = async (hash: string): Promise<KeyRead> => {
    const r = await cp.call('GET', `/api/keys/${hash}`);
    return { status: r.status, data: r.body.data as KeyRead['data'] };
  };
  return { ...cp, readKey, database: cp.db };
}

async function apiAndKeys(call: Awaited<ReturnType<typeof quotaControlPlane>>['call'], target: string) {
  const api = await call('POST', '/api/apis', {
    api_definition: { name: 'Quota', proxy: { listen_path: '/quota/', target_url: target, strip_listen_path: true }, auth: { auth_header_name: 'Authorization' } },
  });
  expect(api.status).toBe(200);
  const apiId = api.body.ID as string;
  const limited = await call('POST', '/api/keys', { access_rights: { [apiId]: rights(apiId) }, quota_max: 3, quota_renewal_rate: 3600 });
  const unlimited = await call('POST', '/api/keys', { access_rights: { [apiId]: rights(apiId) }, quota_max: -1 });
  expect(limited.status).toBe(200);
  expect(unlimited.status).toBe(200);
  return {
    limited: { key: limited.body.key as string, hash: limited.body.key_hash as string },
    unlimited: { key: unlimited.body.key as string, hash: unlimited.body.key_hash as string },
  };
}

/** Sends requests through the gateway until it knows the key, then `n` more in all counted ones. */
async function spend(gw: string, key: string, n: number): Promise<void> {
  expect(await eventually(async () => (await send(gw, '/quota/x', { headers: { authorization: key } })).status === 200, 2000)).toBeGreaterThanOrEqual(0);
  for (let i = 1; i < n; i++) expect((await send(gw, '/quota/x', { headers: { authorization: key } })).status).toBe(200);
}

describe("a key's quota left, as GET /api/keys/{id} reports it", () => {
  let up: Upstream;
  beforeAll(async () => {
    up = await startUpstream();
  });
  afterAll(async () => {
    await up?.close();
  });

  it('comes from the in-process gateway: whole before any request, then what is left, with the renewal time', async () => {
    const cp = await quotaControlPlane({});
    try {
      const { limited, unlimited } = await apiAndKeys(cp.call, up.url);
      const before = await cp.readKey(limited.hash);
      expect(before.status).toBe(200);
      expect(before.data).toMatchObject({ quota_max: 3, quota_remaining: 3, quota_renews: 0 });
      expect((await cp.readKey(unlimited.hash)).data).toMatchObject({ quota_remaining: -1, quota_renews: 0 });

      await spend(cp.server.gateway!.url, limited.key, 2);
      const after = await cp.readKey(limited.hash);
      expect(after.data.quota_remaining).toBe(1);
      const renews = after.data.quota_renews ?? 0;
      expect(renews).toBeGreaterThan(Date.now() / 1000 + 3500);
      expect(renews).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
      // Reading does not count: the same again.
      expect((await cp.readKey(limited.hash)).data.quota_remaining).toBe(1);
      await spend(cp.server.gateway!.url, limited.key, 1);
      expect((await cp.readKey(limited.hash)).data.quota_remaining).toBe(0);
      expect((await send(cp.server.gateway!.url, '/quota/x', { headers: { authorization: limited.key } })).status).toBe(403);
      expect((await cp.readKey(limited.hash)).data.quota_remaining).toBe(0);
    } finally {
      await cp.server.stop();
      await cp.db.drop();
    }
  });

  it('is left out when the Dashboard cannot reach any counters (no gateway in its process, no Redis)', async () => {
    const t = await startTestApp();
    try {
      const admin = await t.bootstrap();
      const api = await t.request('POST', '/api/apis', {
        key: admin,
        body: { api_definition: { name: 'Alone', proxy: { listen_path: '/alone/', target_url: 'http://127.0.0.1:9' } } },
      });
      const apiId = (api.json() as { ID: string }).ID;
      const created = await t.request('POST', '/api/keys', { key: admin, body: { access_rights: { [apiId]: rights(apiId) }, quota_max: 5, quota_renewal_rate: 60 } });
      const hash = (created.json() as { key_hash: string }).key_hash;
      const read = await t.request('GET', `/api/keys/${hash}`, { key: admin });
      expect(read.statusCode).toBe(200);
      const data = (read.json() as { data: Record<string, unknown> }).data;
      expect(data.quota_max).toBe(5);
      expect('quota_remaining' in data).toBe(false);
      expect('quota_renews' in data).toBe(false);
    } finally {
      await t.close();
    }
  });

  it.runIf(redisUrl !== undefined)('comes from Redis when the gateways run apart and count there', async () => {
    const prefix = `portcullis-test-${randomBytes(6).toString('hex')}:`;
    const env = { PORTCULLIS_REDIS_URL: redisUrl!, PORTCULLIS_REDIS_PREFIX: prefix };
    const cp = await quotaControlPlane({ ...env, PORTCULLIS_GATEWAY_ENABLED: 'false' });
    let gw: RunningGateway | undefined;
    try {
      const { limited, unlimited } = await apiAndKeys(cp.call, up.url);
      expect((await cp.readKey(limited.hash)).data).toMatchObject({ quota_remaining: 3, quota_renews: 0 });
      gw = await gatewayFor({ database: cp.database } as Parameters<typeof gatewayFor>[0], env);
      await spend(gw.url, limited.key, 2);
      const after = await cp.readKey(limited.hash);
      expect(after.data.quota_remaining).toBe(1);
      expect(after.data.quota_renews).toBeGreaterThan(Date.now() / 1000 + 3500);
      expect((await cp.readKey(unlimited.hash)).data).toMatchObject({ quota_remaining: -1 });
    } finally {
      await gw?.stop();
      await cp.server.stop();
      await cp.db.drop();
    }
  });
});
