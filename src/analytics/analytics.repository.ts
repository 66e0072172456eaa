import { CompiledQuery, sql, type Expression, type Insertable } from 'kysely';
import type { Filter } from '../access/filter.js';
import { isPostgres, type Executor } from '../db/database.js';
import type { AnalyticsCounters, Database } from '../db/schema.js';
import { columnsOf, MAX_BATCH, N, NUMBER_SLOTS, T, TEXT_SLOTS, type RecordColumns } from './record-columns.js';

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

const COUNTER_COLUMNS = ['hits', 'success', 'errors', 'status_2xx', 'status_3xx', 'status_4xx', 'status_5xx', 'request_time_sum', 'upstream_time_sum'] as const;
const COUNTERS = COUNTER_COLUMNS.length;

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

type RollUp = 'analytics_hourly_api' | 'analytics_hourly_key' | 'analytics_hourly_endpoint';
/** Each roll-up's own columns (before the counters), in the order its rows' values are given. */
const ROLL_UP_KEYS: Record<RollUp, readonly string[]> = {
  analytics_hourly_api: ['api_id', 'hour'],
  analytics_hourly_key: ['api_key', 'api_id', 'hour'],
  analytics_hourly_endpoint: ['api_id', 'method', 'path', 'hour'],
};

/** SQL text by dialect, statement and row count. */
const statements = new Map<string, string>();

/**
 * The SQL text of the gateway's multi-row inserts, built once per dialect and
 * row count: the gateway writes thousands of records a second, and building a
 * query tree of every value for each batch cost more CPU than SQLite's own insert.
 */
function statementText(ex: Executor, table: 'analytics_records' | RollUp, rows: number): string {
  const key = `${isPostgres(ex) ? 'postgres' : 'sqlite'}:${table}:${rows}`;
  let text = statements.get(key);
  if (text === undefined) {
    if (table === 'analytics_records') {
      const blank = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, null])) as unknown as Insertable<Database['analytics_records']>;
      text = ex.insertInto(table).values(Array.from({ length: rows }, () => blank)).compile().sql;
    } else {
      const columns = [...ROLL_UP_KEYS[table], ...COUNTER_COLUMNS];
      const blank = Object.fromEntries(columns.map((c) => [c, null])) as unknown as Insertable<Database['analytics_hourly_endpoint']>;
      text = ex
        .insertInto(table as 'analytics_hourly_endpoint')
        .values(Array.from({ length: rows }, () => blank))
        .onConflict((oc) => oc.columns(ROLL_UP_KEYS[table] as ('api_id' | 'method' | 'path' | 'hour')[]).doUpdateSet(addUp(table)))
        .compile().sql;
    }
    statements.set(key, text);
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
  for (const batch of columnsOf(records)) await insertColumns(ex, batch);
}

/** Rows per statement of the raw records: SQLite inserted 500-row statements ~30 % slower per row than 32-row ones. */
const RECORD_ROWS = 32;

/** `insertRecords` for one batch in columns (the gateway's own form). */
export async function insertColumns(ex: Executor, batch: RecordColumns): Promise<void> {
  const { length, texts, refs, numbers } = batch;
  if (length === 0) return;
  if (length > MAX_BATCH) throw new RangeError(`a batch holds at most ${MAX_BATCH} records`);
  // Per distinct timestamp text: its canonical form and its hour's number in `hours`.
  const times = new Map<number, { at: string; hour: number }>();
  const hours: string[] = [];
  const hourIds = new Map<string, number>();
  const timeOf = (ref: number) => {
    let t = times.get(ref);
    if (t === undefined) {
      const at = canonicalTime(texts[ref]!);
      const h = at.slice(0, 13);
      let hour = hourIds.get(h);
      if (hour === undefined) {
        hour = hours.length;
        hours.push(h);
        hourIds.set(h, hour);
      }
      t = { at, hour };
      times.set(ref, t);
    }
    return t;
  };
  const text = (ref: number) => (ref < 0 ? null : texts[ref]!);

  for (const [from, rows] of pieces(length, RECORD_ROWS)) {
    const params: unknown[] = [];
    for (let i = from; i < from + rows; i++) {
      const t = i * TEXT_SLOTS;
      const n = i * NUMBER_SLOTS;
      params.push(
        timeOf(refs[t + T.timestamp]!).at,
        texts[refs[t + T.api_id]!],
        texts[refs[t + T.method]!],
        texts[refs[t + T.path]!],
        numbers[n + N.response_code],
        numbers[n + N.request_time],
        numbers[n + N.upstream_time],
        texts[refs[t + T.api_key]!],
        texts[refs[t + T.ip_address]!],
        numbers[n + N.content_length],
        text(refs[t + T.mcp_method]!),
        text(refs[t + T.mcp_primitive_type]!),
        text(refs[t + T.mcp_primitive_name]!),
        texts[refs[t + T.oauth_id]!],
      );
    }
    await ex.executeQuery(CompiledQuery.raw(statementText(ex, 'analytics_records', rows), params));
  }

  // Roll-up rows keyed by numbers: every part is below `base` (a text's or an hour's index), so a key
  // of four parts stays below 5,001^4, an exact integer. Each row: its key columns' values, then its counters.
  const base = texts.length + 1;
  const perApi = new Map<number, unknown[]>();
  const perKey = new Map<number, unknown[]>();
  const perEndpoint = new Map<number, unknown[]>();
  const add = (rows: Map<number, unknown[]>, key: number, columns: () => unknown[], n: number) => {
    let row = rows.get(key);
    if (row === undefined) {
      row = columns();
      for (let c = 0; c < COUNTERS; c++) row.push(0);
      rows.set(key, row);
    }
    const c = row.length - COUNTERS;
    const code = numbers[n + N.response_code]!;
    const cls = Math.floor(code / 100);
    const inc = (at: number, by = 1) => (row[c + at] = (row[c + at] as number) + by);
    inc(0);
    inc(code < 400 ? 1 : 2);
    if (cls >= 2 && cls <= 5) inc(1 + cls);
    inc(7, numbers[n + N.request_time]!);
    inc(8, numbers[n + N.upstream_time]!);
  };
  for (let i = 0; i < length; i++) {
    const t = i * TEXT_SLOTS;
    const n = i * NUMBER_SLOTS;
    const { hour } = timeOf(refs[t + T.timestamp]!);
    const api = refs[t + T.api_id]!;
    const key = refs[t + T.api_key]!;
    const method = refs[t + T.method]!;
    const path = refs[t + T.path]!;
    add(perApi, api * base + hour, () => [texts[api], hours[hour]], n);
    if (texts[key] !== '') add(perKey, (key * base + api) * base + hour, () => [texts[key], texts[api], hours[hour]], n);
    add(perEndpoint, ((api * base + method) * base + path) * base + hour, () => [texts[api], texts[method], texts[path], hours[hour]], n);
  }
  for (const [table, rows] of [
    ['analytics_hourly_api', perApi],
    ['analytics_hourly_key', perKey],
    ['analytics_hourly_endpoint', perEndpoint],
  ] as const) {
    const all = [...rows.values()];
    for (const [from, count] of pieces(all.length, MAX_BATCH)) {
      await ex.executeQuery(CompiledQuery.raw(statementText(ex, table, count), all.slice(from, from + count).flat()));
    }
  }
}

/**
 * `length` items as pieces [start, count] of at most `n`, the last ones sized
 * by powers of two (500 go as 500; 300 as 256 + 32 + 8 + 4). Each distinct row
 * count is a distinct SQL text, and SQLite connections keep their prepared
 * statements by SQL text (database.ts): with arbitrary counts a gateway's
 * writer filled that cache with hundreds of multi-row statements, megabytes of
 * native memory each that the V8 heap does not see. With these sizes a
 * table's inserts take a dozen shapes.
 */
function pieces(length: number, n: number): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  for (; i + n <= length; i += n) out.push([i, n]);
  for (let size = 1 << Math.floor(Math.log2(n)); size >= 1 && i < length; size >>= 1) {
    if (i + size <= length) {
      out.push([i, size]);
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
