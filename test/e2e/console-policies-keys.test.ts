import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/gateway/index.js';
import { send, startUpstream, testRedisUrl, type Upstream } from '../gateway/helpers.js';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, heading, openSection, signIn } from './console.js';
import { chromiumAvailable, DESKTOP, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

/**
 * With Redis the Dashboard reads the counters of gateways that run apart, so the
 * key's quota left is what a separate gateway counted; without it the screen
 * says the quota left is unknown.
 */
const redisUrl = await testRedisUrl();
const PREFIX = `portcullis-e2e-${randomBytes(6).toString('hex')}:`;

let h: BrowserHarness | undefined;
let up: Upstream | undefined;
let gateway: RunningGateway | undefined;
beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness({
    PORTCULLIS_ENABLE_OWNERSHIP: 'true',
    ...(redisUrl ? { PORTCULLIS_REDIS_URL: redisUrl, PORTCULLIS_REDIS_PREFIX: PREFIX } : {}),
  });
  up = await startUpstream();
});
afterAll(async () => {
  await gateway?.stop();
  await up?.close();
  await h?.close();
});

const READER = { first: 'Rita', last: 'Reader', email: 'rita@example.com', password: 'only-reading-here-1' } as const;

/** Buttons that would change something; a read-only user must find none. */
async function editControls(page: Page): Promise<number> {
  return page.getByRole('button', { name: /create|edit|delete|save|add|remove/i }).count();
}

/** Closes the "saved" notices, which would otherwise cover the screen's actions in its screenshots. */
async function dismissNotices(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss' });
  while ((await close.count()) > 0) {
    await close.first().click();
    await page.waitForTimeout(250);
  }
}

/** The error message a field is described by (Mantine links it through aria-describedby). */
async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((x) => x.endsWith('-error'));
  expect(ids.length).toBe(1);
  return (await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '';
}

describe('the Policies and Keys screens', () => {
  it('create, refuse a bad path pattern, edit, issue a key showing its secret once and its quota left, stay read-only for readers, delete with confirmation', { timeout: 240_000 }, async (ctx) => {
    requireChromium(ctx);
    const adminKey = await bootstrapAdmin(h!);
    const me = await callApi(h!, adminKey, 'GET', '/api/users/me');
    const adminId = (me.body as { id: string }).id;

    // Arranged through the API: Orders (no owners: everyone with `apis` sees it) and
    // Billing (owned by the administrator: hidden from everyone else), with a policy and key of its own.
    const orders = await callApi(h!, adminKey, 'POST', '/api/apis', {
      api_definition: { name: 'Orders API', proxy: { listen_path: '/orders/', target_url: up!.url, strip_listen_path: true }, auth: { auth_header_name: 'Authorization' } },
    });
    expect(orders.status).toBe(200);
    const ordersId = (orders.body as { ID: string }).ID;
    const billing = await callApi(h!, adminKey, 'POST', '/api/apis', {
      api_definition: { name: 'Billing API', proxy: { listen_path: '/billing/', target_url: up!.url } },
      user_owners: [adminId],
    });
    expect(billing.status).toBe(200);
    const billingId = (billing.body as { ID: string }).ID;
    const billingPolicy = await callApi(h!, adminKey, 'POST', '/api/portal/policies', { name: 'Billing only', access_rights: { [billingId]: { api_id: billingId, versions: ['Default'] } } });
    expect(billingPolicy.status).toBe(200);
    const billingPolicyId = (billingPolicy.body as { Message: string }).Message;
    const billingKey = await callApi(h!, adminKey, 'POST', '/api/keys', { alias: 'Billing robot', access_rights: { [billingId]: { api_id: billingId, versions: ['Default'] } } });
    expect(billingKey.status).toBe(200);
    const billingKeyHash = (billingKey.body as { key_hash: string }).key_hash;
    await createUser(h!, adminKey, { ...READER, permissions: { apis: 'read', policies: 'read', keys: 'read' } });

    const page = await h!.newPage(DESKTOP);
    page.setDefaultTimeout(10_000);
    await signIn(page, ADMIN.email, ADMIN.password);

    // --- A policy through the form.
    await openSection(page, 'Policies');
    await page.getByRole('cell', { name: 'Billing only' }).waitFor();
    await page.getByRole('link', { name: 'Create policy' }).click();
    await heading(page, 'New policy');
    await page.getByLabel(/^Name/).fill('Gold');
    await page.getByRole('combobox', { name: 'Add access to an API' }).click();
    await page.getByRole('option', { name: 'Orders API' }).click();
    await page.getByRole('group', { name: 'API: Orders API' }).waitFor();
    await page.getByRole('button', { name: 'Add allowed path' }).click();
    await page.getByLabel('Path 1 pattern').fill('/orders/([0-9]+');
    await page.getByRole('group', { name: 'Path 1 methods' }).getByLabel('POST').check();
    await page.getByLabel('Limit the request rate').check();
    await page.getByLabel('Rate (requests)').fill('10');
    await page.getByLabel('Per (seconds)').fill('60');
    await page.getByLabel('Limit the quota').check();
    await page.getByLabel('Quota (requests)').fill('5');
    await page.getByLabel('Quota renews every (seconds)').fill('3600');
    await page.getByRole('button', { name: 'Create policy' }).click();

    // The server refuses the pattern; its message sits under that field, and nothing was created.
    await page.getByRole('alert').filter({ hasText: 'Check the field marked above' }).waitFor();
    expect(await fieldError(page, 'Path 1 pattern')).toMatch(/not a valid RE2 pattern/);
    await heading(page, 'New policy');
    expect(((await callApi(h!, adminKey, 'GET', '/api/portal/policies?p=-1')).body as { Data: unknown[] }).Data).toHaveLength(1);

    await page.getByLabel('Path 1 pattern').fill('/orders/[0-9]+');
    await page.getByRole('button', { name: 'Create policy' }).click();
    await heading(page, 'Gold');
    const policies = (await callApi(h!, adminKey, 'GET', '/api/portal/policies?p=-1')).body as { Data: { _id: string; name: string; rate: number; per: number; quota_max: number; quota_renewal_rate: number; access_rights: Record<string, unknown> }[] };
    const gold = policies.Data.find((p) => p.name === 'Gold')!;
    expect(gold).toMatchObject({ rate: 10, per: 60, quota_max: 5, quota_renewal_rate: 3600 });
    expect(gold.access_rights[ordersId]).toMatchObject({ versions: ['Default'], allowed_urls: [{ url: '/orders/[0-9]+', methods: ['GET', 'POST'] }] });
    await page.getByText('10 per minute').waitFor();
    await page.getByText('5 requests, renews every hour').waitFor();

    // --- Edit it.
    await page.getByRole('link', { name: 'Edit policy' }).click();
    await heading(page, 'Edit Gold');
    expect(await page.getByLabel('Path 1 pattern').inputValue()).toBe('/orders/[0-9]+');
    await dismissNotices(page);
    await capture(page, 'console-policy-edit');
    await page.getByLabel(/^Name/).fill('Gold plan');
    await page.getByLabel('Rate (requests)').fill('20');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await heading(page, 'Gold plan');
    await page.getByText('20 per minute').waitFor();
    const edited = (await callApi(h!, adminKey, 'GET', `/api/portal/policies/${gold._id}`)).body as { name: string; rate: number; access_rights: Record<string, unknown> };
    expect(edited).toMatchObject({ name: 'Gold plan', rate: 20 });
    expect(edited.access_rights[ordersId]).toMatchObject({ allowed_urls: [{ url: '/orders/[0-9]+', methods: ['GET', 'POST'] }] });

    await page.getByRole('link', { name: '← Policies' }).click();
    await heading(page, 'Policies');
    await page.getByRole('link', { name: 'Gold plan' }).waitFor();
    await dismissNotices(page);
    await capture(page, 'console-policies-list');

    // --- A key applying the policy: its secret once, with a copy button.
    await openSection(page, 'Keys');
    await page.getByRole('link', { name: 'Billing robot' }).waitFor();
    await page.getByRole('link', { name: 'Create key' }).click();
    await heading(page, 'New key');
    await page.getByLabel('Alias').fill('Mobile app');
    await page.getByRole('combobox', { name: 'Apply policies' }).click();
    await page.getByRole('option', { name: 'Gold plan' }).click();
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Use the limits of the applied policies').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create key' }).click();
    await heading(page, 'Key created');
    const secret = (await page.getByTestId('secret-value').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Copy API key' }).waitFor();
    await dismissNotices(page);
    await capture(page, 'console-key-created');
    const hashes = ((await callApi(h!, adminKey, 'GET', '/api/keys?p=-1')).body as { data: { keys: string[] } }).data.keys;
    const keyHash = hashes.find((x) => x !== billingKeyHash)!;
    expect(hashes).toHaveLength(2);
    // The secret is the key itself: the API finds the key by it, and the list names only hashes.
    expect(((await callApi(h!, adminKey, 'GET', `/api/keys/${secret}`)).body as { key_id: string }).key_id).toBe(keyHash);
    expect(hashes).not.toContain(secret);

    // Two requests through a gateway (only where one can share counters with the Dashboard: Redis).
    if (redisUrl) {
      gateway = await startGateway({
        config: loadConfig({
          PORTCULLIS_LOG_LEVEL: 'silent',
          PORTCULLIS_DATABASE_URL: 'sqlite://unused',
          PORTCULLIS_GATEWAY_PORT: '0',
          PORTCULLIS_GATEWAY_HOST: '127.0.0.1',
          PORTCULLIS_REDIS_URL: redisUrl,
          PORTCULLIS_REDIS_PREFIX: PREFIX,
        }),
        store: h!.server.store,
      });
      for (let i = 0; i < 2; i++) expect((await send(gateway.url, '/orders/orders/42', { headers: { authorization: secret } })).status).toBe(200);
      // Outside the allowed path and methods: refused, and not counted.
      expect((await send(gateway.url, '/orders/customers', { headers: { authorization: secret } })).status).toBe(403);
    }

    await page.getByRole('link', { name: 'Open the key' }).click();
    await heading(page, 'Mobile app');
    if (redisUrl) {
      await page.getByText('3 of 5 requests remaining').waitFor();
      await page.getByText(/^Renews /).waitFor();
    } else {
      await page.getByText(/^Unknown here/).waitFor();
    }
    await page.getByRole('link', { name: 'Gold plan' }).waitFor();
    await page.getByText('20 per minute').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    await dismissNotices(page);
    await capture(page, 'console-key-detail');

    // Edit the key: its limits stay those of its policy (the form recognises them), its alias changes.
    await page.getByRole('link', { name: 'Edit key' }).click();
    await heading(page, 'Edit Mobile app');
    expect(await page.getByLabel('Use the limits of the applied policies').isChecked()).toBe(true);
    await page.getByLabel('Alias').fill('Mobile app (iOS)');
    await page.getByRole('button', { name: 'Save key' }).click();
    await heading(page, 'Mobile app (iOS)');
    const keyAfterEdit = ((await callApi(h!, adminKey, 'GET', `/api/keys/${keyHash}`)).body as { data: { alias: string; apply_policies: string[]; rate: number; quota_max: number } }).data;
    expect(keyAfterEdit).toMatchObject({ alias: 'Mobile app (iOS)', apply_policies: [gold._id], rate: 20, quota_max: 5 });
    // The policy's limits still decide: a change to the policy reaches the key.
    expect((await callApi(h!, adminKey, 'PUT', `/api/portal/policies/${gold._id}`, { ...edited, rate: 30 })).status).toBe(200);
    expect(((await callApi(h!, adminKey, 'GET', `/api/keys/${keyHash}`)).body as { data: { rate: number } }).data.rate).toBe(30);

    await page.getByRole('link', { name: '← Keys' }).click();
    await heading(page, 'Keys');
    await page.getByRole('link', { name: 'Mobile app (iOS)' }).waitFor();
    await page.getByRole('cell', { name: 'Orders API' }).waitFor();
    await dismissNotices(page);
    await capture(page, 'console-keys-list');

    // --- A reader: the same screens, no edit controls; what is hidden looks missing.
    const reader = await h!.newPage(DESKTOP);
    reader.setDefaultTimeout(10_000);
    await signIn(reader, READER.email, READER.password);
    await openSection(reader, 'Policies');
    await reader.getByRole('link', { name: 'Gold plan' }).waitFor();
    expect(await reader.getByRole('link', { name: 'Billing only' }).count()).toBe(0);
    expect(await editControls(reader)).toBe(0);
    expect(await reader.getByRole('link', { name: 'Create policy' }).count()).toBe(0);
    await reader.getByRole('link', { name: 'Gold plan' }).click();
    await heading(reader, 'Gold plan');
    await reader.getByText('/orders/[0-9]+').waitFor();
    expect(await editControls(reader)).toBe(0);
    expect(await reader.getByRole('link', { name: /edit/i }).count()).toBe(0);
    await reader.goto(`/admin/policies/${gold._id}/edit`);
    await heading(reader, 'Not found');
    await reader.goto(`/admin/policies/${billingPolicyId}`);
    await heading(reader, 'Not found');
    const hiddenPolicy = await reader.getByRole('main').textContent();
    await reader.goto('/admin/policies/987654');
    await heading(reader, 'Not found');
    expect(await reader.getByRole('main').textContent()).toBe(hiddenPolicy);

    await openSection(reader, 'Keys');
    await reader.getByRole('link', { name: 'Mobile app (iOS)' }).waitFor();
    expect(await reader.getByRole('link', { name: 'Billing robot' }).count()).toBe(0);
    expect(await reader.getByRole('link', { name: 'Create key' }).count()).toBe(0);
    await reader.getByRole('link', { name: 'Mobile app (iOS)' }).click();
    await heading(reader, 'Mobile app (iOS)');
    expect(await editControls(reader)).toBe(0);
    expect(await reader.getByRole('link', { name: /edit/i }).count()).toBe(0);
    await reader.goto(`/admin/keys/${billingKeyHash}`);
    await heading(reader, 'Not found');
    const hiddenKey = await reader.getByRole('main').textContent();
    await reader.goto(`/admin/keys/${'0'.repeat(64)}`);
    await heading(reader, 'Not found');
    expect(await reader.getByRole('main').textContent()).toBe(hiddenKey);
    await reader.context().close();

    // --- Delete the key, then the policy; each asks first, and Cancel keeps it.
    await page.getByRole('link', { name: 'Mobile app (iOS)' }).click();
    await heading(page, 'Mobile app (iOS)');
    await page.getByRole('button', { name: 'Delete key' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Delete this key?' });
    await keyDialog.getByRole('button', { name: 'Cancel' }).click();
    await keyDialog.waitFor({ state: 'hidden' });
    expect((await callApi(h!, adminKey, 'GET', `/api/keys/${keyHash}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete key' }).click();
    await keyDialog.getByRole('button', { name: 'Delete key' }).click();
    await heading(page, 'Keys');
    expect((await callApi(h!, adminKey, 'GET', `/api/keys/${keyHash}`)).status).toBe(404);
    expect(await page.getByRole('link', { name: 'Mobile app (iOS)' }).count()).toBe(0);
    if (gateway) expect((await send(gateway.url, '/orders/orders/42', { headers: { authorization: secret } })).status).toBe(403);

    await openSection(page, 'Policies');
    await page.getByRole('link', { name: 'Gold plan' }).click();
    await heading(page, 'Gold plan');
    await page.getByRole('button', { name: 'Delete policy' }).click();
    await page.getByRole('dialog', { name: 'Delete this policy?' }).getByRole('button', { name: 'Delete policy' }).click();
    await heading(page, 'Policies');
    expect((await callApi(h!, adminKey, 'GET', `/api/portal/policies/${gold._id}`)).status).toBe(404);
    await page.getByRole('link', { name: 'Billing only' }).waitFor();
    expect(await page.getByRole('link', { name: 'Gold plan' }).count()).toBe(0);
  });
});
