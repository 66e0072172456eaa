import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createApi, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * The Dashboard's Tyk-compatible view of portal access requests (key requests):
 * /api/portal/requests, paged with `p`, guarded by the `portal` section and
 * narrowed by API ownership through each request's product.
 */

const PASSWORD = 'consumer-password-1';

interface KeyRequest {
  id: string;
  approved: boolean;
  status: string;
  by_user: string;
  apply_policies: string[];
  portal_developer: { id: string; email: string; inactive: boolean };
  catalogue_entry: { name: string; policy_id: string };
  app_id: number;
  product_id: number;
  plan_id: number;
  credentials: number;
}
interface KeyRequestList {
  Data: KeyRequest[];
  Pages: number;
}

describe('Dashboard key requests (/api/portal/requests)', () => {
  let t: TestApp;
  let root: string;
  let staff: { id: string; key: string };
  let keeper: { id: string; key: string };
  let consumerId: number;
  let session: string;
  let open: number;
  let owned: number;
  const requestIds: number[] = [];

  async function ok<T>(res: LightMyRequestResponse, status = 200): Promise<T> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  }
  const dash = (key: string, method: string, url: string) => t.request(method, `/api${url}`, { key });
  const consumer = (method: string, url: string, body?: unknown) => t.request(method, `/portal/api${url}`, { session, body, headers: SAME_ORIGIN });

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_PAGE_SIZE: '2' });
    root = await t.bootstrap();
    staff = await createUser(t, root, 'staff@example.com', { perms: { portal: 'write', keys: 'read' } });
    keeper = await createUser(t, root, 'keeper@example.com', { perms: { portal: 'write', apis: 'write' } });
    const payments = await createApi(t, root, 'Payments', '/payments/');
    const vault = await createApi(t, root, 'Vault', '/vault/');
    await setOwners(t, root, vault.apiId, [keeper.id], []);

    const catalogue = await ok<{ ID: number }>(await t.request('POST', '/portal-api/catalogues', { key: root, body: { Name: 'Public', VisibilityStatus: 'Public' } }));
    const plan = await ok<{ ID: number }>(await t.request('POST', '/portal-api/plans', { key: root, body: { Name: 'Basic', RateLimit: 5, Per: 1, UnlimitedQuota: true, Catalogues: [catalogue.ID] } }));
    open = (await ok<{ ID: number }>(await t.request('POST', '/portal-api/products', { key: root, body: { Name: 'Open', APIDetails: [{ APIID: payments.apiId }], Catalogues: [catalogue.ID] } }), 201)).ID;
    owned = (await ok<{ ID: number }>(await t.request('POST', '/portal-api/products', { key: root, body: { Name: 'Owned', APIDetails: [{ APIID: vault.apiId }], Catalogues: [catalogue.ID] } }), 201)).ID;

    const created = await ok<{ ID: number }>(
      await t.request('POST', '/portal-api/users', { key: root, body: { First: 'Dev', Last: 'Eloper', Email: 'dev@example.com', Password: PASSWORD, Active: true } }),
    );
    consumerId = created.ID;
    session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'dev@example.com', password: PASSWORD } }))!;
    // Three requests: two for the open product (two apps), one for the owned one.
    for (const [name, product] of [
      ['One', open],
      ['Two', open],
      ['Three', owned],
    ] as const) {
      const app = await ok<{ ID: number }>(await consumer('POST', '/apps', { Name: name }));
      const r = await ok<{ ID: number }>(await consumer('POST', '/access-requests', { AppID: app.ID, ProductID: product, PlanID: plan.ID }));
      requestIds.push(r.ID);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists key requests in pages of the configured size, in the Tyk shape', async () => {
    const first = await ok<KeyRequestList>(await dash(root, 'GET', '/portal/requests?p=1'));
    expect(first.Pages).toBe(2);
    expect(first.Data.map((r) => r.id)).toEqual(requestIds.slice(0, 2).map(String));
    const second = await ok<KeyRequestList>(await dash(root, 'GET', '/portal/requests?p=2'));
    expect(second.Data.map((r) => r.id)).toEqual([String(requestIds[2])]);
    const all = await ok<KeyRequestList>(await dash(root, 'GET', '/portal/requests?p=-1'));
    expect(all).toMatchObject({ Pages: 1 });
    expect(all.Data).toHaveLength(3);
    const r = all.Data[0]!;
    expect(r).toMatchObject({
      id: String(requestIds[0]),
      approved: false,
      status: 'pending',
      by_user: String(consumerId),
      portal_developer: { id: String(consumerId), email: 'dev@example.com', inactive: false },
      catalogue_entry: { name: 'Open' },
      product_id: open,
      credentials: 0,
    });
    expect(r.apply_policies).toEqual([r.catalogue_entry.policy_id]);
    expect(r.apply_policies[0]).toMatch(/^\d+$/);
    const one = await ok<KeyRequest>(await dash(root, 'GET', `/portal/requests/${requestIds[2]}`));
    expect(one).toMatchObject({ id: String(requestIds[2]), product_id: owned });
    // Each request of a page answers what its own GET answers (a page reads its details apart: ids first, then decider and policy).
    for (const listed of [...first.Data, ...second.Data]) {
      expect(listed.catalogue_entry.policy_id).toMatch(/^\d+$/);
      expect(await ok<KeyRequest>(await dash(root, 'GET', `/portal/requests/${listed.id}`))).toEqual(listed);
    }
  });

  it('shows a staff member only the requests for products within their API ownership; hidden answers like absent', async () => {
    const seen = await ok<KeyRequestList>(await dash(staff.key, 'GET', '/portal/requests?p=-1'));
    expect(seen.Data.map((r) => r.id)).toEqual(requestIds.slice(0, 2).map(String));
    const paged = await ok<KeyRequestList>(await dash(staff.key, 'GET', '/portal/requests?p=1'));
    expect(paged.Pages).toBe(1);

    const hidden = await dash(staff.key, 'GET', `/portal/requests/${requestIds[2]}`);
    const absent = await dash(staff.key, 'GET', '/portal/requests/999999');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(absent.body);
    expect(hidden.json()).toMatchObject({ Status: 'Error' });
    expect((await dash(staff.key, 'PUT', `/portal/requests/approve/${requestIds[2]}`)).statusCode).toBe(404);

    // The owner of the owned API sees it as well as the unowned ones.
    const keeperSees = await ok<KeyRequestList>(await dash(keeper.key, 'GET', '/portal/requests?p=-1'));
    expect(keeperSees.Data.map((r) => r.id)).toEqual(requestIds.map(String));
  });

  it('approves a pending request; the key reaches the consumer when they reveal it, never the Dashboard', async () => {
    const res = await ok<{ Status: string; Message: string }>(await dash(staff.key, 'PUT', `/portal/requests/approve/${requestIds[0]}`));
    expect(res).toMatchObject({ Status: 'OK', Message: 'Key request approved' });
    expect(JSON.stringify(res)).not.toMatch(/[0-9a-f]{40}/);
    const again = await dash(staff.key, 'PUT', `/portal/requests/approve/${requestIds[0]}`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ Status: 'Error' });

    const approved = await ok<KeyRequestList>(await dash(root, 'GET', '/portal/requests?p=-1&approved=true'));
    expect(approved.Data.map((r) => r.id)).toEqual([String(requestIds[0])]);
    expect(approved.Data[0]).toMatchObject({ approved: true, status: 'approved', credentials: 1 });
    const pending = await ok<KeyRequestList>(await dash(root, 'GET', '/portal/requests?p=-1&approved=false'));
    expect(pending.Data.map((r) => r.id)).toEqual(requestIds.slice(1).map(String));

    const appId = approved.Data[0]!.app_id;
    const view = await ok<{ AccessRequests: { Credentials: { ID: number }[] }[] }>(await consumer('GET', `/apps/${appId}`));
    const revealed = await ok<{ Credential: { Credential: string; CredentialHash: string } }>(
      await consumer('POST', `/apps/${appId}/credentials/${view.AccessRequests[0]!.Credentials[0]!.ID}/reveal`),
    );
    const cred = revealed.Credential;
    expect(cred.Credential).toMatch(/^[0-9a-f]{40}$/);
    // The Dashboard sees the key by its hash (within ownership), never the key itself.
    const key = await ok<{ data: { apply_policies: string[] } }>(await dash(staff.key, 'GET', `/keys/${cred.CredentialHash}`));
    expect(key.data.apply_policies).toEqual(approved.Data[0]!.apply_policies);
    expect(JSON.stringify(await ok(await dash(root, 'GET', `/portal/requests/${requestIds[0]}`)))).not.toContain(cred.Credential);
  });

  it('needs the portal permission: read to list, write to approve', async () => {
    const none = await createUser(t, root, 'none@example.com', { perms: { keys: 'write' } });
    expect((await dash(none.key, 'GET', '/portal/requests')).statusCode).toBe(403);
    expect((await dash(none.key, 'GET', `/portal/requests/${requestIds[1]}`)).statusCode).toBe(403);
    const reader = await createUser(t, root, 'reader@example.com', { perms: { portal: 'read' } });
    expect((await dash(reader.key, 'GET', '/portal/requests')).statusCode).toBe(200);
    expect((await dash(reader.key, 'PUT', `/portal/requests/approve/${requestIds[1]}`)).statusCode).toBe(403);
    expect((await dash(root, 'GET', '/portal/requests/not-a-number')).statusCode).toBe(404);
    // Consumers never reach the Dashboard API.
    expect((await t.request('GET', '/api/portal/requests', { session })).statusCode).toBe(403);
  });
});
