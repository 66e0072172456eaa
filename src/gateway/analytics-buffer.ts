import { insertRecords, type AnalyticsRecord } from '../analytics/analytics.repository.js';
import type { Db } from '../db/database.js';
import type { GatewayLogger } from './logger.js';

const BATCH = 5000;

export interface AnalyticsBuffer {
  push(record: AnalyticsRecord): void;
  /** Writes what is buffered now (one batch at a time). */
  flush(): Promise<void>;
  readonly buffered: number;
  readonly dropped: number;
  readonly written: number;
  /** Stops the timer and writes what is left (best effort). */
  close(): Promise<void>;
}

/**
 * Records wait in memory and are written in batches (records and roll-ups in
 * one transaction), so a request never waits on the store. While the store is
 * down the buffer keeps at most `max` records, dropping the oldest and counting them.
 */
export function analyticsBuffer(db: Db, opts: { max: number; flushMs: number; log: GatewayLogger }): AnalyticsBuffer {
  let queue: AnalyticsRecord[] = [];
  let dropped = 0;
  let written = 0;
  let flushing: Promise<void> | undefined;
  let failing = false;

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.length <= BATCH ? queue : queue.slice(0, BATCH);
      queue = queue.length <= BATCH ? [] : queue.slice(BATCH);
      try {
        await db.transaction().execute((trx) => insertRecords(trx, batch));
        written += batch.length;
        if (failing) opts.log.info({ buffered: queue.length }, 'analytics: the store takes records again');
        failing = false;
      } catch (err) {
        // Back to the front, within the bound; the next tick tries again.
        queue = batch.concat(queue);
        trim();
        if (!failing) opts.log.warn({ err, buffered: queue.length }, 'analytics: the store refused a batch; keeping records in memory');
        failing = true;
        return;
      }
    }
  }

  function trim(): void {
    const over = queue.length - opts.max;
    if (over > 0) {
      queue.splice(0, over);
      dropped += over;
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

  return {
    push(record) {
      queue.push(record);
      // Trim in steps of a tenth so that dropping stays cheap under sustained overflow.
      if (queue.length > opts.max) {
        const over = queue.length - opts.max + Math.floor(opts.max / 10);
        queue.splice(0, over);
        dropped += over;
      }
    },
    flush,
    get buffered() {
      return queue.length;
    },
    get dropped() {
      return dropped;
    },
    get written() {
      return written;
    },
    async close() {
      clearInterval(timer);
      if (flushing) await flushing;
      await flush();
    },
  };
}
