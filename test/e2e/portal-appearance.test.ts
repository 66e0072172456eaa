import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, heading, openSection, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

/*
 * Settings > Appearance: an API Owner names the portal, uploads a logo, picks a
 * colour and a font, writes an introduction, adds a menu link and some CSS in
 * the console; a visitor's next page load of the Live Portal shows all of it.
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

/** A computed style of the first element a selector finds (a string, evaluated in the page: the tests are type-checked without the DOM's types). */
async function computed(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);
}

const LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b7a3e"/><path d="M18 48 L32 14 L46 48 M24 36 H40" stroke="#fff" stroke-width="6" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
);

describe('Live Portal appearance', () => {
  it('applies the name, logo, colour, introduction, menu link and CSS set in the console on the next page load, and shows field errors at their field', async (ctx) => {
    requireChromium(ctx);
    const product = (await callApi(h!, adminKey, 'POST', '/portal-api/products', { Name: 'weather', DisplayName: 'Weather', Description: 'Forecasts and observations for any place on Earth.' })).body as { ID: number };
    expect((await callApi(h!, adminKey, 'POST', '/portal-api/catalogues', { Name: 'Public APIs', VisibilityStatus: 'Public', Products: [product.ID] })).status).toBeLessThan(300);

    const owner = await h!.newPage();
    await signIn(owner, ADMIN.email, ADMIN.password);
    await openSection(owner, 'Appearance');

    // Wrong first: a colour that is not one, and a javascript: address.
    await owner.getByLabel('Primary colour').fill('green-ish');
    await owner.getByRole('button', { name: 'Add link' }).click();
    await owner.getByRole('textbox', { name: 'Label' }).fill('Status');
    await owner.getByRole('textbox', { name: 'Address' }).fill('javascript:alert(1)');
    await owner.getByRole('button', { name: 'Save changes' }).click();
    const colour = owner.getByLabel('Primary colour');
    await expect.poll(() => colour.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(async () => owner.locator(`#${await colour.getAttribute('id')}-error`).textContent()).toContain('six hexadecimal digits');

    await colour.fill('#0B7A3E');
    await owner.getByRole('button', { name: 'Save changes' }).click();
    const address = owner.getByRole('textbox', { name: 'Address' });
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(async () => owner.locator(`#${await address.getAttribute('id')}-error`).textContent()).toContain('https://');
    expect(await colour.getAttribute('aria-invalid')).toBeNull();
    // Nothing was saved by the refused attempts.
    expect(((await callApi(h!, adminKey, 'GET', '/portal-api/settings/appearance')).body as { PrimaryColour: string }).PrimaryColour).toBe('');

    await address.fill('https://status.acme.example/');
    await owner.getByLabel('Portal name').fill('Acme APIs');
    await owner.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'acme.svg', mimeType: 'image/svg+xml', buffer: LOGO });
    await owner.getByText('acme.svg: saved with the other changes.').waitFor();
    await owner.getByLabel('Font', { exact: true }).selectOption('georgia');
    await owner.getByLabel('Introduction', { exact: true }).fill('# Welcome to Acme\n\nEverything you need to build with **our APIs**: weather, maps and more.');
    await owner.getByLabel('Custom stylesheet').fill('main h1 { letter-spacing: 3px; }');
    await owner.getByRole('tab', { name: 'Preview' }).click();
    await owner.getByRole('region', { name: 'Preview of the introduction' }).getByRole('heading', { name: 'Welcome to Acme' }).waitFor();
    await owner.getByRole('button', { name: 'Save changes' }).click();
    await owner.getByText('Appearance saved').first().waitFor();
    await owner.getByRole('img', { name: 'The logo' }).waitFor();
    for (const button of await owner.getByRole('button', { name: 'Dismiss notification' }).all()) await button.click();
    await capture(owner, 'portal-appearance');

    const saved = (await callApi(h!, adminKey, 'GET', '/portal-api/settings/appearance')).body as Record<string, unknown>;
    expect(saved).toMatchObject({
      Name: 'Acme APIs',
      PrimaryColour: '#0b7a3e',
      FontFamily: 'georgia',
      CustomCSS: 'main h1 { letter-spacing: 3px; }',
      MenuLinks: [{ Label: 'Status', URL: 'https://status.acme.example/' }],
      Logo: { MediaType: 'image/svg+xml', Size: LOGO.length },
    });

    // A visitor's next page load: no restart, no rebuild.
    const visitor = await h!.newPage();
    await visitor.goto('/');
    await heading(visitor, 'APIs on offer');
    await visitor.getByRole('link', { name: 'Weather' }).waitFor();
    const banner = visitor.getByRole('banner');
    const logo = banner.getByRole('img', { name: 'Acme APIs' });
    await logo.waitFor();
    await expect.poll(() => logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await banner.getByText('Acme APIs').isVisible()).toBe(true);
    expect(await banner.getByRole('link', { name: 'Acme APIs' }).count()).toBe(1);
    expect(await visitor.title()).toBe('Acme APIs');
    const intro = visitor.getByRole('region', { name: 'Introduction' });
    await intro.getByRole('heading', { level: 2, name: 'Welcome to Acme' }).waitFor();
    expect(await intro.textContent()).toContain('Everything you need to build with our APIs');
    const status = visitor.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Status' });
    expect(await status.getAttribute('href')).toBe('https://status.acme.example/');
    // The custom stylesheet, the colour and the font.
    expect(await visitor.locator('main h1').textContent()).toBe('APIs on offer');
    await expect.poll(() => computed(visitor, 'main h1', 'letterSpacing')).toBe('3px');
    expect(await visitor.getByRole('link', { name: 'Register' }).getAttribute('href')).toBe('/auth/password/register');
    expect(await computed(visitor, 'header a[href="/auth/password/register"]', 'backgroundColor')).toBe('rgb(11, 122, 62)');
    expect(await computed(visitor, 'body', 'fontFamily')).toContain('Georgia');
    await capture(visitor, 'portal-appearance-home');

    // The pages a visitor opens next carry the name too.
    await visitor.getByRole('link', { name: 'Sign in' }).click();
    await heading(visitor, 'Sign in');
    await expect.poll(() => visitor.title()).toBe('Sign in · Acme APIs');
  });
});
