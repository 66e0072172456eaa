import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createApi, createUser, setOwners } from '../helpers/fixtures.js';
import { configureSmtp, startMailServer, type MailServer } from '../helpers/smtp.js';

/*
 * Apps, access requests and credentials through the Admin Portal (/portal-api)
 * and the Live Portal (/portal/api): the whole journey from an app to a working
 * key and back to a dead one, the one-time reveal, rotation, visibility between
 * team and organisation members, API ownership in the admin views, validation and email.
 */

const PUBLIC = 'https://portal.example.com';
const PASSWORD = 'consumer-password-1';
const ADMIN_INBOX = 'owners@example.com';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Credential {
  ID: number;
  Credential: string;
  CredentialHash: string;
  Revealed: boolean;
  Expires?: string;
}
interface Request {
  ID: number;
  Status: string;
  ProvisionImmediately: boolean;
  Credentials: Credential[];
}
interface App {
  ID: number;
  Name: string;
  UserID: number;
  Visibility: string;
  AccessRequests: Request[];
}

describe('apps, access requests and credentials', () => {
  let t: TestApp;
  let root: string;
  let mail: MailServer;
  let payments: { id: string; apiId: string };
  let other: { id: string; apiId: string };
  let secret: { id: string; apiId: string };
  let catalogueId: number;
  let productId: number;
  let secretProductId: number;
  let gold: number;
  let free: number;
  let acme: { ID: number; Teams: { ID: number }[] };
  let mobile: number;
  const ids: Record<string, number> = {};
  const sessions: Record<string, string> = {};

  async function ok<T>(res: LightMyRequestResponse, status = 200): Promise<T> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  }
  const admin = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });
  const as = (who: string, method: string, url: string, body?: unknown) =>
    t.request(method, `/portal/api${url}`, { session: sessions[who]!, body, headers: SAME_ORIGIN });

  async function consumer(who: string, org: number, role: string, teams?: number[]): Promise<void> {
    const email = `${who}@example.com`;
    const res = await admin('POST', '/users', { First: who, Last: 'Consumer', Email: email, Password: PASSWORD, Active: true, Role: role, OrganisationID: org, ...(teams ? { Teams: teams } : {}) });
    ids[who] = (await ok<{ ID: number }>(res)).ID;
    sessions[who] = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email, password: PASSWORD } }))!;
  }
  const newApp = async (who: string, body: Record<string, unknown>) => ok<App>(await as(who, 'POST', '/apps', body));
  const request = async (who: string, appId: number, planId: number, product = productId) =>
    ok<Request>(await as(who, 'POST', '/access-requests', { AppID: appId, ProductID: product, PlanID: planId }));
  /** The one-time reveal of a credential's key (a POST: no view mints a key). */
  const reveal = async (who: string, appId: number, credentialId: number) =>
    (await ok<{ status: string; Credential: Credential }>(await as(who, 'POST', `/apps/${appId}/credentials/${credentialId}/reveal`))).Credential;
  const keyStatus = async (hash: string) => (await t.request('GET', `/api/keys/${hash}`, { key: root })).statusCode;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_OUTBOX_POLL_MS: '100', PORTCULLIS_PUBLIC_URL: PUBLIC, PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    mail = await startMailServer();
    await configureSmtp(t, root, mail.port);
    payments = await createApi(t, root, 'Payments', '/payments/');
    other = await createApi(t, root, 'Other', '/other/');
    secret = await createApi(t, root, 'Secret', '/secret/');
    const keeper = await createUser(t, root, 'keeper@example.com', { perms: { apis: 'write' } });
    await setOwners(t, root, secret.apiId, [keeper.id], []);

    catalogueId = (await ok<{ ID: number }>(await admin('POST', '/catalogues', { Name: 'Public', VisibilityStatus: 'Public' }))).ID;
    gold = (
      await ok<{ ID: number }>(
        await admin('POST', '/plans', { Name: 'Gold', RateLimit: 10, Per: 60, Quota: 1000, QuotaRenewalRate: 3600, KeyExpiresIn: 86400, Catalogues: [catalogueId] }),
      )
    ).ID;
    free = (await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Free', UnlimitedRateLimit: true, UnlimitedQuota: true, AutoApproveAccessRequests: true, Catalogues: [catalogueId] })))
      .ID;
    productId = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Payments', APIDetails: [{ APIID: payments.apiId }], Catalogues: [catalogueId] }), 201)).ID;
    secretProductId = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Vault', APIDetails: [{ APIID: secret.apiId }], Catalogues: [catalogueId] }), 201)).ID;

    acme = await ok(await admin('POST', '/organisations', { Name: 'Acme' }));
    mobile = (await ok<{ ID: number }>(await admin('POST', `/organisations/${acme.ID}/teams`, { Name: 'Mobile' }))).ID;
    const elsewhere = await ok<{ ID: number }>(await admin('POST', '/organisations', { Name: 'Elsewhere' }));
    await consumer('owner', acme.ID, 'consumer-team-member', [mobile]);
    await consumer('teammate', acme.ID, 'consumer-team-member', [mobile]);
    await consumer('orgmate', acme.ID, 'consumer-team-member');
    await consumer('boss', acme.ID, 'consumer-admin');
    await consumer('outsider', elsewhere.ID, 'consumer-team-member');
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  it('goes from an app to a key granting the product on the plan, revealed once, rotated, and revoked with the request', async () => {
    const app = await newApp('owner', { Name: 'Checkout', Description: 'Takes payments' });
    expect(app).toMatchObject({ Name: 'Checkout', Visibility: 'personal', UserID: ids.owner, AccessRequests: [] });

    const pending = await request('owner', app.ID, gold);
    expect(pending).toMatchObject({ Status: 'pending', ProvisionImmediately: false, Credentials: [], Products: ['Payments'], Plan: 'Gold', Client: 'Checkout' });
    const submitted = await mail.find(ADMIN_INBOX, 'Access request: Payments / Gold for Checkout');
    // The review link leads to the console page of the request (a page, not a JSON route).
    expect(submitted.text).toContain(`${PUBLIC}${pages.accessRequestReview(pending.ID)}`);
    const duplicate = await as('owner', 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: gold });
    expect(duplicate.statusCode).toBe(409);

    const listed = await ok<{ ID: number; Status: string; Products: string }[]>(await admin('GET', '/access_requests?status=pending'));
    expect(listed.map((r) => r.ID)).toContain(pending.ID);
    expect(listed.find((r) => r.ID === pending.ID)!.Products).toBe('Payments');

    expect(await ok(await admin('PUT', `/access_requests/${pending.ID}/approve`))).toEqual({ status: 'ok', message: 'Access request approved' });
    expect((await admin('PUT', `/access_requests/${pending.ID}/approve`)).statusCode).toBe(409);
    const approvedMail = await mail.find('owner@example.com', 'Access approved: Payments for Checkout');
    expect(approvedMail.text).toContain(`${PUBLIC}/portal/apps/${app.ID}`);

    // Administrators see the credential, never its key; their view mints nothing.
    const adminView = await ok<App>(await admin('GET', `/apps/${app.ID}`));
    expect(adminView.AccessRequests[0]!.Credentials).toEqual([expect.objectContaining({ Credential: '', CredentialHash: '', Revealed: false })]);

    // A teammate cannot see a personal app at all.
    expect((await as('teammate', 'GET', `/apps/${app.ID}`)).statusCode).toBe(404);

    const first = await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`));
    expect(first.AccessRequests[0]!.Credentials[0]).toMatchObject({ Credential: '', Revealed: false });
    const cred = await reveal('owner', app.ID, first.AccessRequests[0]!.Credentials[0]!.ID);
    expect(cred.Credential).toMatch(/^[0-9a-f]{40}$/);
    expect(cred.CredentialHash).toBe(sha256(cred.Credential));
    expect(cred.Revealed).toBe(true);
    expect(cred.Expires).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const key = cred.Credential;

    const again = await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`));
    expect(again.AccessRequests[0]!.Credentials[0]).toMatchObject({ Credential: '********', CredentialHash: sha256(key) });
    expect(JSON.stringify(again)).not.toContain(key);
    const single = await ok<Credential>(await as('owner', 'GET', `/apps/${app.ID}/credentials/${cred.ID}`));
    expect(single.Credential).toBe('********');
    expect(JSON.stringify(await ok(await admin('GET', `/apps/${app.ID}`)))).not.toContain(key);

    // The key: the backing policy of Payments on Gold, nothing else; the plan's limits; the plan's lifetime.
    const stored = await ok<{ data: { apply_policies: string[]; rate: number; per: number; quota_max: number; quota_renewal_rate: number; expires: number; access_rights: Record<string, unknown> } }>(
      await t.request('GET', `/api/keys/${sha256(key)}`, { key: root }),
    );
    expect(stored.data).toMatchObject({ rate: 10, per: 60, quota_max: 1000, quota_renewal_rate: 3600, access_rights: {} });
    expect(stored.data.apply_policies).toHaveLength(1);
    const inAMinute = Math.floor(Date.now() / 1000) + 86400;
    expect(Math.abs(stored.data.expires - inAMinute)).toBeLessThan(120);
    const policy = await ok<{ access_rights: Record<string, unknown> }>(await t.request('GET', `/api/portal/policies/${stored.data.apply_policies[0]}`, { key: root }));
    expect(Object.keys(policy.access_rights)).toEqual([payments.apiId]);
    expect(Object.keys(policy.access_rights)).not.toContain(other.apiId);

    // Rotation: a new key in that reply only; the old one is gone.
    const rotated = await ok<{ status: string; Credential: Credential }>(await as('owner', 'PUT', `/apps/${app.ID}/credentials/${cred.ID}/rotate`));
    expect(rotated.Credential.Credential).toMatch(/^[0-9a-f]{40}$/);
    expect(rotated.Credential.Credential).not.toBe(key);
    expect(await keyStatus(sha256(key))).toBe(404);
    expect(await keyStatus(sha256(rotated.Credential.Credential))).toBe(200);
    const afterRotation = await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`));
    expect(afterRotation.AccessRequests[0]!.Credentials[0]!.Credential).toBe('********');

    // The Admin Portal's rotation kills the key at once; the new key goes to the owner only, when they reveal it.
    const byAdmin = await ok<{ Credential: Credential }>(await admin('PUT', `/apps/${app.ID}/credentials/${cred.ID}/rotate`));
    expect(await keyStatus(sha256(rotated.Credential.Credential))).toBe(404);
    expect(byAdmin.Credential.Credential).not.toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.stringify(byAdmin)).not.toMatch(/[0-9a-f]{40}/);
    const reissued = await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`));
    expect(reissued.AccessRequests[0]!.Credentials[0]).toMatchObject({ Credential: '', Revealed: false });
    const newKey = (await reveal('owner', app.ID, cred.ID)).Credential;
    expect(newKey).toMatch(/^[0-9a-f]{40}$/);
    expect(newKey).not.toBe(rotated.Credential.Credential);
    expect(await keyStatus(sha256(newKey))).toBe(200);
    expect((await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`))).AccessRequests[0]!.Credentials[0]!.Credential).toBe('********');

    // Deleting the approved request revokes its credential.
    expect(await ok(await admin('DELETE', `/access_requests/${pending.ID}`))).toEqual({ status: 'ok' });
    expect(await keyStatus(sha256(newKey))).toBe(404);
    expect((await admin('GET', `/access_requests/${pending.ID}`)).statusCode).toBe(404);
    expect((await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`))).AccessRequests).toEqual([]);

  });

  it('never mints or spends the one-time reveal on a GET: the reveal is an explicit, CSRF-protected POST', async () => {
    const app = await newApp('owner', { Name: 'Navigated' });
    const r = await request('owner', app.ID, free);
    const cid = r.Credentials[0]!.ID;
    // Any number of views (a cross-site navigation is a GET) show the credential without a key and mint none.
    for (let i = 0; i < 2; i++) {
      const view = await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`));
      expect(view.AccessRequests[0]!.Credentials[0]).toMatchObject({ Credential: '', CredentialHash: '', Revealed: false });
      expect(await ok<Credential>(await as('owner', 'GET', `/apps/${app.ID}/credentials/${cid}`))).toMatchObject({ Credential: '', CredentialHash: '', Revealed: false });
      expect((await t.request('HEAD', `/portal/api/apps/${app.ID}/credentials/${cid}`, { session: sessions.owner! })).statusCode).toBe(200);
    }
    const session = { session: sessions.owner! };
    // A cross-site POST (or one without Origin) is refused and spends nothing.
    const evil = await t.request('POST', `/portal/api/apps/${app.ID}/credentials/${cid}/reveal`, { ...session, headers: { origin: 'https://evil.example' } });
    expect(evil.statusCode).toBe(403);
    expect((await t.request('POST', `/portal/api/apps/${app.ID}/credentials/${cid}/reveal`, session)).statusCode).toBe(403);
    // Readers may not reveal; strangers see nothing; an unknown credential is absent.
    await ok(await as('owner', 'PUT', `/apps/${app.ID}`, { Visibility: 'team' }));
    expect((await as('teammate', 'POST', `/apps/${app.ID}/credentials/${cid}/reveal`)).statusCode).toBe(403);
    expect((await as('orgmate', 'POST', `/apps/${app.ID}/credentials/${cid}/reveal`)).statusCode).toBe(404);
    expect((await as('owner', 'POST', `/apps/${app.ID}/credentials/999999/reveal`)).statusCode).toBe(404);
    expect((await ok<Credential>(await as('owner', 'GET', `/apps/${app.ID}/credentials/${cid}`))).Revealed).toBe(false);

    const revealed = await ok<{ status: string; Credential: Credential }>(await as('owner', 'POST', `/apps/${app.ID}/credentials/${cid}/reveal`));
    expect(revealed.status).toBe('ok');
    const key = revealed.Credential.Credential;
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(revealed.Credential).toMatchObject({ CredentialHash: sha256(key), Revealed: true });
    expect(await keyStatus(sha256(key))).toBe(200);
    // Once only: a second reveal is a conflict; views show it redacted.
    expect((await as('owner', 'POST', `/apps/${app.ID}/credentials/${cid}/reveal`)).statusCode).toBe(409);
    expect((await ok<Credential>(await as('owner', 'GET', `/apps/${app.ID}/credentials/${cid}`))).Credential).toBe('********');
    expect(JSON.stringify(await ok(await as('owner', 'GET', `/apps/${app.ID}`)))).not.toContain(key);
  });

  it('approves at once on an auto-approving plan, still recorded; deleting the app revokes its keys', async () => {
    const app = await newApp('owner', { Name: 'Quick' });
    const r = await request('owner', app.ID, free);
    expect(r).toMatchObject({ Status: 'approved', ProvisionImmediately: true });
    expect(r.Credentials).toEqual([expect.objectContaining({ Credential: '', Revealed: false })]);
    const shown = await ok<Request>(await admin('GET', `/access_requests/${r.ID}`));
    expect(shown).toMatchObject({ Status: 'approved', ProvisionImmediately: true });
    await mail.find('owner@example.com', 'Access approved: Payments for Quick');

    const cred = await reveal('owner', app.ID, r.Credentials[0]!.ID);
    expect(cred.Credential).toMatch(/^[0-9a-f]{40}$/);
    const stored = await ok<{ data: { rate: number; per: number; quota_max: number; expires: number } }>(await t.request('GET', `/api/keys/${cred.CredentialHash}`, { key: root }));
    expect(stored.data).toMatchObject({ rate: 0, per: 0, quota_max: -1, expires: 0 });

    expect(await ok(await as('owner', 'DELETE', `/apps/${app.ID}`))).toEqual({ status: 'ok' });
    expect(await keyStatus(cred.CredentialHash)).toBe(404);
    expect((await as('owner', 'GET', `/apps/${app.ID}`)).statusCode).toBe(404);
    expect((await admin('GET', `/access_requests/${r.ID}`)).statusCode).toBe(404);
  });

  it("lets the app's owner revoke a credential: the key stops working and the request is removed; readers may not, strangers see nothing", async () => {
    const app = await newApp('owner', { Name: 'Revocable', Visibility: 'team' });
    const r = await request('owner', app.ID, free);
    const cid = r.Credentials[0]!.ID;
    const cred = await reveal('owner', app.ID, cid);
    expect(await keyStatus(cred.CredentialHash)).toBe(200);

    expect((await as('teammate', 'DELETE', `/apps/${app.ID}/credentials/${cid}`)).statusCode).toBe(403);
    expect((await as('outsider', 'DELETE', `/apps/${app.ID}/credentials/${cid}`)).statusCode).toBe(404);
    expect((await as('owner', 'DELETE', `/apps/${app.ID}/credentials/999999`)).statusCode).toBe(404);
    expect((await as('owner', 'DELETE', `/apps/${app.ID}/credentials/abc`)).statusCode).toBe(404);
    expect(await keyStatus(cred.CredentialHash)).toBe(200);

    expect(await ok(await as('owner', 'DELETE', `/apps/${app.ID}/credentials/${cid}`))).toEqual({ status: 'ok' });
    expect(await keyStatus(cred.CredentialHash)).toBe(404);
    expect((await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`))).AccessRequests).toEqual([]);
    expect((await admin('GET', `/access_requests/${r.ID}`)).statusCode).toBe(404);
    expect((await as('owner', 'DELETE', `/apps/${app.ID}/credentials/${cid}`)).statusCode).toBe(404);

    // A credential never revealed (no key yet) is revoked too.
    const again = await request('owner', app.ID, free);
    expect(await ok(await as('owner', 'DELETE', `/apps/${app.ID}/credentials/${again.Credentials[0]!.ID}`))).toEqual({ status: 'ok' });
    expect((await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`))).AccessRequests).toEqual([]);
  });

  it('rejects a pending request, tells the consumer, and never issues a credential', async () => {
    const app = await newApp('owner', { Name: 'Declined' });
    const r = await request('owner', app.ID, gold);
    expect(await ok(await admin('PUT', `/access_requests/${r.ID}/reject`))).toEqual({ status: 'ok', message: 'Access request rejected' });
    await mail.find('owner@example.com', 'Access request declined: Payments for Declined');
    expect((await admin('PUT', `/access_requests/${r.ID}/reject`)).statusCode).toBe(409);
    expect((await admin('PUT', `/access_requests/${r.ID}/approve`)).statusCode).toBe(409);
    const view = await ok<App>(await as('owner', 'GET', `/apps/${app.ID}`));
    expect(view.AccessRequests).toEqual([expect.objectContaining({ ID: r.ID, Status: 'rejected', Credentials: [] })]);
    const rejected = await ok<{ ID: number }[]>(await admin('GET', '/access_requests?status=rejected'));
    expect(rejected.map((x) => x.ID)).toEqual([r.ID]);
    // A rejected request does not block asking again.
    expect((await request('owner', app.ID, gold)).Status).toBe('pending');
  });

  it('takes an optional comment with a decision: the consumer reads it on their app and in the email; administrators see who decided', async () => {
    const app = await newApp('owner', { Name: 'Commented' });
    const yes = await request('owner', app.ID, gold);
    expect((await admin('PUT', `/access_requests/${yes.ID}/approve`, { Comment: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await admin('PUT', `/access_requests/${yes.ID}/approve`, { Comment: '  Welcome aboard  ' })).statusCode).toBe(200);
    const approvedMail = await mail.find('owner@example.com', 'Access approved: Payments for Commented');
    expect(approvedMail.text).toContain('Comment from the API team: Welcome aboard');
    const shown = await ok<Record<string, unknown>>(await admin('GET', `/access_requests/${yes.ID}`));
    expect(shown).toMatchObject({
      Status: 'approved',
      DecisionComment: 'Welcome aboard',
      DecidedBy: 'root@example.com',
      UserName: 'owner Consumer',
      OrganisationID: acme.ID,
      Organisation: 'Acme',
      Credentials: [expect.objectContaining({ Credential: '', CreatedAt: expect.any(String) })],
    });
    expect(shown.DecidedAt).toEqual(expect.any(String));

    const other = await newApp('owner', { Name: 'Commented too' });
    const no = await request('owner', other.ID, gold);
    const listed = await ok<Record<string, unknown>[]>(await admin('GET', '/access_requests?status=pending'));
    // A reviewer's order: pending first (newest first), then the decided ones.
    const reviewed = await ok<{ ID: number; Status: string }[]>(await admin('GET', '/access_requests?pending_first=true&per_page=100'));
    const firstDecided = reviewed.findIndex((r) => r.Status !== 'pending');
    expect(reviewed.slice(firstDecided).every((r) => r.Status !== 'pending')).toBe(true);
    expect(reviewed[0]!.ID).toBe(no.ID);
    expect(reviewed.findIndex((r) => r.ID === yes.ID)).toBeGreaterThanOrEqual(firstDecided);
    expect(listed.find((r) => r.ID === no.ID)).toMatchObject({ DecisionComment: '', DecidedAt: null, DecidedBy: '', Organisation: 'Acme', UserName: 'owner Consumer' });
    expect((await admin('PUT', `/access_requests/${no.ID}/reject`, { Comment: 'Use the Free plan' })).statusCode).toBe(200);
    const rejectedMail = await mail.find('owner@example.com', 'Access request declined: Payments for Commented too');
    expect(rejectedMail.text).toContain('Comment from the API team: Use the Free plan');
    const mine = await ok<App>(await as('owner', 'GET', `/apps/${other.ID}`));
    expect(mine.AccessRequests).toEqual([expect.objectContaining({ Status: 'rejected', DecisionComment: 'Use the Free plan' })]);
    // The consumer does not see who decided.
    expect(mine.AccessRequests[0]).not.toHaveProperty('DecidedBy');

    // Each request of a page answers what its own GET answers (a list reads the decider and the backing policy apart).
    const page = await ok<Record<string, unknown>[]>(await admin('GET', '/access_requests?page=1&per_page=100'));
    expect(page.some((r) => r.DecidedBy === 'root@example.com')).toBe(true);
    expect(page.some((r) => r.DecidedBy === '')).toBe(true);
    for (const r of page) {
      const one = await ok<Record<string, unknown>>(await admin('GET', `/access_requests/${String(r.ID)}`));
      for (const [field, value] of Object.entries(r)) expect([field, one[field]]).toEqual([field, value]);
    }

    // The admin list of apps names the owner and what the app may call.
    const apps = await ok<Record<string, unknown>[]>(await admin('GET', '/apps?q=Commented'));
    expect(apps.find((a) => a.ID === app.ID)).toMatchObject({
      UserEmail: 'owner@example.com',
      UserName: 'owner Consumer',
      Organisation: 'Acme',
      Access: [{ AccessRequestID: yes.ID, ProductID: productId, Product: 'Payments', PlanID: gold, Plan: 'Gold' }],
      CredentialCount: 1,
    });
    expect(apps.find((a) => a.ID === other.ID)).toMatchObject({ Access: [], CredentialCount: 0 });
    expect(await ok(await admin('GET', `/apps/${app.ID}`))).toMatchObject({ UserEmail: 'owner@example.com', Organisation: 'Acme' });
  });

  it('shares apps by visibility: team members and organisation members read, the owner and a consumer-admin change', async () => {
    const app = await newApp('owner', { Name: 'Shared', Visibility: 'team' });
    const r = await request('owner', app.ID, free);
    const listed = async (who: string) => (await ok<{ ID: number }[]>(await as(who, 'GET', '/apps?per_page=100'))).map((a) => a.ID);

    // team: the teammate reads it (a reader's view mints nothing); others in the organisation do not.
    const teammateView = await ok<App>(await as('teammate', 'GET', `/apps/${app.ID}`));
    expect(teammateView.AccessRequests[0]!.Credentials[0]).toMatchObject({ Credential: '', Revealed: false });
    expect(await listed('teammate')).toContain(app.ID);
    expect((await as('orgmate', 'GET', `/apps/${app.ID}`)).statusCode).toBe(404);
    expect(await listed('orgmate')).not.toContain(app.ID);
    expect((await as('teammate', 'PUT', `/apps/${app.ID}`, { Name: 'Mine now' })).statusCode).toBe(403);
    expect((await as('teammate', 'DELETE', `/apps/${app.ID}`)).statusCode).toBe(403);
    expect((await as('teammate', 'PUT', `/apps/${app.ID}/credentials/${r.Credentials[0]!.ID}/rotate`)).statusCode).toBe(403);
    expect((await as('teammate', 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: gold })).statusCode).toBe(403);

    // The owner still reveals the key.
    expect((await as('teammate', 'POST', `/apps/${app.ID}/credentials/${r.Credentials[0]!.ID}/reveal`)).statusCode).toBe(403);
    const ownerCredential = await reveal('owner', app.ID, r.Credentials[0]!.ID);
    expect(ownerCredential.Credential).toMatch(/^[0-9a-f]{40}$/);

    // organisation: everyone in Acme reads it; nobody outside does.
    await ok(await as('owner', 'PUT', `/apps/${app.ID}`, { Visibility: 'organisation' }));
    expect((await as('orgmate', 'GET', `/apps/${app.ID}`)).statusCode).toBe(200);
    expect(await listed('orgmate')).toContain(app.ID);
    expect((await as('outsider', 'GET', `/apps/${app.ID}`)).statusCode).toBe(404);
    expect(await listed('outsider')).not.toContain(app.ID);
    expect((await as('outsider', 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: gold })).json().errors[0]).toMatch(/^AppID: /);

    // A consumer-admin of the organisation changes and deletes it; a personal app stays hidden from them.
    const renamed = await ok<App>(await as('boss', 'PUT', `/apps/${app.ID}`, { Name: 'Shared (managed)' }));
    expect(renamed).toMatchObject({ Name: 'Shared (managed)', UserID: ids.owner });
    // ... and asks for access on the owner's behalf: the request belongs to the app's owner.
    const onBehalf = await ok<{ UserID: number; Status: string }>(await as('boss', 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: gold }));
    expect(onBehalf).toMatchObject({ UserID: ids.owner, Status: 'pending' });
    const personal = await newApp('owner', { Name: 'Private' });
    expect((await as('boss', 'GET', `/apps/${personal.ID}`)).statusCode).toBe(404);
    expect((await as('boss', 'DELETE', `/apps/${personal.ID}`)).statusCode).toBe(404);
    const key = ownerCredential.CredentialHash;
    expect(await ok(await as('boss', 'DELETE', `/apps/${app.ID}`))).toEqual({ status: 'ok' });
    expect(await keyStatus(key)).toBe(404);
  });

  it('names the offending field, refuses what is unknown, and answers 404 for what is absent', async () => {
    const app = await newApp('owner', { Name: 'Validated' });
    const fieldOf = async (res: Promise<LightMyRequestResponse>) => {
      const r = await res;
      expect(r.statusCode, r.body).toBe(400);
      return (r.json() as { errors: string[] }).errors[0]!;
    };
    expect(await fieldOf(as('owner', 'POST', '/apps', {}))).toMatch(/^Name: /);
    expect(await fieldOf(as('owner', 'POST', '/apps', { Name: '' }))).toMatch(/^Name: /);
    expect(await fieldOf(as('owner', 'POST', '/apps', { Name: 'x', Visibility: 'public' }))).toMatch(/^Visibility: /);
    expect(await fieldOf(as('owner', 'POST', '/apps', { Name: 'x', Owner: 1 }))).toBe('Owner: unknown field');
    expect(await fieldOf(as('owner', 'POST', '/access-requests', { AppID: app.ID, ProductID: 999999, PlanID: gold }))).toMatch(/^ProductID: /);
    expect(await fieldOf(as('owner', 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: 999999 }))).toMatch(/^PlanID: /);
    expect(await fieldOf(as('owner', 'POST', '/access-requests', { AppID: 999999, ProductID: productId, PlanID: gold }))).toMatch(/^AppID: /);
    expect(await fieldOf(as('owner', 'POST', '/access-requests', { AppID: String(app.ID), ProductID: productId, PlanID: gold }))).toMatch(/^AppID: /);
    expect(await fieldOf(as('owner', 'POST', '/access-requests', { AppID: app.ID, PlanID: gold }))).toMatch(/^ProductID: /);
    expect(await fieldOf(admin('PUT', `/apps/${app.ID}`, { UserID: 999999 }))).toMatch(/^UserID: /);
    expect(await fieldOf(admin('GET', '/access_requests?status=maybe'))).toMatch(/^status: /);

    expect((await as('owner', 'GET', '/apps/abc')).statusCode).toBe(404);
    expect((await as('owner', 'GET', `/apps/${app.ID}/credentials/999999`)).statusCode).toBe(404);
    expect((await admin('GET', '/apps/999999')).statusCode).toBe(404);
    expect((await admin('PUT', '/access_requests/999999/approve')).statusCode).toBe(404);
    expect((await admin('PUT', `/apps/${app.ID}/credentials/999999/rotate`)).statusCode).toBe(404);
    // Staff use the Admin Portal, consumers the Live Portal.
    expect((await t.request('GET', '/portal/api/apps', { key: root })).statusCode).toBe(403);
    expect((await t.request('GET', '/portal-api/apps', { session: sessions.owner!, headers: SAME_ORIGIN })).statusCode).toBe(403);
  });

  it('lets an administrator list, filter, change and hand over apps; the keys follow the new owner', async () => {
    const app = await newApp('teammate', { Name: 'Handover' });
    const r = await request('teammate', app.ID, free);
    const key = await reveal('teammate', app.ID, r.Credentials[0]!.ID);

    const mine = await ok<{ ID: number; UserID: number }[]>(await admin('GET', `/apps?user=${ids.teammate}`));
    expect(mine.map((a) => a.ID)).toEqual([app.ID]);
    const byName = await ok<{ ID: number }[]>(await admin('GET', '/apps?q=hand'));
    expect(byName.map((a) => a.ID)).toEqual([app.ID]);
    expect(await ok<unknown[]>(await admin('GET', `/apps?organisation=${acme.ID}&q=nothing-like-this`))).toEqual([]);

    const moved = await ok<App>(await admin('PUT', `/apps/${app.ID}`, { UserID: ids.orgmate, Visibility: 'team' }));
    expect(moved).toMatchObject({ UserID: ids.orgmate, Visibility: 'team' });
    expect(moved.AccessRequests[0]).toMatchObject({ ID: r.ID, UserID: ids.orgmate, User: 'orgmate@example.com' });
    expect((await as('teammate', 'GET', `/apps/${app.ID}`)).statusCode).toBe(404);
    expect((await as('orgmate', 'GET', `/apps/${app.ID}`)).statusCode).toBe(200);
    // The key now lives and dies with its new owner.
    expect(await keyStatus(key.CredentialHash)).toBe(200);
    expect(await ok(await admin('DELETE', `/users/${ids.orgmate}`))).toEqual({ status: 'ok' });
    expect(await keyStatus(key.CredentialHash)).toBe(404);
    expect((await admin('GET', `/apps/${app.ID}`)).statusCode).toBe(404);
    expect((await admin('GET', `/access_requests/${r.ID}`)).statusCode).toBe(404);
  });

  it('narrows the admin views to the products a staff member can see (API ownership)', async () => {
    const staff = await createUser(t, root, 'staff@example.com', { perms: { portal: 'write', apis: 'read' } });
    const visibleApp = await newApp('owner', { Name: 'Seen' });
    const hiddenApp = await newApp('owner', { Name: 'Unseen' });
    const emptyApp = await newApp('owner', { Name: 'Nothing asked yet' });
    const seen = await request('owner', visibleApp.ID, gold);
    const unseen = await request('owner', hiddenApp.ID, gold, secretProductId);
    const asStaff = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: staff.key, body });

    const apps = (await ok<{ ID: number }[]>(await asStaff('GET', '/apps?per_page=100'))).map((a) => a.ID);
    expect(apps).toEqual(expect.arrayContaining([visibleApp.ID, emptyApp.ID]));
    expect(apps).not.toContain(hiddenApp.ID);
    const requests = (await ok<{ ID: number }[]>(await asStaff('GET', '/access_requests?per_page=100'))).map((x) => x.ID);
    expect(requests).toContain(seen.ID);
    expect(requests).not.toContain(unseen.ID);

    const hiddenApp404 = await asStaff('GET', `/apps/${hiddenApp.ID}`);
    const absent404 = await asStaff('GET', '/apps/999999');
    expect(hiddenApp404.statusCode).toBe(404);
    expect(hiddenApp404.body).toBe(absent404.body);
    const hiddenRequest = await asStaff('GET', `/access_requests/${unseen.ID}`);
    expect(hiddenRequest.statusCode).toBe(404);
    expect(hiddenRequest.body).toBe((await asStaff('GET', '/access_requests/999999')).body);
    expect((await asStaff('PUT', `/access_requests/${unseen.ID}/approve`)).statusCode).toBe(404);
    expect((await asStaff('DELETE', `/access_requests/${unseen.ID}`)).statusCode).toBe(404);
    expect((await asStaff('DELETE', `/apps/${hiddenApp.ID}`)).statusCode).toBe(404);

    expect((await asStaff('PUT', `/access_requests/${seen.ID}/approve`)).statusCode).toBe(200);
    // An app granted both products: the list shows the staff member only the access they may see, and counts only its credentials.
    const mixed = await newApp('owner', { Name: 'Granted both' });
    const mine = await request('owner', mixed.ID, gold);
    const theirs = await request('owner', mixed.ID, gold, secretProductId);
    for (const r of [mine, theirs]) expect((await admin('PUT', `/access_requests/${r.ID}/approve`)).statusCode).toBe(200);
    type Listed = { ID: number; Access: { AccessRequestID: number }[]; CredentialCount: number };
    const listedTo = async (res: Promise<Awaited<ReturnType<typeof admin>>>) => (await ok<Listed[]>(await res)).find((a) => a.ID === mixed.ID);
    expect(await listedTo(asStaff('GET', '/apps?q=Granted'))).toMatchObject({ Access: [{ AccessRequestID: mine.ID }], CredentialCount: 1 });
    expect(await listedTo(admin('GET', '/apps?q=Granted'))).toMatchObject({ Access: [{ AccessRequestID: mine.ID }, { AccessRequestID: theirs.ID }], CredentialCount: 2 });
    // An administrator still sees everything.
    expect((await admin('GET', `/access_requests/${unseen.ID}`)).statusCode).toBe(200);

    // Without the portal permission, nothing.
    const outsider = await createUser(t, root, 'noportal@example.com', { perms: { apis: 'read' } });
    expect((await t.request('GET', '/portal-api/apps', { key: outsider.key })).statusCode).toBe(403);
    const reader = await createUser(t, root, 'reader@example.com', { perms: { portal: 'read' } });
    expect((await t.request('GET', '/portal-api/access_requests', { key: reader.key })).statusCode).toBe(200);
    expect((await t.request('PUT', `/portal-api/access_requests/${unseen.ID}/reject`, { key: reader.key })).statusCode).toBe(403);
  });

  it('records every change in the audit log, never a key', async () => {
    const app = await newApp('owner', { Name: 'Audited' });
    const r = await request('owner', app.ID, free);
    const key = (await reveal('owner', app.ID, r.Credentials[0]!.ID)).Credential;
    const res = await t.request('GET', '/api/audit-logs?p=-1', { key: root });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.body;
    for (const action of ['app.create', 'access_request.create', 'access_request.approve', 'credential.issue', 'credential.reveal', 'key.create', 'credential.rotate', 'app.delete', 'access_request.delete', 'access_request.reject', 'key.delete']) {
      expect(body, action).toContain(`"${action}"`);
    }
    expect(body).not.toContain(key);
  });
});
