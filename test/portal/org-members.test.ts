import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';
import { configureSmtp, linkIn, startMailServer, type MailServer } from '../helpers/smtp.js';

/* A consumer-admin manages their own organisation's users through /portal/api/org/users. */

const PUBLIC = 'https://portal.example.com';
const PASSWORD = 'consumer-password-1';

interface Member {
  ID: number;
  Email: string;
  Role: string;
  OrganisationID: number;
  Teams: { ID: number }[];
}

describe('organisation members (consumer-admin)', () => {
  let t: TestApp;
  let root: string;
  let mail: MailServer;
  let acme: { ID: number; Teams: { ID: number }[] };
  let mobile: number;
  let other: { ID: number; Teams: { ID: number }[] };
  let adminSession: string;
  let memberSession: string;
  let memberId: number;
  let outsiderId: number;

  async function consumer(email: string, org: number, role: string, teams?: number[]): Promise<number> {
    const res = await t.request('POST', '/portal-api/users', {
      key: root,
      body: { First: 'C', Last: 'M', Email: email, Password: PASSWORD, Active: true, Role: role, OrganisationID: org, ...(teams ? { Teams: teams } : {}) },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json().ID as number;
  }
  const signIn = async (email: string) => sessionFrom(await t.request('POST', '/auth/password/login', { body: { email, password: PASSWORD } }))!;
  const as = (session: string, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> =>
    t.request(method, `/portal/api${url}`, { session, body, headers: SAME_ORIGIN });

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_OUTBOX_POLL_MS: '100', PORTCULLIS_PUBLIC_URL: PUBLIC });
    root = await t.bootstrap();
    mail = await startMailServer();
    await configureSmtp(t, root, mail.port);
    acme = (await t.request('POST', '/portal-api/organisations', { key: root, body: { Name: 'Acme' } })).json();
    mobile = (await t.request('POST', `/portal-api/organisations/${acme.ID}/teams`, { key: root, body: { Name: 'Mobile' } })).json().ID as number;
    other = (await t.request('POST', '/portal-api/organisations', { key: root, body: { Name: 'Other' } })).json();
    await consumer('boss@acme.example', acme.ID, 'consumer-admin');
    memberId = await consumer('dev@acme.example', acme.ID, 'consumer-team-member');
    outsiderId = await consumer('someone@other.example', other.ID, 'consumer-team-member');
    adminSession = await signIn('boss@acme.example');
    memberSession = await signIn('dev@acme.example');
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  it("lists the organisation's members to its consumer-admin only", async () => {
    const list = await as(adminSession, 'GET', '/org/users');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as Member[]).map((m) => m.Email).sort()).toEqual(['boss@acme.example', 'dev@acme.example']);
    expect((await as(memberSession, 'GET', '/org/users')).statusCode).toBe(403);
  });

  it('changes teams and roles of members, and never touches other organisations', async () => {
    const moved = await as(adminSession, 'PUT', `/org/users/${memberId}`, { Teams: [mobile], Role: 'consumer-admin' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ Role: 'consumer-admin', Teams: [expect.objectContaining({ ID: mobile })] });
    await as(adminSession, 'PUT', `/org/users/${memberId}`, { Role: 'consumer-team-member' });
    const foreignTeam = await as(adminSession, 'PUT', `/org/users/${memberId}`, { Teams: [other.Teams[0]!.ID] });
    expect(foreignTeam.statusCode).toBe(400);
    expect(foreignTeam.json().errors[0]).toMatch(/^Teams: /);
    const outsider = await as(adminSession, 'PUT', `/org/users/${outsiderId}`, { Teams: [mobile] });
    expect(outsider.statusCode).toBe(404);
    expect((await as(adminSession, 'DELETE', `/org/users/${outsiderId}`)).statusCode).toBe(404);
    expect((await as(memberSession, 'PUT', `/org/users/${memberId}`, { Role: 'consumer-admin' })).statusCode).toBe(403);
  });

  it('invites by email; the invited person registers with the link into the organisation and team', async () => {
    const res = await as(adminSession, 'POST', '/org/users', { Email: 'newbie@acme.example', TeamID: mobile });
    expect(res.statusCode, res.body).toBe(200);
    const invite = await mail.find('newbie@acme.example', 'You are invited to Acme on the API portal');
    const link = linkIn(invite.text, `${PUBLIC}/auth/password/register?invite=`);
    const token = new URL(link).searchParams.get('invite')!;
    const wrongAddress = await t.request('POST', '/auth/password/register', {
      body: { first: 'New', last: 'Bie', email: 'someone-else@acme.example', password: PASSWORD, password_confirmation: PASSWORD, invite: token },
    });
    expect(wrongAddress.statusCode).toBe(400);
    const reg = await t.request('POST', '/auth/password/register', {
      body: { first: 'New', last: 'Bie', email: 'newbie@acme.example', password: PASSWORD, password_confirmation: PASSWORD, invite: token },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const members = (await as(adminSession, 'GET', '/org/users')).json() as Member[];
    const newbie = members.find((m) => m.Email === 'newbie@acme.example');
    expect(newbie).toMatchObject({ OrganisationID: acme.ID, Role: 'consumer-team-member' });
    expect(newbie!.Teams.map((x) => x.ID)).toEqual([mobile]);
    // The link works once.
    const again = await t.request('POST', '/auth/password/register', {
      body: { first: 'New', last: 'Bie', email: 'newbie@acme.example', password: PASSWORD, password_confirmation: PASSWORD, invite: token },
    });
    expect(again.statusCode).toBe(400);
    const log = (await t.request('GET', '/api/audit-logs?p=-1&action=invite.create', { key: root })).json().audit_logs as { user: string }[];
    expect(log.map((e) => e.user)).toEqual(['boss@acme.example']);
  });

  it('answers an invitation of an existing address the same, telling its owner instead', async () => {
    const res = await as(adminSession, 'POST', '/org/users', { Email: 'someone@other.example' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    await mail.find('someone@other.example', 'Someone tried to register with your address');
    const bad = await as(adminSession, 'POST', '/org/users', { Email: 'x@acme.example', TeamID: other.Teams[0]!.ID });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatch(/^TeamID: /);
  });

  it('lets an Admin Portal user invite into any organisation, with a team and role; read-only portal users cannot', async () => {
    const res = await t.request('POST', '/portal-api/invites', { key: root, body: { Email: 'lead@acme.example', OrganisationID: acme.ID, TeamID: mobile, Role: 'consumer-admin' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const invite = await mail.find('lead@acme.example', 'You are invited to Acme on the API portal');
    const token = new URL(linkIn(invite.text, `${PUBLIC}/auth/password/register?invite=`)).searchParams.get('invite')!;
    const reg = await t.request('POST', '/auth/password/register', {
      body: { first: 'Lea', last: 'D', email: 'lead@acme.example', password: PASSWORD, password_confirmation: PASSWORD, invite: token },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const members = (await as(adminSession, 'GET', '/org/users')).json() as Member[];
    const lead = members.find((m) => m.Email === 'lead@acme.example');
    expect(lead).toMatchObject({ OrganisationID: acme.ID, Role: 'consumer-admin' });
    expect(lead!.Teams.map((x) => x.ID)).toEqual([mobile]);

    const unknownOrg = await t.request('POST', '/portal-api/invites', { key: root, body: { Email: 'x@acme.example', OrganisationID: 999_999 } });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().errors[0]).toMatch(/^OrganisationID: /);
    const foreignTeam = await t.request('POST', '/portal-api/invites', { key: root, body: { Email: 'x@acme.example', OrganisationID: acme.ID, TeamID: other.Teams[0]!.ID } });
    expect(foreignTeam.statusCode).toBe(400);
    expect(foreignTeam.json().errors[0]).toMatch(/^TeamID: /);
    const reader = await createUser(t, root, 'portal-reader@example.com', { perms: { portal: 'read' } });
    const denied = await t.request('POST', '/portal-api/invites', { key: reader.key, body: { Email: 'y@acme.example', OrganisationID: acme.ID } });
    expect(denied.statusCode).toBe(403);
    // A consumer cannot use the administrators' endpoint either.
    expect((await t.request('POST', '/portal-api/invites', { session: adminSession, headers: SAME_ORIGIN, body: { Email: 'z@acme.example', OrganisationID: acme.ID } })).statusCode).toBe(403);
  });

  it('removes a member to the Default Organisation; their account stays', async () => {
    expect((await as(adminSession, 'DELETE', `/org/users/${memberId}`)).json()).toEqual({ status: 'ok' });
    const u = (await t.request('GET', `/portal-api/users/${memberId}`, { key: root })).json() as Member & { Organisation: string };
    expect(u).toMatchObject({ Organisation: 'Default Organisation', Role: 'consumer-team-member' });
    expect((await as(memberSession, 'GET', '/me')).statusCode).toBe(200);
    const me = ((await as(adminSession, 'GET', '/me')).json() as Member).ID;
    expect((await as(adminSession, 'DELETE', `/org/users/${me}`)).statusCode).toBe(400);
  });
});
