import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser, setOwners } from '../helpers/fixtures.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { ok, portalClient, type PortalAppView as AppView, type PortalCredential as Credential } from '../helpers/portal.js';
import { configureSmtp, startMailServer, type MailServer } from '../helpers/smtp.js';
import { createProxiedApi, eventually, gatewayFor, send, startUpstream, type Upstream } from '../gateway/helpers.js';

/*
 * OAuth 2.0 credentials through dynamic client registration, against a real
 * OpenID provider on loopback: approving an access request for a DCR product
 * registers a client there, the consumer sees its secret once, its
 * client-credentials tokens call the product's JWT API through the gateway
 * under the plan's limits, and deleting the credential, the app or the user
 * deletes the client at the provider.
 */
const AUDIENCE = 'https://api.example.test/payments';
const SECRETS_KEY = 'a-secrets-key-for-tests-0123456789abcdef';
const WITHIN = 5000;
const today = new Date();
const RANGE = `${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear()}/${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear()}`;

/** Passes JWKS requests on to the provider, counting them. */
async function countingProxy(target: string): Promise<{ url: string; count(): number; close(): Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    n += 1;
    void fetch(`${target}${req.url ?? '/'}`).then(async (r) => {
      const body = await r.text();
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => n,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('OAuth credentials through dynamic client registration', () => {
  let t: TestApp;
  let root: string;
  let idp: TestOidcProvider;
  let elsewhere: TestOidcProvider;
  let jwks: Awaited<ReturnType<typeof countingProxy>>;
  let up: Upstream;
  let gw: RunningGateway;
  let apiId: string;
  let productId: number;
  let gold: number;
  let orgId: number;
  let providerId: number;
  let catalogueId: number;
  let mail: MailServer;
  const { users, admin, as, consumer, requestAccess } = portalClient(() => ({ t, key: root }));

  /** App → access request → approval (registers the client) → the consumer reveals the client secret once. */
  async function clientFor(who: string): Promise<{ appId: number; credentialId: number; client_id: string; client_secret: string }> {
    const { appId, requestId } = await requestAccess(who, `${who}'s app`, productId, gold);
    await ok(await admin('PUT', `/access_requests/${requestId}/approve`));
    const view = await ok<AppView>(await as(who, 'GET', `/apps/${appId}`));
    const cred = view.AccessRequests[0]!.Credentials[0]!;
    expect(cred.Credential).toBe('');
    expect(cred.OAuthClientSecret).toBe('');
    const clientId = cred.OAuthClientID!;
    expect(await idp.hasClient(clientId)).toBe(true);
    const shown = (await ok<{ Credential: Credential }>(await as(who, 'POST', `/apps/${appId}/credentials/${cred.ID}/reveal`))).Credential;
    expect(shown.OAuthClientID).toBe(clientId);
    const secret = shown.OAuthClientSecret!;
    expect(secret.length).toBeGreaterThan(10);
    // Once: later views mask it, a second reveal is refused.
    const again = await ok<AppView>(await as(who, 'GET', `/apps/${appId}`));
    expect(again.AccessRequests[0]!.Credentials[0]!.OAuthClientSecret).toBe('********');
    expect((await as(who, 'POST', `/apps/${appId}/credentials/${cred.ID}/reveal`)).statusCode).toBe(409);
    return { appId, credentialId: cred.ID, client_id: clientId, client_secret: secret };
  }

  beforeAll(async () => {
    idp = await startOidcProvider();
    elsewhere = await startOidcProvider({ accessTokenTtl: 1 });
    jwks = await countingProxy(idp.issuer);
    t = await startTestApp({ PORTCULLIS_SECRETS_KEY: SECRETS_KEY, PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    up = await startUpstream();
    apiId = await createProxiedApi(t, root, 'Payments', '/payments/', up.url, {
      enable_jwt: true,
      jwt_source: `${jwks.url}/jwks`,
      jwt_signing_method: 'rsa',
      jwt_issuer: idp.issuer,
      jwt_audience: AUDIENCE,
    });
    catalogueId = (await ok<{ ID: number }>(await admin('POST', '/catalogues', { Name: 'Public', VisibilityStatus: 'Public' }))).ID;
    gold = (await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Gold', RateLimit: 3, Per: 60, Quota: 1000, QuotaRenewalRate: 3600, Catalogues: [catalogueId] }))).ID;
    productId = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Payments', DCREnabled: true, APIDetails: [{ APIID: apiId }], Catalogues: [catalogueId] }), 201)).ID;
    orgId = (await ok<{ ID: number }>(await admin('POST', '/organisations', { Name: 'Acme' }))).ID;
    for (const who of ['ann', 'bob', 'cid', 'dan']) await consumer(who, orgId);
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
    await jwks?.close();
    await idp?.close();
    await elsewhere?.close();
    await mail?.stop();
  });

  it('manages providers and client types in Tyk\'s shapes; the initial access token is never returned', async () => {
    const created = await ok<Record<string, unknown>>(
      await admin('POST', '/oauth-providers', { Name: 'Loopback', Type: 'Other', WellKnownURL: idp.discoveryUrl, RegistrationAccessToken: idp.initialAccessToken }),
    );
    providerId = created.ID as number;
    expect(created).toMatchObject({ Name: 'Loopback', Type: 'Other', WellKnownURL: idp.discoveryUrl, SSLInsecureSkipVerify: false, ClientTypes: [] });
    expect(JSON.stringify(created)).not.toContain(idp.initialAccessToken);
    const row = await t.store.db.selectFrom('oauth_providers').selectAll().where('id', '=', providerId).executeTakeFirstOrThrow();
    expect(row.initial_access_token_enc).not.toContain(idp.initialAccessToken);

    const bad = await admin('POST', `/oauth-providers/${providerId}/client-types`, { Name: 'Bad', GrantType: 'client_credentials,magic', ResponseTypes: 'none' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('GrantType');
    const type = await ok<{ ID: number; GrantType: string }>(
      await admin('POST', `/oauth-providers/${providerId}/client-types`, { Name: 'Server-side', GrantType: 'client_credentials', ResponseTypes: 'none', TokenEndpointAuthMethod: 'client_secret_basic' }),
    );
    expect(type.GrantType).toBe('client_credentials');
    const show = await ok<{ ClientTypes: { ID: number }[] }>(await admin('GET', `/oauth-providers/${providerId}`));
    expect(show.ClientTypes.map((c) => c.ID)).toEqual([type.ID]);
    expect(JSON.stringify(await ok(await admin('GET', '/oauth-providers')))).not.toContain(idp.initialAccessToken);

    await ok(await admin('POST', `/products/${productId}/client_types`, { ID: type.ID }), 201);
    expect(await ok(await admin('GET', `/products/${productId}/client_types`))).toEqual([{ ID: type.ID, Name: 'Server-side' }]);
    // In use: deleting the provider needs force.
    expect((await admin('DELETE', `/oauth-providers/${providerId}`)).statusCode).toBe(400);
    expect((await admin('GET', '/oauth-providers/999999')).statusCode).toBe(404);
    expect((await admin('POST', '/oauth-providers', { Name: 'x', Type: 'Other', WellKnownURL: idp.discoveryUrl, SSLInsecureSkipVerify: true })).statusCode).toBe(400);
  });

  it('refuses JWT settings the gateway cannot enforce, naming the field', async () => {
    const res = await t.request('POST', '/api/apis', {
      key: root,
      body: { api_definition: { name: 'B64', enable_jwt: true, jwt_source: Buffer.from('-----BEGIN PUBLIC KEY-----').toString('base64'), jwt_signing_method: 'rsa', jwt_issuer: idp.issuer, jwt_audience: AUDIENCE, proxy: { listen_path: '/b64/', target_url: up.url } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('api_definition.jwt_source');
    const noAud = await t.request('POST', '/api/apis', {
      key: root,
      body: { api_definition: { name: 'NoAud', enable_jwt: true, jwt_source: `${jwks.url}/jwks`, jwt_signing_method: 'rsa', jwt_issuer: idp.issuer, proxy: { listen_path: '/noaud/', target_url: up.url } } },
    });
    expect(noAud.statusCode).toBe(400);
    expect(noAud.body).toContain('api_definition.jwt_audience');
  });

  it("calls the product's JWT API with a client-credentials token, within the plan's rate limit; foreign, expired, mis-addressed and tampered tokens are refused", async () => {
    const ann = await clientFor('ann');
    const token = await idp.clientCredentialsToken(ann, AUDIENCE);
    const h = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) expect((await send(gw.url, '/payments/charge', { headers: h })).status).toBe(200);
    const limited = await send(gw.url, '/payments/charge', { headers: h });
    expect(limited.status).toBe(429);
    // The signing keys were fetched once, not per request.
    expect(jwks.count()).toBe(1);

    // Another app's client has its own counter (the plan applies per app).
    const bob = await clientFor('bob');
    const bobToken = await idp.clientCredentialsToken(bob, AUDIENCE);
    expect((await send(gw.url, '/payments/charge', { headers: { authorization: `Bearer ${bobToken}` } })).status).toBe(200);

    const refused = async (tok: string) => send(gw.url, '/payments/charge', { headers: { authorization: `Bearer ${tok}` } });
    // Another audience.
    expect((await refused(await idp.clientCredentialsToken(bob, 'https://other.example.test'))).status).toBe(403);
    // A tampered signature.
    const [head, body, sig] = bobToken.split('.');
    const flipped = `${sig!.slice(0, 10)}${sig![10] === 'A' ? 'B' : 'A'}${sig!.slice(11)}`;
    expect((await refused(`${head}.${body}.${flipped}`)).status).toBe(403);
    // A tampered payload (another client) under the original signature.
    const forged = Buffer.from(JSON.stringify({ ...(JSON.parse(Buffer.from(body!, 'base64url').toString()) as object), client_id: ann.client_id })).toString('base64url');
    expect((await refused(`${head}.${forged}.${sig}`)).status).toBe(403);
    // Another issuer, for the right audience.
    const foreignClient = await elsewhere.registerClient({ grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' });
    const foreign = await elsewhere.clientCredentialsToken({ client_id: foreignClient.client_id, client_secret: foreignClient.client_secret! }, AUDIENCE);
    expect((await refused(foreign)).status).toBe(403);
    // No token at all.
    expect((await send(gw.url, '/payments/charge')).status).toBe(401);
    // A client the provider issued tokens to but no credential names: refused as Tyk refuses an unknown key.
    const stray = await idp.registerClient({ grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' });
    const strayToken = await idp.clientCredentialsToken({ client_id: stray.client_id, client_secret: stray.client_secret! }, AUDIENCE);
    const unknown = await refused(strayToken);
    expect(unknown.status).toBe(403);
    expect(unknown.json()).toEqual({ error: 'Access to this API has been disallowed' });
    // Tokens of an unknown key id made the gateway look again (once per cool-down at most), not per request.
    expect(jwks.count()).toBeLessThanOrEqual(2);
  });

  it('refuses an expired token', async () => {
    // The other provider's tokens live one second; an API that trusts it, with no clock skew forgiven.
    await createProxiedApi(t, root, 'Short', '/short/', up.url, {
      enable_jwt: true,
      jwt_source: elsewhere.jwksUri,
      jwt_signing_method: 'rsa',
      jwt_issuer: elsewhere.issuer,
      jwt_audience: AUDIENCE,
      jwt_expires_at_validation_skew: 0,
    });
    const c = await elsewhere.registerClient({ grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' });
    const token = await elsewhere.clientCredentialsToken({ client_id: c.client_id, client_secret: c.client_secret! }, AUDIENCE);
    const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1100));
    const res = await send(gw.url, '/short/x', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'Key not authorized: token has expired' });
  });

  it("shows the client's traffic at /api/activity/oauthid to who sees the API, 404 to others", async () => {
    const ann = (await t.store.db.selectFrom('credentials').select('oauth_client_id').where('oauth_client_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow()).oauth_client_id!;
    let body: { data: { id: { api_id: string; oauth_id: string }; hits: number }[] } = { data: [] };
    expect(
      await eventually(async () => {
        const res = await t.request('GET', `/api/activity/oauthid/${encodeURIComponent(ann)}/${RANGE}`, { key: root });
        body = res.json();
        return res.statusCode === 200 && (body.data[0]?.hits ?? 0) >= 4;
      }, WITHIN),
    ).toBeGreaterThanOrEqual(0);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]!.id).toMatchObject({ api_id: apiId, oauth_id: ann });
    expect(body.data[0]!.hits).toBe(4);
    const missing = await t.request('GET', `/api/activity/oauthid/no-such-client/${RANGE}`, { key: root });
    expect(missing.statusCode).toBe(404);
    // An analyst who owns another API only (Payments belongs to its own team): the client is as missing to them.
    const payments = await createGroup(t, root, 'Payments team', { analytics: 'read', owned_analytics: 'read' });
    await setOwners(t, root, apiId, [], [payments]);
    const owner = await createUser(t, root, 'payments@example.com', { groupId: payments });
    expect((await t.request('GET', `/api/activity/oauthid/${encodeURIComponent(ann)}/${RANGE}`, { key: owner.key })).statusCode).toBe(200);
    const team = await createGroup(t, root, 'Others', { analytics: 'read', owned_analytics: 'read' });
    const analyst = await createUser(t, root, 'analyst@example.com', { groupId: team });
    const other = await createProxiedApi(t, root, 'Other', '/other/', up.url);
    await setOwners(t, root, other, [], [team]);
    const hidden = await t.request('GET', `/api/activity/oauthid/${encodeURIComponent(ann)}/${RANGE}`, { key: analyst.key });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe((await t.request('GET', `/api/activity/oauthid/no-such-client/${RANGE}`, { key: analyst.key })).body);
  });

  it('deletes the client at the provider when the credential, the app or the user goes; the gateway refuses its tokens', async () => {
    const byCredential = await clientFor('cid');
    const token = await idp.clientCredentialsToken(byCredential, AUDIENCE);
    expect((await send(gw.url, '/payments/x', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await ok(await as('cid', 'DELETE', `/apps/${byCredential.appId}/credentials/${byCredential.credentialId}`));
    expect(await eventually(async () => !(await idp.hasClient(byCredential.client_id)), WITHIN)).toBeGreaterThanOrEqual(0);
    expect(await eventually(async () => (await send(gw.url, '/payments/x', { headers: { authorization: `Bearer ${token}` } })).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);

    const byApp = await clientFor('dan');
    await ok(await as('dan', 'DELETE', `/apps/${byApp.appId}`));
    expect(await eventually(async () => !(await idp.hasClient(byApp.client_id)), WITHIN)).toBeGreaterThanOrEqual(0);

    // bob's client goes with bob.
    const bobs = await t.store.db
      .selectFrom('credentials as cr')
      .innerJoin('apps as a', 'a.id', 'cr.app_id')
      .select('cr.oauth_client_id')
      .where('a.user_id', '=', users.bob!.id)
      .execute();
    expect(bobs).toHaveLength(1);
    expect(await idp.hasClient(bobs[0]!.oauth_client_id!)).toBe(true);
    await ok(await admin('DELETE', `/users/${users.bob!.id}`));
    expect(await eventually(async () => !(await idp.hasClient(bobs[0]!.oauth_client_id!)), WITHIN)).toBeGreaterThanOrEqual(0);
    // The queue empties once the provider has answered each deletion.
    expect(await eventually(async () => (await t.store.db.selectFrom('oauth_client_deletions').selectAll().execute()).length === 0, WITHIN)).toBeGreaterThanOrEqual(0);
  });

  it('leaves nothing half-written when the provider does not answer', async () => {
    const before = await t.store.db.selectFrom('credentials').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await ok(await admin('PUT', `/oauth-providers/${providerId}`, { WellKnownURL: 'http://127.0.0.1:9/.well-known/openid-configuration' }));
    const request = await requestAccess('ann', 'second app', productId, gold);
    const res = await admin('PUT', `/access_requests/${request.requestId}/approve`);
    expect(res.statusCode).toBe(502);
    expect(res.body).toContain('did not register a client');
    expect((await ok<{ Status: string }>(await admin('GET', `/access_requests/${request.requestId}`))).Status).toBe('pending');
    const after = await t.store.db.selectFrom('credentials').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await ok(await admin('PUT', `/oauth-providers/${providerId}`, { WellKnownURL: idp.discoveryUrl }));
    await ok(await admin('PUT', `/access_requests/${request.requestId}/approve`));
  });
  it('refuses to approve a DCR product whose API takes keys, naming the API, and writes nothing', async () => {
    const keyApi = await createProxiedApi(t, root, 'Ledger', '/ledger/', up.url);
    const catalogueId = (await ok<{ ID: number }>(await admin('POST', '/catalogues', { Name: 'Mixed', VisibilityStatus: 'Public' }))).ID;
    const plan = (await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Mixed plan', RateLimit: 3, Per: 60, Catalogues: [catalogueId] }))).ID;
    const mixed = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Mixed', DCREnabled: true, APIDetails: [{ APIID: apiId }, { APIID: keyApi }], Catalogues: [catalogueId] }), 201)).ID;
    const { ClientTypes } = await ok<{ ClientTypes: { ID: number }[] }>(await admin('GET', `/oauth-providers/${providerId}`));
    await ok(await admin('POST', `/products/${mixed}/client_types`, { ID: ClientTypes[0]!.ID }), 201);
    const { requestId } = await requestAccess('ann', 'mixed app', mixed, plan);
    const res = await admin('PUT', `/access_requests/${requestId}/approve`);
    expect(res.statusCode).toBe(409);
    const [message] = res.json<{ errors: string[] }>().errors;
    expect(message).toContain('"Ledger" takes keys');
    expect(message).not.toContain('Payments');
    expect((await ok<{ Status: string }>(await admin('GET', `/access_requests/${requestId}`))).Status).toBe('pending');
  });
  it("lets the consumer choose the product's client type (ClientTypeID): only one attached to the product, else 400 naming the field", async () => {
    const clientType = async (Name: string) =>
      (await ok<{ ID: number }>(await admin('POST', `/oauth-providers/${providerId}/client-types`, { Name, GrantType: 'client_credentials', ResponseTypes: 'none', TokenEndpointAuthMethod: 'client_secret_post' }))).ID;
    const first = (await ok<{ ID: number }[]>(await admin('GET', `/products/${productId}/client_types`)))[0]!.ID;
    const post = await clientType('Form-posting');
    const unattached = await clientType('Not offered');
    await ok(await admin('POST', `/products/${productId}/client_types`, { ID: post }), 201);
    // The Live Portal lists the types a request may choose.
    const live = await ok<{ ClientTypes: { ID: number; Name: string }[] }>(await as('ann', 'GET', `/products/${productId}`));
    expect(live.ClientTypes.map((c) => c.ID)).toEqual([first, post]);

    const app = await ok<AppView>(await as('ann', 'POST', '/apps', { Name: 'typed app' }));
    const request = (ClientTypeID?: number) => as('ann', 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: gold, ...(ClientTypeID === undefined ? {} : { ClientTypeID }) });
    const elsewhere = await request(unattached);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('ClientTypeID');
    const missing = await request(999999);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toBe(elsewhere.body);
    expect(await t.store.db.selectFrom('access_requests').select('id').where('app_id', '=', app.ID).execute()).toEqual([]);

    // Approval registers the client with the chosen type; the reviewer and the consumer see which one was chosen.
    const chosen = await ok<{ ID: number }>(await request(post));
    const reviewed = await ok<{ DCREnabled: boolean; ClientTypeID: number | null; ClientType: string }>(await admin('GET', `/access_requests/${chosen.ID}`));
    expect(reviewed).toMatchObject({ DCREnabled: true, ClientTypeID: post, ClientType: 'Form-posting' });
    const listed = await ok<{ ID: number; ClientType: string }[]>(await admin('GET', '/access_requests?status=pending'));
    expect(listed.find((r) => r.ID === chosen.ID)).toMatchObject({ ClientType: 'Form-posting' });
    const mine = await ok<{ AccessRequests: { ID: number; ClientTypeID: number | null; ClientType: string }[] }>(await as('ann', 'GET', `/apps/${app.ID}`));
    expect(mine.AccessRequests).toEqual([expect.objectContaining({ ID: chosen.ID, ClientTypeID: post, ClientType: 'Form-posting' })]);
    await ok(await admin('PUT', `/access_requests/${chosen.ID}/approve`));
    const cred = await t.store.db.selectFrom('credentials').select(['oauth_client_id', 'oauth_client_type_id']).where('access_request_id', '=', chosen.ID).executeTakeFirstOrThrow();
    expect(cred.oauth_client_type_id).toBe(post);
    expect(await idp.hasClient(cred.oauth_client_id!)).toBe(true);

    // Without a choice: the product's first client type, as before.
    const plain = await ok<AppView>(await as('ann', 'POST', '/apps', { Name: 'untyped app' }));
    const unchosen = await ok<{ ID: number }>(await as('ann', 'POST', '/access-requests', { AppID: plain.ID, ProductID: productId, PlanID: gold }));
    expect(await ok(await admin('GET', `/access_requests/${unchosen.ID}`))).toMatchObject({ DCREnabled: true, ClientTypeID: null, ClientType: '' });
    await ok(await admin('PUT', `/access_requests/${unchosen.ID}/approve`));
    const plainCred = await t.store.db.selectFrom('credentials').select('oauth_client_type_id').where('access_request_id', '=', unchosen.ID).executeTakeFirstOrThrow();
    expect(plainCred.oauth_client_type_id).toBe(first);
  });

  it('rejects, with a comment, an audit entry and an email, the pending requests a forced deletion of client types leaves unapprovable', async () => {
    mail = await startMailServer();
    await configureSmtp(t, root, mail.port);
    const provider = (await ok<{ ID: number }>(await admin('POST', '/oauth-providers', { Name: 'Second', Type: 'Other', WellKnownURL: idp.discoveryUrl, RegistrationAccessToken: idp.initialAccessToken }))).ID;
    const clientType = async (Name: string) =>
      (await ok<{ ID: number }>(await admin('POST', `/oauth-providers/${provider}/client-types`, { Name, GrantType: 'client_credentials', ResponseTypes: 'none' }))).ID;
    const x = await clientType('X');
    const y = await clientType('Y');
    const product = async (Name: string, types: number[]) => {
      const id = (await ok<{ ID: number }>(await admin('POST', '/products', { Name, DCREnabled: true, APIDetails: [{ APIID: apiId }], Catalogues: [catalogueId] }), 201)).ID;
      for (const ID of types) await ok(await admin('POST', `/products/${id}/client_types`, { ID }), 201);
      return id;
    };
    const onlyX = await product('Only X', [x]);
    const both = await product('X and Y', [x, y]);
    const app = await ok<AppView>(await as('cid', 'POST', '/apps', { Name: 'stranded app' }));
    const ask = async (ProductID: number, ClientTypeID?: number) =>
      (await ok<{ ID: number }>(await as('cid', 'POST', '/access-requests', { AppID: app.ID, ProductID, PlanID: gold, ...(ClientTypeID === undefined ? {} : { ClientTypeID }) }))).ID;
    const noChoiceOnlyX = await ask(onlyX);
    const choseX = await ask(both, x);
    // Another app for the second request on the same product and plan.
    const noChoiceBoth = (await requestAccess('cid', 'other app', both, gold)).requestId;
    const choseY = (await requestAccess('cid', 'third app', both, gold, { ClientTypeID: y })).requestId;
    const status = async (id: number) => ok<{ Status: string; DecisionComment: string }>(await admin('GET', `/access_requests/${id}`));

    // Not forced: refused, nothing decided.
    expect((await admin('DELETE', `/oauth-providers/${provider}/client-types/${x}`)).statusCode).toBe(400);
    expect((await status(noChoiceOnlyX)).Status).toBe('pending');

    await ok(await admin('DELETE', `/oauth-providers/${provider}/client-types/${x}?force=true`));
    for (const id of [noChoiceOnlyX, choseX]) {
      const r = await status(id);
      expect(r.Status).toBe('rejected');
      expect(r.DecisionComment).toContain('client type "X" was deleted');
    }
    // Y still serves these.
    expect((await status(noChoiceBoth)).Status).toBe('pending');
    expect((await status(choseY)).Status).toBe('pending');
    const audited = await t.store.db.selectFrom('audit_logs').select('target_id').where('action', '=', 'access_request.reject').execute();
    expect(audited.map((a) => Number(a.target_id)).sort((a, b) => a - b)).toEqual([noChoiceOnlyX, choseX]);
    await mail.find('cid@example.com', 'Access request declined: Only X for stranded app');
    await mail.find('cid@example.com', 'Access request declined: X and Y for stranded app');

    // The provider goes with its last type: the rest are rejected too.
    await ok(await admin('DELETE', `/oauth-providers/${provider}?force=true`));
    for (const id of [noChoiceBoth, choseY]) {
      const r = await status(id);
      expect(r.Status).toBe('rejected');
      expect(r.DecisionComment).toContain('OAuth provider "Second" was deleted');
    }
    await mail.find('cid@example.com', 'Access request declined: X and Y for other app');
    await mail.find('cid@example.com', 'Access request declined: X and Y for third app');
    expect(mail.to('cid@example.com').filter((m) => m.subject.startsWith('Access request declined'))).toHaveLength(4);
  });

  it('rejects, with a comment and an email, the pending requests detaching a client type from a product leaves unapprovable, and only those', async () => {
    mail ??= await startMailServer();
    await configureSmtp(t, root, mail.port);
    const provider = (await ok<{ ID: number }>(await admin('POST', '/oauth-providers', { Name: 'Third', Type: 'Other', WellKnownURL: idp.discoveryUrl, RegistrationAccessToken: idp.initialAccessToken }))).ID;
    const clientType = async (Name: string) =>
      (await ok<{ ID: number }>(await admin('POST', `/oauth-providers/${provider}/client-types`, { Name, GrantType: 'client_credentials', ResponseTypes: 'none' }))).ID;
    const p = await clientType('P');
    const q = await clientType('Q');
    const product = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'P and Q', DCREnabled: true, APIDetails: [{ APIID: apiId }], Catalogues: [catalogueId] }), 201)).ID;
    for (const ID of [p, q]) await ok(await admin('POST', `/products/${product}/client_types`, { ID }), 201);
    const choseP = (await requestAccess('cid', 'detach app one', product, gold, { ClientTypeID: p })).requestId;
    const choseQ = (await requestAccess('cid', 'detach app two', product, gold, { ClientTypeID: q })).requestId;
    const noChoice = (await requestAccess('cid', 'detach app three', product, gold)).requestId;
    const status = async (id: number) => ok<{ Status: string; DecisionComment: string }>(await admin('GET', `/access_requests/${id}`));

    // P withdrawn: the request that chose it is rejected; Q still serves the others.
    await ok(await admin('DELETE', `/products/${product}/client_types/${p}`));
    expect(await status(choseP)).toMatchObject({ Status: 'rejected', DecisionComment: expect.stringContaining('client type "P" was withdrawn from this product') });
    expect((await status(choseQ)).Status).toBe('pending');
    expect((await status(noChoice)).Status).toBe('pending');
    await mail.find('cid@example.com', 'Access request declined: P and Q for detach app one');
    const detachEntry = await t.store.db.selectFrom('audit_logs').select('changes').where('action', '=', 'product.client_type.detach').where('target_id', '=', String(product)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(detachEntry.changes)).toEqual({ client_type_id: p, access_requests_rejected: [choseP] });

    // Q withdrawn, the last: nothing is left for the request that chose none either.
    await ok(await admin('DELETE', `/products/${product}/client_types/${q}`));
    expect((await status(choseQ)).Status).toBe('rejected');
    expect((await status(noChoice)).Status).toBe('rejected');
  });

  it("keeps a DCR credential's token on its plan when the API also has default policies, which other clients' tokens get", async () => {
    const policy = await t.request('POST', '/api/portal/policies', { key: root, body: { name: 'Walk-in', rate: 7, per: 60, access_rights: { [apiId]: { api_id: apiId, versions: ['Default'], allowed_urls: [] } } } });
    expect(policy.statusCode, policy.body).toBe(200);
    const current = (await t.request('GET', `/api/apis/${apiId}`, { key: root })).json<{ api_definition: Record<string, unknown> }>().api_definition;
    const saved = await t.request('PUT', `/api/apis/${apiId}`, { key: root, body: { api_definition: { ...current, jwt_default_policies: [policy.json<{ Message: string }>().Message] } } });
    expect(saved.statusCode, saved.body).toBe(200);
    const stray = await idp.registerClient({ grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' });
    const strayAuth = { authorization: `Bearer ${await idp.clientCredentialsToken({ client_id: stray.client_id, client_secret: stray.client_secret! }, AUDIENCE)}` };
    expect(await eventually(async () => (await send(gw.url, '/payments/charge', { headers: strayAuth })).status === 200, WITHIN)).toBeGreaterThanOrEqual(0);
    expect((await send(gw.url, '/payments/charge', { headers: strayAuth })).headers['x-ratelimit-limit']).toBe('7');

    await consumer('eve', orgId);
    const eve = await clientFor('eve');
    const res = await send(gw.url, '/payments/charge', { headers: { authorization: `Bearer ${await idp.clientCredentialsToken(eve, AUDIENCE)}` } });
    expect(res.status, res.body).toBe(200);
    // The plan's limit (3 a minute), not the default policy's.
    expect(res.headers['x-ratelimit-limit']).toBe('3');
  });
});
