import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { unrestricted, type Access, type Filter } from '../access/access.js';
import { OTHER_KEYS } from '../access/analytics-visibility.js';
import { requireAdmin } from '../access/policy.js';
import type { ApisService } from '../apis/apis.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { Invalid } from '../errors.js';
import { pageCount, pageWindow } from '../pagination.js';
import {
  insertRecords,
  keyUsageOverTime,
  usageByApi,
  usageByEndpoint,
  usageByKey,
  usageOverTime,
  type AnalyticsRecord,
  type Range,
  type Totals,
} from './analytics.repository.js';

export interface DayRange {
  startDay: number;
  startMonth: number;
  startYear: number;
  endDay: number;
  endMonth: number;
  endYear: number;
}

export type Resolution = 'hour' | 'day';

export interface Counts {
  hits: number;
  success: number;
  error: number;
  status_2xx: number;
  status_3xx: number;
  status_4xx: number;
  status_5xx: number;
  /** Mean total request time, ms. */
  latency: number;
  /** Mean upstream time, ms. */
  upstream_latency: number;
}

export function counts(t: Totals): Counts {
  const hits = Number(t.hits);
  return {
    hits,
    success: Number(t.success),
    error: Number(t.errors),
    status_2xx: Number(t.status_2xx),
    status_3xx: Number(t.status_3xx),
    status_4xx: Number(t.status_4xx),
    status_5xx: Number(t.status_5xx),
    latency: hits === 0 ? 0 : Math.round((Number(t.request_time_sum) / hits) * 100) / 100,
    upstream_latency: hits === 0 ? 0 : Math.round((Number(t.upstream_time_sum) / hits) * 100) / 100,
  };
}

function day(y: number, m: number, d: number, field: string): Date {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new Invalid(field, `${d}/${m}/${y} is not a date`);
  }
  return date;
}

/** Whole UTC days, both ends included. */
export function hoursOf(r: DayRange): Range {
  return hoursBetween(day(r.startYear, r.startMonth, r.startDay, 'start date'), day(r.endYear, r.endMonth, r.endDay, 'end date'), 'end date');
}

/** From the first day's first hour to the hour after the last day; `endField` names the end in a 400. */
function hoursBetween(from: Date, last: Date, endField: string): Range {
  if (last < from) throw new Invalid(endField, 'is before the start date');
  const to = new Date(last);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 13), to: to.toISOString().slice(0, 13) };
}

/** A whole UTC day written YYYY-MM-DD; a 400 naming `field` otherwise. */
function isoDay(text: string, field: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Invalid(field, `"${text.slice(0, 20)}" is not a date written YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970) throw new Invalid(field, `${text} is before 1970`);
  return day(y, mo, d, field);
}

/** The longest period a series covers, in days, by resolution. */
export const MAX_SERIES_DAYS: Record<Resolution, number> = { hour: 31, day: 366 };

/**
 * Whole UTC days `from`..`to` (YYYY-MM-DD, both included), as a range of hours
 * a series at `res` may cover; bad input is a 400 naming `from` or `to`.
 */
export function seriesRange(from: string, to: string, res: Resolution): Range {
  const first = isoDay(from, 'from');
  const last = isoDay(to, 'to');
  const range = hoursBetween(first, last, 'to');
  const days = (last.getTime() - first.getTime()) / 86_400_000 + 1;
  if (days > MAX_SERIES_DAYS[res]) throw new Invalid('to', `a period ${res === 'hour' ? 'by hour' : 'by day'} covers at most ${MAX_SERIES_DAYS[res]} days`);
  return range;
}

/** Every bucket of the range at `res`, in order, as the roll-ups' queries name them ("2026-11-22" or "2026-11-22T10"). */
function bucketsOf(range: Range, res: Resolution): string[] {
  const out: string[] = [];
  const step = res === 'hour' ? 3_600_000 : 86_400_000;
  const end = new Date(`${range.to}:00:00.000Z`).getTime();
  for (let t = new Date(`${range.from}:00:00.000Z`).getTime(); t < end; t += step) {
    const iso = new Date(t).toISOString();
    out.push(res === 'hour' ? iso.slice(0, 13) : iso.slice(0, 10));
  }
  return out;
}

const ZERO: Totals = { hits: 0, success: 0, errors: 0, status_2xx: 0, status_3xx: 0, status_4xx: 0, status_5xx: 0, request_time_sum: 0, upstream_time_sum: 0 };

function sum(rows: Totals[]): Totals {
  const t = { ...ZERO };
  for (const r of rows) for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += Number(r[k]);
  return t;
}

/**
 * The traffic of the keys `keys` lets through (a filter on the per-key
 * roll-up's `h.api_key`), all APIs together: totals over the range, and one
 * point per hour or day of the range, quiet ones included (zero).
 */
export async function keyUsageSeries(ex: Executor, range: Range, res: Resolution, keys: Filter) {
  const rows = await keyUsageOverTime(ex, range, res, keys);
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return {
    totals: counts(sum(rows)),
    series: bucketsOf(range, res).map((b) => ({ time: bucketTime(b, res), ...counts(byBucket.get(b) ?? ZERO) })),
  };
}

export function analyticsService({ store, config }: AppContext, deps: { access: Access; apis: ApisService }) {
  const { db } = store;
  const { access } = deps;
  const analyticsScope = (actor: Actor) => access.analyticsScope(actor);

  const secret = config.gatewaySecret ? Buffer.from(config.gatewaySecret) : undefined;

  return {
    /** Does this header value carry the gateways' shared secret? */
    isGatewaySecret(value: string | undefined): boolean {
      if (!secret || value === undefined) return false;
      const given = Buffer.from(value);
      return given.length === secret.length && timingSafeEqual(given, secret);
    },

    /** Records a batch from a gateway (or an administrator): all or nothing. */
    async ingest(actor: Actor | 'gateway', records: AnalyticsRecord[]): Promise<number> {
      if (actor !== 'gateway') requireAdmin(actor, 'record analytics (gateways send X-Gateway-Secret)');
      await db.transaction().execute((trx) => insertRecords(trx, records));
      return records.length;
    },

    /** Without `res`, totals over the range; with it, one row per API per hour or day. */
    async byApi(actor: Actor, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = analyticsScope(actor);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await usageByApi(db, hoursOf(r), access.filters.analytics(db, scope), res ?? 'total', pageWindow(req).page);
      return {
        rows: rows.map((x) => ({ id: { api_id: x.api_id, api_name: x.api_name ?? '', ...timeOf(x.bucket, res) }, ...counts(x) })),
        pages: pageCount(total, req),
      };
    },

    /** One API's traffic over time; an API the caller cannot see answers 404. */
    async forApi(actor: Actor, apiRef: string, r: DayRange, res: Resolution) {
      const scope = analyticsScope(actor);
      const row = await deps.apis.findInScope(apiRef, scope);
      const rows = await usageOverTime(db, hoursOf(r), res, unrestricted('one API, already found in scope'), row.api_id);
      return rows.map((x) => ({ id: { time: bucketTime(x.bucket, res), api_id: row.api_id }, ...counts(x) }));
    },

    async errorsOverTime(actor: Actor, r: DayRange, res: Resolution) {
      const scope = analyticsScope(actor);
      const rows = await usageOverTime(db, hoursOf(r), res, access.filters.analytics(db, scope));
      return rows.map((x) => ({ id: { time: bucketTime(x.bucket, res) }, ...counts(x) }));
    },

    async byKey(actor: Actor, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = analyticsScope(actor);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await usageByKey(db, hoursOf(r), access.filters.analytics(db, scope), res ?? 'total', pageWindow(req).page, {
        keys: access.filters.identifiableKeys(db, scope),
        otherKey: OTHER_KEYS,
      });
      return {
        rows: rows.map((x) => ({ id: { api_key: x.api_key, alias: x.alias ?? '', ...timeOf(x.bucket, res) }, ...counts(x) })),
        pages: pageCount(total, req),
      };
    },

    async byEndpoint(actor: Actor, r: DayRange, p: number | undefined, res?: Resolution) {
      const scope = analyticsScope(actor);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await usageByEndpoint(db, hoursOf(r), access.filters.analytics(db, scope), res ?? 'total', pageWindow(req).page);
      return {
        rows: rows.map((x) => ({ id: { api_id: x.api_id, api_name: x.api_name ?? '', method: x.method, path: x.path, ...timeOf(x.bucket, res) }, ...counts(x) })),
        pages: pageCount(total, req),
      };
    },
  };
}

function timeOf(bucket: string, res: Resolution | undefined): { time?: string } {
  return res === undefined ? {} : { time: bucketTime(bucket, res) };
}

function bucketTime(bucket: string, res: Resolution): string {
  return res === 'hour' ? `${bucket}:00:00.000Z` : `${bucket}T00:00:00.000Z`;
}

export type AnalyticsService = ReturnType<typeof analyticsService>;
