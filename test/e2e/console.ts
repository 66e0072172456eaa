import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkAccessibility, DESKTOP, PHONE, screenshot, type BrowserHarness } from './harness.js';

/** Checks the screen with axe and writes its screenshots at desktop and phone widths. */
export async function capture(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await settle(page);
    await checkAccessibility(page, `${name} (${size})`);
    await screenshot(page, `${name}-${size}`);
  }
  await page.setViewportSize(DESKTOP);
}

/** Waits until the page's CSS transitions and finite animations (e.g. the navigation sliding away) have finished. */
export async function settle(page: Page): Promise<void> {
  // A string, evaluated in the page: the tests are type-checked without the DOM's types.
  await page.evaluate(`(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Endless ones (a blinking cursor) never finish: only those with an end are waited for.
    const finite = document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  })()`);
}

/** Waits for the screen's h1. */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Signs in through the console's sign-in page and waits for the landing: the Admin Portal's overview for API Owners, the home for other staff. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/admin/sign-in');
  await heading(page, 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, /^(Welcome|Admin Portal$)/);
}

/** Opens a section from the navigation, as a user would. */
export async function openSection(page: Page, label: string, h1: string | RegExp = label): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: label, exact: true }).click();
  await heading(page, h1);
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Calls the HTTP API with an access key (to arrange what a test is not about, or to check what the UI did). */
export async function callApi(h: BrowserHarness, key: string, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // CSV and other text stay text
  }
  return { status: res.status, body: parsed };
}

export const ADMIN = { first: 'Ada', last: 'Lovelace', email: 'ada@example.com', password: 'analytical-engine-1843' } as const;

/** Creates the first administrator through the bootstrap API; returns their access key. */
export async function bootstrapAdmin(h: BrowserHarness, admin: { first: string; last: string; email: string; password: string } = ADMIN): Promise<string> {
  const res = await callApi(h, '', 'POST', '/portal-api/bootstrap', {
    username: admin.email,
    password: admin.password,
    first_name: admin.first,
    last_name: admin.last,
  });
  expect(res.status).toBe(200);
  return (res.body as { data: { api_token: string } }).data.api_token;
}

/** Creates a Dashboard user through the API (no forced password change); returns their id. */
export async function createUser(
  h: BrowserHarness,
  adminKey: string,
  user: { first: string; last: string; email: string; password: string; permissions?: Record<string, string>; groupId?: string },
): Promise<string> {
  const res = await callApi(h, adminKey, 'POST', '/api/users', {
    first_name: user.first,
    last_name: user.last,
    email_address: user.email,
    password: user.password,
    active: true,
    user_permissions: user.permissions ?? {},
    ...(user.groupId ? { group_id: user.groupId } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { Meta: { id: string } }).Meta.id;
}

/** Waits until the API says so (the UI saves asynchronously): reads until `check` holds, at most 5 s, and returns the last reading. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let last = await read();
  for (let i = 0; i < 50 && !check(last); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Picks an option of a searchable multi-select by typing part of its name. */
export async function pick(page: Page, label: string, typed: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).fill(typed);
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

/** Chooses an item of a row's three-dot menu ("Actions for <name>"). */
export async function openMenu(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Closes the "saved" notifications, so that screenshots show the screen under them. */
export async function dismissNotifications(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss notification' });
  // Each round closes what is shown then: a notification may appear, or close by itself, between two looks.
  await expect
    .poll(async () => {
      for (const button of await close.all()) await button.click({ timeout: 1000 }).catch(() => undefined);
      return close.count();
    })
    .toBe(0);
}
