/**
 * Date ranges and time buckets for the analytics screen. The server counts in
 * whole UTC days (both ends included) and buckets by UTC hour or day, so every
 * date here is a UTC calendar day written YYYY-MM-DD.
 */

export type Resolution = 'day' | 'hour';

export interface DayRange {
  from: string;
  to: string;
}

/** Hourly buckets are offered for ranges up to this many days (24 points a day). */
export const MAX_HOURLY_DAYS = 7;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC day of a moment, YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a YYYY-MM-DD day, or null when it is not a real date. */
export function parseDay(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

export function addDays(day: string, n: number): string {
  const date = parseDay(day);
  if (!date) return day;
  return utcDay(new Date(date.getTime() + n * DAY_MS));
}

/** The last `days` days up to and including today (UTC). */
export function lastDays(days: number, now = new Date()): DayRange {
  const to = utcDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** How many days a range covers, both ends included (0 when it is not valid). */
export function daysIn(range: DayRange): number {
  const from = parseDay(range.from);
  const to = parseDay(range.to);
  if (!from || !to || to < from) return 0;
  return Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
}

/** The path parameters of /api/usage/…/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}. */
export function rangeParams(range: DayRange) {
  const from = parseDay(range.from)!;
  const to = parseDay(range.to)!;
  return {
    startDay: from.getUTCDate(),
    startMonth: from.getUTCMonth() + 1,
    startYear: from.getUTCFullYear(),
    endDay: to.getUTCDate(),
    endMonth: to.getUTCMonth() + 1,
    endYear: to.getUTCFullYear(),
  };
}

/**
 * Every bucket of the range, oldest first, as the server names them
 * (`2026-11-30T00:00:00.000Z` for a day, `2026-11-30T14:00:00.000Z` for an hour):
 * the server returns only buckets that saw traffic, the charts need the quiet ones too.
 */
export function bucketsOf(range: DayRange, res: Resolution): string[] {
  const from = parseDay(range.from);
  const to = parseDay(range.to);
  if (!from || !to || to < from) return [];
  const step = res === 'hour' ? 3_600_000 : DAY_MS;
  const end = to.getTime() + DAY_MS;
  const out: string[] = [];
  for (let t = from.getTime(); t < end; t += step) out.push(new Date(t).toISOString());
  return out;
}

const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const longDayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const hourLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A bucket's label: "28 Nov" for a day, "28 Nov 09:00" for an hour (UTC). */
export function bucketLabel(iso: string, res: Resolution): string {
  const date = new Date(iso);
  return res === 'hour' ? `${dayLabel.format(date)} ${hourLabel.format(date)}` : dayLabel.format(date);
}

/** "28 November 2026". */
export function longDay(day: string): string {
  const date = parseDay(day);
  return date ? longDayLabel.format(date) : day;
}

/** "28 November 2026" or "22 – 28 November 2026" style text for a range. */
export function rangeText(range: DayRange): string {
  return range.from === range.to ? longDay(range.from) : `${longDay(range.from)} to ${longDay(range.to)}`;
}

const numberFormat = new Intl.NumberFormat('en-GB');
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 request", "12 requests". */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

const msFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
export function formatMs(n: number): string {
  return `${msFormat.format(n)} ms`;
}

/** "12.5 %" of errors among hits; "–" without hits. */
export function errorRate(errors: number, hits: number): string {
  if (hits === 0) return '–';
  return `${msFormat.format((errors / hits) * 100)} %`;
}
