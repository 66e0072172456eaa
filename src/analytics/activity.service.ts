import type { Actor } from '../access/actor.js';
import type { Scope } from '../access/ownership.js';
import type { Access } from '../access/access.js';
import type { ApisService } from '../apis/apis.service.js';
import type { AppContext } from '../context.js';
import { Invalid, NotFound } from '../errors.js';
import { hashSecret } from '../identity/tokens.js';
import { pageCount, pageWindow } from '../pagination.js';
import { activityOfKeys, existingKeyHashes, keyActivityByEndpoint, mcpActivity, oauthClientActivity, oauthClientVisible, ofApis, type McpActivity, type McpSelection } from './activity.repository.js';
import { usageByApi } from './analytics.repository.js';
import { counts, hoursOf, type DayRange, type Resolution } from './analytics.service.js';

/** At most this many keys or APIs in one activity request's path. */
const MAX_NAMED = 100;

function namedList(raw: string, field: string): string[] {
  const items = [...new Set(raw.split(',').map((x) => x.trim()).filter((x) => x !== ''))];
  if (items.length === 0) throw new Invalid(field, 'names nothing');
  if (items.length > MAX_NAMED) throw new Invalid(field, `names more than ${MAX_NAMED}`);
  return items;
}

function timeOf(bucket: string, res: Resolution | undefined): { time?: string } {
  if (res === undefined) return {};
  return { time: res === 'hour' ? `${bucket}:00:00.000Z` : `${bucket}T00:00:00.000Z` };
}

/** The filters and grouping of Tyk's MCP activity views (query parameters). */
export interface McpQuery {
  api_id?: string;
  mcp_method?: string;
  mcp_primitive_type?: 'tool' | 'resource' | 'prompt';
  mcp_primitive_name?: string;
  group_by?: 'mcp_primitive';
  /** The busiest `limit` rows instead of a page. */
  limit?: number;
  p?: number;
  res?: Resolution;
}

function mcpRow(x: McpActivity, byPrimitive: boolean, res: Resolution | undefined, key?: string) {
  const primitive = byPrimitive ? { mcp_method: x.mcp_method, mcp_primitive_type: x.mcp_primitive_type, mcp_primitive_name: x.mcp_primitive_name } : {};
  const c = counts(x);
  return {
    id: { api_id: x.api_id, api_name: x.api_name ?? '', ...(key === undefined ? {} : { key }), ...primitive, ...timeOf(x.bucket, res) },
    ...c,
    request_time: c.latency,
    max_latency: Number(x.max_latency),
    min_latency: Number(x.min_latency),
    max_upstream_latency: Number(x.max_upstream_latency),
    min_upstream_latency: Number(x.min_upstream_latency),
    last_hit: new Date(x.last_hit).toISOString(),
  };
}

/**
 * Tyk's activity views (/api/activity/...): one key's traffic by endpoint, the
 * traffic of named keys, of named APIs. Every view reads through the analytics
 * scope (src/access): owned analytics shows only the viewer's APIs' traffic, and
 * a key or API the viewer may not see answers 404 exactly like a missing one.
 */
export function activityService({ store, config }: AppContext, deps: { access: Access; apis: ApisService }) {
  const { db } = store;
  const { access } = deps;

  /** The stored hashes the request names (each given by its hash or as the key itself); a hidden one is 404. */
  async function keyHashesOf(scope: Scope, raw: string[]): Promise<string[]> {
    const stored = await existingKeyHashes(db, raw);
    const asKeys = await existingKeyHashes(db, raw.filter((r) => !stored.has(r)).map(hashSecret));
    const hashes = raw.map((r) => (stored.has(r) || !asKeys.has(hashSecret(r)) ? r : hashSecret(r)));
    if ((await access.unidentifiableKeyHashes(db, scope, hashes)).length > 0) throw new NotFound('Key');
    return hashes;
  }

  return {
    /** One key's traffic by endpoint (GET /api/activity/keys/{keyHash}/...). */
    async keyByEndpoint(actor: Actor, keyRef: string, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = access.analyticsScope(actor);
      const [keyHash] = await keyHashesOf(scope, [keyRef]);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await keyActivityByEndpoint(db, keyHash!, hoursOf(r), access.filters.analytics(db, scope, 'r.api_id'), res ?? 'total', pageWindow(req).page);
      return {
        rows: rows.map((x) => ({
          id: { key: keyHash!, api_id: x.api_id, api_name: x.api_name ?? '', method: x.method, path: x.path, ...timeOf(x.bucket, res) },
          ...counts(x),
          max_latency: Number(x.max_latency),
          min_latency: Number(x.min_latency),
          last_hit: new Date(x.last_hit).toISOString(),
        })),
        pages: pageCount(total, req),
      };
    },

    /** The traffic of the named keys, one row per key (GET /api/activity/keys/aggregate/{keys}/...). */
    async keys(actor: Actor, keyRefs: string, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = access.analyticsScope(actor);
      const hashes = await keyHashesOf(scope, namedList(keyRefs, 'keys'));
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await activityOfKeys(db, hashes, hoursOf(r), access.filters.analytics(db, scope), res ?? 'total', pageWindow(req).page);
      return {
        rows: rows.map((x) => ({ id: { key: x.api_key, alias: x.alias ?? '', ...timeOf(x.bucket, res) }, ...counts(x) })),
        pages: pageCount(total, req),
      };
    },

    /** The traffic of the named APIs, one row per API (GET /api/activity/apis/{apiIds}/...). */
    async apis(actor: Actor, apiRefs: string, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = access.analyticsScope(actor);
      const ids: string[] = [];
      for (const ref of namedList(apiRefs, 'apis')) ids.push((await deps.apis.findInScope(ref, scope)).api_id);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await usageByApi(db, hoursOf(r), ofApis(ids), res ?? 'total', pageWindow(req).page);
      return {
        rows: rows.map((x) => ({ id: { api_id: x.api_id, api_name: x.api_name ?? '', ...timeOf(x.bucket, res) }, ...counts(x) })),
        pages: pageCount(total, req),
      };
    },

    /**
     * Tyk's MCP activity views: the MCP calls of the range (every JSON-RPC
     * method; those invoking a tool, resource or prompt name it), one row per
     * API or, with group_by=mcp_primitive, per API, method and primitive.
     * `errorsOnly` counts only errors; `keyRef` only one key's calls (a key the
     * viewer cannot see is 404). An `api_id` filter the viewer cannot see is 404.
     */
    async mcp(actor: Actor, r: DayRange, q: McpQuery, opts: { errorsOnly: boolean; keyRef?: string }) {
      const scope = access.analyticsScope(actor);
      const range = hoursOf(r);
      const s: McpSelection = { errorsOnly: opts.errorsOnly };
      if (opts.keyRef !== undefined) s.keyHash = (await keyHashesOf(scope, [opts.keyRef]))[0]!;
      if (q.api_id !== undefined) s.apiId = (await deps.apis.findInScope(q.api_id, scope)).api_id;
      if (q.mcp_method !== undefined) s.method = q.mcp_method;
      if (q.mcp_primitive_type !== undefined) s.primitiveType = q.mcp_primitive_type;
      if (q.mcp_primitive_name !== undefined) s.primitiveName = q.mcp_primitive_name;
      const byPrimitive = q.group_by === 'mcp_primitive';
      const req = { p: q.limit === undefined ? q.p : undefined, pageSize: q.limit ?? config.pageSize };
      const page = q.limit === undefined ? pageWindow(req).page : { offset: 0, limit: q.limit };
      const visible = access.filters.analytics(db, scope, 'r.api_id');
      const { rows, total } = await mcpActivity(db, range, visible, s, byPrimitive, q.res ?? 'total', page);
      return {
        rows: rows.map((x) => mcpRow(x, byPrimitive, q.res, s.keyHash)),
        pages: q.limit === undefined ? pageCount(total, req) : 1,
      };
    },

    /**
     * An OAuth client's traffic through JWT APIs, one row per API (GET
     * /api/activity/oauthid/{clientId}/...): a client registered for a product
     * none of whose APIs the viewer sees (nor with traffic on one) is 404, like an unknown one.
     */
    async oauthClient(actor: Actor, clientId: string, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = access.analyticsScope(actor);
      if (!(await oauthClientVisible(db, clientId, access.filters.analytics(db, scope, 'a.api_id'), access.filters.analytics(db, scope, 'r.api_id')))) {
        throw new NotFound('OAuth client');
      }
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await oauthClientActivity(db, clientId, hoursOf(r), access.filters.analytics(db, scope, 'r.api_id'), res ?? 'total', pageWindow(req).page);
      return {
        rows: rows.map((x) => ({ id: { api_id: x.api_id, api_name: x.api_name ?? '', oauth_id: clientId, ...timeOf(x.bucket, res) }, ...counts(x) })),
        pages: pageCount(total, req),
      };
    },
  };
}

export type ActivityService = ReturnType<typeof activityService>;
