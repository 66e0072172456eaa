import { randomBytes } from 'node:crypto';
import { oasAuthLocation } from '../gateway/auth-location.js';
import { jwtConfigOf, JwtConfigError } from '../gateway/jwt-config.js';
import { urlPatternError } from '../gateway/url-patterns.js';
import { Invalid } from '../errors.js';

export type Json = Record<string, unknown>;

/** What the platform reads from an API definition, whichever style it came in. */
export interface ApiSpec {
  apiId: string;
  name: string;
  active: boolean;
  listenPath: string;
  targetUrl: string;
  useKeyless: boolean;
  /** The Classic api_definition (synthesised for OAS APIs). */
  definition: Json;
  /** The OpenAPI document, for OAS APIs. */
  oas: Json | null;
  /** Where a Classic field of `definition` came from in the OAS document (`jwt_default_policies` → `x-tyk-api-gateway.…defaultPolicies`), for error messages. */
  oasPaths?: Record<string, string>;
}

export function newApiId(): string {
  return randomBytes(16).toString('hex');
}

const API_ID_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(parent: Json, key: string, field: string, required: boolean): Json {
  const v = parent[key];
  if (v === undefined && !required) return {};
  if (!isObject(v)) throw new Invalid(field, required && v === undefined ? 'is required' : 'must be an object');
  return v;
}

function str(parent: Json, key: string, field: string, required: boolean): string | undefined {
  const v = parent[key];
  if (v === undefined || v === null) {
    if (required) throw new Invalid(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw new Invalid(field, 'must be a string');
  return v;
}

function bool(parent: Json, key: string, field: string): boolean | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new Invalid(field, 'must be true or false');
  return v;
}

export function checkTargetUrl(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Invalid(field, `must be an absolute http or https URL, got ${JSON.stringify(url)}`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw new Invalid(field, `must be an absolute http or https URL, got ${JSON.stringify(url)}`);
  }
  return url;
}

export function checkListenPath(path: string, field: string): string {
  if (!path.startsWith('/') || /\s/.test(path) || path.length > 512) {
    throw new Invalid(field, `must be a path starting with "/", got ${JSON.stringify(path)}`);
  }
  return path;
}

/** Listen paths compare without trailing slashes: "/a/" and "/a" clash. */
export function listenPathKey(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function checkApiId(apiId: string, field: string): string {
  if (!API_ID_PATTERN.test(apiId)) throw new Invalid(field, 'must be 1–128 letters, digits or . _ ~ -');
  return apiId;
}

/** The `path` of `hard_timeouts`, `ignored`, `white_list` and `black_list` entries are RE2 patterns the gateway matches: refuse one RE2 cannot compile. */
function checkPathPatterns(input: Json, f: string): void {
  const versions = isObject(input.version_data) ? input.version_data.versions : undefined;
  if (!isObject(versions)) return;
  for (const [name, version] of Object.entries(versions)) {
    const paths = isObject(version) && isObject(version.extended_paths) ? version.extended_paths : undefined;
    for (const kind of ['hard_timeouts', 'ignored', 'white_list', 'black_list']) {
      const list = paths?.[kind];
      if (!Array.isArray(list)) continue;
      for (const [i, t] of list.entries()) {
        if (!isObject(t) || typeof t.path !== 'string') continue;
        const invalid = urlPatternError(t.path);
        if (invalid !== null) throw new Invalid(`${f}.version_data.versions.${name}.extended_paths.${kind}.${i}.path`, invalid);
      }
    }
  }
}

/** JWT settings the gateway cannot enforce (a base64 key instead of a JWKS URL, HMAC, no issuer or audience) are refused here. */
function checkJwt(input: Json, f: string): void {
  try {
    jwtConfigOf(input);
  } catch (err) {
    if (err instanceof JwtConfigError) throw new Invalid(`${f}.${err.field}`, err.problem);
    throw err;
  }
}

/** Tyk OAS JWT fields (in `x-tyk-api-gateway.server.authentication.securitySchemes.<name>`) and the Classic fields they become. */
const OAS_JWT_FIELDS: [oas: string, classic: string][] = [
  ['source', 'jwt_source'],
  ['signingMethod', 'jwt_signing_method'],
  ['identityBaseField', 'jwt_identity_base_field'],
  ['clientBaseField', 'jwt_client_base_field'],
  ['policyFieldName', 'jwt_policy_field_name'],
  ['defaultPolicies', 'jwt_default_policies'],
  ['issuedAtValidationSkew', 'jwt_issued_at_validation_skew'],
  ['notBeforeValidationSkew', 'jwt_not_before_validation_skew'],
  ['expiresAtValidationSkew', 'jwt_expires_at_validation_skew'],
];

/** The JWT settings of an OAS API, in Classic terms, with where each Classic field came from in the document. */
interface OasJwt {
  fields: Json;
  /** Classic field → its OAS field path, for error messages. */
  paths: Record<string, string>;
}

/** Whether a `components.securitySchemes` entry is Tyk's JWT scheme (`type: http`, `scheme: bearer`, `bearerFormat: JWT`). */
function isJwtScheme(scheme: unknown): boolean {
  return (
    isObject(scheme) &&
    scheme.type === 'http' &&
    typeof scheme.scheme === 'string' &&
    scheme.scheme.toLowerCase() === 'bearer' &&
    typeof scheme.bearerFormat === 'string' &&
    scheme.bearerFormat.toUpperCase() === 'JWT'
  );
}

function stringList(v: unknown, field: string, what: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new Invalid(field, `must be a list of ${what}`);
  return (v as string[]).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Tyk OAS JWT authentication: the first JWT scheme of `components.securitySchemes`
 * (those the document's `security` names first) that x-tyk-api-gateway
 * configures with `enabled: true`, translated into the Classic `jwt_*` fields,
 * so the gateway and the policy checks read one thing. Null: no JWT.
 * Portcullis requires one issuer and an audience: `allowedIssuers`, `allowedAudiences`.
 */
function oasJwt(doc: Json, authn: Json, af: string): OasJwt | null {
  const tyk = obj(authn, 'securitySchemes', `${af}.securitySchemes`, false);
  const components = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const names: string[] = [];
  if (Array.isArray(doc.security)) for (const r of doc.security) if (isObject(r)) names.push(...Object.keys(r));
  for (const n of Object.keys(tyk)) if (!names.includes(n)) names.push(n);
  for (const name of names) {
    if (!isJwtScheme(components[name]) || tyk[name] === undefined) continue;
    const s = `${af}.securitySchemes.${name}`;
    const own = obj(tyk, name, s, true);
    if (bool(own, 'enabled', `${s}.enabled`) !== true) continue;
    const fields: Json = { enable_jwt: true };
    const paths: Record<string, string> = { enable_jwt: `${s}.enabled` };
    for (const [o, c] of OAS_JWT_FIELDS) {
      paths[c] = `${s}.${o}`;
      if (own[o] !== undefined && own[o] !== null) fields[c] = own[o];
    }
    for (const c of ['jwt_source', 'jwt_signing_method']) {
      const v = fields[c];
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) throw new Invalid(paths[c]!, `is required when ${s}.enabled is true`);
    }
    paths.jwt_issuer = `${s}.allowedIssuers`;
    const issuers = own.allowedIssuers === undefined || own.allowedIssuers === null ? [] : stringList(own.allowedIssuers, paths.jwt_issuer, 'issuers (strings)');
    if (issuers.length === 0) throw new Invalid(paths.jwt_issuer, 'is required: Portcullis needs the issuer (`iss`) tokens must carry');
    if (issuers.length > 1) throw new Invalid(paths.jwt_issuer, 'must name one issuer: Portcullis checks tokens against one issuer per API');
    fields.jwt_issuer = issuers[0];
    paths.jwt_audience = `${s}.allowedAudiences`;
    const audiences = own.allowedAudiences === undefined || own.allowedAudiences === null ? [] : stringList(own.allowedAudiences, paths.jwt_audience, 'audiences (strings)');
    if (audiences.length === 0) throw new Invalid(paths.jwt_audience, 'is required: Portcullis needs the audience tokens must be issued for (a token\'s `aud` must name one of them)');
    fields.jwt_audience = audiences;
    const scopes = obj(own, 'scopes', `${s}.scopes`, false);
    paths.jwt_scope_claim_name = `${s}.scopes.claimName`;
    if (scopes.claimName !== undefined && scopes.claimName !== null) fields.jwt_scope_claim_name = scopes.claimName;
    paths.jwt_scope_to_policy_mapping = `${s}.scopes.scopeToPolicyMapping`;
    const list = scopes.scopeToPolicyMapping;
    if (list !== undefined && list !== null) {
      if (!Array.isArray(list)) throw new Invalid(paths.jwt_scope_to_policy_mapping, 'must be a list of {scope, policyId}');
      const mapping = new Map<string, string>();
      for (const [i, entry] of list.entries()) {
        const ef = `${paths.jwt_scope_to_policy_mapping}.${i}`;
        if (!isObject(entry)) throw new Invalid(ef, 'must be an object {scope, policyId}');
        const scope = str(entry, 'scope', `${ef}.scope`, true)!;
        const policyId = str(entry, 'policyId', `${ef}.policyId`, true)!;
        if (scope === '') throw new Invalid(`${ef}.scope`, 'must not be empty');
        if (mapping.has(scope)) throw new Invalid(`${ef}.scope`, `${JSON.stringify(scope)} is mapped twice`);
        mapping.set(scope, policyId);
      }
      fields.jwt_scope_to_policy_mapping = Object.fromEntries(mapping);
    }
    try {
      jwtConfigOf(fields);
    } catch (err) {
      if (err instanceof JwtConfigError) throw new Invalid(paths[err.field] ?? `${s}`, err.problem.replace('when enable_jwt is true', `when ${s}.enabled is true`));
      throw err;
    }
    return { fields, paths };
  }
  return null;
}

/** Reads a Tyk Classic api_definition; `existingApiId` pins the id on update. */
export function fromClassic(input: Json, existingApiId?: string): ApiSpec {
  const f = 'api_definition';
  const name = str(input, 'name', `${f}.name`, true)!.trim();
  if (name === '') throw new Invalid(`${f}.name`, 'must not be empty');
  const given = str(input, 'api_id', `${f}.api_id`, false);
  if (existingApiId !== undefined && given !== undefined && given !== '' && given !== existingApiId) {
    throw new Invalid(`${f}.api_id`, 'cannot be changed');
  }
  const apiId = existingApiId ?? (given ? checkApiId(given, `${f}.api_id`) : newApiId());
  const proxy = obj(input, 'proxy', `${f}.proxy`, true);
  const listenPath = checkListenPath(str(proxy, 'listen_path', `${f}.proxy.listen_path`, true)!, `${f}.proxy.listen_path`);
  const targetUrl = checkTargetUrl(str(proxy, 'target_url', `${f}.proxy.target_url`, true)!, `${f}.proxy.target_url`);
  bool(proxy, 'strip_listen_path', `${f}.proxy.strip_listen_path`);
  const auth = obj(input, 'auth', `${f}.auth`, false);
  str(auth, 'auth_header_name', `${f}.auth.auth_header_name`, false);
  const active = bool(input, 'active', `${f}.active`) ?? true;
  const useKeyless = bool(input, 'use_keyless', `${f}.use_keyless`) ?? false;
  checkPathPatterns(input, f);
  checkJwt(input, f);
  const definition: Json = { ...input, api_id: apiId, name, active, use_keyless: useKeyless };
  return { apiId, name, active, listenPath, targetUrl, useKeyless, definition, oas: null };
}

/** Reads an OpenAPI 3.0/3.1 document with the x-tyk-api-gateway extension. */
export function fromOas(doc: Json, existingApiId?: string): ApiSpec {
  const version = str(doc, 'openapi', 'openapi', true)!;
  if (!/^3\.(0|1)\.\d+$/.test(version)) throw new Invalid('openapi', `must be 3.0.x or 3.1.x, got ${JSON.stringify(version)}`);
  obj(doc, 'info', 'info', true);
  const x = obj(doc, 'x-tyk-api-gateway', 'x-tyk-api-gateway', true);
  const xf = 'x-tyk-api-gateway';
  const info = obj(x, 'info', `${xf}.info`, true);
  const name = str(info, 'name', `${xf}.info.name`, true)!.trim();
  if (name === '') throw new Invalid(`${xf}.info.name`, 'must not be empty');
  const given = str(info, 'id', `${xf}.info.id`, false);
  if (existingApiId !== undefined && given !== undefined && given !== '' && given !== existingApiId) {
    throw new Invalid(`${xf}.info.id`, 'cannot be changed');
  }
  const apiId = existingApiId ?? (given ? checkApiId(given, `${xf}.info.id`) : newApiId());
  const state = obj(info, 'state', `${xf}.info.state`, false);
  const active = bool(state, 'active', `${xf}.info.state.active`) ?? true;
  const upstream = obj(x, 'upstream', `${xf}.upstream`, true);
  const targetUrl = checkTargetUrl(str(upstream, 'url', `${xf}.upstream.url`, true)!, `${xf}.upstream.url`);
  const server = obj(x, 'server', `${xf}.server`, true);
  const lp = obj(server, 'listenPath', `${xf}.server.listenPath`, true);
  const listenPath = checkListenPath(str(lp, 'value', `${xf}.server.listenPath.value`, true)!, `${xf}.server.listenPath.value`);
  const strip = bool(lp, 'strip', `${xf}.server.listenPath.strip`) ?? true;
  const authn = obj(server, 'authentication', `${xf}.server.authentication`, false);
  const authEnabled = bool(authn, 'enabled', `${xf}.server.authentication.enabled`) ?? false;
  const location = oasAuthLocation(doc);
  const jwt = oasJwt(doc, authn, `${xf}.server.authentication`);
  const stored: Json = { ...doc, 'x-tyk-api-gateway': { ...x, info: { ...info, id: apiId, name, state: { ...state, active } } } };
  const definition: Json = {
    api_id: apiId,
    name,
    active,
    is_oas: true,
    use_keyless: !authEnabled,
    proxy: { listen_path: listenPath, target_url: targetUrl, strip_listen_path: strip },
    // Where the key is, as the document says (components.securitySchemes and x-tyk-api-gateway), in Tyk Classic's terms.
    auth: {
      auth_header_name: location.header ?? 'Authorization',
      ...(location.header === undefined ? { disable_header: true } : {}),
      ...(location.param === undefined ? {} : { use_param: true, param_name: location.param }),
      ...(location.cookie === undefined ? {} : { use_cookie: true, cookie_name: location.cookie }),
    },
    // JWT authentication, as the document's JWT security scheme says, in Tyk Classic's terms (read by the gateway as for a Classic API).
    ...(jwt?.fields ?? {}),
  };
  return { apiId, name, active, listenPath, targetUrl, useKeyless: !authEnabled, definition, oas: stored, ...(jwt ? { oasPaths: jwt.paths } : {}) };
}

