/** Rate and quota of a key or policy. rate/per 0 means no rate limit; quota_max -1 means no quota. */
export interface Limits {
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
}

/**
 * A key's limits in force: its own where set (non-zero), otherwise the most
 * generous of its policies' (highest requests per second; an unlimited quota wins).
 */
export function effectiveLimits(key: Limits, policies: Limits[]): Limits {
  let rate = key.rate;
  let per = key.per;
  if (!(rate > 0 && per > 0)) {
    const limited = policies.filter((p) => p.rate > 0 && p.per > 0);
    const best = limited.sort((a, b) => b.rate / b.per - a.rate / a.per)[0];
    rate = best?.rate ?? 0;
    per = best?.per ?? 0;
  }
  let quotaMax = key.quota_max;
  let renewal = key.quota_renewal_rate;
  if (quotaMax === 0) {
    if (policies.length === 0 || policies.some((p) => p.quota_max < 0)) {
      quotaMax = -1;
      renewal = -1;
    } else {
      const best = [...policies].sort((a, b) => b.quota_max - a.quota_max)[0]!;
      quotaMax = best.quota_max;
      renewal = best.quota_renewal_rate;
    }
  }
  return { rate, per, quota_max: quotaMax, quota_renewal_rate: renewal };
}
