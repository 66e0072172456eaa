import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

/** Upper bounds (ms) of the upstream latency histogram's buckets. */
const BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];
/** How often the event-loop delay sampler fires (ms). */
const LOOP_SAMPLE_MS = 2;

/** The garbage collector's kinds of work as node:perf_hooks reports them, by the label /metrics gives each. */
const GC_KINDS: readonly (readonly [number, string])[] = [
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
];

/** Counters of one gateway process, rendered in the Prometheus text format. */
export class GatewayMetrics {
  /** Requests by status class: index 1 = 1xx … 5 = 5xx. */
  private readonly byClass = [0, 0, 0, 0, 0, 0];
  private readonly latency = new Array<number>(BUCKETS.length + 1).fill(0);
  private latencySum = 0;
  private latencyCount = 0;
  /**
   * How late the event loop ran, sampled by a 2 ms timer (node:perf_hooks).
   * Reported per scrape window: each render gives the delays since the previous
   * one and starts a new window. The sampler is a libuv timer in C++: no
   * JavaScript runs for it.
   */
  private loopDelay: IntervalHistogram | undefined;
  /**
   * The garbage collector's pauses of this thread, by kind (seconds, and how
   * many), from node:perf_hooks' `gc` entries: one entry per collection, so a
   * few dozen a second under load, not one per request.
   */
  private readonly gc = new Map(GC_KINDS.map(([kind, name]) => [kind, { name, seconds: 0, pauses: 0 }]));
  private gcObserver: PerformanceObserver | undefined;

  /** Starts sampling the event loop's delay (the first scrape's window begins here) and counting the collector's pauses. */
  watchRuntime(): void {
    if (this.loopDelay) return;
    this.loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    this.loopDelay.enable();
    this.gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as { detail?: { kind?: number } | null }).detail?.kind;
        const counted = kind === undefined ? undefined : this.gc.get(kind);
        if (counted === undefined) continue;
        counted.pauses += 1;
        counted.seconds += e.duration / 1000;
      }
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  /** Stops the samplers (the gateway is stopping). */
  stop(): void {
    this.loopDelay?.disable();
    this.loopDelay = undefined;
    this.gcObserver?.disconnect();
    this.gcObserver = undefined;
  }

  count(status: number): void {
    const c = (status / 100) | 0;
    this.byClass[c >= 1 && c <= 5 ? c : 5]! += 1;
  }

  upstream(ms: number): void {
    let i = 0;
    while (i < BUCKETS.length && ms > BUCKETS[i]!) i++;
    this.latency[i]! += 1;
    this.latencySum += ms;
    this.latencyCount += 1;
  }

  render(extra: { analyticsDropped: number; analyticsBuffered: number; analyticsWritten: number; analyticsWriterCpuSeconds: number | undefined; apis: number; cachedKeys: number; more?: readonly string[] }): string {
    const lines: string[] = [];
    const total = this.byClass.reduce((a, b) => a + b, 0);
    lines.push('# HELP portcullis_gateway_requests_total Requests that matched an API, whatever their outcome.');
    lines.push('# TYPE portcullis_gateway_requests_total counter');
    lines.push(`portcullis_gateway_requests_total ${total}`);
    lines.push('# HELP portcullis_gateway_responses_total Responses by status class.');
    lines.push('# TYPE portcullis_gateway_responses_total counter');
    for (let c = 1; c <= 5; c++) lines.push(`portcullis_gateway_responses_total{class="${c}xx"} ${this.byClass[c]}`);
    lines.push('# HELP portcullis_gateway_upstream_latency_seconds Time from sending a request upstream to its response headers.');
    lines.push('# TYPE portcullis_gateway_upstream_latency_seconds histogram');
    let cumulative = 0;
    for (let i = 0; i < BUCKETS.length; i++) {
      cumulative += this.latency[i]!;
      lines.push(`portcullis_gateway_upstream_latency_seconds_bucket{le="${BUCKETS[i]! / 1000}"} ${cumulative}`);
    }
    cumulative += this.latency[BUCKETS.length]!;
    lines.push(`portcullis_gateway_upstream_latency_seconds_bucket{le="+Inf"} ${cumulative}`);
    lines.push(`portcullis_gateway_upstream_latency_seconds_sum ${this.latencySum / 1000}`);
    lines.push(`portcullis_gateway_upstream_latency_seconds_count ${this.latencyCount}`);
    lines.push('# HELP portcullis_gateway_analytics_dropped_total Analytics records dropped because the buffer was full.');
    lines.push('# TYPE portcullis_gateway_analytics_dropped_total counter');
    lines.push(`portcullis_gateway_analytics_dropped_total ${extra.analyticsDropped}`);
    lines.push('# HELP portcullis_gateway_analytics_written_total Analytics records written to the store.');
    lines.push('# TYPE portcullis_gateway_analytics_written_total counter');
    lines.push(`portcullis_gateway_analytics_written_total ${extra.analyticsWritten}`);
    lines.push('# HELP portcullis_gateway_analytics_buffered Analytics records waiting to be written.');
    lines.push('# TYPE portcullis_gateway_analytics_buffered gauge');
    lines.push(`portcullis_gateway_analytics_buffered ${extra.analyticsBuffered}`);
    if (extra.analyticsWriterCpuSeconds !== undefined) {
      lines.push('# HELP portcullis_gateway_analytics_writer_cpu_seconds_total CPU time of the thread writing analytics to SQLite (not the thread serving requests).');
      lines.push('# TYPE portcullis_gateway_analytics_writer_cpu_seconds_total counter');
      lines.push(`portcullis_gateway_analytics_writer_cpu_seconds_total ${extra.analyticsWriterCpuSeconds}`);
    }
    lines.push('# HELP portcullis_gateway_apis Active APIs the gateway routes to.');
    lines.push('# TYPE portcullis_gateway_apis gauge');
    lines.push(`portcullis_gateway_apis ${extra.apis}`);
    lines.push('# HELP portcullis_gateway_cached_keys Keys resolved since the last configuration change.');
    lines.push('# TYPE portcullis_gateway_cached_keys gauge');
    lines.push(`portcullis_gateway_cached_keys ${extra.cachedKeys}`);
    lines.push('# HELP process_resident_memory_bytes Resident memory size in bytes.');
    lines.push('# TYPE process_resident_memory_bytes gauge');
    lines.push(`process_resident_memory_bytes ${process.memoryUsage.rss()}`);
    if (this.loopDelay) {
      // The histogram holds the time between two firings of the sampler (ns): the delay is what exceeds its interval.
      // Milliseconds here, per scrape window, then a new window.
      const h = this.loopDelay;
      const ms = (ns: number) => (h.count === 0 ? 0 : Math.max(0, Math.round(ns / 1e3 - LOOP_SAMPLE_MS * 1e3) / 1e3));
      lines.push('# HELP portcullis_gateway_event_loop_delay_ms How late the event loop ran (ms) since the previous scrape of /metrics, sampled every 2 ms.');
      lines.push('# TYPE portcullis_gateway_event_loop_delay_ms summary');
      lines.push(`portcullis_gateway_event_loop_delay_ms{quantile="0.5"} ${ms(h.percentile(50))}`);
      lines.push(`portcullis_gateway_event_loop_delay_ms{quantile="0.99"} ${ms(h.percentile(99))}`);
      lines.push(`portcullis_gateway_event_loop_delay_ms{quantile="1"} ${ms(h.max)}`);
      lines.push(`portcullis_gateway_event_loop_delay_ms_count ${h.count}`);
      lines.push('# HELP portcullis_gateway_event_loop_delay_max_ms The longest event-loop delay (ms) since the previous scrape of /metrics.');
      lines.push('# TYPE portcullis_gateway_event_loop_delay_max_ms gauge');
      lines.push(`portcullis_gateway_event_loop_delay_max_ms ${ms(h.max)}`);
      h.reset();
    }
    if (this.gcObserver) {
      lines.push('# HELP portcullis_gateway_gc_seconds_total Time the garbage collector paused the thread serving requests, by kind (minor: the young generation; major: the whole heap).');
      lines.push('# TYPE portcullis_gateway_gc_seconds_total counter');
      for (const { name, seconds } of this.gc.values()) lines.push(`portcullis_gateway_gc_seconds_total{kind="${name}"} ${seconds}`);
      lines.push('# HELP portcullis_gateway_gc_pauses_total Garbage collections that paused the thread serving requests, by kind.');
      lines.push('# TYPE portcullis_gateway_gc_pauses_total counter');
      for (const { name, pauses } of this.gc.values()) lines.push(`portcullis_gateway_gc_pauses_total{kind="${name}"} ${pauses}`);
    }
    if (extra.more) lines.push(...extra.more);
    return `${lines.join('\n')}\n`;
  }
}
