import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import type { RunningServer } from '../../src/server.js';
import type { TestDatabase } from '../helpers/database.js';
import { controlPlane, eventually, gatewayFor, send, startUpstream, testRedisUrl, type Upstream } from '../gateway/helpers.js';

const redisUrl = await testRedisUrl();
if (!redisUrl) console.warn('test/tyk/provisioning-flow.test.ts: no Redis answers at PORTCULLIS_TEST_REDIS_URL or 127.0.0.1:6379, so the Redis case did not run');

const modes = [
  { name: 'in-memory counters (the gateway in the Dashboard process)', redis: false },
  { name: 'Redis counters (a gateway apart)', redis: true },
];

describe.each(modes)("Tyk's provisioning flow through HTTP, $name", ({ redis }) => {
  let up: Upstream;
  let db: TestDatabase;
  let server: RunningServer;
  let call: Awaited<ReturnType<typeof controlPlane>>['call'];
  let gw: RunningGateway | undefined;
  let gwUrl: string;

  beforeAll(async () => {
    if (redis && !redisUrl) return;
    up = await startUpstream('flow');
    const env: Record<string, string> = redis ? { PORTCULLIS_REDIS_URL: redisUrl!, PORTCULLIS_REDIS_PREFIX: `portcullis-flow-${randomBytes(6).toString('hex')}:` } : {};
    ({ db, server, call } = await controlPlane(redis ? { ...env, PORTCULLIS_GATEWAY_ENABLED: 'false' } : env));
    if (redis) gw = await gatewayFor({ database: db } as Parameters<typeof gatewayFor>[0], env);
    gwUrl = gw?.url ?? server.gateway!.url;
  });
  afterAll(async () => {
    await gw?.stop();
    await server?.stop();
    await db?.drop();
    await up?.close();
  });

  it.runIf(!redis || redisUrl !== undefined)('API → Meta → GET → api_id; policy → Message; keys → key and key_id usable; the gateway answers as Tyk', async () => {
    // 1. Create an API: its internal id comes back in Meta, its api_id from GET.
    const api = await call('POST', '/api/apis', {
      api_definition: { name: 'Flow', auth: { auth_header_name: 'x-api-key' }, proxy: { listen_path: '/flow/', target_url: up.url, strip_listen_path: true } },
    });
    expect(api.status, JSON.stringify(api.body)).toBe(200);
    expect(api.body).toMatchObject({ Status: 'OK', Message: 'API created' });
    const internal = api.body.Meta as string;
    const read = await call('GET', `/api/apis/${internal}`);
    expect(read.status).toBe(200);
    const apiId = (read.body.api_definition as { api_id: string }).api_id;
    expect(apiId).toBe(api.body.ID);
    const access = { [apiId]: { api_id: apiId, api_name: 'Flow', versions: ['Default'], allowed_urls: [] } };

    // 2. Policies: the id is the Message.
    const quotaPolicy = await call('POST', '/api/portal/policies', { name: 'Three a day', rate: 1000, per: 1, quota_max: 3, quota_renewal_rate: 86400, access_rights: access, active: true });
    expect(quotaPolicy.status, JSON.stringify(quotaPolicy.body)).toBe(200);
    expect(quotaPolicy.body).toMatchObject({ Status: 'OK', Meta: null });
    const quotaPolicyId = quotaPolicy.body.Message as string;
    expect((await call('GET', `/api/portal/policies/${quotaPolicyId}`)).body).toMatchObject({ _id: quotaPolicyId, name: 'Three a day' });
    const ratePolicy = await call('POST', '/api/portal/policies', { _id: '5ead7120575961000181867e', name: 'One a minute', rate: 1, per: 60, quota_max: -1, access_rights: access });
    expect(ratePolicy.body).toEqual({ Status: 'OK', Message: '5ead7120575961000181867e', Meta: null });

    // 3. Keys, with apply_policy_id and with apply_policies: key_id is the key, usable at the gateway.
    const byId = await call('POST', '/api/keys', { apply_policy_id: quotaPolicyId });
    const byList = await call('POST', '/api/keys', { apply_policies: ['5ead7120575961000181867e'] });
    expect(byId.status, JSON.stringify(byId.body)).toBe(200);
    expect(byList.status, JSON.stringify(byList.body)).toBe(200);
    const quotaKey = byId.body.key_id as string;
    const rateKey = byList.body.key_id as string;
    expect(byId.body.key).toBe(quotaKey);
    expect(byList.body.key).toBe(rateKey);
    expect(byId.body.key_hash).not.toBe(quotaKey);
    const details = async (id: string) => (await call('GET', `/api/keys/${id}`)).body as { key_id: string; data: { quota_max: number; quota_remaining?: number; apply_policies: string[] } };
    const viaKey = await details(quotaKey);
    expect(viaKey).toMatchObject({ key_id: byId.body.key_hash, data: { quota_max: 3, quota_remaining: 3, apply_policies: [quotaPolicyId] } });
    expect(JSON.stringify(viaKey)).not.toContain(quotaKey);
    expect((await details(byId.body.key_hash as string)).data.quota_remaining).toBe(3);

    // 4. The gateway, with the key in x-api-key: missing 401, unknown 403, with Tyk's messages.
    const through = (key?: string) => send(gwUrl, '/flow/anything', { headers: key === undefined ? {} : { 'x-api-key': key } });
    expect(await eventually(async () => (await through(rateKey)).status === 200, 3000)).toBeGreaterThanOrEqual(0);
    const missing = await through();
    expect(missing.status).toBe(401);
    expect(missing.json().error).toBe('Authorization field missing');
    const unknown = await through('no-such-key');
    expect(unknown.status).toBe(403);
    expect(unknown.json().error).toBe('Access to this API has been disallowed');
    // The key as Authorization is not where this API reads it.
    expect((await send(gwUrl, '/flow/anything', { headers: { authorization: rateKey } })).status).toBe(401);

    // Rate: one a minute, the second is 429.
    const limited = await through(rateKey);
    expect(limited.status).toBe(429);
    expect(limited.json().error).toBe('API Rate limit exceeded');

    // Quota: each call through the gateway takes one from quota_remaining (item 3); past it, 403.
    expect(await eventually(async () => (await through(quotaKey)).status === 200, 3000)).toBeGreaterThanOrEqual(0);
    expect((await details(quotaKey)).data.quota_remaining).toBe(2);
    expect((await through(quotaKey)).status).toBe(200);
    const afterTwo = await details(byId.body.key_hash as string);
    expect(afterTwo.data.quota_remaining).toBe(1);
    expect((afterTwo.data as { quota_renews?: number }).quota_renews).toBeGreaterThan(Date.now() / 1000 + 86000);
    expect((await through(quotaKey)).status).toBe(200);
    expect((await details(quotaKey)).data.quota_remaining).toBe(0);
    const over = await through(quotaKey);
    expect(over.status).toBe(403);
    expect(over.json().error).toBe('Quota exceeded');
    expect((await details(quotaKey)).data.quota_remaining).toBe(0);
  });
});
