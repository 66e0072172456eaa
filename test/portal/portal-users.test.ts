import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

/*
 * Portal users through /portal-api/users: API Owners ("Settings > Admin users")
 * and API consumers ("API Consumers > Users") — one account each, one sign-in —
 * plus self-registration and the consumer's own /portal/api/me.
 */

interface PortalUser {
  ID: number;
  First: string;
  Last: string;
  Email: string;
  Role: string;
  OrganisationID: number;
  Organisation: string;
  Teams: { ID: number; Name: string; Default: boolean }[];
  Active: boolean;
  ResetPassword: boolean;
  Provider: string;
  CreatedAt: string;
  LastLoginAt: string | null;
}

const PASSWORD = 'consumer-password-1';

describe('portal users', () => {
  let t: TestApp;
  let root: string;
  let defaultOrg: { ID: number; Teams: { ID: number; Default: boolean }[] };
  let acme: { ID: number; Teams: { ID: number; Name: string; Default: boolean }[] };
  let mobileTeam: number;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    const orgs = (await api('GET', '/organisations')).json() as { ID: number; Name: string }[];
    defaultOrg = (await api('GET', `/organisations/${orgs[0]!.ID}`)).json();
    acme = (await api('POST', '/organisations', { Name: 'Acme' })).json();
    mobileTeam = (await api('POST', `/organisations/${acme.ID}/teams`, { Name: 'Mobile' })).json().ID as number;
  });
  afterAll(async () => {
    await t.close();
  });

  function api(method: string, url: string, body?: unknown, key = root): Promise<LightMyRequestResponse> {
    return t.request(method, `/portal-api${url}`, { key, body });
  }

  async function signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return t.request('POST', '/auth/password/login', { body: { email, password } });
  }

  async function createConsumer(email: string, extra: Record<string, unknown> = {}): Promise<PortalUser> {
    const res = await api('POST', '/users', { First: 'Con', Last: 'Sumer', Email: email, Password: PASSWORD, Active: true, ...extra });
    if (res.statusCode !== 200) throw new Error(`create consumer: ${res.statusCode} ${res.body}`);
    return res.json() as PortalUser;
  }

  it('creates an admin user as the seed describes: numeric id, provider-admin, must change password, in the admin list', async () => {
    const res = await api('POST', '/users', {
      First: 'Grace',
      Last: 'Owner',
      Email: 'grace@example.com',
      Role: 'provider-admin',
      Active: true,
      ResetPassword: true,
      Password: 'initial-password-1',
    });
    expect(res.statusCode, res.body).toBe(200);
    const grace = res.json() as PortalUser;
    expect(grace).toMatchObject({ ID: expect.any(Number), Role: 'provider-admin', OrganisationID: 0, Organisation: '', Teams: [], Active: true, ResetPassword: true, Provider: 'password' });
    expect(Number.isInteger(grace.ID)).toBe(true);

    const admins = (await api('GET', '/users?role=provider-admin')).json() as PortalUser[];
    expect(admins.map((u) => u.Email)).toEqual(['grace@example.com']);
    const everyone = (await api('GET', '/users')).json() as PortalUser[];
    expect(everyone.find((u) => u.Email === ADMIN.email)?.Role).toBe('super-admin');

    const login = await signIn('grace@example.com', 'initial-password-1');
    expect(login.statusCode).toBe(200);
    expect(login.json().Meta).toMatchObject({ password_change_required: true, redirect_to: '/admin/portal' });
    // The flag keeps them from anything but changing the password.
    const session = sessionFrom(login)!;
    expect((await t.request('GET', '/portal-api/users', { session })).statusCode).toBe(403);
  });

  it('lets only administrators create or change staff; a portal user manages consumers', async () => {
    const portalUser = await createUser(t, root, 'portal-writer@example.com', { perms: { portal: 'write' } });
    const staff = await api('POST', '/users', { First: 'No', Last: 'Way', Email: 'noway@example.com', Role: 'provider-admin' }, portalUser.key);
    expect(staff.statusCode).toBe(403);
    const dashboard = await api('POST', '/users', { First: 'No', Last: 'Way', Email: 'noway@example.com', Role: 'dashboard-user' }, portalUser.key);
    expect(dashboard.statusCode).toBe(403);
    const consumer = await api('POST', '/users', { First: 'Yes', Last: 'Way', Email: 'yesway@example.com' }, portalUser.key);
    expect(consumer.statusCode, consumer.body).toBe(200);
    expect(consumer.json()).toMatchObject({ Role: 'consumer-team-member', OrganisationID: defaultOrg.ID, Active: false });
    const rootId = (await t.request('GET', '/api/users/me', { key: root })).json().id as string;
    expect((await api('PUT', `/users/${rootId}`, { First: 'Hacked' }, portalUser.key)).statusCode).toBe(404);
    expect((await api('POST', '/users', { First: 'A', Last: 'B', Email: 'super@example.com', Role: 'super-admin' })).json()).toEqual({
      status: 'error',
      errors: ['Role: super-admin is the bootstrapped administrator alone; create a provider-admin'],
    });
    const readOnly = await createUser(t, root, 'portal-reader@example.com', { perms: { portal: 'read' } });
    expect((await api('GET', '/users', undefined, readOnly.key)).statusCode).toBe(200);
    expect((await api('POST', '/users', { First: 'A', Last: 'B', Email: 'x@example.com' }, readOnly.key)).statusCode).toBe(403);
    const nobody = await createUser(t, root, 'no-portal@example.com', { perms: { apis: 'read' } });
    expect((await api('GET', '/users', undefined, nobody.key)).statusCode).toBe(403);
  });

  it('places consumers in an organisation and its teams, refusing teams of other organisations', async () => {
    const placed = await createConsumer('placed@example.com', { OrganisationID: acme.ID, Teams: [mobileTeam] });
    expect(placed).toMatchObject({ OrganisationID: acme.ID, Organisation: 'Acme' });
    expect(placed.Teams.map((x) => x.ID)).toEqual([mobileTeam]);
    const defaulted = await createConsumer('defaulted@example.com', { OrganisationID: acme.ID });
    expect(defaulted.Teams).toEqual([expect.objectContaining({ Name: 'Acme All users', Default: true })]);

    const wrongTeam = await api('POST', '/users', { First: 'A', Last: 'B', Email: 'wrong@example.com', OrganisationID: acme.ID, Teams: [defaultOrg.Teams[0]!.ID] });
    expect(wrongTeam.statusCode).toBe(400);
    expect(wrongTeam.json().errors[0]).toMatch(/^Teams: no team/);
    const noOrg = await api('POST', '/users', { First: 'A', Last: 'B', Email: 'wrong@example.com', OrganisationID: 99999 });
    expect(noOrg.json().errors).toEqual(['OrganisationID: no organisation 99999']);
    const badRole = await api('POST', '/users', { First: 'A', Last: 'B', Email: 'wrong@example.com', Role: 'root' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors[0]).toMatch(/^Role: /);
    const taken = await api('POST', '/users', { First: 'A', Last: 'B', Email: 'PLACED@example.com' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatch(/^Email: /);
    const weak = await api('POST', '/users', { First: 'A', Last: 'B', Email: 'weak@example.com', Password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatch(/^Password: /);
    expect((await api('GET', '/users?q=wrong')).json()).toEqual([]);

    // Reassigning is an update of the user; the organisation's teams only.
    const moved = await api('PUT', `/users/${placed.ID}`, { OrganisationID: defaultOrg.ID });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ OrganisationID: defaultOrg.ID, Teams: [expect.objectContaining({ ID: defaultOrg.Teams[0]!.ID })] });
    const back = (await api('PUT', `/users/${placed.ID}`, { OrganisationID: acme.ID, Teams: [String(mobileTeam)], Role: 'consumer-admin' })).json() as PortalUser;
    expect(back).toMatchObject({ OrganisationID: acme.ID, Role: 'consumer-admin' });
    expect(back.Teams.map((x) => x.ID)).toEqual([mobileTeam]);
    expect((await api('PUT', `/users/${placed.ID}`, { Role: 'provider-admin' })).statusCode).toBe(400);
    expect((await api('PUT', `/users/${placed.ID}`, { Teams: [] })).statusCode).toBe(400);
  });

  it('filters by role, organisation, team, active and a search, and pages', async () => {
    await createConsumer('filter-a@example.com', { OrganisationID: acme.ID, Teams: [mobileTeam], First: 'Zelda' });
    await createConsumer('filter-b@example.com', { OrganisationID: acme.ID, Active: false });
    const emails = async (q: string) => ((await api('GET', `/users?${q}`)).json() as PortalUser[]).map((u) => u.Email).sort();
    expect(await emails(`team=${mobileTeam}&q=filter`)).toEqual(['filter-a@example.com']);
    expect(await emails(`organisation=${acme.ID}&active=false`)).toEqual(['filter-b@example.com']);
    expect(await emails('q=zelda')).toEqual(['filter-a@example.com']);
    expect(await emails('role=consumer-team-member&q=filter-')).toEqual(['filter-a@example.com', 'filter-b@example.com']);
    const page1 = (await api('GET', '/users?per_page=2&page=1')).json() as PortalUser[];
    const page2 = (await api('GET', '/users?per_page=2&page=2')).json() as PortalUser[];
    expect(page1).toHaveLength(2);
    expect(page2.map((u) => u.ID)).not.toContain(page1[0]!.ID);
    expect((await api('GET', '/users?role=root')).statusCode).toBe(400);
  });

  it('lists consumers alone or staff alone by kind', async () => {
    const list = async (q: string) => (await api('GET', `/users?per_page=100&${q}`)).json() as PortalUser[];
    const consumers = await list('kind=consumer');
    expect(consumers.length).toBeGreaterThan(0);
    expect(consumers.every((u) => u.Role.startsWith('consumer-'))).toBe(true);
    const staff = await list('kind=staff');
    expect(staff.map((u) => u.Email)).toContain(ADMIN.email);
    expect(staff.some((u) => u.Role.startsWith('consumer-'))).toBe(false);
    expect(await list('kind=consumer&active=false&q=filter-b')).toHaveLength(1);
    expect((await api('GET', '/users?kind=everyone')).statusCode).toBe(400);
  });

  it('activation and deactivation take effect at once, for consumers and admin users', async () => {
    const c = await createConsumer('toggle@example.com');
    const session = sessionFrom(await signIn('toggle@example.com'))!;
    expect((await t.request('GET', '/portal/api/me', { session })).statusCode).toBe(200);
    expect((await api('PUT', `/users/${c.ID}`, { Active: false })).json().Active).toBe(false);
    expect((await t.request('GET', '/portal/api/me', { session })).statusCode).toBe(401);
    expect((await signIn('toggle@example.com')).statusCode).toBe(403);
    await api('PUT', `/users/${c.ID}`, { Active: true });
    expect((await signIn('toggle@example.com')).statusCode).toBe(200);

    const admin = (await api('POST', '/users', { First: 'Ad', Last: 'Min', Email: 'toggle-admin@example.com', Role: 'provider-admin', Active: true, Password: 'admin-password-1' })).json() as PortalUser;
    const adminSession = sessionFrom(await signIn('toggle-admin@example.com', 'admin-password-1'))!;
    expect((await t.request('GET', '/portal-api/users', { session: adminSession })).statusCode).toBe(200);
    await api('PUT', `/users/${admin.ID}`, { Active: false });
    expect((await t.request('GET', '/portal-api/users', { session: adminSession })).statusCode).toBe(401);
    await api('PUT', `/users/${admin.ID}`, { Active: true });
    expect((await signIn('toggle-admin@example.com', 'admin-password-1')).statusCode).toBe(200);
  });

  it('protects the super-admin from provider-admins and never removes the last active administrator', async () => {
    const rootId = Number((await t.request('GET', '/api/users/me', { key: root })).json().id);
    const pa = (await api('POST', '/users', { First: 'Pro', Last: 'Vider', Email: 'provider@example.com', Role: 'provider-admin', Active: true, Password: 'provider-password-1' })).json() as PortalUser;
    const session = sessionFrom(await signIn('provider@example.com', 'provider-password-1'))!;
    const asProvider = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { session, body, headers: SAME_ORIGIN });
    expect((await asProvider('PUT', `/users/${rootId}`, { Active: false })).statusCode).toBe(403);
    expect((await asProvider('DELETE', `/users/${rootId}`)).statusCode).toBe(403);
    expect((await signIn(ADMIN.email, ADMIN.password)).statusCode).toBe(200);

    // A fresh installation with one administrator: it can neither deactivate nor delete itself.
    const solo = await startTestApp();
    try {
      const key = await solo.bootstrap();
      const id = (await solo.request('GET', '/api/users/me', { key })).json().id as string;
      const off = await solo.request('PUT', `/portal-api/users/${id}`, { key, body: { Active: false } });
      expect(off.statusCode).toBe(409);
      expect(off.json().errors[0]).toMatch(/last active administrator/);
      expect((await solo.request('DELETE', `/portal-api/users/${id}`, { key })).statusCode).toBe(409);
    } finally {
      await solo.close();
    }
    expect((await api('DELETE', `/users/${pa.ID}`)).json()).toEqual({ status: 'ok' });
  });

  it('deleting a user removes their data for good and leaves the fact in the audit log', async () => {
    const c = await createConsumer('leaving@example.com', { OrganisationID: acme.ID, Teams: [mobileTeam] });
    const session = sessionFrom(await signIn('leaving@example.com'))!;
    expect((await api('DELETE', `/users/${c.ID}`)).json()).toEqual({ status: 'ok' });
    expect((await api('GET', `/users/${c.ID}`)).statusCode).toBe(404);
    expect((await t.request('GET', '/portal/api/me', { session })).statusCode).toBe(401);
    expect((await signIn('leaving@example.com')).statusCode).toBe(401);
    const team = (await api('GET', `/organisations/${acme.ID}/teams/${mobileTeam}`)).json() as { Users: string[] };
    expect(team.Users).not.toContain(String(c.ID));
    const log = (await t.request('GET', `/api/audit-logs?p=-1&target_id=${c.ID}`, { key: root })).json().audit_logs as { action: string; user: string; target_id: string }[];
    const deletion = log.find((e) => e.action === 'user.delete' && e.target_id === String(c.ID));
    expect(deletion?.user).toBe(ADMIN.email);
    expect(log.some((e) => e.action === 'user.create' && e.target_id === String(c.ID))).toBe(true);
    // The address can be used again.
    expect((await createConsumer('leaving@example.com')).Email).toBe('leaving@example.com');
  });

  it('keeps consumers out of the Dashboard and staff out of the consumer API', async () => {
    const c = await createConsumer('outsider@example.com');
    const session = sessionFrom(await signIn('outsider@example.com'))!;
    expect((await t.request('GET', '/api/users/me', { session })).statusCode).toBe(403);
    expect((await t.request('GET', '/portal-api/users', { session })).statusCode).toBe(403);
    expect((await t.request('GET', '/portal/api/me', { key: root })).statusCode).toBe(403);
    const dashboardUsers = (await t.request('GET', '/api/users?p=-1', { key: root })).json().users as { email_address: string }[];
    expect(dashboardUsers.map((u) => u.email_address)).not.toContain('outsider@example.com');
    expect((await t.request('GET', `/api/users/${c.ID}`, { key: root })).statusCode).toBe(404);
    expect((await t.request('DELETE', `/api/users/${c.ID}`, { key: root })).statusCode).toBe(404);
    const review = (await t.request('GET', '/portal-api/admin-review', { key: root })).body;
    expect(review).not.toContain('outsider@example.com');
  });

  it('gives a consumer their own account: profile, name change, password change', async () => {
    const c = await createConsumer('self@example.com', { OrganisationID: acme.ID, Teams: [mobileTeam] });
    const login = await signIn('self@example.com');
    expect(login.json().Meta.redirect_to).toBe('/portal/dashboard');
    const session = sessionFrom(login)!;
    const me = (await t.request('GET', '/portal/api/me', { session })).json() as PortalUser;
    expect(me).toMatchObject({ ID: c.ID, Organisation: 'Acme', Role: 'consumer-team-member' });
    expect(me.LastLoginAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const renamed = await t.request('PUT', '/portal/api/me', { session, headers: SAME_ORIGIN, body: { First: 'Selma' } });
    expect(renamed.json().First).toBe('Selma');
    expect((await t.request('PUT', '/portal/api/me', { session, headers: SAME_ORIGIN, body: { Role: 'consumer-admin' } })).statusCode).toBe(400);
    const other = sessionFrom(await signIn('self@example.com'))!;
    const wrong = await t.request('POST', '/portal/api/me/password', { session, headers: SAME_ORIGIN, body: { current_password: 'nope-nope-1', new_password: 'new-password-22' } });
    expect(wrong.statusCode).toBe(400);
    const changed = await t.request('POST', '/portal/api/me/password', { session, headers: SAME_ORIGIN, body: { current_password: PASSWORD, new_password: 'new-password-22' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.request('GET', '/portal/api/me', { session })).statusCode).toBe(200);
    expect((await t.request('GET', '/portal/api/me', { session: other })).statusCode).toBe(401);
    expect((await signIn('self@example.com', 'new-password-22')).statusCode).toBe(200);
  });

  it('moves users to the Default Organisation when theirs is deleted, and to the default team when their team is', async () => {
    const org = (await api('POST', '/organisations', { Name: 'Shortlived' })).json() as { ID: number; Teams: { ID: number }[] };
    const extra = (await api('POST', `/organisations/${org.ID}/teams`, { Name: 'Extra' })).json() as { ID: number };
    const member = await createConsumer('member@example.com', { OrganisationID: org.ID, Teams: [extra.ID] });
    expect((await api('GET', `/organisations/${org.ID}`)).json().Users).toEqual([{ ID: member.ID }]);
    await api('DELETE', `/organisations/${org.ID}/teams/${extra.ID}`);
    expect(((await api('GET', `/users/${member.ID}`)).json() as PortalUser).Teams.map((x) => x.ID)).toEqual([org.Teams[0]!.ID]);
    await api('DELETE', `/organisations/${org.ID}`);
    const after = (await api('GET', `/users/${member.ID}`)).json() as PortalUser;
    expect(after).toMatchObject({ OrganisationID: defaultOrg.ID, Organisation: 'Default Organisation' });
    expect(after.Teams.map((x) => x.ID)).toEqual([defaultOrg.Teams[0]!.ID]);
    expect((await signIn('member@example.com')).statusCode).toBe(200);
  });
});

describe('self-registration', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (email: string, extra: Record<string, unknown> = {}) =>
    t.request('POST', '/auth/password/register', { body: { first: 'Reg', last: 'Istrant', email, password: PASSWORD, password_confirmation: PASSWORD, ...extra } });
  const signIn = (email: string) => t.request('POST', '/auth/password/login', { body: { email, password: PASSWORD } });
  const find = async (email: string) => ((await t.request('GET', `/portal-api/users?q=${encodeURIComponent(email)}`, { key: root })).json() as PortalUser[])[0];

  it('creates an inactive consumer in the Default Organisation that an administrator approves by activating it', async () => {
    const res = await register('pending@example.com');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().Meta).toEqual({ pending_approval: true });
    const u = (await find('pending@example.com'))!;
    expect(u).toMatchObject({ Active: false, Role: 'consumer-team-member' });
    const full = (await t.request('GET', `/portal-api/users/${u.ID}`, { key: root })).json() as PortalUser;
    expect(full.Organisation).toBe('Default Organisation');
    expect(full.Teams.map((x) => x.Default)).toEqual([true]);
    expect((await signIn('pending@example.com')).statusCode).toBe(403);
    await t.request('PUT', `/portal-api/users/${u.ID}`, { key: root, body: { Active: true } });
    const login = await signIn('pending@example.com');
    expect(login.statusCode).toBe(200);
    expect(login.json().Meta.redirect_to).toBe('/portal/dashboard');
  });

  it('answers a registration of an existing address exactly like a new one, and creates nothing', async () => {
    const fresh = await register('someone-new@example.com');
    const again = await register('someone-new@example.com', { first: 'Other' });
    const admin = await register(ADMIN.email);
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.body).toBe(fresh.body);
    expect(admin.body).toBe(fresh.body);
    const matches = (await t.request('GET', '/portal-api/users?q=someone-new', { key: root })).json() as PortalUser[];
    expect(matches).toHaveLength(1);
    expect(matches[0]!.First).toBe('Reg');
    expect((await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } })).statusCode).toBe(200);
  });

  it('auto-approves when the setting is on, and places by registration rule', async () => {
    const org = (await t.request('POST', '/portal-api/organisations', { key: root, body: { Name: 'Rule Corp' } })).json() as { ID: number };
    const team = (await t.request('POST', `/portal-api/organisations/${org.ID}/teams`, { key: root, body: { Name: 'Mobile' } })).json() as { ID: number };
    const rules = await t.request('PUT', '/portal-api/settings/general', {
      key: root,
      body: { RegistrationRules: [{ Domain: 'rulecorp.example', OrganisationID: org.ID, TeamID: team.ID, AutoApprove: true }] },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const byRule = await register('dev@RuleCorp.example');
    expect(byRule.json().Meta).toEqual({ pending_approval: false });
    const u = (await t.request('GET', `/portal-api/users/${(await find('dev@rulecorp.example'))!.ID}`, { key: root })).json() as PortalUser;
    expect(u).toMatchObject({ Active: true, OrganisationID: org.ID });
    expect(u.Teams.map((x) => x.ID)).toEqual([team.ID]);
    expect((await signIn('dev@RuleCorp.example')).statusCode).toBe(200);

    expect((await register('before-setting@example.com')).json().Meta.pending_approval).toBe(true);
    await t.request('PUT', '/portal-api/settings/general', { key: root, body: { AutoApproveConsumers: true } });
    const auto = await register('auto@example.com');
    expect(auto.json().Meta).toEqual({ pending_approval: false });
    expect((await signIn('auto@example.com')).statusCode).toBe(200);
    await t.request('PUT', '/portal-api/settings/general', { key: root, body: { AutoApproveConsumers: false } });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await t.request('GET', '/portal-api/users?per_page=100', { key: root })).body;
    const mismatch = await register('bad@example.com', { password_confirmation: 'something-else-1' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().Message).toBe('password_confirmation: does not match password');
    const weak = await register('bad@example.com', { password: 'short', password_confirmation: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().Message).toMatch(/^password: /);
    const notEmail = await register('not-an-email');
    expect(notEmail.statusCode).toBe(400);
    expect(notEmail.json().Message).toMatch(/^email: /);
    const unknown = await register('bad@example.com', { role: 'provider-admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().Message).toContain('role');
    const badInvite = await register('bad@example.com', { invite: 'forged-token' });
    expect(badInvite.statusCode).toBe(400);
    expect(badInvite.json().Message).toMatch(/^invite: /);
    expect((await t.request('GET', '/portal-api/users?per_page=100', { key: root })).body).toBe(before);
  });

  it('can be closed by an administrator', async () => {
    const closed = await t.request('PUT', '/portal-api/settings/general', { key: root, body: { SelfRegistration: false } });
    expect(closed.json().SelfRegistration).toBe(false);
    const refused = await register('closed@example.com');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().Message).toMatch(/closed/);
    expect(await find('closed@example.com')).toBeUndefined();
    await t.request('PUT', '/portal-api/settings/general', { key: root, body: { SelfRegistration: true } });
    expect((await register('closed@example.com')).statusCode).toBe(200);
  });

  it('accepts a form post and sends the browser to the sign-in page', async () => {
    const res = await t.request('POST', '/auth/password/register', {
      body: `first=Form&last=Poster&email=form%40example.com&password=${PASSWORD}&password_confirmation=${PASSWORD}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/auth/password/login');
    expect((await find('form@example.com'))?.Active).toBe(false);
  });
});

/*
 * The staff directory (issue #9, item 9): administrators and Dashboard users are
 * seen through /portal-api/users only by those allowed to see Dashboard users
 * (users: read, or an administrator). With portal permissions alone, staff
 * accounts are absent: not listed, not counted, 404 by id like an absent id,
 * for reads and for writes alike.
 */
describe('portal users: the staff directory', () => {
  let t: TestApp;
  let root: string;
  let rootId: number;
  let portalOnly: { id: string; key: string };
  let portalAndUsers: { id: string; key: string };
  let dashboardUser: { id: string; key: string };
  let consumerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    rootId = Number((await t.request('GET', '/api/users/me', { key: root })).json().id);
    portalOnly = await createUser(t, root, 'portal-only@example.com', { perms: { portal: 'write' } });
    portalAndUsers = await createUser(t, root, 'portal-and-users@example.com', { perms: { portal: 'read', users: 'read' } });
    dashboardUser = await createUser(t, root, 'dashboard@example.com', { perms: { apis: 'read' } });
    const provider = await t.request('POST', '/portal-api/users', { key: root, body: { First: 'Pro', Last: 'Vider', Email: 'provider@example.com', Role: 'provider-admin', Active: true } });
    expect(provider.statusCode, provider.body).toBe(200);
    const consumer = await t.request('POST', '/portal-api/users', { key: root, body: { First: 'Con', Last: 'Sumer', Email: 'only-consumer@example.com', Password: PASSWORD, Active: true } });
    consumerId = (consumer.json() as PortalUser).ID;
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (key: string, query = '') => {
    const res = await t.request('GET', `/portal-api/users${query}`, { key });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as PortalUser[]).map((u) => u.Email).sort();
  };

  it('lists only consumers to a reader of the portal who may not see Dashboard users', async () => {
    expect(await list(portalOnly.key, '?role=super-admin')).toEqual([]);
    expect(await list(portalOnly.key, '?role=provider-admin')).toEqual([]);
    expect(await list(portalOnly.key, '?role=dashboard-user')).toEqual([]);
    expect(await list(portalOnly.key, '?kind=staff')).toEqual([]);
    expect(await list(portalOnly.key, `?q=${encodeURIComponent(ADMIN.email)}`)).toEqual([]);
    expect(await list(portalOnly.key)).toEqual(['only-consumer@example.com']);
  });

  it('lists staff to administrators and to readers of Dashboard users', async () => {
    expect(await list(root, '?role=super-admin')).toEqual([ADMIN.email]);
    expect(await list(portalAndUsers.key, '?role=super-admin')).toEqual([ADMIN.email]);
    expect(await list(portalAndUsers.key, '?role=provider-admin')).toEqual(['provider@example.com']);
    expect(await list(portalAndUsers.key)).toContain('dashboard@example.com');
  });

  it('answers a staff account by id like an absent one, for reads and writes', async () => {
    const absentId = 999999;
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { First: 'Hijacked' }],
      ['DELETE', undefined],
    ] as const) {
      const absent = await t.request(method, `/portal-api/users/${absentId}`, { key: portalOnly.key, body });
      expect(absent.statusCode, `${method} absent`).toBe(404);
      for (const id of [rootId, Number(dashboardUser.id), Number(portalAndUsers.id)]) {
        const res = await t.request(method, `/portal-api/users/${id}`, { key: portalOnly.key, body });
        expect(res.statusCode, `${method} ${id}: ${res.body}`).toBe(404);
        expect(res.body).toBe(absent.body);
      }
    }
    // Nothing changed, and consumers are still theirs to manage.
    expect((await t.request('GET', `/portal-api/users/${rootId}`, { key: root })).json().First).toBe(ADMIN.first);
    expect((await t.request('GET', `/portal-api/users/${consumerId}`, { key: portalOnly.key })).statusCode).toBe(200);
    const renamed = await t.request('PUT', `/portal-api/users/${consumerId}`, { key: portalOnly.key, body: { First: 'Renamed' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // A reader of Dashboard users sees staff by id.
    expect((await t.request('GET', `/portal-api/users/${rootId}`, { key: portalAndUsers.key })).statusCode).toBe(200);
  });
});
