import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, eventually, heading, openSection, pick, signIn } from './console.js';
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

interface Product {
  ID: number;
  Name: string;
  DisplayName: string;
  Description: string;
  Tags: string[];
  CatalogueIDs: number[];
  APIDetails: { APIID: string; Name: string; DocumentSource: string }[];
}

const DESCRIPTION = ['# Take payments', '', 'Charge **cards** and refund them.', '', '<script>window.__injected = true</script>', '<b id="raw-html">raw</b>'].join('\n');

const PAYMENTS_DOC = ['openapi: 3.0.3', 'info:', '  title: Payments reference', '  version: 1.0.0', 'paths:', '  /charges:', '    post:', '      responses:', "        '201':", '          description: Charged', ''].join('\n');

describe('Admin Portal > Products', () => {
  it('creates a product with APIs, a previewed Markdown description and a catalogue; documents its APIs; orders guides; deletes with confirmation', async (ctx) => {
    requireChromium(ctx);
    const classic = await callApi(h!, adminKey, 'POST', '/api/apis', {
      api_definition: { name: 'Payments', proxy: { listen_path: '/payments/', target_url: 'http://127.0.0.1:9/', strip_listen_path: true }, auth: { auth_header_name: 'Authorization' } },
    });
    expect(classic.status, JSON.stringify(classic.body)).toBe(200);
    const paymentsId = (classic.body as { ID: string }).ID;
    const oas = await callApi(h!, adminKey, 'POST', '/api/apis/oas', {
      openapi: '3.0.3',
      info: { title: 'Stock', version: '1.0.0' },
      paths: { '/items': { get: { responses: { '200': { description: 'ok' } } } } },
      'x-tyk-api-gateway': {
        info: { name: 'Stock', id: 'stock-api', state: { active: true } },
        upstream: { url: 'http://127.0.0.1:9/' },
        server: { listenPath: { value: '/stock/', strip: true }, authentication: { enabled: false } },
      },
    });
    expect(oas.status, JSON.stringify(oas.body)).toBe(200);
    const catalogue = await callApi(h!, adminKey, 'POST', '/portal-api/catalogues', { Name: 'Partners', VisibilityStatus: 'Public' });
    expect(catalogue.status, JSON.stringify(catalogue.body)).toBe(200);
    const catalogueId = (catalogue.body as { ID: number }).ID;

    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Products');
    await page.getByText('No products yet').waitFor();

    // Create: name, display name, Markdown description with its preview, tags, APIs, catalogue.
    await page.getByRole('link', { name: 'Add product' }).click();
    await heading(page, 'Add product');
    await page.getByLabel(/^Name/).fill('payments');
    await page.getByLabel('Display name', { exact: true }).fill('Payments API');
    await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    await page.getByText('Preview', { exact: true }).click();
    const preview = page.getByRole('region', { name: 'Description preview' });
    await preview.getByRole('heading', { level: 1, name: 'Take payments' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('cards');
    // Raw HTML in the source never reaches the page.
    expect(await preview.locator('script').count()).toBe(0);
    expect(await page.locator('#raw-html').count()).toBe(0);
    expect(await page.evaluate('window.__injected === undefined')).toBe(true);
    await page.getByText('Edit', { exact: true }).click();
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe(DESCRIPTION);
    await page.getByRole('combobox', { name: 'Tags' }).fill('cards');
    await page.keyboard.press('Enter');
    await pick(page, 'APIs', 'pay', /^Payments/);
    await pick(page, 'APIs', 'sto', /^Stock/);
    await pick(page, 'Published in catalogues', 'part', /^Partners/);
    await page.getByRole('button', { name: 'Create product' }).click();
    await heading(page, 'payments');

    const list = (await callApi(h!, adminKey, 'GET', '/portal-api/products')).body as Product[];
    expect(list).toHaveLength(1);
    const productId = list[0]!.ID;
    const created = (await callApi(h!, adminKey, 'GET', `/portal-api/products/${productId}`)).body as Product;
    expect(created).toMatchObject({ Name: 'payments', DisplayName: 'Payments API', Description: DESCRIPTION, Tags: ['cards'], CatalogueIDs: [catalogueId] });
    expect(created.APIDetails.map((a) => a.APIID)).toEqual([paymentsId, 'stock-api']);
    await page.getByText('2 APIs, published in Partners').waitFor();

    // Reference documentation: the OAS API's own document; an uploaded one for the Classic API.
    const stock = page.getByRole('region', { name: 'Stock' });
    await stock.getByText('taken from this OAS API’s own OpenAPI document').waitFor();
    await stock.getByRole('button', { name: 'View the document' }).click();
    const viewer = page.getByRole('dialog', { name: 'OpenAPI document of Stock' });
    await expect.poll(() => viewer.getByRole('textbox', { name: 'OpenAPI document (read-only)' }).textContent()).toContain('title: Stock');
    await viewer.getByRole('button', { name: 'Close' }).click();
    await viewer.waitFor({ state: 'detached' });

    const payments = page.getByRole('region', { name: 'Payments', exact: true });
    await payments.getByText('No reference documentation yet').waitFor();
    await payments.getByRole('button', { name: 'Upload or paste a document' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), payments.getByRole('button', { name: 'Upload a file' }).click()]);
    await chooser.setFiles({ name: 'payments.yaml', mimeType: 'text/yaml', buffer: Buffer.from(PAYMENTS_DOC) });
    await expect.poll(() => payments.getByRole('textbox', { name: 'OpenAPI document for Payments' }).textContent()).toContain('Payments reference');
    await payments.getByRole('button', { name: 'Save document' }).click();
    await payments.getByText('the OpenAPI document uploaded for this product').waitFor();
    const uploaded = await callApi(h!, adminKey, 'GET', `/portal-api/products/${productId}/api-details/${paymentsId}/oas`);
    expect(uploaded.body).toMatchObject({ openapi: '3.0.3', info: { title: 'Payments reference' }, paths: { '/charges': {} } });
    await capture(page, 'console-portal-product');

    // Guides: two added (the editor previews the Markdown), reordered, one deleted after a confirmation.
    for (const [title, body] of [
      ['Getting started', '# Getting started\n\nAsk for access, then call `POST /charges`.'],
      ['Errors', '# Errors\n\n| Code | Meaning |\n| --- | --- |\n| 402 | Card declined |'],
    ] as const) {
      await page.getByRole('link', { name: 'Add guide' }).click();
      await heading(page, 'Add guide');
      await page.getByLabel(/^Title/).fill(title);
      await page.getByLabel('Content', { exact: true }).fill(body);
      await page.getByText('Preview', { exact: true }).click();
      await page.getByRole('region', { name: 'Content preview' }).getByRole('heading', { level: 1, name: title }).waitFor();
      if (title === 'Getting started') await capture(page, 'console-portal-product-guide');
      await page.getByRole('button', { name: 'Add guide' }).click();
      await heading(page, 'payments');
    }
    const guides = page.getByRole('list', { name: 'Guides of payments' });
    const titles = () => guides.getByRole('listitem').getByRole('link').allTextContents();
    await expect.poll(titles).toEqual(['Getting started', 'Errors']);
    await page.getByRole('button', { name: 'Move “Errors” up' }).click();
    await expect.poll(titles).toEqual(['Errors', 'Getting started']);
    const guideTitles = async () => ((await callApi(h!, adminKey, 'GET', `/portal-api/products/${productId}/docs`)).body as { Title: string }[]).map((g) => g.Title);
    expect(await guideTitles()).toEqual(['Errors', 'Getting started']);

    await page.getByRole('button', { name: 'Delete “Getting started”' }).click();
    const confirmGuide = page.getByRole('dialog', { name: 'Delete the guide “Getting started”?' });
    await confirmGuide.getByRole('button', { name: 'Delete guide' }).click();
    await confirmGuide.waitFor({ state: 'detached' });
    await expect.poll(titles).toEqual(['Errors']);
    expect(await eventually(guideTitles, (t) => t.length === 1)).toEqual(['Errors']);

    // An edited guide keeps its place; its page shows the saved Markdown.
    await guides.getByRole('link', { name: 'Errors' }).click();
    await heading(page, 'Errors');
    expect(await page.getByLabel('Content', { exact: true }).inputValue()).toContain('Card declined');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await heading(page, 'payments');

    // The list: APIs and catalogues at a glance, search.
    await callApi(h!, adminKey, 'POST', '/portal-api/products', { Name: 'legacy' });
    await openSection(page, 'Products');
    const table = page.getByRole('table', { name: 'Products' });
    await table.getByRole('row', { name: /payments.*Payments API.*Payments, Stock.*Partners/ }).waitFor();
    await table.getByRole('row', { name: /legacy.*None.*Not published/ }).waitFor();
    await capture(page, 'console-portal-products');
    await page.getByLabel('Search products').fill('stock');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByLabel('Search products').fill('nothing like it');
    await page.getByText('No product matches').waitFor();
    await page.getByLabel('Search products').fill('');

    // Delete from the row's menu, after a confirmation.
    await page.getByRole('button', { name: 'Actions for legacy', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete legacy?' });
    await confirm.getByText('Its APIs are not deleted').waitFor();
    await confirm.getByRole('button', { name: 'Delete product' }).click();
    await confirm.waitFor({ state: 'detached' });
    await table.getByRole('row', { name: /legacy/ }).waitFor({ state: 'detached' });
    const names = ((await callApi(h!, adminKey, 'GET', '/portal-api/products')).body as Product[]).map((p) => p.Name);
    expect(names).toEqual(['payments']);

    // A product that does not exist shows the one "not found" page.
    await page.goto('/admin/portal/products/999999');
    await heading(page, 'Not found');
    await page.close();
  });
});
