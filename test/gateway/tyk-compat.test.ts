import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createKey, createProxiedApi, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';

/** Issue 14, gateway items: what Tyk's gateway answers, and how it reads a definition. */
describe('the gateway as Tyk clients expect it', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let gw: RunningGateway;
  let tyk: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream('up');
    tyk = await createProxiedApi(t, admin, 'Tyk style', '/tyk/', up.url, { auth: { auth_header_name: 'x-api-key' } });
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
  });

  describe("Tyk's messages and statuses (item 12)", () => {
    it('answers missing 401, unknown 403, rate 429 and quota 403 with Tyk\'s messages', async () => {
      const missing = await send(gw.url, '/tyk/x');
      expect(missing.status).toBe(401);
      expect(missing.json().error).toBe('Authorization field missing');

      const unknown = await send(gw.url, '/tyk/x', { headers: { 'x-api-key': 'no-such-key' } });
      expect(unknown.status).toBe(403);
      expect(unknown.json().error).toBe('Access to this API has been disallowed');

      const rated = await createKey(t, admin, { access_rights: { [tyk]: rights(tyk) }, rate: 1, per: 60 });
      expect((await send(gw.url, '/tyk/x', { headers: { 'x-api-key': rated.key } })).status).toBe(200);
      const limited = await send(gw.url, '/tyk/x', { headers: { 'x-api-key': rated.key } });
      expect(limited.status).toBe(429);
      expect(limited.json().error).toBe('API Rate limit exceeded');

      const quoted = await createKey(t, admin, { access_rights: { [tyk]: rights(tyk) }, quota_max: 1, quota_renewal_rate: 3600 });
      expect((await send(gw.url, '/tyk/x', { headers: { 'x-api-key': quoted.key } })).status).toBe(200);
      const over = await send(gw.url, '/tyk/x', { headers: { 'x-api-key': quoted.key } });
      expect(over.status).toBe(403);
      // The message is Tyk's, exactly; when the quota renews is said in headers.
      expect(over.json().error).toBe('Quota exceeded');
      expect(Number(over.headers['x-quota-renews'])).toBeGreaterThan(Date.now() / 1000 + 3500);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(3500);
    });
  });
});
