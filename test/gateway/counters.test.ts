import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { memoryCounters, readQuota, redisCounters, type Counters, type Outcome } from '../../src/gateway/counters.js';
import type { GatewayLogger } from '../../src/gateway/logger.js';
import { connectRedis } from '../../src/gateway/redis.js';
import type { Limits } from '../../src/keys/limits.js';
import { eventually } from './helpers.js';
import { startOwnRedis, type OwnRedis } from './redis-server.js';

const quiet: GatewayLogger = { info() {}, warn() {}, error() {} };
const RATE: Limits = { rate: 10, per: 3600, quota_max: 0, quota_renewal_rate: 0 };
const QUOTA: Limits = { rate: 0, per: 0, quota_max: 10, quota_renewal_rate: 3600 };

/** A hit, with a bound far above any Redis timeout so that a hanging hit fails the test instead of stalling it. */
async function hit(c: Counters, bucket: string, l: Limits): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hit() did not answer within 5 s')), 5000);
  });
  try {
    return await Promise.race([Promise.resolve(c.hit(bucket, l)), hung]);
  } finally {
    clearTimeout(timer);
  }
}

async function hits(c: Counters, bucket: string, l: Limits, n: number): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (let i = 0; i < n; i++) out.push(await hit(c, bucket, l));
  return out;
}

describe('the Redis timeout setting', () => {
  it('defaults to 50 ms and names itself when wrong', () => {
    expect(loadConfig({}).gatewayRedisTimeoutMs).toBe(50);
    expect(loadConfig({ PORTCULLIS_GATEWAY_REDIS_TIMEOUT_MS: '20' }).gatewayRedisTimeoutMs).toBe(20);
    expect(() => loadConfig({ PORTCULLIS_GATEWAY_REDIS_TIMEOUT_MS: 'soon' })).toThrow(/PORTCULLIS_GATEWAY_REDIS_TIMEOUT_MS/);
  });
});

describe('memory counters', () => {
  it('are never degraded', async () => {
    const c = memoryCounters();
    expect(c.degraded).toBe(false);
    expect((await hits(c, 'b', RATE, 11)).map((o) => o.verdict)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(c.degraded).toBe(false);
    expect(c.fallbacks).toBe(0);
    await c.close();
  });
});

describe('Redis counters while Redis is in trouble', () => {
  let server: OwnRedis;
  let redis: Redis;
  let counters: Counters;
  const prefix = `portcullis-test-${randomBytes(6).toString('hex')}:`;

  beforeEach(async () => {
    server = await startOwnRedis();
    redis = await connectRedis(server.url, quiet, 'counters-test');
    counters = redisCounters(redis, prefix, { timeoutMs: 50, probeMs: 100, log: quiet });
  });
  afterEach(async () => {
    await counters?.close();
    await server?.stop();
    redis?.disconnect();
  });

  it('answer in memory from the last counts while Redis is frozen, and write them back when it answers again', async () => {
    expect((await hits(counters, 'frozen', RATE, 4)).map((o) => o.verdict)).toEqual([0, 0, 0, 0]);
    expect(counters.degraded).toBe(false);
    server.freeze();
    const during = await hits(counters, 'frozen', RATE, 8);
    // 4 seen in Redis, so 6 more before the limit of 10: not 10 more.
    expect(during.map((o) => o.verdict)).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(during[5]!.rateRemaining).toBe(0);
    expect(counters.degraded).toBe(true);
    expect(counters.fallbacks).toBe(8);

    server.thaw();
    expect(await eventually(async () => !counters.degraded, 5000)).toBeGreaterThanOrEqual(0);
    // Redis learns the requests counted in memory: the window did not start over.
    expect((await hit(counters, 'frozen', RATE)).verdict).toBe(1);
    expect(counters.degraded).toBe(false);
  });

  it('continue from the last counts after a Redis crash, and re-seed the restarted Redis with them', async () => {
    expect((await hits(counters, 'crash', QUOTA, 6)).map((o) => o.quotaRemaining)).toEqual([9, 8, 7, 6, 5, 4]);
    await server.crash();
    const during = await hits(counters, 'crash', QUOTA, 2);
    expect(during.map((o) => [o.verdict, o.quotaRemaining])).toEqual([
      [0, 3],
      [0, 2],
    ]);
    expect(counters.degraded).toBe(true);

    await server.restart();
    expect(await eventually(async () => !counters.degraded, 10_000)).toBeGreaterThanOrEqual(0);
    const after = await hits(counters, 'crash', QUOTA, 3);
    expect(after.map((o) => [o.verdict, o.quotaRemaining])).toEqual([
      [0, 1],
      [0, 0],
      [2, 0],
    ]);
    // The restarted Redis holds the whole count, for any other gateway to see.
    const check = server.client();
    try {
      expect(await check.hget(`${prefix}limit:crash`, 'used')).toBe('10');
    } finally {
      check.disconnect();
    }
  });

  it('re-seed a Redis that restarted between two requests, even without noticing the outage', async () => {
    expect((await hits(counters, 'blink', RATE, 7)).every((o) => o.verdict === 0)).toBe(true);
    const other = await connectRedis(server.url, quiet, 'counters-test-other');
    const watcher = redisCounters(other, prefix, { timeoutMs: 50, probeMs: 100, log: quiet });
    try {
      await server.crash();
      await server.restart();
      // Wait until both gateways' connections are back, without a hit noticing anything.
      expect(await eventually(async () => redis.status === 'ready' && other.status === 'ready', 10_000)).toBeGreaterThanOrEqual(0);
      expect(counters.degraded).toBe(false);
      // Another gateway that never met this bucket sees its count once this one has hit it again.
      expect((await hit(counters, 'blink', RATE)).rateRemaining).toBe(2);
      expect(counters.fallbacks).toBe(0);
      expect((await hits(watcher, 'blink', RATE, 3)).map((o) => o.verdict)).toEqual([0, 0, 1]);
    } finally {
      await watcher.close();
      other.disconnect();
    }
  });

  it('never reject, even when the connection is gone for good', async () => {
    redis.disconnect();
    const o = await hit(counters, 'gone', QUOTA);
    expect(o.verdict).toBe(0);
    expect(o.quotaRemaining).toBe(9);
    expect(counters.fallbacks).toBe(1);
  });
});

describe('Redis counters for a busy key far from its limits', () => {
  let server: OwnRedis;
  let redis: Redis;
  let other: Redis;
  const prefix = `portcullis-test-${randomBytes(6).toString('hex')}:`;
  const open: Counters[] = [];
  const gateway = (client: Redis) => {
    const c = redisCounters(client, prefix, { timeoutMs: 1000, log: quiet });
    open.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await startOwnRedis();
    redis = await connectRedis(server.url, quiet, 'reservations-test');
    other = await connectRedis(server.url, quiet, 'reservations-test-other');
  });
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
    redis?.disconnect();
    other?.disconnect();
    await server?.stop();
  });

  const BIG: Limits = { rate: 1_000_000_000, per: 1, quota_max: 1_000_000_000, quota_renewal_rate: 86_400 };

  it('ask Redis once for many requests, answer each as if asked, and give back what was not used', async () => {
    const counters = gateway(redis);
    const out = await hits(counters, 'busy', BIG, 1000);
    expect(out.every((o) => o.verdict === 0)).toBe(true);
    // Each request sees the quota it leaves, as when every request asked Redis.
    expect(out.map((o) => o.quotaRemaining)).toEqual(Array.from({ length: 1000 }, (_, i) => BIG.quota_max - 1 - i));
    expect(counters.redisCalls).toBeLessThan(100);
    expect(counters.fallbacks).toBe(0);
    // Once the last reservation lapses, Redis holds exactly the requests allowed.
    const left = async () => (await readQuota(redis, prefix, 'busy', BIG, 1000)).quotaRemaining;
    expect(await eventually(async () => (await left()) === BIG.quota_max - 1000, 5000)).toBeGreaterThanOrEqual(0);
  });

  it('ask Redis for every request of a key near its limits, and never allow more than the limit between gateways', async () => {
    // Reservations stop 10,000 requests before the limit: a quota a little above lets both gateways reserve first.
    const quota: Limits = { rate: 0, per: 0, quota_max: 10_200, quota_renewal_rate: 3600 };
    const a = gateway(redis);
    const b = gateway(other);
    let allowed = 0;
    let refusedInARow = 0;
    while (refusedInARow < 4) {
      for (const c of [a, b]) {
        const o = await hit(c, 'shared', quota);
        if (o.verdict === 0) {
          allowed += 1;
          refusedInARow = 0;
        } else {
          expect(o.verdict).toBe(2);
          refusedInARow += 1;
        }
      }
    }
    expect(allowed).toBeLessThanOrEqual(quota.quota_max);
    // Requests reserved by one gateway and not used come back when their reservation lapses.
    await new Promise((r) => setTimeout(r, 400));
    for (let i = 0; i < 200; i++) if ((await hit(b, 'shared', quota)).verdict === 0) allowed += 1;
    expect(allowed).toBe(quota.quota_max);
    // Near the limit nothing was reserved: about one call per request, and each request waited for its reply.
    expect(a.redisCalls + b.redisCalls).toBeGreaterThan(10_000);
    expect(a.redisWaits + b.redisWaits).toBeGreaterThan(10_000);
  });

  it('ask for the next reservation when a quarter of one is used, so that the requests of a busy key do not wait for Redis', async () => {
    const counters = gateway(redis);
    // Up to full batches first, then a pause in which any call still out is answered.
    for (let i = 0; i < 300; i++) {
      await hit(counters, 'steady', BIG);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Requests in one turn of the event loop: each served from the reservation is answered at once (not a
    // promise), and no reply from Redis can arrive meanwhile.
    const before = counters.redisCalls;
    const waitsBefore = counters.redisWaits;
    let servedAfterAsking = 0;
    let served = 0;
    let waited = 0;
    for (let i = 0; i < 1000; i++) {
      const o = counters.hit('steady', BIG);
      if (o instanceof Promise) {
        waited += 1;
        expect((await o).verdict).toBe(0);
        break;
      }
      served += 1;
      if (counters.redisCalls > before) servedAfterAsking += 1;
    }
    // The next reservation was asked for while this one still had requests to serve: about three quarters of them.
    expect(served).toBeGreaterThan(2);
    expect(servedAfterAsking).toBeGreaterThan(0);
    expect(counters.redisCalls).toBe(before + 1);
    // Only a request answered with a promise counts as one that waited for Redis.
    expect(counters.redisWaits - waitsBefore).toBe(waited);
  });

  it('read a quota in the same turn of the event loop as a counted request (both go out in one pipeline)', async () => {
    const counters = gateway(redis);
    const [counted, left] = await Promise.all([hit(counters, 'same-turn', QUOTA), Promise.resolve(counters.quota('same-turn', QUOTA))]);
    expect(counted.quotaRemaining).toBe(9);
    expect(left.quotaRemaining).toBeGreaterThanOrEqual(9);
  });

  it('ask Redis for every request of a key with a small limit, as before', async () => {
    const counters = gateway(redis);
    const out = await hits(counters, 'small', RATE, 11);
    expect(out.map((o) => o.rateRemaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]);
    expect(counters.redisCalls).toBe(11);
  });
});
