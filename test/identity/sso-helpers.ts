import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/app.js';
import type { TestOidcProvider } from '../helpers/oidc-provider.js';

/** What the sign-in helpers need of an app: its HTTP requests. */
export type Requester = Pick<TestApp, 'request'>;

export const FLOW_COOKIE = 'portcullis_sso_flow';
export const SECRETS_KEY = 'test-secrets-key-0123456789abcdef-0123456789';
export const PUBLIC_URL = 'http://localhost:3000';

export const callbackUrl = (id: string) => `${PUBLIC_URL}/auth/sso/${id}/callback`;

export interface Started {
  /** The provider's authorization URL. */
  authorizationUrl: string;
  cookie: string;
}

/** GET the profile's login address as a browser would: the redirect to the provider and the flow cookie. */
export async function startSignIn(t: Requester, profileId: string): Promise<Started> {
  const res = await t.request('GET', `/auth/sso/${profileId}/login`);
  if (res.statusCode !== 302) throw new Error(`login address answered ${res.statusCode}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === FLOW_COOKIE);
  if (!cookie) throw new Error('no flow cookie');
  return { authorizationUrl: String(res.headers.location), cookie: cookie.value };
}

/** Follows the provider's redirect back to the callback with the given flow cookie. */
export async function completeSignIn(t: Requester, back: URL, cookie: string | undefined): Promise<LightMyRequestResponse> {
  return t.request('GET', `${back.pathname}${back.search}`, cookie === undefined ? {} : { headers: { cookie: `${FLOW_COOKIE}=${cookie}` } });
}

/** The whole round trip: our login address, the provider's sign-in page as `login`, our callback. */
export async function signInWith(t: Requester, idp: TestOidcProvider, profileId: string, login: string): Promise<LightMyRequestResponse> {
  const started = await startSignIn(t, profileId);
  const back = await idp.signIn(started.authorizationUrl, login);
  return completeSignIn(t, back, started.cookie);
}

export function sessionOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === 'portcullis_session')?.value;
}

export interface ProfileBody {
  ID: string;
  Name: string;
  ActionType: 'GenerateOrLoginUserProfile' | 'GenerateOrLoginDeveloperProfile';
  ProviderName: string;
  ProviderConfig: { DiscoveryURL: string; ClientID: string; ClientSecret?: string; Scopes?: string[] };
  [field: string]: unknown;
}

export function profileBody(id: string, actionType: ProfileBody['ActionType'], idp: TestOidcProvider, client: { client_id: string; client_secret?: string }, extra: Record<string, unknown> = {}): ProfileBody {
  return {
    ID: id,
    Name: `${id} profile`,
    ActionType: actionType,
    ProviderName: 'Test IdP',
    ProviderConfig: {
      DiscoveryURL: idp.discoveryUrl,
      ClientID: client.client_id,
      ...(client.client_secret ? { ClientSecret: client.client_secret } : {}),
      Scopes: ['openid', 'email', 'profile', 'groups'],
    },
    ...extra,
  };
}

export interface AuditEntry {
  action: string;
  user: string;
  status: number;
  target_type: string;
  target_id: string;
  changes: Record<string, unknown>;
}

export async function auditEntries(t: TestApp, key: string): Promise<AuditEntry[]> {
  const res = await t.request('GET', '/api/audit-logs?p=-1', { key });
  if (res.statusCode !== 200) throw new Error(`audit: ${res.statusCode} ${res.body}`);
  return (res.json() as { audit_logs: AuditEntry[] }).audit_logs;
}
