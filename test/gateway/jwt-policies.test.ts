import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser, setOwners } from '../helpers/fixtures.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { createProxiedApi, eventually, gatewayFor, openUpgrade, rights, send, startUpstream, type Upstream } from './helpers.js';

/*
 * JWT APIs give a token no app credential stands for a session from policies:
 * those its scopes map to (`jwt_scope_to_policy_mapping`), else
 * `jwt_default_policies`, with the policies' rights and limits, counted per
 * identity. Tokens come from a real OpenID provider on loopback (client
 * credentials: each client is its own subject).
 */
const AUDIENCE = 'https://api.example.test/orders';
const WITHIN = 5000;
const today = new Date();
const RANGE = `${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear()}/${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear()}`;

describe('JWT sessions from jwt_default_policies and jwt_scope_to_policy_mapping', () => {
  let t: TestApp;
  let root: string;
  let idp: TestOidcProvider;
  let up: Upstream;
  let gw: RunningGateway;
  let orders: string;
  let standard: string;
  let reader: string;

  const jwt = (extra: Record<string, unknown> = {}) => ({
    enable_jwt: true,
    jwt_source: idp.jwksUri,
    jwt_signing_method: 'rsa',
    jwt_issuer: idp.issuer,
    jwt_audience: AUDIENCE,
    ...extra,
  });

  async function policy(key: string, body: Record<string, unknown>): Promise<string> {
    const res = await t.request('POST', '/api/portal/policies', { key, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ Message: string }>().Message;
  }

  /** A client registered at the provider only (no app credential names it): its tokens have it as subject. */
  async function token(scope: string): Promise<{ client_id: string; auth: Record<string, string>; another(): Promise<Record<string, string>> }> {
    const c = await idp.registerClient({ grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' });
    const issue = async () => ({ authorization: `Bearer ${await idp.clientCredentialsToken({ client_id: c.client_id, client_secret: c.client_secret! }, AUDIENCE, scope)}` });
    return { client_id: c.client_id, auth: await issue(), another: issue };
  }

  async function definitionOf(key: string, apiId: string): Promise<Record<string, unknown>> {
    const res = await t.request('GET', `/api/apis/${apiId}`, { key });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ api_definition: Record<string, unknown> }>().api_definition;
  }

  async function saveDefinition(key: string, apiId: string, definition: Record<string, unknown>) {
    return t.request('PUT', `/api/apis/${apiId}`, { key, body: { api_definition: definition } });
  }

  beforeAll(async () => {
    idp = await startOidcProvider();
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    up = await startUpstream();
    orders = await createProxiedApi(t, root, 'Orders', '/orders/', up.url, jwt());
    standard = await policy(root, { name: 'Standard', rate: 100, per: 60, quota_max: 3, quota_renewal_rate: 3600, access_rights: { [orders]: rights(orders) } });
    reader = await policy(root, { name: 'Reader', rate: 50, per: 60, quota_max: -1, quota_renewal_rate: -1, access_rights: { [orders]: rights(orders, [{ url: '^/items', methods: ['GET'] }]) } });
    const def = await definitionOf(root, orders);
    const saved = await saveDefinition(root, orders, { ...def, jwt_default_policies: [standard], jwt_scope_to_policy_mapping: { read: reader } });
    expect(saved.statusCode, saved.body).toBe(200);
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
    await idp?.close();
  });

  it("admits a token by the default policies, with the policy's limits, counted per identity", async () => {
    const ann = await token('api');
    const first = await send(gw.url, '/orders/anything', { headers: ann.auth });
    expect(first.status, first.body).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('100');
    expect(first.json<{ headers: Record<string, string> }>().headers.authorization).toBe(ann.auth.authorization);
    expect((await send(gw.url, '/orders/anything', { headers: ann.auth })).status).toBe(200);
    expect((await send(gw.url, '/orders/anything', { headers: ann.auth })).status).toBe(200);
    const over = await send(gw.url, '/orders/anything', { headers: ann.auth });
    expect(over.status).toBe(403);
    expect(over.json()).toMatchObject({ error: 'Quota exceeded' });

    // Another subject has its own quota; a new token of the first one does not.
    const bob = await token('api');
    expect((await send(gw.url, '/orders/anything', { headers: bob.auth })).status).toBe(200);
    const again = await ann.another();
    expect(again.authorization).not.toBe(ann.auth.authorization);
    expect((await send(gw.url, '/orders/anything', { headers: again })).status).toBe(403);

    // Analytics: the client as oauth_id, a stable id per identity (never the token) as the key.
    let hits = 0;
    expect(
      await eventually(async () => {
        const res = await t.request('GET', `/api/activity/oauthid/${encodeURIComponent(ann.client_id)}/${RANGE}`, { key: root });
        hits = res.statusCode === 200 ? (res.json<{ data: { hits: number }[] }>().data[0]?.hits ?? 0) : 0;
        return hits >= 5;
      }, WITHIN),
    ).toBeGreaterThanOrEqual(0);
    expect(hits).toBe(5);
    const keys = async (client: string) =>
      new Set((await t.store.db.selectFrom('analytics_records').select('api_key').where('oauth_id', '=', client).execute()).map((r) => r.api_key));
    const annKeys = await keys(ann.client_id);
    expect(annKeys.size).toBe(1);
    const [annKey] = [...annKeys];
    expect(annKey).toMatch(/^[0-9a-f]{64}$/);
    expect(ann.auth.authorization).not.toContain(annKey);
    expect(await eventually(async () => (await keys(bob.client_id)).size === 1, WITHIN)).toBeGreaterThanOrEqual(0);
    expect([...(await keys(bob.client_id))][0]).not.toBe(annKey);
  });

  it('gives a token the policy its scopes map to; a scope that maps to nothing falls back to the defaults', async () => {
    const mapped = await token('api read');
    const res = await send(gw.url, '/orders/items/1', { headers: mapped.auth });
    expect(res.status, res.body).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('50');
    // The mapped policy's rights, not the defaults': GET on /items only, no quota.
    expect((await send(gw.url, '/orders/items/1', { method: 'POST', headers: mapped.auth })).status).toBe(403);
    expect((await send(gw.url, '/orders/elsewhere', { headers: mapped.auth })).status).toBe(403);
    for (let i = 0; i < 4; i++) expect((await send(gw.url, '/orders/items/2', { headers: mapped.auth })).status).toBe(200);

    const unmapped = await token('write');
    const fallback = await send(gw.url, '/orders/elsewhere', { method: 'POST', headers: unmapped.auth });
    expect(fallback.status, fallback.body).toBe(200);
    expect(fallback.headers['x-ratelimit-limit']).toBe('100');
  });

  it('takes a token that names no client (the client claim it is told to read is absent) on its policies, as Tyk does', async () => {
    const open = await policy(root, { name: 'Clientless', access_rights: {} });
    const api = await createProxiedApi(t, root, 'Clientless', '/clientless/', up.url, jwt({ jwt_client_base_field: 'no_such_claim', jwt_default_policies: [open] }));
    const grant = await t.request('PUT', `/api/portal/policies/${open}`, { key: root, body: { name: 'Clientless', access_rights: { [api]: rights(api) } } });
    expect(grant.statusCode, grant.body).toBe(200);
    const caller = await token('api');
    const res = await eventually(async () => (await send(gw.url, '/clientless/x', { headers: caller.auth })).status === 200, WITHIN);
    expect(res).toBeGreaterThanOrEqual(0);
  });

  it('follows a policy made inactive, active again, then deleted; without any policy the token is refused as an unknown key', async () => {
    const api = await createProxiedApi(t, root, 'Moving', '/moving/', up.url, jwt());
    const moving = await policy(root, { name: 'Moving', access_rights: { [api]: rights(api) } });
    const caller = await token('api');
    const get = () => send(gw.url, '/moving/x', { headers: caller.auth });
    // No default policy, no mapping: refused as Tyk refuses an unknown key.
    expect(await eventually(async () => (await get()).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    expect((await get()).json()).toEqual({ error: 'Access to this API has been disallowed' });

    const def = await definitionOf(root, api);
    expect((await saveDefinition(root, api, { ...def, jwt_default_policies: [moving] })).statusCode).toBe(200);
    expect(await eventually(async () => (await get()).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);

    const put = (active: boolean) => t.request('PUT', `/api/portal/policies/${moving}`, { key: root, body: { name: 'Moving', active, access_rights: { [api]: rights(api) } } });
    expect((await put(false)).statusCode).toBe(200);
    expect(await eventually(async () => (await get()).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    expect((await get()).json()).toEqual({ error: 'Access to this API has been disallowed' });
    expect((await put(true)).statusCode).toBe(200);
    expect(await eventually(async () => (await get()).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);

    // A policy that does not grant this API: refused like a key without rights.
    const elsewhere = await policy(root, { name: 'Elsewhere', access_rights: { [orders]: rights(orders) } });
    expect((await saveDefinition(root, api, { ...def, jwt_default_policies: [elsewhere] })).statusCode).toBe(200);
    expect(await eventually(async () => (await get()).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    expect((await saveDefinition(root, api, { ...def, jwt_default_policies: [moving] })).statusCode).toBe(200);
    expect(await eventually(async () => (await get()).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);

    expect((await t.request('DELETE', `/api/portal/policies/${moving}`, { key: root })).statusCode).toBe(200);
    expect(await eventually(async () => (await get()).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    // A definition naming a deleted policy can still be saved unchanged (the policy grants nothing).
    expect((await saveDefinition(root, api, await definitionOf(root, api))).statusCode).toBe(200);
  });

  it("keeps a session's WebSocket tunnel open across changes until its policy stops granting it", async () => {
    const api = await createProxiedApi(t, root, 'Feed', '/feed/', up.url, { enable_websockets: true });
    const kept = await policy(root, { name: 'Feed kept', access_rights: { [api]: rights(api) } });
    const closing = await policy(root, { name: 'Feed closing', access_rights: { [api]: rights(api) } });
    const def = await definitionOf(root, api);
    expect((await saveDefinition(root, api, { ...def, ...jwt({ jwt_default_policies: [kept], jwt_scope_to_policy_mapping: { read: closing } }) })).statusCode).toBe(200);
    const open = async (auth: Record<string, string>) => {
      let head = '';
      let socket: Socket | undefined;
      expect(
        await eventually(async () => {
          const r = await openUpgrade(gw.port, '/feed/live', auth);
          head = r.head;
          if (/^HTTP\/1\.1 101/.test(r.head)) socket = r.socket;
          else r.socket.destroy();
          return socket !== undefined;
        }, WITHIN),
        head,
      ).toBeGreaterThanOrEqual(0);
      let closed = false;
      socket!.on('close', () => (closed = true));
      socket!.on('error', () => {});
      const echoed = await new Promise<string>((resolve) => {
        socket!.once('data', (d: Buffer) => resolve(d.toString()));
        socket!.write('hello');
      });
      expect(echoed).toBe('hello');
      return { socket: socket!, closed: () => closed };
    };
    // Opened first, so checked first in each pass over the tunnels.
    const stays = await open((await token('api')).auth);
    const goes = await open((await token('api read')).auth);
    expect((await t.request('PUT', `/api/portal/policies/${closing}`, { key: root, body: { name: 'Feed closing', active: false, access_rights: { [api]: rights(api) } } })).statusCode).toBe(200);
    expect(await eventually(async () => goes.closed(), WITHIN)).toBeGreaterThanOrEqual(0);
    expect(stays.closed()).toBe(false);
    stays.socket.destroy();
  });

  it('refuses a definition naming an unknown or hidden policy with the same 400 naming the field, and one the writer does not hold with 403', async () => {
    const team = await createGroup(t, root, 'Shipping team', { apis: 'write' });
    const owner = await createUser(t, root, 'shipping@example.com', { groupId: team });
    const shipping = await createProxiedApi(t, owner.key, 'Shipping', '/shipping/', up.url);
    const own = await policy(root, { name: 'Shipping', access_rights: { [shipping]: rights(shipping) } });
    // Billing belongs to another team: a policy granting only Billing is hidden from the owner.
    const billing = await createProxiedApi(t, root, 'Billing', '/billing/', up.url);
    await setOwners(t, root, billing, [], [await createGroup(t, root, 'Billing team', { apis: 'write' })]);
    const hidden = await policy(root, { name: 'Billing', access_rights: { [billing]: rights(billing) } });
    const wider = await policy(root, { name: 'Shipping and billing', access_rights: { [shipping]: rights(shipping), [billing]: rights(billing) } });

    const def = await definitionOf(owner.key, shipping);
    const attempt = (extra: Record<string, unknown>) => saveDefinition(owner.key, shipping, { ...def, ...jwt(extra) });
    const missingRes = await attempt({ jwt_default_policies: ['no-such-policy'] });
    const hiddenRes = await attempt({ jwt_default_policies: [hidden] });
    expect(missingRes.statusCode).toBe(400);
    expect(missingRes.body).toContain('api_definition.jwt_default_policies');
    expect(hiddenRes.statusCode).toBe(400);
    expect(hiddenRes.body).toBe(missingRes.body.replace('no-such-policy', hidden));

    const mapMissing = await attempt({ jwt_scope_to_policy_mapping: { read: 'no-such-policy' } });
    const mapHidden = await attempt({ jwt_scope_to_policy_mapping: { read: hidden } });
    expect(mapMissing.statusCode).toBe(400);
    expect(mapMissing.body).toContain('api_definition.jwt_scope_to_policy_mapping');
    expect(mapHidden.statusCode).toBe(400);
    expect(mapHidden.body).toBe(mapMissing.body.replace('no-such-policy', hidden));

    // On create too.
    const created = await t.request('POST', '/api/apis', {
      key: owner.key,
      body: { api_definition: { name: 'Returns', ...jwt({ jwt_default_policies: [hidden] }), proxy: { listen_path: '/returns/', target_url: up.url } } },
    });
    expect(created.statusCode).toBe(400);
    expect(created.body).toContain('api_definition.jwt_default_policies');

    // Seen but not held (it also grants an API the owner cannot see): nobody gives more than they hold.
    expect((await attempt({ jwt_default_policies: [wider] })).statusCode).toBe(403);
    // Nothing was written by the refused saves.
    expect(await definitionOf(owner.key, shipping)).not.toHaveProperty('jwt_default_policies');

    expect((await attempt({ jwt_default_policies: [own], jwt_scope_to_policy_mapping: { read: own } })).statusCode).toBe(200);
    // What an administrator set stays: the owner can still save the definition that names it.
    const withWider = await definitionOf(root, shipping);
    expect((await saveDefinition(root, shipping, { ...withWider, jwt_default_policies: [own, wider] })).statusCode).toBe(200);
    const current = await definitionOf(owner.key, shipping);
    expect((await saveDefinition(owner.key, shipping, { ...current, name: 'Shipping v2' })).statusCode).toBe(200);
  });
});
