import type { Redis } from 'ioredis';
import type { Limits } from '../keys/limits.js';
import type { GatewayLogger } from './logger.js';
import { RedisTimeout, within } from './redis.js';

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

/** A bucket's quota as a read shows it: remaining -1 when there is no quota; renews 0 when no window is running. */
export type QuotaLeft = Pick<Outcome, 'quotaRemaining' | 'quotaRenews'>;

export interface Counters {
  /**
   * In-memory counters answer at once; Redis counters answer with a promise, or
   * at once while degraded. Never hangs, never rejects because of Redis.
   */
  hit(bucket: string, limits: Limits): Outcome | Promise<Outcome>;
  /**
   * The quota left in a bucket under these limits, without counting a request
   * (the Dashboard shows it). Like `hit`, never hangs: Redis counters that do
   * not answer report the last counts seen here.
   */
  quota(bucket: string, limits: Limits): QuotaLeft | Promise<QuotaLeft>;
  /** Counting in this process because Redis does not answer (memory counters: never). */
  readonly degraded: boolean;
  /** Requests decided in this process because Redis did not answer in time, or at all. */
  readonly fallbacks: number;
  /** Times the counters became degraded. */
  readonly outages: number;
  /** Calls made to Redis to count requests (memory counters: none). */
  readonly redisCalls: number;
  /** Requests that waited for a reply from Redis before they were decided (not served from a reservation; memory counters: none). */
  readonly redisWaits: number;
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

/**
 * The quota as a request refused by the rate limit reports it: a window that is
 * over counts as renewed, without starting the next one (only an allowed
 * request does). Shared by both stores so that a Redis that dropped an ended
 * window and a process that still holds it say the same.
 */
function quotaSeen(l: Limits, used: number, renews: number, now: number): Pick<Outcome, 'quotaRemaining' | 'quotaRenews'> {
  if (!(l.quota_max > 0)) return { quotaRemaining: -1, quotaRenews: 0 };
  if (renews === 0 || (renews > 0 && renews <= now)) return { quotaRemaining: l.quota_max, quotaRenews: 0 };
  return { quotaRemaining: Math.max(0, l.quota_max - used), quotaRenews: renews > 0 ? Math.ceil(renews / 1000) : 0 };
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
        ...quotaSeen(l, cell.used, cell.renews, now),
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

/** Whether a cell holds nothing worth keeping: its rate allowance is whole and its quota window over. */
function spent(c: Cell, now: number): boolean {
  return c.tat <= now && (c.renews === 0 || (c.renews > 0 && c.renews <= now));
}

function sweepEvery<C extends Cell>(cells: Map<string, C>, ms: number, clock: () => number, keep: (c: C) => boolean = () => false): NodeJS.Timeout {
  const timer = setInterval(() => {
    const now = clock();
    for (const [k, c] of cells) if (spent(c, now) && !keep(c)) cells.delete(k);
  }, ms);
  timer.unref();
  return timer;
}

export interface MemoryCounterOptions {
  /**
   * For tests only: the clock (ms since the epoch, whole numbers), so that a
   * test can drive time and compare these counters with Redis's on one clock.
   * Default `Date.now`.
   */
  now?: () => number;
}

/** One process's counters. */
export function memoryCounters(options: MemoryCounterOptions = {}): Counters {
  const clock = options.now ?? Date.now;
  const cells = new Map<string, Cell>();
  const sweep = sweepEvery(cells, 60_000, clock);
  return {
    degraded: false,
    fallbacks: 0,
    outages: 0,
    redisCalls: 0,
    redisWaits: 0,
    hit(bucket, limits) {
      let cell = cells.get(bucket);
      if (!cell) {
        cell = { tat: 0, used: 0, renews: 0 };
        cells.set(bucket, cell);
      }
      return decide(cell, clock(), limits);
    },
    quota(bucket, limits) {
      const cell = cells.get(bucket);
      return quotaSeen(limits, cell?.used ?? 0, cell?.renews ?? 0, clock());
    },
    async close() {
      clearInterval(sweep);
      cells.clear();
    },
  };
}

/** Reservations are made only while each allowance is at least this far from its limit: near a limit every request asks Redis. */
const RESERVE_FLOOR = 10_000;
/**
 * The most requests counted by one call. A busy key's next reservation is
 * asked for when a quarter of one is used. It was 64, asked for at half: at a
 * full gateway's rate (6,000–12,000 requests a second on the 2-core bench
 * machine) the half left lasted 4–8 ms, less than a Redis reply took to come
 * back through an event loop that busy, and about 2 % of the requests waited
 * for it (docs/benchmarks.md, "An AMD machine, Redis reservations that outlast
 * a reply"). A gateway holds at most 1.75 × this many (docs/gateway.md).
 */
export const MAX_RESERVED = 256;
/** How long a reservation lasts before what is left of it is given back (ms). */
const RESERVATION_MS = 100;

/**
 * The same decision as `decide`, atomically in Redis on Redis's clock, so that
 * every gateway sharing the Redis enforces one limit and counters outlive restarts.
 *
 * A gateway also passes what it last knew of the bucket (its seed, as offsets
 * from now, so that clocks need not agree). Mode 1: the seed is used only for
 * what Redis does not hold: no such bucket (a Redis that restarted empty,
 * noticed or not), or a bucket without its rate or without its quota fields (it
 * expired and came back while the key's limits had no such limit, then the
 * limit returned).
 * Mode 2: the bucket becomes the larger of Redis's and the seed (after counting
 * in memory: the gateway's own requests meanwhile). Taking the larger makes a
 * repeated or late-arriving seed harmless.
 *
 * Every reply carries the whole state: verdict, rate reset (s), retry after (s),
 * quota used, quota renews (ms, Redis clock), Redis's now (ms), tat (ms).
 *
 * The tat is stored and returned with every digit of its double ('%.17g'), so
 * that the script's arithmetic is `decide`'s to the last bit. (Rounded to
 * 0.001 ms, as it once was, each emission interval could round up: with
 * 6 per 1 s, 166.6667 ms stored as 166.667, the sixth request of a burst
 * overshot the window by more than EPSILON and was refused in Redis while
 * memory allowed it.)
 *
 * Reservations (see `redisCounters`): ARGV[9] is how many requests to count
 * at once, the one asking and the others a gateway will then allow without
 * asking. More than one is counted only when each allowance stays at least
 * RESERVE_FLOOR requests from its limit after counting them all; otherwise the
 * script counts this one request, as it always did. 0 counts none: the call only
 * gives back. ARGV[10] gives back that many requests of an earlier reservation
 * that were not used, reserved with an emission interval of ARGV[11] ms and, for
 * the quota, in the window renewing at ARGV[12] (Redis's clock): the tat moves
 * back by as many intervals, and `used` comes down only in that same window.
 * The reply's eighth element is the number of requests counted.
 *
 * ARGV[13], when given, is "now" (ms) instead of Redis's TIME: only tests pass it
 * (the `now` option), to run the script on a clock they drive.
 */
const SCRIPT = `
local now
if ARGV[13] then
  now = tonumber(ARGV[13])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local rate = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) * 1000
local qmax = tonumber(ARGV[3])
local renewal = tonumber(ARGV[4])
local mode = tonumber(ARGV[5]) or 0
local count = tonumber(ARGV[9]) or 1
local back = tonumber(ARGV[10]) or 0
local h = redis.call('HMGET', KEYS[1], 'tat', 'used', 'renews')
local tat = tonumber(h[1]) or 0
local used = tonumber(h[2]) or 0
local renews = tonumber(h[3]) or 0
local rated = rate > 0 and perMs > 0
local seeded = false
if mode == 2 or (mode == 1 and not h[1]) then
  local seedTat = now + tonumber(ARGV[6])
  if rated and seedTat > tat then
    tat = seedTat
    seeded = true
  end
end
if mode == 2 or (mode == 1 and not h[2] and not h[3]) then
  local seedUsed = tonumber(ARGV[7])
  local seedRenews = tonumber(ARGV[8])
  if qmax > 0 and seedRenews ~= 0 then
    if seedRenews > 0 then seedRenews = now + seedRenews end
    local live = renews == -1 or renews > now
    if (not live) or seedUsed > used then
      used = seedUsed
      renews = seedRenews
      seeded = true
    end
  end
end
if back > 0 then
  local backInterval = tonumber(ARGV[11])
  local backRenews = tonumber(ARGV[12])
  if h[1] and backInterval > 0 then
    tat = tat - back * backInterval
    seeded = true
  end
  if h[2] and backRenews ~= 0 and renews == backRenews then
    used = math.max(0, used - back)
    seeded = true
  end
end
local function save(tatValue)
  local fields = {}
  if rated then
    table.insert(fields, 'tat')
    table.insert(fields, string.format('%.17g', tatValue))
  end
  if qmax > 0 then
    table.insert(fields, 'used')
    table.insert(fields, used)
    table.insert(fields, 'renews')
    table.insert(fields, renews)
  end
  if #fields == 0 then return end
  redis.call('HSET', KEYS[1], unpack(fields))
  local keep = 0
  if rated and tatValue > now then keep = tatValue - now end
  if qmax > 0 then
    if renews < 0 then keep = -1 elseif renews - now > keep then keep = renews - now end
  end
  if keep < 0 then redis.call('PERSIST', KEYS[1]) else redis.call('PEXPIRE', KEYS[1], math.ceil(keep) + 1000) end
end
if count == 0 then
  if seeded then save(tat) end
  return {0, 0, 0, used, renews, now, string.format('%.17g', tat), 0}
end
local interval = 0
if rated then interval = perMs / rate end
if count > 1 then
  if rated and perMs - (math.max(tat, now) + count * interval - now) < ${RESERVE_FLOOR} * interval then count = 1 end
  if qmax > 0 then
    local u = used
    if renews == 0 or (renews > 0 and renews <= now) then u = 0 end
    if qmax - u - count < ${RESERVE_FLOOR} then count = 1 end
  end
end
local newTat = 0
if rated then
  newTat = math.max(tat, now) + count * interval
  if newTat - now > perMs + 0.001 then
    if seeded then save(tat) end
    return {1, math.ceil((math.max(tat, now) - now) / 1000), math.max(1, math.ceil((newTat - now - perMs) / 1000)), used, renews, now, string.format('%.17g', tat), 0}
  end
end
if qmax > 0 then
  if renews == 0 or (renews > 0 and renews <= now) then
    used = 0
    if renewal > 0 then renews = now + renewal * 1000 else renews = -1 end
  end
  if used >= qmax then
    if seeded then save(tat) end
    return {2, 0, 0, used, renews, now, string.format('%.17g', tat), 0}
  end
  used = used + count
end
if rated then tat = newTat end
save(tat)
local reset = 0
if rated then reset = math.ceil((tat - now) / 1000) end
return {0, reset, 0, used, renews, now, string.format('%.17g', tat), count}
`;

/** A bucket's quota fields and Redis's clock (or ARGV[1], for tests), read without changing anything. */
const QUOTA_SCRIPT = `
local now
if ARGV[1] then
  now = tonumber(ARGV[1])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local h = redis.call('HMGET', KEYS[1], 'used', 'renews')
return {tonumber(h[1]) or 0, tonumber(h[2]) or 0, now}
`;

type ScriptReply = [verdict: number, reset: number, retry: number, used: number, renews: number, now: number, tat: string, counted: number];

interface WithLimitScript {
  portcullisLimit(
    key: string,
    rate: number,
    per: number,
    quotaMax: number,
    renewal: number,
    mode: number,
    seedTat: number,
    seedUsed: number,
    seedRenews: number,
    count: number,
    back: number,
    backInterval: number,
    backRenews: number,
    ...now: [] | [number]
  ): Promise<ScriptReply>;
}

interface WithQuotaScript {
  portcullisQuota(key: string, ...now: [] | [number]): Promise<[used: number, renews: number, now: number]>;
}

/**
 * Both scripts as commands of this client, defined together once. A command
 * defined while the client's auto-pipeline of the current turn is open is
 * missing from that pipeline, and ioredis then throws outside any promise
 * (the process's uncaught exception): the counters define both when they are
 * created, before any request.
 */
function defineScripts(redis: Redis): void {
  if ('portcullisLimit' in redis) return;
  redis.defineCommand('portcullisLimit', { numberOfKeys: 1, lua: SCRIPT });
  redis.defineCommand('portcullisQuota', { numberOfKeys: 1, lua: QUOTA_SCRIPT });
}

/**
 * A bucket's quota as Redis holds it, without counting a request: for the
 * control plane, which has no counts of its own to fall back on, so it rejects
 * when Redis does not answer within `timeoutMs`.
 */
export async function readQuota(redis: Redis, prefix: string, bucket: string, l: Limits, timeoutMs: number, now?: number): Promise<QuotaLeft> {
  if (!(l.quota_max > 0)) return quotaSeen(l, 0, 0, now ?? Date.now());
  defineScripts(redis);
  const r = redis as unknown as Redis & WithQuotaScript;
  const key = `${prefix}limit:${bucket}`;
  const [used, renews, at] = await within(now === undefined ? r.portcullisQuota(key) : r.portcullisQuota(key, now), timeoutMs);
  return quotaSeen(l, used, renews, at);
}

export interface RedisCounterOptions {
  /** How long a request waits for Redis before it is counted in memory (ms). */
  timeoutMs?: number;
  /** While degraded, how often Redis is asked whether it answers again (ms). */
  probeMs?: number;
  log?: GatewayLogger;
  /**
   * For tests only: the clock (ms since the epoch, whole numbers) of these
   * counters and of the script, which then does not read Redis's TIME. Lets a
   * test drive time and compare with `memoryCounters` on the same clock.
   * Default: `Date.now` here, Redis's TIME in the script.
   */
  now?: () => number;
}

/** Consecutive timeouts after which requests stop waiting for Redis until it answers a probe. */
const TIMEOUTS_BEFORE_DEGRADED = 3;
/** Past this many remembered buckets, the oldest are forgotten. */
const MAX_SHADOW_CELLS = 500_000;

/**
 * Requests of a bucket counted in Redis ahead of time, which this gateway
 * allows without asking until `until`, then gives back what is left.
 */
interface Reservation {
  /** Requests still to be allowed here. */
  left: number;
  /** This process's clock, ms. */
  until: number;
  /** The limits they were counted under (and so their emission interval): any other limits ask Redis. */
  limits: Limits;
  /** The quota window they were counted in, as Redis's `renews` (0: no quota). */
  renews: number;
  /** The outcome of the last request of the reservation; those before it each have one more remaining. */
  last: Outcome;
}

/** What a gateway last knew of a bucket, on its own clock. */
interface ShadowCell extends Cell {
  /** Requests decided in memory since Redis last saw this bucket; 0 when Redis knows all. */
  local: number;
  /** How many requests the next call to Redis counts at once (1 unless this bucket is busy and far from its limits). */
  batch: number;
  /** The limits under which the last answer left each allowance at least RESERVE_FLOOR from its limit (else undefined). */
  farUnder: Limits | undefined;
  reserved: Reservation | undefined;
  /** A call counting more than one request, while it is out: other requests of the bucket wait for it. */
  reserving: Promise<unknown> | undefined;
}

/** An allowed request's outcome with `more` requests more remaining of each allowance there is (fields listed: this is per request). */
function withMore(o: Outcome, more: number): Outcome {
  return {
    verdict: 0,
    rateRemaining: o.rateRemaining < 0 ? -1 : o.rateRemaining + more,
    rateReset: o.rateReset,
    retryAfter: 0,
    quotaRemaining: o.quotaRemaining < 0 ? -1 : o.quotaRemaining + more,
    quotaRenews: o.quotaRenews,
  };
}

/** The rate's emission interval, ms; 0 without a rate. */
function intervalOf(l: Limits): number {
  return l.rate > 0 && l.per > 0 ? (l.per * 1000) / l.rate : 0;
}

function sameLimits(a: Limits, b: Limits): boolean {
  return a.rate === b.rate && a.per === b.per && a.quota_max === b.quota_max && a.quota_renewal_rate === b.quota_renewal_rate;
}

/** The Outcome of a script reply, as `decide` would have said it. */
function outcomeOf(reply: ScriptReply, l: Limits): Outcome {
  const [verdict, reset, retry, used, renews, now, tat] = reply;
  // The bucket may still hold a window of a quota its limits no longer have.
  const quotaRenews = l.quota_max > 0 && renews > 0 ? Math.ceil(renews / 1000) : 0;
  const rated = l.rate > 0 && l.per > 0;
  if (verdict === 1) {
    return { verdict: 1, rateRemaining: 0, rateReset: reset, retryAfter: retry, ...quotaSeen(l, used, renews, now) };
  }
  if (verdict === 2) {
    return { verdict: 2, rateRemaining: 0, rateReset: 0, retryAfter: quotaRenews > 0 ? Math.max(1, Math.ceil((renews - now) / 1000)) : 0, quotaRemaining: 0, quotaRenews };
  }
  const interval = rated ? (l.per * 1000) / l.rate : 0;
  const ahead = rated ? Number(tat) - now : 0;
  return {
    verdict: 0,
    rateRemaining: rated ? Math.floor((l.per * 1000 - ahead) / interval + EPSILON) : -1,
    rateReset: reset,
    retryAfter: 0,
    quotaRemaining: l.quota_max > 0 ? l.quota_max - used : -1,
    quotaRenews,
  };
}

/**
 * Counters in Redis, shared by every gateway, that keep answering when Redis
 * does not: each call waits at most `timeoutMs`; then the request is decided in
 * memory from the counts Redis last reported for its bucket (plus the requests
 * decided here since), never from zero. After a few timeouts in a row, or as
 * soon as the connection is down, the counters are `degraded`: requests are
 * decided in memory at once while a probe asks Redis every `probeMs` whether it
 * answers again. Then each bucket counted here is written back (mode 2 above),
 * and a Redis that lost its data is re-seeded from what this gateway last saw
 * (mode 1), so neither a freeze nor a crash and restart start a window over.
 *
 * A busy bucket far from its limits is counted in reservations: one call counts
 * up to MAX_RESERVED requests (the script grants more than one only while every
 * allowance stays RESERVE_FLOOR from its limit), the others are allowed here
 * without asking, the next reservation is asked for when a quarter of one is used,
 * and what is not used within RESERVATION_MS goes back. Near a limit every
 * request asks Redis, so the boundary stays exact between gateways.
 */
export function redisCounters(redis: Redis, prefix: string, options: RedisCounterOptions = {}): Counters {
  const timeoutMs = options.timeoutMs ?? 50;
  const probeMs = options.probeMs ?? 250;
  const log = options.log;
  const clock = options.now ?? Date.now;
  const scriptClock = options.now;
  defineScripts(redis);
  const r = redis as unknown as Redis & WithLimitScript;
  const cells = new Map<string, ShadowCell>();
  // Buckets counted here and not yet written back are kept until they are, and so are reservations until given back.
  const sweep = sweepEvery(cells, 60_000, clock, (c) => c.local > 0 || (c.reserved?.left ?? 0) > 0);
  let degraded = false;
  let timeouts = 0;
  let fallbacks = 0;
  let outages = 0;
  let probe: NodeJS.Timeout | undefined;
  let probing = false;
  let closed = false;
  let calls = 0;
  let waits = 0;
  /** Buckets holding a reservation with requests left. */
  const holding = new Set<string>();
  const lapse = setInterval(() => {
    if (degraded || closed) return;
    const now = clock();
    for (const bucket of holding) {
      const cell = cells.get(bucket);
      const held = cell?.reserved;
      if (cell === undefined || held === undefined || held.left === 0) {
        holding.delete(bucket);
      } else if (now >= held.until && cell.reserving === undefined) {
        holding.delete(bucket);
        cell.reserved = undefined;
        // Not used up in time: the bucket is not as busy as its batch says.
        cell.batch = Math.max(1, Math.floor(cell.batch / 2));
        void giveBack(bucket, held);
      }
    }
  }, RESERVATION_MS);
  lapse.unref();

  function cellFor(bucket: string): ShadowCell {
    let cell = cells.get(bucket);
    if (!cell) {
      if (cells.size >= MAX_SHADOW_CELLS) {
        const oldest = cells.keys().next();
        if (!oldest.done) cells.delete(oldest.value);
      }
      cell = { tat: 0, used: 0, renews: 0, local: 0, batch: 1, farUnder: undefined, reserved: undefined, reserving: undefined };
      cells.set(bucket, cell);
    }
    return cell;
  }

  /** Decides in memory from the last counts seen; never throws. */
  function locally(bucket: string, l: Limits): Outcome {
    fallbacks += 1;
    const cell = cellFor(bucket);
    const o = decide(cell, clock(), l);
    if (o.verdict === 0) cell.local += 1;
    return o;
  }

  function recovered(): void {
    timeouts = 0;
    if (!degraded) return;
    degraded = false;
    clearInterval(probe);
    probe = undefined;
    log?.info({}, 'gateway: Redis counters answer again; counts kept in memory are written back');
  }

  function failed(err: unknown): void {
    if (err instanceof RedisTimeout && redis.status === 'ready') {
      timeouts += 1;
      if (timeouts < TIMEOUTS_BEFORE_DEGRADED) return;
    }
    if (degraded || closed) return;
    degraded = true;
    outages += 1;
    log?.warn({ err }, 'gateway: Redis counters do not answer; counting in memory from the last counts seen until they do');
    probe = setInterval(() => {
      if (probing || redis.status !== 'ready') return;
      probing = true;
      within(redis.ping(), timeoutMs)
        .then(recovered, () => {})
        .finally(() => {
          probing = false;
        });
    }, probeMs);
    probe.unref();
  }

  /** Gives Redis back the requests of a reservation that were not used (counting none, seeding nothing); on failure they stay counted (errs strict). */
  async function giveBack(bucket: string, held: Reservation): Promise<void> {
    await callScript(bucket, held.limits, undefined, clock(), 0, held).catch(() => undefined);
  }

  /** A call counting several requests of this bucket is out until it settles: the bucket's other requests wait for it. */
  function reservingUntilSettled(cell: ShadowCell, pending: Promise<ScriptReply>): void {
    cell.reserving = pending;
    const settled = () => {
      cell.reserving = undefined;
    };
    pending.then(settled, settled);
  }

  /** A request allowed from a reservation: the outcome of the reservation's last request, with as many more remaining as are left after this one. */
  function fromReservation(held: Reservation): Outcome {
    held.left -= 1;
    return withMore(held.last, held.left);
  }

  /** How many requests the next call for this bucket counts: more than one only for a busy bucket far from its limits. */
  function countFor(cell: ShadowCell | undefined, l: Limits, held: Reservation | undefined, now: number): number {
    if (cell === undefined) return 1;
    if (cell.farUnder === undefined || !sameLimits(cell.farUnder, l)) {
      cell.batch = 1;
      return 1;
    }
    // The last reservation was used up before it lapsed: twice as many this time.
    if (held !== undefined && held.left === 0 && now < held.until) cell.batch = Math.min(MAX_RESERVED, cell.batch * 2);
    return cell.batch;
  }

  /**
   * One call of the script for a bucket, as this gateway knows it at `sent`:
   * counts `count` requests and gives back what is left of `back`.
   */
  function callScript(bucket: string, l: Limits, known: ShadowCell | undefined, sent: number, count: number, back: Reservation | undefined): Promise<ScriptReply> {
    const local = known?.local ?? 0;
    const mode = known === undefined ? 0 : local > 0 ? 2 : 1;
    const seedTat = known ? known.tat - sent : 0;
    const seedRenews = !known ? 0 : known.renews === -1 ? -1 : known.renews > sent ? Math.ceil(known.renews - sent) : 0;
    const key = `${prefix}limit:${bucket}`;
    const args = [mode, seedTat, known?.used ?? 0, seedRenews, count, back?.left ?? 0, back ? intervalOf(back.limits) : 0, back?.renews ?? 0] as const;
    calls += 1;
    const call = scriptClock
      ? r.portcullisLimit(key, l.rate, l.per, l.quota_max, l.quota_renewal_rate, ...args, sent)
      : r.portcullisLimit(key, l.rate, l.per, l.quota_max, l.quota_renewal_rate, ...args);
    return within(call, timeoutMs);
  }

  /**
   * What a reply says of a bucket: the shadow of its counts and, when it
   * counted requests beyond the `asking` ones allowed now (1 for a request, 0
   * for a refill), the reservation of the others. `local` is the bucket's
   * count in memory when the call was sent.
   */
  function learn(bucket: string, l: Limits, reply: ScriptReply, sent: number, local: number, asking: 0 | 1): Outcome {
    const cell = cellFor(bucket);
    // Requests counted in memory while this call was out are not in the reply: keep them for the next write-back.
    if (cell.local === local) {
      // Redis's clock to ours, taking the send time: the shadow errs early, never late.
      const offset = sent - reply[5];
      // Only the fields of the limits in force, as `decide` touches only those: for
      // the others the script neither seeds nor keeps anything, so a bucket that
      // Redis lost would otherwise wipe what this gateway knew of them (a quota's
      // window, when a key's quota is removed and then restored).
      if (l.rate > 0 && l.per > 0) cell.tat = Number(reply[6]) > 0 ? Number(reply[6]) + offset : 0;
      if (l.quota_max > 0) {
        cell.used = reply[3];
        cell.renews = reply[4] > 0 ? reply[4] + offset : reply[4];
      }
      cell.local = 0;
    }
    const o = outcomeOf(reply, l);
    if (o.verdict !== 0) {
      cell.farUnder = undefined;
      return o;
    }
    const far = (o.rateRemaining < 0 || o.rateRemaining >= RESERVE_FLOOR) && (o.quotaRemaining < 0 || o.quotaRemaining >= RESERVE_FLOOR);
    cell.farUnder = far ? l : undefined;
    const extra = Math.max(0, reply[7] - asking);
    const renews = l.quota_max > 0 ? reply[4] : 0;
    // The reservation being used meanwhile (a refill's) or installed by another call while this one was out: kept
    // when it was counted under the same limits in the same window, else lost (counted, never used: errs strict).
    const other = cell.reserved;
    const kept = other !== undefined && other.left > 0 && sameLimits(other.limits, l) && other.renews === renews ? other.left : 0;
    cell.reserved = { left: extra + kept, until: sent + RESERVATION_MS, limits: l, renews, last: o };
    if (extra + kept === 0) return o;
    holding.add(bucket);
    return withMore(o, extra + kept);
  }

  async function viaRedis(bucket: string, l: Limits): Promise<Outcome> {
    const known = cells.get(bucket);
    const sent = clock();
    // What is left of a lapsed reservation (or of one under other limits) goes back with this call.
    const held = known?.reserved;
    const back = held !== undefined && held.left > 0 ? held : undefined;
    const count = countFor(known, l, held, sent);
    if (known !== undefined) known.reserved = undefined;
    const local = known?.local ?? 0;
    let reply: ScriptReply;
    try {
      const pending = callScript(bucket, l, known, sent, count, back);
      if (count > 1 && known !== undefined) reservingUntilSettled(known, pending);
      reply = await pending;
    } catch (err) {
      failed(err);
      return locally(bucket, l);
    }
    recovered();
    return learn(bucket, l, reply, sent, local, 1);
  }

  /**
   * A quarter of a reservation used: the next one is asked for now, while
   * three quarters are still to be served from this one, so that none waits
   * for Redis.
   */
  function refill(bucket: string, cell: ShadowCell, l: Limits, held: Reservation): void {
    const sent = clock();
    // A quarter of it used in under a quarter of its time: the bucket is busier than its batch.
    if (sent < held.until - (RESERVATION_MS * 3) / 4) cell.batch = Math.min(MAX_RESERVED, cell.batch * 2);
    const local = cell.local;
    const pending = callScript(bucket, l, cell, sent, cell.batch, undefined);
    reservingUntilSettled(cell, pending);
    pending.then(
      (reply) => {
        recovered();
        learn(bucket, l, reply, sent, local, 0);
      },
      (err: unknown) => failed(err),
    );
  }

  function answer(bucket: string, l: Limits): Outcome | Promise<Outcome> {
    if (degraded || closed) return locally(bucket, l);
    const cell = cells.get(bucket);
    if (cell !== undefined) {
      const held = cell.reserved;
      if (held !== undefined && held.left > 0 && sameLimits(held.limits, l) && clock() < held.until) {
        const o = fromReservation(held);
        if (held.left * 4 <= cell.batch * 3 && cell.reserving === undefined && cell.farUnder !== undefined) refill(bucket, cell, l, held);
        return o;
      }
      // A call counting several requests of this bucket is out: what it reserves may cover this request too.
      const reserving = cell.reserving;
      if (reserving !== undefined) return reserving.then(() => answer(bucket, l), () => answer(bucket, l));
    }
    return viaRedis(bucket, l).catch(() => locally(bucket, l));
  }

  /** A request not served from a reservation waits for Redis: counted once, however many calls it waits for. */
  function hit(bucket: string, l: Limits): Outcome | Promise<Outcome> {
    const o = answer(bucket, l);
    if (o instanceof Promise) waits += 1;
    return o;
  }

  return {
    get degraded() {
      return degraded;
    },
    get fallbacks() {
      return fallbacks;
    },
    get outages() {
      return outages;
    },
    get redisCalls() {
      return calls;
    },
    get redisWaits() {
      return waits;
    },
    hit,
    quota(bucket, l) {
      // What this process last saw (its own requests included), when Redis does not answer.
      const seen = (): QuotaLeft => {
        const cell = cells.get(bucket);
        return quotaSeen(l, cell?.used ?? 0, cell?.renews ?? 0, clock());
      };
      if (!(l.quota_max > 0)) return quotaSeen(l, 0, 0, clock());
      if (degraded || closed) return seen();
      return readQuota(redis, prefix, bucket, l, timeoutMs, scriptClock?.()).catch(() => seen());
    },
    async close() {
      const again = closed;
      closed = true;
      clearInterval(probe);
      clearInterval(sweep);
      clearInterval(lapse);
      // What is left of the reservations goes back, so that other gateways can use it (not to a Redis that does not answer).
      if (again || degraded) return;
      const left: Promise<void>[] = [];
      for (const bucket of holding) {
        const held = cells.get(bucket)?.reserved;
        if (held !== undefined && held.left > 0) left.push(giveBack(bucket, held));
      }
      holding.clear();
      await Promise.all(left);
    },
  };
}

/** The counters' lines for a Prometheus text exposition (`/metrics`). */
export function counterMetricLines(counters: Counters): string[] {
  return [
    '# HELP portcullis_gateway_counters_degraded 1 while rate-limit and quota counters are kept in memory because Redis does not answer.',
    '# TYPE portcullis_gateway_counters_degraded gauge',
    `portcullis_gateway_counters_degraded ${counters.degraded ? 1 : 0}`,
    '# HELP portcullis_gateway_counters_fallbacks_total Requests counted in memory because Redis did not answer in time.',
    '# TYPE portcullis_gateway_counters_fallbacks_total counter',
    `portcullis_gateway_counters_fallbacks_total ${counters.fallbacks}`,
    '# HELP portcullis_gateway_counters_outages_total Times the counters became degraded.',
    '# TYPE portcullis_gateway_counters_outages_total counter',
    `portcullis_gateway_counters_outages_total ${counters.outages}`,
    '# HELP portcullis_gateway_counters_redis_calls_total Calls to Redis that counted requests or gave back reserved ones.',
    '# TYPE portcullis_gateway_counters_redis_calls_total counter',
    `portcullis_gateway_counters_redis_calls_total ${counters.redisCalls}`,
    '# HELP portcullis_gateway_counters_redis_waits_total Requests that waited for a reply from Redis before they were decided (none left in a reservation).',
    '# TYPE portcullis_gateway_counters_redis_waits_total counter',
    `portcullis_gateway_counters_redis_waits_total ${counters.redisWaits}`,
  ];
}
