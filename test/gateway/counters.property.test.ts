import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCounters, redisCounters, type Outcome } from '../../src/gateway/counters.js';
import type { GatewayLogger } from '../../src/gateway/logger.js';
import { connectRedis } from '../../src/gateway/redis.js';
import type { Limits } from '../../src/keys/limits.js';
import { testRedisUrl } from './helpers.js';

/*
 * Differential property test: the in-memory counters and the Redis counters
 * (the Lua script) must give every request the same Outcome — verdict,
 * remaining counts, resets, retry-after and quota renewal — for random buckets,
 * random limits and random sequences of hits at random times.
 *
 * The clock. The memory counters read Date.now(); the script reads Redis's TIME.
 * Comparing on two real clocks would need a tolerance, and a tolerance hides
 * exactly the off-by-one-at-the-boundary bugs this test is for (a request
 * allowed on one side and refused on the other because a few microseconds or
 * a rounding differ). So both run on one clock the test drives: the counters'
 * test-only `now` option, which the Redis counters also pass to the script in
 * place of TIME. Only the line that reads TIME is not exercised here; every
 * other line of the script is, through Redis itself. Time steps are whole
 * milliseconds, as both real clocks are.
 *
 * What still runs on Redis's real clock is key expiry (PEXPIRE). A key that
 * outlives the test's clock is harmless (its state is spent); one that expires
 * early is re-seeded by the counters from what they last saw (mode 1). The
 * test also makes Redis lose buckets on purpose (`forget`, as a restart or an
 * eviction would), and sometimes hits a bucket with other limits (`edited`, as
 * after an edit of its key or policy): the outcome must still be memory's.
 *
 * The Redis counters get a timeout far above any round trip and the test checks
 * that nothing was decided in memory (`fallbacks` 0): what is compared is the
 * script, not the fallback.
 */

const quiet: GatewayLogger = { info() {}, warn() {}, error() {} };

const redisUrl = await testRedisUrl();
if (!redisUrl) console.warn('test/gateway/counters.property.test.ts: no Redis answers at PORTCULLIS_TEST_REDIS_URL or 127.0.0.1:6379, so the differential test is skipped');

/** Keys of this file's run only; removed afterwards. */
const PREFIX = `portcullis-test-${randomBytes(6).toString('hex')}:`;

/** A fixed starting point (ms) with no special alignment to whole seconds. */
const EPOCH = 1_760_000_000_123;

/** Limits as the API accepts them: rate and per may be fractional, quotas are integers, -1/0 mean none. */
const limits: fc.Arbitrary<Limits> = fc.record({
  rate: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0.5, 1.5, 2.5, 7.3, 50, 100, 1000)),
  per: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.constantFrom(0.25, 0.5, 1.5, 3.7, 60)),
  quota_max: fc.oneof(fc.constantFrom(-1, 0), fc.integer({ min: 1, max: 8 })),
  quota_renewal_rate: fc.oneof(fc.constantFrom(-1, 0), fc.integer({ min: 1, max: 10 })),
});

/** Mostly bursts (0 ms), then steps near emission intervals, then long pauses. */
const step: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 50 }) },
  { weight: 3, arbitrary: fc.integer({ min: 51, max: 1500 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1501, max: 15_000 }) },
);

const NONE: Limits = { rate: 0, per: 0, quota_max: -1, quota_renewal_rate: -1 };

interface Hit {
  bucket: number;
  /** Milliseconds between the previous hit and this one. */
  dt: number;
  /** Requests at that same instant: bursts reach the edge of the rate allowance exactly. */
  times: number;
  /** Hit with the bucket's other limits, as after an edit of a key or policy. */
  edited: boolean;
  /** Redis loses the bucket first (a restart, an eviction): the counters re-seed it from what they last saw. */
  forget: boolean;
}

interface Scenario {
  buckets: { limits: Limits; edited: Limits }[];
  hits: Hit[];
}

const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    buckets: fc.array(fc.record({ limits, edited: limits }), { minLength: n, maxLength: n }),
    hits: fc.array(
      fc.record({
        bucket: fc.integer({ min: 0, max: n - 1 }),
        dt: step,
        times: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 30 }) }),
        edited: fc.integer({ min: 0, max: 15 }).map((i) => i === 0),
        forget: fc.integer({ min: 0, max: 15 }).map((i) => i === 0),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  }),
);

async function removeKeys(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

describe('memory and Redis counters, on one clock', () => {
  let redis: Redis | undefined;

  beforeAll(async () => {
    if (redisUrl) redis = await connectRedis(redisUrl, quiet, 'counters-property-test');
  });
  afterAll(async () => {
    if (redis) {
      await removeKeys(redis);
      redis.disconnect();
    }
  });

  it('give every hit the same outcome', async (ctx) => {
    if (!redis) ctx.skip();
    const shared = redis!;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run += 1;
        let now = EPOCH;
        const clock = () => now;
        const memory = memoryCounters({ now: clock });
        const prefix = `${PREFIX}${run}:`;
        const viaRedis = redisCounters(shared, prefix, { timeoutMs: 5000, probeMs: 60_000, log: quiet, now: clock });
        try {
          for (const [i, h] of s.hits.entries()) {
            now += h.dt;
            const b = s.buckets[h.bucket]!;
            const l = h.edited ? b.edited : b.limits;
            if (h.forget) await shared.del(`${prefix}limit:b${h.bucket}`);
            for (let j = 0; j < h.times; j++) {
              const expected: Outcome = await memory.hit(`b${h.bucket}`, l);
              const actual: Outcome = await viaRedis.hit(`b${h.bucket}`, l);
              expect(actual, `hit ${i}.${j} on b${h.bucket} at +${now - EPOCH} ms with ${JSON.stringify(l)}`).toEqual(expected);
            }
          }
          expect(viaRedis.fallbacks).toBe(0);
        } finally {
          await memory.close();
          await viaRedis.close();
        }
      }),
      {
        seed: 20251010,
        numRuns: 500,
        examples: [
          // Found by this test: the script kept tat to 0.001 ms and refused the sixth of 6 per 1 s at once.
          [{ buckets: [{ limits: { rate: 6, per: 1, quota_max: -1, quota_renewal_rate: -1 }, edited: NONE }], hits: [{ bucket: 0, dt: 51, times: 7, edited: false, forget: false }] }],
          // Found by this test: Redis still reported the renewal of a quota the bucket's limits no longer had.
          [{ buckets: [{ limits: { rate: 100, per: 1, quota_max: -1, quota_renewal_rate: -1 }, edited: { rate: 0, per: 1, quota_max: 1, quota_renewal_rate: 1 } }], hits: [{ bucket: 0, dt: 1, times: 1, edited: true, forget: false }, { bucket: 0, dt: 1501, times: 1, edited: false, forget: false }] }],
          // Found by this test: a hit without a quota, on a bucket Redis had lost, wiped the quota window the Redis counters remembered.
          [{ buckets: [{ limits: { rate: 0, per: 0, quota_max: 1, quota_renewal_rate: 1 }, edited: NONE }], hits: [{ bucket: 0, dt: 0, times: 1, edited: false, forget: true }, { bucket: 0, dt: 51, times: 1, edited: true, forget: true }, { bucket: 0, dt: 0, times: 1, edited: false, forget: true }] }],
          // Found by this test: a bucket Redis rebuilt with its rate only was never re-seeded with the quota it had lost.
          [{ buckets: [{ limits: { rate: 0, per: 1, quota_max: 1, quota_renewal_rate: -1 }, edited: { rate: 1, per: 1, quota_max: -1, quota_renewal_rate: -1 } }], hits: [{ bucket: 0, dt: 51, times: 1, edited: false, forget: true }, { bucket: 0, dt: 0, times: 1, edited: true, forget: true }, { bucket: 0, dt: 51, times: 1, edited: false, forget: false }] }],
          // Found by this test: refused by the rate limit, memory reported a quota window that was over (0 left), Redis a renewed one.
          [{ buckets: [{ limits: { rate: 1, per: 0.25, quota_max: 1, quota_renewal_rate: 1 }, edited: { rate: 1, per: 0.25, quota_max: -1, quota_renewal_rate: 1 } }], hits: [{ bucket: 0, dt: 51, times: 1, edited: false, forget: true }, { bucket: 0, dt: 928, times: 1, edited: true, forget: true }, { bucket: 0, dt: 50, times: 1, edited: true, forget: true }, { bucket: 0, dt: 22, times: 1, edited: false, forget: true }] }],
        ],
      },
    );
  }, 60_000);
});
