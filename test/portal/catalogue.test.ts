import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createUser } from '../helpers/fixtures.js';

/* Catalogues: who is offered which products with which plans, in the Admin Portal and on the Live Portal. */

const PASSWORD = 'consumer-password-1';

function oasApi(name: string, listenPath: string, id: string) {
  return {
    openapi: '3.0.3',
    info: { title: name, version: '1.0.0' },
    paths: {},
    'x-tyk-api-gateway': {
      info: { name, id, state: { active: true } },
      upstream: { url: 'http://10.0.0.7:8080/secret-upstream' },
      server: { listenPath: { value: listenPath, strip: true }, authentication: { enabled: true } },
    },
  };
}

interface Org {
  ID: number;
  Teams: { ID: number; Name: string }[];
}

describe('catalogues', () => {
  let t: TestApp;
  let root: string;
  let acme: Org;
  let globex: Org;
  let globexOps: number;
  let publicProduct: number;
  let privateProduct: number;
  let freePlan: number;
  let goldPlan: number;
  let api: { apiId: string };

  const req = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    api = await createApi(t, root, 'Payments', '/payments/');
    const stock = await t.request('POST', '/api/apis/oas', { key: root, body: oasApi('Stock', '/stock/', 'stock-api') });
    expect(stock.statusCode, stock.body).toBe(200);
    acme = (await req('POST', '/organisations', { Name: 'Acme' })).json();
    globex = (await req('POST', '/organisations', { Name: 'Globex' })).json();
    globexOps = (await req('POST', `/organisations/${globex.ID}/teams`, { Name: 'Ops' })).json().ID;
    publicProduct = (
      await req('POST', '/products', { Name: 'payments', DisplayName: 'Payments', Description: 'Take money', Tags: ['money'], APIDetails: [{ APIID: api.apiId, Description: 'Cards' }] })
    ).json().ID;
    privateProduct = (await req('POST', '/products', { Name: 'stock', DisplayName: 'Stock levels', APIDetails: [{ APIID: 'stock-api' }] })).json().ID;
    await req('POST', `/products/${privateProduct}/docs`, { Title: 'Quick start', Content: '# Go' });
    freePlan = (await req('POST', '/plans', { Name: 'free', DisplayName: 'Free', RateLimit: 1, Per: 1, AutoApproveAccessRequests: true })).json().ID;
    goldPlan = (await req('POST', '/plans', { Name: 'gold', DisplayName: 'Gold', Quota: 1000, QuotaRenewalRate: 3600 })).json().ID;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, lists, changes and deletes catalogues', async () => {
    const created = await req('POST', '/catalogues', {
      Name: 'Partners',
      VisibilityStatus: 'Private',
      Products: [privateProduct],
      Plans: [goldPlan],
      OrgCatalogues: [{ OrganisationID: acme.ID }, { OrganisationID: globex.ID, TeamID: globexOps }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({
      Name: 'Partners',
      NameWithSlug: 'partners',
      VisibilityStatus: 'Private',
      Products: ['stock'],
      ProductIDs: [privateProduct],
      Plans: ['gold'],
      PlanIDs: [goldPlan],
      OrgCatalogues: [
        { Catalogue: 'Partners', Organisation: 'Acme', OrganisationID: acme.ID, TeamID: null, Name: 'Acme' },
        { Catalogue: 'Partners', Organisation: 'Globex', OrganisationID: globex.ID, TeamID: globexOps, Team: 'Ops', Name: 'Ops' },
      ],
    });
    expect(c.CreatedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const open = (await req('POST', '/catalogues', { Name: 'Open', Products: [publicProduct, privateProduct], Plans: [freePlan] })).json();
    expect(open.VisibilityStatus).toBe('Public');

    expect((await req('GET', '/catalogues')).json()).toEqual([
      { ID: c.ID, Name: 'Partners', NameWithSlug: 'partners', VisibilityStatus: 'Private' },
      { ID: open.ID, Name: 'Open', NameWithSlug: 'open', VisibilityStatus: 'Public' },
    ]);
    expect((await req('GET', '/catalogues?page=2&per_page=1')).json().map((x: { ID: number }) => x.ID)).toEqual([open.ID]);

    const renamed = await req('PUT', `/catalogues/${c.ID}`, { Name: 'Partner APIs' });
    expect(renamed.json()).toMatchObject({ Name: 'Partner APIs', VisibilityStatus: 'Private', Products: ['stock'], Plans: ['gold'] });
    expect(renamed.json().OrgCatalogues).toHaveLength(2);

    // Membership shows on the products and plans too.
    expect((await req('GET', `/products/${privateProduct}`)).json()).toMatchObject({ Catalogues: ['Partner APIs', 'Open'], CatalogueIDs: [c.ID, open.ID] });
    expect((await req('GET', `/plans/${goldPlan}`)).json().Catalogues).toEqual([c.ID]);

    const scratch = (await req('POST', '/catalogues', { Name: 'Scratch', Products: [publicProduct], Plans: [goldPlan] })).json();
    expect((await req('DELETE', `/catalogues/${scratch.ID}`)).json()).toEqual({ status: 'ok' });
    const gone = await req('GET', `/catalogues/${scratch.ID}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ status: 'error', errors: ['Catalogue not found'] });
    expect((await req('GET', `/plans/${goldPlan}`)).json().Catalogues).toEqual([c.ID]);
    // Its only pair (payments / gold) is gone, and so is that pair's policy.
    const policies = (await t.request('GET', '/api/portal/policies?p=-1', { key: root })).json().Data as { name: string }[];
    expect(policies.map((p) => p.name).sort()).toEqual(['Portal: payments / free', 'Portal: stock / free', 'Portal: stock / gold']);
  });

  it('refuses bad input naming the field, and duplicate names whatever the case', async () => {
    const cases: [unknown, string][] = [
      [{ VisibilityStatus: 'Public' }, 'Name'],
      [{ Name: 'x', VisibilityStatus: 'Hidden' }, 'VisibilityStatus'],
      [{ Name: 'x', Products: [9999] }, 'Products'],
      [{ Name: 'x', Plans: [9999] }, 'Plans'],
      [{ Name: 'x', OrgCatalogues: [{ OrganisationID: 9999 }] }, 'OrgCatalogues.0.OrganisationID'],
      [{ Name: 'x', OrgCatalogues: [{ OrganisationID: acme.ID }, { OrganisationID: acme.ID, TeamID: globexOps }] }, 'OrgCatalogues.1.TeamID'],
      [{ Name: 'x', Audience: [] }, 'Audience'],
    ];
    for (const [body, field] of cases) {
      const res = await req('POST', '/catalogues', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0], JSON.stringify(body)).toContain(field);
    }
    expect((await req('POST', '/catalogues', { Name: 'Unique one' })).statusCode).toBe(200);
    const dup = await req('POST', '/catalogues', { Name: 'UNIQUE ONE' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toContain('Name');
    const other = (await req('POST', '/catalogues', { Name: 'Another' })).json();
    expect((await req('PUT', `/catalogues/${other.ID}`, { Name: 'unique one' })).statusCode).toBe(409);
    expect((await req('PUT', '/catalogues/9999', { Name: 'z' })).statusCode).toBe(404);
    expect((await req('GET', '/catalogues/x1')).statusCode).toBe(404);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys((doc.json() as { paths: Record<string, unknown> }).paths);
    for (const p of ['/portal-api/catalogues/{catalogueId}', '/portal-api/products/{productId}/api-details/{apiId}/oas', '/portal-api/plans', '/portal/api/catalogues', '/portal/api/products/{productId}']) {
      expect(paths).toContain(p);
    }
  });

  it('needs the portal permission, and audits every change', async () => {
    const reader = await createUser(t, root, 'cat-reader@example.com', { perms: { portal: 'read' } });
    expect((await t.request('GET', '/portal-api/catalogues', { key: reader.key })).statusCode).toBe(200);
    expect((await t.request('POST', '/portal-api/catalogues', { key: reader.key, body: { Name: 'nope' } })).statusCode).toBe(403);
    const audit = (await t.request('GET', '/api/audit-logs?type=csv', { key: root })).body;
    for (const action of ['catalogue.create', 'catalogue.update', 'catalogue.delete', 'plan.create', 'product.create', 'product.guide.create']) expect(audit).toContain(action);
  });

  describe('on the Live Portal', () => {
    let acmeSession: string;
    let opsSession: string;
    let outsiderSession: string;

    async function consumer(email: string, org: number, teams?: number[]): Promise<string> {
      const res = await req('POST', '/users', { First: 'C', Last: 'Onsumer', Email: email, Password: PASSWORD, Active: true, Role: 'consumer-team-member', OrganisationID: org, ...(teams ? { Teams: teams } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email, password: PASSWORD } }));
      expect(session).toBeDefined();
      return session!;
    }

    beforeAll(async () => {
      acmeSession = await consumer('dev@acme.example', acme.ID);
      opsSession = await consumer('ops@globex.example', globex.ID, [globexOps]);
      // Same organisation as the Ops member, but not in the Ops team.
      outsiderSession = await consumer('sales@globex.example', globex.ID);
    });

    const names = (body: { Name: string }[]) => body.map((c) => c.Name);

    it('shows anyone the public catalogues, with products, plans and documentation links', async () => {
      const res = await t.request('GET', '/portal/api/catalogues');
      expect(res.statusCode, res.body).toBe(200);
      const cats = res.json() as { Name: string; Products: { ID: number; APIs: { OASUrl: string }[]; Guides: { Url: string }[] }[]; Plans: unknown[] }[];
      expect(names(cats)).toEqual(['Open', 'Unique one', 'Another']);
      const open = cats[0]!;
      expect(open.Products).toEqual([
        {
          ID: publicProduct,
          Name: 'payments',
          DisplayName: 'Payments',
          Description: 'Take money',
          Tags: ['money'],
          APIs: [{ APIID: api.apiId, Name: 'Payments', Description: 'Cards', ListenPath: '/payments/', URL: '', OASUrl: '' }],
          Guides: [],
          ClientTypes: [],
        },
        expect.objectContaining({
          ID: privateProduct,
          APIs: [expect.objectContaining({ APIID: 'stock-api', OASUrl: `/portal/api/products/${privateProduct}/api-details/stock-api/oas` })],
          Guides: [expect.objectContaining({ Title: 'Quick start', Url: expect.stringMatching(new RegExp(`^/portal/api/products/${privateProduct}/docs/\\d+$`)) })],
        }),
      ]);
      expect(open.Plans).toEqual([
        { ID: freePlan, Name: 'free', DisplayName: 'Free', Description: '', RateLimit: 1, Per: 1, UnlimitedRateLimit: false, Quota: -1, QuotaRenewalRate: -1, UnlimitedQuota: true, KeyExpiresIn: 0, AutoApproveAccessRequests: true },
      ]);
      // Nothing internal: no upstream, no audience.
      expect(res.body).not.toContain('127.0.0.1');
      expect(res.body).not.toContain('OrgCatalogues');
    });

    it('adds a private catalogue for members of its audience only (organisation or team)', async () => {
      expect(names((await t.request('GET', '/portal/api/catalogues', { session: acmeSession })).json())).toEqual(['Partner APIs', 'Open', 'Unique one', 'Another']);
      expect(names((await t.request('GET', '/portal/api/catalogues', { session: opsSession })).json())).toEqual(['Partner APIs', 'Open', 'Unique one', 'Another']);
      expect(names((await t.request('GET', '/portal/api/catalogues', { session: outsiderSession })).json())).toEqual(['Open', 'Unique one', 'Another']);
      // A staff member's credential on the public route counts as nobody.
      expect(names((await t.request('GET', '/portal/api/catalogues', { key: root })).json())).toEqual(['Open', 'Unique one', 'Another']);
      expect(names((await t.request('GET', '/portal/api/catalogues?per_page=1&page=2', { session: acmeSession })).json())).toEqual(['Open']);
    });

    it('shows a product only when it is in a catalogue the visitor may see, with the plans offered there', async () => {
      const onlyPrivate = (await req('POST', '/products', { Name: 'secret', APIDetails: [{ APIID: api.apiId }] })).json().ID as number;
      const partners = ((await req('GET', '/catalogues')).json() as { ID: number; Name: string }[]).find((c) => c.Name === 'Partner APIs')!;
      expect((await req('PUT', `/catalogues/${partners.ID}`, { Products: [privateProduct, onlyPrivate] })).statusCode).toBe(200);

      const anon = await t.request('GET', `/portal/api/products/${onlyPrivate}`);
      const missing = await t.request('GET', '/portal/api/products/99999');
      expect(anon.statusCode).toBe(404);
      expect(anon.body).toBe(missing.body);
      expect((await t.request('GET', `/portal/api/products/${onlyPrivate}`, { session: outsiderSession })).statusCode).toBe(404);
      const member = await t.request('GET', `/portal/api/products/${onlyPrivate}`, { session: acmeSession });
      expect(member.statusCode).toBe(200);
      expect(member.json()).toMatchObject({ ID: onlyPrivate, Name: 'secret', Catalogues: [{ ID: partners.ID, Name: 'Partner APIs' }] });
      expect(member.json().Plans.map((p: { Name: string }) => p.Name)).toEqual(['gold']);

      // The product in both catalogues: anonymous visitors see the public plan, members both.
      expect((await t.request('GET', `/portal/api/products/${privateProduct}`)).json().Plans.map((p: { Name: string }) => p.Name)).toEqual(['free']);
      expect((await t.request('GET', `/portal/api/products/${privateProduct}`, { session: opsSession })).json().Plans.map((p: { Name: string }) => p.Name)).toEqual(['free', 'gold']);
    });

    it('serves documentation publicly under the same rule, without the gateway extension', async () => {
      const doc = await t.request('GET', `/portal/api/products/${privateProduct}/api-details/stock-api/oas`);
      expect(doc.statusCode, doc.body).toBe(200);
      expect(doc.json()).toMatchObject({ openapi: '3.0.3', info: { title: 'Stock' } });
      expect(doc.body).not.toContain('x-tyk-api-gateway');
      expect(doc.body).not.toContain('secret-upstream');
      const guides = await t.request('GET', `/portal/api/products/${privateProduct}/docs`);
      expect(guides.json()).toEqual([expect.objectContaining({ Title: 'Quick start', Content: '# Go' })]);
      const one = await t.request('GET', `/portal/api/products/${privateProduct}/docs/${guides.json()[0].ID}`);
      expect(one.json()).toMatchObject({ Title: 'Quick start', Content: '# Go', Path: 'quick-start' });

      // Out of every catalogue: its documentation is no longer public.
      const hiddenProduct = (await req('POST', '/products', { Name: 'unlisted', APIDetails: [{ APIID: 'stock-api' }] })).json().ID as number;
      await req('POST', `/products/${hiddenProduct}/docs`, { Title: 'Hidden', Content: 'x' });
      expect((await t.request('GET', `/portal/api/products/${hiddenProduct}/api-details/stock-api/oas`)).statusCode).toBe(404);
      expect((await t.request('GET', `/portal/api/products/${hiddenProduct}/docs`)).statusCode).toBe(404);
      expect((await t.request('GET', `/portal/api/products/${hiddenProduct}/docs`, { session: acmeSession })).statusCode).toBe(404);
    });

    it('lets a consumer request a product only with a plan offered with it in a catalogue they may see', async () => {
      const partners = ((await req('GET', '/catalogues')).json() as { ID: number; Name: string }[]).find((c) => c.Name === 'Partner APIs')!;
      const offered = (await req('POST', '/products', { Name: 'offered', APIDetails: [{ APIID: api.apiId }], Catalogues: [partners.ID] })).json().ID as number;
      const as = (session: string, method: string, url: string, body?: unknown) =>
        t.request(method, `/portal/api${url}`, { session, body, headers: { origin: 'http://localhost:80' } });
      const appOf = async (session: string) => {
        const res = await as(session, 'POST', '/apps', { Name: 'My app' });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().ID as number;
      };
      const memberApp = await appOf(acmeSession);
      const outsiderApp = await appOf(outsiderSession);

      const ok = await as(acmeSession, 'POST', '/access-requests', { AppID: memberApp, ProductID: offered, PlanID: goldPlan });
      expect(ok.statusCode, ok.body).toBe(200);
      const hidden = await as(outsiderSession, 'POST', '/access-requests', { AppID: outsiderApp, ProductID: offered, PlanID: goldPlan });
      const unknown = await as(outsiderSession, 'POST', '/access-requests', { AppID: outsiderApp, ProductID: 99999, PlanID: goldPlan });
      expect(hidden.statusCode).toBe(400);
      expect(hidden.body).toBe(unknown.body);
      expect(hidden.json().errors[0]).toContain('ProductID');
      // The free plan is public, but not offered with this product anywhere.
      const notOffered = await as(acmeSession, 'POST', '/access-requests', { AppID: memberApp, ProductID: offered, PlanID: freePlan });
      const noPlan = await as(acmeSession, 'POST', '/access-requests', { AppID: memberApp, ProductID: offered, PlanID: 99999 });
      expect(notOffered.statusCode).toBe(400);
      expect(notOffered.body).toBe(noPlan.body);
      expect(notOffered.json().errors[0]).toContain('PlanID');

      const policies = (await t.request('GET', '/api/portal/policies?p=-1', { key: root })).json().Data as { name: string }[];
      expect(policies.map((p) => p.name)).toContain('Portal: offered / gold');
    });

    it('turning a catalogue public opens it to everybody; private again closes it', async () => {
      const partners = ((await req('GET', '/catalogues')).json() as { ID: number; Name: string }[]).find((c) => c.Name === 'Partner APIs')!;
      await req('PUT', `/catalogues/${partners.ID}`, { VisibilityStatus: 'Public' });
      expect(names((await t.request('GET', '/portal/api/catalogues')).json())).toContain('Partner APIs');
      await req('PUT', `/catalogues/${partners.ID}`, { VisibilityStatus: 'Private', OrgCatalogues: [] });
      expect(names((await t.request('GET', '/portal/api/catalogues', { session: acmeSession })).json())).not.toContain('Partner APIs');
    });
  });
});

describe("the API's address on the Live Portal", () => {
  it("is the gateway's public address followed by the listen path when PORTCULLIS_GATEWAY_PUBLIC_URL is set", async () => {
    const t = await startTestApp({ PORTCULLIS_GATEWAY_PUBLIC_URL: 'https://api.example.com/v1/' });
    try {
      const root = await t.bootstrap();
      const api = await createApi(t, root, 'Payments', '/payments/');
      const product = (await t.request('POST', '/portal-api/products', { key: root, body: { Name: 'payments', APIDetails: [{ APIID: api.apiId }] } })).json().ID as number;
      const plan = (await t.request('POST', '/portal-api/plans', { key: root, body: { Name: 'free' } })).json().ID as number;
      const created = await t.request('POST', '/portal-api/catalogues', { key: root, body: { Name: 'Open', Products: [product], Plans: [plan] } });
      expect(created.statusCode, created.body).toBe(200);
      const shown = await t.request('GET', `/portal/api/products/${product}`);
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json().APIs).toEqual([expect.objectContaining({ ListenPath: '/payments/', URL: 'https://api.example.com/v1/payments/' })]);
      const listed = (await t.request('GET', '/portal/api/catalogues')).json() as { Products: { APIs: { URL: string }[] }[] }[];
      expect(listed[0]!.Products[0]!.APIs[0]!.URL).toBe('https://api.example.com/v1/payments/');
    } finally {
      await t.close();
    }
  });
});
