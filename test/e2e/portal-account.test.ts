import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { bootstrapAdmin, callApi, capture, heading } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';
import { asConsumer as asConsumerOf, consumerOk, startUpstream } from './portal.js';

/*
 * A consumer's own pages in the Live Portal: My profile (name, password; the
 * other sessions end), My organisation for a consumer-admin (invite, change a
 * member's role and teams, remove a member; others get the 404 page), and an
 * app's usage page showing a call made through the gateway with the app's key,
 * and not another app's calls.
 */

let h: BrowserHarness | undefined;
let adminKey = '';
let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
let upstreamUrl = '';

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  upstream = await startUpstream();
  upstreamUrl = upstream.url;
  h = await startBrowserHarness({}, { gateway: true });
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
  await upstream?.close();
});

const CAROL = { first: 'Carol', last: 'Chen', email: 'carol@acme.example', password: 'carol-password-1' } as const;
const TOM = { first: 'Tom', last: 'Tanaka', email: 'tom@acme.example', password: 'tom-password-1' } as const;
const RITA = { first: 'Rita', last: 'Rossi', email: 'rita@acme.example', password: 'rita-password-1' } as const;
const NEW_PASSWORD = 'carol-new-password-2';

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}

/** A session cookie of a consumer, signed in through the API (another browser, as far as the server knows). */
async function sessionOf(email: string, password: string): Promise<string> {
  const res = await fetch(`${h!.url}/auth/password/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: h!.url }, body: JSON.stringify({ email, password }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const asConsumer = <T>(cookie: string, method: string, path: string, body?: unknown) => asConsumerOf<T>(h!, cookie, method, path, body);
const ok = <T>(cookie: string, method: string, path: string, body?: unknown) => consumerOk<T>(h!, cookie, method, path, body);

/** An app with an auto-approved access request, its credential's key revealed. */
async function appWithKey(cookie: string, name: string, productId: number, planId: number): Promise<{ id: number; key: string }> {
  const app = await ok<{ ID: number }>(cookie, 'POST', '/apps', { Name: name });
  const request = await ok<{ Status: string; Credentials: { ID: number }[] }>(cookie, 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: planId });
  expect(request.Status).toBe('approved');
  const revealed = await ok<{ Credential: { Credential: string } }>(cookie, 'POST', `/apps/${app.ID}/credentials/${request.Credentials[0]!.ID}/reveal`);
  return { id: app.ID, key: revealed.Credential.Credential };
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

describe('Live Portal: my profile, my organisation, my app’s usage', () => {
  it('changes the name and password, manages the organisation’s members, and shows an app’s own calls through the gateway', async (ctx) => {
    requireChromium(ctx);
    // What the pages are not about, through the API: an API behind the gateway, a product on an auto-approve plan, an organisation.
    const api = await admin<{ ID: string }>('POST', '/api/apis', {
      api_definition: { name: 'Weather API', active: true, proxy: { listen_path: '/weather/', target_url: upstreamUrl, strip_listen_path: true } },
    });
    const plan = await admin<{ ID: number }>('POST', '/portal-api/plans', { Name: 'free', DisplayName: 'Free', UnlimitedRateLimit: true, UnlimitedQuota: true, AutoApproveAccessRequests: true });
    const product = await admin<{ ID: number }>('POST', '/portal-api/products', { Name: 'weather', DisplayName: 'Weather', APIDetails: [{ APIID: api.ID }] });
    await admin('POST', '/portal-api/catalogues', { Name: 'Public APIs', VisibilityStatus: 'Public', Products: [product.ID], Plans: [plan.ID] });
    const acme = await admin<{ ID: number }>('POST', '/portal-api/organisations', { Name: 'Acme' });
    const mobile = await admin<{ ID: number }>('POST', `/portal-api/organisations/${acme.ID}/teams`, { Name: 'Mobile' });
    const acmeTeams = (await admin<{ Teams: { ID: number; Name: string; Default: boolean }[] }>('GET', `/portal-api/organisations/${acme.ID}`)).Teams;
    const acmeDefault = acmeTeams.find((t) => t.Default)!;
    const user = async (u: { first: string; last: string; email: string; password: string }, role: string, teams?: number[]) =>
      (
        await admin<{ ID: number }>('POST', '/portal-api/users', {
          First: u.first,
          Last: u.last,
          Email: u.email,
          Password: u.password,
          Active: true,
          Role: role,
          OrganisationID: acme.ID,
          ...(teams ? { Teams: teams } : {}),
        })
      ).ID;
    await user(CAROL, 'consumer-admin');
    const tomId = await user(TOM, 'consumer-team-member', [mobile.ID]);
    const ritaId = await user(RITA, 'consumer-team-member');

    // --- My profile ---
    const page = await h!.newPage();
    await page.goto(pages.signIn());
    await heading(page, 'Sign in');
    await page.getByLabel(/^Email/).fill(CAROL.email);
    await page.getByLabel(/^Password/).fill(CAROL.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'My dashboard');
    // Another browser of Carol's: its session ends when she changes her password.
    const otherBrowser = await sessionOf(CAROL.email, CAROL.password);
    expect((await asConsumer(otherBrowser, 'GET', '/me')).status).toBe(200);

    await page.getByRole('link', { name: `My profile: ${CAROL.first} ${CAROL.last}` }).click();
    await heading(page, 'My profile');
    expect(await page.title()).toBe('My profile · Developer portal');
    await page.getByLabel(/^First name/).fill('Caroline');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Your name is saved.' }).waitFor();
    await page.getByRole('link', { name: `My profile: Caroline ${CAROL.last}` }).waitFor();

    await page.getByLabel(/^Current password/).fill('not-my-password');
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Repeat the new password/).fill('something-else-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The two new passwords are not the same').waitFor();
    await page.getByLabel(/^Repeat the new password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('does not match your current password').waitFor();
    expect(await page.getByLabel(/^Current password/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/^Current password/).fill(CAROL.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your other sessions have ended.' }).waitFor();
    await capture(page, 'portal-profile');
    // Through the API: the name is saved, the other session is over, the new password works, this session goes on.
    const carol = await sessionOf(CAROL.email, NEW_PASSWORD);
    expect((await ok<{ First: string }>(carol, 'GET', '/me')).First).toBe('Caroline');
    expect((await asConsumer(otherBrowser, 'GET', '/me')).status).toBe(401);
    await page.reload();
    await heading(page, 'My profile');

    // --- My organisation ---
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'My organisation' }).click();
    await heading(page, 'My organisation');
    const members = page.getByRole('region', { name: /^Members/ });
    await members.getByRole('listitem', { name: `${TOM.first} ${TOM.last}` }).getByText('Role: Member · Teams: Mobile').waitFor();
    await members.getByRole('listitem', { name: `Caroline ${CAROL.last}` }).getByText('(you)').waitFor();

    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByLabel(/^Email address/).fill('newcomer@acme.example');
    await invite.getByLabel('Team', { exact: true }).click();
    await page.getByRole('option', { name: 'Mobile' }).click();
    await invite.getByRole('radio', { name: /^Member/ }).check();
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByRole('status').filter({ hasText: 'Invitation sent to newcomer@acme.example' }).waitFor();
    await capture(page, 'portal-organisation');

    // Tom becomes an administrator, in Mobile and the default team.
    await members.getByRole('button', { name: `Change role and teams of ${TOM.first} ${TOM.last}` }).click();
    const edit = page.getByRole('dialog', { name: `Role and teams of ${TOM.first} ${TOM.last}` });
    await edit.getByRole('radio', { name: /^Administrator/ }).check();
    await edit.getByRole('checkbox', { name: acmeDefault.Name }).check();
    await capture(page, 'portal-organisation-edit');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await members.getByRole('listitem', { name: `${TOM.first} ${TOM.last}` }).getByText(/Role: Administrator · Teams: .*Mobile/).waitFor();
    const tom = await admin<{ Role: string; Teams: { ID: number }[] }>('GET', `/portal-api/users/${tomId}`);
    expect(tom.Role).toBe('consumer-admin');
    expect(tom.Teams.map((t) => t.ID).sort()).toEqual([mobile.ID, acmeDefault.ID].sort());

    // Rita is removed, after a confirmation saying what that means.
    await members.getByRole('button', { name: `Remove ${RITA.first} ${RITA.last}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove ${RITA.first} ${RITA.last}?` });
    await confirm.getByText(/moves to the Default Organisation\. They keep their account and their apps/).waitFor();
    await capture(page, 'portal-organisation-remove');
    await confirm.getByRole('button', { name: `Remove ${RITA.first} ${RITA.last}` }).click();
    await confirm.waitFor({ state: 'detached' });
    await members.getByRole('listitem', { name: `${RITA.first} ${RITA.last}` }).waitFor({ state: 'detached' });
    const organisations = await admin<{ ID: number; Default: boolean }[]>('GET', '/portal-api/organisations');
    const rita = await admin<{ OrganisationID: number; Active: boolean }>('GET', `/portal-api/users/${ritaId}`);
    expect(rita.OrganisationID).toBe(organisations.find((o) => o.Default)!.ID);
    expect(rita.Active).toBe(true);

    // A team member gets the 404 page, and no menu link.
    const member = await h!.newPage();
    await member.goto(pages.signIn());
    await member.getByLabel(/^Email/).fill(RITA.email);
    await member.getByLabel(/^Password/).fill(RITA.password);
    await member.getByRole('button', { name: 'Sign in' }).click();
    await heading(member, 'My dashboard');
    expect(await member.getByRole('link', { name: 'My organisation' }).count()).toBe(0);
    await member.goto(pages.organisation());
    await heading(member, 'Page not found');

    // --- An app's usage: Carol's call through the gateway, not Tom's ---
    const tomSession = await sessionOf(TOM.email, TOM.password);
    const mine = await appWithKey(carol, 'Forecast widget', product.ID, plan.ID);
    const theirs = await appWithKey(tomSession, 'Tom’s tool', product.ID, plan.ID);
    const call = (key: string) => fetch(`${h!.server.gateway!.url}/weather/today`, { headers: { authorization: key } });
    expect((await call(mine.key)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await call(theirs.key)).status).toBe(200);
    const today = utcDay(new Date());
    const week = `from=${utcDay(new Date(Date.now() - 6 * 86_400_000))}&to=${today}`;
    // The gateway writes its analytics in the background: wait until both apps' calls are in.
    for (;;) {
      const [a, b] = await Promise.all([
        ok<{ Totals: { Requests: number } }>(carol, 'GET', `/apps/${mine.id}/usage?${week}`),
        ok<{ Totals: { Requests: number } }>(tomSession, 'GET', `/apps/${theirs.id}/usage?${week}`),
      ]);
      if (a.Totals.Requests >= 1 && b.Totals.Requests >= 2) {
        expect(a.Totals.Requests).toBe(1);
        expect(b.Totals.Requests).toBe(2);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    await page.goto(pages.consumerAppUsage(mine.id));
    await heading(page, 'Usage of Forecast widget');
    expect(await page.title()).toBe('Usage of Forecast widget · Developer portal');
    const calls = page.getByRole('region', { name: 'Calls and errors' });
    await calls.getByText(/^1 call from .*, 0 errors among them/).waitFor();
    await capture(page, 'portal-app-usage');
    await calls.getByRole('switch', { name: 'Show as table' }).click();
    const table = calls.getByRole('table');
    const todayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date());
    await table.getByRole('row', { name: `${todayLabel} 1 0`, exact: true }).waitFor();
    expect(await table.getByRole('row').count()).toBe(8);
    await capture(page, 'portal-app-usage-table');
    // Tom's app is not Carol's to see (a personal app): the 404 page.
    await page.goto(pages.consumerAppUsage(theirs.id));
    await heading(page, 'Page not found');
    // A period without calls says so.
    await page.goto(pages.consumerAppUsage(mine.id));
    await heading(page, 'Usage of Forecast widget');
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To (included)').fill('2020-01-07');
    await page.getByText('No calls yet in this period').waitFor();
    await capture(page, 'portal-app-usage-empty');
  });
});
