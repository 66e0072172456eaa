import type { Redis } from 'ioredis';
import type { Limits } from '../keys/limits.js';

/**
 * Rate limits and quotas.
 *
 * Rate: `rate` requests per `per` seconds as a generic cell rate (GCRA): up to
 * `rate` requests at once, then one every per/rate seconds. One number per
 * bucket (the theoretical arrival time), exact at the boundary, and cheap in
 * memory and in Redis alike.
 *
 * Quota: `quota_max` requests per window of `quota_renewal_rate` seconds that
 * starts with the first request (renewal <= 0: the quota never renews).
 *
 * The rate is checked first; a request refused by either consumes neither.
 */
export interface Outcome {
  /** 0 allowed, 1 refused by the rate limit, 2 refused by the quota. */
  verdict: 0 | 1 | 2;
  rateRemaining: number;
  /** Seconds until the rate allowance is whole again. */
  rateReset: number;
  /** Seconds until one more request is allowed (when refused by the rate limit). */
  retryAfter: number;
  quotaRemaining: number;
  /** Unix seconds when the quota renews; 0 when it never does (or there is none). */
  quotaRenews: number;
}

export interface Counters {
  /** In-memory counters answer at once; Redis answers with a promise. */
  hit(bucket: string, limits: Limits): Outcome | Promise<Outcome>;
  close(): Promise<void>;
}

/** Tolerance for floating-point sums of emission intervals (ms). */
const EPSILON = 0.001;

interface Cell {
  tat: number;
  used: number;
  /** ms; -1 never renews; 0 not started. */
  renews: number;
}

/** The shared arithmetic of both stores; mutates `cell` only when the request is allowed. */
function decide(cell: Cell, now: number, l: Limits): Outcome {
  const rated = l.rate > 0 && l.per > 0;
  const perMs = l.per * 1000;
  const interval = rated ? perMs / l.rate : 0;
  let newTat = 0;
  if (rated) {
    newTat = Math.max(cell.tat, now) + interval;
    if (newTat - now > perMs + EPSILON) {
      return {
        verdict: 1,
        rateRemaining: 0,
        rateReset: Math.ceil((Math.max(cell.tat, now) - now) / 1000),
        retryAfter: Math.max(1, Math.ceil((newTat - now - perMs) / 1000)),
        quotaRemaining: l.quota_max > 0 ? Math.max(0, l.quota_max - cell.used) : -1,
        quotaRenews: cell.renews > 0 ? Math.ceil(cell.renews / 1000) : 0,
      };
    }
  }
  let quotaRemaining = -1;
  let quotaRenews = 0;
  if (l.quota_max > 0) {
    if (cell.renews === 0 || (cell.renews > 0 && cell.renews <= now)) {
      cell.used = 0;
      cell.renews = l.quota_renewal_rate > 0 ? now + l.quota_renewal_rate * 1000 : -1;
    }
    quotaRenews = cell.renews > 0 ? Math.ceil(cell.renews / 1000) : 0;
    if (cell.used >= l.quota_max) {
      return { verdict: 2, rateRemaining: 0, rateReset: 0, retryAfter: quotaRenews > 0 ? Math.max(1, Math.ceil((cell.renews - now) / 1000)) : 0, quotaRemaining: 0, quotaRenews };
    }
    cell.used += 1;
    quotaRemaining = l.quota_max - cell.used;
  }
  if (rated) cell.tat = newTat;
  return {
    verdict: 0,
    rateRemaining: rated ? Math.floor((perMs - (newTat - now)) / interval + EPSILON) : -1,
    rateReset: rated ? Math.ceil((newTat - now) / 1000) : 0,
    retryAfter: 0,
    quotaRemaining,
    quotaRenews,
  };
}

/** One process's counters. */
export function memoryCounters(): Counters {
  const cells = new Map<string, Cell>();
  // Forget cells whose rate allowance is whole and whose quota window has ended.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [k, c] of cells) if (c.tat <= now && (c.renews === 0 || (c.renews > 0 && c.renews <= now))) cells.delete(k);
  }, 60_000);
  sweep.unref();
  return {
    hit(bucket, limits) {
      let cell = cells.get(bucket);
      if (!cell) {
        cell = { tat: 0, used: 0, renews: 0 };
        cells.set(bucket, cell);
      }
      return decide(cell, Date.now(), limits);
    },
    async close() {
      clearInterval(sweep);
      cells.clear();
    },
  };
}

/**
 * The same decision as `decide`, atomically in Redis on Redis's clock, so that
 * every gateway sharing the Redis enforces one limit and counters outlive restarts.
 */
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) * 1000
local qmax = tonumber(ARGV[3])
local renewal = tonumber(ARGV[4])
local h = redis.call('HMGET', KEYS[1], 'tat', 'used', 'renews')
local tat = tonumber(h[1]) or 0
local used = tonumber(h[2]) or 0
local renews = tonumber(h[3]) or 0
local rated = rate > 0 and perMs > 0
local interval = 0
local newTat = 0
if rated then
  interval = perMs / rate
  newTat = math.max(tat, now) + interval
  if newTat - now > perMs + 0.001 then
    return {1, math.ceil((math.max(tat, now) - now) / 1000), math.max(1, math.ceil((newTat - now - perMs) / 1000)), used, renews}
  end
end
if qmax > 0 then
  if renews == 0 or (renews > 0 and renews <= now) then
    used = 0
    if renewal > 0 then renews = now + renewal * 1000 else renews = -1 end
  end
  if used >= qmax then
    return {2, 0, 0, used, renews, now}
  end
  used = used + 1
end
local fields = {}
if rated then
  table.insert(fields, 'tat')
  table.insert(fields, string.format('%.3f', newTat))
end
if qmax > 0 then
  table.insert(fields, 'used')
  table.insert(fields, used)
  table.insert(fields, 'renews')
  table.insert(fields, renews)
end
redis.call('HSET', KEYS[1], unpack(fields))
local keep = 0
if rated then keep = newTat - now end
if qmax > 0 then
  if renews < 0 then keep = -1 elseif renews - now > keep then keep = renews - now end
end
if keep < 0 then redis.call('PERSIST', KEYS[1]) else redis.call('PEXPIRE', KEYS[1], math.ceil(keep) + 1000) end
return {0, math.ceil((newTat - now) / 1000), 0, used, renews, now, string.format('%.3f', newTat)}
`;

type ScriptReply = [number, number, number, number, number, number?, string?];

interface WithLimitScript {
  portcullisLimit(key: string, rate: number, per: number, quotaMax: number, renewal: number): Promise<ScriptReply>;
}

export function redisCounters(redis: Redis, prefix: string): Counters {
  redis.defineCommand('portcullisLimit', { numberOfKeys: 1, lua: SCRIPT });
  const r = redis as unknown as Redis & WithLimitScript;
  return {
    async hit(bucket, l) {
      const [verdict, reset, retry, used, renews, now, tat] = await r.portcullisLimit(`${prefix}limit:${bucket}`, l.rate, l.per, l.quota_max, l.quota_renewal_rate);
      const quotaRenews = renews > 0 ? Math.ceil(renews / 1000) : 0;
      const rated = l.rate > 0 && l.per > 0;
      if (verdict === 1) {
        return { verdict: 1, rateRemaining: 0, rateReset: reset, retryAfter: retry, quotaRemaining: l.quota_max > 0 ? Math.max(0, l.quota_max - used) : -1, quotaRenews };
      }
      if (verdict === 2) {
        return { verdict: 2, rateRemaining: 0, rateReset: 0, retryAfter: quotaRenews > 0 && now ? Math.max(1, Math.ceil((renews - now) / 1000)) : 0, quotaRemaining: 0, quotaRenews };
      }
      const interval = rated ? (l.per * 1000) / l.rate : 0;
      const ahead = rated && now !== undefined && tat !== undefined ? Number(tat) - now : 0;
      return {
        verdict: 0,
        rateRemaining: rated ? Math.floor((l.per * 1000 - ahead) / interval + EPSILON) : -1,
        rateReset: reset,
        retryAfter: 0,
        quotaRemaining: l.quota_max > 0 ? l.quota_max - used : -1,
        quotaRenews,
      };
    },
    async close() {},
  };
}
