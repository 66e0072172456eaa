/**
 * A real OpenID provider on loopback for the SSO and OAuth tests: the `oidc-provider`
 * package (the certified Node implementation), not a mock. It offers:
 *
 * - discovery, JWKS, the authorization-code flow with PKCE and the provider's own
 *   sign-in page (its development interactions: any login is accepted and becomes
 *   the subject; the claims come from `setAccount`);
 * - dynamic client registration (RFC 7591) behind an initial access token, and
 *   client management (RFC 7592: read, update, delete with the registration token);
 * - the client-credentials grant with resource indicators: a token asked for
 *   `resource=<audience>` is a JWT whose `aud` is that audience.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface AccountClaims {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  name?: string;
  /** Group names, for `CustomUserGroupField: groups`. */
  groups?: string[];
  [claim: string]: unknown;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  registration_access_token?: string;
  registration_client_uri?: string;
  [field: string]: unknown;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>` */
  issuer: string;
  /** The discovery document's address, as an SSO profile or OAuth provider is configured with it. */
  discoveryUrl: string;
  jwksUri: string;
  /** The initial access token dynamic registration requires (RFC 7591 §3). */
  initialAccessToken: string;
  /** Sets the claims the provider asserts for subject `sub` (signing in with login `sub`). */
  setAccount(sub: string, claims: AccountClaims): void;
  /** Registers a client through the provider's registration endpoint. */
  registerClient(metadata: Record<string, unknown>): Promise<RegisteredClient>;
  /** Whether the provider still knows the client (read through the provider itself, not over HTTP). */
  hasClient(clientId: string): Promise<boolean>;
  /**
   * Follows an authorization URL as a browser would: the provider's sign-in form is
   * submitted with `login`; resolves with the redirect back to the client (code, state).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  /** A client-credentials access token (a JWT) for `audience`. */
  clientCredentialsToken(client: { client_id: string; client_secret: string }, audience: string, scope?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestOidcProviderOptions {
  /** Lifetime of client-credentials access tokens, seconds (default 600). */
  accessTokenTtl?: number;
}

export async function startOidcProvider(options: TestOidcProviderOptions = {}): Promise<TestOidcProvider> {
  const accounts = new Map<string, AccountClaims>();
  const initialAccessToken = `iat-${crypto.randomUUID()}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: `k-${crypto.randomUUID().slice(0, 8)}`, alg: 'RS256', use: 'sig' };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    jwks: { keys: [signingKey] },
    cookies: { keys: [crypto.randomUUID()] },
    pkce: { required: () => true },
    // The ID token carries the scopes' claims (email, groups), as most providers' do.
    conformIdTokenClaims: false,
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      ClientCredentials: options.accessTokenTtl ?? 600,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    scopes: ['openid', 'offline_access', 'email', 'profile', 'groups', 'api'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      groups: ['groups'],
    },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...(accounts.get(sub) ?? {}) }),
    }),
    // First-party clients: the grant covers what was asked, so no consent page after signing in.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.['scope'] ?? 'openid'));
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'given_name', 'family_name', 'groups']);
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      registration: { enabled: true, initialAccessToken },
      registrationManagement: { enabled: true, rotateRegistrationAccessToken: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined as unknown as string,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: KoaContextWithOIDC, resourceIndicator: string) => ({
          audience: resourceIndicator,
          scope: 'api read write',
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.accessTokenTtl ?? 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    clientDefaults: { grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());

  const registerClient = async (metadata: Record<string, unknown>): Promise<RegisteredClient> => {
    const res = await fetch(`${issuer}/reg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${initialAccessToken}` },
      body: JSON.stringify(metadata),
    });
    const body = (await res.json()) as RegisteredClient;
    if (res.status !== 201) throw new Error(`client registration failed: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };

  const signIn = async (authorizationUrl: string, login: string): Promise<URL> => {
    const jar = new Map<string, string>();
    const cookieHeader = (): string => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const remember = (res: Response): void => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair!.indexOf('=');
        jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
      }
    };
    let url = authorizationUrl;
    let init: RequestInit = {};
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() } });
      remember(res);
      init = {};
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next.href;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action) throw new Error(`the provider answered ${res.status} without a sign-in form:\n${html.slice(0, 500)}`);
      url = new URL(action, url).href;
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      };
    }
    throw new Error('the provider never redirected back to the client');
  };

  const clientCredentialsToken = async (client: { client_id: string; client_secret: string }, audience: string, scope = 'api'): Promise<string> => {
    const res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: audience, scope }).toString(),
    });
    const body = (await res.json()) as { access_token?: string };
    if (!res.ok || !body.access_token) throw new Error(`client-credentials token refused: ${res.status} ${JSON.stringify(body)}`);
    return body.access_token;
  };

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${issuer}/jwks`,
    initialAccessToken,
    setAccount: (sub, claims) => void accounts.set(sub, claims),
    registerClient,
    hasClient: async (clientId) => (await provider.Client.find(clientId)) !== undefined,
    signIn,
    clientCredentialsToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
