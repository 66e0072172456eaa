/** HTTP forwarding: one undici pool per upstream origin, bodies streamed both ways. */
import type { ServerResponse } from 'node:http';
import { Pool } from 'undici';
import { errorBody, type Exchange } from './exchange.js';
import { responseHeaders } from './headers.js';
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

  function respond({ statusCode, headers, opaque }: { statusCode: number; headers: Record<string, string | string[] | undefined>; opaque: Exchange }): ServerResponse {
    const x = opaque;
    x.upstreamMs = performance.now() - x.upstreamStart;
    metrics.upstream(x.upstreamMs);
    const out = responseHeaders(headers);
    if (x.rate !== undefined && x.rateLimit > 0) {
      out['x-ratelimit-limit'] = x.rateLimit;
      out['x-ratelimit-remaining'] = x.rate.rateRemaining;
      out['x-ratelimit-reset'] = Math.ceil(Date.now() / 1000) + x.rate.rateReset;
    }
    x.res.writeHead(statusCode, out);
    x.status = statusCode;
    return x.res;
  }

  function finished(x: Exchange, err: Error | null): void {
    if (!err) {
      record(x, x.status);
      return;
    }
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

  function forward(x: Exchange): void {
    const api = x.api;
    const timeout = api.timeouts.length === 0 ? defaultTimeout : timeoutFor(api, x.method, innerPath(api, x.pathname), defaultTimeout);
    x.upstreamStart = performance.now();
    poolFor(api.origin).stream(
      {
        path: upstreamPath(api, x.pathname, x.search),
        method: x.method as 'GET',
        headers: x.headers,
        body: x.hasBody ? x.req : null,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        opaque: x,
      },
      respond,
      (err) => finished(x, err),
    );
  }

  return {
    forward,
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close().catch(() => {})));
    },
  };
}
