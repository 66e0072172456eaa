import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { configureSmtp, linkIn, startMailServer } from '../helpers/smtp.js';
import { createGroup, createUser } from '../helpers/fixtures.js';
import { startOidcProvider, type RegisteredClient, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { auditEntries, callbackUrl, completeSignIn, profileBody, PUBLIC_URL, SECRETS_KEY, sessionOf, signInWith, startSignIn } from './sso-helpers.js';

/**
 * A man in the middle of the token endpoint: it serves the provider's discovery
 * document as its own issuer (keys still the provider's) and hands back the
 * provider's ID token re-signed with a key the provider never published. Only
 * the signature is wrong.
 */
async function startResigningProxy(idp: TestOidcProvider): Promise<{ issuer: string; discoveryUrl: string; close(): Promise<void> }> {
  const { privateKey } = await generateKeyPair('RS256');
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.url === '/.well-known/openid-configuration') {
        const doc = (await (await fetch(idp.discoveryUrl)).json()) as Record<string, unknown>;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ...doc, issuer: origin, token_endpoint: `${origin}/token` }));
        return;
      }
      if (req.url === '/token') {
        const upstream = await fetch(`${idp.issuer}/token`, {
          method: 'POST',
          headers: { 'content-type': String(req.headers['content-type']), authorization: String(req.headers.authorization ?? '') },
          body: Buffer.concat(chunks),
        });
        const body = (await upstream.json()) as Record<string, unknown>;
        if (typeof body.id_token === 'string') {
          const header = decodeProtectedHeader(body.id_token);
          const claims = decodeJwt(body.id_token);
          body.id_token = await new SignJWT({ ...claims, iss: origin }).setProtectedHeader({ alg: 'RS256', kid: header.kid! }).sign(privateKey);
        }
        res.statusCode = upstream.status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
        return;
      }
      res.statusCode = 404;
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer: origin,
    discoveryUrl: `${origin}/.well-known/openid-configuration`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const STAFF = 'GenerateOrLoginUserProfile';
const CONSUMERS = 'GenerateOrLoginDeveloperProfile';

describe('signing in with single sign-on (a real OpenID provider on loopback)', () => {
  let t: TestApp;
  let root: string;
  let idp: TestOidcProvider;
  let client: RegisteredClient;
  let otherClient: RegisteredClient;
  let engineers: string;
  let operators: string;
  let acmeId: number;
  let acmeMobile: number;
  let acmeWeb: number;
  let defaultTeam: number;

  const api = (method: string, url: string, body?: unknown, key = root) => t.request(method, url, { key, body });
  const me = async (session: string) => (await t.request('GET', '/api/users/me', { session })).json() as { id: string; first_name: string; last_name: string; group_id: string; email_address: string };
  const portalUser = async (id: string) =>
    (await api('GET', `/portal-api/users/${id}`)).json() as { ID: number; Email: string; OrganisationID: number; Teams: { ID: number }[]; Role: string; First: string; Last: string };
  const userIdByEmail = async (email: string): Promise<string> => {
    const res = await api('GET', `/portal-api/users?per_page=100`);
    const found = (res.json() as { ID: number; Email: string }[]).find((u) => u.Email === email);
    if (!found) throw new Error(`no user ${email}`);
    return String(found.ID);
  };

  beforeAll(async () => {
    idp = await startOidcProvider();
    t = await startTestApp({ PORTCULLIS_SECRETS_KEY: SECRETS_KEY, PORTCULLIS_PUBLIC_URL: PUBLIC_URL });
    root = await t.bootstrap();
    const redirects = ['staff', 'partners', 'members', 'resigned'].map(callbackUrl);
    client = await idp.registerClient({ redirect_uris: redirects, grant_types: ['authorization_code'], response_types: ['code'] });
    otherClient = await idp.registerClient({ redirect_uris: redirects, grant_types: ['authorization_code'], response_types: ['code'] });
    engineers = await createGroup(t, root, 'Engineers', { apis: 'read' });
    operators = await createGroup(t, root, 'Operators', { portal: 'read', apis: 'write' });
    const acme = (await api('POST', '/portal-api/organisations', { Name: 'Acme' })).json() as { ID: number; Teams: { ID: number }[] };
    acmeId = acme.ID;
    acmeMobile = ((await api('POST', `/portal-api/organisations/${acme.ID}/teams`, { Name: 'Mobile' })).json() as { ID: number }).ID;
    acmeWeb = ((await api('POST', `/portal-api/organisations/${acme.ID}/teams`, { Name: 'Web' })).json() as { ID: number }).ID;
    const orgs = (await api('GET', '/portal-api/organisations')).json() as { ID: number; Default: boolean }[];
    const def = (await api('GET', `/portal-api/organisations/${orgs.find((o) => o.Default)!.ID}`)).json() as { Teams: { ID: number }[] };
    defaultTeam = def.Teams[0]!.ID;

    const create = async (body: unknown) => {
      const res = await api('POST', '/portal-api/sso_profiles', body);
      if (res.statusCode !== 201) throw new Error(`profile: ${res.statusCode} ${res.body}`);
    };
    await create(profileBody('staff', STAFF, idp, client, { CustomUserGroupField: 'groups', UserGroupMapping: { eng: engineers, ops: operators } }));
    await create(
      profileBody('partners', CONSUMERS, idp, client, {
        CustomUserGroupField: 'groups',
        UserGroupSeparator: ',',
        UserGroupMapping: { 'acme-mobile': String(acmeMobile), 'acme-web': String(acmeWeb) },
      }),
    );
    await create(profileBody('members', CONSUMERS, idp, client, { SSOOnlyForRegisteredUsers: true }));
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  it('creates a staff account on first sign-in, in the user group its groups claim maps to, and lands it in the console', async () => {
    idp.setAccount('alice', { email: 'alice@example.com', email_verified: true, given_name: 'Alice', family_name: 'Liddell', groups: ['unknown', 'eng'] });
    const res = await signInWith(t, idp, 'staff', 'alice');
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/admin/');
    const session = sessionOf(res)!;
    const cookie = res.cookies.find((c) => c.name === 'portcullis_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.cookies.find((c) => c.name === 'portcullis_sso_flow')?.value).toBe('');
    const alice = await me(session);
    expect(alice).toMatchObject({ email_address: 'alice@example.com', first_name: 'Alice', last_name: 'Liddell', group_id: engineers });

    // Later sign-ins refresh names and the mapped group; an API Owner's group lands in the Admin Portal.
    idp.setAccount('alice', { email: 'alice@example.com', email_verified: true, given_name: 'Alice', family_name: 'Pleasance', groups: ['ops'] });
    const again = await signInWith(t, idp, 'staff', 'alice');
    expect(again.headers.location).toBe('/admin/portal');
    expect(await me(sessionOf(again)!)).toMatchObject({ id: alice.id, last_name: 'Pleasance', group_id: operators });

    const audit = await auditEntries(t, root);
    expect(audit.filter((e) => e.target_id === alice.id).map((e) => e.action)).toEqual(expect.arrayContaining(['user.create.sso', 'sso.login', 'user.update']));
    expect(audit.find((e) => e.action === 'sso.login' && e.target_id === alice.id)!.changes).toMatchObject({ profile: 'staff', issuer: idp.issuer, subject: 'alice' });
  });

  it('creates a consumer on first sign-in in the organisation and teams of a separated group claim, landing in the Live Portal; later sign-ins move them', async () => {
    idp.setAccount('bob', { email: 'bob@partner.example', email_verified: true, name: 'Bob Builder', groups: 'acme-mobile, acme-web,other' as unknown as string[] });
    const res = await signInWith(t, idp, 'partners', 'bob');
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/portal/dashboard');
    const session = sessionOf(res)!;
    const account = await t.request('GET', '/portal/api/me', { session });
    expect(account.statusCode, account.body).toBe(200);
    const id = await userIdByEmail('bob@partner.example');
    const bob = await portalUser(id);
    expect(bob).toMatchObject({ Role: 'consumer-team-member', OrganisationID: acmeId, First: 'Bob', Last: 'Builder' });
    expect(bob.Teams.map((x) => x.ID).sort()).toEqual([acmeMobile, acmeWeb].sort());
    // A consumer's session opens nothing of the Dashboard.
    expect((await t.request('GET', '/api/users/me', { session })).statusCode).toBe(403);

    idp.setAccount('bob', { email: 'bob@partner.example', email_verified: true, name: 'Bob Builder', groups: 'acme-web' as unknown as string[] });
    expect((await signInWith(t, idp, 'partners', 'bob')).statusCode).toBe(303);
    expect((await portalUser(id)).Teams.map((x) => x.ID)).toEqual([acmeWeb]);

    // Nothing maps and no default: a first sign-in lands in the Default Organisation's default team.
    idp.setAccount('dora', { email: 'dora@partner.example', email_verified: true, groups: 'nothing' as unknown as string[] });
    expect((await signInWith(t, idp, 'partners', 'dora')).statusCode).toBe(303);
    expect((await portalUser(await userIdByEmail('dora@partner.example'))).Teams.map((x) => x.ID)).toEqual([defaultTeam]);
  });

  it('refuses an inactive account even with a valid token, on a page that says so', async () => {
    idp.setAccount('carl', { email: 'carl@example.com', email_verified: true, groups: ['eng'] });
    const first = await signInWith(t, idp, 'staff', 'carl');
    const carl = await me(sessionOf(first)!);
    expect((await api('PUT', `/api/users/${carl.id}`, { active: false })).statusCode).toBe(200);
    const res = await signInWith(t, idp, 'staff', 'carl');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Your account is not active; an administrator must activate it.');
    expect(sessionOf(res)).toBeUndefined();
    const refused = (await auditEntries(t, root)).find((e) => e.action === 'sso.login.failed' && e.target_id === carl.id)!;
    expect(refused).toMatchObject({ status: 403, user: 'carl@example.com', changes: { reason: 'account not active', profile: 'staff' } });
  });

  it('lets only existing accounts in through a registered-users-only profile', async () => {
    idp.setAccount('newcomer', { email: 'newcomer@example.com', email_verified: true });
    const res = await signInWith(t, idp, 'members', 'newcomer');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('this sign-in is for registered users only');
    expect((await api('GET', '/portal-api/users?per_page=100')).body).not.toContain('newcomer@example.com');

    const created = await api('POST', '/portal-api/users', { First: 'Erin', Last: 'Member', Email: 'erin@example.com', Role: 'consumer-team-member', Active: true, Password: 'erin-password-1' });
    expect(created.statusCode, created.body).toBe(200);
    idp.setAccount('erin', { email: 'erin@example.com', email_verified: true });
    const ok = await signInWith(t, idp, 'members', 'erin');
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe('/portal/dashboard');
    expect((await auditEntries(t, root)).some((e) => e.action === 'sso.link' && e.user === 'erin@example.com')).toBe(true);
  });

  it('links an existing password account only when the provider asserts email_verified, and follows the link, not the email, afterwards', async () => {
    await createUser(t, root, 'frank@example.com', { password: 'frank-password-1', perms: { apis: 'read' } });
    await createUser(t, root, 'grace@example.com', { password: 'grace-password-1', perms: { apis: 'read' } });

    idp.setAccount('frank-idp', { email: 'frank@example.com', email_verified: false });
    const unverified = await signInWith(t, idp, 'staff', 'frank-idp');
    expect(unverified.statusCode).toBe(403);
    expect(unverified.body).toContain('does not confirm that this address is verified');
    idp.setAccount('frank-idp', { email: 'frank@example.com' });
    expect((await signInWith(t, idp, 'staff', 'frank-idp')).statusCode).toBe(403);

    idp.setAccount('frank-idp', { email: 'frank@example.com', email_verified: true });
    const linked = await signInWith(t, idp, 'staff', 'frank-idp');
    expect(linked.statusCode, linked.body).toBe(303);
    const frank = await me(sessionOf(linked)!);
    expect(frank.email_address).toBe('frank@example.com');

    // The provider now says frank's address is grace's: the link decides, grace's account is untouched.
    idp.setAccount('frank-idp', { email: 'grace@example.com', email_verified: true });
    const moved = await signInWith(t, idp, 'staff', 'frank-idp');
    expect(moved.statusCode).toBe(303);
    expect(await me(sessionOf(moved)!)).toMatchObject({ id: frank.id, email_address: 'frank@example.com' });

    // Another identity claiming grace's address without verification gets nothing.
    idp.setAccount('mallory', { email: 'grace@example.com', email_verified: false });
    expect((await signInWith(t, idp, 'staff', 'mallory')).statusCode).toBe(403);
    // A second identity at the same provider cannot link an account already linked.
    idp.setAccount('frank-again', { email: 'frank@example.com', email_verified: true });
    const second = await signInWith(t, idp, 'staff', 'frank-again');
    expect(second.statusCode).toBe(403);
    expect(second.body).toContain('already linked to another identity');
    // A staff account cannot come in through the consumers' profile.
    idp.setAccount('frank-idp', { email: 'frank@example.com', email_verified: true });
    const wrongDoor = await signInWith(t, idp, 'partners', 'frank-idp');
    expect(wrongDoor.statusCode).toBe(403);
    expect(wrongDoor.body).toContain('This sign-in is for API consumers (the Live Portal), and your account belongs to staff (the console).');
  });

  it('refuses a tampered state, a tampered nonce, a missing or altered cookie, a code issued to another client and a forged signature', async () => {
    idp.setAccount('henry', { email: 'henry@example.com', email_verified: true, groups: ['eng'] });
    const reasons: string[] = [];
    const refused = async (res: Awaited<ReturnType<typeof completeSignIn>>, what: string) => {
      expect(res.statusCode, `${what}: ${res.body}`).toBe(401);
      expect(res.headers['content-type'], what).toMatch(/^text\/html/);
      expect(sessionOf(res), what).toBeUndefined();
      const entry = (await auditEntries(t, root)).find((e) => e.action === 'sso.login.failed')!;
      reasons.push(String(entry.changes.reason));
    };

    // State changed on the way back.
    let started = await startSignIn(t, 'staff');
    let back = await idp.signIn(started.authorizationUrl, 'henry');
    back.searchParams.set('state', 'forged-state');
    await refused(await completeSignIn(t, back, started.cookie), 'state');
    expect(reasons.at(-1)).toMatch(/state/);

    // Nonce changed on the way to the provider: the ID token carries another one.
    started = await startSignIn(t, 'staff');
    const withOtherNonce = new URL(started.authorizationUrl);
    withOtherNonce.searchParams.set('nonce', 'forged-nonce');
    back = await idp.signIn(withOtherNonce.href, 'henry');
    await refused(await completeSignIn(t, back, started.cookie), 'nonce');
    expect(reasons.at(-1)).toMatch(/nonce/);

    // No cookie (another browser), or a cookie altered by a byte.
    started = await startSignIn(t, 'staff');
    back = await idp.signIn(started.authorizationUrl, 'henry');
    await refused(await completeSignIn(t, back, undefined), 'no cookie');
    expect(reasons.at(-1)).toBe('no sign-in cookie');
    const altered = started.cookie.slice(0, -2) + (started.cookie.endsWith('A') ? 'BB' : 'AA');
    await refused(await completeSignIn(t, back, altered), 'altered cookie');
    expect(reasons.at(-1)).toBe('sign-in cookie invalid or for another profile');
    // The tag's last character carries two bits and four spare ones: a change in the spare bits is a change too.
    const last = started.cookie.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const spareBitsOnly = started.cookie.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    await refused(await completeSignIn(t, back, spareBitsOnly), 'cookie altered in spare bits');
    expect(reasons.at(-1)).toBe('sign-in cookie invalid or for another profile');
    // Another sign-in's cookie: its state is not this one.
    const other = await startSignIn(t, 'staff');
    await refused(await completeSignIn(t, back, other.cookie), 'other cookie');

    // A code issued to another client of the same provider.
    started = await startSignIn(t, 'staff');
    const forOther = new URL(started.authorizationUrl);
    forOther.searchParams.set('client_id', otherClient.client_id);
    back = await idp.signIn(forOther.href, 'henry');
    await refused(await completeSignIn(t, back, started.cookie), 'audience');

    // An ID token signed by a key the provider never published.
    const proxy = await startResigningProxy(idp);
    try {
      const created = await api('POST', '/portal-api/sso_profiles', profileBody('resigned', STAFF, idp, client, { ProviderConfig: { DiscoveryURL: proxy.discoveryUrl, ClientID: client.client_id, ClientSecret: client.client_secret } }));
      expect(created.statusCode, created.body).toBe(201);
      started = await startSignIn(t, 'resigned');
      back = await idp.signIn(started.authorizationUrl, 'henry');
      // The authorization response names its issuer (RFC 9207): the proxy's, as the rest of its story.
      back.searchParams.set('iss', proxy.issuer);
      await refused(await completeSignIn(t, back, started.cookie), 'signature');
      expect(reasons.at(-1)).toMatch(/signature/i);
    } finally {
      await proxy.close();
      await api('DELETE', '/portal-api/sso_profiles/resigned');
    }
    // None of these created henry's account.
    expect((await api('GET', '/api/users?p=-1')).body).not.toContain('henry@example.com');
  });

  it('says in plain words when the profile is unknown or the provider refused', async () => {
    const unknown = await t.request('GET', '/auth/sso/nope/login');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This sign-in address names no single sign-on profile.');
    const denied = await t.request('GET', '/auth/sso/staff/callback?error=access_denied&error_description=The+user+cancelled');
    expect(denied.statusCode).toBe(401);
    expect(denied.body).toContain('Test IdP did not sign you in: The user cancelled.');
    expect(denied.body).toContain('href="/auth/sso/staff/login"');
  });

  it('switches password sign-in off for one audience (SSO-only) and offers the provider on the sign-in pages', async () => {
    const before = (await t.request('GET', '/auth/sso/options')).json();
    expect(before).toMatchObject({ staff: { SSOOnly: false, Providers: [{ ID: 'staff', ProviderName: 'Test IdP', LoginURL: '/auth/sso/staff/login' }] }, consumers: { SSOOnly: false } });

    const profile = (await api('GET', '/portal-api/sso_profiles/staff')).json() as Record<string, unknown>;
    expect((await api('PUT', '/portal-api/sso_profiles/staff', { ...profile, SSOOnly: true })).statusCode).toBe(200);
    expect((await t.request('GET', '/auth/sso/options')).json()).toMatchObject({ staff: { SSOOnly: true }, consumers: { SSOOnly: false } });

    const staff = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().Message).toBe('sso_required: password sign-in is switched off for staff; sign in with single sign-on instead');
    // A wrong password still answers as a wrong password: the refusal tells nobody who has an account.
    expect((await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: 'wrong-password' } })).statusCode).toBe(401);
    // Consumers still sign in with their password; access keys still work for staff.
    const erin = await t.request('POST', '/auth/password/login', { body: { email: 'erin@example.com', password: 'erin-password-1' } });
    expect(erin.statusCode, erin.body).toBe(200);
    expect((await api('GET', '/api/users/me')).statusCode).toBe(200);
    // Single sign-on still signs staff in.
    expect((await signInWith(t, idp, 'staff', 'alice')).statusCode).toBe(303);

    expect((await api('PUT', '/portal-api/sso_profiles/staff', { ...profile, SSOOnly: false })).statusCode).toBe(200);
    expect((await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } })).statusCode).toBe(200);
  });
  it('refuses self-registration and password reset (asking and completing) under SSO-only, as it refuses password sign-in', async () => {
    const mail = await startMailServer();
    try {
      await configureSmtp(t, root, mail.port);
      const sam = 'sam@example.com';
      await createUser(t, root, sam, { password: 'sam-password-12', perms: { apis: 'read' } });
      const consumerRefusal = 'sso_required: password sign-in is switched off for API consumers; sign in with single sign-on instead';
      const staffRefusal = 'sso_required: password sign-in is switched off for staff; sign in with single sign-on instead';
      const register = (email: string) => t.request('POST', '/auth/password/register', { body: { first: 'Reg', last: 'Istrant', email, password: 'reg-password-12', password_confirmation: 'reg-password-12' } });
      const ask = (email: string) => t.request('POST', '/auth/password/new', { body: { email } });
      const reset = (token: string) => t.request('POST', '/auth/password/reset', { body: { token, password: 'fresh-password-34', password_confirmation: 'fresh-password-34' } });
      const tokenFor = async (email: string): Promise<string> => {
        const m = await mail.find(email, 'Reset your portal password');
        return decodeURIComponent(new URL(linkIn(m.text, `${PUBLIC_URL}/auth/password/reset?token=`)).searchParams.get('token')!);
      };
      const tokensOf = async (email: string) =>
        (await t.store.db.selectFrom('password_reset_tokens as r').innerJoin('users as u', 'u.id', 'r.user_id').select('r.token_hash').where('u.email', '=', email).execute()).length;

      // Links asked for before the switch.
      expect((await ask('erin@example.com')).statusCode).toBe(200);
      const erinToken = await tokenFor('erin@example.com');
      expect((await ask(sam)).statusCode).toBe(200);
      const samToken = await tokenFor(sam);
      expect((await register('before@example.com')).statusCode).toBe(200);

      // Consumers SSO-only.
      const partners = (await api('GET', '/portal-api/sso_profiles/partners')).json() as Record<string, unknown>;
      expect((await api('PUT', '/portal-api/sso_profiles/partners', { ...partners, SSOOnly: true })).statusCode).toBe(200);
      for (const res of [await register('after@example.com'), await ask('erin@example.com'), await ask('nobody@example.com'), await reset(erinToken)]) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().Message).toBe(consumerRefusal);
      }
      expect(await userIdByEmail('after@example.com').catch(() => 'none')).toBe('none');
      // Asking is refused for every address alike (the reset pages are the Live Portal's), a staff one too.
      expect((await ask(sam)).statusCode).toBe(403);
      expect((await t.request('POST', '/auth/password/login', { body: { email: 'erin@example.com', password: 'erin-password-1' } })).statusCode).toBe(403);

      // Staff SSO-only (consumers no longer): asking answers as for any address and sends nothing; a link already sent opens nothing.
      expect((await api('PUT', '/portal-api/sso_profiles/partners', { ...partners, SSOOnly: false })).statusCode).toBe(200);
      const staff = (await api('GET', '/portal-api/sso_profiles/staff')).json() as Record<string, unknown>;
      expect((await api('PUT', '/portal-api/sso_profiles/staff', { ...staff, SSOOnly: true })).statusCode).toBe(200);
      const samTokens = await tokensOf(sam);
      const askedSam = await ask(sam);
      expect(askedSam.statusCode).toBe(200);
      expect(askedSam.body).toBe((await ask('nobody@example.com')).body);
      expect(await tokensOf(sam)).toBe(samTokens);
      const staffReset = await reset(samToken);
      expect(staffReset.statusCode).toBe(403);
      expect(staffReset.json().Message).toBe(staffRefusal);
      expect((await api('PUT', '/portal-api/sso_profiles/staff', { ...staff, SSOOnly: false })).statusCode).toBe(200);

      // The refused links were not used up: with passwords back, they work.
      expect((await reset(erinToken)).statusCode).toBe(200);
      expect((await reset(samToken)).statusCode).toBe(200);
      expect((await t.request('POST', '/auth/password/login', { body: { email: 'erin@example.com', password: 'fresh-password-34' } })).statusCode).toBe(200);
    } finally {
      await mail.stop();
    }
  });
});
