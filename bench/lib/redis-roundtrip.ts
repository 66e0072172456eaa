import { randomBytes } from 'node:crypto';
import { redisCounters } from '../../src/gateway/counters.js';
import { closeRedis, connectRedis } from '../../src/gateway/redis.js';

export interface RoundTrip {
  /** Counter updates per second. */
  perSecond: number;
  /** CPU time (user + system) of this process per counter update, µs. */
  cpuMicros: number;
}

const quiet = { info() {}, warn() {}, error() {} };

/**
 * The gateway's own counter update (`redisCounters().hit`, the same script,
 * connection options and timeout) from this process, with no HTTP around it,
 * for a key whose every request asks Redis: what one Redis round trip costs a
 * Node client on this machine. `inFlight`
 * callers each wait for their answer before the next update; with 1 every
 * update is a round trip of its own, as a gateway's requests are when they
 * arrive one per turn of its event loop; with more, the client's
 * auto-pipelining sends those of the same turn together.
 *
 * Measured while nothing else of the bench runs; the CPU is this process's
 * (`process.cpuUsage`), so the bench process must be otherwise idle.
 */
export async function redisRoundTrip(url: string, inFlight: number, seconds: number): Promise<RoundTrip> {
  const redis = await connectRedis(url, quiet, 'portcullis-bench-roundtrip');
  const prefix = `portcullis-bench-roundtrip-${randomBytes(4).toString('hex')}:`;
  const counters = redisCounters(redis, prefix, { timeoutMs: 1000 });
  // A rate limit never reached (9,000 a millisecond) whose allowance stays under the 10,000 from which a
  // gateway reserves requests ahead (counters.ts): every update is a round trip, as it is for most keys.
  const limits = { rate: 9_000, per: 0.001, quota_max: -1, quota_renewal_rate: -1 };
  try {
    const loop = async (until: number) => {
      let n = 0;
      while (performance.now() < until) {
        await counters.hit('bench', limits);
        n += 1;
      }
      return n;
    };
    const run = async (s: number) => (await Promise.all(Array.from({ length: inFlight }, () => loop(performance.now() + s * 1000)))).reduce((a, b) => a + b, 0);
    await run(Math.min(1, seconds));
    const before = process.cpuUsage();
    const started = performance.now();
    const updates = await run(seconds);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(before);
    if (counters.fallbacks > 0) throw new Error(`Redis at ${url} did not answer every counter update within 1 s (${counters.fallbacks} decided in memory)`);
    return { perSecond: updates / elapsed, cpuMicros: (cpu.user + cpu.system) / updates };
  } finally {
    await counters.close();
    await redis.del(`${prefix}limit:bench`).catch(() => undefined);
    await closeRedis(redis);
  }
}
