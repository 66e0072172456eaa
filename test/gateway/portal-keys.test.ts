import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ok, portalClient, type PortalAppView as AppView, type PortalCredential as Credential } from '../helpers/portal.js';
import { createKey, createProxiedApi, eventually, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';

/*
 * Developer Portal credentials through the gateway: approved access request →
 * the consumer reveals the credential once → it works for the product's APIs only,
 * with the plan's limits; a deactivated consumer and a deleted app stop it.
 */
const WITHIN = 1000;

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
  const { users, admin, as, consumer, requestAccess } = portalClient(() => ({ t, key: root }));

  /** App → access request (approved by an API Owner unless the plan approves itself) → the credential, as revealed. */
  async function credentialFor(who: string, planId: number, approve: boolean): Promise<{ appId: number; key: string }> {
    const { appId, requestId } = await requestAccess(who, `${who}'s app`, productId, planId);
    if (approve) await ok(await admin('PUT', `/access_requests/${requestId}/approve`));
    const first = await ok<AppView>(await as(who, 'GET', `/apps/${appId}`));
    const cid = first.AccessRequests[0]!.Credentials[0]!.ID;
    const key = (await ok<{ Credential: Credential }>(await as(who, 'POST', `/apps/${appId}/credentials/${cid}/reveal`))).Credential.Credential;
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    // Shown once: views mask it.
    const again = await ok<AppView>(await as(who, 'GET', `/apps/${appId}`));
    expect(again.AccessRequests[0]!.Credentials[0]!.Credential).not.toBe(key);
    return { appId, key };
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
    await consumer('ann', orgId);
    await consumer('bob', orgId);
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
