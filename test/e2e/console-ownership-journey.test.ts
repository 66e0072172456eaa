import { createServer, type Server } from 'node:http';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, heading, openSection, pick, signIn } from './console.js';
import { chromiumAvailable, DESKTOP, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

/**
 * The seed's API-Ownership example (../shared/seeds/api-ownership.md), done
 * entirely through the console: groups TeamA, TeamB and TeamAnalytics, a user in
 * each, API1 owned by TeamA + TeamAnalytics and API2 by TeamB + TeamAnalytics
 * (owners picked in Core Settings, one removed with its ×), a policy and a key
 * for each API, real traffic through the gateway with the keys the console
 * showed once — then each team's user signs in and finds exactly what the
 * ownership rules say. A third API, Internal, is owned by the administrator
 * alone: nobody else may see it or its traffic.
 */

const PEOPLE = {
  alice: { first: 'Alice', last: 'Archer', email: 'alice@example.com', password: 'alice-password-1', group: 'TeamA' },
  bob: { first: 'Bob', last: 'Builder', email: 'bob@example.com', password: 'bob-password-1', group: 'TeamB' },
  carol: { first: 'Carol', last: 'Counter', email: 'carol@example.com', password: 'carol-password-1', group: 'TeamAnalytics' },
} as const;

let h: BrowserHarness | undefined;
let adminKey = '';
let upstream: Server | undefined;
let upstreamUrl = '';

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  upstream = createServer((req, res) => {
    res.writeHead(req.url?.includes('fail') ? 500 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
  const address = upstream.address();
  upstreamUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  h = await startBrowserHarness({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' }, { gateway: true });
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => (upstream ? upstream.close(resolve) : resolve(undefined)));
});

/** Chooses a section's level in the permission editor. */
async function setPermission(page: Page, section: string, level: string): Promise<void> {
  await page.getByRole('radiogroup', { name: section, exact: true }).getByRole('radio', { name: level, exact: true }).check();
}

/** The link texts in a table's rows. */
async function linksIn(table: Locator): Promise<string[]> {
  return (await table.getByRole('link').allTextContents()).map((t) => t.trim()).sort();
}

/** The first cells of a table's body rows. */
async function firstColumn(table: Locator): Promise<string[]> {
  const rows = table.getByRole('row');
  const out: string[] = [];
  for (let i = 1; i < (await rows.count()); i++) {
    out.push((await rows.nth(i).getByRole('cell').or(rows.nth(i).getByRole('rowheader')).first().innerText()).trim());
  }
  return out.sort();
}

async function createGroup(page: Page, name: string, permissions: [string, string][]): Promise<void> {
  await openSection(page, 'User groups');
  await page.getByRole('link', { name: 'New user group' }).click();
  await heading(page, 'New user group');
  await page.getByLabel('Name').fill(name);
  for (const [section, level] of permissions) await setPermission(page, section, level);
  await page.getByRole('button', { name: 'Create user group' }).click();
  await heading(page, name);
}

async function createUserInGroup(page: Page, person: (typeof PEOPLE)[keyof typeof PEOPLE]): Promise<void> {
  await openSection(page, 'Users');
  await page.getByRole('link', { name: 'New user' }).click();
  await heading(page, 'New user');
  await page.getByLabel('First name').fill(person.first);
  await page.getByLabel('Last name').fill(person.last);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Initial password').fill(person.password);
  await page.getByLabel('User must change password at the next sign-in').uncheck();
  await page.getByRole('combobox', { name: 'User group' }).selectOption({ label: person.group });
  await page.getByRole('table', { name: `Permissions of the group ${person.group}` }).waitFor();
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('button', { name: 'Copy access key' }).waitFor();
}

async function createClassicApi(page: Page, api: { name: string; path: string; keyless: boolean; groups: string[]; users?: string[] }): Promise<void> {
  await openSection(page, 'APIs');
  await page.getByRole('link', { name: 'Create API' }).click();
  await page.getByRole('link', { name: 'Create a Classic API' }).click();
  await heading(page, 'Create a Classic API');
  await page.getByRole('textbox', { name: 'API name', exact: true }).fill(api.name);
  await page.getByRole('textbox', { name: 'Listen path', exact: true }).fill(api.path);
  await page.getByRole('textbox', { name: 'Target URL', exact: true }).fill(upstreamUrl);
  await page.getByRole('radio', { name: api.keyless ? 'Keyless (open)' : 'Auth token' }).check();
  for (const group of api.groups) await pick(page, 'User group owners', group, new RegExp(`^${group}$`));
  for (const user of api.users ?? []) await pick(page, 'User owners', user, new RegExp(`^${user}`));
  await page.getByRole('button', { name: 'Create API' }).click();
  await heading(page, api.name);
}

async function createPolicy(page: Page, name: string, apiName: string): Promise<void> {
  await openSection(page, 'Policies');
  await page.getByRole('link', { name: 'Create policy' }).click();
  await page.getByLabel(/^Name/).fill(name);
  await page.getByRole('combobox', { name: 'Add access to an API' }).click();
  await page.getByRole('option', { name: apiName, exact: true }).click();
  await page.getByRole('group', { name: `API: ${apiName}` }).waitFor();
  await page.getByRole('button', { name: 'Create policy' }).click();
  await heading(page, name);
}

/** Creates a key applying a policy; returns the secret the console shows once. */
async function createKey(page: Page, alias: string, policy: string): Promise<string> {
  await openSection(page, 'Keys');
  await page.getByRole('link', { name: 'Create key' }).click();
  await page.getByLabel('Alias').fill(alias);
  await page.getByRole('combobox', { name: 'Apply policies' }).click();
  await page.getByRole('option', { name: policy, exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByRole('status', { name: 'API key' }).getByLabel('API key', { exact: true });
  await secret.waitFor();
  return ((await secret.textContent()) ?? '').trim();
}

/** Sends consumer traffic through the gateway; every request must get through. */
async function traffic(path: string, count: number, key?: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${h!.server.gateway!.url}${path}`, { headers: key ? { authorization: key } : {} });
    await res.arrayBuffer();
    expect(res.status, `${path} through the gateway`).toBe(200);
  }
}

describe('API ownership through the console (the seed’s example)', () => {
  // A whole afternoon's work through the UI (some hundred steps): it gets more time than one request's test.
  it('lets each team find exactly its APIs, policies, keys and analytics', { timeout: 240_000 }, async (ctx) => {
    requireChromium(ctx);
    const admin = await h!.newPage(DESKTOP);
    await signIn(admin, ADMIN.email, ADMIN.password);

    // The three teams, as the seed configures them (TeamA and TeamB also manage their policies and keys).
    await createGroup(admin, 'TeamA', [['APIs', 'Write'], ['Policies', 'Write'], ['Keys', 'Write']]);
    await createGroup(admin, 'TeamB', [['APIs', 'Write'], ['Policies', 'Write'], ['Keys', 'Write']]);
    await createGroup(admin, 'TeamAnalytics', [['Analytics', 'Read'], ['Analytics of', 'Owned APIs']]);
    for (const person of Object.values(PEOPLE)) await createUserInGroup(admin, person);

    // API1: TeamA and TeamAnalytics; Bob picked by mistake, then removed with his ×.
    await createClassicApi(admin, { name: 'API1', path: '/api1/', keyless: false, groups: ['TeamA', 'TeamAnalytics'], users: ['Bob Builder'] });
    await admin.getByRole('button', { name: 'Remove Bob Builder (bob@example.com)' }).click();
    expect(await admin.getByRole('button', { name: /^Remove Bob/ }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Save API' }).click();
    await admin.getByText('API saved').waitFor();
    await capture(admin, 'console-journey-api1-owners');
    // API2: TeamB and TeamAnalytics. Internal: the administrator alone, keyless.
    await createClassicApi(admin, { name: 'API2', path: '/api2/', keyless: false, groups: ['TeamB', 'TeamAnalytics'] });
    await createClassicApi(admin, { name: 'Internal', path: '/internal/', keyless: true, groups: [], users: ['Ada Lovelace'] });

    // What the console did is what the API holds.
    const apis = (await callApi(h!, adminKey, 'GET', '/api/apis?p=-1')).body as {
      apis: { api_definition: { name: string; api_id: string }; user_owners: string[]; user_group_owners: string[] }[];
    };
    const groups = ((await callApi(h!, adminKey, 'GET', '/api/usergroups?p=-1')).body as { groups: { id: string; name: string }[] }).groups;
    const groupId = (name: string) => groups.find((g) => g.name === name)!.id;
    const api = (name: string) => apis.apis.find((a) => a.api_definition.name === name)!;
    expect(api('API1').user_owners).toEqual([]);
    expect([...api('API1').user_group_owners].sort()).toEqual([groupId('TeamA'), groupId('TeamAnalytics')].sort());
    expect([...api('API2').user_group_owners].sort()).toEqual([groupId('TeamB'), groupId('TeamAnalytics')].sort());
    expect(api('Internal').user_owners).toHaveLength(1);

    // A policy and a key for each team's API; the keys' secrets are shown once.
    await createPolicy(admin, 'API1 policy', 'API1');
    await createPolicy(admin, 'API2 policy', 'API2');
    const aliceKey = await createKey(admin, 'alice-app', 'API1 policy');
    const bobKey = await createKey(admin, 'bob-app', 'API2 policy');
    expect(aliceKey).not.toBe('');

    // Real traffic through the gateway with those keys.
    await traffic('/api1/orders', 3, aliceKey);
    await traffic('/api2/invoices', 2, bobKey);
    await traffic('/internal/health', 4);
    await expect
      .poll(async () => {
        const today = new Date();
        const d = `${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear()}`;
        const usage = (await callApi(h!, adminKey, 'GET', `/api/usage/apis/${d}/${d}?p=-1`)).body as { data?: { hits: number }[] };
        return (usage.data ?? []).reduce((n, row) => n + row.hits, 0);
      }, { timeout: 15_000 })
      .toBe(9);

    // The administrator sees all three APIs' traffic.
    await openSection(admin, 'Analytics');
    const adminPerApi = admin.getByRole('table', { name: /^Traffic per API/ });
    await adminPerApi.getByRole('cell', { name: 'Internal', exact: true }).or(adminPerApi.getByRole('rowheader', { name: 'Internal', exact: true })).waitFor();
    expect(await firstColumn(adminPerApi)).toEqual(['API1', 'API2', 'Internal']);

    // TeamA's Alice: API1, its policy and its key — nothing of API2 or Internal, and no analytics.
    const alice = await h!.newPage(DESKTOP);
    await signIn(alice, PEOPLE.alice.email, PEOPLE.alice.password);
    const aliceNav = alice.getByRole('navigation', { name: 'Console' });
    expect((await aliceNav.getByRole('link').allTextContents()).sort()).toEqual(['APIs', 'Home', 'Keys', 'My account', 'Policies']);
    await openSection(alice, 'APIs');
    const aliceApis = alice.getByRole('table', { name: 'APIs' });
    await aliceApis.getByRole('link', { name: 'API1' }).waitFor();
    expect(await linksIn(aliceApis)).toEqual(['API1']);
    await capture(alice, 'console-journey-team-a-apis');
    await openSection(alice, 'Policies');
    await alice.getByRole('table', { name: 'Policies' }).getByRole('link', { name: 'API1 policy' }).waitFor();
    expect(await linksIn(alice.getByRole('table', { name: 'Policies' }))).toEqual(['API1 policy']);
    await openSection(alice, 'Keys');
    await alice.getByRole('table', { name: 'Keys' }).getByRole('link', { name: 'alice-app' }).waitFor();
    expect(await alice.getByRole('table', { name: 'Keys' }).getByRole('link', { name: 'bob-app' }).count()).toBe(0);
    // API2's own address looks exactly like an address that never existed.
    await alice.goto(`/admin/apis/${api('API2').api_definition.api_id}`);
    await heading(alice, 'Not found');
    const hidden = await alice.getByRole('main').textContent();
    await alice.goto(`/admin/apis/${'f'.repeat(32)}`);
    await heading(alice, 'Not found');
    expect(await alice.getByRole('main').textContent()).toBe(hidden);
    // API1 is hers to edit.
    await alice.goto(`/admin/apis/${api('API1').api_definition.api_id}`);
    await heading(alice, 'API1');
    await alice.getByRole('button', { name: 'Save API' }).waitFor();

    // TeamB's Bob: the mirror image.
    const bob = await h!.newPage(DESKTOP);
    await signIn(bob, PEOPLE.bob.email, PEOPLE.bob.password);
    await openSection(bob, 'APIs');
    await bob.getByRole('table', { name: 'APIs' }).getByRole('link', { name: 'API2' }).waitFor();
    expect(await linksIn(bob.getByRole('table', { name: 'APIs' }))).toEqual(['API2']);
    await openSection(bob, 'Policies');
    await bob.getByRole('table', { name: 'Policies' }).getByRole('link', { name: 'API2 policy' }).waitFor();
    expect(await linksIn(bob.getByRole('table', { name: 'Policies' }))).toEqual(['API2 policy']);
    await openSection(bob, 'Keys');
    await bob.getByRole('table', { name: 'Keys' }).getByRole('link', { name: 'bob-app' }).waitFor();
    expect(await bob.getByRole('table', { name: 'Keys' }).getByRole('link', { name: 'alice-app' }).count()).toBe(0);

    // TeamAnalytics' Carol: analytics only, of API1 and API2 — Internal's traffic is not hers.
    const carol = await h!.newPage(DESKTOP);
    await signIn(carol, PEOPLE.carol.email, PEOPLE.carol.password);
    const carolNav = carol.getByRole('navigation', { name: 'Console' });
    expect((await carolNav.getByRole('link').allTextContents()).sort()).toEqual(['Analytics', 'Home', 'My account']);
    await openSection(carol, 'Analytics');
    await carol.getByRole('alert').filter({ hasText: 'You see the traffic of your APIs only' }).waitFor();
    const carolPerApi = carol.getByRole('table', { name: /^Traffic per API/ });
    await carolPerApi.getByRole('cell', { name: 'API2', exact: true }).or(carolPerApi.getByRole('rowheader', { name: 'API2', exact: true })).waitFor();
    expect(await firstColumn(carolPerApi)).toEqual(['API1', 'API2']);
    expect(await carol.getByRole('main').textContent()).not.toContain('Internal');
    await capture(carol, 'console-journey-team-analytics');
    // And she has no way into the APIs section.
    await carol.goto(`/admin/apis/${api('API1').api_definition.api_id}`);
    await heading(carol, 'Not found');
  });
});
