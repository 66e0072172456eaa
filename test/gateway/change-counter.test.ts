import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangeVersion } from '../../src/gateway/gateway.repository.js';
import type { GatewayLogger } from '../../src/gateway/logger.js';
import { GatewayState } from '../../src/gateway/state.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';
import { createKey, createProxiedApi, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';

const quiet: GatewayLogger = { info() {}, warn() {}, error() {} };

/**
 * The change counter (gateway_changes) makes every gateway drop its key cache
 * and reload every API: only writes to what a gateway reads may move it.
 */
describe('the gateway change counter', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let api: string;
  let ip = 0;
  const version = () => readChangeVersion(t.store.db);
  const signIn = async (email: string, password: string) => {
    const res = await t.request('POST', '/auth/password/login', { body: { email, password }, remoteAddress: `10.9.0.${++ip}` });
    expect(res.statusCode).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream();
    api = await createProxiedApi(t, admin, 'Counted', '/counted/', up.url);
  });
  afterAll(async () => {
    await up?.close();
    await t?.close();
  });

  it('does not move when someone signs in, or when an access key is stamped as used', async () => {
    const before = await version();
    await signIn(ADMIN.email, ADMIN.password);
    await signIn(ADMIN.email, ADMIN.password);
    expect(await version()).toBe(before);

    // A fresh Dashboard access key gets its "last used" stamp on first use.
    const user = await createUser(t, admin, 'stamped@example.com', { perms: { apis: 'read' } });
    const afterCreate = await version();
    expect((await t.request('GET', '/api/apis', { key: user.key })).statusCode).toBe(200);
    const row = await t.store.db.selectFrom('users').select('access_key_used_at').where('id', '=', Number(user.id)).executeTakeFirstOrThrow();
    expect(row.access_key_used_at).not.toBeNull();
    expect(await version()).toBe(afterCreate);
  });

  it('moves when a user is deactivated, or a key or API changes', async () => {
    const user = await createUser(t, admin, 'deactivated@example.com');
    const v0 = await version();
    expect((await t.request('PUT', `/api/users/${user.id}`, { key: admin, body: { active: false } })).statusCode).toBe(200);
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);

    const { hash } = await createKey(t, admin, { access_rights: { [api]: rights(api) } });
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    expect((await t.request('PUT', `/api/keys/${hash}`, { key: admin, body: { access_rights: { [api]: rights(api) }, is_inactive: true } })).statusCode).toBe(200);
    expect(await version()).toBeGreaterThan(v2);
  });

  it("keeps a gateway's cached keys across sign-ins", async () => {
    const { key, hash } = await createKey(t, admin, { access_rights: { [api]: rights(api) } });
    const state = new GatewayState(t.store.db, quiet);
    await state.start(60_000);
    try {
      expect(await state.resolve(hash)).not.toBeNull();
      expect(state.keys.size).toBe(1);
      await signIn(ADMIN.email, ADMIN.password);
      await state.poke();
      expect(state.keys.has(hash)).toBe(true);

      // And a running gateway, polling every 100 ms, still counts the key as cached.
      const gw = await gatewayFor(t);
      try {
        expect((await send(gw.url, '/counted/x', { headers: { authorization: key } })).status).toBe(200);
        const cached = async () => /portcullis_gateway_cached_keys (\d+)/.exec((await send(gw.url, '/metrics')).body)?.[1];
        expect(await cached()).toBe('1');
        await signIn(ADMIN.email, ADMIN.password);
        gw.poke();
        // Several polls' worth of time.
        await new Promise((r) => setTimeout(r, 400));
        expect(await cached()).toBe('1');
      } finally {
        await gw.stop();
      }
    } finally {
      state.stop();
    }
  });
});
