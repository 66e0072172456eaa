import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { bootstrapAdmin, callApi, capture, heading } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

/*
 * What a visitor reads in the Live Portal besides products: an API's reference,
 * rendered from its OpenAPI document; the blog; content pages at their own
 * address. Nothing written in a document, post or page runs as script, and a
 * draft answers "Page not found" like something that does not exist.
 */

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

const XSS = '<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1">';

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}

/** Whether anything from content ran in the page. */
const pwned = (page: Page) => page.evaluate('window.__pwned');

const STOCK_DOC = {
  openapi: '3.0.3',
  info: { title: 'Stock', version: '2.1.0', description: `Check and reserve **stock** in every warehouse.\n\n${XSS}` },
  externalDocs: { description: 'More about stock', url: 'javascript:window.__pwned=1' },
  tags: [{ name: 'Items', description: 'What the warehouses hold.' }, { name: 'Reservations' }],
  paths: {
    '/items/{itemId}': {
      parameters: [{ name: 'itemId', in: 'path', required: true, description: 'The item’s code', schema: { type: 'string', example: 'SKU-42' } }],
      get: {
        tags: ['Items'],
        summary: 'Fetch one item',
        description: `Returns the item and how many are left. ${XSS}`,
        parameters: [{ name: 'warehouse', in: 'query', schema: { type: 'string', enum: ['north', 'south'] } }],
        responses: {
          '200': { description: 'The item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          '404': { description: 'No item has this code' },
        },
      },
    },
    '/reservations': {
      post: {
        tags: ['Reservations'],
        summary: 'Reserve items',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['itemId', 'quantity'], properties: { itemId: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } } } } },
        },
        responses: { '201': { description: 'Reserved' } },
      },
    },
  },
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, left: { type: 'integer', description: 'How many are in stock' }, related: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
      },
    },
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'Authorization' } },
  },
  'x-tyk-api-gateway': {
    info: { name: 'Stock', id: 'stock-api', state: { active: true } },
    upstream: { url: 'http://127.0.0.1:9/' },
    server: { listenPath: { value: '/stock/', strip: true }, authentication: { enabled: false } },
  },
};

describe('Live Portal: API reference, blog and pages', () => {
  it('shows an API reference from a product page, the blog and its posts, and published pages; content never runs script; drafts are not found', async (ctx) => {
    requireChromium(ctx);
    await admin('POST', '/api/apis/oas', STOCK_DOC);
    const catalogue = await admin<{ ID: number }>('POST', '/portal-api/catalogues', { Name: 'Public APIs', VisibilityStatus: 'Public' });
    const product = await admin<{ ID: number }>('POST', '/portal-api/products', {
      Name: 'warehouse',
      DisplayName: 'Warehouse',
      Description: 'Stock levels and reservations.',
      APIDetails: [{ APIID: 'stock-api' }],
      Catalogues: [catalogue.ID],
    });

    // The API reference, reached from the product page.
    const visitor = await h!.newPage();
    await visitor.goto(pages.product(product.ID));
    await heading(visitor, 'Warehouse');
    await capture(visitor, 'portal-product-api-reference-link');
    await visitor.getByRole('region', { name: 'APIs' }).getByRole('link', { name: 'API reference of Stock' }).click();
    await heading(visitor, 'Stock — API reference');
    expect(new URL(visitor.url()).pathname).toBe(pages.apiReference(product.ID, 'stock-api'));
    expect(await visitor.title()).toBe('Stock — API reference · Developer portal');
    await visitor.getByRole('region', { name: 'Calling this API' }).getByText('an API key in the Authorization header').waitFor();
    // Swagger UI renders the document: operations by tag, each opened by its button.
    await visitor.getByRole('heading', { name: /Items/ }).waitFor();
    await visitor.getByRole('button', { name: /GET\s*\/items\/\{itemId\}\s*Fetch one item/ }).click();
    await visitor.getByText('The item’s code').waitFor();
    // The parameter's example, shown in its (read-only) field.
    expect(await visitor.locator('tr[data-param-name="itemId"] input').inputValue()).toBe('SKU-42');
    await visitor.getByRole('tab', { name: 'Schema' }).first().click();
    await visitor.getByText('How many are in stock').waitFor();
    await capture(visitor, 'portal-api-reference-operation');
    await visitor.getByRole('button', { name: /POST\s*\/reservations\s*Reserve items/ }).click();
    await visitor.getByText('Request body').waitFor();
    // "Try it out" is off: the gateway is another origin, which the portal's pages may not call.
    expect(await visitor.getByRole('button', { name: 'Try it out' }).count()).toBe(0);
    expect(await pwned(visitor)).toBeUndefined();
    expect(await visitor.locator('main script, main img[onerror], main a[href^="javascript"]').count()).toBe(0);
    await visitor.evaluate('window.scrollTo(0, 0)');
    await capture(visitor, 'portal-api-reference');
    // An API the product does not offer has no reference page.
    await visitor.goto(pages.apiReference(product.ID, 'no-such-api'));
    await heading(visitor, 'Page not found');

    // The blog: published posts, newest first; a draft is absent.
    await admin('POST', '/portal-api/posts', { Title: 'Hello, developers', Path: 'hello', Status: 'published', Lede: 'Why this portal exists.', Content: 'Welcome.' });
    await admin('POST', '/portal-api/posts', {
      Title: 'Stock API 2.1 is out',
      Path: 'news/stock-2-1',
      Status: 'published',
      Lede: 'Reservations, and the warehouse filter.',
      Content: `# What changed\n\nYou can now **reserve** items.\n\n${XSS}`,
    });
    await admin('POST', '/portal-api/posts', { Title: 'Secret roadmap', Path: 'roadmap', Status: 'draft', Content: 'Not yet.' });

    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Blog' }).click();
    await heading(visitor, 'Blog');
    expect(await visitor.title()).toBe('Blog · Developer portal');
    const articles = visitor.getByRole('article');
    await articles.first().waitFor();
    expect(await articles.count()).toBe(2);
    expect(await articles.first().getByRole('heading').textContent()).toBe('Stock API 2.1 is out');
    await visitor.getByRole('article', { name: 'Hello, developers' }).getByText('Why this portal exists.').waitFor();
    expect(await visitor.getByText('Secret roadmap').count()).toBe(0);
    await capture(visitor, 'portal-blog');

    await visitor.getByRole('link', { name: 'Stock API 2.1 is out' }).click();
    await heading(visitor, 'Stock API 2.1 is out');
    expect(new URL(visitor.url()).pathname).toBe(pages.portalPost('news/stock-2-1'));
    // The post's own headings sit under its title.
    await visitor.getByRole('heading', { level: 2, name: 'What changed' }).waitFor();
    await visitor.getByText('Reservations, and the warehouse filter.').waitFor();
    expect(await pwned(visitor)).toBeUndefined();
    await capture(visitor, 'portal-post');
    await visitor.goto(pages.portalPost('roadmap'));
    await heading(visitor, 'Page not found');

    // Content pages at their own address; a draft or an unknown address is not found.
    await admin('POST', '/portal-api/pages', { Title: 'About us', Path: 'about-us', Status: 'published', Content: '# Who we are\n\nWe run the warehouses.' });
    await admin('POST', '/portal-api/pages', { Title: 'Terms of use', Path: 'legal/terms', Status: 'published', Content: `Be nice.\n\n${XSS}\n\nThat is all.` });
    await admin('POST', '/portal-api/pages', { Title: 'Coming soon', Path: 'coming-soon', Status: 'draft', Content: 'Hidden.' });
    const refused = await callApi(h!, adminKey, 'POST', '/portal-api/pages', { Title: 'Clash', Path: 'blog', Status: 'published' });
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: string[] }).errors[0]).toMatch(/^Path: /);

    await visitor.goto(pages.portalPage('about-us'));
    await heading(visitor, 'About us');
    expect(await visitor.title()).toBe('About us · Developer portal');
    await visitor.getByRole('heading', { level: 2, name: 'Who we are' }).waitFor();
    await capture(visitor, 'portal-page');

    await visitor.goto(pages.portalPage('legal/terms'));
    await heading(visitor, 'Terms of use');
    await visitor.getByText('That is all.').waitFor();
    expect(await pwned(visitor)).toBeUndefined();
    expect(await visitor.locator('main script, main img').count()).toBe(0);
    await capture(visitor, 'portal-page-with-script');

    for (const address of [pages.portalPage('coming-soon'), '/nothing-here', '/portal/nothing-here']) {
      await visitor.goto(address);
      await heading(visitor, 'Page not found');
    }
    await capture(visitor, 'portal-page-not-found');
  });
});
