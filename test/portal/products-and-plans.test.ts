import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createUser, setOwners } from '../helpers/fixtures.js';

/* Products, plans, their documentation, and the Dashboard policy behind each product/plan pair. */

function oasApi(name: string, listenPath: string, id: string) {
  return {
    openapi: '3.0.3',
    info: { title: name, version: '1.0.0' },
    paths: { '/items': { get: { responses: { '200': { description: 'ok' } } } } },
    'x-tyk-api-gateway': {
      info: { name, id, state: { active: true } },
      upstream: { url: 'http://127.0.0.1:9/' },
      server: { listenPath: { value: listenPath, strip: true }, authentication: { enabled: true } },
    },
  };
}

interface Policy {
  name: string;
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
  key_expires_in: number;
  tags: string[];
  access_rights: Record<string, unknown>;
}

describe('plans', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });
  const req = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });

  it('creates, reads, lists, changes and deletes plans with limits', async () => {
    const created = await req('POST', '/plans', {
      Name: 'gold',
      DisplayName: 'Gold plan',
      Description: 'Lots',
      RateLimit: 10,
      Per: 60,
      Quota: 1000,
      QuotaRenewalRate: 3600,
      KeyExpiresIn: 86400,
      AutoApproveAccessRequests: true,
    });
    expect(created.statusCode, created.body).toBe(200);
    const gold = created.json();
    expect(gold).toMatchObject({
      Name: 'gold',
      DisplayName: 'Gold plan',
      Description: 'Lots',
      RateLimit: 10,
      Per: 60,
      UnlimitedRateLimit: false,
      Quota: 1000,
      QuotaRenewalRate: 3600,
      UnlimitedQuota: false,
      KeyExpiresIn: 86400,
      AutoApproveAccessRequests: true,
      Catalogues: [],
    });

    const free = (await req('POST', '/plans', { Name: 'free' })).json();
    expect(free).toMatchObject({ DisplayName: 'free', RateLimit: 0, Per: 0, UnlimitedRateLimit: true, Quota: -1, QuotaRenewalRate: -1, UnlimitedQuota: true, KeyExpiresIn: 0, AutoApproveAccessRequests: false });

    const list = await req('GET', '/plans');
    expect(list.json()).toEqual({ data: [expect.objectContaining({ ID: gold.ID, Name: 'gold', RateLimit: 10, Quota: 1000 }), expect.objectContaining({ ID: free.ID, Name: 'free' })] });
    expect((await req('GET', '/plans?per_page=1&page=2')).json().data.map((p: { ID: number }) => p.ID)).toEqual([free.ID]);

    const changed = await req('PUT', `/plans/${gold.ID}`, { UnlimitedQuota: true, RateLimit: 20 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ Name: 'gold', RateLimit: 20, Per: 60, UnlimitedQuota: true, Quota: -1 });
    expect((await req('GET', `/plans/${gold.ID}`)).json()).toMatchObject({ RateLimit: 20, UnlimitedQuota: true, DisplayName: 'Gold plan' });

    expect((await req('DELETE', `/plans/${free.ID}`)).json()).toEqual({ status: 'ok' });
    const gone = await req('GET', `/plans/${free.ID}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ status: 'error', errors: ['Plan not found'] });
    expect((await req('GET', '/plans/abc')).statusCode).toBe(404);
  });

  it('refuses incomplete limits, unknown fields and catalogues, naming the field; names are unique whatever the case', async () => {
    const cases: [unknown, string][] = [
      [{ Name: 'p1', UnlimitedRateLimit: false }, 'RateLimit'],
      [{ Name: 'p2', RateLimit: 5 }, 'Per'],
      [{ Name: 'p3', Quota: 5 }, 'QuotaRenewalRate'],
      [{ Name: 'p4', UnlimitedQuota: false, QuotaRenewalRate: 60 }, 'Quota'],
      [{ Name: 'p5', RateLimit: -1, Per: 1 }, 'RateLimit'],
      [{ Name: 'p6', Catalogues: [999] }, 'Catalogues'],
      [{ Name: 'p7', Colour: 'red' }, 'Colour'],
      [{ Name: '' }, 'Name'],
    ];
    for (const [body, field] of cases) {
      const res = await req('POST', '/plans', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0], JSON.stringify(body)).toContain(field);
    }
    expect((await req('POST', '/plans', { Name: 'Silver' })).statusCode).toBe(200);
    const dup = await req('POST', '/plans', { Name: 'SILVER' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toContain('Name');
  });

  it('needs the portal permission', async () => {
    const reader = await createUser(t, root, 'plan-reader@example.com', { perms: { portal: 'read' } });
    const nobody = await createUser(t, root, 'plan-nobody@example.com', { perms: {} });
    expect((await t.request('GET', '/portal-api/plans', { key: reader.key })).statusCode).toBe(200);
    expect((await t.request('POST', '/portal-api/plans', { key: reader.key, body: { Name: 'r' } })).statusCode).toBe(403);
    expect((await t.request('GET', '/portal-api/plans', { key: nobody.key })).statusCode).toBe(403);
  });
});

describe('products', () => {
  let t: TestApp;
  let root: string;
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    api1 = await createApi(t, root, 'Payments', '/payments/');
    api2 = await createApi(t, root, 'Orders', '/orders/');
  });
  afterAll(async () => {
    await t.close();
  });
  const req = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });

  it('creates, reads, lists, changes and deletes products', async () => {
    const created = await req('POST', '/products', {
      Name: 'payments',
      DisplayName: 'Payments API',
      Description: 'Take money',
      APIDetails: [{ APIID: api1.apiId, Description: 'Card payments' }],
      Tags: ['money', 'cards', 'money'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      Name: 'payments',
      DisplayName: 'Payments API',
      Description: 'Take money',
      Tags: ['money', 'cards'],
      Catalogues: [],
      CatalogueIDs: [],
      APIDetails: [{ APIID: api1.apiId, Name: 'Payments', Description: 'Card payments', ListenPath: '/payments/', Status: true, OASUrl: '' }],
    });

    const listed = await req('GET', '/products');
    expect(listed.json()).toEqual([expect.objectContaining({ ID: p.ID, Name: 'payments', APIDetails: [{ APIID: api1.apiId, Name: 'Payments', Status: true }] })]);

    const changed = await req('PUT', `/products/${p.ID}`, { APIDetails: [{ APIID: api2.apiId }, { APIID: api1.apiId }], DisplayName: 'Payments & orders' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ Name: 'payments', DisplayName: 'Payments & orders', Description: 'Take money' });
    expect(changed.json().APIDetails.map((a: { APIID: string }) => a.APIID)).toEqual([api2.apiId, api1.apiId]);

    const detail = await req('PUT', `/products/${p.ID}/api-details/${api2.apiId}`, { Description: 'Orders, in full' });
    expect(detail.json()).toMatchObject({ APIID: api2.apiId, Description: 'Orders, in full' });
    expect((await req('GET', `/products/${p.ID}/api-details`)).json()).toHaveLength(2);

    expect((await req('DELETE', `/products/${p.ID}`)).json()).toEqual({ status: 'ok' });
    const gone = await req('GET', `/products/${p.ID}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ status: 'error', errors: ['Product not found'] });
  });

  it('refuses unknown APIs and catalogues naming the field; names are unique whatever the case', async () => {
    const unknown = await req('POST', '/products', { Name: 'x', APIDetails: [{ APIID: api1.apiId }, { APIID: 'nope' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toBe('APIDetails.1.APIID: no such API: nope');
    const twice = await req('POST', '/products', { Name: 'x', APIDetails: [{ APIID: api1.apiId }, { APIID: api1.apiId }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toContain('APIDetails.1.APIID');
    const cat = await req('POST', '/products', { Name: 'x', Catalogues: [4242] });
    expect(cat.statusCode).toBe(400);
    expect(cat.json().errors[0]).toContain('Catalogues');
    expect((await req('POST', '/products', { Name: 'x', IsDocumentationOnly: true })).statusCode).toBe(400);
    expect((await req('POST', '/products', { Name: 'Unique' })).statusCode).toBe(201);
    const dup = await req('POST', '/products', { Name: 'unique ' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toContain('Name');
    // Nothing half-written by the refusals.
    expect((await req('GET', '/products')).json().map((p: { Name: string }) => p.Name)).toEqual(['Unique']);
  });

  it('lists each product with the catalogues it is published in', async () => {
    const cat = (await req('POST', '/catalogues', { Name: 'Partners', VisibilityStatus: 'Private' })).json();
    const listedIn = (await req('POST', '/products', { Name: 'listed', Catalogues: [cat.ID] })).json();
    const rows = (await req('GET', '/products?per_page=100')).json() as { ID: number; Catalogues: string[]; CatalogueIDs: number[] }[];
    expect(rows.find((r) => r.ID === listedIn.ID)).toMatchObject({ Catalogues: ['Partners'], CatalogueIDs: [cat.ID] });
    expect(rows.filter((r) => r.ID !== listedIn.ID).every((r) => r.Catalogues.length === 0 && r.CatalogueIDs.length === 0)).toBe(true);
  });

  it('serves an uploaded OpenAPI document, or the OAS API’s own, and refuses what is not one', async () => {
    const oas = await t.request('POST', '/api/apis/oas', { key: root, body: oasApi('Stock', '/stock/', 'stock-api') });
    expect(oas.statusCode, oas.body).toBe(200);
    const p = (await req('POST', '/products', { Name: 'docs', APIDetails: [{ APIID: api1.apiId }, { APIID: 'stock-api' }] })).json();
    const [classic, own] = p.APIDetails as { APIID: string; OASUrl: string }[];
    expect(classic).toMatchObject({ OASUrl: '', DocumentSource: 'none' });
    expect(own).toMatchObject({ OASUrl: `/portal-api/products/${p.ID}/api-details/stock-api/oas`, DocumentSource: 'api' });
    const fromApi = await req('GET', own!.OASUrl.replace('/portal-api', ''));
    expect(fromApi.statusCode).toBe(200);
    expect(fromApi.json()).toMatchObject({ openapi: '3.0.3', info: { title: 'Stock' } });

    expect((await req('GET', `/products/${p.ID}/api-details/${api1.apiId}/oas`)).statusCode).toBe(404);
    const bad = await req('PUT', `/products/${p.ID}/api-details/${api1.apiId}/oas`, { info: { title: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toContain('openapi');
    const noTitle = await req('PUT', `/products/${p.ID}/api-details/${api1.apiId}/oas`, { openapi: '3.1.0', info: {} });
    expect(noTitle.json().errors[0]).toContain('info.title');
    const doc = { openapi: '3.1.0', info: { title: 'Payments', version: '2' }, paths: { '/pay': {} } };
    expect((await req('PUT', `/products/${p.ID}/api-details/${api1.apiId}/oas`, doc)).statusCode).toBe(200);
    expect((await req('GET', `/products/${p.ID}/api-details/${api1.apiId}/oas`)).json()).toEqual(doc);
    expect((await req('GET', `/products/${p.ID}`)).json().APIDetails[0]).toMatchObject({ OASUrl: `/portal-api/products/${p.ID}/api-details/${api1.apiId}/oas`, DocumentSource: 'uploaded' });
    // An upload for the OAS API replaces its own document until it is dropped.
    expect((await req('PUT', `/products/${p.ID}/api-details/stock-api/oas`, doc)).statusCode).toBe(200);
    expect((await req('GET', `/products/${p.ID}/api-details/stock-api`)).json()).toMatchObject({ DocumentSource: 'uploaded' });
    expect((await req('GET', `/products/${p.ID}/api-details/stock-api/oas`)).json()).toEqual(doc);
    expect((await req('DELETE', `/products/${p.ID}/api-details/stock-api/oas`)).statusCode).toBe(200);
    expect((await req('GET', `/products/${p.ID}/api-details/stock-api`)).json()).toMatchObject({ DocumentSource: 'api' });
    expect((await req('GET', `/products/${p.ID}/api-details/stock-api/oas`)).json()).toMatchObject({ info: { title: 'Stock' } });
    // An API the product does not expose has no document here.
    expect((await req('PUT', `/products/${p.ID}/api-details/${api2.apiId}/oas`, doc)).statusCode).toBe(404);
    // Dropping the upload falls back to nothing for a Classic API.
    expect((await req('DELETE', `/products/${p.ID}/api-details/${api1.apiId}/oas`)).statusCode).toBe(200);
    expect((await req('GET', `/products/${p.ID}/api-details/${api1.apiId}/oas`)).statusCode).toBe(404);
  });

  it('keeps Markdown guides in order', async () => {
    const p = (await req('POST', '/products', { Name: 'guided' })).json();
    const a = await req('POST', `/products/${p.ID}/docs`, { Title: 'Getting started', Content: '# Start' });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ Title: 'Getting started', Content: '# Start', MarkdownEnabled: true, Position: 0, Path: 'getting-started' });
    const b = (await req('POST', `/products/${p.ID}/docs`, { Title: 'Errors', MarkdownContent: 'None' })).json();
    expect(b).toMatchObject({ Content: 'None', Position: 1 });
    expect((await req('GET', `/products/${p.ID}/docs`)).json().map((g: { Title: string }) => g.Title)).toEqual(['Getting started', 'Errors']);
    const reordered = await req('POST', `/products/${p.ID}/docs/reorder`, [b.ID, a.json().ID]);
    expect(reordered.json().map((g: { Title: string }) => g.Title)).toEqual(['Errors', 'Getting started']);
    expect((await req('POST', `/products/${p.ID}/docs/reorder`, [b.ID])).statusCode).toBe(400);
    expect((await req('PUT', `/products/${p.ID}/docs/${b.ID}`, { Content: 'Some' })).json()).toMatchObject({ Title: 'Errors', Content: 'Some' });
    expect((await req('DELETE', `/products/${p.ID}/docs/${b.ID}`)).statusCode).toBe(200);
    expect((await req('GET', `/products/${p.ID}/docs/${b.ID}`)).statusCode).toBe(404);
    expect((await req('POST', `/products/${p.ID}/docs`, { Content: 'no title' })).json().errors[0]).toContain('Title');
  });
});

describe('backing policies', () => {
  let t: TestApp;
  let root: string;
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    api1 = await createApi(t, root, 'Payments', '/payments/');
    api2 = await createApi(t, root, 'Orders', '/orders/');
  });
  afterAll(async () => {
    await t.close();
  });
  const req = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });

  async function policyNamed(name: string): Promise<{ id: string; policy: Policy } | undefined> {
    const list = (await t.request('GET', '/api/portal/policies?p=-1', { key: root })).json() as { Data: (Policy & { _id: string })[] };
    const found = list.Data.find((p) => p.name === name);
    if (!found) return undefined;
    const one = await t.request('GET', `/api/portal/policies/${found._id}`, { key: root });
    expect(one.statusCode).toBe(200);
    return { id: found._id, policy: one.json() as Policy };
  }

  it('creates the policy when a product and a plan share a catalogue, and keeps it in step', async () => {
    const product = (await req('POST', '/products', { Name: 'payments', APIDetails: [{ APIID: api1.apiId }] })).json();
    const plan = (await req('POST', '/plans', { Name: 'gold', RateLimit: 10, Per: 60, Quota: 1000, QuotaRenewalRate: 3600, KeyExpiresIn: 3600 })).json();
    expect(await policyNamed('Portal: payments / gold')).toBeUndefined();

    const cat = await req('POST', '/catalogues', { Name: 'Public', VisibilityStatus: 'Public', Products: [product.ID], Plans: [plan.ID] });
    expect(cat.statusCode, cat.body).toBe(200);
    const first = await policyNamed('Portal: payments / gold');
    expect(first).toBeDefined();
    expect(first!.policy).toMatchObject({ rate: 10, per: 60, quota_max: 1000, quota_renewal_rate: 3600, key_expires_in: 3600, tags: ['portal'] });
    expect(Object.keys(first!.policy.access_rights)).toEqual([api1.apiId]);

    // The plan's limits change: the same policy follows.
    expect((await req('PUT', `/plans/${plan.ID}`, { RateLimit: 100, UnlimitedQuota: true, KeyExpiresIn: 0 })).statusCode).toBe(200);
    const second = await policyNamed('Portal: payments / gold');
    expect(second!.id).toBe(first!.id);
    expect(second!.policy).toMatchObject({ rate: 100, per: 60, quota_max: -1, quota_renewal_rate: -1, key_expires_in: 0 });

    // The product's APIs change: the policy grants them.
    expect((await req('PUT', `/products/${product.ID}`, { APIDetails: [{ APIID: api1.apiId }, { APIID: api2.apiId }] })).statusCode).toBe(200);
    const third = await policyNamed('Portal: payments / gold');
    expect(Object.keys(third!.policy.access_rights).sort()).toEqual([api1.apiId, api2.apiId].sort());

    // A rename renames the policy.
    expect((await req('PUT', `/plans/${plan.ID}`, { Name: 'platinum' })).statusCode).toBe(200);
    expect(await policyNamed('Portal: payments / gold')).toBeUndefined();
    expect((await policyNamed('Portal: payments / platinum'))!.id).toBe(first!.id);

    // The pair leaves the catalogue: no key uses the policy, so it goes.
    expect((await req('PUT', `/catalogues/${cat.json().ID}`, { Plans: [] })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${first!.id}`, { key: root })).statusCode).toBe(404);

    // Each change was audited, the policy's own too.
    const audit = (await t.request('GET', '/api/audit-logs?type=csv', { key: root })).body;
    for (const action of ['product.create', 'plan.update', 'catalogue.update', 'policy.create', 'policy.update', 'policy.delete']) expect(audit).toContain(action);
  });

  it('keeps a policy while keys use it, and drops it once they are gone', async () => {
    const product = (await req('POST', '/products', { Name: 'orders', APIDetails: [{ APIID: api2.apiId }] })).json();
    const plan = (await req('POST', '/plans', { Name: 'basic', RateLimit: 1, Per: 1 })).json();
    const cat = (await req('POST', '/catalogues', { Name: 'Orders', Products: [product.ID], Plans: [plan.ID] })).json();
    const { id } = (await policyNamed('Portal: orders / basic'))!;
    const key = await t.request('POST', '/api/keys', { key: root, body: { alias: 'consumer', apply_policies: [id] } });
    expect(key.statusCode, key.body).toBe(200);

    expect((await req('DELETE', `/catalogues/${cat.ID}`)).statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: root })).statusCode).toBe(200);

    // Still in step while it lives.
    expect((await req('PUT', `/plans/${plan.ID}`, { RateLimit: 7 })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: root })).json()).toMatchObject({ rate: 7 });

    expect((await t.request('DELETE', `/api/keys/${key.json().key_hash}`, { key: root })).statusCode).toBe(200);
    expect((await req('PUT', `/plans/${plan.ID}`, { RateLimit: 8 })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: root })).statusCode).toBe(404);
  });

  it('deleting a product or plan takes its unused policies with it', async () => {
    const product = (await req('POST', '/products', { Name: 'short-lived', APIDetails: [{ APIID: api1.apiId }] })).json();
    const plan = (await req('POST', '/plans', { Name: 'short plan' })).json();
    await req('POST', '/catalogues', { Name: 'Short', Products: [product.ID], Plans: [plan.ID] });
    const { id } = (await policyNamed('Portal: short-lived / short plan'))!;
    expect((await req('DELETE', `/products/${product.ID}`)).statusCode).toBe(200);
    expect((await t.request('GET', `/api/portal/policies/${id}`, { key: root })).statusCode).toBe(404);
    expect((await req('DELETE', `/plans/${plan.ID}`)).statusCode).toBe(200);
  });

  it('refuses to delete a product or plan that access requests refer to', async () => {
    const product = (await req('POST', '/products', { Name: 'requested', APIDetails: [{ APIID: api1.apiId }] })).json();
    const plan = (await req('POST', '/plans', { Name: 'requested plan' })).json();
    await req('POST', '/catalogues', { Name: 'Requested', Products: [product.ID], Plans: [plan.ID] });
    const user = await t.request('POST', '/portal-api/users', {
      key: root,
      body: { First: 'C', Last: 'R', Email: 'requester@example.com', Password: 'consumer-password-1', Active: true, Role: 'consumer-team-member' },
    });
    expect(user.statusCode, user.body).toBe(200);
    const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'requester@example.com', password: 'consumer-password-1' } }))!;
    const as = (method: string, url: string, body: unknown) => t.request(method, `/portal/api${url}`, { session, body, headers: { origin: 'http://localhost:80' } });
    const app = await as('POST', '/apps', { Name: 'App' });
    expect(app.statusCode, app.body).toBe(200);
    const request = await as('POST', '/access-requests', { AppID: app.json().ID, ProductID: product.ID, PlanID: plan.ID });
    expect(request.statusCode, request.body).toBe(200);

    const p = await req('DELETE', `/products/${product.ID}`);
    expect(p.statusCode).toBe(409);
    expect(p.json().errors[0]).toContain('access request');
    const q = await req('DELETE', `/plans/${plan.ID}`);
    expect(q.statusCode).toBe(409);
    expect(q.json().errors[0]).toContain('access request');
    expect((await req('GET', `/products/${product.ID}`)).statusCode).toBe(200);
    expect((await req('GET', `/plans/${plan.ID}`)).statusCode).toBe(200);
  });
});

describe('products under API ownership', () => {
  let t: TestApp;
  let root: string;
  let owner: { id: string; key: string };
  let api1: { id: string; apiId: string };
  let api2: { id: string; apiId: string };
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await startTestApp({ TYK_DB_ENABLEOWNERSHIP: 'true' });
    root = await t.bootstrap();
    owner = await createUser(t, root, 'owner@example.com', { perms: { portal: 'write', apis: 'read' } });
    const other = await createUser(t, root, 'other@example.com', { perms: { apis: 'read' } });
    api1 = await createApi(t, root, 'Mine', '/mine/');
    api2 = await createApi(t, root, 'Theirs', '/theirs/');
    await setOwners(t, root, api1.apiId, [owner.id], []);
    await setOwners(t, root, api2.apiId, [other.id], []);
    const mk = async (name: string, apis: string[]) => {
      const res = await t.request('POST', '/portal-api/products', { key: root, body: { Name: name, APIDetails: apis.map((APIID) => ({ APIID })) } });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().ID as number;
    };
    await mk('p-mine', [api1.apiId]);
    await mk('p-theirs', [api2.apiId]);
    await mk('p-none', []);
    await mk('p-both', [api1.apiId, api2.apiId]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a portal user only products exposing an API they can see, or none; the administrator sees all', async () => {
    const mine = (await t.request('GET', '/portal-api/products', { key: owner.key })).json() as { Name: string; APIDetails: { APIID: string }[] }[];
    expect(mine.map((p) => p.Name)).toEqual(['p-mine', 'p-none', 'p-both']);
    expect(mine.find((p) => p.Name === 'p-both')!.APIDetails.map((a) => a.APIID)).toEqual([api1.apiId]);
    const all = (await t.request('GET', '/portal-api/products', { key: root })).json() as { Name: string }[];
    expect(all.map((p) => p.Name)).toEqual(['p-mine', 'p-theirs', 'p-none', 'p-both']);

    const hidden = await t.request('GET', `/portal-api/products/${ids['p-theirs']}`, { key: owner.key });
    const absent = await t.request('GET', '/portal-api/products/9999', { key: owner.key });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(absent.body);
    expect((await t.request('PUT', `/portal-api/products/${ids['p-theirs']}`, { key: owner.key, body: { Description: 'x' } })).statusCode).toBe(404);
    expect((await t.request('DELETE', `/portal-api/products/${ids['p-theirs']}`, { key: owner.key })).statusCode).toBe(404);
    expect((await t.request('GET', `/portal-api/products/${ids['p-theirs']}/docs`, { key: owner.key })).statusCode).toBe(404);
  });

  it('lets a portal user attach only APIs they can see, and change only a product whose every API they see', async () => {
    const hiddenApi = await t.request('POST', '/portal-api/products', { key: owner.key, body: { Name: 'sneaky', APIDetails: [{ APIID: api2.apiId }] } });
    const noApi = await t.request('POST', '/portal-api/products', { key: owner.key, body: { Name: 'sneaky', APIDetails: [{ APIID: 'no-such-api' }] } });
    expect(hiddenApi.statusCode).toBe(400);
    expect(hiddenApi.json().errors[0]).toBe(`APIDetails.0.APIID: no such API: ${api2.apiId}`);
    expect(noApi.json().errors[0]).toBe('APIDetails.0.APIID: no such API: no-such-api');

    // p-both also exposes an API the user cannot see: its offerings would grant it, so it is not theirs to change.
    const res = await t.request('PUT', `/portal-api/products/${ids['p-both']}`, { key: owner.key, body: { APIDetails: [{ APIID: api1.apiId, Description: 'mine' }] } });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.body).not.toContain(api2.apiId);
    const own = await t.request('PUT', `/portal-api/products/${ids['p-mine']}`, { key: owner.key, body: { APIDetails: [{ APIID: api1.apiId, Description: 'mine' }] } });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().APIDetails.map((a: { APIID: string }) => a.APIID)).toEqual([api1.apiId]);
    const asAdmin = (await t.request('GET', `/portal-api/products/${ids['p-both']}`, { key: root })).json() as { APIDetails: { APIID: string }[] };
    expect(asAdmin.APIDetails.map((a) => a.APIID).sort()).toEqual([api1.apiId, api2.apiId].sort());
  });

  it('lists in a catalogue only the products the reader can see; one offering a hidden product is not theirs to change', async () => {
    const cat = await t.request('POST', '/portal-api/catalogues', { key: root, body: { Name: 'All', Products: [ids['p-mine'], ids['p-theirs']] } });
    expect(cat.statusCode, cat.body).toBe(200);
    const id = cat.json().ID as number;
    expect((await t.request('GET', `/portal-api/catalogues/${id}`, { key: owner.key })).json().Products).toEqual(['p-mine']);
    expect((await t.request('PUT', `/portal-api/catalogues/${id}`, { key: owner.key, body: { Products: [ids['p-none']] } })).statusCode).toBe(403);
    expect((await t.request('GET', `/portal-api/catalogues/${id}`, { key: root })).json().Products).toEqual(['p-mine', 'p-theirs']);

    const mine = await t.request('POST', '/portal-api/catalogues', { key: owner.key, body: { Name: 'Mine', Products: [ids['p-mine']] } });
    expect(mine.statusCode, mine.body).toBe(200);
    const attach = await t.request('PUT', `/portal-api/catalogues/${mine.json().ID}`, { key: owner.key, body: { Products: [ids['p-theirs']] } });
    expect(attach.statusCode).toBe(400);
    expect(attach.json().errors[0]).toContain('Products');
    expect((await t.request('PUT', `/portal-api/catalogues/${mine.json().ID}`, { key: owner.key, body: { Products: [ids['p-mine'], ids['p-none']] } })).statusCode).toBe(200);
  });
});
