import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';
import { configureSmtp, linkIn, startMailServer, type MailServer } from '../helpers/smtp.js';

/*
 * The whole Developer Portal journey of issue 4, through HTTP only: register →
 * pending → approved by an administrator (email received) → sign in → create an
 * app → request access → approved → the credential grants the product's APIs only
 * (checked against the keys store) → the user is deleted → the credential is dead.
 */

const PUBLIC = 'https://portal.example.com';
const EMAIL = 'journey@example.com';
const PASSWORD = 'journey-password-1';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('the Developer Portal journey', () => {
  let t: TestApp;
  let root: string;
  let mail: MailServer;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_OUTBOX_POLL_MS: '100', PORTCULLIS_PUBLIC_URL: PUBLIC });
    root = await t.bootstrap();
    mail = await startMailServer();
    await configureSmtp(t, root, mail.port);
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  async function ok<T>(res: LightMyRequestResponse, status = 200): Promise<T> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  }
  const admin = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });

  it('goes from registration to a working credential and back to a dead one', async () => {
    // The API Owner's side: two APIs, a product exposing one of them, a plan, a public catalogue.
    const orders = await createApi(t, root, 'Orders', '/orders/');
    const billing = await createApi(t, root, 'Billing', '/billing/');
    const catalogue = await ok<{ ID: number }>(await admin('POST', '/catalogues', { Name: 'Everyone', VisibilityStatus: 'Public' }));
    const plan = await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Starter', RateLimit: 5, Per: 1, Quota: 500, QuotaRenewalRate: 86400, Catalogues: [catalogue.ID] }));
    const product = await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Orders', APIDetails: [{ APIID: orders.apiId }], Catalogues: [catalogue.ID] }), 201);

    // Register: pending, and the administrators hear of it.
    const reg = await ok<{ Meta: { pending_approval: boolean } }>(
      await t.request('POST', '/auth/password/register', { body: { first: 'Jo', last: 'Urney', email: EMAIL, password: PASSWORD, password_confirmation: PASSWORD } }),
    );
    expect(reg.Meta.pending_approval).toBe(true);
    const notice = await mail.find('owners@example.com', 'New registration awaiting approval');
    expect(notice.text).toContain(EMAIL);
    expect((await t.request('POST', '/auth/password/login', { body: { email: EMAIL, password: PASSWORD } })).statusCode).toBe(403);

    // An administrator approves it by activating the account; the consumer is told.
    const [pending] = await ok<{ ID: number; Active: boolean }[]>(await admin('GET', `/users?active=false&q=${encodeURIComponent(EMAIL)}`));
    expect(pending).toMatchObject({ Active: false });
    await ok(await admin('PUT', `/users/${pending!.ID}`, { Active: true }));
    const activated = await mail.find(EMAIL, 'Your portal account is active');
    expect(linkIn(activated.text, PUBLIC)).toBe(`${PUBLIC}/auth/password/login`);

    // Sign in, browse the catalogue, create an app, request access.
    const login = await ok<{ Meta: { redirect_to: string } }>(await t.request('POST', '/auth/password/login', { body: { email: EMAIL, password: PASSWORD } }));
    expect(login.Meta.redirect_to).toBe('/portal/dashboard');
    const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: EMAIL, password: PASSWORD } }))!;
    const me = (method: string, url: string, body?: unknown) => t.request(method, `/portal/api${url}`, { session, body, headers: SAME_ORIGIN });
    const catalogues = await ok<unknown[]>(await me('GET', '/catalogues'));
    expect(JSON.stringify(catalogues)).toContain('Starter');
    const app = await ok<{ ID: number }>(await me('POST', '/apps', { Name: 'Journey app', Description: 'orders dashboard' }));
    const request = await ok<{ ID: number; Status: string }>(await me('POST', '/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: plan.ID }));
    expect(request.Status).toBe('pending');
    await mail.find('owners@example.com', 'Access request: Orders / Starter for Journey app');

    // Approved by an administrator; the consumer is told and sees the key once.
    await ok(await admin('PUT', `/access_requests/${request.ID}/approve`));
    await mail.find(EMAIL, 'Access approved: Orders for Journey app');
    type Shown = { AccessRequests: { Status: string; Credentials: { ID: number; Credential: string; Revealed: boolean }[] }[] };
    const first = await ok<Shown>(await me('GET', `/apps/${app.ID}`));
    expect(first.AccessRequests[0]!.Status).toBe('approved');
    // Viewing the app mints nothing; the consumer reveals the key with a POST.
    expect(first.AccessRequests[0]!.Credentials[0]).toMatchObject({ Credential: '', Revealed: false });
    const cid = first.AccessRequests[0]!.Credentials[0]!.ID;
    const key = (await ok<{ Credential: { Credential: string } }>(await me('POST', `/apps/${app.ID}/credentials/${cid}/reveal`))).Credential.Credential;
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect((await me('POST', `/apps/${app.ID}/credentials/${cid}/reveal`)).statusCode).toBe(409);
    expect((await ok<Shown>(await me('GET', `/apps/${app.ID}`))).AccessRequests[0]!.Credentials[0]!.Credential).toBe('********');

    // The keys store: this key grants the product's API only, with the plan's limits.
    const stored = await ok<{ data: { apply_policies: string[]; rate: number; per: number; quota_max: number; quota_renewal_rate: number } }>(
      await t.request('GET', `/api/keys/${sha256(key)}`, { key: root }),
    );
    expect(stored.data).toMatchObject({ rate: 5, per: 1, quota_max: 500, quota_renewal_rate: 86400 });
    const policy = await ok<{ access_rights: Record<string, unknown> }>(await t.request('GET', `/api/portal/policies/${stored.data.apply_policies[0]}`, { key: root }));
    expect(Object.keys(policy.access_rights)).toEqual([orders.apiId]);
    const keysOf = async (apiId: string) => (await ok<{ data: { keys: string[] } }>(await t.request('GET', `/api/apis/${apiId}/keys?p=-1`, { key: root }))).data.keys;
    expect(await keysOf(orders.apiId)).toContain(sha256(key));
    expect(await keysOf(billing.apiId)).not.toContain(sha256(key));

    // The user is deleted: everything of theirs goes, and the credential is dead.
    await ok(await admin('DELETE', `/users/${pending!.ID}`));
    expect((await t.request('GET', `/api/keys/${sha256(key)}`, { key: root })).statusCode).toBe(404);
    expect((await admin('GET', `/apps/${app.ID}`)).statusCode).toBe(404);
    expect((await admin('GET', `/access_requests/${request.ID}`)).statusCode).toBe(404);
    expect((await me('GET', '/me')).statusCode).toBe(401);
    const log = await ok<{ audit_logs: { action: string; user: string; target_id: string }[] }>(
      await t.request('GET', `/api/audit-logs?p=-1&target_id=${pending!.ID}`, { key: root }),
    );
    expect(log.audit_logs.map((e) => e.action)).toEqual(expect.arrayContaining(['user.register', 'user.activate', 'user.delete']));
  });
});
