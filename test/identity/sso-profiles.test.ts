import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser } from '../helpers/fixtures.js';
import { startOidcProvider, type RegisteredClient, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { auditEntries, callbackUrl, profileBody, PUBLIC_URL, SECRETS_KEY } from './sso-helpers.js';

describe('single sign-on profiles (/portal-api/sso_profiles)', () => {
  let t: TestApp;
  let root: string;
  let idp: TestOidcProvider;
  let client: RegisteredClient;
  let groupId: string;

  beforeAll(async () => {
    idp = await startOidcProvider();
    t = await startTestApp({ PORTCULLIS_SECRETS_KEY: SECRETS_KEY, PORTCULLIS_PUBLIC_URL: PUBLIC_URL });
    root = await t.bootstrap();
    client = await idp.registerClient({ redirect_uris: [callbackUrl('staff-sso')], grant_types: ['authorization_code'], response_types: ['code'] });
    groupId = await createGroup(t, root, 'Engineers', { apis: 'read' });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const api = (method: string, url: string, body?: unknown, key = root) => t.request(method, `/portal-api${url}`, { key, body });

  it('creates, reads, lists, replaces and deletes a profile in Tyk\'s shapes; the client secret is never returned and never in the audit log', async () => {
    const secret = client.client_secret!;
    const created = await api('POST', '/sso_profiles', profileBody('staff-sso', 'GenerateOrLoginUserProfile', idp, client, {
      CustomUserGroupField: 'groups',
      UserGroupMapping: { eng: groupId },
      DefaultUserGroupID: groupId,
    }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.body).not.toContain(secret);
    expect(created.json()).toMatchObject({
      ID: 'staff-sso',
      ActionType: 'GenerateOrLoginUserProfile',
      ProviderName: 'Test IdP',
      LoginURL: `${PUBLIC_URL}/auth/sso/staff-sso/login`,
      RedirectURL: `${PUBLIC_URL}/auth/sso/staff-sso/callback`,
      SelectedProviderType: 'openid-connect',
      ProviderConfig: { DiscoveryURL: idp.discoveryUrl, ClientID: client.client_id, ClientSecretSet: true, Scopes: ['openid', 'email', 'profile', 'groups'] },
      UserGroupMapping: { eng: groupId },
      SSOOnlyForRegisteredUsers: false,
      SSOOnly: false,
      UpdatedBy: 'root@example.com',
    });
    expect(created.json().ProviderConfig).not.toHaveProperty('ClientSecret');

    const got = await api('GET', '/sso_profiles/staff-sso');
    const read = got.json() as Record<string, unknown>;
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain(secret);
    expect(got.json().UpdatedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const list = await api('GET', '/sso_profiles');
    expect(list.json()).toEqual([expect.objectContaining({ ID: 'staff-sso', Name: 'staff-sso profile', LoginURL: `${PUBLIC_URL}/auth/sso/staff-sso/login` })]);

    // A PUT without ClientSecret keeps the stored one (what a read returned can be sent back).
    const { ProviderConfig } = got.json() as { ProviderConfig: Record<string, unknown> };
    const put = await api('PUT', '/sso_profiles/staff-sso', { ...read, Name: 'Staff', ProviderConfig });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ Name: 'Staff', ProviderConfig: { ClientSecretSet: true } });
    expect((await api('PUT', '/sso_profiles/staff-sso', { ...read, ID: 'other' })).json()).toEqual({ status: 'error', errors: ['ID: must be staff-sso (the profile\'s key cannot change)'] });

    const audit = await auditEntries(t, root);
    const profileEntries = audit.filter((e) => e.target_type === 'sso_profile');
    expect(profileEntries.map((e) => e.action).sort()).toEqual(['sso_profile.create', 'sso_profile.update']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(profileEntries.find((e) => e.action === 'sso_profile.create')!.changes).toMatchObject({ ProviderConfig: { ClientSecret: '(changed)' } });

    expect((await api('POST', '/sso_profiles', profileBody('staff-sso', 'GenerateOrLoginUserProfile', idp, client))).statusCode).toBe(409);

    const tested = await api('POST', '/sso_profiles/staff-sso/test');
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({ Works: true, Issuer: idp.issuer });
    expect(tested.json().Message).toContain(`Register ${callbackUrl('staff-sso')} as a redirect URI`);

    const gone = await api('POST', '/sso_profiles', profileBody('gone', 'GenerateOrLoginDeveloperProfile', idp, { client_id: 'x' }, { ProviderConfig: { DiscoveryURL: 'http://127.0.0.1:9/.well-known/openid-configuration', ClientID: 'x' } }));
    expect(gone.statusCode, gone.body).toBe(201);
    const broken = await api('POST', '/sso_profiles/gone/test');
    expect(broken.json()).toMatchObject({ Works: false });
    expect(broken.json().Message).toMatch(/^The discovery document could not be used: .+/);

    expect((await api('DELETE', '/sso_profiles/gone')).json()).toEqual({ status: 'ok' });
    expect((await api('GET', '/sso_profiles/gone')).statusCode).toBe(404);
    expect((await api('DELETE', '/sso_profiles/gone')).statusCode).toBe(404);
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const base = profileBody('bad', 'GenerateOrLoginDeveloperProfile', idp, client);
    const cases: [unknown, string][] = [
      [{ ...base, ProviderConfig: { ...base.ProviderConfig, DiscoveryURL: 'http://idp.example.com/.well-known/openid-configuration' } }, 'ProviderConfig.DiscoveryURL: must use https (plain http is allowed only for a provider on loopback)'],
      [{ ...base, ProviderConfig: { ...base.ProviderConfig, DiscoveryURL: 'not a url' } }, 'ProviderConfig.DiscoveryURL: is not a URL'],
      [{ ...base, ProviderConfig: { ...base.ProviderConfig, Scopes: ['email'] } }, 'ProviderConfig.Scopes: must include openid'],
      [{ ...base, CustomUserGroupField: 'groups', UserGroupMapping: { partners: '999999' } }, 'UserGroupMapping.partners: no team 999999'],
      [{ ...base, UserGroupMapping: { partners: '1' } }, 'CustomUserGroupField: is required when UserGroupMapping is given'],
      [{ ...base, DefaultUserGroupID: 'abc' }, 'DefaultUserGroupID: expected the id of a team'],
      [{ ...base, ReturnURL: 'https://evil.example/' }, 'ReturnURL: must be a path on this server'],
      [{ ...base, ReturnURL: '//evil.example/' }, 'ReturnURL: must be a path on this server'],
      [{ ...base, ID: 'has space' }, 'ID'],
      [{ ...base, ActionType: 'GenerateOrLoginAnything' }, 'ActionType'],
      [{ ...base, ProviderConfig: { ...base.ProviderConfig, ClientID: '' } }, 'ProviderConfig.ClientID'],
      [{ ...base, Surprise: true }, 'Surprise'],
    ];
    for (const [body, message] of cases) {
      const res = await api('POST', '/sso_profiles', body);
      expect(res.statusCode, `${message}: ${res.body}`).toBe(400);
      expect((res.json() as { errors: string[] }).errors[0]).toContain(message);
    }
    const staffBad = await api('POST', '/sso_profiles', { ...profileBody('bad', 'GenerateOrLoginUserProfile', idp, client), CustomUserGroupField: 'groups', UserGroupMapping: { eng: '424242' } });
    expect(staffBad.json()).toEqual({ status: 'error', errors: ['UserGroupMapping.eng: no user group 424242'] });
    expect((await api('GET', '/sso_profiles/bad')).statusCode).toBe(404);
  });

  it('refuses to store a client secret without a secrets key', async () => {
    const t2 = await startTestApp();
    try {
      const key = await t2.bootstrap();
      const res = await t2.request('POST', '/portal-api/sso_profiles', { key, body: profileBody('p', 'GenerateOrLoginDeveloperProfile', idp, client) });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatch(/^ProviderConfig\.ClientSecret: cannot be stored: the server has no PORTCULLIS_SECRETS_KEY/);
      // A public client (no secret) needs no key to be stored.
      const pub = await t2.request('POST', '/portal-api/sso_profiles', { key, body: profileBody('p', 'GenerateOrLoginDeveloperProfile', idp, { client_id: client.client_id }) });
      expect(pub.statusCode).toBe(201);
    } finally {
      await t2.close();
    }
  });

  it('lets API Owners manage consumer profiles, only administrators staff profiles, and nobody without portal access read them', async () => {
    const owner = await createUser(t, root, 'api-owner@example.com', { perms: { portal: 'write' } });
    const consumerProfile = await api('POST', '/sso_profiles', profileBody('owners-consumers', 'GenerateOrLoginDeveloperProfile', idp, client), owner.key);
    expect(consumerProfile.statusCode, consumerProfile.body).toBe(201);
    const staffProfile = await api('POST', '/sso_profiles', profileBody('owners-staff', 'GenerateOrLoginUserProfile', idp, client), owner.key);
    expect(staffProfile.statusCode).toBe(403);
    // Nor may they turn a consumers' profile into a staff one, or change or delete a staff one.
    const turned = await api('PUT', '/sso_profiles/owners-consumers', { ...profileBody('owners-consumers', 'GenerateOrLoginUserProfile', idp, client) }, owner.key);
    expect(turned.statusCode).toBe(403);
    expect((await api('DELETE', '/sso_profiles/staff-sso', undefined, owner.key)).statusCode).toBe(403);
    expect((await api('GET', '/sso_profiles/staff-sso', undefined, owner.key)).statusCode).toBe(200);

    const reader = await createUser(t, root, 'apis-only@example.com', { perms: { apis: 'read' } });
    expect((await api('GET', '/sso_profiles', undefined, reader.key)).statusCode).toBe(403);
    expect((await api('POST', '/sso_profiles/staff-sso/test', undefined, reader.key)).statusCode).toBe(403);
    expect((await t.request('GET', '/portal-api/sso_profiles')).statusCode).toBe(401);
  });
});
