import * as oidc from 'openid-client';
import { Invalid } from '../../errors.js';

/**
 * The relying party's side of OpenID Connect, through openid-client: discovery,
 * the authorization URL (PKCE S256, state, nonce) and the code exchange, which
 * validates the state and the ID token (issuer, audience, expiry, nonce, and —
 * switched on explicitly, see `discover` — its signature through the provider's JWKS).
 *
 * Plain http is refused unless the provider is on loopback (127.0.0.0/8, ::1,
 * localhost): a provider on this machine, as in tests; everything else must be https.
 */

const WELL_KNOWN = '/.well-known/openid-configuration';
const LOOPBACK = /^(127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** The issuer a discovery URL names: the URL without `/.well-known/openid-configuration`, or the URL itself. */
export function issuerOf(discoveryUrl: string): URL {
  const url = new URL(discoveryUrl);
  if (url.pathname.endsWith(WELL_KNOWN)) url.pathname = url.pathname.slice(0, -WELL_KNOWN.length) || '/';
  url.search = '';
  url.hash = '';
  return url;
}

/** The problem with a discovery URL, in words, or undefined when it may be used. */
export function discoveryUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL (expected https://…/.well-known/openid-configuration or the issuer\'s https address)';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.search !== '' || url.hash !== '') return 'must not carry a query or fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') return LOOPBACK.test(url.hostname) ? undefined : 'must use https (plain http is allowed only for a provider on loopback)';
  return 'must use https';
}

export function requireDiscoveryUrl(raw: string, field: string): void {
  const problem = discoveryUrlProblem(raw);
  if (problem) throw new Invalid(field, problem);
}

export interface RelyingParty {
  discoveryUrl: string;
  clientId: string;
  clientSecret: string | undefined;
}

const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

function authFor(metadata: oidc.ServerMetadata, secret: string | undefined): oidc.ClientAuth {
  if (!secret) return oidc.None();
  const supported = metadata.token_endpoint_auth_methods_supported;
  // The default of OpenID Connect Discovery is client_secret_basic.
  if (!supported || supported.includes('client_secret_basic')) return oidc.ClientSecretBasic(secret);
  return oidc.ClientSecretPost(secret);
}

async function discover(rp: RelyingParty): Promise<oidc.Configuration> {
  const issuer = issuerOf(rp.discoveryUrl);
  const insecure = issuer.protocol === 'http:';
  // Discovery through the issuer identifier, so that openid-client checks the document's `issuer` against it.
  const first = await oidc.discovery(issuer, rp.clientId, undefined, undefined, { timeout: 10, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) });
  const config = new oidc.Configuration(first.serverMetadata(), rp.clientId, undefined, authFor(first.serverMetadata(), rp.clientSecret));
  if (insecure) oidc.allowInsecureRequests(config);
  // openid-client trusts an ID token from the token endpoint on TLS alone unless asked: we check its
  // signature against the provider's JWKS too (a loopback provider has no TLS, and a proxy may sit between).
  oidc.enableNonRepudiationChecks(config);
  config.timeout = 10;
  return config;
}

/**
 * The provider's configuration for this client, discovered at most every five
 * minutes per profile version (openid-client keeps the provider's keys with it,
 * fetching them again when a token names a key it does not know).
 */
export async function relyingParty(cacheKey: string, rp: RelyingParty): Promise<oidc.Configuration> {
  const now = Date.now();
  const hit = cache.get(cacheKey);
  if (hit && now - hit.at < CACHE_MS) return hit.config;
  const config = discover(rp);
  cache.set(cacheKey, { at: now, config });
  // A failure is not remembered: the next sign-in tries again.
  config.catch(() => {
    if (cache.get(cacheKey)?.config === config) cache.delete(cacheKey);
  });
  if (cache.size > 1000) cache.delete(cache.keys().next().value!);
  return config;
}

/** Fetches the discovery document fresh (the console's "Test this profile"). */
export async function discoverOnce(rp: RelyingParty): Promise<oidc.ServerMetadata> {
  return (await discover(rp)).serverMetadata();
}

export interface StartedFlow {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationUrl(config: oidc.Configuration, redirectUri: string, scopes: string[]): Promise<StartedFlow> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

export type Claims = Record<string, unknown> & { sub: string; iss: string };

/**
 * Exchanges the code: openid-client checks state, PKCE, and the ID token's
 * signature, issuer, audience, expiry and nonce. Claims missing from the ID token
 * that the profile needs (email, groups) are read from the UserInfo endpoint.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
  wanted: string[],
): Promise<Claims> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('the provider returned no ID token');
  const claims: Claims = { ...idClaims } as Claims;
  const missing = wanted.filter((c) => claims[c] === undefined);
  if (missing.length > 0 && config.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    for (const c of missing) if (info[c] !== undefined) claims[c] = info[c];
  }
  return claims;
}
