import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, capture, heading } from './console.js';
import { checkAccessibility, chromiumAvailable, DESKTOP, PHONE, requireChromium, screenshot, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
beforeAll(async () => {
  if (chromiumAvailable()) h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the console on a fresh installation', () => {
  it('creates the first administrator from the setup page, signs out, refuses a wrong password and signs in', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage(DESKTOP);

    // Nobody exists yet: /admin/ shows the setup page.
    await page.goto('/admin/');
    await heading(page, 'Set up Portcullis');
    expect(new URL(page.url()).pathname).toBe('/admin/setup');
    await capture(page, 'console-setup');

    await page.getByLabel('First name').fill(ADMIN.first);
    await page.getByLabel('Last name').fill(ADMIN.last);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();

    // Signed in as the new administrator.
    await heading(page, `Welcome, ${ADMIN.first}`);
    await page.getByRole('banner').getByText(`${ADMIN.first} ${ADMIN.last}`).waitFor();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'APIs' }).waitFor();
    await capture(page, 'console-home');

    // On a phone the navigation sits behind the burger.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).waitFor();
    await checkAccessibility(page, 'home with navigation open (phone)');
    await screenshot(page, 'console-home-navigation-phone');
    await page.getByRole('button', { name: 'Close navigation' }).click();
    await page.setViewportSize(DESKTOP);

    // Sign out: back to the sign-in page, and the home needs signing in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await capture(page, 'console-sign-in');
    await page.goto('/admin/');
    await heading(page, 'Sign in');

    // A wrong password shows the API's message.
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    await checkAccessibility(page, 'sign-in with an error');
    await screenshot(page, 'console-sign-in-error-desktop');

    // The right one lands an administrator (an API Owner) in the Admin Portal: nothing waits yet, the first steps say what to set up.
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Admin Portal');
    expect(new URL(page.url()).pathname).toBe('/admin/portal');
    await page.getByText('Nothing waits for you').waitFor();
    await page.getByRole('link', { name: 'Create a product' }).waitFor();
    await capture(page, 'console-admin-portal-overview');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Home' }).click();
    await heading(page, `Welcome, ${ADMIN.first}`);

    // The setup page is gone for good.
    await page.goto('/admin/setup');
    await heading(page, `Welcome, ${ADMIN.first}`);
  });
});
