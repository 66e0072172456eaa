/**
 * A plan's limits in the words an API consumer reads: "1,000 requests per
 * minute · 100,000 requests per month · credentials expire after 30 days ·
 * approval required", or "unlimited requests". The Admin Portal shows its plans
 * with these words and the Live Portal offers them with the same.
 *
 * The fields are those of the portal API's plans (Tyk's): a rate of RateLimit
 * requests per Per seconds, a quota of Quota requests per QuotaRenewalRate
 * seconds, credentials living KeyExpiresIn seconds (0: for ever).
 */
export interface PlanLimits {
  RateLimit: number;
  Per: number;
  /** When absent, a rate that is not positive is unlimited. */
  UnlimitedRateLimit?: boolean;
  Quota: number;
  QuotaRenewalRate: number;
  /** When absent, a quota that is not positive is unlimited. */
  UnlimitedQuota?: boolean;
  KeyExpiresIn: number;
  AutoApproveAccessRequests: boolean;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;
/** A month of quota is 30 days, as in Tyk's Dashboard. */
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Units from the largest; a period is said in the largest one it is a whole number of. */
const PERIOD_UNITS: readonly [number, string][] = [
  [YEAR, 'year'],
  [MONTH, 'month'],
  [WEEK, 'week'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [1, 'second'],
];

/** Credential lifetimes: weeks and months would hide the exact day ("30 days", not "1 month"). */
const LIFETIME_UNITS: readonly [number, string][] = [
  [YEAR, 'year'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [1, 'second'],
];

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1000 → "1,000"; 0.5 → "0.5". The same in every browser, whatever its language. */
export function formatCount(n: number): string {
  return numbers.format(n);
}

/** "1 request", "1,000 requests". */
function requests(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'request' : 'requests'}`;
}

/** A number of seconds in the largest unit that fits whole: [amount, unit]. */
function inUnits(seconds: number, units: readonly [number, string][]): [number, string] {
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) return [seconds / size, unit];
  }
  return [seconds, 'second'];
}

/** 60 → "minute", 7200 → "2 hours", 2592000 → "month", 90 → "90 seconds". */
export function periodWords(seconds: number): string {
  const [amount, unit] = inUnits(seconds, PERIOD_UNITS);
  return amount === 1 ? unit : `${formatCount(amount)} ${unit}s`;
}

/** 2592000 → "30 days", 3600 → "1 hour". */
export function durationWords(seconds: number): string {
  const [amount, unit] = inUnits(seconds, LIFETIME_UNITS);
  return `${formatCount(amount)} ${amount === 1 ? unit : `${unit}s`}`;
}

export function rateIsUnlimited(p: Pick<PlanLimits, 'RateLimit' | 'Per' | 'UnlimitedRateLimit'>): boolean {
  return p.UnlimitedRateLimit ?? !(p.RateLimit > 0 && p.Per > 0);
}

export function quotaIsUnlimited(p: Pick<PlanLimits, 'Quota' | 'QuotaRenewalRate' | 'UnlimitedQuota'>): boolean {
  return p.UnlimitedQuota ?? !(p.Quota > 0 && p.QuotaRenewalRate > 0);
}

/** "1,000 requests per minute", or null when the rate is unlimited. */
export function rateLimitWords(p: Pick<PlanLimits, 'RateLimit' | 'Per' | 'UnlimitedRateLimit'>): string | null {
  return rateIsUnlimited(p) ? null : `${requests(p.RateLimit)} per ${periodWords(p.Per)}`;
}

/** "100,000 requests per month", or null when the quota is unlimited. */
export function quotaWords(p: Pick<PlanLimits, 'Quota' | 'QuotaRenewalRate' | 'UnlimitedQuota'>): string | null {
  return quotaIsUnlimited(p) ? null : `${requests(p.Quota)} per ${periodWords(p.QuotaRenewalRate)}`;
}

/** "credentials expire after 30 days"; 0 (or less) is "credentials never expire". */
export function expiryWords(seconds: number): string {
  return seconds > 0 ? `credentials expire after ${durationWords(seconds)}` : 'credentials never expire';
}

/**
 * The plan's terms, one phrase each: the rate limit and the quota (or
 * "unlimited requests" when it has neither), the credentials' lifetime when they
 * expire, and "approval required" when access requests wait for an API Owner.
 */
export function planWordParts(p: PlanLimits): string[] {
  const limits = [rateLimitWords(p), quotaWords(p)].filter((w): w is string => w !== null);
  const parts = limits.length > 0 ? limits : ['unlimited requests'];
  if (p.KeyExpiresIn > 0) parts.push(expiryWords(p.KeyExpiresIn));
  if (!p.AutoApproveAccessRequests) parts.push('approval required');
  return parts;
}

/** The plan's terms in one line: "1,000 requests per minute · approval required". */
export function planWords(p: PlanLimits): string {
  return planWordParts(p).join(' · ');
}
