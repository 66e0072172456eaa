import { CompiledQuery, sql, type Expression, type Insertable } from 'kysely';
import type { Filter } from '../access/filter.js';
import { isPostgres, type Executor } from '../db/database.js';
import type { AnalyticsCounters, Database } from '../db/schema.js';

export interface AnalyticsRecord {
  timestamp: string;
  api_id: string;
  method: string;
  path: string;
  response_code: number;
  request_time: number;
  upstream_time: number;
  api_key: string;
  ip_address: string;
  content_length: number;
  /** Requests to MCP APIs only: the JSON-RPC method called (`tools/call`, …). */
  mcp_method?: string;
  /** `tool`, `resource` or `prompt` when the method invokes one; '' otherwise. */
  mcp_primitive_type?: string;
  /** The tool's or prompt's name, the resource's URI; '' when the method names none. */
  mcp_primitive_name?: string;
  /** The OAuth client of a JWT-authenticated call; '' (or absent) otherwise. */
  oauth_id?: string;
}

function emptyCounters(): AnalyticsCounters {
  return { hits: 0, success: 0, errors: 0, status_2xx: 0, status_3xx: 0, status_4xx: 0, status_5xx: 0, request_time_sum: 0, upstream_time_sum: 0 };
}

function count(c: AnalyticsCounters, r: AnalyticsRecord): void {
  c.hits += 1;
  if (r.response_code < 400) c.success += 1;
  else c.errors += 1;
  const cls = Math.floor(r.response_code / 100);
  if (cls === 2) c.status_2xx += 1;
  else if (cls === 3) c.status_3xx += 1;
  else if (cls === 4) c.status_4xx += 1;
  else if (cls === 5) c.status_5xx += 1;
  c.request_time_sum += r.request_time;
  c.upstream_time_sum += r.upstream_time;
}

const COUNTER_COLUMNS = ['hits', 'success', 'errors', 'status_2xx', 'status_3xx', 'status_4xx', 'status_5xx', 'request_time_sum', 'upstream_time_sum'] as const;

/** "2026-11-22T10" from an ISO timestamp. */
export function hourOf(iso: string): string {
  return new Date(iso).toISOString().slice(0, 13);
}

/** Adds `counters` onto an existing roll-up row, or inserts it. */
function addUp<T extends AnalyticsCounters>(existingTable: string) {
  return (eb: { ref(c: string): Expression<number> }) => {
    const out: Record<string, Expression<number>> = {};
    for (const c of COUNTER_COLUMNS) out[c] = sql<number>`${sql.ref(`${existingTable}.${c}`)} + ${eb.ref(`excluded.${c}`)}`;
    return out as { [K in keyof T]?: Expression<number> };
  };
}

const RECORD_COLUMNS = [
  'at',
  'api_id',
  'method',
  'path',
  'response_code',
  'request_time',
  'upstream_time',
  'api_key',
  'ip_address',
  'content_length',
  'mcp_method',
  'mcp_primitive_type',
  'mcp_primitive_name',
  'oauth_id',
] as const;

/** `insert … values (…), (…)` for `rows` records, by placeholder style and row count. */
const recordInserts = new Map<string, string>();

/**
 * The SQL text of a multi-row insert into analytics_records, built once per
 * dialect and row count: the gateway writes thousands of records a second,
 * and building a query tree of every value for each batch cost more CPU than
 * SQLite's own insert.
 */
function recordsInsert(ex: Executor, rows: number): string {
  const key = `${isPostgres(ex) ? 'postgres' : 'sqlite'}:${rows}`;
  let text = recordInserts.get(key);
  if (text === undefined) {
    const blank = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, null])) as unknown as Insertable<Database['analytics_records']>;
    text = ex.insertInto('analytics_records').values(Array.from({ length: rows }, () => blank)).compile().sql;
    recordInserts.set(key, text);
  }
  return text;
}

/** Gateways send `toISOString()` text; anything else is read as a date and written that way. */
function canonicalTime(timestamp: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(timestamp) ? timestamp : new Date(timestamp).toISOString();
}

/**
 * Stores raw records and adds them to the hourly roll-ups in the same
 * transaction, so every query can read the roll-ups alone.
 */
export async function insertRecords(ex: Executor, records: AnalyticsRecord[]): Promise<void> {
  if (records.length === 0) return;
  const CHUNK = 500;
  for (const chunk of chunks(records, CHUNK)) {
    const params: unknown[] = [];
    for (const r of chunk) {
      const mcp = r.mcp_method !== undefined;
      params.push(
        canonicalTime(r.timestamp),
        r.api_id,
        r.method,
        r.path,
        r.response_code,
        r.request_time,
        r.upstream_time,
        r.api_key,
        r.ip_address,
        r.content_length,
        mcp ? r.mcp_method : null,
        mcp ? (r.mcp_primitive_type ?? '') : null,
        mcp ? (r.mcp_primitive_name ?? '') : null,
        r.oauth_id ?? '',
      );
    }
    await ex.executeQuery(CompiledQuery.raw(recordsInsert(ex, chunk.length), params));
  }
  const perApi = new Map<string, { api_id: string; hour: string } & AnalyticsCounters>();
  const perKey = new Map<string, { api_key: string; api_id: string; hour: string } & AnalyticsCounters>();
  const perEndpoint = new Map<string, { api_id: string; method: string; path: string; hour: string } & AnalyticsCounters>();
  for (const r of records) {
    const hour = hourOf(r.timestamp);
    const a = `${r.api_id}\u0000${hour}`;
    if (!perApi.has(a)) perApi.set(a, { api_id: r.api_id, hour, ...emptyCounters() });
    count(perApi.get(a)!, r);
    if (r.api_key !== '') {
      const k = `${r.api_key}\u0000${r.api_id}\u0000${hour}`;
      if (!perKey.has(k)) perKey.set(k, { api_key: r.api_key, api_id: r.api_id, hour, ...emptyCounters() });
      count(perKey.get(k)!, r);
    }
    const e = `${r.api_id}\u0000${r.method}\u0000${r.path}\u0000${hour}`;
    if (!perEndpoint.has(e)) perEndpoint.set(e, { api_id: r.api_id, method: r.method, path: r.path, hour, ...emptyCounters() });
    count(perEndpoint.get(e)!, r);
  }
  for (const rows of chunks([...perApi.values()], CHUNK)) {
    await ex
      .insertInto('analytics_hourly_api')
      .values(rows)
      .onConflict((oc) => oc.columns(['api_id', 'hour']).doUpdateSet(addUp('analytics_hourly_api')))
      .execute();
  }
  for (const rows of chunks([...perKey.values()], CHUNK)) {
    await ex
      .insertInto('analytics_hourly_key')
      .values(rows)
      .onConflict((oc) => oc.columns(['api_key', 'api_id', 'hour']).doUpdateSet(addUp('analytics_hourly_key')))
      .execute();
  }
  for (const rows of chunks([...perEndpoint.values()], CHUNK)) {
    await ex
      .insertInto('analytics_hourly_endpoint')
      .values(rows)
      .onConflict((oc) => oc.columns(['api_id', 'method', 'path', 'hour']).doUpdateSet(addUp('analytics_hourly_endpoint')))
      .execute();
  }
}

/**
 * Pieces of at most `n`, the last ones sized by powers of two (500 records go
 * as 500; 300 as 256 + 32 + 8 + 4). Each distinct row count is a distinct SQL
 * text, and SQLite connections keep their prepared statements by SQL text
 * (database.ts): with arbitrary counts a gateway's writer filled that cache with
 * hundreds of multi-row statements, megabytes of native memory each that the
 * V8 heap does not see. With these sizes a table's inserts take a dozen shapes.
 */
function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  let i = 0;
  for (; i + n <= xs.length; i += n) out.push(xs.slice(i, i + n));
  for (let size = 1 << Math.floor(Math.log2(n)); size >= 1 && i < xs.length; size >>= 1) {
    if (i + size <= xs.length) {
      out.push(xs.slice(i, i + size));
      i += size;
    }
  }
  return out;
}

export interface Range {
  /** First hour included, YYYY-MM-DDTHH. */
  from: string;
  /** First hour excluded. */
  to: string;
}

export interface Totals {
  hits: number;
  success: number;
  errors: number;
  status_2xx: number;
  status_3xx: number;
  status_4xx: number;
  status_5xx: number;
  request_time_sum: number;
  upstream_time_sum: number;
}

const totals = (prefix: string) =>
  COUNTER_COLUMNS.map((c) => sql<number>`sum(${sql.ref(`${prefix}.${c}`)})`.as(c));

/** The time bucket of a roll-up row: its hour, its day, or one bucket for the whole range. */
export type Bucketing = 'hour' | 'day' | 'total';

function bucketOf(b: Bucketing) {
  if (b === 'hour') return sql<string>`h.hour`;
  if (b === 'day') return sql<string>`substr(h.hour, 1, 10)`;
  // One bucket for the whole range; a constant PostgreSQL accepts in GROUP and ORDER BY.
  return sql<string>`substr('', 1, 0)`;
}

/** Usage per API (and per time bucket) over the range, busiest first. */
export async function usageByApi(ex: Executor, range: Range, visible: Filter, b: Bucketing, page?: { offset: number; limit: number }) {
  const bucket = bucketOf(b);
  let base = ex.selectFrom('analytics_hourly_api as h').where('h.hour', '>=', range.from).where('h.hour', '<', range.to);
  if (visible.kind === 'restricted') base = base.where(visible.where);
  const { n } = await ex
    .selectFrom(base.select(['h.api_id', bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base
    .leftJoin('apis as a', 'a.api_id', 'h.api_id')
    .select(['h.api_id', bucket.as('bucket'), sql<string | null>`max(a.name)`.as('api_name'), ...totals('h')])
    .groupBy(['h.api_id', bucket])
    .orderBy(bucket)
    .orderBy(sql`sum(h.hits)`, 'desc')
    .orderBy('h.api_id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as ({ api_id: string; bucket: string; api_name: string | null } & Totals)[], total: Number(n) };
}

/** Counters per hour or per day over the range (optionally for one API). */
export async function usageOverTime(ex: Executor, range: Range, res: 'hour' | 'day', visible: Filter, apiId?: string) {
  return countersOverTime(ex, 'analytics_hourly_api as h', range, res, visible, apiId);
}

/** Counters per hour or per day over the range of the keys `keys` (a filter on `h.api_key`) lets through, all APIs together. */
export async function keyUsageOverTime(ex: Executor, range: Range, res: 'hour' | 'day', keys: Filter) {
  return countersOverTime(ex, 'analytics_hourly_key as h', range, res, keys);
}

/** The one time-series query of both roll-ups that carry an API id (per API, per key). */
async function countersOverTime(
  ex: Executor,
  from: 'analytics_hourly_api as h' | 'analytics_hourly_key as h',
  range: Range,
  res: 'hour' | 'day',
  visible: Filter,
  apiId?: string,
) {
  const bucket = bucketOf(res);
  // Both roll-ups have the columns used here (hour, api_id, the counters): typed as one of them.
  let q = ex.selectFrom(from as 'analytics_hourly_api as h').where('h.hour', '>=', range.from).where('h.hour', '<', range.to);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  if (apiId !== undefined) q = q.where('h.api_id', '=', apiId);
  const rows = await q
    .select([bucket.as('bucket'), ...totals('h')])
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows as ({ bucket: string } & Totals)[];
}

/**
 * Traffic per key (and per time bucket) over the range, busiest first. Keys
 * that `shown.keys` (a filter on `h.api_key`) leaves out are counted together
 * under `otherKey` (their hashes and aliases never leave the database).
 */
export async function usageByKey(
  ex: Executor,
  range: Range,
  visible: Filter,
  b: Bucketing,
  page: { offset: number; limit: number } | undefined,
  shown: { keys: Filter; otherKey: string },
) {
  const bucket = bucketOf(b);
  const keyOf = shown.keys.kind === 'restricted' ? sql<string>`case when ${shown.keys.where} then h.api_key else ${shown.otherKey} end` : sql<string>`h.api_key`;
  let inner = ex.selectFrom('analytics_hourly_key as h').where('h.hour', '>=', range.from).where('h.hour', '<', range.to);
  if (visible.kind === 'restricted') inner = inner.where(visible.where);
  // The key (or "other") is worked out in a derived table, so that the outer query groups by a plain column on both databases.
  const base = ex.selectFrom(inner.select([keyOf.as('api_key'), 'h.hour', ...COUNTER_COLUMNS.map((c) => `h.${c}` as const)]).as('h'));
  const { n } = await ex
    .selectFrom(base.select(['h.api_key', bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base
    .leftJoin('keys as k', 'k.key_hash', 'h.api_key')
    .select(['h.api_key', bucket.as('bucket'), sql<string | null>`max(k.alias)`.as('alias'), ...totals('h')])
    .groupBy(['h.api_key', bucket])
    .orderBy(bucket)
    .orderBy(sql`sum(h.hits)`, 'desc')
    .orderBy('h.api_key');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as ({ api_key: string; bucket: string; alias: string | null } & Totals)[], total: Number(n) };
}

/** Endpoint popularity (per time bucket) over the range, busiest first. */
export async function usageByEndpoint(ex: Executor, range: Range, visible: Filter, b: Bucketing, page?: { offset: number; limit: number }) {
  const bucket = bucketOf(b);
  let base = ex.selectFrom('analytics_hourly_endpoint as h').where('h.hour', '>=', range.from).where('h.hour', '<', range.to);
  if (visible.kind === 'restricted') base = base.where(visible.where);
  const { n } = await ex
    .selectFrom(base.select(['h.api_id', 'h.method', 'h.path', bucket.as('bucket')]).distinct().as('d'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base
    .leftJoin('apis as a', 'a.api_id', 'h.api_id')
    .select(['h.api_id', 'h.method', 'h.path', bucket.as('bucket'), sql<string | null>`max(a.name)`.as('api_name'), ...totals('h')])
    .groupBy(['h.api_id', 'h.method', 'h.path', bucket])
    .orderBy(bucket)
    .orderBy(sql`sum(h.hits)`, 'desc')
    .orderBy('h.api_id')
    .orderBy('h.method')
    .orderBy('h.path');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: (await q.execute()) as ({ api_id: string; method: string; path: string; bucket: string; api_name: string | null } & Totals)[], total: Number(n) };
}
