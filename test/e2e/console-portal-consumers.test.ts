import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, eventually, heading, openMenu, openSection, signIn } from './console.js';
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

const PASSWORD = 'consumer-password-1';

interface PortalUser {
  ID: number;
  Email: string;
  Active: boolean;
  OrganisationID: number;
  Organisation: string;
  Teams: { ID: number; Name: string; Default: boolean }[];
}

/** Self-registration through the public API, as the Live Portal's form does it. */
async function register(first: string, last: string, email: string): Promise<{ pending_approval: boolean }> {
  const res = await fetch(`${h!.url}/auth/password/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ first, last, email, password: PASSWORD, password_confirmation: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { Meta: { pending_approval: boolean } }).Meta;
}

async function loginStatus(email: string): Promise<number> {
  const res = await fetch(`${h!.url}/auth/password/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return res.status;
}

async function consumerByEmail(email: string): Promise<PortalUser> {
  const list = await callApi(h!, adminKey, 'GET', `/portal-api/users?kind=consumer&q=${encodeURIComponent(email)}`);
  const found = (list.body as PortalUser[]).find((u) => u.Email === email);
  expect(found, email).toBeDefined();
  const one = await callApi(h!, adminKey, 'GET', `/portal-api/users/${found!.ID}`);
  return one.body as PortalUser;
}

describe('API Consumers > Users, Organisations and teams', () => {
  it('approves a registration in one click, deactivates, auto-approves, reassigns and deletes consumers; manages organisations and teams', async (ctx) => {
    requireChromium(ctx);
    expect(await register('Pat', 'Pending', 'pat@consumer.example')).toEqual({ pending_approval: true });
    expect(await loginStatus('pat@consumer.example')).toBe(403);

    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'API consumers');
    const table = page.getByRole('table', { name: 'API consumers' });
    // Pending at a glance: the count, and the row's status and approve button.
    await page.getByText('1 consumer waits for approval').waitFor();
    await table.getByRole('row', { name: /Pat Pending.*Default Organisation.*Team member.*Inactive/ }).waitFor();
    // Staff are not consumers: the administrator is not listed.
    expect(await table.getByRole('link', { name: `${ADMIN.first} ${ADMIN.last}` }).count()).toBe(0);
    await capture(page, 'console-portal-consumers');

    await table.getByRole('button', { name: 'Approve Pat Pending' }).click();
    await table.getByRole('row', { name: /Pat Pending.*Active/ }).waitFor();
    await table.getByRole('button', { name: 'Approve Pat Pending' }).waitFor({ state: 'detached' });
    await page.getByText('1 consumer waits for approval').waitFor({ state: 'detached' });
    expect(await loginStatus('pat@consumer.example')).toBe(200);
    // The link in the administrators' "new registration" email opens this consumer's page.
    const pat = await consumerByEmail('pat@consumer.example');
    await page.goto(pages.portalUser(pat.ID));
    await heading(page, 'Pat Pending');
    await openSection(page, 'API consumers');

    // Deactivating asks first, then takes effect at once.
    await openMenu(page, 'Pat Pending', 'Deactivate');
    const deactivate = page.getByRole('dialog', { name: 'Deactivate Pat Pending?' });
    await deactivate.getByRole('button', { name: 'Deactivate' }).click();
    await deactivate.waitFor({ state: 'detached' });
    await table.getByRole('row', { name: /Pat Pending.*Inactive/ }).waitFor();
    expect(await loginStatus('pat@consumer.example')).toBe(403);
    await openMenu(page, 'Pat Pending', 'Activate');
    await table.getByRole('row', { name: /Pat Pending.*Active/ }).waitFor();
    expect(await loginStatus('pat@consumer.example')).toBe(200);

    // Auto-approve: a new registration is active at once.
    expect((await callApi(h!, adminKey, 'PUT', '/portal-api/settings/general', { AutoApproveConsumers: true })).status).toBe(200);
    expect(await register('Ava', 'Auto', 'ava@consumer.example')).toEqual({ pending_approval: false });
    expect(await loginStatus('ava@consumer.example')).toBe(200);
    await page.reload();
    await heading(page, 'API consumers');
    await table.getByRole('row', { name: /Ava Auto.*Active/ }).waitFor();

    // Organisations and teams: create, add teams, rename both.
    await openSection(page, 'Organisations', 'Organisations and teams');
    const orgs = page.getByRole('table', { name: 'Organisations' });
    await orgs.getByRole('row', { name: /Default Organisation.*Default/ }).waitFor();
    // The Default Organisation cannot be deleted: its menu has no Delete.
    await page.getByRole('button', { name: 'Actions for Default Organisation' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Delete' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const addOrg = page.getByRole('dialog', { name: 'Add organisation' });
    await addOrg.getByLabel('Organisation name').fill('Default organisation');
    await addOrg.getByRole('button', { name: 'Create organisation' }).click();
    // Names are unique whatever their case: the server's message shows next to the field.
    await addOrg.getByText('an organisation with this name already exists').waitFor();
    await addOrg.getByLabel('Organisation name').fill('Acme');
    await addOrg.getByRole('button', { name: 'Create organisation' }).click();
    await heading(page, 'Acme');
    const teams = page.getByRole('table', { name: 'Teams of Acme' });
    await teams.getByRole('row', { name: /Acme All users.*Default team/ }).waitFor();
    for (const name of ['Mobile', 'Web']) {
      await page.getByRole('button', { name: 'Add team' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a team to Acme' });
      await dialog.getByLabel('Team name').fill(name);
      await dialog.getByRole('button', { name: 'Create team' }).click();
      await dialog.waitFor({ state: 'detached' });
      await teams.getByRole('row', { name: new RegExp(`^${name}`) }).waitFor();
    }
    await page.getByLabel('Organisation name').fill('Acme Corp');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'Acme Corp');
    await openMenu(page, 'Mobile', 'Rename');
    const rename = page.getByRole('dialog', { name: 'Rename Mobile' });
    await rename.getByLabel('Team name').fill('Mobile apps');
    await rename.getByRole('button', { name: 'Save changes' }).click();
    const mobileRow = page.getByRole('table', { name: 'Teams of Acme Corp' }).getByRole('row', { name: /Mobile apps/ });
    await mobileRow.waitFor();
    // A default team cannot be deleted.
    await page.getByRole('button', { name: 'Actions for Acme All users' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Delete' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await capture(page, 'console-portal-organisation-edit');
    const orgList = (await callApi(h!, adminKey, 'GET', '/portal-api/organisations')).body as { ID: number; Name: string }[];
    const acme = orgList.find((o) => o.Name === 'Acme Corp');
    expect(acme).toBeDefined();

    // Reassign Pat to Acme Corp, teams "Acme All users" and "Mobile apps".
    await openSection(page, 'API consumers');
    await table.getByRole('link', { name: 'Pat Pending' }).click();
    await heading(page, 'Pat Pending');
    await page.getByRole('checkbox', { name: 'Default Organisation All users (default team)' }).waitFor();
    await capture(page, 'console-portal-consumer-edit');
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Acme Corp' });
    await page.getByRole('checkbox', { name: 'Acme All users (default team)' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Acme All users (default team)' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Mobile apps' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const moved = await eventually(() => consumerByEmail('pat@consumer.example'), (u) => u.OrganisationID === acme!.ID);
    expect(moved.OrganisationID).toBe(acme!.ID);
    expect(moved.Teams.map((t) => t.Name).sort()).toEqual(['Acme All users', 'Mobile apps']);

    // The list filters by organisation and team.
    await openSection(page, 'API consumers');
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Acme Corp' });
    await table.getByRole('link', { name: 'Ava Auto' }).waitFor({ state: 'detached' });
    await table.getByRole('row', { name: /Pat Pending.*Acme Corp/ }).waitFor();
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Web' });
    await page.getByText('No consumer matches').waitFor();
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Mobile apps' });
    await table.getByRole('link', { name: 'Pat Pending' }).waitFor();

    // Deleting a team says where its members go: the organisation's default team.
    await openSection(page, 'Organisations', 'Organisations and teams');
    await orgs.getByRole('link', { name: 'Acme Corp' }).click();
    await heading(page, 'Acme Corp');
    await openMenu(page, 'Mobile apps', 'Delete');
    const deleteTeam = page.getByRole('dialog', { name: 'Delete team Mobile apps?' });
    await deleteTeam.getByText('Its 1 member stays in Acme Corp and joins its default team, “Acme All users”.').waitFor();
    await deleteTeam.getByRole('button', { name: 'Delete team' }).click();
    await deleteTeam.waitFor({ state: 'detached' });
    await mobileRow.waitFor({ state: 'detached' });
    expect((await consumerByEmail('pat@consumer.example')).Teams.map((t) => t.Name)).toEqual(['Acme All users']);

    // Deleting an organisation says, before confirming, that its users move to the Default Organisation.
    await page.getByRole('link', { name: 'Back to organisations' }).click();
    await heading(page, 'Organisations and teams');
    await orgs.getByRole('link', { name: 'Acme Corp' }).waitFor();
    await capture(page, 'console-portal-organisations');
    await openMenu(page, 'Acme Corp', 'Delete');
    const deleteOrg = page.getByRole('dialog', { name: 'Delete Acme Corp?' });
    await deleteOrg.getByText('Its 1 user is not deleted: the user moves to Default Organisation, team “Default Organisation All users”.').waitFor();
    await deleteOrg.getByRole('button', { name: 'Delete organisation' }).click();
    await deleteOrg.waitFor({ state: 'detached' });
    await orgs.getByRole('link', { name: 'Acme Corp' }).waitFor({ state: 'detached' });
    const home = await consumerByEmail('pat@consumer.example');
    expect(home.Organisation).toBe('Default Organisation');
    expect(home.Teams.map((t) => t.Name)).toEqual(['Default Organisation All users']);

    // Delete a consumer from the three-dot menu, after confirming.
    await openSection(page, 'API consumers');
    await openMenu(page, 'Ava Auto', 'Delete');
    const deleteUser = page.getByRole('dialog', { name: 'Delete Ava Auto?' });
    await deleteUser.getByText(/removed for good/).waitFor();
    await deleteUser.getByRole('button', { name: 'Cancel' }).click();
    await deleteUser.waitFor({ state: 'detached' });
    await table.getByRole('link', { name: 'Ava Auto' }).waitFor();
    await openMenu(page, 'Ava Auto', 'Delete');
    await deleteUser.getByRole('button', { name: 'Delete user' }).click();
    await table.getByRole('link', { name: 'Ava Auto' }).waitFor({ state: 'detached' });
    const gone = await callApi(h!, adminKey, 'GET', '/portal-api/users?kind=consumer&q=ava%40consumer.example');
    expect(gone.body).toEqual([]);
    expect(await loginStatus('ava@consumer.example')).toBe(401);
    await page.close();
  });

  it('creates a consumer, and shows a reader of the portal the same screens without edit controls', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'API consumers');
    await page.getByRole('link', { name: 'Add user' }).click();
    await heading(page, 'Add user');
    await page.getByLabel('First name').fill('Cy');
    await page.getByLabel('Last name').fill('Created');
    await page.getByLabel(/^Email/).fill('not-an-email');
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Consumer admin (manages the organisation’s users)' });
    await page.getByRole('checkbox', { name: 'Default Organisation All users (default team)' }).waitFor();
    await page.getByLabel('Initial password').fill(PASSWORD);
    await page.getByRole('checkbox', { name: 'User must change password at the next login' }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    // The server's message for the field shows next to it.
    await expect.poll(() => page.getByLabel(/^Email/).getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByLabel('First name').getAttribute('aria-invalid')).not.toBe('true');
    await page.getByLabel(/^Email/).fill('cy@consumer.example');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'Cy Created');
    expect(await loginStatus('cy@consumer.example')).toBe(200);
    const cy = await consumerByEmail('cy@consumer.example');
    expect(cy.Active).toBe(true);

    // Invite by email: a registration link into an organisation, team and role.
    await openSection(page, 'API consumers');
    await page.getByRole('button', { name: 'Invite by email' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite an API consumer' });
    await invite.getByLabel(/^Email/).fill('invitee@consumer.example');
    await invite.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Default Organisation All users (default team)' });
    await invite.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Consumer admin (manages the organisation’s users)' });
    await capture(page, 'console-portal-consumer-invite');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.waitFor({ state: 'detached' });
    await page.getByText('Invitation sent to invitee@consumer.example').waitFor();
    const invites = await callApi(h!, adminKey, 'GET', '/api/audit-logs?p=-1&action=invite.create');
    const entries = (invites.body as { audit_logs: { user: string; changes: { email: string; role: string } }[] }).audit_logs;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user: ADMIN.email, changes: { email: 'invitee@consumer.example', role: 'consumer-admin' } });

    await createUser(h!, adminKey, { first: 'Rita', last: 'Reader', email: 'rita@example.com', password: 'rita-reads-portal-1', permissions: { portal: 'read' } });
    const reader = await h!.newPage();
    await signIn(reader, 'rita@example.com', 'rita-reads-portal-1');
    await openSection(reader, 'API consumers');
    await reader.getByRole('table', { name: 'API consumers' }).getByRole('link', { name: 'Cy Created' }).waitFor();
    expect(await reader.getByRole('link', { name: 'Add user' }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Invite by email' }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
    await reader.getByRole('link', { name: 'Cy Created' }).click();
    await heading(reader, 'Cy Created');
    expect(await reader.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await reader.getByRole('textbox').count()).toBe(0);
    await openSection(reader, 'Organisations', 'Organisations and teams');
    expect(await reader.getByRole('button', { name: 'Add organisation' }).count()).toBe(0);
    // A missing consumer looks like any missing page.
    await reader.goto('/admin/portal/consumers/999999');
    await heading(reader, 'Not found');
    await page.close();
    await reader.close();
  });
});
