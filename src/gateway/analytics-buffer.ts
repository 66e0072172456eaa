import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { insertColumns, type AnalyticsRecord } from '../analytics/analytics.repository.js';
import { MAX_BATCH, RecordColumnsBuilder, type RecordColumns } from '../analytics/record-columns.js';
import type { Store } from '../db/database.js';
import type { WriteReply, WriteRequest, WriterHello } from './analytics-writer.js';
import { threadCpuSeconds } from './thread-cpu.js';
import type { GatewayLogger } from './logger.js';

/**
 * Records per batch, and past this many waiting records a flush starts without
 * waiting for the timer. Handing a batch to the writer costs the event loop a
 * copy of it (two typed arrays and the batch's distinct strings to the worker
 * thread, or building the statements on PostgreSQL), all at once: every request
 * in flight waits for it. Batches of 2,000 records as objects held the loop 2–4 ms;
 * 500 bound it to well under a millisecond; the writer's cost per batch (one
 * transaction, three roll-up upserts) is small beside 500 inserts.
 */
const EARLY = MAX_BATCH;

/** Writes one batch (records and roll-ups in one transaction). */
interface BatchWriter {
  write(batch: RecordColumns): Promise<void>;
  close(): Promise<void>;
  /** CPU seconds the writer's own thread has used (undefined when it writes on the gateway's thread, or off Linux). */
  cpuSeconds(): number | undefined;
}

/**
 * On SQLite, statements run synchronously on the calling thread: writing a batch
 * on the gateway's event loop would stall every request in flight for its whole
 * length. There the batches go to a worker thread with its own connection.
 * PostgreSQL writes are network round trips that do not block the loop.
 */
function batchWriter(store: Store, databaseUrl: string): BatchWriter {
  const compiled = new URL('./analytics-writer.js', import.meta.url);
  // Run from the TypeScript sources (the in-process test gateways) there is no compiled worker: write in-thread.
  if (store.dialect !== 'sqlite' || !existsSync(fileURLToPath(compiled))) {
    return { write: (batch) => store.db.transaction().execute((trx) => insertColumns(trx, batch)), close: async () => {}, cpuSeconds: () => undefined };
  }
  const worker = new Worker(compiled, { workerData: { databaseUrl } });
  const waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  let next = 0;
  let tid: number | undefined;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: WriteReply | WriterHello) => {
    if ('tid' in reply) {
      tid = reply.tid;
      return;
    }
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.error === undefined) w?.resolve();
    else w?.reject(new Error(reply.error));
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the analytics writer stopped')));
  worker.unref();
  return {
    write(batch) {
      const id = ++next;
      // A batch in flight keeps the process alive (a shutdown's last flush must land).
      worker.ref();
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, batch } satisfies WriteRequest);
      });
    },
    async close() {
      // Held until it has written the last batch and closed its connection.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())]);
      await worker.terminate();
    },
    cpuSeconds: () => (tid === undefined ? undefined : threadCpuSeconds(tid)),
  };
}

export interface AnalyticsBuffer {
  push(record: AnalyticsRecord): void;
  /** Writes what is buffered now (one batch at a time). */
  flush(): Promise<void>;
  readonly buffered: number;
  readonly dropped: number;
  readonly written: number;
  /** CPU seconds the writer thread has used, when it has its own (SQLite) and the system tells. */
  writerCpuSeconds(): number | undefined;
  /** Stops the timer and writes what is left (best effort). */
  close(): Promise<void>;
}

/**
 * Records wait in memory and are written in batches (records and roll-ups in
 * one transaction), so a request never waits on the store. While the store is
 * down the buffer keeps at most `max` records, dropping the oldest and counting them.
 */
export function analyticsBuffer(store: Store, opts: { databaseUrl: string; max: number; flushMs: number; log: GatewayLogger }): AnalyticsBuffer {
  const writer = batchWriter(store, opts.databaseUrl);
  // Batches of a tenth of the bound at most, so that dropping the oldest stays a small step.
  const open = new RecordColumnsBuilder(Math.min(EARLY, Math.max(1, Math.floor(opts.max / 10))));
  /** Full batches waiting, oldest first; `open` fills behind them. */
  const queue: RecordColumns[] = [];
  let queued = 0;
  let dropped = 0;
  let written = 0;
  let flushing: Promise<void> | undefined;
  let failing = false;
  let soon = false;

  async function writeAll(): Promise<void> {
    if (open.length > 0) seal();
    while (queue.length > 0) {
      const batch = queue.shift()!;
      queued -= batch.length;
      try {
        await writer.write(batch);
        written += batch.length;
        if (failing) opts.log.info({ buffered: queued + open.length }, 'analytics: the store takes records again');
        failing = false;
      } catch (err) {
        // Back to the front, within the bound; the next tick tries again.
        queue.unshift(batch);
        queued += batch.length;
        trim();
        if (!failing) opts.log.warn({ err, buffered: queued + open.length }, 'analytics: the store refused a batch; keeping records in memory');
        failing = true;
        return;
      }
    }
  }

  function seal(): void {
    const batch = open.take();
    queue.push(batch);
    queued += batch.length;
    trim();
  }

  /** Drops the oldest batches while more than `max` records wait. */
  function trim(): void {
    while (queued + open.length > opts.max && queue.length > 0) {
      const oldest = queue.shift()!;
      queued -= oldest.length;
      dropped += oldest.length;
    }
  }

  function flush(): Promise<void> {
    flushing ??= writeAll().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), opts.flushMs);
  timer.unref();
  // After the I/O callbacks of this turn of the loop: not inside the request that filled the batch.
  const early = () => {
    soon = false;
    if (!failing) void flush();
  };

  return {
    push(record) {
      open.push(record);
      if (!open.full) return;
      seal();
      if (queued >= EARLY && !soon && flushing === undefined && !failing) {
        soon = true;
        setImmediate(early);
      }
    },
    flush,
    get buffered() {
      return queued + open.length;
    },
    get dropped() {
      return dropped;
    },
    get written() {
      return written;
    },
    writerCpuSeconds: () => writer.cpuSeconds(),
    async close() {
      clearInterval(timer);
      if (flushing) await flushing;
      await flush();
      await writer.close();
    },
  };
}
