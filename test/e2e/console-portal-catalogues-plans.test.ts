import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, dismissNotifications, eventually, heading, openMenu, openSection, pick, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
let adminKey = '';
beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness();
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
});

interface Catalogue {
  ID: number;
  Name: string;
  VisibilityStatus: 'Public' | 'Private';
  ProductIDs: number[];
  PlanIDs: number[];
  OrgCatalogues: { OrganisationID: number; TeamID: number | null }[];
}

interface Plan {
  ID: number;
  Name: string;
  DisplayName: string;
  RateLimit: number;
  Per: number;
  Quota: number;
  QuotaRenewalRate: number;
  KeyExpiresIn: number;
  AutoApproveAccessRequests: boolean;
  Catalogues: number[];
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect([200, 201], `${method} ${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.body as T;
}

const catalogues = () => call<{ ID: number; Name: string }[]>('GET', '/portal-api/catalogues');
const plans = async () => (await call<{ data: { ID: number; Name: string }[] }>('GET', '/portal-api/plans')).data;
async function catalogueNamed(name: string): Promise<Catalogue> {
  const found = (await eventually(catalogues, (list) => list.some((c) => c.Name === name))).find((c) => c.Name === name);
  expect(found, name).toBeDefined();
  return call<Catalogue>('GET', `/portal-api/catalogues/${found!.ID}`);
}
async function planNamed(name: string): Promise<Plan> {
  const found = (await eventually(plans, (list) => list.some((p) => p.Name === name))).find((p) => p.Name === name);
  expect(found, name).toBeDefined();
  return call<Plan>('GET', `/portal-api/plans/${found!.ID}`);
}

const GOLD_WORDS = '1,000 requests per minute · 100,000 requests per month · credentials expire after 30 days · approval required';

describe('Admin Portal > Catalogues and Plans', () => {
  it('creates plans read in plain words and private and public catalogues, attaches, edits and deletes them', async (ctx) => {
    requireChromium(ctx);
    // What the screens are not about: an organisation with a team, an API and two products.
    const acme = await call<{ ID: number }>('POST', '/portal-api/organisations', { Name: 'Acme' });
    const mobile = await call<{ ID: number }>('POST', `/portal-api/organisations/${acme.ID}/teams`, { Name: 'Mobile' });
    const api = await call<{ ID: string }>('POST', '/api/apis', {
      api_definition: { name: 'Payments API', active: true, proxy: { listen_path: '/payments/', target_url: 'http://127.0.0.1:9/', strip_listen_path: true } },
    });
    const payments = await call<{ ID: number }>('POST', '/portal-api/products', { Name: 'payments', DisplayName: 'Payments', APIDetails: [{ APIID: api.ID }] });
    const stock = await call<{ ID: number }>('POST', '/portal-api/products', { Name: 'stock', DisplayName: 'Stock levels' });

    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);

    // Plans: empty at first; a missing name is refused at its field.
    await openSection(page, 'Plans');
    await page.getByText('No plans yet').waitFor();
    await page.getByRole('link', { name: 'Add plan' }).click();
    await heading(page, 'Add plan');
    const preview = page.getByTestId('plan-preview');
    expect(await preview.textContent()).toBe('unlimited requests · approval required');
    await page.getByRole('button', { name: 'Create plan' }).click();
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await page.getByText('Required.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    // The limits, read back live in the preview as consumers will read them.
    await name.fill('gold');
    await page.getByLabel('Display name').fill('Gold');
    await page.getByLabel('Description').fill('For production traffic.');
    await page.getByRole('switch', { name: 'Unlimited rate' }).click();
    await page.getByRole('textbox', { name: 'Rate limit', exact: true }).fill('1000');
    expect(await page.getByRole('combobox', { name: 'Rate limit period' }).inputValue()).toBe('60');
    await page.getByRole('switch', { name: 'Unlimited quota' }).click();
    await page.getByRole('textbox', { name: 'Quota', exact: true }).fill('100000');
    await page.getByRole('combobox', { name: 'Quota period' }).selectOption({ label: 'per month (30 days)' });
    await page.getByRole('switch', { name: 'Credentials never expire' }).click();
    await page.getByRole('textbox', { name: 'Credentials expire after' }).fill('30');
    await page.getByText(GOLD_WORDS).waitFor();
    await capture(page, 'console-portal-plan-edit');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await heading(page, 'Plans');
    const planTable = page.getByRole('table', { name: 'Plans' });
    await planTable.getByRole('row', { name: new RegExp(`Gold.*${GOLD_WORDS}.*No catalogue yet`) }).waitFor();
    const gold = await planNamed('gold');
    expect(gold).toMatchObject({ DisplayName: 'Gold', RateLimit: 1000, Per: 60, Quota: 100_000, QuotaRenewalRate: 2_592_000, KeyExpiresIn: 2_592_000, AutoApproveAccessRequests: false, Catalogues: [] });

    // A second plan, made through the API, reads "unlimited requests".
    const free = await call<Plan>('POST', '/portal-api/plans', { Name: 'free', DisplayName: 'Free', AutoApproveAccessRequests: true });
    await page.reload();
    await heading(page, 'Plans');
    await planTable.getByRole('row', { name: /Free.*unlimited requests/ }).waitFor();

    // Catalogues: a private one for one team of Acme, with a product and the gold plan.
    await openSection(page, 'Catalogues');
    await page.getByText('No catalogues yet').waitFor();
    await page.getByRole('link', { name: 'Add catalogue' }).click();
    await heading(page, 'Add catalogue');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Partners');
    await page.getByRole('radio', { name: 'Private' }).check();
    await page.getByText('Nobody sees a private catalogue until you choose an organisation or a team.').waitFor();
    await pick(page, 'Teams', 'Mobile', 'Acme: Mobile');
    await pick(page, 'Products', 'Pay', /^Payments/);
    await pick(page, 'Plans', 'Gold', /^Gold/);
    await page.getByText(`: ${GOLD_WORDS}`).waitFor();
    await capture(page, 'console-portal-catalogue-edit');
    await page.getByRole('button', { name: 'Create catalogue' }).click();
    await heading(page, 'Catalogues');
    let partners = await catalogueNamed('Partners');
    expect(partners).toMatchObject({ VisibilityStatus: 'Private', ProductIDs: [payments.ID], PlanIDs: [gold.ID], OrgCatalogues: [{ OrganisationID: acme.ID, TeamID: mobile.ID }] });

    // A public one, with the other product; a name already taken is refused at the field.
    await page.getByRole('link', { name: 'Add catalogue' }).click();
    await heading(page, 'Add catalogue');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('partners');
    await page.getByRole('button', { name: 'Create catalogue' }).click();
    await page.getByText('A catalogue with this name already exists').waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Everyone');
    expect(await page.getByRole('radio', { name: 'Public' }).isChecked()).toBe(true);
    await pick(page, 'Products', 'Stock', /^Stock levels/);
    await page.getByRole('button', { name: 'Create catalogue' }).click();
    await heading(page, 'Catalogues');
    const catalogueTable = page.getByRole('table', { name: 'Catalogues' });
    await catalogueTable.getByRole('row', { name: /Everyone.*Public.*Anyone, even signed out.*1.*0/ }).waitFor();
    await catalogueTable.getByRole('row', { name: /Partners.*Private.*Acme: team Mobile.*1.*1/ }).waitFor();
    const everyone = await catalogueNamed('Everyone');
    expect(everyone).toMatchObject({ VisibilityStatus: 'Public', ProductIDs: [stock.ID], PlanIDs: [], OrgCatalogues: [] });
    await dismissNotifications(page);
    await capture(page, 'console-portal-catalogues');

    // Attach the free plan to the public catalogue from the plan's page.
    await openSection(page, 'Plans');
    await planTable.getByRole('link', { name: 'Free' }).click();
    await heading(page, 'Free');
    await pick(page, 'Catalogues', 'Every', /^Everyone/);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'Plans');
    await planTable.getByRole('row', { name: /Free.*unlimited requests.*Everyone/ }).waitFor();
    expect((await call<Plan>('GET', `/portal-api/plans/${free.ID}`)).Catalogues).toEqual([everyone.ID]);
    expect((await catalogueNamed('Everyone')).PlanIDs).toEqual([free.ID]);

    // Edit gold: 50 requests per second, no quota; the row follows.
    await openMenu(page, 'Gold', 'Edit');
    await heading(page, 'Gold');
    expect(await page.getByRole('textbox', { name: 'Rate limit', exact: true }).inputValue()).toBe('1,000');
    await page.getByRole('textbox', { name: 'Rate limit', exact: true }).fill('50');
    await page.getByRole('combobox', { name: 'Rate limit period' }).selectOption({ label: 'per second' });
    await page.getByRole('switch', { name: 'Unlimited quota' }).click();
    await page.getByText('50 requests per second · credentials expire after 30 days · approval required').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'Plans');
    await planTable.getByRole('row', { name: /Gold.*50 requests per second · credentials expire after 30 days · approval required.*Partners/ }).waitFor();
    expect(await planNamed('gold')).toMatchObject({ RateLimit: 50, Per: 1, Quota: -1, QuotaRenewalRate: -1, KeyExpiresIn: 2_592_000 });
    await dismissNotifications(page);
    await capture(page, 'console-portal-plans');

    // Edit the private catalogue: rename it and open it to the whole of Acme.
    await openSection(page, 'Catalogues');
    await catalogueTable.getByRole('link', { name: 'Partners' }).click();
    await heading(page, 'Partners');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Partner APIs');
    await pick(page, 'Whole organisations', 'Ac', 'Acme');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'Catalogues');
    await catalogueTable.getByRole('row', { name: /Partner APIs.*Private.*Acme \(everyone\); Acme: team Mobile/ }).waitFor();
    partners = await catalogueNamed('Partner APIs');
    expect(partners.OrgCatalogues).toEqual([expect.objectContaining({ OrganisationID: acme.ID, TeamID: null }), expect.objectContaining({ OrganisationID: acme.ID, TeamID: mobile.ID })]);

    // Deleting asks first; cancelling keeps it.
    await openMenu(page, 'Everyone', 'Delete');
    const deleteCatalogue = page.getByRole('dialog', { name: 'Delete catalogue Everyone?' });
    await deleteCatalogue.getByText('The products and plans themselves are not deleted').waitFor();
    await deleteCatalogue.getByRole('button', { name: 'Cancel' }).click();
    await deleteCatalogue.waitFor({ state: 'detached' });
    expect((await callApi(h!, adminKey, 'GET', `/portal-api/catalogues/${everyone.ID}`)).status).toBe(200);
    await openMenu(page, 'Everyone', 'Delete');
    await deleteCatalogue.getByRole('button', { name: 'Delete catalogue' }).click();
    await deleteCatalogue.waitFor({ state: 'detached' });
    await catalogueTable.getByRole('link', { name: 'Everyone' }).waitFor({ state: 'detached' });
    expect((await callApi(h!, adminKey, 'GET', `/portal-api/catalogues/${everyone.ID}`)).status).toBe(404);
    // The plan it offered stays, offered nowhere now.
    expect((await call<Plan>('GET', `/portal-api/plans/${free.ID}`)).Catalogues).toEqual([]);

    // Delete a plan from its page.
    await openSection(page, 'Plans');
    await planTable.getByRole('link', { name: 'Free' }).click();
    await heading(page, 'Free');
    await page.getByRole('button', { name: 'Delete plan' }).click();
    const deletePlan = page.getByRole('dialog', { name: 'Delete plan Free?' });
    await deletePlan.getByText('No catalogue offers it.').waitFor();
    await deletePlan.getByRole('button', { name: 'Delete plan' }).click();
    await heading(page, 'Plans');
    await planTable.getByRole('link', { name: 'Free' }).waitFor({ state: 'detached' });
    expect((await callApi(h!, adminKey, 'GET', `/portal-api/plans/${free.ID}`)).status).toBe(404);

    // An address that names no plan or catalogue shows the not-found page.
    await page.goto('/admin/portal/plans/9999');
    await heading(page, 'Not found');
    await page.goto('/admin/portal/catalogues/9999');
    await heading(page, 'Not found');
  });
});
