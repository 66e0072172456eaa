import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { ADMIN, bootstrapAdmin, callApi, capture, heading, openSection, pick, signIn } from './console.js';
import { linkIn, startMailServer, type MailServer } from '../helpers/smtp.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';
import { consumerOk, startUpstream } from './portal.js';

/*
 * From a published product to a working key: an API Owner publishes a product
 * with a plan in a catalogue through the console; a visitor finds it in the Live
 * Portal, registers, is approved; their access request is approved in the
 * console, its credential listed there (never its key); the key works through
 * the gateway.
 */

let h: BrowserHarness | undefined;
let adminKey = '';
let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
let upstreamUrl = '';
let mail: MailServer | undefined;

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  upstream = await startUpstream();
  upstreamUrl = upstream.url;
  mail = await startMailServer();
  h = await startBrowserHarness({ PORTCULLIS_OUTBOX_POLL_MS: '100' }, { gateway: true });
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
  await mail?.stop();
  await upstream?.close();
});

const OWNERS = 'owners@example.com';
const DANA = { first: 'Dana', last: 'Developer', email: 'dana@consumer.example', password: 'dana-password-1' } as const;
const STARTER_WORDS = '100 requests per minute · approval required';

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await callApi(h!, adminKey, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}

const asConsumer = <T>(cookie: string, method: string, path: string, body?: unknown) => consumerOk<T>(h!, cookie, method, path, body);

/** The path and query of an emailed link, opened on the test's server (emails carry the configured public URL). */
function onServer(link: string): string {
  const u = new URL(link);
  return `${u.pathname}${u.search}`;
}

describe('Developer Portal journey', () => {
  it('publishes a product with a plan in a catalogue, lets a visitor find it, register and get approved, approves the access request and lists its credential; the key works through the gateway', async (ctx) => {
    requireChromium(ctx);
    // A real SMTP server started by the test receives the portal's emails.
    await admin('PUT', '/portal-api/settings/general', { SMTPHost: '127.0.0.1', SMTPPort: mail!.port, SenderEmail: 'portal@example.com', AdminNotificationEmail: OWNERS });
    await admin('POST', '/api/apis', {
      api_definition: { name: 'Weather API', active: true, proxy: { listen_path: '/weather/', target_url: upstreamUrl, strip_listen_path: true } },
    });
    // A private catalogue for one organisation: invisible to visitors, not even named.
    const acme = await admin<{ ID: number }>('POST', '/portal-api/organisations', { Name: 'Acme' });
    const secret = await admin<{ ID: number }>('POST', '/portal-api/products', { Name: 'partner-ledger', DisplayName: 'Partner ledger' });
    await admin('POST', '/portal-api/catalogues', { Name: 'Partners only', VisibilityStatus: 'Private', OrgCatalogues: [{ OrganisationID: acme.ID }], Products: [secret.ID] });
    const PAT = { email: 'pat@acme.example', password: 'pat-password-12' };
    await admin('POST', '/portal-api/users', { First: 'Pat', Last: 'Partner', Email: PAT.email, Password: PAT.password, Active: true, OrganisationID: acme.ID });

    // The API Owner lands in the Admin Portal and publishes: a product, a plan, a public catalogue holding both.
    const owner = await h!.newPage();
    await signIn(owner, ADMIN.email, ADMIN.password);
    await heading(owner, 'Admin Portal');
    await openSection(owner, 'Products');
    await owner.getByRole('link', { name: 'Add product' }).click();
    await heading(owner, 'Add product');
    await owner.getByLabel(/^Name/).fill('weather');
    await owner.getByLabel('Display name', { exact: true }).fill('Weather');
    await owner.getByLabel('Description', { exact: true }).fill('# Forecasts\n\nHourly **forecasts** for any place on Earth.');
    await pick(owner, 'APIs', 'Wea', /^Weather API/);
    await owner.getByRole('button', { name: 'Create product' }).click();
    await heading(owner, 'Weather');

    await openSection(owner, 'Plans');
    await owner.getByRole('link', { name: 'Add plan' }).click();
    await heading(owner, 'Add plan');
    await owner.getByRole('textbox', { name: 'Name', exact: true }).fill('starter');
    await owner.getByLabel('Display name').fill('Starter');
    await owner.getByRole('switch', { name: 'Unlimited rate' }).click();
    await owner.getByRole('textbox', { name: 'Rate limit', exact: true }).fill('100');
    await owner.getByText(STARTER_WORDS).waitFor();
    await owner.getByRole('button', { name: 'Create plan' }).click();
    await heading(owner, 'Plans');

    await openSection(owner, 'Catalogues');
    await owner.getByRole('link', { name: 'Add catalogue' }).click();
    await heading(owner, 'Add catalogue');
    await owner.getByRole('textbox', { name: 'Name', exact: true }).fill('Public APIs');
    expect(await owner.getByRole('radio', { name: 'Public' }).isChecked()).toBe(true);
    await pick(owner, 'Products', 'Wea', /^Weather/);
    await pick(owner, 'Plans', 'Sta', /^Starter/);
    await owner.getByRole('button', { name: 'Create catalogue' }).click();
    await heading(owner, 'Catalogues');
    await owner.getByRole('table', { name: 'Catalogues' }).getByRole('row', { name: /Public APIs.*Public.*Anyone, even signed out.*1.*1/ }).waitFor();

    // A visitor finds the product, its plan in plain words, and nothing of the private catalogue.
    const visitor = await h!.newPage();
    await visitor.goto('/');
    await heading(visitor, 'APIs on offer');
    const publicApis = visitor.getByRole('region', { name: 'Public APIs' });
    await publicApis.getByRole('link', { name: 'Weather' }).waitFor();
    await publicApis.getByText(`Starter (${STARTER_WORDS})`).waitFor();
    expect(await visitor.getByText('Partners only').count()).toBe(0);
    expect(await visitor.getByText('Partner ledger').count()).toBe(0);
    expect(await visitor.title()).toBe('Developer portal');
    await capture(visitor, 'portal-home');
    await publicApis.getByRole('link', { name: 'Weather' }).click();
    await heading(visitor, 'Weather');
    expect(await visitor.title()).toBe('Weather · Developer portal');
    // The description's own headings sit under the page's: `# Forecasts` is an h2 there.
    await visitor.getByRole('heading', { level: 2, name: 'Forecasts' }).waitFor();
    expect(await visitor.getByRole('heading', { level: 1 }).count()).toBe(1);
    await visitor.getByRole('article', { name: 'Starter' }).getByText(STARTER_WORDS).waitFor();
    await visitor.getByRole('region', { name: 'APIs' }).getByText('Weather API').waitFor();
    await capture(visitor, 'portal-product');
    // A hidden product's address answers like a missing one.
    await visitor.goto(pages.product(secret.ID));
    await heading(visitor, 'Page not found');
    await visitor.goto(pages.product(999_999));
    await heading(visitor, 'Page not found');

    // The visitor registers; approval is manual, so the page says so and sign-in is refused until then.
    await visitor.goto('/');
    await visitor.getByRole('link', { name: 'Register' }).first().click();
    await heading(visitor, 'Create an account');
    await visitor.getByLabel('First name').fill(DANA.first);
    await visitor.getByLabel('Last name').fill(DANA.last);
    await visitor.getByLabel(/^Email/).fill(DANA.email);
    await visitor.getByLabel(/^Password/).fill(DANA.password);
    await visitor.getByLabel(/^Repeat the password/).fill('something-else-1');
    await visitor.getByRole('button', { name: 'Create account' }).click();
    await visitor.getByText('does not match password').waitFor();
    expect(await visitor.getByLabel(/^Repeat the password/).getAttribute('aria-invalid')).toBe('true');
    await capture(visitor, 'portal-register-error');
    await visitor.getByLabel(/^Repeat the password/).fill(DANA.password);
    await visitor.getByRole('button', { name: 'Create account' }).click();
    await heading(visitor, 'Pending approval');
    await capture(visitor, 'portal-register-pending');
    await visitor.getByRole('link', { name: 'Go to sign in' }).click();
    await heading(visitor, 'Sign in');
    await visitor.getByLabel(/^Email/).fill(DANA.email);
    await visitor.getByLabel(/^Password/).fill(DANA.password);
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.getByRole('alert').filter({ hasText: 'an administrator must activate it' }).waitFor();
    await capture(visitor, 'portal-sign-in-pending');

    // The API Owners are told by email; its link opens the registration in the console.
    const review = await mail!.find(OWNERS, `New registration awaiting approval: ${DANA.email}`);
    await owner.goto(onServer(linkIn(review.text, 'http')));
    await heading(owner, `${DANA.first} ${DANA.last}`);

    // The API Owner sees it waiting on the overview and approves in one click.
    await openSection(owner, 'Overview', 'Admin Portal');
    await owner.getByRole('link', { name: '1 consumer waits for approval' }).click();
    await heading(owner, 'API consumers');
    await owner.getByRole('button', { name: `Approve ${DANA.first} ${DANA.last}` }).click();
    await owner.getByRole('button', { name: `Approve ${DANA.first} ${DANA.last}` }).waitFor({ state: 'detached' });

    // Dana's email says so; its link opens the sign-in page, where she now gets in and lands on her dashboard.
    const active = await mail!.find(DANA.email, 'Your portal account is active');
    await visitor.goto(onServer(linkIn(active.text, 'http')));
    await heading(visitor, 'Sign in');
    await visitor.getByLabel(/^Email/).fill(DANA.email);
    await visitor.getByLabel(/^Password/).fill(DANA.password);
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await heading(visitor, 'My dashboard');
    expect(new URL(visitor.url()).pathname).toBe(pages.consumerDashboard());
    await visitor.getByText(`${DANA.first} ${DANA.last}`).first().waitFor();

    // Dana is not in the private catalogue's audience: still nothing of it. Pat, of Acme, sees it once signed in.
    await visitor.goto('/');
    await visitor.getByRole('region', { name: 'Public APIs' }).waitFor();
    expect(await visitor.getByText('Partners only').count()).toBe(0);
    const pat = await h!.newPage();
    await pat.goto(pages.signIn());
    await pat.getByLabel(/^Email/).fill(PAT.email);
    await pat.getByLabel(/^Password/).fill(PAT.password);
    await pat.getByRole('button', { name: 'Sign in' }).click();
    await heading(pat, 'My dashboard');
    await pat.goto('/');
    await pat.getByRole('region', { name: 'Partners only' }).getByRole('link', { name: 'Partner ledger' }).waitFor();
    await pat.getByRole('region', { name: 'Public APIs' }).waitFor();
    await capture(pat, 'portal-home-private-catalogue');
    await pat.close();

    // Her app asks for Weather on the Starter plan (through the portal's API until the dashboard's pages exist).
    const cookie = (await visitor.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const app = await asConsumer<{ ID: number }>(cookie, 'POST', '/apps', { Name: 'Forecast widget', Description: 'Shows the weather' });
    const catalogues = await asConsumer<{ Products: { ID: number; Name: string }[]; Plans: { ID: number; Name: string }[] }[]>(cookie, 'GET', '/catalogues');
    const product = catalogues.flatMap((c) => c.Products).find((p) => p.Name === 'weather')!;
    const plan = catalogues.flatMap((c) => c.Plans).find((p) => p.Name === 'starter')!;
    const request = await asConsumer<{ ID: number; Status: string }>(cookie, 'POST', '/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: plan.ID });
    expect(request.Status).toBe('pending');

    // The API Owner approves it; the credential it produced is listed, its key is not.
    await openSection(owner, 'Access requests');
    const requests = owner.getByRole('table', { name: 'Access requests' });
    await requests.getByRole('button', { name: `Approve access request ${request.ID}` }).click();
    const approve = owner.getByRole('dialog', { name: 'Approve access request' });
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.waitFor({ state: 'detached' });
    await requests.getByRole('link', { name: `Access request ${request.ID} by ${DANA.first} ${DANA.last}` }).click();
    await heading(owner, `Access request ${request.ID}`);
    await owner.getByText(STARTER_WORDS).waitFor();
    const credentials = owner.getByRole('table', { name: `Credentials of access request ${request.ID}` });
    // The key itself is made when Dana next opens her app, and shown to her alone.
    await credentials.getByRole('row', { name: /Credential \d+.*No key yet.*Waiting for the owner/ }).waitFor();

    // Dana reveals her key once; the console never showed it; the gateway lets it through.
    const appView = await asConsumer<{ AccessRequests: { ID: number; Credentials: { ID: number }[] }[] }>(cookie, 'GET', `/apps/${app.ID}`);
    const credentialId = appView.AccessRequests.find((r) => r.ID === request.ID)!.Credentials[0]!.ID;
    const revealed = await asConsumer<{ Credential: { Credential: string } }>(cookie, 'POST', `/apps/${app.ID}/credentials/${credentialId}/reveal`);
    const key = revealed.Credential.Credential;
    await owner.reload();
    await credentials.getByRole('row', { name: /Credential \d+.*Active/ }).waitFor();
    await capture(owner, 'console-portal-access-request-credential');
    expect(await owner.content()).not.toContain(key);
    const call = await fetch(`${h!.server.gateway!.url}/weather/today`, { headers: { authorization: key } });
    expect(call.status).toBe(200);
    expect(await call.json()).toEqual({ forecast: 'sunny', path: '/today' });
    const refused = await fetch(`${h!.server.gateway!.url}/weather/today`);
    expect(refused.status).toBe(401);
  });
});
