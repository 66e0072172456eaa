import type { AnalyticsRecord } from './analytics.repository.js';

/*
 * Analytics records in columns. A gateway records every request; kept as one
 * object each, a batch's records lived long enough to be promoted by the
 * garbage collector, were copied field by field (every string again) to the
 * writer thread and rebuilt there as objects. In columns a batch is two typed
 * arrays and the distinct strings it holds: pushing a record allocates
 * nothing, handing a batch over copies two arrays.
 */

/** Text fields, in the order of a record's slots in `refs`. */
const TEXT = ['timestamp', 'api_id', 'method', 'path', 'api_key', 'ip_address', 'oauth_id', 'mcp_method', 'mcp_primitive_type', 'mcp_primitive_name'] as const;
/** Numeric fields, in the order of a record's slots in `numbers`. */
const NUMBER = ['response_code', 'request_time', 'upstream_time', 'content_length'] as const;
export const TEXT_SLOTS = TEXT.length;
export const NUMBER_SLOTS = NUMBER.length;
/** `refs` slot of each text field; -1 in a slot is "absent" (the MCP fields of other requests). */
export const T = Object.fromEntries(TEXT.map((f, i) => [f, i])) as { readonly [K in (typeof TEXT)[number]]: number };
/** `numbers` slot of each numeric field. */
export const N = Object.fromEntries(NUMBER.map((f, i) => [f, i])) as { readonly [K in (typeof NUMBER)[number]]: number };

/** The most records a batch holds: it bounds the composite keys of the roll-ups (see insertColumns). */
export const MAX_BATCH = 500;

/** A batch of records: plain data, handed to a worker thread as it is (structured clone). */
export interface RecordColumns {
  length: number;
  /** The distinct strings of the batch. */
  texts: string[];
  /** `TEXT_SLOTS` indexes into `texts` per record. */
  refs: Int32Array;
  /** `NUMBER_SLOTS` numbers per record. */
  numbers: Float64Array;
}

/** Collects records into a batch of at most `capacity`. */
export class RecordColumnsBuilder {
  length = 0;
  private texts: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly refs: Int32Array;
  private readonly numbers: Float64Array;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_BATCH) throw new RangeError(`a batch holds 1 to ${MAX_BATCH} records`);
    this.refs = new Int32Array(capacity * TEXT_SLOTS);
    this.numbers = new Float64Array(capacity * NUMBER_SLOTS);
  }

  get full(): boolean {
    return this.length >= this.capacity;
  }

  /** Adds a record; the caller takes the batch once it is full. */
  push(r: AnalyticsRecord): void {
    if (this.full) throw new RangeError('the batch is full');
    const t = this.length * TEXT_SLOTS;
    const n = this.length * NUMBER_SLOTS;
    this.length += 1;
    const refs = this.refs;
    refs[t] = this.ref(r.timestamp);
    refs[t + 1] = this.ref(r.api_id);
    refs[t + 2] = this.ref(r.method);
    refs[t + 3] = this.ref(r.path);
    refs[t + 4] = this.ref(r.api_key);
    refs[t + 5] = this.ref(r.ip_address);
    refs[t + 6] = this.ref(r.oauth_id ?? '');
    const mcp = r.mcp_method !== undefined;
    refs[t + 7] = mcp ? this.ref(r.mcp_method!) : -1;
    refs[t + 8] = mcp ? this.ref(r.mcp_primitive_type ?? '') : -1;
    refs[t + 9] = mcp ? this.ref(r.mcp_primitive_name ?? '') : -1;
    const numbers = this.numbers;
    numbers[n] = r.response_code;
    numbers[n + 1] = r.request_time;
    numbers[n + 2] = r.upstream_time;
    numbers[n + 3] = r.content_length;
  }

  /** The records pushed so far as a batch of their own; the builder starts again, empty. */
  take(): RecordColumns {
    const batch: RecordColumns = {
      length: this.length,
      texts: this.texts,
      refs: this.refs.slice(0, this.length * TEXT_SLOTS),
      numbers: this.numbers.slice(0, this.length * NUMBER_SLOTS),
    };
    this.texts = [];
    this.index.clear();
    this.length = 0;
    return batch;
  }

  private ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Records as batches of at most `MAX_BATCH`. */
export function columnsOf(records: AnalyticsRecord[]): RecordColumns[] {
  const out: RecordColumns[] = [];
  const b = new RecordColumnsBuilder(MAX_BATCH);
  for (const r of records) {
    b.push(r);
    if (b.full) out.push(b.take());
  }
  if (b.length > 0) out.push(b.take());
  return out;
}
