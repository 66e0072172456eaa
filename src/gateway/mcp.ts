/**
 * MCP analytics: for an API that is an MCP server (JSON-RPC 2.0 over HTTP),
 * each request's analytics record carries the JSON-RPC method it called and
 * the primitive it named (`tools/call` → tool and its name, `prompts/get` →
 * prompt and its name, `resources/read` → resource and its URI).
 *
 * The request body is read as it passes, never held: a listener sees each chunk
 * on its way upstream (whoever consumes the request: the forwarder, or the
 * drain after a refusal) and an incremental scanner keeps only the few strings
 * it wants. Nothing is buffered, the body reaches the upstream unchanged and at
 * its own pace, and the scan stops after SCAN_LIMIT bytes. Other APIs pay nothing.
 */

import type { IncomingMessage } from 'node:http';
import type { AnalyticsRecord } from '../analytics/analytics.repository.js';

type Json = Record<string, unknown>;

/** At most this many bytes of a request body are scanned for the method and primitive. */
export const SCAN_LIMIT = 64 * 1024;
/** Longer methods, names or URIs are not recorded (the record keeps the method, the name is ''). */
const MAX_METHOD = 128;
const MAX_NAME = 1024;
/** Object keys that matter are short; a longer one is matched against nothing. */
const MAX_KEY = 16;
/** Deeper nesting than this ends the scan (the fields wanted sit at depth 1 and 2). */
const MAX_DEPTH = 64;

const MCP_MIDDLEWARE = ['mcpTools', 'mcpResources', 'mcpPrompts'];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether an API is an MCP server. An OAS API is one as Tyk marks its MCP
 * Proxies: its `x-tyk-api-gateway.middleware` holds `mcpTools`, `mcpResources`
 * or `mcpPrompts`. A Tyk Classic definition says so with `"is_mcp": true`
 * (a field Tyk's Classic definitions do not have; kept with the definition).
 */
export function isMcpApi(definition: Json, oas: Json | undefined): boolean {
  if (definition.is_mcp === true) return true;
  if (oas === undefined) return false;
  const tyk = oas['x-tyk-api-gateway'];
  const middleware = isObject(tyk) ? tyk.middleware : undefined;
  return isObject(middleware) && MCP_MIDDLEWARE.some((k) => isObject(middleware[k]));
}

/** What the primitive-invoking methods name, and where. */
const PRIMITIVES = new Map<string, { type: 'tool' | 'resource' | 'prompt'; field: 'name' | 'uri' }>([
  ['tools/call', { type: 'tool', field: 'name' }],
  ['resources/read', { type: 'resource', field: 'uri' }],
  ['prompts/get', { type: 'prompt', field: 'name' }],
]);

export interface McpCall {
  method: string;
  /** 'tool', 'resource', 'prompt', or '' for a method that invokes none. */
  primitiveType: string;
  primitiveName: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Reads the head of a JSON-RPC request as its bytes arrive, keeping only the
 * top-level `method` and `params.name` / `params.uri` strings. It tokenises
 * just enough JSON to know where it is (strings, nesting, keys); anything that
 * is not a JSON object ends the scan with nothing found. A kept string is
 * sliced out of the chunk that holds it (pieces of several when it spans them).
 */
export class JsonRpcHead {
  done = false;
  method: string | undefined;
  name: string | undefined;
  uri: string | undefined;
  private scanned = 0;
  private depth = 0;
  /** Per depth (1-based): true for an object, false for an array. */
  private readonly objects: boolean[] = [];
  /** Per depth: an object waits for a key (after `{` or `,`), not a value. */
  private readonly wantKey: boolean[] = [];
  /** The current key at depth 1 and 2. */
  private key1: string | undefined;
  private key2: string | undefined;
  private inString = false;
  private escaped = false;
  /** The string holds an escape (then decoded as JSON). */
  private hasEscape = false;
  private stringIsKey = false;
  /** The string is kept: wanted, and not longer than `keptMax` bytes so far. */
  private keeping = false;
  private keptMax = 0;
  private keptLength = 0;
  /** Pieces of a kept string from earlier chunks. */
  private pieces: Buffer[] = [];
  private overlong = false;

  feed(chunk: Uint8Array): void {
    if (this.done) return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = Math.min(bytes.length, SCAN_LIMIT - this.scanned);
    // Where the kept string being read starts in this chunk.
    let from = 0;
    let i = 0;
    for (; i < end && !this.done; i++) {
      const b = bytes[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = this.hasEscape = true;
        else if (b === QUOTE) {
          this.stringEnd(this.keeping ? this.take(bytes, from, i) : undefined);
          continue;
        }
        if (this.keeping && ++this.keptLength > this.keptMax) {
          this.keeping = false;
          this.overlong = true;
          this.pieces = [];
        }
        continue;
      }
      if (b === QUOTE) {
        this.stringStart();
        from = i + 1;
      } else this.structural(b);
    }
    // A kept string runs on into the next chunk.
    if (this.inString && this.keeping) this.pieces.push(Buffer.from(bytes.subarray(from, i)));
    this.scanned += end;
    if (this.scanned >= SCAN_LIMIT) this.done = true;
  }

  /** The call, once the method is known. */
  result(): McpCall | undefined {
    if (this.method === undefined) return undefined;
    const p = PRIMITIVES.get(this.method);
    if (p === undefined) return { method: this.method, primitiveType: '', primitiveName: '' };
    return { method: this.method, primitiveType: p.type, primitiveName: (p.field === 'name' ? this.name : this.uri) ?? '' };
  }

  /** The kept string's text, its last piece being bytes[from, to); undefined when it is not a valid JSON string. */
  private take(bytes: Buffer, from: number, to: number): string | undefined {
    const raw = this.pieces.length === 0 ? bytes.toString('utf8', from, to) : Buffer.concat([...this.pieces, bytes.subarray(from, to)]).toString('utf8');
    this.pieces = [];
    if (!this.hasEscape) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return undefined;
    }
  }

  private structural(b: number): void {
    switch (b) {
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        return;
      case 0x7b: // {
      case 0x5b: // [
        return this.open(b === 0x7b);
      case 0x7d: // }
      case 0x5d: // ]
        this.depth -= 1;
        if (this.depth <= 0) this.done = true;
        else if (this.depth === 1) this.key2 = undefined;
        return;
      case 0x3a: // :
        this.wantKey[this.depth] = false;
        return;
      case 0x2c: // ,
        if (this.objects[this.depth] === true) {
          this.wantKey[this.depth] = true;
          if (this.depth === 1) this.key1 = undefined;
          else if (this.depth === 2) this.key2 = undefined;
        }
        return;
      default:
        // A number, true, false or null; at the top level, not an object at all.
        if (this.depth === 0) this.done = true;
    }
  }

  private open(object: boolean): void {
    if (this.depth === 0 && !object) {
      // A batch: MCP's current revision has none; nothing is recorded.
      this.done = true;
      return;
    }
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      this.done = true;
      return;
    }
    this.objects[this.depth] = object;
    this.wantKey[this.depth] = object;
  }

  private stringStart(): void {
    if (this.depth === 0) {
      this.done = true;
      return;
    }
    this.inString = true;
    this.overlong = false;
    this.hasEscape = false;
    const d = this.depth;
    this.stringIsKey = this.objects[d] === true && this.wantKey[d] === true;
    let max = 0;
    if (this.stringIsKey) max = d <= 2 ? MAX_KEY : 0;
    else if (d === 1 && this.key1 === 'method') max = MAX_METHOD;
    else if (d === 2 && this.key1 === 'params' && this.objects[2] === true && (this.key2 === 'name' || this.key2 === 'uri')) max = MAX_NAME;
    this.keptMax = max;
    this.keptLength = 0;
    this.keeping = max > 0;
  }

  private stringEnd(text: string | undefined): void {
    this.inString = false;
    this.keeping = false;
    const d = this.depth;
    if (this.stringIsKey) {
      if (d === 1) this.key1 = text;
      else if (d === 2) this.key2 = text;
      return;
    }
    if (d === 1 && this.key1 === 'method') this.method ??= this.overlong ? '' : text;
    else if (d === 2 && this.key1 === 'params' && this.objects[2] === true) {
      const value = this.overlong ? '' : text;
      if (this.key2 === 'name') this.name ??= value;
      else if (this.key2 === 'uri') this.uri ??= value;
    }
    this.checkDone();
  }

  private checkDone(): void {
    if (this.method === undefined) return;
    const p = PRIMITIVES.get(this.method);
    if (p === undefined || (p.field === 'name' ? this.name : this.uri) !== undefined) this.done = true;
  }
}

interface Observation {
  head: JsonRpcHead;
  settled: boolean;
  /** A record waiting for the scan to end (a refusal answered before the body came). */
  waiting: (() => void) | undefined;
}

const observed = new WeakMap<IncomingMessage, Observation>();

/**
 * Starts reading an MCP request's body as it passes. The request is left
 * paused: its consumer (the forwarder) resumes it, and every chunk it reads
 * goes past the scanner first.
 */
export function observeMcpBody(req: IncomingMessage): void {
  const o: Observation = { head: new JsonRpcHead(), settled: false, waiting: undefined };
  observed.set(req, o);
  const settle = () => {
    if (o.settled) return;
    o.settled = true;
    req.off('data', onData);
    req.off('end', settle);
    req.off('close', settle);
    const waiting = o.waiting;
    o.waiting = undefined;
    waiting?.();
  };
  const onData = (chunk: Buffer) => {
    o.head.feed(chunk);
    if (o.head.done) settle();
  };
  req.on('data', onData);
  req.pause();
  req.once('end', settle);
  req.once('close', settle);
}

/**
 * Hands `record` to `push` with the request's MCP call filled in. A request
 * refused before its body was read is resumed (its body then drains past the
 * scanner) and recorded once the scan ends; the answer does not wait for it.
 */
export function recordMcp(req: IncomingMessage, record: AnalyticsRecord, push: (r: AnalyticsRecord) => void): void {
  const o = observed.get(req);
  if (o === undefined) return push(record);
  const complete = () => {
    const call = o.head.result();
    if (call !== undefined) {
      record.mcp_method = call.method;
      record.mcp_primitive_type = call.primitiveType;
      record.mcp_primitive_name = call.primitiveName;
    }
    push(record);
  };
  if (o.settled) return complete();
  o.waiting = complete;
  req.resume();
}
