import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailServer, type MailServer } from '../helpers/smtp.js';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, eventually, heading, openSection, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
let adminKey = '';
let mail: MailServer | undefined;
beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
  adminKey = await bootstrapAdmin(h);
  mail = await startMailServer();
});
afterAll(async () => {
  await mail?.stop();
  await h?.close();
});

interface PortalUser {
  ID: number;
  First: string;
  Last: string;
  Email: string;
  Role: string;
  Active: boolean;
  ResetPassword: boolean;
}

const GRACE = { first: 'Grace', last: 'Hopper', email: 'grace@example.com', password: 'initial-cobol-1959', next: 'compiler-pioneer-1952' };

async function adminUserByEmail(email: string): Promise<PortalUser | undefined> {
  const res = await callApi(h!, adminKey, 'GET', `/portal-api/users?role=provider-admin&q=${encodeURIComponent(email)}`);
  expect(res.status).toBe(200);
  const summary = (res.body as PortalUser[]).find((u) => u.Email === email);
  if (!summary) return undefined;
  return (await callApi(h!, adminKey, 'GET', `/portal-api/users/${summary.ID}`)).body as PortalUser;
}

async function openAdminPortal(page: Page, label: string, h1: string): Promise<void> {
  await openSection(page, label, h1);
}

describe('Admin Portal: Settings > Admin users', () => {
  it('adds an admin user as the seed describes, who is made to change the password; deactivates and deletes them', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openAdminPortal(page, 'Admin users', 'Admin users');
    // The bootstrapped administrator is listed with a numeric Id as super-admin, and the roles are explained.
    await page.getByRole('row', { name: new RegExp(ADMIN.email) }).getByText('super-admin', { exact: true }).waitFor();
    await page.getByText(/Both roles can do exactly the same things/).waitFor();

    // 1. Select Add new admin user
    await page.getByRole('link', { name: 'Add new admin user' }).click();
    await heading(page, 'Add new admin user');
    // 2. a first and last name, 3. a unique email
    await page.getByLabel('First name').fill(GRACE.first);
    await page.getByLabel('Last name').fill(GRACE.last);
    await page.getByLabel('Email').fill(ADMIN.email); // taken: the server's error shows next to the field
    // 4. Active, 5. User must change password at the next login (checked by default, as recommended)
    await page.getByRole('checkbox', { name: 'Active' }).check();
    const mustChange = page.getByRole('checkbox', { name: 'User must change password at the next login' });
    expect(await mustChange.isChecked()).toBe(true);
    // 6. an initial password
    await page.getByLabel('Initial password').fill(GRACE.password);
    await capture(page, 'console-portal-admin-user-form');
    // 7. Save changes
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('a user with this email already exists').waitFor();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Email').fill(GRACE.email);
    await page.getByRole('button', { name: 'Save changes' }).click();

    // The new user has a numeric Id and is in the list as provider-admin.
    await heading(page, 'Admin users');
    const created = await adminUserByEmail(GRACE.email);
    expect(created).toMatchObject({ First: GRACE.first, Last: GRACE.last, Role: 'provider-admin', Active: true, ResetPassword: true });
    const row = page.getByRole('row', { name: new RegExp(GRACE.email) });
    await row.getByRole('cell', { name: String(created!.ID), exact: true }).waitFor();
    await row.getByText('provider-admin', { exact: true }).waitFor();
    await capture(page, 'console-portal-admin-users');

    // Search narrows the list on the server.
    await page.getByLabel('Search admin users').fill('hopper');
    await page.getByRole('row', { name: new RegExp(ADMIN.email) }).waitFor({ state: 'detached' });
    await row.waitFor();
    await page.getByLabel('Search admin users').fill('');

    // The new admin signs in with the initial password and must choose a new one first.
    const grace = await h!.newPage();
    await grace.goto('/admin/sign-in');
    await heading(grace, 'Sign in');
    await grace.getByLabel('Email').fill(GRACE.email);
    await grace.getByLabel(/^Password/).fill(GRACE.password);
    await grace.getByRole('button', { name: 'Sign in' }).click();
    await heading(grace, 'Choose a new password');
    await grace.getByLabel('Current password').fill(GRACE.password);
    await grace.getByLabel(/^New password/).fill(GRACE.next);
    await grace.getByLabel('Repeat the new password').fill(GRACE.next);
    await grace.getByRole('button', { name: 'Change password' }).click();
    await grace.getByRole('button', { name: 'Continue to the console' }).click();
    // A provider-admin is an API Owner: the Admin Portal is where they land.
    await heading(grace, 'Admin Portal');
    expect(new URL(grace.url()).pathname).toBe('/admin/portal');
    expect((await adminUserByEmail(GRACE.email))!.ResetPassword).toBe(false);

    // Deactivate: untick Active on their page and Save changes.
    await page.getByRole('link', { name: `${GRACE.first} ${GRACE.last}` }).click();
    await heading(page, `${GRACE.first} ${GRACE.last}`);
    await page.getByText(`Admin user Id ${created!.ID}`).waitFor();
    await page.getByRole('checkbox', { name: 'Active' }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`${GRACE.first} ${GRACE.last} saved: inactive`).waitFor();
    expect((await eventually(() => adminUserByEmail(GRACE.email), (u) => u?.Active === false))!.Active).toBe(false);
    // Their session stops working at once: the console sends them to sign in.
    await grace.reload();
    await heading(grace, 'Sign in');

    // Delete from the three-dot menu, after confirming.
    await page.getByRole('link', { name: 'Back to admin users' }).click();
    await heading(page, 'Admin users');
    await page.getByRole('button', { name: `Actions for ${GRACE.first} ${GRACE.last}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete admin user?' });
    await dialog.getByText(GRACE.email, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await adminUserByEmail(GRACE.email)).toBeDefined();
    await page.getByRole('button', { name: `Actions for ${GRACE.first} ${GRACE.last}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete admin user' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(GRACE.email) }).waitFor({ state: 'detached' });
    expect((await callApi(h!, adminKey, 'GET', `/portal-api/users/${created!.ID}`)).status).toBe(404);

    // A missing admin user's address shows the not-found page.
    await page.goto(`/admin/portal/admin-users/${created!.ID}`);
    await heading(page, 'Not found');
    await page.close();
    await grace.close();
  });
});

describe('Admin Portal: Settings > General', () => {
  it('saves auto-approve, a registration rule and the SMTP settings, and sends a test email that arrives', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openAdminPortal(page, 'General settings', 'General settings');
    await page.getByText('SMTP password: not set').waitFor();

    // Auto-approve, and save.
    const autoApprove = page.getByRole('switch', { name: 'Auto-approve API consumers registering to the portal' });
    expect(await autoApprove.isChecked()).toBe(false);
    await autoApprove.check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved').waitFor();
    const settings = async () => (await callApi(h!, adminKey, 'GET', '/portal-api/settings/general')).body as Record<string, unknown>;
    expect((await eventually(settings, (s) => s.AutoApproveConsumers === true)).AutoApproveConsumers).toBe(true);

    // A registration rule: the organisation's default team is chosen with it.
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('group', { name: /^Rule 1/ });
    await rule.getByLabel('Email domain').fill('acme.com');
    await rule.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: 'Default Organisation' }).click();
    await rule.getByRole('checkbox', { name: 'Approve automatically' }).check();
    await expect.poll(async () => rule.getByRole('combobox', { name: 'Team' }).inputValue()).not.toBe('');

    // SMTP: a real mail server started by the test, and a password that is write-only.
    await page.getByLabel('SMTP host').fill('127.0.0.1');
    await page.getByLabel('SMTP port').fill(String(mail!.port));
    await page.getByLabel('Sender email').fill('portal@example.com');
    await page.getByLabel('SMTP password').fill('mail-secret-42');
    // The test uses saved settings: it waits for the save.
    expect(await page.getByRole('button', { name: 'Send test email' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('SMTP password: set').waitFor();
    const saved = await settings();
    expect(saved).toMatchObject({ SMTPHost: '127.0.0.1', SMTPPort: mail!.port, SenderEmail: 'portal@example.com', SMTPPasswordSet: true, AutoApproveConsumers: true });
    expect(saved.RegistrationRules).toEqual([expect.objectContaining({ Domain: 'acme.com', AutoApprove: true })]);
    expect(JSON.stringify(saved)).not.toContain('mail-secret-42');
    // The mail server here needs no sign-in: clear the password again through the checkbox.
    await page.getByRole('checkbox', { name: 'Remove the stored SMTP password' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('SMTP password: not set').waitFor();

    // Send test email: it arrives.
    await page.getByLabel('Send the test email to').fill('ops@example.com');
    await page.getByRole('button', { name: 'Send test email' }).click();
    await page.getByRole('status').filter({ hasText: 'Test email sent' }).waitFor();
    const got = await mail!.find('ops@example.com', 'Portcullis test email');
    expect(got.to).toEqual(['ops@example.com']);
    expect(got.subject).toBe('Portcullis test email');
    await capture(page, 'console-portal-settings');

    // A mail server that cannot be reached: the error says so, in an alert.
    const gone = await startMailServer();
    const closedPort = gone.port;
    await gone.stop();
    await page.getByLabel('SMTP port').fill(String(closedPort));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Send test email' }).click();
    await page.getByRole('alert').filter({ hasText: 'The test email was not sent' }).getByText(/did not accept the test email/).waitFor();
    await page.close();
  });

  it('shows the settings read-only to a user with portal: read', async (ctx) => {
    requireChromium(ctx);
    await createUser(h!, adminKey, { first: 'Rita', last: 'Reader', email: 'rita@example.com', password: 'reader-password-1', permissions: { portal: 'read' } });
    const page = await h!.newPage();
    await signIn(page, 'rita@example.com', 'reader-password-1');
    await openAdminPortal(page, 'General settings', 'General settings');
    await page.getByRole('switch', { name: 'Auto-approve API consumers registering to the portal' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send test email' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add rule' }).count()).toBe(0);
    await openAdminPortal(page, 'Admin users', 'Admin users');
    await page.getByText('Admin users are not shown to you').waitFor();
    expect(await page.getByRole('link', { name: 'Add new admin user' }).count()).toBe(0);
    await page.close();
  });
});

describe('Admin Portal: Access review', () => {
  it('lists who holds which role, permissions and APIs, filters, and downloads the CSV', async (ctx) => {
    requireChromium(ctx);
    const dora = await createUser(h!, adminKey, { first: 'Dora', last: 'Owner', email: 'dora@example.com', password: 'dora-password-1', permissions: { apis: 'read', portal: 'read' } });
    const api = await callApi(h!, adminKey, 'POST', '/api/apis', {
      api_definition: { name: 'Billing API', proxy: { listen_path: '/billing/', target_url: 'http://upstream.example' } },
      user_owners: [dora],
    });
    expect(api.status, JSON.stringify(api.body)).toBe(200);

    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openAdminPortal(page, 'Access review', 'Access review');
    const adminRow = page.getByRole('row', { name: new RegExp(`^${ADMIN.first} ${ADMIN.last}`) });
    await adminRow.getByText('super-admin', { exact: true }).waitFor();
    await adminRow.getByText('Everything (administrator)').waitFor();
    const doraRow = page.getByRole('row', { name: /^Dora Owner/ });
    await doraRow.getByText('dashboard-user', { exact: true }).waitFor();
    await doraRow.getByText(/apis: read/).waitFor();
    await doraRow.getByText('Billing API').waitFor();
    await capture(page, 'console-portal-access-review');

    // Filter by role.
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'dashboard-user' }).click();
    await adminRow.waitFor({ state: 'detached' });
    await doraRow.waitFor();
    // Filter by text: an API's name finds its owner.
    await page.getByLabel('Filter').fill('no such person');
    await page.getByText('Nobody matches the filter').waitFor();
    await page.getByLabel('Filter').fill('billing');
    await doraRow.waitFor();

    // The CSV for the auditors.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('admin-review.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(ADMIN.email);
    expect(csv).toContain('dora@example.com');
    expect(csv).toContain('Billing API');
    await page.close();
  });
});
