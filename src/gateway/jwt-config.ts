/**
 * What a Tyk Classic API definition says about JWT authentication
 * (`enable_jwt` and its `jwt_*` fields), read once: by the control plane to
 * refuse a definition it could not enforce, by the gateway to build its verifier.
 */

type Json = Record<string, unknown>;

/** Without a `jwt_*_validation_skew` field, this many seconds of clock difference are forgiven. */
export const DEFAULT_JWT_SKEW_SECONDS = 5;

const ALGORITHMS: Record<string, string[]> = {
  rsa: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  ecdsa: ['ES256', 'ES384', 'ES512'],
};

export interface JwtConfig {
  /** The JWKS the signing keys come from (`jwt_source`). */
  jwksUrl: string;
  /** The JWS algorithms `jwt_signing_method` admits. */
  algorithms: string[];
  /** `jwt_issuer`: the `iss` a token must carry. */
  issuer: string;
  /** `jwt_audience`: a token's `aud` must name one of these. */
  audiences: string[];
  /** `jwt_identity_base_field` (default `sub`): the claim naming who the token is for. */
  identityField: string;
  /** `jwt_client_base_field`; empty: `client_id`, else `azp`. */
  clientField: string;
  expSkew: number;
  nbfSkew: number;
  iatSkew: number;
  /**
   * `jwt_default_policies`: the policies (public ids) of a token whose client no
   * app credential names and none of whose scopes `jwt_scope_to_policy_mapping` maps.
   */
  defaultPolicies: string[];
  /** `jwt_scope_to_policy_mapping`: scope → policy id; the policies a token's scopes map to replace the defaults. */
  scopeToPolicy: Record<string, string>;
  /** `jwt_scope_claim_name` (default `scope`): the claim holding the token's scopes (a space-separated string or a list). */
  scopeClaim: string;
}

export class JwtConfigError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(def: Json, field: string, required: boolean): string {
  const v = def[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new JwtConfigError(field, 'is required when enable_jwt is true');
    return '';
  }
  if (typeof v !== 'string') throw new JwtConfigError(field, 'must be a string');
  return v.trim();
}

function skew(def: Json, field: string): number {
  const v = def[field];
  if (v === undefined || v === null) return DEFAULT_JWT_SKEW_SECONDS;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 3600) throw new JwtConfigError(field, 'must be a whole number of seconds from 0 to 3600');
  return v;
}

/**
 * The JWT settings of a definition; null when `enable_jwt` is not true. Throws
 * JwtConfigError (naming the field) for settings the gateway cannot enforce.
 */
export function jwtConfigOf(def: Json): JwtConfig | null {
  if (def.enable_jwt === undefined || def.enable_jwt === false || def.enable_jwt === null) return null;
  if (def.enable_jwt !== true) throw new JwtConfigError('enable_jwt', 'must be a boolean');
  const source = text(def, 'jwt_source', true);
  let url: URL | undefined;
  try {
    url = new URL(source);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new JwtConfigError('jwt_source', 'must be the http(s) URL of a JWKS; a base64-encoded key or secret is not supported');
  }
  const method = text(def, 'jwt_signing_method', true).toLowerCase();
  const algorithms = ALGORITHMS[method];
  if (!algorithms) {
    throw new JwtConfigError('jwt_signing_method', `must be "rsa" or "ecdsa" (keys come from a JWKS; "hmac" needs a shared secret, which is not supported), got ${JSON.stringify(method)}`);
  }
  const issuer = text(def, 'jwt_issuer', true);
  const rawAud = def.jwt_audience;
  const audiences = typeof rawAud === 'string' ? [rawAud.trim()] : Array.isArray(rawAud) ? rawAud : [];
  if (audiences.length === 0 || audiences.some((a) => typeof a !== 'string' || a.trim() === '')) {
    throw new JwtConfigError('jwt_audience', 'is required when enable_jwt is true: the audience (a string or a list of strings) tokens must be issued for');
  }
  const policies = def.jwt_default_policies ?? [];
  if (!Array.isArray(policies) || policies.some((p) => typeof p !== 'string')) throw new JwtConfigError('jwt_default_policies', 'must be a list of policy ids');
  const mapping = def.jwt_scope_to_policy_mapping ?? {};
  if (!isObject(mapping) || Object.values(mapping).some((p) => typeof p !== 'string')) {
    throw new JwtConfigError('jwt_scope_to_policy_mapping', 'must be an object of scope → policy id');
  }
  return {
    jwksUrl: url.href,
    algorithms,
    issuer,
    audiences: (audiences as string[]).map((a) => a.trim()),
    identityField: text(def, 'jwt_identity_base_field', false) || 'sub',
    clientField: text(def, 'jwt_client_base_field', false),
    expSkew: skew(def, 'jwt_expires_at_validation_skew'),
    nbfSkew: skew(def, 'jwt_not_before_validation_skew'),
    iatSkew: skew(def, 'jwt_issued_at_validation_skew'),
    defaultPolicies: policies as string[],
    scopeToPolicy: mapping as Record<string, string>,
    scopeClaim: text(def, 'jwt_scope_claim_name', false) || 'scope',
  };
}
