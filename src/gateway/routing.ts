/**
 * What the gateway needs of an API definition, read once per configuration
 * change (never per request), and the listen-path routing table.
 */

import { classicAuthLocation, oasAuthLocation } from './auth-location.js';
import { endpointListsOf, type EndpointLists } from './endpoint-lists.js';
import { isMcpApi } from './mcp.js';
import { jwtConfigOf, type JwtConfig } from './jwt-config.js';
import { segmentCount } from './path.js';
import { compilePathTemplate, compileUrlPattern, type UrlPattern } from './url-patterns.js';

type Json = Record<string, unknown>;

/** Hears about a stored pattern RE2 cannot compile (it never matches). */
export type InvalidPattern = (pattern: string, reason: string) => void;

export interface HardTimeout {
  /** Upper-case method, or '' for any. */
  method: string;
  pattern: UrlPattern;
  ms: number;
}

export interface GatewayApi {
  apiId: string;
  name: string;
  /** The listen path without trailing slashes; '' for the root. */
  prefix: string;
  /** How many path segments the listen path holds (a `..` may not climb below it). */
  prefixDepth: number;
  strip: boolean;
  /** Upstream origin (scheme://host:port) and base path without a trailing slash. */
  origin: string;
  basePath: string;
  keyless: boolean;
  /** Lower-case header that carries the key; '' when the API takes it from no header. */
  authHeader: string;
  /** Query parameter that may carry the key instead, when the API enables one. */
  queryParam: string | undefined;
  /** Cookie that may carry the key instead, when the API enables one. */
  cookieName: string | undefined;
  /** Remove the credential before forwarding (Tyk `strip_auth_data`). */
  stripAuth: boolean;
  timeouts: HardTimeout[];
  /** Tyk's `ignored`, `white_list` and `black_list` endpoint lists; null when the API has none. */
  lists: EndpointLists | null;
  /** Tyk `enable_websockets`: a WebSocket handshake may become a tunnel (off by default, as in Tyk). */
  websockets: boolean;
  /** An MCP server (mcp.ts): its records carry the JSON-RPC method and primitive of each request. */
  mcp: boolean;
  /** Whether its requests are recorded for analytics: not with Tyk's `do_not_track` (OAS: `trafficLogs.enabled: false`). */
  track: boolean;
  /** Tyk `enable_jwt`: its settings; null for key auth; 'invalid' when the stored settings cannot be enforced (every request refused). */
  jwt: JwtConfig | null | 'invalid';
}

export interface ApiRow {
  api_id: string;
  name: string;
  kind: string;
  listen_path: string;
  target_url: string;
  use_keyless: number;
  definition: string;
  oas: string | null;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(v: unknown, ...path: string[]): Json {
  let cur: unknown = v;
  for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
  return isObject(cur) ? cur : {};
}

function classicTimeouts(def: Json, onInvalid: InvalidPattern | undefined): HardTimeout[] {
  const out: HardTimeout[] = [];
  for (const version of Object.values(objectAt(def, 'version_data', 'versions'))) {
    const list = objectAt(version, 'extended_paths').hard_timeouts;
    if (!Array.isArray(list)) continue;
    for (const t of list) {
      if (!isObject(t) || t.disabled === true || typeof t.path !== 'string' || typeof t.timeout !== 'number' || t.timeout <= 0) continue;
      out.push({ method: typeof t.method === 'string' ? t.method.toUpperCase() : '', pattern: compileUrlPattern(t.path, onInvalid), ms: t.timeout * 1000 });
    }
  }
  return out;
}

const OAS_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** OAS APIs: `x-tyk-api-gateway.middleware.operations.<operationId>.enforceTimeout`, placed by the document's paths. */
function oasTimeouts(doc: Json): HardTimeout[] {
  const operations = objectAt(doc, 'x-tyk-api-gateway', 'middleware', 'operations');
  const out: HardTimeout[] = [];
  for (const [path, item] of Object.entries(objectAt(doc, 'paths'))) {
    if (!isObject(item)) continue;
    for (const method of OAS_METHODS) {
      const op = item[method];
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const enforce = objectAt(operations, op.operationId, 'enforceTimeout');
      if (enforce.enabled === true && typeof enforce.value === 'number' && enforce.value > 0) {
        out.push({ method: method.toUpperCase(), pattern: compilePathTemplate(path), ms: enforce.value * 1000 });
      }
    }
  }
  return out;
}

function trimSlashes(path: string): string {
  return path.replace(/\/+$/, '');
}

function jwtOf(def: Json): JwtConfig | null | 'invalid' {
  try {
    return jwtConfigOf(def);
  } catch {
    return 'invalid';
  }
}

/** Reads one active API; undefined when its target cannot be proxied to. */
export function gatewayApiOf(row: ApiRow, onInvalid?: InvalidPattern): GatewayApi | undefined {
  let def: Json;
  let target: URL;
  try {
    def = JSON.parse(row.definition) as Json;
    target = new URL(row.target_url);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
  const proxy = objectAt(def, 'proxy');
  // Tyk Classic keeps the key's location in `auth`, newer definitions in `auth_configs.authToken`.
  let location = classicAuthLocation({ ...objectAt(def, 'auth_configs', 'authToken'), ...objectAt(def, 'auth') });
  let stripAuth = def.strip_auth_data === true;
  let timeouts = classicTimeouts(def, onInvalid);
  let mcp = isMcpApi(def, undefined);
  let track = def.do_not_track !== true;
  if (row.kind === 'oas' && row.oas) {
    try {
      const doc = JSON.parse(row.oas) as Json;
      mcp ||= isMcpApi(def, doc);
      // An OAS API says where its key is in the document itself (securitySchemes), as Tyk reads it.
      location = oasAuthLocation(doc);
      stripAuth ||= objectAt(doc, 'x-tyk-api-gateway', 'server', 'authentication').stripAuthorizationData === true;
      track &&= objectAt(doc, 'x-tyk-api-gateway', 'middleware', 'global', 'trafficLogs').enabled !== false;
      timeouts = timeouts.concat(oasTimeouts(doc));
    } catch {
      // The control plane validated the document; a broken one only loses its timeouts and takes the derived `auth`.
    }
  }
  const prefix = trimSlashes(row.listen_path);
  return {
    apiId: row.api_id,
    name: row.name,
    prefix,
    prefixDepth: segmentCount(prefix),
    strip: proxy.strip_listen_path === true,
    origin: target.origin,
    basePath: trimSlashes(target.pathname),
    keyless: row.use_keyless === 1,
    authHeader: location.header === undefined ? '' : location.header.toLowerCase(),
    queryParam: location.param,
    cookieName: location.cookie,
    stripAuth,
    timeouts,
    lists: endpointListsOf(def, onInvalid),
    websockets: def.enable_websockets === true,
    mcp,
    track,
    jwt: jwtOf(def),
  };
}

/** Routes by the longest listen path that is the request path or a whole-segment prefix of it. */
export class RouteTable {
  private readonly apis: GatewayApi[];
  private readonly ids: Map<string, GatewayApi>;

  constructor(apis: GatewayApi[]) {
    this.apis = [...apis].sort((a, b) => b.prefix.length - a.prefix.length);
    this.ids = new Map(apis.map((a) => [a.apiId, a]));
  }

  byId(apiId: string): GatewayApi | undefined {
    return this.ids.get(apiId);
  }

  get size(): number {
    return this.apis.length;
  }

  all(): readonly GatewayApi[] {
    return this.apis;
  }

  match(pathname: string): GatewayApi | undefined {
    for (const api of this.apis) {
      const p = api.prefix;
      if (p === '' || (pathname.startsWith(p) && (pathname.length === p.length || pathname.charCodeAt(p.length) === 47))) return api;
    }
    return undefined;
  }
}

/** The path under the API's listen path ("/" at least). */
export function innerPath(api: GatewayApi, pathname: string): string {
  const rest = pathname.slice(api.prefix.length);
  return rest === '' ? '/' : rest;
}

/** The upstream request target: base path + (the path, less the listen path when stripped) + query. */
export function upstreamPath(api: GatewayApi, pathname: string, search: string): string {
  const rest = api.strip ? pathname.slice(api.prefix.length) : pathname;
  const path = api.basePath + rest;
  return (path === '' ? '/' : path) + search;
}

export function timeoutFor(api: GatewayApi, method: string, inner: string, fallbackMs: number): number {
  for (const t of api.timeouts) {
    if ((t.method === '' || t.method === method) && t.pattern.test(inner)) return t.ms;
  }
  return fallbackMs;
}
