import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { exampleChecks } from './tyk-examples.js';
import { describeContract, problems } from './tyk-reference.js';

/*
 * Single sign-on profiles as the Admin Portal API answers them, validated against
 * the Tyk Enterprise Developer Portal description (paths relative to /portal-api).
 * Tyk documents POST's 201 without a body; ours (the profile) is checked against
 * the schema Tyk gives for the profile (`SSOProfile-response`).
 */

const FILE = 'enterprise-developer-portal-swagger.yaml';

describeContract(FILE, 'portal SSO profiles contract', (ref) => {
  const examples = exampleChecks(ref, 'portal SSO profiles contract');
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_SECRETS_KEY: 'contract-secrets-key-0123456789abcdef' });
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  /** `documented: false` where the description's own schema cannot be right (see the list below). */
  async function call(method: string, url: string, path: string, body: unknown, status: number, documented = true): Promise<unknown> {
    const res = await t.request(method, `/portal-api${url}`, { key: root, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    const json = res.json() as unknown;
    if (documented && ref.documents(method, path, status)) expect(problems(ref.response(method, path, status), json), `${method} ${url}`).toEqual([]);
    examples.check(method, path, status, json as Record<string, unknown>);
    return json;
  }

  it('creates, reads, lists, replaces and deletes profiles in the documented shapes', async () => {
    const body = {
      ID: 'contract_oidc',
      Name: 'Developers@Example',
      ActionType: 'GenerateOrLoginDeveloperProfile',
      ProviderName: 'Example IdP',
      ProviderConfig: { DiscoveryURL: 'https://idp.example.com/.well-known/openid-configuration', ClientID: 'portal', ClientSecret: 'contract-client-secret' },
      CustomEmailField: '',
      CustomUserGroupField: 'groups',
      UserGroupMapping: {},
      SSOOnlyForRegisteredUsers: false,
      ReturnURL: '/portal/dashboard',
    };
    const created = await call('POST', '/sso_profiles', '/sso_profiles', body, 201);
    const profile = ref.schema('SSOProfile-response');
    expect(problems(profile, created)).toEqual([]);
    // The schema's teeth: a profile whose UserGroupMapping is a list is not an SSOProfile-response.
    expect(problems(profile, { ...(created as Record<string, unknown>), UserGroupMapping: [] })).not.toEqual([]);
    expect(JSON.stringify(created)).not.toContain('contract-client-secret');

    const one = await call('GET', '/sso_profiles/contract_oidc', '/sso_profiles/{profile_id}', undefined, 200);
    expect(one).toMatchObject({ ID: 'contract_oidc', ActionType: 'GenerateOrLoginDeveloperProfile', UpdatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) });
    // Tyk's list response is an array of `SSOProfile-index`, itself an array: a list of lists, which no
    // client reads. The list is checked as what the schema's name says: an array of `SSOProfile-index-elem`.
    const list = (await call('GET', '/sso_profiles', '/sso_profiles', undefined, 200, false)) as Record<string, unknown>[];
    expect(problems(ref.schema('SSOProfile-index'), list)).toEqual([]);
    expect(list).toHaveLength(1);
    expect(problems(ref.schema('SSOProfile-index-elem'), list[0])).toEqual([]);
    expect(list[0]).toMatchObject({ ID: 'contract_oidc', LoginURL: expect.stringMatching(/\/auth\/sso\/contract_oidc\/login$/), RedirectURL: expect.stringMatching(/\/auth\/sso\/contract_oidc\/callback$/) });

    const replaced = await call('PUT', '/sso_profiles/contract_oidc', '/sso_profiles/{profile_id}', { ...(one as Record<string, unknown>), Name: 'Renamed' }, 200);
    expect(replaced).toMatchObject({ Name: 'Renamed', ProviderConfig: { ClientSecretSet: true } });
    expect(await call('DELETE', '/sso_profiles/contract_oidc', '/sso_profiles/{profile_id}', undefined, 200)).toEqual({ status: 'ok' });
    expect(await call('GET', '/sso_profiles/contract_oidc', '/sso_profiles/{profile_id}', undefined, 404)).toEqual({ status: 'error', errors: ['SSO profile not found'] });
  });
});
