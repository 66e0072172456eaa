import { sql, type SqlBool } from 'kysely';
import { restricted, type Filter } from '../access/filter.js';
import type { Executor } from '../db/database.js';
import type { Bucketing, Range, Totals } from './analytics.repository.js';

/*
 * Tyk's activity views (/api/activity/...). The per-key view breaks a key's
 * traffic down by endpoint, which no roll-up holds (the per-key roll-up has no
 * path): it reads the raw records of the range, through their `at` index.
 */

/** The raw records' counters, named as the roll-ups name theirs. */
const rawTotals = [
  sql<number>`count(*)`.as('hits'),
  sql<number>`sum(case when r.response_code < 400 then 1 else 0 end)`.as('success'),
  sql<number>`sum(case when r.response_code >= 400 then 1 else 0 end)`.as('errors'),
  sql<number>`sum(case when r.response_code >= 200 and r.response_code < 300 then 1 else 0 end)`.as('status_2xx'),
  sql<number>`sum(case when r.response_code >= 300 and r.response_code < 400 then 1 else 0 end)`.as('status_3xx'),
  sql<number>`sum(case when r.response_code >= 400 and r.response_code < 500 then 1 else 0 end)`.as('status_4xx'),
  sql<number>`sum(case when r.response_code >= 500 then 1 else 0 end)`.as('status_5xx'),
  sql<number>`sum(r.request_time)`.as('request_time_sum'),
  sql<number>`sum(r.upstream_time)`.as('upstream_time_sum'),
];

function rawBucket(b: Bucketing) {
  if (b === 'hour') return sql<string>`substr(r.at, 1, 13)`;
  if (b === 'day') return sql<string>`substr(r.at, 1, 10)`;
  return sql<string>`substr('', 1, 0)`;
}

export type EndpointActivity = { api_id: string; api_name: string | null; method: string; path: string; bucket: string; last_hit: string; max_latency: number; min_latency: number } & Totals;

/**
 * One key's traffic per endpoint (API, method, path) and time bucket over the
 * range, busiest first; `visible` (a filter on `r.api_id`) leaves out the APIs
 * the viewer may not see.
 */
export async function keyActivityByEndpoint(ex: Executor, keyHash: string, range: Range, visible: Filter, b: Bucketing, page?: { offset: number; limit: number }) {
  const bucket = rawBucket(b);
  // Records carry full timestamps; the range's bounds are hours ("2026-03-01T10"), which sort before every timestamp of that hour.
  let base = ex.selectFrom('analytics_records as r').where('r.api_key', '=', keyHash).where('r.at', '>=', range.from).where('r.at', '<', range.to);
  if (visible.kind === 'restricted') base = base.where(visible.where);
  const { n } = await ex
    .selectFrom(base.select(['r.api_id', 'r.method', 'r.path', bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base
    .leftJoin('apis as a', 'a.api_id', 'r.api_id')
    .select([
      'r.api_id',
      'r.method',
      'r.path',
      bucket.as('bucket'),
      sql<string | null>`max(a.name)`.as('api_name'),
      sql<string>`max(r.at)`.as('last_hit'),
      sql<number>`max(r.request_time)`.as('max_latency'),
      sql<number>`min(r.request_time)`.as('min_latency'),
      ...rawTotals,
    ])
    .groupBy(['r.api_id', 'r.method', 'r.path', bucket])
    .orderBy(bucket)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('r.api_id')
    .orderBy('r.method')
    .orderBy('r.path');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as EndpointActivity[], total: Number(n) };
}

/**
 * The traffic of the named keys, one row per key (and time bucket), busiest
 * first, from the per-key roll-up; `visible` is a filter on `h.api_id`.
 */
export async function activityOfKeys(ex: Executor, keyHashes: string[], range: Range, visible: Filter, b: Bucketing, page?: { offset: number; limit: number }) {
  const bucket = b === 'hour' ? sql<string>`h.hour` : b === 'day' ? sql<string>`substr(h.hour, 1, 10)` : sql<string>`substr('', 1, 0)`;
  let base = ex.selectFrom('analytics_hourly_key as h').where('h.api_key', 'in', keyHashes).where('h.hour', '>=', range.from).where('h.hour', '<', range.to);
  if (visible.kind === 'restricted') base = base.where(visible.where);
  const { n } = await ex
    .selectFrom(base.select(['h.api_key', bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const sums = (['hits', 'success', 'errors', 'status_2xx', 'status_3xx', 'status_4xx', 'status_5xx', 'request_time_sum', 'upstream_time_sum'] as const).map((c) =>
    sql<number>`sum(${sql.ref(`h.${c}`)})`.as(c),
  );
  let q = base
    .leftJoin('keys as k', 'k.key_hash', 'h.api_key')
    .select(['h.api_key', bucket.as('bucket'), sql<string | null>`max(k.alias)`.as('alias'), ...sums])
    .groupBy(['h.api_key', bucket])
    .orderBy(bucket)
    .orderBy(sql`sum(h.hits)`, 'desc')
    .orderBy('h.api_key');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as ({ api_key: string; bucket: string; alias: string | null } & Totals)[], total: Number(n) };
}

/** The per-API roll-up rows of these APIs (public ids), as a filter on `h.api_id` for usageByApi. */
export function ofApis(apiIds: string[]): Filter {
  return restricted(sql<SqlBool>`h.api_id in (${sql.join(apiIds)})`);
}

/** The stored hashes among these (to tell a key given by its hash from one given as the key itself). */
export async function existingKeyHashes(ex: Executor, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await ex.selectFrom('keys').select('key_hash').where('key_hash', 'in', hashes).execute();
  return new Set(rows.map((r) => r.key_hash));
}

/** What an MCP activity view counts: its filters (each optional), and whether only errors. */
export interface McpSelection {
  /** Public API id, already found in the viewer's scope. */
  apiId?: string;
  keyHash?: string;
  method?: string;
  primitiveType?: string;
  primitiveName?: string;
  errorsOnly: boolean;
}

export type McpActivity = {
  api_id: string;
  api_name: string | null;
  mcp_method: string;
  mcp_primitive_type: string;
  mcp_primitive_name: string;
  bucket: string;
  last_hit: string;
  max_latency: number;
  min_latency: number;
  max_upstream_latency: number;
  min_upstream_latency: number;
} & Totals;

/**
 * The MCP calls of the range (records that carry a JSON-RPC method, through
 * their partial index on `at`), one row per API — or per API, method and
 * primitive with `byPrimitive` — and time bucket, busiest first. `visible` (a
 * filter on `r.api_id`) leaves out the APIs the viewer may not see. An error
 * is what Tyk counts as one: a response of 400 or above.
 */
export async function mcpActivity(ex: Executor, range: Range, visible: Filter, s: McpSelection, byPrimitive: boolean, b: Bucketing, page?: { offset: number; limit: number }) {
  const bucket = rawBucket(b);
  let base = ex.selectFrom('analytics_records as r').where('r.mcp_method', 'is not', null).where('r.at', '>=', range.from).where('r.at', '<', range.to);
  if (s.apiId !== undefined) base = base.where('r.api_id', '=', s.apiId);
  if (s.keyHash !== undefined) base = base.where('r.api_key', '=', s.keyHash);
  if (s.method !== undefined) base = base.where('r.mcp_method', '=', s.method);
  if (s.primitiveType !== undefined) base = base.where('r.mcp_primitive_type', '=', s.primitiveType);
  if (s.primitiveName !== undefined) base = base.where('r.mcp_primitive_name', '=', s.primitiveName);
  if (s.errorsOnly) base = base.where('r.response_code', '>=', 400);
  if (visible.kind === 'restricted') base = base.where(visible.where);
  // Without grouping by primitive, the primitive columns are constants (one group per API).
  const none = sql<string>`substr('', 1, 0)`;
  const method = byPrimitive ? sql<string>`r.mcp_method` : none;
  const type = byPrimitive ? sql<string>`r.mcp_primitive_type` : none;
  const name = byPrimitive ? sql<string>`r.mcp_primitive_name` : none;
  const { n } = await ex
    .selectFrom(base.select(['r.api_id', method.as('m'), type.as('t'), name.as('p'), bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base
    .leftJoin('apis as a', 'a.api_id', 'r.api_id')
    .select([
      'r.api_id',
      method.as('mcp_method'),
      type.as('mcp_primitive_type'),
      name.as('mcp_primitive_name'),
      bucket.as('bucket'),
      sql<string | null>`max(a.name)`.as('api_name'),
      sql<string>`max(r.at)`.as('last_hit'),
      sql<number>`max(r.request_time)`.as('max_latency'),
      sql<number>`min(r.request_time)`.as('min_latency'),
      sql<number>`max(r.upstream_time)`.as('max_upstream_latency'),
      sql<number>`min(r.upstream_time)`.as('min_upstream_latency'),
      ...rawTotals,
    ])
    .groupBy(['r.api_id', method, type, name, bucket])
    .orderBy(bucket)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('r.api_id')
    .orderBy(method)
    .orderBy(type)
    .orderBy(name);
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as McpActivity[], total: Number(n) };
}

/** An OAuth client's raw records; `oauth_id <> ''` names the condition of the partial index on (oauth_id, at) (migration 0033). */
function recordsOfClient(ex: Executor, clientId: string) {
  return ex.selectFrom('analytics_records as r').where('r.oauth_id', '<>', '').where('r.oauth_id', '=', clientId);
}

/**
 * Whether an OAuth client is one the viewer may see: a DCR credential names it
 * and its product has an API `apiVisible` (a filter on `a.api_id`) lets
 * through, or it has traffic on such an API (its credential may be gone).
 */
export async function oauthClientVisible(ex: Executor, clientId: string, apiVisible: Filter, recordVisible: Filter): Promise<boolean> {
  let viaProduct = ex
    .selectFrom('credentials as cr')
    .innerJoin('access_requests as ar', 'ar.id', 'cr.access_request_id')
    .innerJoin('product_apis as pa', 'pa.product_id', 'ar.product_id')
    .innerJoin('apis as a', 'a.id', 'pa.api_id')
    .select('cr.id')
    .where('cr.oauth_client_id', '=', clientId);
  if (apiVisible.kind === 'restricted') viaProduct = viaProduct.where(apiVisible.where);
  if (await viaProduct.limit(1).executeTakeFirst()) return true;
  let viaTraffic = recordsOfClient(ex, clientId).select('r.id');
  if (recordVisible.kind === 'restricted') viaTraffic = viaTraffic.where(recordVisible.where);
  return (await viaTraffic.limit(1).executeTakeFirst()) !== undefined;
}

/** An OAuth client's traffic per API (and time bucket) over the range, busiest first; `visible` is a filter on `r.api_id`. */
export async function oauthClientActivity(ex: Executor, clientId: string, range: Range, visible: Filter, b: Bucketing, page?: { offset: number; limit: number }) {
  const bucket = rawBucket(b);
  let base = recordsOfClient(ex, clientId).where('r.at', '>=', range.from).where('r.at', '<', range.to);
  if (visible.kind === 'restricted') base = base.where(visible.where);
  const { n } = await ex
    .selectFrom(base.select(['r.api_id', bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base
    .leftJoin('apis as a', 'a.api_id', 'r.api_id')
    .select(['r.api_id', bucket.as('bucket'), sql<string | null>`max(a.name)`.as('api_name'), ...rawTotals])
    .groupBy(['r.api_id', bucket])
    .orderBy(bucket)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('r.api_id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as ({ api_id: string; api_name: string | null; bucket: string } & Totals)[], total: Number(n) };
}
