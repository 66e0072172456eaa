import { parentPort, workerData } from 'node:worker_threads';
import { insertColumns } from '../analytics/analytics.repository.js';
import type { RecordColumns } from '../analytics/record-columns.js';
import { openStore } from '../db/database.js';
import { currentThreadId } from './thread-cpu.js';

/*
 * A worker thread that writes the gateway's analytics batches through its own
 * connection. On SQLite every statement runs synchronously on the thread that
 * issues it; here that thread is not the one serving requests, so writing
 * thousands of records a second costs the proxy nothing but a message.
 */

export interface WriteRequest {
  id: number;
  batch: RecordColumns;
}

export interface WriteReply {
  id: number;
  /** Undefined when the batch was written. */
  error?: string;
}

/** The writer's first message: its thread's kernel id, so the gateway can report the CPU it uses. */
export interface WriterHello {
  tid: number;
}

const { databaseUrl } = workerData as { databaseUrl: string };
const store = openStore(databaseUrl);
const port = parentPort!;
const tid = currentThreadId();
if (tid !== undefined) port.postMessage({ tid } satisfies WriterHello);

port.on('message', (msg: WriteRequest | 'close') => {
  if (msg === 'close') {
    void store.close().finally(() => port.close());
    return;
  }
  store.db
    .transaction()
    .execute((trx) => insertColumns(trx, msg.batch))
    .then(
      () => port.postMessage({ id: msg.id } satisfies WriteReply),
      (err: unknown) => port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) } satisfies WriteReply),
    );
});
