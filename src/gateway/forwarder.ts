/** HTTP forwarding: one undici pool per upstream origin, bodies streamed both ways. */
import { Pool } from 'undici';
import { errorBody, type Exchange } from './exchange.js';
import { relayedHeaders } from './headers.js';
import type { GatewayMetrics } from './metrics.js';
import { innerPath, timeoutFor, upstreamPath } from './routing.js';

export const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

export interface ForwarderDeps {
  defaultTimeout: number;
  metrics: GatewayMetrics;
  /** Counts and records a finished exchange. */
  record(x: Exchange, status: number): void;
  /** Answers the client with a gateway error (and records it). */
  reject(x: Exchange, status: number, body: string): void;
}

export interface Forwarder {
  forward(x: Exchange): void;
  close(): Promise<void>;
}

const noop = () => {};

export function forwarder(deps: ForwarderDeps): Forwarder {
  const { defaultTimeout, metrics, record, reject } = deps;
  const pools = new Map<string, Pool>();

  function poolFor(origin: string): Pool {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        keepAliveTimeout: 60_000,
        connect: { timeout: Math.min(defaultTimeout, 10_000) },
      });
      pools.set(origin, pool);
    }
    return pool;
  }

  /**
   * One request's way upstream and its answer's way back, as an undici dispatch
   * handler: the response's raw headers become `writeHead`'s flat list, body
   * chunks go straight to the client's response (pausing undici while it is
   * full). Unlike `Pool.stream` it builds no header object, no Writable
   * bookkeeping (`finished` with its half-dozen listeners) and no async
   * resource per request.
   *
   * Once finished it lets go of the exchange and of undici's callbacks.
   * While a finished handler held them, every request's whole graph (its
   * IncomingMessage, its ServerResponse, undici's Request) outlived the next
   * young-generation collections: each scavenge copied and promoted 14 times
   * the bytes it did for (b), and took 4.6 ms instead of 1. What kept the
   * finished handlers reachable was not found: a heap snapshot, which collects
   * first, holds none of them, so they were reached from old-generation garbage
   * (docs/benchmarks.md, "Finished requests let go").
   */
  class Relay {
    private x: Exchange | null;
    private abort: ((err?: Error) => void) | null = null;
    private onClose: (() => void) | null = null;
    private resume: () => void = noop;

    constructor(x: Exchange) {
      this.x = x;
    }

    onConnect(abort: (err?: Error) => void): void {
      this.abort = abort;
    }

    onHeaders(statusCode: number, raw: Buffer[], resume: () => void): boolean {
      const x = this.x;
      if (x === null) return false;
      // 1xx (e.g. 100 Continue to a request with a body): Node's server answers those itself.
      if (statusCode < 200) return true;
      x.upstreamMs = performance.now() - x.upstreamStart;
      metrics.upstream(x.upstreamMs);
      const res = x.res;
      if (res.destroyed) {
        this.clientGone(x);
        return false;
      }
      const out: (string | number)[] = relayedHeaders(raw);
      if (x.rate !== undefined && x.rateLimit > 0) {
        out.push('x-ratelimit-limit', x.rateLimit, 'x-ratelimit-remaining', x.rate.rateRemaining, 'x-ratelimit-reset', Math.ceil(Date.now() / 1000) + x.rate.rateReset);
      }
      res.writeHead(statusCode, out as string[]);
      x.status = statusCode;
      // A client that goes away mid-body: the upstream request is cancelled.
      this.onClose = () => {
        if (this.x !== null) this.clientGone(this.x);
      };
      res.once('close', this.onClose);
      this.resume = resume;
      return this.flowing(res, !res.writableNeedDrain);
    }

    onData(chunk: Buffer): boolean {
      const x = this.x;
      if (x === null) return false;
      return this.flowing(x.res, x.res.write(chunk));
    }

    /** undici pauses reading the upstream while the client's side is full, until it drains. */
    private flowing(res: Exchange['res'], ok: boolean): boolean {
      if (!ok) res.once('drain', this.resume);
      return ok;
    }

    onComplete(): void {
      const x = this.x;
      if (x === null) return;
      this.finish(x);
      x.res.end();
      record(x, x.status);
    }

    onError(err: Error): void {
      const x = this.x;
      if (x === null) return;
      this.finish(x);
      if (x.upstreamMs === 0) x.upstreamMs = performance.now() - x.upstreamStart;
      if (x.res.headersSent || x.res.destroyed) {
        // Mid-body: all the client can be told is that the response is cut short.
        record(x, x.res.headersSent ? x.res.statusCode : 499);
        x.res.destroy();
        return;
      }
      const code = (err as { code?: string }).code ?? '';
      if (TIMEOUT_CODES.has(code)) return reject(x, 504, errorBody('Upstream service reached hard timeout'));
      reject(x, 502, errorBody('There was a problem proxying the request'));
    }

    private clientGone(x: Exchange): void {
      const abort = this.abort;
      this.finish(x);
      record(x, x.res.headersSent ? x.res.statusCode : 499);
      x.res.destroy();
      abort?.(new Error('the client closed the connection'));
    }

    /** Recorded (or about to be answered with a gateway error): nothing more is done, and nothing is held. */
    private finish(x: Exchange): void {
      if (this.onClose !== null) x.res.off('close', this.onClose);
      this.x = null;
      this.abort = null;
      this.onClose = null;
      this.resume = noop;
    }
  }

  function forward(x: Exchange): void {
    const api = x.api;
    const timeout = api.timeouts.length === 0 ? defaultTimeout : timeoutFor(api, x.method, innerPath(api, x.pathname), defaultTimeout);
    x.upstreamStart = performance.now();
    const relay = new Relay(x);
    try {
      poolFor(api.origin).dispatch(
        {
          origin: api.origin,
          path: upstreamPath(api, x.pathname, x.search),
          method: x.method as 'GET',
          headers: x.headers,
          body: x.hasBody ? x.req : null,
          headersTimeout: timeout,
          bodyTimeout: timeout,
        },
        relay,
      );
    } catch (err) {
      // Arguments undici refuses (it reports most problems through onError instead).
      relay.onError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  return {
    forward,
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close().catch(() => {})));
    },
  };
}
