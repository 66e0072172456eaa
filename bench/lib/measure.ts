import autocannon from 'autocannon';

export interface Throughput {
  rps: number;
  p50: number;
  p99: number;
}

/** Requests per second and latency (ms) under load: fixed duration, fixed connections. */
export async function throughput(url: string, opts: { headers?: Record<string, string>; seconds: number; connections: number }): Promise<Throughput> {
  // A short warm-up first, so that JIT and caches settle before the measured run.
  await autocannon({ url, headers: opts.headers, duration: 2, connections: opts.connections });
  const r = await autocannon({ url, headers: opts.headers, duration: opts.seconds, connections: opts.connections });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

export interface Latency {
  p50: number;
  p95: number;
  n: number;
  /** Requests sent before the measured ones. */
  warmUp: number;
}

export interface LatencyTarget {
  url: string;
  headers?: Record<string, string>;
  expectStatus?: number;
}

/**
 * Latency (ms) of one request at a time, after a warm-up. Several targets are
 * measured in turn, request by request (a, b, a, b, …), so that a ratio between
 * them sees the same machine: measured one after the other, a slow stretch of a
 * shared machine lands on one side only.
 */
export async function latencies(targets: LatencyTarget[], opts: { iterations: number }): Promise<Latency[]> {
  const once = async (t: LatencyTarget) => {
    const expected = t.expectStatus ?? 200;
    const started = performance.now();
    const res = await fetch(t.url, { headers: t.headers });
    await res.arrayBuffer();
    if (res.status !== expected) throw new Error(`${t.url}: expected ${expected}, got ${res.status}`);
    return performance.now() - started;
  };
  const warmUp = Math.min(20, opts.iterations);
  for (let i = 0; i < warmUp; i++) for (const t of targets) await once(t);
  const times = targets.map((): number[] => []);
  for (let i = 0; i < opts.iterations; i++) for (const [k, t] of targets.entries()) times[k]!.push(await once(t));
  return times.map((ts) => {
    ts.sort((a, b) => a - b);
    const at = (q: number) => ts[Math.min(ts.length - 1, Math.floor(q * ts.length))]!;
    return { p50: round(at(0.5)), p95: round(at(0.95)), n: ts.length, warmUp };
  });
}

/** Latency (ms) of one request at a time to one target. */
export async function latency(url: string, opts: { headers?: Record<string, string>; iterations: number; expectStatus?: number }): Promise<Latency> {
  const [l] = await latencies([{ url, headers: opts.headers, expectStatus: opts.expectStatus }], opts);
  return l!;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Prints rows as an aligned table. */
export function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}
