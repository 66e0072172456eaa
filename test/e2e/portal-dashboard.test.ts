import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { bootstrapAdmin, callApi, capture, heading } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';
import { startUpstream } from './portal.js';

/*
 * My dashboard: a consumer signs in to the Live Portal, requests access from a
 * product's page for a new app on a plan approved at once, reveals and copies
 * the key, which works through the gateway; a request on a plan needing approval
 * shows pending, then approved with the administrator's comment; rotation,
 * revocation and deleting the app, each confirmed, each checked at the gateway.
 */

let h: BrowserHarness | undefined;
let adminKey = '';
let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
let upstreamUrl = '';

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  upstream = await startUpstream();
  upstreamUrl = upstream.url;
  // Where consumers reach the gateway, as an operator behind a load balancer would set it: the examples show it.
  h = await startBrowserHarness({ PORTCULLIS_GATEWAY_PUBLIC_URL: 'https://api.weather.example' }, { gateway: true });
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
  await upstream?.close();
});

const DANA = { first: 'Dana', last: 'Developer', email: 'dana@consumer.example', password: 'dana-password-1' } as const;

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}

/** The status the gateway answers a call to the Weather API with this key. */
async function gateway(key: string): Promise<number> {
  const res = await fetch(`${h!.server.gateway!.url}/weather/today`, { headers: { authorization: key } });
  await res.text();
  return res.status;
}

interface AppView {
  ID: number;
  Name: string;
  AccessRequests: { ID: number; Status: string; Plan: string; DecisionComment: string; Credentials: { ID: number; Revealed: boolean }[] }[];
}

/** The consumer's app as the portal's API shows it (session cookie of the page). */
async function appOf(page: Page, id: number): Promise<{ status: number; app: AppView | undefined }> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await fetch(`${h!.url}/portal/api/apps/${id}`, { headers: { cookie } });
  return { status: res.status, app: res.ok ? ((await res.json()) as AppView) : undefined };
}

async function openProduct(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'APIs' }).click();
  await heading(page, 'APIs on offer');
  await page.getByRole('link', { name: 'Weather', exact: true }).click();
  await heading(page, 'Weather');
}

describe('My dashboard', () => {
  it('requests access from a product page, reveals and copies the key that works at the gateway, follows an approval, rotates, revokes and deletes', async (ctx) => {
    requireChromium(ctx);
    const { ID: apiId } = await admin<{ ID: string }>('POST', '/api/apis', {
      api_definition: { name: 'Weather API', active: true, proxy: { listen_path: '/weather/', target_url: upstreamUrl, strip_listen_path: true } },
    });
    const product = await admin<{ ID: number }>('POST', '/portal-api/products', { Name: 'weather', DisplayName: 'Weather', Description: 'Hourly forecasts.', APIDetails: [{ APIID: apiId }] });
    const free = await admin<{ ID: number }>('POST', '/portal-api/plans', { Name: 'free', DisplayName: 'Free', UnlimitedRateLimit: true, UnlimitedQuota: true, AutoApproveAccessRequests: true });
    const pro = await admin<{ ID: number }>('POST', '/portal-api/plans', { Name: 'pro', DisplayName: 'Pro', RateLimit: 100, Per: 60, UnlimitedQuota: true });
    await admin('POST', '/portal-api/catalogues', { Name: 'Public APIs', VisibilityStatus: 'Public', Products: [product.ID], Plans: [free.ID, pro.ID] });
    await admin('POST', '/portal-api/users', { First: DANA.first, Last: DANA.last, Email: DANA.email, Password: DANA.password, Active: true });

    // Dana signs in through the Live Portal and lands on an empty dashboard that says what to do first.
    const page = await h!.newPage();
    await page.goto(pages.signIn());
    await heading(page, 'Sign in');
    await page.getByLabel(/^Email/).fill(DANA.email);
    await page.getByLabel(/^Password/).fill(DANA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'My dashboard');
    await page.getByRole('heading', { name: 'You have no app yet' }).waitFor();
    expect(await page.title()).toBe('My dashboard · Developer portal');
    await capture(page, 'portal-dashboard-empty');

    // From the product page, the Free plan (approved at once) for a new app.
    await openProduct(page);
    await page.getByRole('article', { name: 'Free' }).getByRole('button', { name: /Request access/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Request access to Weather' });
    expect(await dialog.getByRole('radio', { name: 'A new app' }).isChecked()).toBe(true);
    await dialog.getByLabel(/^Name of the new app/).fill('Forecast widget');
    await dialog.getByText('This plan is approved at once').waitFor();
    await capture(page, 'portal-request-access');
    await dialog.getByRole('button', { name: 'Request access' }).click();
    await dialog.getByText('“Forecast widget” may call Weather on the Free plan now').waitFor();
    await capture(page, 'portal-request-access-approved');
    await dialog.getByRole('link', { name: 'Open Forecast widget' }).click();
    await heading(page, 'Forecast widget');
    const appId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(new URL(page.url()).pathname).toBe(pages.consumerApp(appId));
    await page.getByRole('link', { name: 'Usage' }).waitFor();
    expect(await page.getByRole('link', { name: 'Usage' }).getAttribute('href')).toBe(pages.consumerAppUsage(appId));
    await page.getByText('curl -H "Authorization: YOUR_KEY" https://api.weather.example/weather/').waitFor();
    await page.getByText('Replace YOUR_KEY with your key. A missing or wrong key is answered 401 or 403.').waitFor();

    // The key is made and shown once, by an explicit action; Copy puts it on the clipboard.
    const freeCard = page.getByRole('article', { name: 'Weather on the Free plan', exact: true });
    await freeCard.getByRole('button', { name: 'Reveal key' }).click();
    const shown = page.getByTestId('key-value');
    await shown.waitFor();
    const key = (await shown.textContent())!.trim();
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h!.url });
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(key);
    await capture(page, 'portal-app-key-revealed');
    expect(await gateway(key)).toBe(200);
    // Hidden again, it is never shown anew: a reload shows it redacted.
    await page.getByRole('button', { name: 'I have copied it: hide the key' }).click();
    await shown.waitFor({ state: 'detached' });
    await page.reload();
    await heading(page, 'Forecast widget');
    await freeCard.getByLabel('Key, hidden').waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await freeCard.getByRole('button', { name: 'Reveal key' }).count()).toBe(0);

    // The Pro plan needs approval: pending, then approved with a comment.
    await openProduct(page);
    await page.getByRole('article', { name: 'Pro' }).getByRole('button', { name: /Request access/ }).click();
    expect(await dialog.getByRole('radio', { name: 'Forecast widget' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Request access' }).click();
    await dialog.getByText('Pending approval').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'My dashboard' }).click();
    await heading(page, 'My dashboard');
    const requests = page.getByRole('list', { name: 'My access requests' });
    await requests.getByRole('listitem', { name: 'Weather on the Pro plan for Forecast widget: pending', exact: true }).getByText('Pending approval').waitFor();
    await page.getByRole('article', { name: 'Forecast widget' }).getByText('May call: Weather (Free plan)', { exact: true }).waitFor();

    const pending = (await appOf(page, appId)).app!.AccessRequests.find((r) => r.Plan === 'pro')!;
    expect(pending.Status).toBe('pending');
    await admin('PUT', `/portal-api/access_requests/${pending.ID}/approve`, { Comment: 'Welcome aboard: mind the rate limit.' });
    await page.reload();
    await heading(page, 'My dashboard');
    const approved = requests.getByRole('listitem', { name: 'Weather on the Pro plan for Forecast widget: approved', exact: true });
    await approved.getByText('Approved', { exact: true }).waitFor();
    await approved.getByText('Administrator’s comment: “Welcome aboard: mind the rate limit.”').waitFor();
    await page.getByRole('article', { name: 'Forecast widget' }).getByText('2 credentials').waitFor();
    await capture(page, 'portal-dashboard');

    // Rotate: confirmed; the new key is shown once; the old one is refused at the gateway.
    await page.getByRole('link', { name: 'Forecast widget' }).first().click();
    await heading(page, 'Forecast widget');
    await capture(page, 'portal-app');
    await freeCard.getByRole('button', { name: 'Rotate key' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate this key?' });
    await rotate.getByText('stops working at once').waitFor();
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await rotate.waitFor({ state: 'detached' });
    const rotated = (await shown.textContent())!.trim();
    expect(rotated).toMatch(/^[0-9a-f]{40}$/);
    expect(rotated).not.toBe(key);
    expect(await gateway(rotated)).toBe(200);
    expect([401, 403]).toContain(await gateway(key));

    // Revoke: the confirmation says callers stop working; then the key is refused and the access gone.
    await freeCard.getByRole('button', { name: 'Revoke key' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke this key?' });
    await revoke.getByText('every program calling with it is refused').waitFor();
    await capture(page, 'portal-app-revoke');
    await revoke.getByRole('button', { name: 'Revoke key' }).click();
    await revoke.waitFor({ state: 'detached' });
    await freeCard.waitFor({ state: 'detached' });
    expect([401, 403]).toContain(await gateway(rotated));
    expect((await appOf(page, appId)).app!.AccessRequests.map((r) => r.Plan)).toEqual(['pro']);

    // Delete the app, confirmed: back on an empty dashboard; the app is gone.
    await page.getByRole('button', { name: 'Delete app' }).click();
    const del = page.getByRole('dialog', { name: 'Delete “Forecast widget”?' });
    await del.getByText('This cannot be undone').waitFor();
    await del.getByRole('button', { name: 'Delete app' }).click();
    await heading(page, 'My dashboard');
    await page.getByRole('heading', { name: 'You have no app yet' }).waitFor();
    expect((await appOf(page, appId)).status).toBe(404);
    // Its page now answers like a missing one.
    await page.goto(pages.consumerApp(appId));
    await heading(page, 'Page not found');
  });
});

describe('OAuth client types and single sign-on only', () => {
  it("offers a DCR product's client types as a labelled choice and sends the one chosen; under SSO-only it links neither to registration nor to a password reset", async (ctx) => {
    requireChromium(ctx);
    const { ID: apiId } = await admin<{ ID: string }>('POST', '/api/apis', {
      api_definition: { name: 'Ledger API', active: true, proxy: { listen_path: '/ledger/', target_url: upstreamUrl, strip_listen_path: true } },
    });
    const provider = await admin<{ ID: number }>('POST', '/portal-api/oauth-providers', { Name: 'Loopback', Type: 'Other', WellKnownURL: 'http://127.0.0.1:9/.well-known/openid-configuration' });
    const clientType = (Name: string, Description: string) =>
      admin<{ ID: number }>('POST', `/portal-api/oauth-providers/${provider.ID}/client-types`, { Name, Description, GrantType: 'client_credentials', ResponseTypes: 'none' });
    const server = await clientType('Server', 'A backend with a secret');
    const mobile = await clientType('Mobile', 'An app on a phone');
    const product = await admin<{ ID: number }>('POST', '/portal-api/products', { Name: 'ledger', DisplayName: 'Ledger', DCREnabled: true, APIDetails: [{ APIID: apiId }] });
    for (const c of [server, mobile]) await admin('POST', `/portal-api/products/${product.ID}/client_types`, { ID: c.ID });
    const plan = await admin<{ ID: number }>('POST', '/portal-api/plans', { Name: 'ledger-plan', DisplayName: 'Standard', RateLimit: 10, Per: 60, UnlimitedQuota: true });
    await admin('POST', '/portal-api/catalogues', { Name: 'Ledger APIs', VisibilityStatus: 'Public', Products: [product.ID], Plans: [plan.ID] });
    const erin = { email: 'erin@consumer.example', password: 'erin-password-1' };
    await admin('POST', '/portal-api/users', { First: 'Erin', Last: 'Example', Email: erin.email, Password: erin.password, Active: true });

    const page = await h!.newPage();
    await page.goto(pages.signIn());
    await heading(page, 'Sign in');
    await page.getByLabel(/^Email/).fill(erin.email);
    await page.getByLabel(/^Password/).fill(erin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'My dashboard');
    await page.goto(pages.product(product.ID));
    await heading(page, 'Ledger');
    await page.getByRole('article', { name: 'Standard' }).getByRole('button', { name: /Request access/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Request access to Ledger' });
    const choice = dialog.getByLabel(/^OAuth client type/);
    expect(await choice.inputValue()).toBe(String(server.ID));
    await choice.selectOption({ label: 'Mobile — An app on a phone' });
    await dialog.getByLabel(/^Name of the new app/).fill('Phone app');
    await capture(page, 'portal-request-access-client-type');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/portal/api/access-requests');
    await dialog.getByRole('button', { name: 'Request access' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ ProductID: product.ID, PlanID: plan.ID, ClientTypeID: mobile.ID });
    await dialog.getByText('Pending approval').waitFor();

    // Consumers SSO-only: a visitor is offered the provider only.
    await admin('POST', '/portal-api/sso_profiles', {
      ID: 'consumers',
      Name: 'Consumers',
      ActionType: 'GenerateOrLoginDeveloperProfile',
      ProviderName: 'Company IdP',
      ProviderConfig: { DiscoveryURL: 'http://127.0.0.1:9/.well-known/openid-configuration', ClientID: 'portal' },
      SSOOnly: true,
    });
    const visitor = await h!.newPage();
    await visitor.goto(pages.signIn());
    await heading(visitor, 'Sign in');
    await visitor.getByText('Password sign-in is switched off').waitFor();
    for (const name of [/Register/, /Create an account/i, /Forgot your password/]) expect(await visitor.getByRole('link', { name }).count()).toBe(0);
    await visitor.goto(pages.product(product.ID));
    await heading(visitor, 'Ledger');
    await visitor.getByText('to request access.').waitFor();
    for (const name of [/Register/, /Create an account/i, /Forgot your password/]) expect(await visitor.getByRole('link', { name }).count()).toBe(0);
    await visitor.goto(pages.consumerDashboard());
    await heading(visitor, 'My dashboard');
    await visitor.getByText('to see your apps').waitFor();
    for (const name of [/Register/, /Create an account/i]) expect(await visitor.getByRole('link', { name }).count()).toBe(0);
  });
});
