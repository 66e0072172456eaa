import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser, setOwners } from '../helpers/fixtures.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { createProxiedApi, eventually, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';

/*
 * OAS APIs take JWTs as Tyk OAS configures them: a `components.securitySchemes`
 * entry `{type: http, scheme: bearer, bearerFormat: JWT}` and its settings in
 * `x-tyk-api-gateway.server.authentication.securitySchemes.<name>`. They work
 * as a Classic API's `jwt_*` fields do; errors name the OAS field. Tokens come
 * from a real OpenID provider on loopback (client credentials).
 */
const AUDIENCE = 'https://api.example.test/orders';
const WITHIN = 5000;
const SCHEME = 'x-tyk-api-gateway.server.authentication.securitySchemes.jwtAuth';

type Doc = Record<string, unknown>;

describe('OAS APIs with JWT authentication', () => {
  let t: TestApp;
  let root: string;
  let idp: TestOidcProvider;
  let elsewhere: TestOidcProvider;
  let up: Upstream;
  let gw: RunningGateway;
  let standard: string;
  let reader: string;

  /** An OAS API whose JWT scheme trusts `provider` (default: idp); `jwt` adds to or overrides the scheme's Tyk settings. */
  function oasJwtApi(id: string, listenPath: string, jwt: Record<string, unknown> = {}, provider: TestOidcProvider = idp): Doc {
    return {
      openapi: '3.0.3',
      info: { title: id, version: '1.0.0' },
      paths: {},
      components: { securitySchemes: { jwtAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ jwtAuth: [] }],
      'x-tyk-api-gateway': {
        info: { id, name: id, state: { active: true } },
        upstream: { url: up.url },
        server: {
          listenPath: { value: listenPath, strip: true },
          authentication: {
            enabled: true,
            securitySchemes: {
              jwtAuth: { enabled: true, source: provider.jwksUri, signingMethod: 'rsa', allowedIssuers: [provider.issuer], allowedAudiences: [AUDIENCE], ...jwt },
            },
          },
        },
      },
    };
  }

  const createOas = (key: string, doc: Doc) => t.request('POST', '/api/apis/oas', { key, body: doc });
  const saveOas = (key: string, id: string, doc: Doc) => t.request('PUT', `/api/apis/oas/${id}`, { key, body: doc });

  async function policy(key: string, body: Record<string, unknown>): Promise<string> {
    const res = await t.request('POST', '/api/portal/policies', { key, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ Message: string }>().Message;
  }

  /** A client registered at the provider only (no app credential names it): its tokens are taken on the API's policies. */
  async function bearer(scope: string, audience = AUDIENCE, provider: TestOidcProvider = idp): Promise<Record<string, string>> {
    const c = await provider.registerClient({ grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' });
    return { authorization: `Bearer ${await provider.clientCredentialsToken({ client_id: c.client_id, client_secret: c.client_secret! }, audience, scope)}` };
  }

  let orders: Doc;

  beforeAll(async () => {
    idp = await startOidcProvider();
    elsewhere = await startOidcProvider({ accessTokenTtl: 1 });
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    up = await startUpstream();
    const created = await createOas(root, oasJwtApi('oas-orders', '/orders/'));
    expect(created.statusCode, created.body).toBe(200);
    standard = await policy(root, { name: 'Standard', rate: 100, per: 60, quota_max: 3, quota_renewal_rate: 3600, access_rights: { 'oas-orders': rights('oas-orders') } });
    reader = await policy(root, { name: 'Reader', rate: 50, per: 60, quota_max: -1, quota_renewal_rate: -1, access_rights: { 'oas-orders': rights('oas-orders', [{ url: '^/items', methods: ['GET'] }]) } });
    orders = oasJwtApi('oas-orders', '/orders/', { defaultPolicies: [standard], scopes: { claimName: 'scope', scopeToPolicyMapping: [{ scope: 'read', policyId: reader }] } });
    const saved = await saveOas(root, 'oas-orders', orders);
    expect(saved.statusCode, saved.body).toBe(200);
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
    await idp?.close();
    await elsewhere?.close();
  });

  it("admits a client-credentials token by defaultPolicies, with the policy's limits; the document reads back as stored", async () => {
    const auth = await bearer('api');
    const first = await send(gw.url, '/orders/anything', { headers: auth });
    expect(first.status, first.body).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('100');
    expect((await send(gw.url, '/orders/anything', { headers: auth })).status).toBe(200);
    expect((await send(gw.url, '/orders/anything', { headers: auth })).status).toBe(200);
    const over = await send(gw.url, '/orders/anything', { headers: auth });
    expect(over.status).toBe(403);
    expect(over.json()).toMatchObject({ error: 'Quota exceeded' });

    const exported = await t.request('GET', '/api/apis/oas/oas-orders', { key: root });
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toEqual(orders);
    // The Classic view shows the same settings in Tyk Classic's fields.
    const classic = (await t.request('GET', '/api/apis/oas-orders', { key: root })).json<{ api_definition: Doc }>().api_definition;
    expect(classic).toMatchObject({
      enable_jwt: true,
      jwt_source: idp.jwksUri,
      jwt_signing_method: 'rsa',
      jwt_issuer: idp.issuer,
      jwt_audience: [AUDIENCE],
      jwt_default_policies: [standard],
      jwt_scope_claim_name: 'scope',
      jwt_scope_to_policy_mapping: { read: reader },
      auth: { auth_header_name: 'Authorization' },
    });
  });

  it('gives a token the policy its scopes map to (scopes.scopeToPolicyMapping)', async () => {
    const auth = await bearer('api read');
    const res = await send(gw.url, '/orders/items/1', { headers: auth });
    expect(res.status, res.body).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('50');
    expect((await send(gw.url, '/orders/items/1', { method: 'POST', headers: auth })).status).toBe(403);
    expect((await send(gw.url, '/orders/elsewhere', { headers: auth })).status).toBe(403);
    for (let i = 0; i < 4; i++) expect((await send(gw.url, '/orders/items/2', { headers: auth })).status).toBe(200);
  });

  it('refuses a token of another issuer or audience, an expired one and none at all, exactly as a Classic JWT API does', async () => {
    const classic = (provider: TestOidcProvider, extra: Record<string, unknown> = {}) => ({
      enable_jwt: true,
      jwt_source: provider.jwksUri,
      jwt_signing_method: 'rsa',
      jwt_issuer: provider.issuer,
      jwt_audience: AUDIENCE,
      jwt_default_policies: [standard],
      ...extra,
    });
    await createProxiedApi(t, root, 'Classic twin', '/classic-twin/', up.url, classic(idp));
    // The other provider's tokens live one second; APIs that trust it, with no clock skew forgiven.
    await createProxiedApi(t, root, 'Classic short', '/classic-short/', up.url, classic(elsewhere, { jwt_expires_at_validation_skew: 0 }));
    const short = await createOas(root, oasJwtApi('oas-short', '/oas-short/', { expiresAtValidationSkew: 0 }, elsewhere));
    expect(short.statusCode, short.body).toBe(200);
    const both = async (oasPath: string, classicPath: string, headers: Record<string, string> = {}) => {
      const served = await eventually(async () => (await send(gw.url, classicPath)).status !== 404 && (await send(gw.url, oasPath)).status !== 404, WITHIN);
      expect(served).toBeGreaterThanOrEqual(0);
      const [o, c] = [await send(gw.url, oasPath, { headers }), await send(gw.url, classicPath, { headers })];
      expect({ status: o.status, body: o.json<unknown>() }).toEqual({ status: c.status, body: c.json<unknown>() });
      return o;
    };

    const foreign = await both('/orders/x', '/classic-twin/x', await bearer('api', AUDIENCE, elsewhere));
    expect(foreign.status).toBe(403);
    expect(foreign.json()).toEqual({ error: 'Key not authorized' });
    const misaddressed = await both('/orders/x', '/classic-twin/x', await bearer('api', 'https://other.example.test'));
    expect(misaddressed.status).toBe(403);
    expect(misaddressed.json()).toEqual({ error: 'Key not authorized' });
    const none = await both('/orders/x', '/classic-twin/x');
    expect(none.status).toBe(401);
    expect(none.json()).toEqual({ error: 'Authorization field missing' });

    const expiring = await bearer('api', AUDIENCE, elsewhere);
    const exp = (JSON.parse(Buffer.from(expiring.authorization!.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1100));
    const expired = await both('/oas-short/x', '/classic-short/x', expiring);
    expect(expired.status).toBe(401);
    expect(expired.json()).toEqual({ error: 'Key not authorized: token has expired' });
  });

  it('refuses JWT settings that cannot be used with 400 naming the OAS field; nothing is written', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ source: undefined }, `${SCHEME}.source`],
      [{ source: Buffer.from('-----BEGIN PUBLIC KEY-----').toString('base64') }, `${SCHEME}.source`],
      [{ signingMethod: 'hmac' }, `${SCHEME}.signingMethod`],
      [{ allowedIssuers: undefined }, `${SCHEME}.allowedIssuers`],
      [{ allowedIssuers: [] }, `${SCHEME}.allowedIssuers`],
      [{ allowedAudiences: undefined }, `${SCHEME}.allowedAudiences`],
      [{ expiresAtValidationSkew: -1 }, `${SCHEME}.expiresAtValidationSkew`],
      [{ scopes: { scopeToPolicyMapping: [{ scope: 'read' }] } }, `${SCHEME}.scopes.scopeToPolicyMapping.0.policyId`],
    ];
    for (const [jwt, field] of cases) {
      const res = await createOas(root, oasJwtApi('oas-bad', '/oas-bad/', jwt));
      expect(res.statusCode, JSON.stringify(jwt)).toBe(400);
      expect(res.json<{ Message: string }>().Message, JSON.stringify(jwt)).toContain(field);
      expect(res.body).not.toContain('jwt_');
      const update = await saveOas(root, 'oas-orders', { ...oasJwtApi('oas-orders', '/orders/', jwt) });
      expect(update.statusCode).toBe(400);
      expect(update.json<{ Message: string }>().Message).toContain(field);
    }
    expect((await t.request('GET', '/api/apis/oas/oas-bad', { key: root })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/apis/oas/oas-orders', { key: root })).json()).toEqual(orders);
  });

  it('refuses an unknown or hidden policy in defaultPolicies or scopeToPolicyMapping with the same 400 naming the OAS field, and one the writer does not hold with 403', async () => {
    const team = await createGroup(t, root, 'Shipping team', { apis: 'write' });
    const owner = await createUser(t, root, 'shipping@example.com', { groupId: team });
    const made = await createOas(owner.key, oasJwtApi('oas-shipping', '/shipping/'));
    expect(made.statusCode, made.body).toBe(200);
    const own = await policy(root, { name: 'Shipping', access_rights: { 'oas-shipping': rights('oas-shipping') } });
    const billing = await createProxiedApi(t, root, 'Billing', '/billing/', up.url);
    await setOwners(t, root, billing, [], [await createGroup(t, root, 'Billing team', { apis: 'write' })]);
    const hidden = await policy(root, { name: 'Billing', access_rights: { [billing]: rights(billing) } });
    const wider = await policy(root, { name: 'Shipping and billing', access_rights: { 'oas-shipping': rights('oas-shipping'), [billing]: rights(billing) } });

    const attempt = (jwt: Record<string, unknown>) => saveOas(owner.key, 'oas-shipping', oasJwtApi('oas-shipping', '/shipping/', jwt));
    const missing = await attempt({ defaultPolicies: ['no-such-policy'] });
    const hiddenRes = await attempt({ defaultPolicies: [hidden] });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain(`${SCHEME}.defaultPolicies`);
    expect(hiddenRes.statusCode).toBe(400);
    expect(hiddenRes.body).toBe(missing.body.replace('no-such-policy', hidden));

    const mapping = (policyId: string) => ({ scopes: { scopeToPolicyMapping: [{ scope: 'read', policyId }] } });
    const mapMissing = await attempt(mapping('no-such-policy'));
    const mapHidden = await attempt(mapping(hidden));
    expect(mapMissing.statusCode).toBe(400);
    expect(mapMissing.body).toContain(`${SCHEME}.scopes.scopeToPolicyMapping`);
    expect(mapHidden.statusCode).toBe(400);
    expect(mapHidden.body).toBe(mapMissing.body.replace('no-such-policy', hidden));

    // On create too.
    const created = await createOas(owner.key, oasJwtApi('oas-returns', '/returns/', { defaultPolicies: [hidden] }));
    expect(created.statusCode).toBe(400);
    expect(created.body).toContain(`${SCHEME}.defaultPolicies`);

    // Seen but not held: nobody gives more than they hold.
    expect((await attempt({ defaultPolicies: [wider] })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/apis/oas/oas-shipping', { key: owner.key })).json()).toEqual(oasJwtApi('oas-shipping', '/shipping/'));

    const allowed = await attempt({ defaultPolicies: [own], ...mapping(own) });
    expect(allowed.statusCode, allowed.body).toBe(200);
  });
});
