import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';
import { exampleChecks } from './tyk-examples.js';
import { describeContract, problems, type Reference } from './tyk-reference.js';

/*
 * Catalogues, products, plans and product guides as the Admin Portal API answers
 * them, validated against the Tyk Enterprise Developer Portal description (paths
 * relative to /portal-api): each reply against the schema documented for its
 * path, method and status, plus the fields we promise beyond what those require,
 * and for each a near miss that must not conform (so a lax validator shows).
 */

const FILE = 'enterprise-developer-portal-swagger.yaml';
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

describeContract(FILE, 'portal catalogue contract', (ref: Reference) => {
  const examples = exampleChecks(ref, 'portal catalogue contract');
  let t: TestApp;
  let root: string;
  let apiId: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    apiId = (await createApi(t, root, 'Payments', '/payments/')).apiId;
  });
  afterAll(async () => {
    await t.close();
  });

  async function valid(method: string, url: string, path: string, body?: unknown, status = 200): Promise<Record<string, unknown>> {
    const res = await t.request(method, `/portal-api${url}`, { key: root, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    expect(ref.documents(method, path, status), `${method} ${path} documents ${status}`).toBe(true);
    const json = res.json() as Record<string, unknown>;
    expect(problems(ref.response(method, path, status), json), `${method} ${url}`).toEqual([]);
    examples.check(method, path, status, json);
    return json;
  }

  it('plans: create, read, list, update and delete in the documented shapes', async () => {
    const created = await valid('POST', '/plans', '/plans', { Name: 'gold', DisplayName: 'Gold', RateLimit: 5, Per: 10, Quota: 100, QuotaRenewalRate: 3600, KeyExpiresIn: 3600, AutoApproveAccessRequests: true });
    expect(created).toMatchObject({ ID: expect.any(Number), Name: 'gold', RateLimit: 5, Per: 10, Quota: 100, QuotaRenewalRate: 3600, UnlimitedRateLimit: false, UnlimitedQuota: false, Catalogues: [] });
    expect(problems(ref.response('POST', '/plans', 200), { ...created, RateLimit: '5 calls / 10 second(s)' })).not.toEqual([]);
    const id = created.ID as number;
    await valid('GET', `/plans/${id}`, '/plans/{plan_id}');
    await valid('PUT', `/plans/${id}`, '/plans/{plan_id}', { UnlimitedQuota: true });
    const list = await valid('GET', '/plans', '/plans');
    expect(list).toEqual({ data: [expect.objectContaining({ ID: id, Name: 'gold', DisplayName: 'Gold', AutoApproveAccessRequests: true, RateLimit: 5, Quota: -1 })] });
    expect(problems(ref.response('GET', '/plans', 200), { data: [{ ID: 'one' }] })).not.toEqual([]);
    expect(await valid('DELETE', `/plans/${id}`, '/plans/{plan_id}')).toEqual({ status: 'ok' });
    expect(await valid('GET', `/plans/${id}`, '/plans/{plan_id}', undefined, 404)).toEqual({ status: 'error', errors: ['Plan not found'] });
  });

  it('products: create (201), read, list, update and delete in the documented shapes', async () => {
    const created = await valid('POST', '/products', '/products', { Name: 'payments', DisplayName: 'Payments', Description: 'Money', Tags: ['money'], APIDetails: [{ APIID: apiId, Description: 'Cards' }] }, 201);
    expect(created).toMatchObject({
      ID: expect.any(Number),
      Name: 'payments',
      DisplayName: 'Payments',
      Tags: ['money'],
      Catalogues: [],
      APIDetails: [{ APIID: apiId, Name: 'Payments', Description: 'Cards', ListenPath: '/payments/', Status: true, APIType: 'classic', OASUrl: '' }],
      CreatedAt: expect.stringMatching(DATE),
    });
    expect(problems(ref.response('POST', '/products', 201), { ...created, Catalogues: [1] })).not.toEqual([]);
    const id = created.ID as number;
    await valid('GET', `/products/${id}`, '/products/{product_id}');
    await valid('PUT', `/products/${id}`, '/products/{product_id}', { Description: 'More money' });
    const list = (await valid('GET', '/products', '/products')) as unknown as Record<string, unknown>[];
    expect(list).toEqual([expect.objectContaining({ ID: id, Name: 'payments', APIDetails: [{ APIID: apiId, Name: 'Payments', Status: true }] })]);
    expect(problems(ref.response('GET', '/products', 200), [{ ...list[0], APIDetails: [{ APIID: 7 }] }])).not.toEqual([]);

    expect(await valid('GET', `/products/${id}/api-details`, '/products/{product_id}/api-details')).toMatchObject([{ APIID: apiId }]);
    const detail = await valid('GET', `/products/${id}/api-details/${apiId}`, '/products/{product_id}/api-details/{api-id}');
    expect(detail).toMatchObject({ APIID: apiId, Description: 'Cards', TargetURL: expect.any(String) });
    await valid('PUT', `/products/${id}/api-details/${apiId}`, '/products/{product_id}/api-details/{api-id}', { Description: 'Card payments' });
    expect(problems(ref.response('GET', '/products/{product_id}/api-details/{api-id}', 200), { ...detail, Status: 'up' })).not.toEqual([]);

    expect(await valid('DELETE', `/products/${id}`, '/products/{product_id}')).toEqual({ status: 'ok' });
    expect(await valid('DELETE', `/products/${id}`, '/products/{product_id}', undefined, 404)).toEqual({ status: 'error', errors: ['Product not found'] });
  });

  it('product guides (docs): create (201), read, list, update and delete in the documented shapes', async () => {
    const product = (await t.request('POST', '/portal-api/products', { key: root, body: { Name: 'guided' } })).json() as { ID: number };
    const base = `/products/${product.ID}/docs`;
    const created = await valid('POST', base, '/products/{product_id}/docs', { Title: 'Start here', Content: '# Hello', MarkdownEnabled: true }, 201);
    expect(created).toMatchObject({ Title: 'Start here', Content: '# Hello', Status: 'published', Path: 'start-here', MarkdownEnabled: true });
    expect(problems(ref.response('POST', '/products/{product_id}/docs', 201), { ...created, Status: 'hidden' })).not.toEqual([]);
    const id = created.ID as number;
    await valid('GET', `${base}/${id}`, '/products/{product_id}/docs/{doc_id}');
    await valid('PUT', `${base}/${id}`, '/products/{product_id}/docs/{doc_id}', { Title: 'Start' });
    const list = (await valid('GET', base, '/products/{product_id}/docs')) as unknown as Record<string, unknown>[];
    expect(list.map((g) => g.ID)).toEqual([id]);
    expect(await valid('DELETE', `${base}/${id}`, '/products/{product_id}/docs/{doc_id}')).toEqual({ status: 'ok' });
  });

  it('catalogues: create, read, list, update and delete in the documented shapes', async () => {
    const org = (await t.request('POST', '/portal-api/organisations', { key: root, body: { Name: 'Acme' } })).json() as { ID: number };
    const product = (await t.request('POST', '/portal-api/products', { key: root, body: { Name: 'listed', APIDetails: [{ APIID: apiId }] } })).json() as { ID: number };
    const plan = (await t.request('POST', '/portal-api/plans', { key: root, body: { Name: 'free' } })).json() as { ID: number };
    const created = await valid('POST', '/catalogues', '/catalogues', {
      Name: 'Partners',
      VisibilityStatus: 'Private',
      Products: [product.ID],
      Plans: [plan.ID],
      OrgCatalogues: [{ OrganisationID: org.ID }],
    });
    expect(created).toMatchObject({
      ID: expect.any(Number),
      Name: 'Partners',
      VisibilityStatus: 'Private',
      Products: ['listed'],
      Plans: ['free'],
      OrgCatalogues: [{ Catalogue: 'Partners', Organisation: 'Acme' }],
      CreatedAt: expect.stringMatching(DATE),
    });
    // Tyk names products in a catalogue by name: ids there would not conform.
    expect(problems(ref.response('POST', '/catalogues', 200), { ...created, Products: [product.ID] })).not.toEqual([]);
    const id = created.ID as number;
    await valid('GET', `/catalogues/${id}`, '/catalogues/{catalogue_id}');
    expect((await valid('PUT', `/catalogues/${id}`, '/catalogues/{catalogue_id}', { VisibilityStatus: 'Public' })).VisibilityStatus).toBe('Public');
    const list = (await valid('GET', '/catalogues', '/catalogues')) as unknown as Record<string, unknown>[];
    expect(list).toEqual([{ ID: id, Name: 'Partners', NameWithSlug: 'partners', VisibilityStatus: 'Public' }]);
    expect(problems(ref.response('GET', '/catalogues', 200), [{ ...list[0], VisibilityStatus: 'public' }])).not.toEqual([]);
    expect(await valid('DELETE', `/catalogues/${id}`, '/catalogues/{catalogue_id}')).toEqual({ status: 'ok' });
    expect(await valid('DELETE', `/catalogues/${id}`, '/catalogues/{catalogue_id}', undefined, 404)).toEqual({ status: 'error', errors: ['Catalogue not found'] });
  });

  it('errors are StatusWithErrors bodies', async () => {
    const cases: [string, string, unknown, number][] = [
      ['POST', '/catalogues', { Name: 'x', VisibilityStatus: 'Hidden' }, 400],
      ['POST', '/products', { Name: 'x', APIDetails: [{ APIID: 'nope' }] }, 400],
      ['POST', '/plans', { Name: 'x', RateLimit: 3 }, 400],
      ['GET', '/plans/999999', undefined, 404],
      ['PUT', '/catalogues/abc', { Name: 'x' }, 404],
    ];
    for (const [method, url, body, status] of cases) {
      const res = await t.request(method, `/portal-api${url}`, { key: root, body });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(problems(ref.schema('StatusWithErrors'), res.json()), `${method} ${url}`).toEqual([]);
      expect(res.json()).toEqual({ status: 'error', errors: [expect.any(String)] });
    }
  });
});
