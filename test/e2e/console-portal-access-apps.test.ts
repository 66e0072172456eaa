import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, heading, openMenu, openSection, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';
import { consumerOk } from './portal.js';

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

const PASSWORD = 'consumer-password-1';
const EMAIL = 'casey@consumer.example';

interface Credential {
  ID: number;
  AccessRequestID: number;
  Credential: string;
  CredentialHash: string;
  Revealed: boolean;
}
interface AccessRequest {
  ID: number;
  Status: string;
  DecisionComment: string;
  Credentials: Credential[];
}

async function admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body as T;
}

const asConsumer = <T>(cookie: string, method: string, path: string, body?: unknown) => consumerOk<T>(h!, cookie, method, path, body);

describe('Admin Portal: access requests and apps', () => {
  it('approves and rejects requests with a comment, lists credentials without their keys, rotates and revokes them', async (ctx) => {
    requireChromium(ctx);
    // An API, a catalogue, a product on two plans that both need approval.
    const api = await admin<{ ID: string }>('POST', '/api/apis', {
      api_definition: { name: 'Payments API', active: true, proxy: { listen_path: '/payments/', target_url: 'http://127.0.0.1:9/', strip_listen_path: true } },
    });
    const catalogue = await admin<{ ID: number }>('POST', '/portal-api/catalogues', { Name: 'Public', VisibilityStatus: 'Public' });
    const gold = await admin<{ ID: number }>('POST', '/portal-api/plans', { Name: 'Gold', RateLimit: 10, Per: 60, Quota: 1000, QuotaRenewalRate: 3600, Catalogues: [catalogue.ID] });
    const silver = await admin<{ ID: number }>('POST', '/portal-api/plans', { Name: 'Silver', RateLimit: 5, Per: 60, Quota: 100, QuotaRenewalRate: 3600, Catalogues: [catalogue.ID] });
    const product = await admin<{ ID: number }>('POST', '/portal-api/products', { Name: 'Payments', APIDetails: [{ APIID: api.ID }], Catalogues: [catalogue.ID] }, 201);

    // A consumer registers, is approved, signs in to the Live Portal, creates an app and asks for both plans.
    const registered = await fetch(`${h!.url}/auth/password/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ first: 'Casey', last: 'Consumer', email: EMAIL, password: PASSWORD, password_confirmation: PASSWORD }),
    });
    expect(registered.status).toBe(200);
    const consumer = (await admin<{ ID: number; Email: string }[]>('GET', `/portal-api/users?kind=consumer&q=${encodeURIComponent(EMAIL)}`)).find((u) => u.Email === EMAIL)!;
    await admin('PUT', `/portal-api/users/${consumer.ID}`, { Active: true });
    const login = await fetch(`${h!.url}/auth/password/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const app = await asConsumer<{ ID: number }>(cookie, 'POST', '/apps', { Name: 'Checkout', Description: 'Takes card payments' });
    const goldRequest = await asConsumer<AccessRequest>(cookie, 'POST', '/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: gold.ID });
    const silverRequest = await asConsumer<AccessRequest>(cookie, 'POST', '/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: silver.ID });
    expect([goldRequest.Status, silverRequest.Status]).toEqual(['pending', 'pending']);

    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Access requests');
    await page.getByText('2 requests wait for a decision').waitFor();
    const table = page.getByRole('table', { name: 'Access requests' });
    // Pending first, newest first: the Silver request, then the Gold one.
    const rows = table.getByRole('row');
    await rows.nth(2).waitFor();
    expect(await rows.nth(1).textContent()).toMatch(/Casey Consumer.*Default Organisation.*Checkout.*Payments.*Silver plan.*Pending/);
    expect(await rows.nth(2).textContent()).toMatch(/Casey Consumer.*Checkout.*Payments.*Gold plan.*Pending/);
    await capture(page, 'console-portal-access-requests');

    // Approve Gold with a comment.
    await table.getByRole('button', { name: `Approve access request ${goldRequest.ID}` }).click();
    const approve = page.getByRole('dialog', { name: 'Approve access request' });
    await approve.getByText('the key is shown to them once and never to you').waitFor();
    await approve.getByLabel('Comment (optional)').fill('Welcome aboard');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.waitFor({ state: 'detached' });
    await page.getByText('1 request waits for a decision').waitFor();
    const approved = await admin<AccessRequest>('GET', `/portal-api/access_requests/${goldRequest.ID}`);
    expect(approved).toMatchObject({ Status: 'approved', DecisionComment: 'Welcome aboard' });
    expect(approved.Credentials).toHaveLength(1);
    const credential = approved.Credentials[0]!;

    // The consumer collects the key (the one time it is shown); the console never shows it.
    const revealed = await asConsumer<{ Credential: Credential }>(cookie, 'POST', `/apps/${app.ID}/credentials/${credential.ID}/reveal`);
    const secret = revealed.Credential.Credential;
    expect(secret.length).toBeGreaterThan(16);
    const hash = revealed.Credential.CredentialHash;

    await table.getByRole('link', { name: `Access request ${goldRequest.ID} by Casey Consumer` }).click();
    await heading(page, `Access request ${goldRequest.ID}`);
    const credentials = page.getByRole('table', { name: `Credentials of access request ${goldRequest.ID}` });
    await credentials.getByRole('row', { name: new RegExp(`Credential ${credential.ID}.*Key id …${hash.slice(-8)}.*Active`) }).waitFor();
    await page.getByText('Welcome aboard').waitFor();
    await page.getByText(`Approved by ${ADMIN.email}`).waitFor();
    expect(await page.content()).not.toContain(secret);
    await capture(page, 'console-portal-access-request');

    // Reject Silver with a comment, from its page.
    await page.getByRole('link', { name: 'Back to access requests' }).click();
    await heading(page, 'Access requests');
    await table.getByRole('button', { name: `Reject access request ${silverRequest.ID}` }).click();
    const reject = page.getByRole('dialog', { name: 'Reject access request' });
    await reject.getByLabel('Comment (optional)').fill('Gold covers what you need');
    await reject.getByRole('button', { name: 'Reject', exact: true }).click();
    await reject.waitFor({ state: 'detached' });
    await page.getByText('No request waits for a decision').waitFor();
    expect(await admin<AccessRequest>('GET', `/portal-api/access_requests/${silverRequest.ID}`)).toMatchObject({ Status: 'rejected', DecisionComment: 'Gold covers what you need', Credentials: [] });
    // The status filter.
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Rejected' });
    await table.getByRole('row', { name: /Silver plan.*Rejected/ }).waitFor();
    await table.getByRole('row', { name: /Gold plan/ }).waitFor({ state: 'detached' });

    // Apps: the owner, what the app may call, its credential.
    await openSection(page, 'Apps');
    const apps = page.getByRole('table', { name: 'Apps' });
    await apps.getByRole('row', { name: /Checkout.*Casey Consumer.*Default Organisation.*Payments.*Gold plan/ }).waitFor();
    expect(await apps.getByRole('row', { name: /Checkout/ }).textContent()).not.toContain('Silver');
    await capture(page, 'console-portal-apps');
    await apps.getByRole('link', { name: 'Checkout' }).click();
    await heading(page, 'Checkout');
    await page.getByText(`Casey Consumer (${EMAIL})`).waitFor();
    const appCredentials = page.getByRole('table', { name: 'Credentials of Checkout' });
    await appCredentials.getByRole('row', { name: new RegExp(`Credential ${credential.ID}.*Payments \\(Gold plan\\).*Active`) }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await capture(page, 'console-portal-app');

    // Rotate: the old key stops working; the new one is for the owner only.
    await openMenu(page, `credential ${credential.ID}`, 'Rotate');
    const rotate = page.getByRole('dialog', { name: `Rotate credential ${credential.ID}?` });
    await rotate.getByText('every caller using it is refused from now on', { exact: false }).waitFor();
    await rotate.getByText('The new key is not shown to you. Casey Consumer sees it the next time they open the app', { exact: false }).waitFor();
    await rotate.getByRole('button', { name: 'Rotate credential' }).click();
    await rotate.waitFor({ state: 'detached' });
    await appCredentials.getByRole('row', { name: new RegExp(`Credential ${credential.ID}.*Waiting for the owner`) }).waitFor();
    expect((await callApi(h!, adminKey, 'GET', `/api/keys/${hash}`)).status).toBe(404);
    const afterRotation = await admin<AccessRequest>('GET', `/portal-api/access_requests/${goldRequest.ID}`);
    expect(afterRotation.Credentials).toEqual([expect.objectContaining({ ID: credential.ID, CredentialHash: '', Revealed: false })]);
    // The owner collects the new key; it works, and is not the old one.
    const renewed = (await asConsumer<{ Credential: Credential }>(cookie, 'POST', `/apps/${app.ID}/credentials/${credential.ID}/reveal`)).Credential;
    expect(renewed.Credential).not.toBe(secret);
    expect((await callApi(h!, adminKey, 'GET', `/api/keys/${renewed.CredentialHash}`)).status).toBe(200);

    // Revoke: the key is deleted and the approved request with it.
    await page.reload();
    await heading(page, 'Checkout');
    await openMenu(page, `credential ${credential.ID}`, 'Revoke');
    const revoke = page.getByRole('dialog', { name: `Revoke credential ${credential.ID}?` });
    await revoke.getByText('To call it again, Casey Consumer asks for access anew.', { exact: false }).waitFor();
    await revoke.getByRole('button', { name: 'Revoke credential' }).click();
    await revoke.waitFor({ state: 'detached' });
    await page.getByText('No credentials').waitFor();
    expect((await callApi(h!, adminKey, 'GET', `/api/keys/${renewed.CredentialHash}`)).status).toBe(404);
    expect((await callApi(h!, adminKey, 'GET', `/portal-api/access_requests/${goldRequest.ID}`)).status).toBe(404);

    // Deleting the app asks first.
    await page.getByRole('button', { name: 'Delete app' }).click();
    const del = page.getByRole('dialog', { name: 'Delete “Checkout”?' });
    await del.getByText('It holds no credential, so no caller is affected.', { exact: false }).waitFor();
    await del.getByRole('button', { name: 'Delete app' }).click();
    await heading(page, 'Apps');
    await page.getByText('No apps yet').waitFor();
    expect((await callApi(h!, adminKey, 'GET', `/portal-api/apps/${app.ID}`)).status).toBe(404);

    // A missing app or request shows the not-found page.
    await page.goto(`/admin/portal/apps/${app.ID}`);
    await heading(page, 'Not found');
    await page.goto(`/admin/portal/access-requests/${goldRequest.ID}`);
    await heading(page, 'Not found');
  });
});
