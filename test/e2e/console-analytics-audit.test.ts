import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, heading, openSection, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

/*
 * Analytics and the audit log, with API ownership on. Two teams each own one
 * API; traffic reaches both (recorded through the public ingestion route, as a
 * gateway or an administrator sends it). The administrator sees both APIs; an
 * analyst of Team A with owned analytics sees Team A's API only, and is told so.
 */

const DAY_MS = 86_400_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
const at = (daysAgo: number, time: string) => `${day(daysAgo)}T${time}Z`;
const dayLabel = (daysAgo: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${day(daysAgo)}T00:00:00Z`));

const ANALYST = { first: 'Olga', last: 'Orders', email: 'olga@example.com', password: 'orders-team-analyst-1' };

let h: BrowserHarness | undefined;
let adminKey = '';

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
  adminKey = await bootstrapAdmin(h);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await callApi(h!, adminKey, method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body as Record<string, unknown>;
  };
  const group = async (name: string) => (await call('POST', '/api/usergroups', { name, user_permissions: { analytics: 'read', owned_analytics: 'read' } })).Meta as string;
  const teamA = await group('Team A');
  const teamB = await group('Team B');
  await createUser(h, adminKey, { ...ANALYST, groupId: teamA });
  const createApi = async (name: string, listenPath: string, owner: string) =>
    (
      await call('POST', '/api/apis', {
        api_definition: { name, active: true, proxy: { listen_path: listenPath, target_url: 'http://127.0.0.1:9/', strip_listen_path: true } },
        user_group_owners: [owner],
      })
    ).ID as string;
  const orders = await createApi('Orders API', '/orders/', teamA);
  const billing = await createApi('Billing API', '/billing/', teamB);
  const key = async (alias: string, apiId: string) =>
    (await call('POST', '/api/keys', { alias, access_rights: { [apiId]: { api_id: apiId, versions: ['Default'], allowed_urls: [] } } })).key_hash as string;
  const ordersKey = await key('orders-mobile-app', orders);
  const billingKey = await key('billing-batch', billing);

  const rec = (apiId: string, apiKey: string, timestamp: string, method: string, path: string, code: number, ms: number) => ({
    timestamp,
    api_id: apiId,
    method,
    path,
    response_code: code,
    request_time: ms,
    upstream_time: ms - 10,
    api_key: apiKey,
    ip_address: '198.51.100.7',
    content_length: 120,
  });
  const records = [
    // Orders API (Team A): 5 requests two days ago, at 09:xx and 15:xx, one a 500…
    rec(orders, ordersKey, at(2, '09:10:00'), 'GET', '/orders', 200, 40),
    rec(orders, ordersKey, at(2, '09:20:00'), 'GET', '/orders', 200, 40),
    rec(orders, ordersKey, at(2, '09:30:00'), 'GET', '/orders', 200, 40),
    rec(orders, ordersKey, at(2, '15:05:00'), 'POST', '/orders', 201, 60),
    rec(orders, ordersKey, at(2, '15:15:00'), 'POST', '/orders', 500, 60),
    // …and 4 older ones, outside the default 7 days.
    ...[0, 1, 2, 3].map((i) => rec(orders, ordersKey, at(20, `10:0${i}:00`), 'GET', '/orders/42', 200, 30)),
    // Billing API (Team B): 6 requests yesterday, one a 404.
    ...[0, 1, 2, 3, 4].map((i) => rec(billing, billingKey, at(1, `12:0${i}:00`), 'GET', '/invoices', 200, 20)),
    rec(billing, billingKey, at(1, '12:30:00'), 'GET', '/invoices/9', 404, 20),
  ];
  await call('POST', '/api/analytics/records', { records });
});
afterAll(async () => {
  await h?.close();
});

/** The cells (after the first) of the row whose first cell or row header is `first`. */
async function rowValues(table: Locator, page: Page, first: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first, exact: true }).or(page.getByRole('cell', { name: first, exact: true })) });
  await row.first().waitFor();
  expect(await row.count(), `one row for ${first}`).toBe(1);
  const cells = await row.getByRole('cell').allInnerTexts();
  return (await row.getByRole('rowheader').count()) > 0 ? cells : cells.slice(1);
}

/** The first cells of a table's body rows. */
async function firstColumn(table: Locator): Promise<string[]> {
  const rows = table.getByRole('row');
  const out: string[] = [];
  for (let i = 1; i < (await rows.count()); i++) out.push((await rows.nth(i).getByRole('cell').or(rows.nth(i).getByRole('rowheader')).first().innerText()).trim());
  return out;
}

describe('analytics and the audit log', () => {
  it('shows the administrator the traffic of both APIs, by range and resolution', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Analytics');

    // The last 7 days: both APIs, 11 requests, 2 errors; no word about owned APIs.
    const perApi = page.getByRole('table', { name: /^Traffic per API/ });
    await perApi.waitFor();
    expect(await firstColumn(perApi)).toEqual(['Billing API', 'Orders API']);
    expect((await rowValues(perApi, page, 'Billing API')).slice(0, 3)).toEqual(['6', '1', '16.7 %']);
    expect((await rowValues(perApi, page, 'Orders API')).slice(0, 3)).toEqual(['5', '1', '20 %']);
    expect(await page.getByRole('region', { name: 'Requests', exact: true }).innerText()).toContain('11');
    expect(await page.getByRole('region', { name: 'Errors', exact: true }).innerText()).toContain('2');
    expect(await page.getByRole('alert').count()).toBe(0);

    const keys = page.getByRole('table', { name: /^Traffic per key/ });
    expect(await firstColumn(keys)).toEqual(['billing-batch', 'orders-mobile-app']);
    const endpoints = page.getByRole('table', { name: /^Endpoints/ });
    expect(await firstColumn(endpoints)).toEqual(['GET /invoices', 'GET /orders', 'POST /orders', 'GET /invoices/9']);

    // Each chart reads as a table too.
    const traffic = page.getByRole('region', { name: 'Requests and errors' });
    await traffic.getByRole('switch', { name: 'Show as table' }).check();
    const byDay = traffic.getByRole('table', { name: /per day/ });
    expect(await rowValues(byDay, page, dayLabel(1))).toEqual(['6', '1', '1', '0']);
    expect(await rowValues(byDay, page, dayLabel(2))).toEqual(['5', '1', '0', '1']);
    expect(await rowValues(byDay, page, dayLabel(3))).toEqual(['0', '0', '0', '0']);
    await traffic.getByRole('switch', { name: 'Show as table' }).uncheck();
    await capture(page, 'console-analytics');

    // A longer range takes in the older traffic of the Orders API.
    await page.getByRole('textbox', { name: 'From' }).fill(day(29));
    await page.getByRole('textbox', { name: 'From' }).press('Enter');
    await expect.poll(async () => (await rowValues(perApi, page, 'Orders API'))[0]).toBe('9');
    expect(new URL(page.url()).searchParams.get('from')).toBe(day(29));
    // Hourly buckets need a short range: the choice is off for 30 days.
    expect(await page.getByRole('radio', { name: 'By hour' }).isDisabled()).toBe(true);

    // One day, by hour: the morning's 3 requests and the afternoon's 2, one of them an error.
    await page.getByRole('textbox', { name: 'From' }).fill(day(2));
    await page.getByRole('textbox', { name: 'From' }).press('Enter');
    await page.getByRole('textbox', { name: 'To' }).fill(day(2));
    await page.getByRole('textbox', { name: 'To' }).press('Enter');
    // (The choice lands in the address first; the radio follows it.)
    await page.getByRole('radio', { name: 'By hour' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'By hour' }).isChecked()).toBe(true);
    await traffic.getByRole('switch', { name: 'Show as table' }).check();
    const byHour = traffic.getByRole('table', { name: /per hour/ });
    await byHour.waitFor();
    expect(await byHour.getByRole('row').count()).toBe(25);
    expect(await rowValues(byHour, page, `${dayLabel(2)} 09:00`)).toEqual(['3', '0', '0', '0']);
    expect(await rowValues(byHour, page, `${dayLabel(2)} 15:00`)).toEqual(['2', '1', '0', '1']);
    expect(await rowValues(byHour, page, `${dayLabel(2)} 10:00`)).toEqual(['0', '0', '0', '0']);
    expect(await firstColumn(perApi)).toEqual(['Orders API']);
    await capture(page, 'console-analytics-hourly-table');
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to'), url.searchParams.get('res')]).toEqual([day(2), day(2), 'hour']);

    // A day without traffic says so.
    await page.getByRole('button', { name: 'Today' }).click();
    await page.getByText('No traffic in this period').waitFor();
  });

  it('shows an analyst with owned analytics only their team’s API, and says so', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ANALYST.email, ANALYST.password);
    await openSection(page, 'Analytics');
    await page.getByRole('alert').filter({ hasText: 'You see the traffic of your APIs only' }).waitFor();

    const perApi = page.getByRole('table', { name: /^Traffic per API/ });
    await perApi.waitFor();
    expect(await firstColumn(perApi)).toEqual(['Orders API']);
    expect((await rowValues(perApi, page, 'Orders API')).slice(0, 2)).toEqual(['5', '1']);
    expect(await page.getByRole('region', { name: 'Requests', exact: true }).innerText()).toContain('5');
    expect(await firstColumn(page.getByRole('table', { name: /^Traffic per key/ }))).toEqual(['orders-mobile-app']);
    expect(await firstColumn(page.getByRole('table', { name: /^Endpoints/ }))).toEqual(['GET /orders', 'POST /orders']);
    const traffic = page.getByRole('region', { name: 'Requests and errors' });
    await traffic.getByRole('switch', { name: 'Show as table' }).check();
    expect(await rowValues(traffic.getByRole('table', { name: /per day/ }), page, dayLabel(1))).toEqual(['0', '0', '0', '0']);
    await traffic.getByRole('switch', { name: 'Show as table' }).uncheck();
    // Nothing of Team B's API reaches the page.
    const text = await page.getByRole('main').innerText();
    for (const hidden of ['Billing API', 'billing-batch', '/invoices']) expect(text).not.toContain(hidden);
    await capture(page, 'console-analytics-owned');

    // The analyst has no audit log.
    expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).count()).toBe(0);
  });

  it('filters the audit log by user, action and object, shows an entry and downloads the CSV', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Audit log');
    const log = page.getByRole('table', { name: /^Audit log entries/ });
    await log.waitFor();
    // Everything so far: sign-ins, groups, users, APIs, keys.
    expect(await log.getByRole('link', { name: 'group.create' }).count()).toBe(2);
    expect(await log.getByRole('link', { name: 'login' }).count()).toBeGreaterThan(0);

    await page.getByRole('textbox', { name: 'User' }).fill(ADMIN.email);
    await page.getByRole('combobox', { name: 'Action' }).fill('api.create');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => log.getByRole('link', { name: 'group.create' }).count()).toBe(0);
    expect(await log.getByRole('link', { name: 'api.create' }).count()).toBe(2);
    expect(await log.getByRole('row').count()).toBe(3);
    const url = new URL(page.url());
    expect([url.searchParams.get('user'), url.searchParams.get('action')]).toEqual([ADMIN.email, 'api.create']);
    await capture(page, 'console-audit-log');

    // The CSV holds exactly the filtered entries.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV of these entries' }).click()]);
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,date,user,ip,action,target_type,target_id,method,url,status,request_id,changes');
    expect(csv).toHaveLength(3);
    for (const line of csv.slice(1)) expect(line).toMatch(new RegExp(`^\\d+,[^,]+,${ADMIN.email.replace('.', '\\.')},[^,]*,api\\.create,api,`));
    expect(csv[1]).toContain('Billing API');
    expect(csv[2]).toContain('Orders API');

    // The newest entry's details: who, what, and the changed fields.
    await log.getByRole('link', { name: 'api.create' }).first().click();
    await heading(page, 'Audit log entry: api.create');
    const facts = page.getByRole('table').first();
    expect(await rowValues(facts, page, 'Who')).toEqual([ADMIN.email]);
    const changes = page.getByRole('region', { name: 'Changes' }).getByRole('table');
    expect(await rowValues(changes, page, 'name')).toEqual(['Billing API']);
    expect(await rowValues(changes, page, 'listen_path')).toEqual(['/billing/']);
    await capture(page, 'console-audit-log-entry');

    // Back to the list, filters kept; then another filter: the analyst's sign-in.
    await page.getByRole('link', { name: 'Back to the audit log' }).click();
    await heading(page, 'Audit log');
    expect(await page.getByRole('combobox', { name: 'Action' }).inputValue()).toBe('api.create');
    await page.getByRole('textbox', { name: 'User' }).fill(ANALYST.email);
    await page.getByRole('combobox', { name: 'Action' }).fill('login');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => log.getByRole('link', { name: 'api.create' }).count()).toBe(0);
    expect(await log.getByRole('link', { name: 'login' }).count()).toBe(1);
    // A filter nothing matches says so; clearing brings everything back.
    await page.getByRole('combobox', { name: 'Action' }).fill('policy.delete');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entry matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => log.getByRole('link', { name: 'group.create' }).count()).toBe(2);

    // An entry's object links to every entry about that object, and only those.
    const groupRow = log.getByRole('row').filter({ has: page.getByRole('link', { name: 'group.create' }) }).first();
    const objectLink = groupRow.getByRole('link', { name: /^Entries about user_group / });
    const objectName = (await objectLink.getAttribute('aria-label'))!;
    await objectLink.click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Object type' }).inputValue()).toBe('user_group');
    await expect.poll(() => log.getByRole('link', { name: 'group.create' }).count()).toBe(1);
    const objects = log.getByRole('link', { name: /^Entries about / });
    expect(await objects.count()).toBeGreaterThan(0);
    expect(await objects.count()).toBe(await log.getByRole('link', { name: objectName, exact: true }).count());
    expect(new URL(page.url()).searchParams.get('target_id')).toBe(objectName.split(' ').pop());
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => log.getByRole('link', { name: 'group.create' }).count()).toBe(2);

    // An entry that does not exist looks like any missing page.
    await page.goto('/admin/audit-log/999999');
    await heading(page, 'Not found');
  });
});
