/**
 * Where an API takes its key: a header, a query parameter, a cookie. Tyk
 * Classic says so in `auth` (or `auth_configs.authToken`); an OAS API in its
 * `components.securitySchemes` (an `apiKey` scheme's `in` and `name`) and in
 * `x-tyk-api-gateway.server.authentication.securitySchemes.<name>` (`header`,
 * `query`, `cookie`: `{enabled, name}`), read as Tyk reads them.
 */

type Json = Record<string, unknown>;

export interface AuthLocation {
  /** The header that carries the key (as written), or undefined when the header is disabled. */
  header: string | undefined;
  /** The query parameter that may carry it instead. */
  param: string | undefined;
  /** The cookie that may carry it instead. */
  cookie: string | undefined;
}

const DEFAULT_HEADER = 'Authorization';

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Tyk Classic: `auth_header_name`, `disable_header`, `use_param` + `param_name`, `use_cookie` + `cookie_name`. */
export function classicAuthLocation(auth: Json): AuthLocation {
  const name = nonEmpty(auth.auth_header_name) ?? DEFAULT_HEADER;
  return {
    header: auth.disable_header === true ? undefined : name,
    param: auth.use_param === true ? (nonEmpty(auth.param_name) ?? name) : undefined,
    cookie: auth.use_cookie === true ? (nonEmpty(auth.cookie_name) ?? name) : undefined,
  };
}

/** The names of the security schemes an OAS document applies: its top-level `security`, then those x-tyk-api-gateway configures. */
function schemeNames(doc: Json, tyk: Json): string[] {
  const names: string[] = [];
  if (Array.isArray(doc.security)) {
    for (const requirement of doc.security) if (isObject(requirement)) names.push(...Object.keys(requirement));
  }
  for (const name of Object.keys(tyk)) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * An OAS API: the first scheme that is an `apiKey` in `components.securitySchemes`
 * (or that x-tyk-api-gateway gives a header, query or cookie) decides. The
 * OpenAPI scheme names where the key is (`in: header|query|cookie`, `name`);
 * x-tyk-api-gateway's `header`/`query`/`cookie` then turn each place on or off
 * (`enabled`) and may rename it. Without either, the key is in `Authorization`.
 */
export function oasAuthLocation(doc: Json): AuthLocation {
  const x = doc['x-tyk-api-gateway'];
  const authn = isObject(x) && isObject(x.server) && isObject(x.server.authentication) ? x.server.authentication : {};
  const tyk = isObject(authn.securitySchemes) ? authn.securitySchemes : {};
  const components = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const name of schemeNames(doc, tyk)) {
    const scheme = components[name];
    const own = isObject(tyk[name]) ? tyk[name] : {};
    const apiKey = isObject(scheme) && scheme.type === 'apiKey';
    if (!apiKey && !isObject(own.header) && !isObject(own.query) && !isObject(own.cookie)) continue;
    const at: { header: string | undefined; param: string | undefined; cookie: string | undefined } = { header: DEFAULT_HEADER, param: undefined, cookie: undefined };
    if (apiKey) {
      const inName = nonEmpty(scheme.name);
      if (scheme.in === 'header' && inName) at.header = inName;
      else if (scheme.in === 'query' && inName) at.param = inName;
      else if (scheme.in === 'cookie' && inName) at.cookie = inName;
    }
    if (isObject(own.header)) {
      const n = nonEmpty(own.header.name);
      if (own.header.enabled === false) at.header = undefined;
      else if (n) at.header = n;
    }
    if (isObject(own.query)) {
      if (own.query.enabled === false) at.param = undefined;
      else if (own.query.enabled === true || nonEmpty(own.query.name)) at.param = nonEmpty(own.query.name) ?? at.param ?? at.header ?? DEFAULT_HEADER;
    }
    if (isObject(own.cookie)) {
      if (own.cookie.enabled === false) at.cookie = undefined;
      else if (own.cookie.enabled === true || nonEmpty(own.cookie.name)) at.cookie = nonEmpty(own.cookie.name) ?? at.cookie ?? at.header ?? DEFAULT_HEADER;
    }
    return at;
  }
  return { header: DEFAULT_HEADER, param: undefined, cookie: undefined };
}
