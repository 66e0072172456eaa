import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';
import { exampleChecks } from './tyk-examples.js';
import { describeContract, problems } from './tyk-reference.js';

/*
 * Apps, access requests and credentials as the Admin Portal API answers them,
 * validated against the Tyk Enterprise Developer Portal description (paths are
 * relative to /portal-api).
 *
 * One quirk of the description: `Client-show.AccessRequests` declares its items
 * as `Client-AccessRequest-index`, itself an array, so it describes a list of
 * lists. Tyk answers (and we answer) a list of `Client-AccessRequest-elem`; the
 * app is validated without that property, and each of its requests against
 * `Client-AccessRequest-elem`.
 */

const FILE = 'enterprise-developer-portal-swagger.yaml';
const PASSWORD = 'consumer-password-1';

describeContract(FILE, 'portal apps and access requests contract', (ref) => {
  const examples = exampleChecks(ref, 'portal apps and access requests contract');
  let t: TestApp;
  let root: string;
  let session: string;
  let appId = 0;
  let pendingId = 0;
  let approvedId = 0;
  let rejectedId = 0;
  let credentialId = 0;

  async function json(res: LightMyRequestResponse, status = 200): Promise<unknown> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  }
  /** Sends the request, expects `status`, and checks the body against the documented response. */
  async function valid(method: string, url: string, path: string, status = 200, body?: unknown): Promise<unknown> {
    const out = await json(await t.request(method, `/portal-api${url}`, { key: root, body }), status);
    expect(problems(ref.response(method, path, status), out), `${method} ${url}`).toEqual([]);
    examples.check(method, path, status, out);
    return out;
  }
  /** An app (Client-show) validated as described above. */
  function validApp(app: unknown): void {
    const { AccessRequests, ...rest } = app as { AccessRequests: unknown[] };
    expect(problems(ref.schema('Client-show'), rest)).toEqual([]);
    expect(Array.isArray(AccessRequests)).toBe(true);
    for (const r of AccessRequests) expect(problems(ref.schema('Client-AccessRequest-elem'), r)).toEqual([]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    const api = await createApi(t, root, 'Payments', '/payments/');
    const admin = async (url: string, body: unknown, status = 200) => (await json(await t.request('POST', `/portal-api${url}`, { key: root, body }), status)) as { ID: number };
    const catalogue = await admin('/catalogues', { Name: 'Public', VisibilityStatus: 'Public' });
    const manual = await admin('/plans', { Name: 'Manual', RateLimit: 5, Per: 1, Quota: 100, QuotaRenewalRate: 60, KeyExpiresIn: 3600, Catalogues: [catalogue.ID] });
    const auto = await admin('/plans', { Name: 'Auto', AutoApproveAccessRequests: true, UnlimitedRateLimit: true, UnlimitedQuota: true, Catalogues: [catalogue.ID] });
    const product = await admin('/products', { Name: 'Payments', APIDetails: [{ APIID: api.apiId }], Catalogues: [catalogue.ID] }, 201);
    await admin('/users', { First: 'Con', Last: 'Sumer', Email: 'consumer@example.com', Password: PASSWORD, Active: true });
    session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'consumer@example.com', password: PASSWORD } }))!;
    const consumer = async (url: string, body: unknown) => (await json(await t.request('POST', `/portal/api${url}`, { session, body, headers: SAME_ORIGIN }))) as { ID: number; Credentials: { ID: number }[] };
    appId = (await consumer('/apps', { Name: 'Contract app', Description: 'Validated', Visibility: 'team' })).ID;
    pendingId = (await consumer('/access-requests', { AppID: appId, ProductID: product.ID, PlanID: manual.ID })).ID;
    const other = (await consumer('/apps', { Name: 'Second app' })).ID;
    rejectedId = (await consumer('/access-requests', { AppID: other, ProductID: product.ID, PlanID: manual.ID })).ID;
    const auto1 = await consumer('/access-requests', { AppID: appId, ProductID: product.ID, PlanID: auto.ID });
    approvedId = auto1.ID;
    credentialId = auto1.Credentials[0]!.ID;
    // The consumer's reveal mints the key, so that credentials carry a hash and an expiry below.
    await json(await t.request('POST', `/portal/api/apps/${appId}/credentials/${credentialId}/reveal`, { session, headers: SAME_ORIGIN }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('has teeth: the schemas used here refuse wrong shapes', () => {
    expect(problems(ref.schema('Client-show'), { ID: 'one', Visibility: 'public' })).not.toEqual([]);
    expect(problems(ref.schema('Client-AccessRequest-elem'), { Status: 'maybe', Products: 'x' })).not.toEqual([]);
    expect(problems(ref.schema('AccessRequest-index-elem'), { ID: 1, CreatedAt: '2024-01-01T00:00:00Z' })).not.toEqual([]);
    expect(problems(ref.schema('Credential'), { Expires: 'never' })).not.toEqual([]);
    // The quirk described above: a list of requests (objects) is not what Client-show declares.
    expect(problems(ref.schema('Client-show'), { AccessRequests: [{ ID: 1 }] })).not.toEqual([]);
  });

  it('lists, reads, changes and deletes apps in the documented shapes', async () => {
    const list = (await valid('GET', '/apps', '/apps')) as { ID: number; Name: string; Visibility: string; UserID: number }[];
    expect(list.map((a) => a.Name)).toEqual(['Contract app', 'Second app']);
    expect(list[0]).toMatchObject({ ID: appId, Visibility: 'team', Description: 'Validated' });

    const app = await json(await t.request('GET', `/portal-api/apps/${appId}`, { key: root }));
    validApp(app);
    examples.check('GET', '/apps/{app_id}', 200, app);
    const shown = app as { AccessRequests: { ID: number; Products: string[]; Credentials: { CredentialHash: string; Expires?: string }[] }[] };
    expect(shown.AccessRequests.map((r) => r.ID)).toEqual([pendingId, approvedId]);
    expect(shown.AccessRequests[1]!.Products).toEqual(['Payments']);
    expect(shown.AccessRequests[1]!.Credentials[0]!.CredentialHash).toMatch(/^[0-9a-f]{64}$/);

    const changed = await json(await t.request('PUT', `/portal-api/apps/${appId}`, { key: root, body: { Name: 'Renamed', Visibility: 'organisation' } }));
    validApp(changed);
    examples.check('PUT', '/apps/{app_id}', 200, changed);
    expect(changed).toMatchObject({ Name: 'Renamed', Visibility: 'organisation' });
    expect(ref.documents('PUT', '/apps/{app_id}', 200)).toBe(true);
  });

  it('lists, reads, approves, rejects and deletes access requests in the documented shapes', async () => {
    const list = (await valid('GET', '/access_requests', '/access_requests')) as { ID: number; Status: string; Products: string }[];
    expect(list.map((r) => [r.ID, r.Status])).toEqual([
      [pendingId, 'pending'],
      [rejectedId, 'pending'],
      [approvedId, 'approved'],
    ]);
    expect(list[0]!.Products).toBe('Payments');
    const pendingOnly = (await valid('GET', '/access_requests?status=pending', '/access_requests')) as unknown[];
    expect(pendingOnly).toHaveLength(2);

    const one = (await valid('GET', `/access_requests/${approvedId}`, '/access_requests/{access_request_id}')) as { Credentials: unknown[]; ProvisionImmediately: boolean };
    expect(one.ProvisionImmediately).toBe(true);
    expect(one.Credentials).toHaveLength(1);
    for (const c of one.Credentials) expect(problems(ref.schema('Credential-index-elem'), c)).toEqual([]);

    await valid('PUT', `/access_requests/${pendingId}/approve`, '/access_requests/{access_request_id}/approve');
    await valid('PUT', `/access_requests/${rejectedId}/reject`, '/access_requests/{access_request_id}/reject');
    expect((await valid('GET', `/access_requests/${rejectedId}`, '/access_requests/{access_request_id}')) as object).toMatchObject({ Status: 'rejected' });
    await valid('DELETE', `/access_requests/${rejectedId}`, '/access_requests/{access_request_id}');
    await valid('DELETE', `/access_requests/${rejectedId}`, '/access_requests/{access_request_id}', 404);
  });

  it('rotates a credential and deletes an app in the documented shapes', async () => {
    // Tyk's path names the access request too; another request's id finds no such credential.
    const elsewhere = await t.request('PUT', `/portal-api/apps/${appId}/access-requests/${pendingId}/credentials/${credentialId}/rotate`, { key: root });
    expect(elsewhere.statusCode, elsewhere.body).toBe(404);
    const rotated = await json(await t.request('PUT', `/portal-api/apps/${appId}/access-requests/${approvedId}/credentials/${credentialId}/rotate`, { key: root }));
    expect(problems(ref.response('PUT', '/apps/{app_id}/access-requests/{access-request_id}/credentials/{credential_id}/rotate', 200), rotated)).toEqual([]);
    examples.check('PUT', '/apps/{app_id}/access-requests/{access-request_id}/credentials/{credential_id}/rotate', 200, rotated);
    const { Credential } = rotated as { Credential: unknown };
    expect(problems(ref.schema('Credential'), Credential)).toEqual([]);
    // The administrator never sees the new key: the app's owner reveals it.
    expect(Credential).toMatchObject({ Credential: '', Revealed: false });

    await valid('DELETE', `/apps/${appId}`, '/apps/{app_id}');
    await valid('DELETE', `/apps/${appId}`, '/apps/{app_id}', 404);
    await valid('GET', '/apps', '/apps');
  });
});
