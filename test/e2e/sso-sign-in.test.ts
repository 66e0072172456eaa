import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type RegisteredClient, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { ADMIN, bootstrapAdmin, callApi, capture, dismissNotifications, heading, openSection, signIn } from './console.js';
import { chromiumAvailable, requireChromium, screenshot, startBrowserHarness, type BrowserHarness } from './harness.js';

/** A free port, so that the server's public address (and the redirect URIs registered at the provider) is known beforehand. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let h: BrowserHarness | undefined;
let idp: TestOidcProvider | undefined;
let client: RegisteredClient;
let adminKey = '';
let engineers = '';

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  idp = await startOidcProvider();
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  client = await idp.registerClient({
    redirect_uris: [`${publicUrl}/auth/sso/staff-idp/callback`, `${publicUrl}/auth/sso/partner-idp/callback`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  h = await startBrowserHarness({ PORTCULLIS_SECRETS_KEY: 'e2e-secrets-key-0123456789abcdef-0123', PORTCULLIS_PUBLIC_URL: publicUrl }, { port });
  adminKey = await bootstrapAdmin(h);
  const group = await callApi(h, adminKey, 'POST', '/api/usergroups', { name: 'Engineers', user_permissions: { apis: 'read' } });
  engineers = (group.body as { Meta: string }).Meta;
});
afterAll(async () => {
  await h?.close();
  await idp?.close();
});

/** The provider's own sign-in page (oidc-provider's): its form has `login` and `password` and a "Sign-in" button. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').waitFor();
  await screenshot(page, 'sso-provider-sign-in-page');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('single sign-on in the browser', () => {
  it('an administrator adds a staff profile in Settings > Single sign-on and tests it; staff sign in through the provider and land in the console', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Single sign-on');
    await page.getByText('No single sign-on profiles yet').waitFor();

    await page.getByRole('link', { name: 'Add profile' }).click();
    await heading(page, 'New single sign-on profile');
    await page.getByRole('textbox', { name: /^Name/ }).fill('Staff through Acme ID');
    await page.getByLabel(/^Profile key/).fill('staff-idp');
    await page.getByRole('combobox', { name: 'Who signs in with it' }).selectOption({ label: 'Staff, into the console' });
    await page.getByLabel(/^Provider name/).fill('Acme ID');
    await page.getByLabel(/^Discovery URL/).fill('http://idp.example.com/.well-known/openid-configuration');
    await page.getByLabel(/^Client ID/).fill(client.client_id);
    await page.getByLabel(/^Client secret/).fill(client.client_secret!);
    await page.getByLabel(/^Scopes/).fill('openid email profile groups');
    await page.getByLabel(/^Group claim/).fill('groups');
    await page.getByRole('button', { name: 'Add a claim value' }).click();
    await page.getByRole('textbox', { name: 'Claim value 1' }).fill('eng');
    await page.getByRole('combobox', { name: 'User group for claim value 1' }).click();
    await page.getByRole('option', { name: 'Engineers' }).click();
    await page.getByRole('button', { name: 'Create profile' }).click();
    // Plain http is refused for a provider that is not on loopback; the message sits at its field.
    await page.getByText('must use https (plain http is allowed only for a provider on loopback)').waitFor();
    expect(await page.getByLabel(/^Discovery URL/).getAttribute('aria-invalid')).toBe('true');
    await capture(page, 'console-sso-profile-form');
    await page.getByLabel(/^Discovery URL/).fill(idp!.discoveryUrl);
    await page.getByRole('button', { name: 'Create profile' }).click();
    await heading(page, 'Staff through Acme ID');
    await page.getByText(`${h!.url}/auth/sso/staff-idp/callback`).waitFor();

    await page.getByRole('button', { name: 'Test this profile' }).click();
    await page.getByText('The profile works').waitFor();
    await page.getByText(`The provider ${idp!.issuer} answered with a valid discovery document.`, { exact: false }).waitFor();
    await dismissNotifications(page);
    await capture(page, 'console-sso-profile-tested');

    const saved = await callApi(h!, adminKey, 'GET', '/portal-api/sso_profiles/staff-idp');
    expect(saved.body).toMatchObject({ ActionType: 'GenerateOrLoginUserProfile', UserGroupMapping: { eng: engineers }, ProviderConfig: { ClientSecretSet: true } });
    expect(JSON.stringify(saved.body)).not.toContain(client.client_secret!);

    await openSection(page, 'Single sign-on');
    await page.getByRole('row', { name: /Staff through Acme ID/ }).waitFor();
    await capture(page, 'console-sso-profiles');

    // A new browser: the console's sign-in page offers the provider; its page signs alice in; the console opens.
    idp!.setAccount('alice', { email: 'alice@example.com', email_verified: true, given_name: 'Alice', family_name: 'Liddell', groups: ['eng'] });
    const staff = await h!.newPage();
    await staff.goto('/admin/sign-in');
    await heading(staff, 'Sign in');
    await staff.getByRole('link', { name: 'Sign in with Acme ID' }).waitFor();
    await capture(staff, 'console-sign-in-with-sso');
    await staff.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await signInAtProvider(staff, 'alice');
    await heading(staff, /^Welcome/);
    expect(new URL(staff.url()).pathname).toBe('/admin/');
    await staff.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'APIs', exact: true }).waitFor();
    await capture(staff, 'console-after-sso');
  });

  it('a consumer signs in through the provider and lands in the Live Portal; SSO-only hides the password form', async (ctx) => {
    requireChromium(ctx);
    const created = await callApi(h!, adminKey, 'POST', '/portal-api/sso_profiles', {
      ID: 'partner-idp',
      Name: 'Partners',
      ActionType: 'GenerateOrLoginDeveloperProfile',
      ProviderName: 'Partner ID',
      ProviderConfig: { DiscoveryURL: idp!.discoveryUrl, ClientID: client.client_id, ClientSecret: client.client_secret },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    idp!.setAccount('bob', { email: 'bob@partner.example', email_verified: true, given_name: 'Bob', family_name: 'Builder' });
    const page = await h!.newPage();
    await page.goto('/auth/password/login');
    await heading(page, 'Sign in');
    await page.getByLabel('Email').waitFor();
    await page.getByRole('link', { name: 'Sign in with Partner ID' }).click();
    await signInAtProvider(page, 'bob');
    await heading(page, 'My dashboard');
    expect(new URL(page.url()).pathname).toBe('/portal/dashboard');
    await capture(page, 'portal-after-sso');

    const profile = (await callApi(h!, adminKey, 'GET', '/portal-api/sso_profiles/partner-idp')).body as Record<string, unknown>;
    expect((await callApi(h!, adminKey, 'PUT', '/portal-api/sso_profiles/partner-idp', { ...profile, SSOOnly: true })).status).toBe(200);
    const fresh = await h!.newPage();
    await fresh.goto('/auth/password/login');
    await heading(fresh, 'Sign in');
    await fresh.getByRole('link', { name: 'Sign in with Partner ID' }).waitFor();
    await fresh.getByText('Password sign-in is switched off').waitFor();
    expect(await fresh.getByLabel('Email').count()).toBe(0);
    expect(await fresh.getByRole('link', { name: 'Create an account' }).count()).toBe(0);
    await capture(fresh, 'portal-sign-in-sso-only');
  });
});
