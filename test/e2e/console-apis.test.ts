import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, heading, openSection, pick, signIn } from './console.js';
import { chromiumAvailable, DESKTOP, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
let adminKey = '';
let teamA = '';
let teamB = '';
let readerId = '';
let graceId = '';
const READER = { first: 'Rita', last: 'Reader', email: 'rita@example.com', password: 'reads-but-never-writes-1' } as const;
const GRACE = { first: 'Grace', last: 'Hopper', email: 'grace@example.com', password: 'compilers-all-the-way-1' } as const;

interface Wrapper {
  api_definition: { id: string; name: string; api_id: string; use_keyless: boolean; version_data?: unknown; proxy: { listen_path: string; target_url: string }; auth: { auth_header_name: string }; global_rate_limit?: { rate: number; per: number } };
  user_owners: string[];
  user_group_owners: string[];
}

async function createGroup(name: string): Promise<string> {
  const res = await callApi(h!, adminKey, 'POST', '/api/usergroups', { name, user_permissions: { apis: 'write' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String((res.body as { Meta: unknown }).Meta);
}

async function findApi(name: string): Promise<Wrapper> {
  const res = await callApi(h!, adminKey, 'GET', `/api/apis?p=-1&q=${encodeURIComponent(name)}`);
  expect(res.status).toBe(200);
  const found = (res.body as { apis: Wrapper[] }).apis.filter((a) => a.api_definition.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The text of the elements that describe a control (its description and error), as a screen reader reads them. */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** A text field by its accessible name. */
function field(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
  adminKey = await bootstrapAdmin(h);
  teamA = await createGroup('Team A');
  teamB = await createGroup('Team B');
  readerId = await createUser(h, adminKey, { ...READER, permissions: { apis: 'read' } });
  graceId = await createUser(h, adminKey, { ...GRACE, permissions: { apis: 'write' }, groupId: teamA });
});
afterAll(async () => {
  await h?.close();
});

describe('the APIs screens (ownership on)', () => {
  it('creates a Classic API through the form, finds it by search, and shows the server’s field error next to its field', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage(DESKTOP);
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'APIs');
    await page.getByText('No APIs yet').waitFor();

    await page.getByRole('link', { name: 'Create API' }).click();
    await heading(page, 'Create an API');
    await page.getByRole('link', { name: 'Create a Classic API' }).click();
    await heading(page, 'Create a Classic API');
    await field(page, 'API name').fill('Orders');
    await field(page, 'Listen path').fill('/orders/');
    await field(page, 'Target URL').fill('http://orders.internal:8080');
    await page.getByRole('radio', { name: 'Auth token' }).check();
    await field(page, 'Auth header name').fill('X-Orders-Key');
    await field(page, 'Requests').fill('100');
    await field(page, 'Per seconds').fill('60');
    await pick(page, 'User owners', 'Rita', /Rita Reader/);
    await page.getByRole('button', { name: 'Create API' }).click();
    await heading(page, 'Orders');
    await page.getByRole('tab', { name: 'Core settings', selected: true }).waitFor();
    await capture(page, 'console-api-classic');

    const created = await findApi('Orders');
    expect(created.api_definition.proxy).toMatchObject({ listen_path: '/orders/', target_url: 'http://orders.internal:8080' });
    expect(created.api_definition.use_keyless).toBe(false);
    expect(created.api_definition.auth.auth_header_name).toBe('X-Orders-Key');
    expect(created.api_definition.global_rate_limit).toEqual({ rate: 100, per: 60 });
    expect(created.user_owners).toEqual([readerId]);

    // A second API, so that the search has something to leave out.
    const other = await callApi(h!, adminKey, 'POST', '/api/apis', { api_definition: { name: 'Payments', use_keyless: true, proxy: { listen_path: '/payments/', target_url: 'http://payments.internal' } } });
    expect(other.status).toBe(200);

    await page.getByRole('link', { name: 'Back to the APIs' }).click();
    await heading(page, 'APIs');
    const table = page.getByRole('table', { name: 'APIs' });
    await table.getByRole('link', { name: 'Payments' }).waitFor();
    await table.getByRole('link', { name: 'Orders' }).waitFor();
    await capture(page, 'console-apis-list');
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['Orders', 'Payments']);
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['Payments', 'Orders']);
    await page.getByLabel('Search APIs by name').fill('ORD');
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['Orders']);
    await page.getByLabel('Search APIs by name').fill('nothing like it');
    await page.getByText('No API matches “nothing like it”').waitFor();
    await page.getByLabel('Search APIs by name').fill('ord');
    await table.getByRole('link', { name: 'Orders' }).click();
    await heading(page, 'Orders');

    // A listen path without its leading slash: the server's 400 shows under the field.
    const listenPath = field(page, 'Listen path');
    await listenPath.fill('orders-v2/');
    await page.getByRole('button', { name: 'Save API' }).click();
    await expect.poll(() => listenPath.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, listenPath)).toContain('must be a path starting with "/"');
    expect(await page.getByRole('alert').filter({ hasText: 'Not saved' }).count()).toBe(0);
    expect((await findApi('Orders')).api_definition.proxy.listen_path).toBe('/orders/');

    await listenPath.fill('/orders-v2/');
    await page.getByRole('button', { name: 'Save API' }).click();
    await page.getByText('API saved').waitFor();
    await expect.poll(async () => (await findApi('Orders')).api_definition.proxy.listen_path).toBe('/orders-v2/');
    await expect.poll(() => listenPath.getAttribute('aria-invalid')).not.toBe('true');

    // The raw definition tab edits the same definition.
    await page.getByRole('tab', { name: 'Raw definition' }).click();
    const raw = page.getByRole('textbox', { name: 'Raw API definition (JSON)' });
    expect(await raw.textContent()).toContain('"/orders-v2/"');
    // Broken JSON: the problem shows at its line and nothing can be saved.
    await raw.fill('{\n  "name": "Orders",\n  "proxy": {\n    "listen_path": "/orders-v2/"\n    "target_url": "http://x"\n  }\n}\n');
    await page.getByRole('alert').filter({ hasText: /^Line 5/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Save API' }).isDisabled()).toBe(true);
    // Valid JSON typed there is what the form shows afterwards.
    const current = (await findApi('Orders')).api_definition;
    await raw.fill(JSON.stringify({ ...current, proxy: { ...current.proxy, target_url: 'http://orders.internal:9090' } }, null, 2));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /^Line/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Core settings' }).click();
    expect(await field(page, 'Target URL').inputValue()).toBe('http://orders.internal:9090');

    // Versions: a second one, saved with the API.
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('switch', { name: /^Not versioned/ }).uncheck();
    await field(page, 'New version name').fill('v2');
    await page.getByRole('button', { name: 'Add version' }).click();
    await field(page, 'Expiry of version v2').fill('2030-01-31 12:00');
    await capture(page, 'console-api-classic-versions');
    await page.getByRole('button', { name: 'Save API' }).click();
    await expect
      .poll(async () => (await findApi('Orders')).api_definition.version_data)
      .toMatchObject({ not_versioned: false, versions: { Default: { name: 'Default' }, v2: { name: 'v2', expires: '2030-01-31 12:00' } } });
    expect((await findApi('Orders')).api_definition.proxy.target_url).toBe('http://orders.internal:9090');
  });

  it('creates an OAS API from pasted YAML, shows a syntax error at its line, and sets its owners on the Access tab', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage(DESKTOP);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto('/admin/apis/new');
    await heading(page, 'Create an API');
    await page.getByRole('link', { name: 'Create an OAS API' }).click();
    await heading(page, 'Create an OAS API');

    const lines = [
      'openapi: 3.0.3',
      'info:',
      '  title: Inventory API',
      '  version: 1.0.0',
      '  version: 2.0.0',
      'paths: {}',
      'x-tyk-api-gateway:',
      '  info:',
      '    name: Inventory API',
      '    state:',
      '      active: true',
      '  upstream:',
      '    url: http://inventory.internal',
      '  server:',
      '    listenPath:',
      '      value: /inventory/',
      '      strip: true',
      '',
    ];
    const editor = page.getByRole('textbox', { name: 'OpenAPI document' });
    await editor.fill(lines.join('\n'));
    const problem = page.getByRole('alert').filter({ hasText: 'Map keys must be unique' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Line 5, column 3');
    expect(await page.getByRole('button', { name: 'Create API' }).isDisabled()).toBe(true);
    await capture(page, 'console-api-oas-error');

    await editor.fill(lines.filter((l) => l !== '  version: 2.0.0').join('\n'));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Map keys must be unique' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Create API' }).click();
    await heading(page, 'Inventory API');
    await page.getByRole('tab', { name: 'Document', selected: true }).waitFor();
    await capture(page, 'console-api-oas');
    const created = await findApi('Inventory API');
    expect(created.api_definition.proxy.listen_path).toBe('/inventory/');

    // Owners: a user and a group, then the user removed again with its ×.
    await page.getByRole('tab', { name: 'Access' }).click();
    await pick(page, 'User owners', 'grace', /Grace Hopper/);
    await pick(page, 'User group owners', 'team a', /^Team A$/);
    await page.getByRole('button', { name: 'Remove Grace Hopper (grace@example.com)' }).waitFor();
    await page.getByRole('button', { name: 'Remove Team A' }).waitFor();
    await capture(page, 'console-api-access');
    await page.getByRole('button', { name: 'Remove Grace Hopper (grace@example.com)' }).click();
    expect(await page.getByRole('button', { name: /^Remove Grace/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save owners' }).click();
    await page.getByText('Owners saved').waitFor();

    const access = await callApi(h!, adminKey, 'GET', `/api/apis/${created.api_definition.id}/access`);
    expect(access.body).toEqual({ userIds: [], userGroupIds: [teamA] });
    // What the UI shows after a reload is what the server holds.
    await page.reload();
    await heading(page, 'Inventory API');
    await page.getByRole('tab', { name: 'Access', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Remove Team A' }).waitFor();
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(1);

    // A server refusal that names a field shows at that field's line.
    await page.getByRole('tab', { name: 'Document' }).click();
    const doc = await page.getByRole('textbox', { name: 'OpenAPI document' }).textContent();
    expect(doc).toContain('/inventory/');
    await page
      .getByRole('textbox', { name: 'OpenAPI document' })
      .fill(lines.filter((l) => l !== '  version: 2.0.0').join('\n').replace('http://inventory.internal', 'inventory.internal'));
    await page.getByRole('button', { name: 'Save API' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'x-tyk-api-gateway.upstream.url' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Line 12');
    expect((await findApi('Inventory API')).api_definition.proxy.target_url).toBe('http://inventory.internal');

    // Deleting asks first.
    await page.getByRole('button', { name: 'Delete API' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this API?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await callApi(h!, adminKey, 'GET', `/api/apis/${created.api_definition.id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete API' }).click();
    await dialog.getByRole('button', { name: 'Delete API' }).click();
    await heading(page, 'APIs');
    expect((await callApi(h!, adminKey, 'GET', `/api/apis/${created.api_definition.id}`)).status).toBe(404);
  });

  it('shows a user with apis: read the same screens with no edit controls', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage(DESKTOP);
    await signIn(page, READER.email, READER.password);
    await openSection(page, 'APIs');
    const table = page.getByRole('table', { name: 'APIs' });
    await table.getByRole('link', { name: 'Orders' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create API' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create API' }).count()).toBe(0);

    await table.getByRole('link', { name: 'Orders' }).click();
    await heading(page, 'Orders');
    await page.getByText('Read only', { exact: true }).waitFor();
    for (const label of ['API name', 'Listen path', 'Target URL', 'Auth header name', 'Requests', 'Per seconds']) {
      const input = field(page, label);
      expect(await input.inputValue(), label).not.toBe('');
      expect(await input.isEditable(), label).toBe(false);
    }
    expect(await field(page, 'Listen path').inputValue()).toBe('/orders-v2/');
    for (const name of ['Active (served by the gateways)', 'Strip the listen path before forwarding']) {
      expect(await page.getByRole('switch', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    for (const name of ['Keyless (open)', 'Auth token']) {
      expect(await page.getByRole('radio', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    expect(await page.getByRole('radio', { name: 'Auth token' }).isChecked()).toBe(true);
    // The owner shows, without a × and without a picker that could change it.
    await page.getByText('Rita Reader (you)').waitFor();
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'User owners', exact: true }).isEditable()).toBe(false);
    expect(await page.getByRole('combobox', { name: 'User group owners', exact: true }).isEditable()).toBe(false);
    for (const name of ['Save API', 'Delete API', 'Create API']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    await capture(page, 'console-api-classic-read-only');

    await page.getByRole('tab', { name: 'Raw definition' }).click();
    const raw = page.getByRole('textbox', { name: 'Raw API definition (JSON)' });
    expect(await raw.getAttribute('contenteditable')).toBe('false');
    await page.getByRole('tab', { name: 'Versions' }).click();
    expect(await page.getByRole('switch', { name: /^Not versioned/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add version' }).count()).toBe(0);

    // The create pages are not there for a reader.
    await page.goto('/admin/apis/new/classic');
    await heading(page, 'Not found');
  });

  it('answers an API owned by another team with the same not-found page as a missing id', async (ctx) => {
    requireChromium(ctx);
    const hidden = await callApi(h!, adminKey, 'POST', '/api/apis', {
      api_definition: { name: 'Team B ledger', use_keyless: true, proxy: { listen_path: '/ledger/', target_url: 'http://ledger.internal' } },
      user_group_owners: [teamB],
    });
    expect(hidden.status).toBe(200);
    const id = String((hidden.body as { Meta: unknown }).Meta);

    const page = await h!.newPage(DESKTOP);
    await signIn(page, READER.email, READER.password);
    await page.goto(`/admin/apis/${id}`);
    await heading(page, 'Not found');
    const hiddenText = await page.getByRole('main').textContent();
    await page.goto('/admin/apis/999999');
    await heading(page, 'Not found');
    expect(await page.getByRole('main').textContent()).toBe(hiddenText);
    await capture(page, 'console-api-not-found');

    // Nor does the list or its search show it.
    await page.goto('/admin/apis');
    await heading(page, 'APIs');
    await page.getByRole('table', { name: 'APIs' }).getByRole('link', { name: 'Orders' }).waitFor();
    await page.getByLabel('Search APIs by name').fill('ledger');
    await page.getByText('No API matches “ledger”').waitFor();

    // The administrator does see it.
    const admin = await h!.newPage(DESKTOP);
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto(`/admin/apis/${id}`);
    await heading(admin, 'Team B ledger');
  });

  it('lets a team member with apis: write but no users or groups permission keep and extend the owners they can name', async (ctx) => {
    requireChromium(ctx);
    const created = await callApi(h!, adminKey, 'POST', '/api/apis', {
      api_definition: { name: 'Team A catalogue', use_keyless: true, proxy: { listen_path: '/catalogue/', target_url: 'http://catalogue.internal' } },
      user_group_owners: [teamA],
    });
    expect(created.status).toBe(200);
    const id = String((created.body as { Meta: unknown }).Meta);

    const page = await h!.newPage(DESKTOP);
    await signIn(page, GRACE.email, GRACE.password);
    await openSection(page, 'APIs');
    const table = page.getByRole('table', { name: 'APIs' });
    await table.getByRole('link', { name: 'Team A catalogue' }).waitFor();
    // Team B's API is not even listed.
    expect(await table.getByRole('link', { name: 'Team B ledger' }).count()).toBe(0);
    await table.getByRole('link', { name: 'Team A catalogue' }).click();
    await heading(page, 'Team A catalogue');

    // She cannot list users or groups: her own group shows by name, and she can add herself.
    await page.getByRole('button', { name: 'Remove Your group' }).waitFor();
    await pick(page, 'User owners', 'grace', /Grace Hopper \(you\)/);
    await page.getByRole('button', { name: 'Save API' }).click();
    await page.getByText('API saved').waitFor();
    await expect.poll(async () => (await findApi('Team A catalogue')).user_owners).toEqual([graceId]);
    expect((await findApi('Team A catalogue')).user_group_owners).toEqual([teamA]);
    await page.getByRole('button', { name: 'Remove Grace Hopper (you)' }).waitFor();
    // To the top for the screenshot. Not through the heading's element: the saved API re-renders it, and a scroll
    // aimed at the element it replaced fails ("not attached to the DOM").
    await page.evaluate('window.scrollTo(0, 0)');
    await capture(page, 'console-api-classic-team-member');
    expect((await callApi(h!, adminKey, 'GET', `/api/apis/${id}/access`)).body).toEqual({ userIds: [graceId], userGroupIds: [teamA] });
  });
});
