import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createKey, createProxiedApi, eventually, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';

/*
 * Developer Portal credentials through the gateway: approved access request →
 * the consumer reveals the credential once → it works for the product's APIs only,
 * with the plan's limits; a deactivated consumer and a deleted app stop it.
 */
const PASSWORD = 'consumer-password-1';
const WITHIN = 1000;

interface Credential {
  ID: number;
  Credential: string;
}
interface AppView {
  ID: number;
  AccessRequests: { ID: number; Status: string; Credentials: Credential[] }[];
}

describe('portal credentials at the gateway', () => {
  let t: TestApp;
  let root: string;
  let up: Upstream;
  let gw: RunningGateway;
  let inProduct: string;
  let outside: string;
  let productId: number;
  let gold: number;
  let free: number;
  let orgId: number;
  const users: Record<string, { id: number; session: string }> = {};

  async function ok<T>(res: LightMyRequestResponse, status = 200): Promise<T> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  }
  const admin = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });
  const as = (who: string, method: string, url: string, body?: unknown) =>
    t.request(method, `/portal/api${url}`, { session: users[who]!.session, body, headers: SAME_ORIGIN });

  async function consumer(who: string): Promise<void> {
    const email = `${who}@example.com`;
    const { ID } = await ok<{ ID: number }>(
      await admin('POST', '/users', { First: who, Last: 'Consumer', Email: email, Password: PASSWORD, Active: true, Role: 'consumer-team-member', OrganisationID: orgId }),
    );
    users[who] = { id: ID, session: sessionFrom(await t.request('POST', '/auth/password/login', { body: { email, password: PASSWORD } }))! };
  }

  /** App → access request (approved by an API Owner unless the plan approves itself) → the credential, as revealed. */
  async function credentialFor(who: string, planId: number, approve: boolean): Promise<{ appId: number; key: string }> {
    const app = await ok<AppView>(await as(who, 'POST', '/apps', { Name: `${who}'s app` }));
    const request = await ok<{ ID: number }>(await as(who, 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: planId }));
    if (approve) await ok(await admin('PUT', `/access_requests/${request.ID}/approve`));
    const first = await ok<AppView>(await as(who, 'GET', `/apps/${app.ID}`));
    const cid = first.AccessRequests[0]!.Credentials[0]!.ID;
    const key = (await ok<{ Credential: Credential }>(await as(who, 'POST', `/apps/${app.ID}/credentials/${cid}/reveal`))).Credential.Credential;
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    // Shown once: views mask it.
    const again = await ok<AppView>(await as(who, 'GET', `/apps/${app.ID}`));
    expect(again.AccessRequests[0]!.Credentials[0]!.Credential).not.toBe(key);
    return { appId: app.ID, key };
  }

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    up = await startUpstream();
    inProduct = await createProxiedApi(t, root, 'Payments', '/payments/', up.url);
    outside = await createProxiedApi(t, root, 'Ledger', '/ledger/', up.url);
    const catalogueId = (await ok<{ ID: number }>(await admin('POST', '/catalogues', { Name: 'Public', VisibilityStatus: 'Public' }))).ID;
    gold = (await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Gold', RateLimit: 3, Per: 60, Quota: 1000, QuotaRenewalRate: 3600, Catalogues: [catalogueId] }))).ID;
    free = (await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Free', UnlimitedRateLimit: true, UnlimitedQuota: true, AutoApproveAccessRequests: true, Catalogues: [catalogueId] })))
      .ID;
    productId = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Payments', APIDetails: [{ APIID: inProduct }], Catalogues: [catalogueId] }), 201)).ID;
    orgId = (await ok<{ ID: number }>(await admin('POST', '/organisations', { Name: 'Acme' }))).ID;
    await consumer('ann');
    await consumer('bob');
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
  });

  it("works for the product's APIs only, within the plan's rate limit, until the consumer is deactivated", async () => {
    const { key } = await credentialFor('ann', gold, true);
    const h = { authorization: key };
    for (let i = 0; i < 3; i++) expect((await send(gw.url, '/payments/charge', { headers: h })).status).toBe(200);
    expect((await send(gw.url, '/payments/charge', { headers: h })).status).toBe(429);
    const elsewhere = await send(gw.url, '/ledger/x', { headers: h });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json()).toEqual({ error: 'Access to this API has been disallowed' });

    // A Dashboard key for the same API keeps working: only the consumer's credentials stop.
    const staffKey = await createKey(t, root, { access_rights: { [outside]: rights(outside) } });
    await ok(await admin('PUT', `/users/${users.ann!.id}`, { Active: false }));
    expect(await eventually(async () => (await send(gw.url, '/payments/charge', { headers: h })).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    expect((await send(gw.url, '/payments/charge', { headers: h })).json<{ error: string }>().error).toMatch(/inactive/);
    expect((await send(gw.url, '/ledger/x', { headers: { authorization: staffKey.key } })).status).toBe(200);
  });

  it('stops when the app is deleted', async () => {
    const { appId, key } = await credentialFor('bob', free, false);
    const h = { authorization: key };
    expect((await send(gw.url, '/payments/x', { headers: h })).status).toBe(200);
    expect((await send(gw.url, '/ledger/x', { headers: h })).status).toBe(403);
    await ok(await as('bob', 'DELETE', `/apps/${appId}`));
    expect(await eventually(async () => (await send(gw.url, '/payments/x', { headers: h })).status === 403, WITHIN)).toBeGreaterThanOrEqual(0);
    expect((await send(gw.url, '/payments/x', { headers: h })).json()).toEqual({ error: 'Access to this API has been disallowed' });
  });
});
