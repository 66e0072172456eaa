import autocannon from 'autocannon';
import { Pool } from 'undici';
import { round } from './measure.js';

/** Where load goes: a URL and the headers every request carries (e.g. a key). */
export interface Target {
  url: string;
  headers?: Record<string, string>;
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
}

/**
 * Closed-loop load with autocannon: `connections` connections, each sending its
 * next request when the previous answer arrives, for `seconds`. Gives the
 * maximum rate; its latencies are whole milliseconds and include queueing.
 * Any answer other than 2xx fails the run: a figure with 429s or 502s in it
 * would measure the wrong thing.
 */
export async function load(target: Target, opts: { seconds: number; connections: number }): Promise<Load> {
  const r = await autocannon({ url: target.url, headers: target.headers, duration: opts.seconds, connections: opts.connections });
  if (r.non2xx > 0 || r.errors > 0) {
    const codes = Object.entries(r.statusCodeStats ?? {})
      .map(([code, s]) => `${code}×${s.count ?? 0}`)
      .join(', ');
    throw new Error(`${target.url}: ${r.non2xx} non-2xx answers (${codes}) and ${r.errors} errors under load`);
  }
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total };
}

/** A few seconds of load whose figures are dropped, so JIT, pools and caches settle first. */
export async function warmUp(target: Target, connections: number, seconds = 2): Promise<void> {
  await autocannon({ url: target.url, headers: target.headers, duration: seconds, connections });
}

export interface Paced {
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  requests: number;
  /** Every request of the run, the lead-in's too (for CPU time per request over the whole call). */
  sent: number;
  /** How late the generator's own timer fired at worst (ms): large values mean the figures are the generator's. */
  maxLag: number;
  /** The slowest answer of the lead-in, while the run's connections were being opened (ms; 0 without a lead-in). */
  leadInMax: number;
}

/**
 * Open-loop load at a fixed rate, spread evenly over each second, with each
 * request's latency taken from the moment it is issued to the end of its body,
 * in fractions of a millisecond. autocannon's fixed-rate mode is not used for
 * this: it sends each connection's share of a second back to back at the start
 * of the second (the latency measured is then that of a burst at full
 * concurrency), and it records whole milliseconds, too coarse for a 2 ms target.
 *
 * The first `leadInSeconds` (1 by default) run at the same rate on the same
 * connections and are not recorded: they open the generator's connections to
 * the target, which would otherwise be new in every run. Recorded from the
 * start, the first 0.1–1 s of a run held 500–5,000 requests of 10–300 ms
 * behind the opening connections, more than the 1 % a p99 looks at; a client
 * at half a gateway's load holds its connections open.
 */
export async function paced(target: Target, opts: { rate: number; seconds: number; connections: number; leadInSeconds?: number }): Promise<Paced> {
  const u = new URL(target.url);
  const pool = new Pool(u.origin, { connections: opts.connections, keepAliveTimeout: 30_000 });
  const path = `${u.pathname}${u.search}`;
  const times: number[] = [];
  let leadInMax = 0;
  const failures = new Map<string, number>();
  const fail = (why: string): void => {
    failures.set(why, (failures.get(why) ?? 0) + 1);
  };
  const pending = new Set<Promise<void>>();
  const interval = 1000 / opts.rate;
  let sent = 0;
  let maxLag = 0;

  const leadIn = (opts.leadInSeconds ?? 1) * 1000;
  const total = leadIn + opts.seconds * 1000;
  const start = performance.now();
  const recordFrom = start + leadIn;
  const end = start + total;
  const fire = () => {
    const started = performance.now();
    const recorded = started >= recordFrom;
    const p = pool
      .request({ path, method: 'GET', headers: target.headers })
      .then(async (res) => {
        await res.body.dump();
        if (res.statusCode < 200 || res.statusCode >= 300) fail(String(res.statusCode));
        else if (recorded) times.push(performance.now() - started);
        else leadInMax = Math.max(leadInMax, performance.now() - started);
      })
      .catch((err: Error) => fail(err.message))
      .finally(() => pending.delete(p));
    pending.add(p);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (now >= end) return resolve();
      const due = Math.min(Math.floor((now - start) / interval) + 1, Math.ceil((total / 1000) * opts.rate));
      if (sent < due && now >= recordFrom) maxLag = Math.max(maxLag, now - (start + sent * interval));
      for (; sent < due; sent++) fire();
      setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  await Promise.all([...pending]);
  await pool.close();
  if (failures.size > 0) {
    throw new Error(`${target.url}: ${[...failures].map(([why, n]) => `${why}×${n}`).join(', ')} at ${opts.rate} req/s`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.max(0, Math.ceil(q * times.length) - 1)] ?? 0;
  return {
    rate: opts.rate,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    p999: round(at(0.999)),
    max: round(times.at(-1) ?? 0),
    requests: times.length,
    sent,
    maxLag: round(maxLag),
    leadInMax: round(leadInMax),
  };
}

/** The median of numbers; of an even count, the mean of the middle two (the upper one alone would flatter a ratio read as "at least"). */
export function middle(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

export function median<T>(runs: T[], by: (r: T) => number): T {
  return [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;
}
