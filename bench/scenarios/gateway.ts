import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayMetrics, startGatewayProcess, waitForRoute } from '../lib/gateway.js';
import { load, median, middle, paced, warmUp, type Load, type Paced, type Target } from '../lib/load.js';
import { round, table } from '../lib/measure.js';
import { Redis } from 'ioredis';
import { MAX_RESERVED } from '../../src/gateway/counters.js';
import { caddyInstalled, startCaddy } from '../lib/caddy.js';
import { heapAfterGcMiB } from '../lib/inspector.js';
import { nginxInstalled, startNginx } from '../lib/nginx.js';
import { startPassThrough } from '../lib/passthrough.js';
import { cpuProfile } from '../lib/profile.js';
import { cpuSeconds, mainThreadCpuSeconds, pinToCores, processTree, rssMiB, type Listening } from '../lib/process.js';
import { redisRoundTrip, type RoundTrip } from '../lib/redis-roundtrip.js';
import { REPO, startServer } from '../lib/server.js';
import { startUpstream } from '../lib/upstream.js';

/*
 * Issue 5: the gateway on loopback against an upstream answering a small JSON
 * body. Throughput and latency of (a) the upstream directly, (b) a bare undici
 * pass-through, (c) the gateway on a keyless API, (d) the gateway with key,
 * rate limit, quota and analytics, (d) again with its counters in Redis (issue
 * 15), (e) one-worker nginx, (f) Caddy (a Go reverse proxy) with GOMAXPROCS=1;
 * (d0) the same API without analytics (do_not_track): the request path's own
 * cost; then added latency at half of (d)'s rate, memory over a long run of (d), and
 * 1 vs 2 workers. Targets (issue 15): (d) ≥ 0.9 × (b) at ≤ 1.15 × its CPU per
 * request; (d) ≥ 1.2 × (f) with less CPU per request; (d) in Redis ≥ 0.85 × (d)
 * in memory; p99 of (d) − p99 of (a) ≤ 2 ms at half of (d)'s maximum rate;
 * memory flat over the run.
 *
 * Knobs (environment): PORTCULLIS_BENCH_SECONDS (each run, default 10),
 * PORTCULLIS_BENCH_ROUNDS (interleaved runs per figure, median, every other
 * round in the reverse order; default 3),
 * PORTCULLIS_BENCH_CONNECTIONS (default 50), PORTCULLIS_BENCH_SOAK_SECONDS
 * (memory run, default 300; 0 skips it), PORTCULLIS_BENCH_REDIS_URL (Redis for
 * the counters row, default redis://127.0.0.1:6379; "" skips it),
 * PORTCULLIS_BENCH_PROFILE (a file: one more paced run of (d) under the V8
 * profiler, written there as a .cpuprofile, its top functions printed; and the
 * same of (d) with its counters in Redis, beside it as .redis.cpuprofile).
 */

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};

interface Row {
  label: string;
  target: Target;
  /** The processes doing the work, for CPU time per request. */
  pid: number;
  runs: Load[];
  cpuPerRequest: number[];
  /** Another process the target needs (Redis for the counters row): its CPU per request, apart. */
  helperPid?: number;
  helperCpuPerRequest: number[];
  /** A one-process Node target: its main thread's CPU per request, apart from its other threads. */
  mainCpuPerRequest: number[];
  /** A gateway's /metrics: its analytics writer thread's CPU per request. */
  metricsUrl?: string;
  writerCpuPerRequest: number[];
  /** The V8 inspector of its process, for PORTCULLIS_BENCH_PROFILE. */
  inspectPort?: number;
  /** A gateway's /metrics: its calls to Redis per request (counters in Redis only). */
  redisCallsPerRequest: number[];
  /** A gateway's /metrics: the share of requests that waited for a reply from Redis (counters in Redis only). */
  redisWaitsPerRequest: number[];
  /** A gateway's /metrics: how long the garbage collector paused its event loop, per request (µs). */
  gcPausePerRequest: number[];
}

const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
/** A ratio to two decimals, or three where two would print the target itself (1.153 is not ≤ 1.15). */
const near = (x: number, target: number) => (Number(x.toFixed(2)) === target ? x.toFixed(3) : x.toFixed(2));

/**
 * A ratio of two rows round by round: each round runs every row once, one
 * after the other, so the two runs of a pair met the machine in about the same
 * state. On a shared machine the rows' medians can come from rounds of
 * different speed; the pairs show how far the machine's own drift reaches.
 */
function paired(x: Row, y: Row, of: (r: Row, i: number) => number): number[] {
  return x.runs.map((_, i) => of(x, i) / of(y, i));
}
const rpsOf = (r: Row, i: number) => r.runs[i]!.rps;
const cpuOf = (r: Row, i: number) => r.cpuPerRequest[i]!;

/** The rows in the order round `i` runs them: every other round reversed. */
const inRoundOrder = <T>(rows: T[], i: number): T[] => (i % 2 === 0 ? rows : [...rows].reverse());

/** A row's tag: "(b)" of "(b) bare undici pass-through". */
const tag = (r: Row) => /^\([^)]*\)/.exec(r.label)?.[0] ?? r.label;

/** How far one row moved from round to round: the machine's own drift, which every ratio of the run carries. */
function drift(r: Row): string {
  const rps = r.runs.map((x) => x.rps);
  const cpu = r.cpuPerRequest;
  const spread = (xs: number[]) => Math.round(((Math.max(...xs) - Math.min(...xs)) / middle(xs)) * 100);
  return (
    `${tag(r)} alone, from round to round: ${round(Math.min(...rps), 0)}–${round(Math.max(...rps), 0)} req/s and ${round(Math.min(...cpu), 0)}–${round(Math.max(...cpu), 0)} µs CPU a request` +
    ` (${spread(rps)} % and ${spread(cpu)} % of its median)`
  );
}

/** "met in 1 of 3 rounds (0.86, 0.91, 0.88)": how the rounds' pairs read against a target. */
function roundsMet(ratios: number[], met: (x: number, round: number) => boolean, target: number): string {
  return `met in ${ratios.filter(met).length} of ${ratios.length} rounds (${ratios.map((x) => near(x, target)).join(', ')})`;
}

/** A CPU ratio of paced runs against the target of (d)/(b), with its rounds: "1.13 (met in 3 of 5 rounds (…))". */
const cpuOfB = (ratios: number[]) => `${near(middle(ratios), 1.15)} (${roundsMet(ratios, (x) => x <= 1.15, 1.15)})`;
/** The same against Caddy's, where the target is less CPU a request. */
const cpuOfF = (ratios: number[]) => `${near(middle(ratios), 1)} (${roundsMet(ratios, (x) => x < 1, 1)})`;

/** What recording analytics costs (d) a request: (d)'s CPU less (d0)'s, round by round (one process, the two runs side by side), median. */
function analyticsCpu(d: Row, d0: Row): number {
  return middle(d.cpuPerRequest.map((x, i) => x - d0.cpuPerRequest[i]!));
}

/**
 * A target of issue 15 as this run reads it. A missed one carries the
 * measurement of this run that explains the miss and what would meet the
 * target; the scenario ends with all of them in one table.
 */
interface Reading {
  figure: string;
  value: string;
  target: string;
  met: boolean;
  why?: string;
  wouldMeet?: string;
}

function printReadings(readings: Reading[]): void {
  if (readings.length === 0) return;
  table(
    'Targets (issue 15) in this run',
    ['figure', 'this run', 'target', ''],
    readings.map((r) => [r.figure, r.value, r.target, verdict(r.met)]),
  );
  for (const r of readings.filter((x) => !x.met)) {
    console.log(`\n${r.figure}, missed:`);
    if (r.why) console.log(`  why (measured in this run): ${r.why}`);
    if (r.wouldMeet) console.log(`  what would meet it: ${r.wouldMeet}`);
  }
}

/** Shows that (d) really records analytics, and whether the store kept up (dropped records would flatter the figures). */
async function analyticsLine(gatewayUrl: string): Promise<string> {
  const m = await gatewayMetrics(gatewayUrl);
  const n = (name: string) => m[`portcullis_gateway_analytics_${name}`] ?? 0;
  return `gateway --workers 1 analytics so far: ${n('written_total')} records written, ${n('buffered')} buffered, ${n('dropped_total')} dropped`;
}

async function post<T>(url: string, key: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: key }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A keyless and a keyed API to the upstream, and a key whose limits the benchmark never reaches. */
export async function provision(controlUrl: string, upstreamUrl: string): Promise<{ key: string }> {
  const boot = await fetch(`${controlUrl}/portal-api/bootstrap`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench@example.com', password: 'bench-password-1', first_name: 'B', last_name: 'B' }),
  });
  if (!boot.ok) throw new Error(`bootstrap: ${boot.status} ${await boot.text()}`);
  const admin = ((await boot.json()) as { data: { api_token: string } }).data.api_token;
  const api = (name: string, listenPath: string, keyless: boolean, extra: Record<string, unknown> = {}) => ({
    api_definition: {
      name,
      proxy: { listen_path: listenPath, target_url: upstreamUrl, strip_listen_path: true },
      use_keyless: keyless,
      auth: { auth_header_name: 'Authorization' },
      ...extra,
    },
  });
  await post(`${controlUrl}/api/apis`, admin, api('Bench keyless', '/keyless/', true));
  const keyed = await post<{ ID: string }>(`${controlUrl}/api/apis`, admin, api('Bench keyed', '/keyed/', false));
  // The same, recording no analytics (Tyk's do_not_track): what the request path costs without them.
  const untracked = await post<{ ID: string }>(`${controlUrl}/api/apis`, admin, api('Bench keyed, untracked', '/untracked/', false, { do_not_track: true }));
  // Rate and quota are on (every request is counted against both) but set
  // far above what any run sends, so no answer is a 429 or a 403.
  const created = await post<{ key: string }>(`${controlUrl}/api/keys`, admin, {
    alias: 'bench',
    rate: 1_000_000_000,
    per: 1,
    quota_max: 1_000_000_000,
    quota_renewal_rate: 86_400,
    access_rights: Object.fromEntries([keyed.ID, untracked.ID].map((id) => [id, { api_id: id, versions: ['Default'], allowed_urls: [] }])),
  });
  return { key: created.key };
}

/** One closed-loop run, with the CPU time the serving processes spent per request. */
async function measure(row: Row, seconds: number, connections: number): Promise<void> {
  const pids = processTree(row.pid);
  const helper = row.helperPid === undefined ? [] : [row.helperPid];
  const gauges = async () => {
    const m = row.metricsUrl === undefined ? {} : await gatewayMetrics(row.metricsUrl);
    const gc = Object.entries(m)
      .filter(([name]) => name.startsWith('portcullis_gateway_gc_seconds_total{'))
      .reduce((sum, [, v]) => sum + v, 0);
    return {
      writer: m.portcullis_gateway_analytics_writer_cpu_seconds_total ?? 0,
      redisCalls: m.portcullis_gateway_counters_redis_calls_total ?? 0,
      redisWaits: m.portcullis_gateway_counters_redis_waits_total ?? 0,
      gc,
    };
  };
  const before = await gauges();
  const cpuBefore = cpuSeconds(pids);
  const mainBefore = mainThreadCpuSeconds(row.pid);
  const helperBefore = cpuSeconds(helper);
  const r = await load(row.target, { seconds, connections });
  const cpu = cpuSeconds(pids) - cpuBefore;
  const main = mainThreadCpuSeconds(row.pid) - mainBefore;
  const helperCpu = cpuSeconds(helper) - helperBefore;
  // Read after the run's last batch has been handed over (a few hundred ms at most).
  await new Promise((resolve) => setTimeout(resolve, row.metricsUrl === undefined ? 0 : 1000));
  const after = await gauges();
  const writer = after.writer - before.writer;
  const perRequest = (s: number) => (r.requests > 0 ? (s / r.requests) * 1e6 : 0);
  row.runs.push(r);
  row.cpuPerRequest.push(perRequest(cpu));
  row.mainCpuPerRequest.push(perRequest(main));
  row.writerCpuPerRequest.push(perRequest(writer));
  row.helperCpuPerRequest.push(perRequest(helperCpu));
  row.redisCallsPerRequest.push(r.requests > 0 ? (after.redisCalls - before.redisCalls) / r.requests : 0);
  row.redisWaitsPerRequest.push(r.requests > 0 ? (after.redisWaits - before.redisWaits) / r.requests : 0);
  row.gcPausePerRequest.push(perRequest(after.gc - before.gc));
}

/** A client on the Redis the counters row uses, or undefined when it does not answer. */
async function reachRedis(url: string): Promise<Redis | undefined> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return undefined;
  }
}

/** The Redis server's pid when it runs on this machine (its CPU per request is then measured too). */
async function redisPid(redis: Redis): Promise<number | undefined> {
  const m = /^process_id:(\d+)/m.exec(await redis.info('server'));
  const pid = m ? Number(m[1]) : NaN;
  return Number.isFinite(pid) && existsSync(`/proc/${pid}/stat`) ? pid : undefined;
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export async function run(): Promise<void> {
  const seconds = num('PORTCULLIS_BENCH_SECONDS', 10);
  const rounds = Math.max(1, Math.round(num('PORTCULLIS_BENCH_ROUNDS', 3)));
  const connections = Math.max(1, Math.round(num('PORTCULLIS_BENCH_CONNECTIONS', 50)));
  const soakSeconds = num('PORTCULLIS_BENCH_SOAK_SECONDS', 300);
  const cores = cpus();
  console.log(
    `\nGateway: ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown'}), load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${connections} connections, ${rounds} interleaved ${seconds} s runs per figure (median), autocannon in the bench process`,
  );
  console.log('Load generator, upstream, proxies and gateways share these cores: every figure includes that contention.');

  const readings: Reading[] = [];
  /** The closed-loop CPU reading; the paced runs add how the same ratio reads at half load. */
  let cpuReading: Reading | undefined;
  /** The closed-loop (d)/(f) reading; the pinned paced runs add the CPU a request of each on a core of its own. */
  let caddyReading: Reading | undefined;
  const started: Listening[] = [];
  const stopAll = async () => {
    for (const p of started.reverse()) await p.stop().catch(() => undefined);
  };
  // SQLite only: the gateway reads its configuration once and then a change
  // counter, so the store is not on the measured path (PostgreSQL adds nothing here).
  const dbDir = mkdtempSync(join(tmpdir(), 'portcullis-bench-gateway-'));
  const databaseUrl = `sqlite:${join(dbDir, 'bench.db')}`;
  let control: Awaited<ReturnType<typeof startServer>> | undefined;
  let redisCleanup: (() => Promise<void>) | undefined;
  try {
    const upstream = await startUpstream();
    started.push(upstream);
    const bare = await startPassThrough(upstream.url);
    started.push(bare);
    const rows: Row[] = [];
    const row = (label: string, target: Target, pid: number) => {
      const r: Row = { label, target, pid, runs: [], cpuPerRequest: [], helperCpuPerRequest: [], mainCpuPerRequest: [], writerCpuPerRequest: [], redisCallsPerRequest: [], redisWaitsPerRequest: [], gcPausePerRequest: [] };
      rows.push(r);
      return r;
    };
    const a = row('(a) upstream directly', { url: `${upstream.url}/` }, upstream.pid);
    const b = row('(b) bare undici pass-through', { url: `${bare.url}/` }, bare.pid);

    let c: Row | undefined;
    let d: Row | undefined;
    let d0: Row | undefined;
    let d2: Row | undefined;
    let gw1: (Listening & { inspectPort?: number }) | undefined;
    let gw2: Listening | undefined;
    let dRedis: Row | undefined;
    let redisUrl: string | undefined;
    if (existsSync(join(REPO, 'dist', 'gateway'))) {
      control = await startServer({ PORTCULLIS_DATABASE_URL: databaseUrl });
      const { key } = await provision(control.url, upstream.url);
      gw1 = await startGatewayProcess(databaseUrl, 1, { inspect: true });
      started.push(gw1);
      gw2 = await startGatewayProcess(databaseUrl, 2);
      started.push(gw2);
      const keyed = { authorization: key };
      c = row('(c) gateway, keyless API', { url: `${gw1.url}/keyless/` }, gw1.pid);
      c.metricsUrl = gw1.url;
      d = row('(d) gateway, key + rate limit + quota + analytics', { url: `${gw1.url}/keyed/`, headers: keyed }, gw1.pid);
      d.metricsUrl = gw1.url;
      d0 = row('(d0) as (d), without analytics (do_not_track)', { url: `${gw1.url}/untracked/`, headers: keyed }, gw1.pid);
      d0.metricsUrl = gw1.url;
      d2 = row('(d) with --workers 2', { url: `${gw2.url}/keyed/`, headers: keyed }, gw2.pid);
      const wanted = process.env.PORTCULLIS_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
      const redis = wanted === '' ? undefined : await reachRedis(wanted);
      if (redis) {
        redisUrl = wanted;
        // A fresh prefix: no counter of an earlier run (or of a test) is met, and all of them are deleted afterwards.
        const prefix = `portcullis-bench-${randomBytes(4).toString('hex')}:`;
        const gwRedis = await startGatewayProcess(databaseUrl, 1, { env: { PORTCULLIS_REDIS_URL: wanted, PORTCULLIS_REDIS_PREFIX: prefix }, inspect: Boolean(process.env.PORTCULLIS_BENCH_PROFILE) });
        started.push(gwRedis);
        dRedis = row('(d) with its counters in Redis', { url: `${gwRedis.url}/keyed/`, headers: keyed }, gwRedis.pid);
        dRedis.metricsUrl = gwRedis.url;
        dRedis.inspectPort = gwRedis.inspectPort;
        dRedis.helperPid = await redisPid(redis);
        redisCleanup = async () => {
          const keys = await redis.keys(`${prefix}*`);
          if (keys.length > 0) await redis.del(...keys);
          redis.disconnect();
        };
      } else {
        console.log(wanted === '' ? 'PORTCULLIS_BENCH_REDIS_URL is empty: (d) with counters in Redis skipped' : `Redis does not answer at ${wanted}: (d) with counters in Redis skipped`);
      }
      for (const r of [c, d, d0, d2, dRedis]) if (r) await waitForRoute(r.target.url, r.target.headers);
    } else {
      console.log('gateway not built (no dist/gateway): (c), (d) and the gateway figures skipped');
    }
    let e: Row | undefined;
    if (nginxInstalled()) {
      const nginx = await startNginx(upstream.url);
      started.push(nginx);
      e = row('(e) nginx, 1 worker, keep-alive upstream', { url: `${nginx.url}/` }, nginx.pid);
    } else {
      console.log('nginx not installed: (e) skipped');
    }
    let f: Row | undefined;
    if (caddyInstalled()) {
      const caddy = await startCaddy(upstream.url);
      started.push(caddy);
      f = row('(f) Caddy, GOMAXPROCS=1, keep-alive upstream', { url: `${caddy.url}/` }, caddy.pid);
    } else {
      console.log('caddy not installed (apt-get install caddy): (f) skipped');
    }

    // Interleaved rounds, median of each: the machine's noise hits every target alike. Every other round
    // runs the rows in the reverse order (inRoundOrder): on these shared machines a round's later runs were
    // often the faster ones (or the slower), and a fixed order handed that drift to the rows at one end.
    for (const r of rows) await warmUp(r.target, connections);
    for (let i = 0; i < rounds; i++) for (const r of inRoundOrder(rows, i)) await measure(r, seconds, connections);

    const med = (r: Row) => median(r.runs, (x) => x.rps);
    const cpuMed = (r: Row) => middle(r.cpuPerRequest);
    // Every ratio is the median of its rounds' ratios, each of two runs of the same round (paired): the rows'
    // own medians may come from rounds of different speed, and on a drifting machine their ratio reads that drift.
    const rpsRatio = (x: Row, y: Row) => middle(paired(x, y, rpsOf));
    const cpuRatio = (x: Row, y: Row) => middle(paired(x, y, cpuOf));
    table(
      `Gateway throughput: ${connections} connections, median of ${rounds} interleaved ${seconds} s runs; CPU = CPU time of the serving process(es) per request; ÷ (b) = median of the rounds' ratios`,
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', '÷ (b)'],
      rows.map((r) => [r.label, round(med(r).rps, 0), med(r).p50, med(r).p99, round(cpuMed(r), 0), round(rpsRatio(r, b))]),
    );
    const ofMedians = (x: number, y: number) => `the rows' medians give ${(x / y).toFixed(2)}`;

    console.log('');
    if (d) {
      const ratio = rpsRatio(d, b);
      console.log(`(d)/(b) = ${near(ratio, 0.9)}  (target ≥ 0.90: ${verdict(ratio >= 0.9)}; ${roundsMet(paired(d, b, rpsOf), (x) => x >= 0.9, 0.9)}; ${ofMedians(med(d).rps, med(b).rps)})`);
      const cpu = cpuRatio(d, b);
      console.log(
        `CPU per request (d)/(b) = ${near(cpu, 1.15)}  (target ≤ 1.15: ${verdict(cpu <= 1.15)}; ${roundsMet(paired(d, b, cpuOf), (x) => x <= 1.15, 1.15)}; ${ofMedians(cpuMed(d), cpuMed(b))}, ${round(cpuMed(d), 0)} / ${round(cpuMed(b), 0)} µs)`,
      );
      console.log(`${drift(b)}: the machine's own drift, which the ratios' margins are read against`);
      const name = (r: Row) => (r === dRedis ? '(d) in Redis' : tag(r));
      // Where each one's CPU goes: the thread serving requests, the analytics writer's, and the rest (V8's GC helpers, libuv).
      const split = (r: Row) => {
        const main = middle(r.mainCpuPerRequest);
        const writer = middle(r.writerCpuPerRequest);
        const rest = Math.max(0, cpuMed(r) - main - writer);
        return `${name(r)} main thread ${round(main, 0)}` + (r.metricsUrl === undefined ? '' : `, analytics writer ${round(writer, 0)}`) + `, other threads ${round(rest, 0)}`;
      };
      console.log(`CPU µs per request by thread: ${[b, c, d, d0, dRedis].filter((r): r is Row => r !== undefined).map(split).join('; ')}`);
      // Part of the main thread's: the collector's pauses (young-generation scavenges mostly). Requests kept alive past a scavenge show here first.
      const paused = [c, d, d0, dRedis].filter((r): r is Row => r !== undefined && r.gcPausePerRequest.length > 0);
      if (paused.length > 0) console.log(`of the main thread's, garbage-collection pauses µs per request (the gateway's /metrics): ${paused.map((r) => `${name(r)} ${round(middle(r.gcPausePerRequest), 1)}`).join('; ')}`);
    }
    if (d && d0) {
      // The targets read on the request path alone: what is left of the gap is the analytics.
      const ratio = rpsRatio(d0, b);
      const cpu = cpuRatio(d0, b);
      console.log(
        `without analytics: (d0)/(b) = ${near(ratio, 0.9)} (target ≥ 0.90: ${verdict(ratio >= 0.9)}), CPU per request ${near(cpu, 1.15)} × (b)'s (target ≤ 1.15: ${verdict(cpu <= 1.15)});` +
          ` recording analytics costs (d) ${round(analyticsCpu(d, d0), 0)} µs CPU per request`,
      );
    }
    if (d && f) {
      const ratio = rpsRatio(d, f);
      const less = cpuRatio(d, f) < 1;
      console.log(
        `(d)/(f) = ${near(ratio, 1.2)}  (target ≥ 1.2 with less CPU per request: ${verdict(ratio >= 1.2 && less)}; CPU per request ${cpuRatio(d, f).toFixed(2)} × (f)'s, medians (d) ${round(cpuMed(d), 0)} µs vs (f) ${round(cpuMed(f), 0)} µs;` +
          ` ${roundsMet(paired(d, f, rpsOf), (x, i) => x >= 1.2 && cpuOf(d, i) < cpuOf(f, i), 1.2)}; ${ofMedians(med(d).rps, med(f).rps)})`,
      );
    }
    if (d && dRedis) {
      const ratio = rpsRatio(dRedis, d);
      console.log(
        `(d) counters in Redis / in memory = ${near(ratio, 0.85)}  (target ≥ 0.85: ${verdict(ratio >= 0.85)}; ${roundsMet(paired(dRedis, d, rpsOf), (x) => x >= 0.85, 0.85)}; ${ofMedians(med(dRedis).rps, med(d).rps)}); in Redis ${round(med(dRedis).rps, 0)} req/s, p99 ${med(dRedis).p99} ms, ${round(cpuMed(dRedis), 0)} µs CPU/req (gateway only)` +
          (dRedis.helperPid === undefined ? '' : `; redis-server spent ${round(middle(dRedis.helperCpuPerRequest), 0)} µs CPU/req more, on the same 2 cores`) +
          `; ${round(middle(dRedis.redisCallsPerRequest), 4)} calls to Redis a request (a busy key far from its limits reserves up to ${MAX_RESERVED} requests a call), ${round(middle(dRedis.redisWaitsPerRequest) * 100, 2)} % of requests waited for a reply`,
      );
    }
    if (e) {
      if (d) console.log(`(d)/(e) = ${rpsRatio(d, e).toFixed(2)}  (no target; CPU per request (d) ${round(cpuMed(d), 0)} µs vs (e) ${round(cpuMed(e), 0)} µs)`);
      console.log(`(b)/(e) = ${rpsRatio(b, e).toFixed(2)}  (the ceiling of a Node proxy against nginx on this machine)`);
    }
    if (f) {
      console.log(
        `(b)/(f) = ${rpsRatio(b, f).toFixed(2)}, CPU per request ${round(cpuMed(b), 0)} / ${round(cpuMed(f), 0)} µs  (the ceiling of a Node proxy against Caddy on this machine: a gateway does (b)'s work and more, so (d)/(f) stays below it)`,
      );
    }
    if (d && d2) {
      console.log(
        `--workers 2 / --workers 1 on (d) = ${rpsRatio(d2, d).toFixed(2)}  (${cores.length} cores shared with the load generator and the upstream)`,
      );
    }
    if (gw1) console.log(await analyticsLine(gw1.url));

    // What one Redis round trip costs a Node client here, measured while nothing else of the bench runs.
    let roundTrips: { one: RoundTrip; many: RoundTrip } | undefined;
    if (dRedis && redisUrl !== undefined) {
      roundTrips = { one: await redisRoundTrip(redisUrl, 1, seconds), many: await redisRoundTrip(redisUrl, connections, seconds) };
      console.log(
        `the gateway's counter update from a bare Node client, no HTTP: ${round(roundTrips.one.cpuMicros, 0)} µs CPU each one at a time (${round(roundTrips.one.perSecond, 0)}/s),` +
          ` ${round(roundTrips.many.cpuMicros, 0)} µs with ${connections} in flight (auto-pipelined, ${round(roundTrips.many.perSecond, 0)}/s)`,
      );
    }

    if (d) {
      const ratio = rpsRatio(d, b);
      const cpu = cpuRatio(d, b);
      let why: string | undefined;
      let wouldMeet: string | undefined;
      if (d0) {
        const analytics = analyticsCpu(d, d0);
        const path = cpuRatio(d0, b);
        why =
          `without analytics, (d0) is ${rpsRatio(d0, b).toFixed(2)} × (b)'s req/s at ${path.toFixed(2)} × its CPU a request;` +
          ` recording analytics costs (d) ${round(analytics, 1)} µs a request (its writer thread ${round(middle(d.writerCpuPerRequest), 1)})`;
        const allowed = (1.15 - path) * cpuMed(b);
        wouldMeet =
          path > 1.15
            ? `a request path that without analytics costs no more than 1.15 × (b)'s CPU a request (now ${near(path, 1.15)} ×), and analytics on top of it within the rest`
            : analytics > allowed
              ? `analytics costing the gateway's process no more than ${round(allowed, 1)} µs CPU a request (now ${round(analytics, 1)}), the request path staying as it is`
              : // Medians of per-round figures do not add up: each part within its share while the whole misses is the rounds disagreeing.
                `by this run's medians the analytics already fit what the target leaves (${round(analytics, 1)} of ${round(allowed, 1)} µs a request), so the miss is the rounds disagreeing: more rounds (PORTCULLIS_BENCH_ROUNDS=9) to read it, and cheaper analytics for a margin`;
      }
      // Each reading also says how its rounds read, and how far (b) itself moved from round to round.
      const withRounds = (ratios: number[], met: (x: number, round: number) => boolean, target: number) => `${roundsMet(ratios, met, target)}; ${drift(b)}`;
      readings.push({ figure: '(d)/(b), req/s', value: near(ratio, 0.9), target: '≥ 0.90', met: ratio >= 0.9, why: [why, withRounds(paired(d, b, rpsOf), (x) => x >= 0.9, 0.9)].filter(Boolean).join('; '), wouldMeet });
      cpuReading = {
        figure: 'CPU per request (d)/(b)',
        value: `${near(cpu, 1.15)} (medians ${round(cpuMed(d), 0)} / ${round(cpuMed(b), 0)} µs)`,
        target: '≤ 1.15',
        met: cpu <= 1.15,
        why: [why, withRounds(paired(d, b, cpuOf), (x) => x <= 1.15, 1.15)].filter(Boolean).join('; '),
        wouldMeet,
      };
      readings.push(cpuReading);
    }
    if (d && f) {
      const ratio = rpsRatio(d, f);
      const ceiling = rpsRatio(b, f);
      const ofB = rpsRatio(d, b);
      caddyReading = {
        figure: '(d)/(f), req/s, with less CPU a request',
        value: `${near(ratio, 1.2)}; CPU ${cpuRatio(d, f).toFixed(2)} × (f)'s`,
        target: '≥ 1.2 and less CPU',
        met: ratio >= 1.2 && cpuRatio(d, f) < 1,
        why:
          `(b), node:http and undici passing requests through with nothing else, is ${ceiling.toFixed(2)} × Caddy's req/s at ${round(cpuMed(b), 0)} µs CPU a request against Caddy's ${round(cpuMed(f), 0)};` +
          ` the gateway does (b)'s work and more, so (d)/(f) stays under (b)/(f)` +
          (ceiling < 1.2 ? ', which is already under 1.2' : '') +
          `; ${roundsMet(paired(d, f, rpsOf), (x, i) => x >= 1.2 && cpuOf(d, i) < cpuOf(f, i), 1.2)}`,
        wouldMeet:
          (ceiling >= 1.2
            ? `(d) at ${(1.2 / ceiling).toFixed(2)} of (b)'s req/s or more (now ${ofB.toFixed(2)})`
            : `an HTTP server and client under the gateway that pass requests through at ${(1.2 / ofB).toFixed(2)} × Caddy's req/s or more with (d)'s work on top at ${ofB.toFixed(2)} of it as now (node:http with undici: ${ceiling.toFixed(2)} here), which the gateway's own code cannot reach on this machine`) +
          `, at less CPU a request than Caddy's ${round(cpuMed(f), 0)} µs (now ${round(cpuMed(d), 0)})`,
      };
      readings.push(caddyReading);
    }
    if (d && dRedis) {
      const ratio = rpsRatio(dRedis, d);
      const extra = cpuMed(dRedis) - cpuMed(d);
      const calls = middle(dRedis.redisCallsPerRequest);
      // (d) in Redis at 0.85 of (d) when CPU bounds both: at most 1/0.85 of (d)'s CPU a request.
      const allowed = cpuMed(d) * (1 / 0.85 - 1);
      const server = dRedis.helperPid === undefined ? '' : `, and redis-server ${round(middle(dRedis.helperCpuPerRequest), 0)} µs on the same cores`;
      // What the calls themselves cost the gateway, at what a bare client pays for one round trip.
      const roundTrip = roundTrips?.one.cpuMicros;
      const callsCost = roundTrip === undefined ? undefined : calls * roundTrip;
      const bare =
        roundTrip === undefined
          ? ''
          : `; a bare Node client pays ${round(roundTrip, 0)} µs CPU for one counter update (${round(roundTrips!.many.cpuMicros, 0)} with ${connections} in flight), so the calls account for about ${round(callsCost!, 0)} µs a request`;
      readings.push({
        figure: '(d) counters in Redis / in memory, req/s',
        value: near(ratio, 0.85),
        target: '≥ 0.85',
        met: ratio >= 0.85,
        why:
          `the gateway asked Redis ${round(calls, 3)} times a request and spent ${round(extra, 0)} µs CPU a request more with its counters in Redis (${round(cpuMed(dRedis), 0)} against ${round(cpuMed(d), 0)})${server}${bare}.` +
          ` The target leaves the gateway ${round(allowed, 0)} µs a request for Redis (1/0.85 − 1 of (d)'s CPU);` +
          ` ${roundsMet(paired(dRedis, d, rpsOf), (x) => x >= 0.85, 0.85)}`,
        wouldMeet:
          callsCost !== undefined && callsCost <= allowed
            ? `not fewer calls: they stay within what the target allows (${round(callsCost, 0)} of ${round(allowed, 0)} µs); the rest of the difference is not the round trips themselves and this bench does not measure it apart (a CPU profile of each gateway under the same load is where to look)`
            : `fewer calls to Redis a request: at most ${round(allowed / Math.max(1, roundTrip ?? extra), 3)} at what a round trip costs here` +
              ` (reservations of up to ${MAX_RESERVED} requests, made while a busy key is at least 10,000 requests from its limits, give ${round(1 / MAX_RESERVED, 3)} at best), or a machine where a round trip costs the gateway no more than ${round(allowed, 0)} µs CPU`,
      });
    }

    if (d && gw2) {
      // The 2-worker gateway has been measured; it would only take CPU from what follows.
      await gw2.stop();
      started.splice(started.indexOf(gw2), 1);
      const rate = Math.max(1, Math.round(med(d).rps / 2));
      // (a), then the proxies at the same rate, one run of each in turn: (b) and (f) show what a bare Node
      // pass-through and a Go proxy add to the tail on this machine, and (d0) what the gateway adds without
      // its analytics writer, beside what (d) adds.
      const proxies = [b, d0, d, f].filter((r): r is Row => r !== undefined);
      const targets = [a, ...proxies];
      const hist = (p: Paced) => [p.p50, p.p90, p.p99, p.p999, p.max, p.requests, p.maxLag, p.leadInMax];
      const loop: { p99: number; max: number }[] = [];
      /** Each target's paced runs, and each proxy's CPU time a request in them (the lead-in's requests included: its CPU is). */
      interface LatencyRuns {
        paced: Map<Row, Paced[]>;
        cpu: Map<Row, number[]>;
      }
      const latencyRounds = async (): Promise<LatencyRuns> => {
        const runs: LatencyRuns = { paced: new Map(targets.map((r) => [r, []])), cpu: new Map(proxies.map((r) => [r, []])) };
        for (let i = 0; i < rounds; i++) {
          for (const r of inRoundOrder(targets, i)) {
            // The gateway's event-loop delay is reported per scrape window: this scrape opens the run's window.
            if (r === d) await gatewayMetrics(gw1!.url);
            const cpu = runs.cpu.get(r);
            const pids = cpu ? processTree(r.pid) : [];
            const cpuBefore = cpuSeconds(pids);
            const p = await paced(r.target, { rate, seconds, connections });
            runs.paced.get(r)!.push(p);
            cpu?.push(p.sent > 0 ? ((cpuSeconds(pids) - cpuBefore) / p.sent) * 1e6 : 0);
            if (r === d) {
              const m = await gatewayMetrics(gw1!.url);
              loop.push({ p99: m['portcullis_gateway_event_loop_delay_ms{quantile="0.99"}'] ?? NaN, max: m.portcullis_gateway_event_loop_delay_max_ms ?? NaN });
            }
          }
        }
        return runs;
      };
      /** The run with the median p99 of each target, its table, and the p99 and p50 each proxy adds to (a)'s. */
      const report = (title: string, runs: LatencyRuns) => {
        const picked = new Map([...runs.paced].map(([r, ps]) => [r, median(ps, (x) => x.p99)]));
        table(
          title,
          ['target', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'requests', 'generator lag ms', 'lead-in max ms', 'CPU µs/req'],
          [...picked].map(([r, p]) => [r.label, ...hist(p), r === a ? '' : round(middle(runs.cpu.get(r)!), 0)]),
        );
        const base = picked.get(a)!;
        const added = new Map(proxies.map((r) => [r, { p99: picked.get(r)!.p99 - base.p99, p50: picked.get(r)!.p50 - base.p50 }]));
        const lags = [...runs.paced.values()].flat().map((p) => p.maxLag);
        // The same ratios as the closed-loop runs', at a rate that leaves the machine idle part of the time.
        const pacedCpu = (x: Row, y: Row) => runs.cpu.get(x)!.map((c, i) => c / runs.cpu.get(y)![i]!);
        const cpu = d ? { ofB: pacedCpu(d, b), ofF: f ? pacedCpu(d, f) : undefined, bOfF: f ? pacedCpu(b, f) : undefined } : undefined;
        if (cpu) {
          console.log(
            `CPU per request at ${rate} req/s, (d)/(b) = ${cpuOfB(cpu.ofB)}, target ≤ 1.15: ${verdict(middle(cpu.ofB) <= 1.15)}` +
              (cpu.ofF ? `; (d)/(f) = ${cpuOfF(cpu.ofF)}` : '') +
              (d0 ? `; (d0)/(b) = ${middle(pacedCpu(d0, b)).toFixed(2)}` : ''),
          );
        }
        return { added, lags, cpu };
      };
      for (const r of targets) await paced(r.target, { rate, seconds: 2, connections, leadInSeconds: 0 });
      const free = report(
        `Added latency: ${rate} req/s (half of (d)'s maximum), evenly spaced, open loop; the run with the median p99 of ${rounds} interleaved ${seconds} s runs`,
        await latencyRounds(),
      );
      console.log(
        `gateway event-loop delay during each (d) run (its /metrics): p99 ${loop.map((l) => l.p99).join(', ')} ms; max ${loop.map((l) => l.max).join(', ')} ms`,
      );
      const added = free.added.get(d)!.p99;
      /** How a paced run read the CPU ratio, for the closed-loop reading's explanation. */
      const pacedCpuNote = (where: string, cpu: { ofB: number[] } | undefined) =>
        cpu ? `; at ${rate} req/s, open loop${where}, (d)/(b) read ${cpuOfB(cpu.ofB)}` : '';
      if (cpuReading) cpuReading.why = `${cpuReading.why ?? ''}${pacedCpuNote('', free.cpu)}`;
      // What the other rows add, each by its tag: "(b) 4.21 ms, (f) 5.60 ms by proxies that …; (d0) 4.57 ms by the gateway without analytics".
      const others = (x: { added: Map<Row, { p99: number }> }) => {
        const of = (r: Row) => `${tag(r)} ${x.added.get(r)!.p99.toFixed(2)} ms`;
        const bare = `${[b, f].filter((r): r is Row => r !== undefined).map(of).join(', ')} by proxies that do nothing but pass requests on`;
        return d0 ? `${bare}; ${of(d0)} by the gateway without analytics` : bare;
      };
      console.log(`\np99 added by the gateway = ${added.toFixed(2)} ms  (target ≤ 2 ms: ${verdict(added <= 2)}); p50 added = ${free.added.get(d)!.p50.toFixed(2)} ms`);
      console.log(`p99 added at the same rate: ${others(free)}`);
      if (Math.max(...free.lags) > 5) {
        console.log('(the generator itself ran more than 5 ms late: the machine was busy and these p99 figures carry that noise)');
      }
      const tail: Reading = {
        figure: `p99 added at half load (${rate} req/s, open loop)`,
        value: `${added.toFixed(2)} ms`,
        target: '≤ 2 ms',
        met: added <= 2,
        why:
          `the load generator's own timer fired up to ${round(Math.min(...free.lags), 1)}–${round(Math.max(...free.lags), 1)} ms late in these runs, on the ${cores.length} cores it shares with the upstream and the gateway;` +
          ` the gateway's event-loop delay p99 was ${loop.map((l) => l.p99).join(', ')} ms` +
          `; added at the same rate: ${others(free)}`,
        wouldMeet: `generator, upstream and gateway on cores of their own (${cores.length} here for the three, and Redis and the control plane besides), so that the figure is the gateway's work and not its wait for a core; until then the pinned run below is the nearest this machine comes`,
      };
      readings.push(tail);
      if (cores.length >= 2) {
        // The same runs again with the proxies on a core of their own (one is under load at a time) and the
        // generator and the upstream on the others: what a proxy adds when it does not take turns with them.
        const own = String(cores.length - 1);
        const rest = cores.length === 2 ? '0' : `0-${cores.length - 2}`;
        // (d0) and (d) are one process: each pid once.
        const proxyPids = [...new Set(proxies.flatMap((r) => processTree(r.pid)))];
        const benchPids = [process.pid, upstream.pid];
        if (pinToCores(proxyPids, own) && pinToCores(benchPids, rest)) {
          try {
            const pinned = report(`The same, each proxy pinned to core ${own} and the generator and upstream to ${rest} (taskset)`, await latencyRounds());
            const addedPinned = pinned.added.get(d)!;
            console.log(`p99 added by the gateway on a core of its own = ${addedPinned.p99.toFixed(2)} ms (target ≤ 2 ms: ${verdict(addedPinned.p99 <= 2)}); p50 added = ${addedPinned.p50.toFixed(2)} ms`);
            console.log(`p99 added on a core of their own: ${others(pinned)}`);
            tail.why += `; with the gateway alone on core ${own}: ${addedPinned.p99.toFixed(2)} ms added, the generator up to ${round(Math.max(...pinned.lags), 1)} ms late (${others(pinned)})`;
            if (cpuReading) cpuReading.why += pacedCpuNote(`, each proxy alone on core ${own}`, pinned.cpu);
            const { ofF, bOfF } = pinned.cpu ?? {};
            if (caddyReading && ofF && bOfF) {
              // On a core of its own a proxy serves at most 1 ÷ its CPU a request: the ratio of what one core carries.
              caddyReading.why +=
                `; on a core of its own at ${rate} req/s, CPU a request (d)/(f) ${cpuOfF(ofF)} and (b)/(f) ${middle(bOfF).toFixed(2)}:` +
                ` one core carries at most ${(1 / middle(ofF)).toFixed(2)} × Caddy's requests through (d), ${(1 / middle(bOfF)).toFixed(2)} × through (b)`;
            }
            tail.wouldMeet = tail.wouldMeet?.replace('the pinned run below', 'the pinned run');
          } finally {
            const all = `0-${cores.length - 1}`;
            pinToCores(proxyPids, all);
            pinToCores(benchPids, all);
          }
        } else {
          console.log('taskset is not available: the pinned latency runs skipped');
        }
      }
      const profileFile = process.env.PORTCULLIS_BENCH_PROFILE;
      if (profileFile && gw1?.inspectPort !== undefined) {
        // (d), and (d) with its counters in Redis at the same rate: shares of equal runs compare as time.
        const profiled: [Row, number, string][] = [[d, gw1.inspectPort, profileFile]];
        if (dRedis?.inspectPort !== undefined) profiled.push([dRedis, dRedis.inspectPort, profileFile.replace(/(\.cpuprofile)?$/, '.redis.cpuprofile')]);
        for (const [r, port, file] of profiled) {
          const top = await cpuProfile(port, file, async () => {
            await paced(r.target, { rate, seconds, connections });
          });
          console.log(`\nCPU profile of the gateway over one more ${seconds} s paced run of ${r.label} at ${rate} req/s, written to ${file}; most self time:`);
          for (const t of top) console.log(`  ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.name}`);
        }
      }
    }

    if (d && gw1 && soakSeconds > 0) {
      // Every 2 s: the collector's sawtooth (tens of MiB, a minute or so per tooth) would
      // otherwise tilt a fit through a few dozen points by its phase alone.
      const every = Math.min(2, soakSeconds / 30);
      // The target is "flat after warm-up": the fit leaves out the first fifth of the run (a minute at most).
      const warmUpSeconds = Math.min(60, soakSeconds / 5);
      const samples: { t: number; mib: number; anon: number }[] = [];
      const tree = (field: 'VmRSS' | 'RssAnon') => processTree(gw1.pid).reduce((sum, pid) => sum + rssMiB(pid, field), 0);
      const sample = (t: number) => samples.push({ t, mib: tree('VmRSS'), anon: tree('RssAnon') });
      const heap = async () => (gw1.inspectPort === undefined ? NaN : await heapAfterGcMiB(gw1.inspectPort));
      const t0 = performance.now();
      sample(0);
      // After the first sample: the full collection would shrink it.
      const heapBefore = await heap();
      const timer = setInterval(() => sample((performance.now() - t0) / 1000), every * 1000);
      let soak: Load;
      try {
        soak = await load(d.target, { seconds: soakSeconds, connections });
      } finally {
        clearInterval(timer);
      }
      sample((performance.now() - t0) / 1000);
      // V8 gives heap back some seconds after allocation stops: what it keeps
      // once idle separates retained memory from heap slack grown under load.
      const idleSeconds = Math.min(20, soakSeconds);
      await new Promise((r) => setTimeout(r, idleSeconds * 1000));
      const idle = { mib: tree('VmRSS'), anon: tree('RssAnon') };
      const heapAfter = await heap();
      const mibs = samples.map((s) => s.mib);
      const anons = samples.map((s) => s.anon);
      const perMinute = slope(
        samples.map((s) => s.t / 60),
        mibs,
      );
      const warm = samples.filter((s) => s.t >= warmUpSeconds);
      const warmPerMinute = slope(
        warm.map((s) => s.t / 60),
        warm.map((s) => s.mib),
      );
      // Over five minutes, as the target reads.
      const growth = warmPerMinute * 5;
      // The sawtooth's troughs: the lowest sample of the first and of the last minute after the warm-up, what
      // survives the collections. A fit through a few teeth of tens of MiB moves with their phase; the troughs
      // move only when what is kept grows. The verdict reads their growth over 5 minutes.
      const windowSeconds = Math.min(60, (soakSeconds - warmUpSeconds) / 3);
      const end = samples.at(-1)!.t;
      const trough = (from: number, to: number) => Math.min(...samples.filter((s) => s.t >= from && s.t <= to).map((s) => s.mib));
      const early = trough(warmUpSeconds, warmUpSeconds + windowSeconds);
      const late = trough(end - windowSeconds, end);
      const troughGrowth = ((late - early) * 300) / Math.max(1, end - windowSeconds - warmUpSeconds);
      const mib = (x: number) => `${x.toFixed(1)} MiB`;
      console.log(
        `\nMemory of the gateway (VmRSS of its process tree) over ${soakSeconds} s of (d) at ${round(soak.rps, 0)} req/s (${soak.requests} requests), sampled every ${round(every, 1)} s:`,
      );
      // Printed every 10 s's worth.
      const step = Math.max(1, Math.round(10 / every));
      console.log(`  ${mibs.filter((_, i) => i % step === 0).map((m) => m.toFixed(0)).join(' ')} MiB (every ${round(every * step, 1)} s)`);
      console.log(
        `  first ${mib(mibs[0]!)}, last ${mib(mibs.at(-1)!)}, min ${mib(Math.min(...mibs))}, max ${mib(Math.max(...mibs))}; slope ${perMinute.toFixed(2)} MiB/min over the whole run,` +
          ` ${warmPerMinute.toFixed(2)} MiB/min after the first ${round(warmUpSeconds, 0)} s (${growth.toFixed(1)} MiB over 5 min by that fit)`,
      );
      console.log(
        `  troughs: lowest of the first ${round(windowSeconds, 0)} s after the warm-up ${mib(early)}, of the last ${round(windowSeconds, 0)} s ${mib(late)}:` +
          ` ${troughGrowth.toFixed(1)} MiB over 5 min (target flat after warm-up, read as ≤ 10 MiB over 5 min on the troughs: ${verdict(troughGrowth <= 10)})`,
      );

      console.log(`  anonymous part (RssAnon): first ${mib(anons[0]!)}, last ${mib(anons.at(-1)!)}, max ${mib(Math.max(...anons))}`);
      console.log(`  after ${idleSeconds} s idle: VmRSS ${mib(idle.mib)}, RssAnon ${mib(idle.anon)}`);
      const kept = heapAfter - heapBefore;
      console.log(
        `  live V8 heap after a full GC: ${mib(heapBefore)} before the run, ${mib(heapAfter)} after it: ${kept.toFixed(1)} MiB more kept alive` +
          ` (flat read as ≤ 5 MiB: ${verdict(kept <= 5)}; RSS growth beyond it is heap space V8 holds on to, not live objects)`,
      );
      readings.push({
        figure: `memory over ${soakSeconds} s of (d), on the troughs`,
        value: `${troughGrowth.toFixed(1)} MiB / 5 min`,
        target: '≤ 10 MiB / 5 min',
        met: troughGrowth <= 10,
        why: `the fit after the warm-up says ${growth.toFixed(1)} MiB over 5 min; the live V8 heap after a full GC went ${mib(heapBefore)} → ${mib(heapAfter)}`,
        wouldMeet:
          kept > 5
            ? 'finding what the gateway keeps alive: a heap snapshot through its inspector port after the run, compared with one before it'
            : 'the live heap is flat, so the growth is memory outside it (V8 keeping freed heap space, native buffers): a longer soak tells growth from a slow sawtooth',
      });
      console.log(await analyticsLine(gw1.url));
    }
    console.log('');
    printReadings(readings);
  } finally {
    await stopAll();
    await redisCleanup?.().catch(() => undefined);
    await control?.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}
