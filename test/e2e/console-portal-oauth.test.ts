import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { ADMIN, bootstrapAdmin, callApi, capture, dismissNotifications, eventually, heading, openSection, pick, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
let idp: TestOidcProvider | undefined;
let adminKey = '';
beforeAll(async () => {
  if (!chromiumAvailable()) return;
  idp = await startOidcProvider();
  h = await startBrowserHarness({ PORTCULLIS_SECRETS_KEY: 'a-secrets-key-for-browser-tests-0123456789' });
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
  await idp?.close();
});

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect([200, 201], `${method} ${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.body as T;
}

describe('Admin Portal > OAuth providers', () => {
  it('adds a provider and a client type, and turns on dynamic client registration for a product', async (ctx) => {
    requireChromium(ctx);
    const product = await call<{ ID: number }>('POST', '/portal-api/products', { Name: 'payments', DisplayName: 'Payments' });
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);

    await openSection(page, 'OAuth providers');
    await page.getByText('No OAuth providers yet').waitFor();
    await page.getByLabel(/^Name/).fill('Loopback IdP');
    await page.getByLabel(/^Discovery URL/).fill(idp!.discoveryUrl);
    await page.getByLabel(/^Initial access token/).fill(idp!.initialAccessToken);
    await page.getByRole('button', { name: 'Add provider' }).click();
    await page.getByRole('heading', { level: 2, name: 'Loopback IdP' }).waitFor();
    await dismissNotifications(page);

    await page.getByLabel(/^Client type name/).fill('Server-side');
    await page.getByRole('button', { name: 'Add client type' }).click();
    await page.getByRole('cell', { name: 'Server-side' }).waitFor();
    await dismissNotifications(page);
    const providers = await call<{ ID: number; Name: string }[]>('GET', '/portal-api/oauth-providers');
    expect(providers.map((p) => p.Name)).toEqual(['Loopback IdP']);
    // The token was taken and is never shown: not in the page, not in the answers.
    expect(await page.content()).not.toContain(idp!.initialAccessToken);
    expect(JSON.stringify(await call('GET', `/portal-api/oauth-providers/${providers[0]!.ID}`))).not.toContain(idp!.initialAccessToken);
    await capture(page, 'console-portal-oauth-providers');

    await page.goto(`/admin/portal/products/${product.ID}`);
    await heading(page, 'Payments');
    await page.getByLabel('Register an OAuth client for each approved access request').check({ force: true });
    await pick(page, 'Client types', 'Server', 'Server-side (Loopback IdP)');
    await page.getByRole('button', { name: 'Save client registration' }).click();
    // The confirmation comes once both writes are done and the lists are read again.
    await page.getByText('Client registration saved').waitFor();
    const saved = await eventually(
      () => call<{ ID: number }[]>('GET', `/portal-api/products/${product.ID}/client_types`),
      (list) => list.length === 1,
    );
    expect(saved).toHaveLength(1);
    expect((await call<{ DCREnabled?: boolean }>('GET', `/portal-api/products/${product.ID}`)).DCREnabled).toBe(true);
    await dismissNotifications(page);
    await capture(page, 'console-portal-product-dcr');

    // A consumer's approved request registers a client; the Live Portal shows its id, and its secret once.
    const plan = await call<{ ID: number }>('POST', '/portal-api/plans', { Name: 'std', DisplayName: 'Standard', UnlimitedRateLimit: true, UnlimitedQuota: true });
    await call('POST', '/portal-api/catalogues', { Name: 'Public APIs', VisibilityStatus: 'Public', Products: [product.ID], Plans: [plan.ID] });
    await call('POST', '/portal-api/users', { First: 'Dana', Last: 'Developer', Email: 'dana@consumer.example', Password: 'dana-password-1', Active: true });
    const consumer = await h!.newPage();
    await consumer.goto(pages.signIn());
    await heading(consumer, 'Sign in');
    await consumer.getByLabel(/^Email/).fill('dana@consumer.example');
    await consumer.getByLabel(/^Password/).fill('dana-password-1');
    await consumer.getByRole('button', { name: 'Sign in' }).click();
    await heading(consumer, 'My dashboard');
    const cookie = (await consumer.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const asDana = async <T>(method: string, path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${h!.url}/portal/api${path}`, { method, headers: { cookie, origin: h!.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, path).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const app = await asDana<{ ID: number }>('POST', '/apps', { Name: 'Billing robot' });
    const serverSide = saved[0]!.ID;
    const request = await asDana<{ ID: number }>('POST', '/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: plan.ID, ClientTypeID: serverSide });
    // The reviewer sees the client type the consumer chose.
    await page.goto(`/admin/portal/access-requests/${request.ID}`);
    await heading(page, `Access request ${request.ID}`);
    await page.getByText('OAuth client type', { exact: true }).waitFor();
    expect(await page.getByRole('definition').filter({ hasText: 'Server-side' }).count()).toBe(1);
    await capture(page, 'console-portal-access-request-dcr');
    await call('PUT', `/portal-api/access_requests/${request.ID}/approve`);
    await consumer.goto(pages.consumerApp(app.ID));
    await heading(consumer, 'Billing robot');
    const clientId = (await consumer.getByLabel('Client ID').textContent())!.trim();
    expect(await idp!.hasClient(clientId)).toBe(true);
    await consumer.getByRole('button', { name: 'Reveal client secret' }).click();
    const secret = (await consumer.getByTestId('key-value').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(10);
    // How to call the API with it: a token from the provider, not a key.
    await consumer.getByRole('heading', { level: 2, name: 'Calling the API with your OAuth client' }).waitFor();
    expect(await consumer.getByRole('heading', { name: 'Calling the API with your key' }).count()).toBe(0);
    await capture(consumer, 'portal-app-oauth-client-revealed');
    await consumer.getByRole('button', { name: 'I have copied it: hide the secret' }).click();
    await consumer.reload();
    await consumer.getByLabel('Client secret, hidden').waitFor();
    expect(await consumer.content()).not.toContain(secret);
  });
});
