/**
 * JWT authentication at the gateway: the token's signature through the issuer's
 * JWKS (fetched once, cached, fetched again only for a key id it does not hold,
 * at most once per cool-down), then issuer, audience, expiry, not-before and
 * issued-at with the API's clock skew, then the client the token was issued to.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { JwtConfig } from './jwt-config.js';

/** A key set is fetched again for an unknown `kid` at most this often. */
const JWKS_COOLDOWN_MS = 30_000;
/** A key set older than this is fetched again at its next use (keys rotate). */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;

export interface JwtClaims {
  client: string;
  identity: string;
  /** The token's scopes (`jwt_scope_claim_name`), as written. */
  scopes: string[];
}

export type JwtVerdict = JwtClaims | { status: number; message: string };

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** One remote key set per JWKS URL, shared by the APIs that name it and kept across configuration reloads. */
export class JwksCache {
  private readonly sets = new Map<string, KeySet>();

  get(url: string): KeySet {
    let set = this.sets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), { cooldownDuration: JWKS_COOLDOWN_MS, cacheMaxAge: JWKS_MAX_AGE_MS, timeoutDuration: JWKS_TIMEOUT_MS });
      this.sets.set(url, set);
    }
    return set;
  }

  /** Forgets the key sets no API names any more. */
  retain(urls: Set<string>): void {
    for (const url of this.sets.keys()) if (!urls.has(url)) this.sets.delete(url);
  }
}

const NOT_AUTHORISED = { status: 403, message: 'Key not authorized' };
const EXPIRED = { status: 401, message: 'Key not authorized: token has expired' };

function claimText(payload: JWTPayload, field: string): string {
  const v = payload[field];
  return typeof v === 'string' ? v : '';
}

/** Verifies `token` for an API configured with `cfg`; never throws. */
export async function verifyJwt(cfg: JwtConfig, keys: JwksCache, token: string): Promise<JwtVerdict> {
  let payload: JWTPayload;
  try {
    const skew = Math.max(cfg.expSkew, cfg.nbfSkew, cfg.iatSkew);
    ({ payload } = await jwtVerify(token, keys.get(cfg.jwksUrl), { algorithms: cfg.algorithms, issuer: cfg.issuer, audience: cfg.audiences, clockTolerance: skew }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) return EXPIRED;
    return NOT_AUTHORISED;
  }
  // jose forgave the largest skew; each claim gets its own.
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number') return NOT_AUTHORISED;
  if (payload.exp <= now - cfg.expSkew) return EXPIRED;
  if (typeof payload.nbf === 'number' && payload.nbf > now + cfg.nbfSkew) return NOT_AUTHORISED;
  if (typeof payload.iat === 'number' && payload.iat > now + cfg.iatSkew) return NOT_AUTHORISED;
  const identity = claimText(payload, cfg.identityField);
  if (identity === '') return NOT_AUTHORISED;
  const client = cfg.clientField !== '' ? claimText(payload, cfg.clientField) : claimText(payload, 'client_id') || claimText(payload, 'azp');
  return { client, identity, scopes: scopesOf(payload, cfg.scopeClaim) };
}

/** A claim by name, else by a dotted path into nested objects (`realm_access.roles`). */
function claimAt(payload: JWTPayload, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let v: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** Scopes: a space-separated string or a list of strings; anything else holds none. */
function scopesOf(payload: JWTPayload, claim: string): string[] {
  const v = claimAt(payload, claim);
  if (typeof v === 'string') return v.split(' ').filter((s) => s !== '');
  if (Array.isArray(v)) return v.filter((s): s is string => typeof s === 'string' && s !== '');
  return [];
}

/**
 * The policies (public ids) a token without an app credential is given: those
 * its scopes map to (`jwt_scope_to_policy_mapping`, in the order of the
 * scopes), else `jwt_default_policies`. Empty: the token is refused.
 */
export function policiesForToken(cfg: JwtConfig, scopes: string[]): string[] {
  const mapped: string[] = [];
  for (const scope of scopes) {
    const policy = Object.hasOwn(cfg.scopeToPolicy, scope) ? cfg.scopeToPolicy[scope] : undefined;
    if (policy !== undefined && policy !== '' && !mapped.includes(policy)) mapped.push(policy);
  }
  if (mapped.length > 0) return mapped;
  return [...new Set(cfg.defaultPolicies.filter((p) => p !== ''))];
}

export function isJwtRefusal(v: JwtVerdict): v is { status: number; message: string } {
  return (v as { status?: number }).status !== undefined;
}
