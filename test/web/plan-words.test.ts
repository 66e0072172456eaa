import { describe, expect, it } from 'vitest';
import { durationWords, expiryWords, periodWords, planWords, quotaWords, rateLimitWords, type PlanLimits } from '../../web/shared/src/plan-words.js';

const unlimited: PlanLimits = { RateLimit: 0, Per: 0, UnlimitedRateLimit: true, Quota: -1, QuotaRenewalRate: -1, UnlimitedQuota: true, KeyExpiresIn: 0, AutoApproveAccessRequests: true };

describe('a plan in plain words', () => {
  it('says every term, with thousands separators', () => {
    expect(
      planWords({ RateLimit: 1000, Per: 60, UnlimitedRateLimit: false, Quota: 100_000, QuotaRenewalRate: 2_592_000, UnlimitedQuota: false, KeyExpiresIn: 2_592_000, AutoApproveAccessRequests: false }),
    ).toBe('1,000 requests per minute · 100,000 requests per month · credentials expire after 30 days · approval required');
    expect(quotaWords({ Quota: 1_234_567, QuotaRenewalRate: 86_400 })).toBe('1,234,567 requests per day');
  });

  it('says "unlimited requests" when there is neither a rate limit nor a quota', () => {
    expect(planWords(unlimited)).toBe('unlimited requests');
    // Read from the stored numbers when the flags are absent: 0/0 rate, -1/-1 quota.
    expect(planWords({ ...unlimited, UnlimitedRateLimit: undefined, UnlimitedQuota: undefined })).toBe('unlimited requests');
    expect(planWords({ ...unlimited, AutoApproveAccessRequests: false })).toBe('unlimited requests · approval required');
  });

  it('leaves out the limit that is unlimited', () => {
    expect(planWords({ ...unlimited, RateLimit: 5, Per: 1, UnlimitedRateLimit: false })).toBe('5 requests per second');
    expect(planWords({ ...unlimited, Quota: 1, QuotaRenewalRate: 3600, UnlimitedQuota: false })).toBe('1 request per hour');
    // The flag wins over numbers left behind.
    expect(rateLimitWords({ RateLimit: 5, Per: 1, UnlimitedRateLimit: true })).toBeNull();
  });

  it('chooses the largest unit that fits whole', () => {
    expect(periodWords(1)).toBe('second');
    expect(periodWords(60)).toBe('minute');
    expect(periodWords(7200)).toBe('2 hours');
    expect(periodWords(604_800)).toBe('week');
    expect(periodWords(2_592_000)).toBe('month');
    expect(periodWords(90)).toBe('90 seconds');
    expect(periodWords(31_536_000)).toBe('year');
    expect(rateLimitWords({ RateLimit: 2.5, Per: 10 })).toBe('2.5 requests per 10 seconds');
    // Lifetimes keep days: "30 days", not "1 month"; "14 days", not "2 weeks".
    expect(durationWords(14 * 86_400)).toBe('14 days');
    expect(durationWords(3600)).toBe('1 hour');
    expect(durationWords(5400)).toBe('90 minutes');
  });

  it('says that credentials never expire when the expiry is 0', () => {
    expect(expiryWords(0)).toBe('credentials never expire');
    expect(expiryWords(86_400)).toBe('credentials expire after 1 day');
    expect(planWords({ ...unlimited, KeyExpiresIn: 0 })).not.toContain('expire');
  });
});
