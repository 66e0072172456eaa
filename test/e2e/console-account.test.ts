import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, heading, openSection, signIn } from './console.js';
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

/** The secret a SecretOnce panel shows. */
async function shownKey(page: Page, label: string): Promise<string> {
  const panel = page.getByRole('status', { name: label });
  await panel.waitFor();
  const key = ((await panel.getByLabel(label).textContent()) ?? '').trim();
  expect(key.length).toBeGreaterThan(16);
  return key;
}

async function meWith(key: string): Promise<{ status: number; body: { first_name?: string; password_change_required?: boolean } }> {
  return (await callApi(h!, key, 'GET', '/api/users/me')) as { status: number; body: { first_name?: string; password_change_required?: boolean } };
}

describe('My account and the forced password change', () => {
  it('makes a user flagged for a password change choose one before anything else', async (ctx) => {
    requireChromium(ctx);
    const created = await callApi(h!, adminKey, 'POST', '/api/users', {
      first_name: 'Frank',
      last_name: 'Firstday',
      email_address: 'frank@example.com',
      password: 'temporary-pass-1',
      password_change_required: true,
      user_permissions: { apis: 'read' },
    });
    expect(created.status).toBe(200);

    const page = await h!.newPage();
    await page.goto('/admin/sign-in');
    await heading(page, 'Sign in');
    await page.getByLabel('Email').fill('frank@example.com');
    await page.getByLabel(/^Password/).fill('temporary-pass-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Choose a new password');
    // No way around it: another address shows the same page.
    await page.goto('/admin/apis');
    await heading(page, 'Choose a new password');
    expect(await page.getByRole('navigation', { name: 'Console' }).count()).toBe(0);
    await capture(page, 'console-change-password');

    await page.getByLabel('Current password').fill('wrong-temporary-1');
    await page.getByLabel(/^New password/).fill('my-own-secret-77');
    await page.getByLabel('Repeat the new password').fill('my-own-secret-77');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('does not match your current password').waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    // The server's password rules are shown next to the new password.
    await page.getByLabel('Current password').fill('temporary-pass-1');
    await page.getByLabel(/^New password/).fill('temporary-pass-1');
    await page.getByLabel('Repeat the new password').fill('temporary-pass-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/must differ from your last \d+ passwords/).waitFor();
    expect(await page.getByLabel(/^New password/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^New password/).fill('my-own-secret-77');
    await page.getByLabel('Repeat the new password').fill('my-own-secret-77');
    await page.getByRole('button', { name: 'Change password' }).click();
    await heading(page, 'Password changed');
    const key = await shownKey(page, 'Access key');
    const me = await meWith(key);
    expect(me.status).toBe(200);
    expect(me.body.password_change_required).toBe(false);
    await page.getByRole('button', { name: 'Continue to the console' }).click();
    // The console opens where Frank was going (/admin/apis).
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'APIs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/apis');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Home' }).click();
    await heading(page, 'Welcome, Frank');

    // Next time, straight in with the new password.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    await signIn(page, 'frank@example.com', 'my-own-secret-77');
  });
  it('lets a user without any permission change their own name', async (ctx) => {
    requireChromium(ctx);
    await createUser(h!, adminKey, { first: 'Nell', last: 'Nobody', email: 'nell@example.com', password: 'no-permissions-1' });
    const page = await h!.newPage();
    await signIn(page, 'nell@example.com', 'no-permissions-1');
    await openSection(page, 'My account');
    await page.getByLabel('First name').fill('Nella');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('banner').getByText('Nella Nobody').waitFor();
    const nell = (await callApi(h!, adminKey, 'POST', '/api/users/search', { filters: { query: 'nell@example.com' } })).body as { users: { first_name: string; user_permissions: Record<string, string> }[] };
    expect(nell.users[0]!.first_name).toBe('Nella');
    expect(nell.users[0]!.user_permissions.users ?? 'deny').toBe('deny');
    // Her own password and key are hers to change; she sees no permissions to edit.
    await page.getByRole('button', { name: 'Change password' }).waitFor();
    await page.getByRole('button', { name: 'Rotate access key' }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
  });

  // Last: it changes the administrator's password and key, which the tests above use.
  it('changes the name and the password, and rotates the access key after confirmation', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'My account');
    await page.getByText(/Your current key ends in/).waitFor();
    await page.mouse.move(640, 790); // off the navigation link just clicked: its hover colour is not the screen's
    await capture(page, 'console-account');

    // Name.
    await page.getByLabel('First name').fill('Augusta Ada');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('banner').getByText('Augusta Ada Lovelace').waitFor();
    expect((await meWith(adminKey)).body.first_name).toBe('Augusta Ada');

    // Password: the server's field errors are shown next to their fields.
    const newPassword = 'difference-engine-1822';
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('does not match your current password').waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByLabel('Repeat the new password').fill('something-else-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('does not match the new password').waitFor();
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    const keyAfterPassword = await shownKey(page, 'New access key');
    await page.getByRole('button', { name: 'Copy new access key' }).waitFor();
    expect((await meWith(keyAfterPassword)).status).toBe(200);
    expect((await meWith(adminKey)).status).toBe(401);
    // The form is cleared, and this session goes on.
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    await page.getByText(`Your current key ends in ${keyAfterPassword.slice(-4)}`).waitFor();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('status', { name: 'New access key' }).waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(keyAfterPassword);

    // Rotate the key: asks first; Cancel keeps the key.
    await page.getByRole('button', { name: 'Rotate access key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate your access key?' });
    await dialog.waitFor();
    await page.waitForTimeout(400); // the modal's opening transition
    await checkAccessibility(page, 'rotate key dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await meWith(keyAfterPassword)).status).toBe(200);
    await page.getByRole('button', { name: 'Rotate access key' }).click();
    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    const rotated = await shownKey(page, 'New access key');
    await dialog.waitFor({ state: 'detached' });
    await checkAccessibility(page, 'account with a new key shown once');
    expect(rotated).not.toBe(keyAfterPassword);
    expect((await meWith(rotated)).status).toBe(200);
    expect((await meWith(keyAfterPassword)).status).toBe(401);
    await page.getByText(`Your current key ends in ${rotated.slice(-4)}`).waitFor();

    // The new password signs in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    await signIn(page, ADMIN.email, newPassword);
  });

});
