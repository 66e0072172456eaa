import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, eventually, heading, openSection, signIn } from './console.js';
import { checkAccessibility, chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
let adminKey = '';
beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
});

interface UserView {
  id: string;
  first_name: string;
  last_name: string;
  email_address: string;
  active: boolean;
  group_id: string;
  user_permissions: Record<string, string>;
}
interface GroupView {
  id: string;
  name: string;
  active: boolean;
  user_permissions: Record<string, string>;
}

/** Chooses a section's level in the permission editor (a labelled radio group per section). */
async function setPermission(page: Page, section: string, level: 'Deny' | 'Read' | 'Write' | 'All APIs' | 'Owned APIs'): Promise<void> {
  const radio = page.getByRole('radiogroup', { name: section, exact: true }).getByRole('radio', { name: level, exact: true });
  await radio.check();
  expect(await radio.isChecked()).toBe(true);
}

async function userByEmail(email: string): Promise<UserView> {
  const res = await callApi(h!, adminKey, 'POST', '/api/users/search?p=-1', { filters: { query: email } });
  expect(res.status).toBe(200);
  const found = (res.body as { users: UserView[] }).users.find((u) => u.email_address === email);
  expect(found, `user ${email}`).toBeDefined();
  return found!;
}

async function groupByName(name: string): Promise<GroupView> {
  const res = await callApi(h!, adminKey, 'GET', '/api/usergroups?p=-1');
  const found = (res.body as { groups: GroupView[] }).groups.find((g) => g.name === name);
  expect(found, `group ${name}`).toBeDefined();
  return found!;
}

/** Creates an API owned by the given users and groups (through the API: the ownership screens are not tested here). */
async function ownedApi(name: string, owners: { users?: string[]; groups?: string[] }): Promise<string> {
  const res = await callApi(h!, adminKey, 'POST', '/api/apis', {
    api_definition: { name, proxy: { listen_path: `/${name.toLowerCase().replace(/\W+/g, '-')}/`, target_url: 'http://upstream.example' } },
    user_owners: owners.users ?? [],
    user_group_owners: owners.groups ?? [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { Meta: string }).Meta;
}

async function owners(apiId: string): Promise<{ userIds: string[]; userGroupIds: string[] }> {
  const res = await callApi(h!, adminKey, 'GET', `/api/apis/${apiId}/access`);
  expect(res.status).toBe(200);
  return res.body as { userIds: string[]; userGroupIds: string[] };
}

describe('the Users and User groups screens', () => {
  it('creates groups and users through the permission editor, shows the key once, searches, edits and deactivates', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);

    // User groups: empty at first, then Team A made in the editor.
    await openSection(page, 'User groups');
    await page.getByText('No user groups yet').waitFor();
    await page.getByRole('link', { name: 'New user group' }).click();
    await heading(page, 'New user group');
    // Groups cannot be administrators: no Admin switch here.
    expect(await page.getByRole('switch', { name: 'Administrator' }).count()).toBe(0);
    await page.getByLabel('Name').fill('Team A');
    await page.getByLabel('Description').fill('Builds and runs API1');
    await setPermission(page, 'APIs', 'Write');
    await setPermission(page, 'Analytics', 'Read');
    await setPermission(page, 'Analytics of', 'Owned APIs');
    await page.getByRole('button', { name: 'Create user group' }).click();
    await heading(page, 'Team A');
    await capture(page, 'console-user-group-edit');
    const teamA = await groupByName('Team A');
    expect(teamA.user_permissions).toMatchObject({ apis: 'write', analytics: 'read', owned_analytics: 'read', keys: 'deny' });

    await page.getByRole('link', { name: 'Back to user groups' }).click();
    await heading(page, 'User groups');
    await page.getByRole('link', { name: 'Team A' }).waitFor();
    await capture(page, 'console-user-groups-list');

    // A user with their own permissions; the access key is shown once.
    await openSection(page, 'Users');
    await page.getByRole('link', { name: 'New user' }).click();
    await heading(page, 'New user');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Initial password').fill('cobol-compiler-1959');
    await page.getByLabel('User must change password at the next sign-in').uncheck();
    await setPermission(page, 'Keys', 'Write');
    await setPermission(page, 'APIs', 'Read');
    await setPermission(page, 'Users', 'Read');
    await page.getByRole('button', { name: 'Create user' }).click();
    await heading(page, 'Grace Hopper was created');
    const key = ((await page.getByRole('status', { name: 'Access key' }).getByLabel('Access key').textContent()) ?? '').trim();
    expect(key.length).toBeGreaterThan(16);
    await page.getByRole('button', { name: 'Copy access key' }).waitFor();
    await checkAccessibility(page, 'user created, key shown once');
    const me = await callApi(h!, key, 'GET', '/api/users/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email_address: 'grace@example.com', user_permissions: { keys: 'write', apis: 'read', users: 'read', portal: 'deny' } });
    expect((me.body as UserView).user_permissions.IsAdmin).toBeUndefined();

    // Once: the user's page shows only the key's last four characters.
    await page.getByRole('link', { name: 'Open Grace Hopper' }).click();
    await heading(page, 'Grace Hopper');
    await page.getByText(`ends in ${key.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(key);

    // A user in a group: the editor shows the group's permissions as the (read-only) template.
    await openSection(page, 'Users');
    await page.getByRole('link', { name: 'New user' }).click();
    await heading(page, 'New user');
    await page.getByLabel('First name').fill('Alan');
    await page.getByLabel('Last name').fill('Turing');
    await page.getByLabel('Email').fill('alan@example.com');
    await page.getByLabel('Initial password').fill('enigma-bombe-1940');
    await page.getByRole('radiogroup', { name: 'APIs', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'User group' }).selectOption({ label: 'Team A' });
    const template = page.getByRole('table', { name: 'Permissions of the group Team A' });
    await template.waitFor();
    await template.getByRole('row', { name: 'APIs Write' }).waitFor();
    await template.getByRole('row', { name: 'Analytics Read (owned APIs only)' }).waitFor();
    await page.getByText(/the group's permissions apply, as a template/).waitFor();
    expect(await page.getByRole('radiogroup', { name: 'APIs', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Create user' }).click();
    await heading(page, 'Alan Turing was created');
    const alan = await userByEmail('alan@example.com');
    expect(alan.group_id).toBe(teamA.id);
    expect(alan.user_permissions).toMatchObject({ apis: 'write', analytics: 'read', owned_analytics: 'read' });

    // The list, and the server's search.
    await page.getByRole('link', { name: 'Back to users' }).click();
    await heading(page, 'Users');
    const table = page.getByRole('table', { name: 'Users' });
    await table.getByRole('link', { name: 'Alan Turing' }).waitFor();
    await table.getByRole('row', { name: /Alan Turing.*Team A/ }).waitFor();
    await capture(page, 'console-users-list');
    await page.getByRole('searchbox', { name: 'Search users' }).fill('HOPPER');
    await table.getByRole('link', { name: 'Alan Turing' }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    expect(await table.getByRole('link', { name: ADMIN.first + ' ' + ADMIN.last }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search users' }).fill('nobody-by-this-name');
    await page.getByText('No user matches').waitFor();
    await page.getByRole('searchbox', { name: 'Search users' }).fill('grace@');
    await table.getByRole('link', { name: 'Grace Hopper' }).click();

    // Edit: name and one permission.
    await heading(page, 'Grace Hopper');
    await capture(page, 'console-user-edit');
    await page.getByLabel('Last name').fill('Hopper-Murray');
    await setPermission(page, 'APIs', 'Write');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'Grace Hopper-Murray');
    const grace = await userByEmail('grace@example.com');
    expect(grace.last_name).toBe('Hopper-Murray');
    expect(grace.user_permissions).toMatchObject({ apis: 'write', keys: 'write', users: 'read' });

    // Moving Grace into Team A replaces her permissions by the group's.
    await page.getByRole('combobox', { name: 'User group' }).selectOption({ label: 'Team A' });
    await page.getByRole('table', { name: 'Permissions of the group Team A' }).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const moved = await eventually(() => userByEmail('grace@example.com'), (u) => u.group_id === teamA.id);
    expect(moved.group_id).toBe(teamA.id);
    expect(moved.user_permissions.keys).toBe('deny');
    await page.getByRole('combobox', { name: 'User group' }).selectOption({ label: 'No group' });
    await page.getByRole('radiogroup', { name: 'Keys', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const out = await eventually(() => userByEmail('grace@example.com'), (u) => u.group_id === '');
    expect(out.group_id).toBe('');

    // The Admin switch (administrators only) makes Grace an administrator; the sections no longer apply.
    await page.getByRole('switch', { name: 'Administrator' }).check();
    expect(await page.getByRole('radiogroup', { name: 'Keys', exact: true }).getByRole('radio', { name: 'Write' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const promoted = await eventually(() => userByEmail('grace@example.com'), (u) => u.user_permissions.IsAdmin === 'admin');
    expect(promoted.user_permissions.IsAdmin).toBe('admin');
    await page.getByRole('switch', { name: 'Administrator' }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const demoted = await eventually(() => userByEmail('grace@example.com'), (u) => u.user_permissions.IsAdmin === undefined);
    expect(demoted.user_permissions).toMatchObject({ keys: 'write' });
    expect(demoted.user_permissions.IsAdmin).toBeUndefined();

    // Deactivate asks first; Cancel changes nothing.
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Grace Hopper-Murray?' });
    await dialog.waitFor();
    await page.waitForTimeout(400); // the modal's opening transition
    await checkAccessibility(page, 'deactivate user dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await userByEmail('grace@example.com')).active).toBe(true);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect((await userByEmail('grace@example.com')).active).toBe(false);
    expect((await callApi(h!, key, 'GET', '/api/users/me')).status).toBe(401);

    // A missing user's address shows the not-found page.
    await page.goto('/admin/users/987654');
    await heading(page, 'Not found');

    // Groups: search, then deactivate Team A with confirmation (its member Alan is cut off).
    await openSection(page, 'User groups');
    await page.getByRole('searchbox', { name: 'Search user groups' }).fill('no-such-team');
    await page.getByText('No user group matches').waitFor();
    await page.getByRole('searchbox', { name: 'Search user groups' }).fill('api1');
    await page.getByRole('link', { name: 'Team A' }).click();
    await heading(page, 'Team A');
    await page.getByRole('list').getByRole('link', { name: 'Alan Turing' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const groupDialog = page.getByRole('dialog', { name: 'Deactivate Team A?' });
    await groupDialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect((await groupByName('Team A')).active).toBe(false);
    await groupDialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
  });

  it('asks for a successor before deleting the only owner of an API, for users and for groups', async (ctx) => {
    requireChromium(ctx);
    const adminId = (await callApi(h!, adminKey, 'GET', '/api/users/me')).body as UserView;
    const ollyId = await createUser(h!, adminKey, { first: 'Olly', last: 'Owner', email: 'olly@example.com', password: 'owns-one-api-1', permissions: { apis: 'write' } });
    const soleApi = await ownedApi('Olly Payments', { users: [ollyId] });
    const teamB = await callApi(h!, adminKey, 'POST', '/api/usergroups', { name: 'Team B', user_permissions: { apis: 'write' } });
    const teamBId = String((teamB.body as { Meta: string }).Meta);
    const groupApi = await ownedApi('Team B Ledger', { groups: [teamBId] });
    const teamC = await callApi(h!, adminKey, 'POST', '/api/usergroups', { name: 'Team C', user_permissions: { apis: 'read' } });
    const teamCId = String((teamC.body as { Meta: string }).Meta);
    await createUser(h!, adminKey, { first: 'Carl', last: 'Member', email: 'carl@example.com', password: 'member-of-c-1', groupId: teamCId });

    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Users');
    await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: 'Olly Owner' }).click();
    await heading(page, 'Olly Owner');
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete user Olly Owner?' });
    await confirm.getByRole('button', { name: 'Delete user' }).click();

    // The server answers 409: the prompt names why and asks who takes over.
    const prompt = page.getByRole('dialog', { name: 'Choose who takes over' });
    await prompt.getByText(/only owner of 1 API/).waitFor();
    expect(await prompt.getByRole('button', { name: 'Hand over and delete' }).isDisabled()).toBe(true);
    await capture(page, 'console-successor-prompt');
    // The user being deleted is not offered as their own successor.
    const offered = await prompt.getByLabel('Successor user').locator('option').allTextContents();
    expect(offered.some((o) => o.includes('olly@example.com'))).toBe(false);
    await prompt.getByLabel('Successor user').selectOption({ label: `${ADMIN.first} ${ADMIN.last} (${ADMIN.email})` });
    await prompt.getByRole('button', { name: 'Hand over and delete' }).click();
    await heading(page, 'Users');
    await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: `${ADMIN.first} ${ADMIN.last}` }).waitFor();
    await page.getByRole('link', { name: 'Olly Owner' }).waitFor({ state: 'detached' });
    expect((await callApi(h!, adminKey, 'GET', `/api/users/${ollyId}`)).status).toBe(404);
    expect((await owners(soleApi)).userIds).toEqual([adminId.id]);

    // A group with members cannot be deleted: the server's reason stays in the dialog.
    await openSection(page, 'User groups');
    await page.getByRole('link', { name: 'Team C' }).click();
    await heading(page, 'Team C');
    await page.getByRole('list').getByRole('link', { name: 'Carl Member' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirmA = page.getByRole('dialog', { name: 'Delete user group Team C?' });
    await confirmA.getByRole('button', { name: 'Delete user group' }).click();
    await confirmA.getByRole('alert').getByText(/still has 1 member/).waitFor();
    await confirmA.getByRole('button', { name: 'Cancel' }).click();

    // A group that is the only owner: handed over to another group, then deleted.
    await page.getByRole('link', { name: 'Back to user groups' }).click();
    await page.getByRole('link', { name: 'Team B' }).click();
    await heading(page, 'Team B');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete user group Team B?' }).getByRole('button', { name: 'Delete user group' }).click();
    await prompt.getByText(/only owner of 1 API/).waitFor();
    await prompt.getByRole('radiogroup', { name: 'Successor type' }).getByRole('radio', { name: 'A user group' }).check();
    await prompt.getByLabel('Successor group').selectOption({ label: 'Team C' });
    await prompt.getByRole('button', { name: 'Hand over and delete' }).click();
    await heading(page, 'User groups');
    await page.getByRole('link', { name: 'Team C' }).waitFor();
    await page.getByRole('link', { name: 'Team B' }).waitFor({ state: 'detached' });
    expect(await owners(groupApi)).toEqual({ userIds: [], userGroupIds: [teamCId] });
  });

  it('shows read-only screens without edit controls to readers, and the server’s refusal to grant more than one holds', async (ctx) => {
    requireChromium(ctx);
    const teamR = await callApi(h!, adminKey, 'POST', '/api/usergroups', { name: 'Team R', user_permissions: { apis: 'write', keys: 'read' } });
    const teamRId = String((teamR.body as { Meta: string }).Meta);
    await createUser(h!, adminKey, { first: 'Rob', last: 'Member', email: 'rob@example.com', password: 'member-of-r-1', groupId: teamRId });
    await createUser(h!, adminKey, { first: 'Rita', last: 'Reader', email: 'rita@example.com', password: 'only-reads-here-1', permissions: { users: 'read', user_groups: 'read' } });
    const page = await h!.newPage();
    await signIn(page, 'rita@example.com', 'only-reads-here-1');

    await openSection(page, 'Users');
    await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: 'Rob Member' }).waitFor();
    expect(await page.getByRole('link', { name: 'New user' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Rob Member' }).click();
    await heading(page, 'Rob Member');
    await page.getByRole('table', { name: 'Permissions of Rob Member' }).getByRole('row', { name: 'APIs Write' }).waitFor();
    await page.getByText("These are the permissions of the user's group Team R.").waitFor();
    for (const name of ['Save changes', 'Delete', 'Deactivate', 'Activate']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    await page.goto('/admin/users/new');
    await heading(page, 'Not found');

    await openSection(page, 'User groups');
    await page.getByRole('link', { name: 'Team R' }).click();
    await heading(page, 'Team R');
    await page.getByRole('table', { name: 'Permissions of the group Team R' }).waitFor();
    await page.getByRole('list').getByRole('link', { name: 'Rob Member' }).waitFor();
    for (const name of ['Save changes', 'Delete', 'Deactivate']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);

    // A user manager who reads APIs cannot hand out APIs: write; the server's message is shown.
    await createUser(h!, adminKey, { first: 'Max', last: 'Manager', email: 'max@example.com', password: 'manages-people-1', permissions: { users: 'write', apis: 'read' } });
    const max = await h!.newPage();
    await signIn(max, 'max@example.com', 'manages-people-1');
    await openSection(max, 'Users');
    await max.getByRole('link', { name: 'New user' }).click();
    await heading(max, 'New user');
    // Only administrators see the Admin switch.
    expect(await max.getByRole('switch', { name: 'Administrator' }).count()).toBe(0);
    await max.getByLabel('First name').fill('Eve');
    await max.getByLabel('Last name').fill('Escalate');
    await max.getByLabel('Email').fill('eve@example.com');
    await setPermission(max, 'APIs', 'Write');
    await max.getByRole('button', { name: 'Create user' }).click();
    await max.getByRole('alert').filter({ hasText: 'user_permissions grants more than you hold on apis' }).waitFor();
    expect((await callApi(h!, adminKey, 'POST', '/api/users/search', { filters: { query: 'eve@example.com' } })).body).toMatchObject({ users: [] });
    // A server field error is shown next to its field.
    await setPermission(max, 'APIs', 'Read');
    await max.getByLabel('Email').fill('rita@example.com');
    await max.getByRole('button', { name: 'Create user' }).click();
    await max.getByText('a user with this email already exists').waitFor();
    expect(await max.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    // Rob's group holds APIs: write, which Max does not: the server refuses to let Max change him.
    await openSection(max, 'Users');
    await max.getByRole('link', { name: 'Rob Member' }).click();
    await heading(max, 'Rob Member');
    await max.getByLabel('First name').fill('Robert');
    await max.getByRole('button', { name: 'Save changes' }).click();
    await max.getByRole('alert').filter({ hasText: 'this user or group holds more than you do' }).waitFor();
    expect((await userByEmail('rob@example.com')).first_name).toBe('Rob');
  });
});
