import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { Redis } from 'ioredis';
import { Pool } from 'undici';
import type { AnalyticsRecord } from '../analytics/analytics.repository.js';
import type { Config } from '../config.js';
import { openStore, type Store } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { hashSecret } from '../identity/tokens.js';
import { analyticsBuffer, type AnalyticsBuffer } from './analytics-buffer.js';
import { memoryCounters, redisCounters, type Counters, type Outcome } from './counters.js';
import { consoleLogger, type GatewayLogger } from './logger.js';
import { GatewayMetrics } from './metrics.js';
import { connectRedis, subscribeToChanges } from './redis.js';
import { allows, type ResolvedKey } from './resolved-key.js';
import { innerPath, timeoutFor, upstreamPath, type GatewayApi } from './routing.js';
import { GatewayState } from './state.js';

export interface GatewayOptions {
  config: Config;
  /** The control plane's store, when the gateway runs in its process; otherwise one is opened from config.databaseUrl. */
  store?: Store;
  log?: GatewayLogger;
  /** Overrides config.gatewayPort / gatewayHost. */
  port?: number;
  host?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Look at the change counter now (the control plane calls this after its writes). */
  poke(): void;
  /** Stops accepting, finishes in-flight requests, writes buffered analytics, closes what it opened. */
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
/** Request headers the gateway sets itself or cannot pass on. */
const REPLACED = new Set(['host', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'expect']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const JSON_TYPE = 'application/json';

/** One request on its way through the gateway. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  api: GatewayApi;
  method: string;
  pathname: string;
  search: string;
  start: number;
  upstreamStart: number;
  upstreamMs: number;
  ip: string;
  /** Key hash for analytics ('' keyless or unknown). */
  keyHash: string;
  /** Forwardable request headers, flat [name, value, …]. */
  headers: string[];
  credential: string | undefined;
  hasBody: boolean;
  contentLength: number;
  host: string;
  forwardedFor: string | undefined;
  forwardedHost: string | undefined;
  forwardedProto: string | undefined;
  connectionTokens: string | undefined;
  rate: Outcome | undefined;
  rateLimit: number;
  /** Upstream status, once known. */
  status: number;
  /** What happens once the request is admitted: HTTP forwarding, or an upgrade tunnel. */
  next: (x: Exchange) => void;
}

function errorBody(message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ error: message, ...extra });
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const log = options.log ?? consoleLogger(config.logLevel);
  const ownsStore = options.store === undefined;
  let store: Store;
  if (options.store) {
    store = options.store;
  } else {
    store = openStore(config.databaseUrl);
    try {
      await migrateToLatest(store.db);
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  const opened: { redis?: Redis; sub?: Redis } = {};
  const state = new GatewayState(store.db, log);
  const metrics = new GatewayMetrics();
  const analytics: AnalyticsBuffer = analyticsBuffer(store, { databaseUrl: config.databaseUrl, max: config.gatewayAnalyticsBuffer, flushMs: config.gatewayAnalyticsFlushMs, log });
  const local = memoryCounters();
  let counters: Counters = local;
  const pools = new Map<string, Pool>();

  async function cleanup(): Promise<void> {
    state.stop();
    await analytics.close().catch(() => {});
    await Promise.all([...pools.values()].map((p) => p.close().catch(() => {})));
    await local.close();
    if (opened.sub) await opened.sub.quit().catch(() => opened.sub?.disconnect());
    if (opened.redis) await opened.redis.quit().catch(() => opened.redis?.disconnect());
    if (ownsStore) await store.close();
  }

  try {
    if (config.redisUrl) {
      opened.redis = await connectRedis(config.redisUrl, log, 'portcullis-gateway');
      counters = redisCounters(opened.redis, config.redisPrefix);
      opened.sub = await subscribeToChanges(config.redisUrl, config.redisPrefix, log, () => void state.poke());
    }
    await state.start(config.gatewayPollMs);
  } catch (err) {
    await cleanup();
    throw err;
  }

  let redisFailing = false;
  const defaultTimeout = config.gatewayUpstreamTimeoutMs;

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

  // Many requests share a millisecond under load: format its timestamp once.
  let stampMs = 0;
  let stamp = '';
  function timestamp(): string {
    const now = Date.now();
    if (now !== stampMs) {
      stampMs = now;
      stamp = new Date(now).toISOString();
    }
    return stamp;
  }

  function record(x: Exchange, status: number): void {
    metrics.count(status);
    const r: AnalyticsRecord = {
      timestamp: timestamp(),
      api_id: x.api.apiId,
      method: x.method,
      path: x.pathname,
      response_code: status,
      request_time: Math.round(performance.now() - x.start),
      upstream_time: Math.round(x.upstreamMs),
      api_key: x.keyHash,
      ip_address: x.ip,
      content_length: x.contentLength,
    };
    analytics.push(r);
  }

  function reject(x: Exchange, status: number, body: string, headers: Record<string, string | number> = {}): void {
    record(x, status);
    if (x.res.destroyed) return;
    x.res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), ...headers });
    x.res.end(body);
  }

  function plain(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  /** Reads the request's headers once: what to forward, and what the gateway itself needs. */
  function readHeaders(x: Exchange): void {
    const raw = x.req.rawHeaders;
    const out = x.headers;
    const authHeader = x.api.authHeader;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      const value = raw[i + 1]!;
      const lower = name.toLowerCase();
      if (lower === authHeader) {
        x.credential ??= value;
        if (x.api.stripAuth) continue;
      }
      if (HOP_BY_HOP.has(lower)) {
        if (lower === 'transfer-encoding') x.hasBody = true;
        else if (lower === 'connection') x.connectionTokens = value;
        continue;
      }
      if (REPLACED.has(lower)) {
        if (lower === 'host') x.host = value;
        else if (lower === 'x-forwarded-for') x.forwardedFor = x.forwardedFor === undefined ? value : `${x.forwardedFor}, ${value}`;
        else if (lower === 'x-forwarded-host') x.forwardedHost ??= value;
        else if (lower === 'x-forwarded-proto') x.forwardedProto ??= value;
        continue;
      }
      if (lower === 'content-length') {
        x.contentLength = Number(value) || 0;
        if (x.contentLength > 0) x.hasBody = true;
      }
      out.push(name, value);
    }
    if (x.connectionTokens !== undefined) dropConnectionTokens(x);
    x.headers.push(
      'x-forwarded-for',
      x.forwardedFor === undefined ? x.ip : `${x.forwardedFor}, ${x.ip}`,
      'x-forwarded-host',
      x.forwardedHost ?? x.host,
      'x-forwarded-proto',
      x.forwardedProto ?? 'http',
    );
  }

  /** Headers named in Connection are hop-by-hop too (RFC 9110 §7.6.1). */
  function dropConnectionTokens(x: Exchange): void {
    const named = new Set(
      x.connectionTokens!.split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== '' && t !== 'close' && t !== 'keep-alive' && t !== 'upgrade'),
    );
    if (named.size === 0) return;
    const kept: string[] = [];
    for (let i = 0; i < x.headers.length; i += 2) if (!named.has(x.headers[i]!.toLowerCase())) kept.push(x.headers[i]!, x.headers[i + 1]!);
    x.headers = kept;
  }

  /** The key from the query string, when the API takes one there; removed from what is forwarded if asked. */
  function credentialFromQuery(x: Exchange): string | undefined {
    const param = x.api.queryParam;
    if (param === undefined || x.search === '') return undefined;
    const params = new URLSearchParams(x.search.slice(1));
    const value = params.get(param) ?? undefined;
    if (value !== undefined && x.api.stripAuth) {
      params.delete(param);
      const rest = params.toString();
      x.search = rest === '' ? '' : `?${rest}`;
    }
    return value;
  }

  function withKey(x: Exchange, key: ResolvedKey | null): void {
    if (key === null) return reject(x, 403, errorBody('Key not authorised'));
    x.keyHash = key.hash;
    if (key.refusal !== null) return reject(x, 403, errorBody(key.refusal));
    if (key.expires > 0 && Date.now() / 1000 >= key.expires) return reject(x, 403, errorBody('Key has expired, please renew'));
    const rights = key.rights.get(x.api.apiId);
    if (!rights) return reject(x, 403, errorBody('Access to this API has been disallowed'));
    if (!allows(rights, x.method, innerPath(x.api, x.pathname))) return reject(x, 403, errorBody('Access to this resource has been disallowed'));
    const limits = rights.limit ?? key.limits;
    const rated = limits.rate > 0 && limits.per > 0;
    if (!rated && !(limits.quota_max > 0)) return x.next(x);
    x.rateLimit = rated ? limits.rate : 0;
    const bucket = rights.limit ? `${key.hash}:${x.api.apiId}` : key.hash;
    let outcome: Outcome | Promise<Outcome>;
    try {
      outcome = counters.hit(bucket, limits);
    } catch (err) {
      return fail(x, err);
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (o) => {
          if (redisFailing) log.info({}, 'gateway: Redis counters answer again');
          redisFailing = false;
          limited(x, o);
        },
        (err: unknown) => {
          // Redis away: count in this process rather than refuse or wave everything through.
          if (!redisFailing) log.warn({ err }, 'gateway: Redis counters unavailable; counting in memory until it is back');
          redisFailing = true;
          limited(x, local.hit(bucket, limits) as Outcome);
        },
      );
    } else {
      limited(x, outcome);
    }
  }

  function limited(x: Exchange, o: Outcome): void {
    if (o.verdict === 1) {
      const reset = Math.ceil(Date.now() / 1000) + o.rateReset;
      return reject(x, 429, errorBody('API Rate limit exceeded', { retry_after: o.retryAfter }), {
        'retry-after': o.retryAfter,
        'x-ratelimit-limit': x.rateLimit,
        'x-ratelimit-remaining': 0,
        'x-ratelimit-reset': reset,
      });
    }
    if (o.verdict === 2) {
      const renews = o.quotaRenews > 0 ? new Date(o.quotaRenews * 1000).toISOString() : null;
      const headers: Record<string, string | number> = {};
      if (renews !== null) {
        headers['retry-after'] = o.retryAfter;
        headers['x-quota-renews'] = o.quotaRenews;
      }
      return reject(x, 403, errorBody(renews ? `Quota exceeded; it renews at ${renews}` : 'Quota exceeded', { quota_renews: renews }), headers);
    }
    x.rate = o;
    x.next(x);
  }

  function fail(x: Exchange, err: unknown): void {
    log.error({ err }, 'gateway: cannot check the request');
    reject(x, 503, errorBody('The gateway cannot check this request now'));
  }

  function forward(x: Exchange): void {
    const api = x.api;
    const pool = poolFor(api.origin);
    const timeout = api.timeouts.length === 0 ? defaultTimeout : timeoutFor(api, x.method, innerPath(api, x.pathname), defaultTimeout);
    x.upstreamStart = performance.now();
    pool.stream(
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

  function respond({ statusCode, headers, opaque }: { statusCode: number; headers: Record<string, string | string[] | undefined>; opaque: Exchange }): ServerResponse {
    const x = opaque;
    x.upstreamMs = performance.now() - x.upstreamStart;
    metrics.upstream(x.upstreamMs);
    const out: Record<string, string | string[] | number> = {};
    const connection = headers.connection;
    for (const name in headers) {
      const value = headers[name];
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      out[name] = value;
    }
    if (typeof connection === 'string' && connection !== 'keep-alive' && connection !== 'close') {
      for (const t of connection.split(',')) delete out[t.trim().toLowerCase()];
    }
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

  function exchangeFor(req: IncomingMessage, res: ServerResponse, api: GatewayApi, pathname: string, search: string, start: number): Exchange {
    return {
      req,
      res,
      api,
      method: req.method ?? 'GET',
      pathname,
      search,
      start,
      upstreamStart: 0,
      upstreamMs: 0,
      ip: req.socket.remoteAddress ?? '',
      keyHash: '',
      headers: [],
      credential: undefined,
      hasBody: false,
      contentLength: 0,
      host: '',
      forwardedFor: undefined,
      forwardedHost: undefined,
      forwardedProto: undefined,
      connectionTokens: undefined,
      rate: undefined,
      rateLimit: 0,
      status: 0,
      next: forward,
    };
  }

  /** Everything before forwarding: credential, key, rights, limits. Calls `x.next` once the request may pass. */
  function admit(x: Exchange): void {
    readHeaders(x);
    if (x.api.keyless) return x.next(x);
    let credential = x.credential;
    if (credential !== undefined && credential.length > 7 && credential.slice(0, 7).toLowerCase() === 'bearer ') credential = credential.slice(7).trim();
    if (credential === undefined || credential === '') credential = credentialFromQuery(x);
    if (credential === undefined || credential === '') return reject(x, 401, errorBody('Authorization field missing'));
    const hash = hashSecret(credential);
    const cached = state.keys.get(hash);
    if (cached !== undefined) return withKey(x, cached);
    state.resolve(hash).then(
      (key) => withKey(x, key),
      (err: unknown) => fail(x, err),
    );
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const start = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (pathname === '/gateway/health') {
      void health(res);
      return;
    }
    if (pathname === '/metrics') {
      const body = metrics.render({
        analyticsDropped: analytics.dropped,
        analyticsBuffered: analytics.buffered,
        analyticsWritten: analytics.written,
        apis: state.routes.size,
        cachedKeys: state.keys.size,
      });
      return plain(res, 200, 'text/plain; version=0.0.4; charset=utf-8', body);
    }
    const api = state.routes.match(pathname);
    if (!api) return plain(res, 404, JSON_TYPE, errorBody('No API listens on this path'));
    admit(exchangeFor(req, res, api, pathname, q < 0 ? '' : url.slice(q), start));
  }

  async function health(res: ServerResponse): Promise<void> {
    const db = await store.ping();
    const redis = opened.redis ? opened.redis.status === 'ready' : undefined;
    const ok = db && redis !== false;
    plain(
      res,
      ok ? 200 : 503,
      JSON_TYPE,
      JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: db ? 'ok' : 'unavailable', ...(redis === undefined ? {} : { redis: redis ? 'ok' : 'unavailable' }), apis: state.routes.size }),
    );
  }

  /** WebSocket (and other) upgrades: the same checks, then a byte tunnel to the upstream. */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const start = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    const api = state.routes.match(pathname);
    const refuse = (status: number, body: string, headers: Record<string, string | number> = {}) => {
      const lines = [`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : status === 429 ? 'Too Many Requests' : status === 504 ? 'Gateway Timeout' : status === 502 ? 'Bad Gateway' : 'Forbidden'}`];
      for (const [k, v] of Object.entries({ 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), connection: 'close', ...headers })) lines.push(`${k}: ${v}`);
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
    };
    socket.on('error', () => socket.destroy());
    if (!api) return refuse(404, errorBody('No API listens on this path'));
    // A ServerResponse stand-in that writes the refusal onto the raw socket.
    let status = 500;
    let headers: Record<string, string | number> = {};
    const stand = {
      destroyed: false,
      headersSent: false,
      writeHead(s: number, h: Record<string, string | number>) {
        status = s;
        headers = h;
        return stand;
      },
      end(body: string) {
        refuse(status, body, headers);
      },
      destroy() {
        socket.destroy();
      },
    };
    const res = stand as unknown as ServerResponse;
    const x = exchangeFor(req, res, api, pathname, q < 0 ? '' : url.slice(q), start);
    x.next = (admitted) => tunnel(admitted, socket, head);
    admit(x);
  }

  function tunnel(x: Exchange, socket: Duplex, head: Buffer): void {
    const target = new URL(x.api.origin);
    const secure = target.protocol === 'https:';
    const port = Number(target.port) || (secure ? 443 : 80);
    x.upstreamStart = performance.now();
    const upstream: Socket = secure ? tlsConnect({ host: target.hostname, port, servername: target.hostname }) : netConnect({ host: target.hostname, port });
    let connected = false;
    upstream.setTimeout(defaultTimeout, () => {
      if (!connected) upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    });
    upstream.once(secure ? 'secureConnect' : 'connect', () => {
      connected = true;
      upstream.setTimeout(0);
      x.upstreamMs = performance.now() - x.upstreamStart;
      const lines = [`${x.method} ${upstreamPath(x.api, x.pathname, x.search)} HTTP/1.1`, `host: ${target.host}`, 'connection: Upgrade'];
      const kind = x.req.headers.upgrade;
      if (kind) lines.push(`upgrade: ${kind}`);
      for (let i = 0; i < x.headers.length; i += 2) lines.push(`${x.headers[i]}: ${x.headers[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
      record(x, 101);
    });
    upstream.on('error', (err) => {
      if (connected) {
        socket.destroy();
        return;
      }
      const code = (err as { code?: string }).code ?? '';
      const status = TIMEOUT_CODES.has(code) ? 504 : 502;
      reject(x, status, errorBody(status === 504 ? 'Upstream service reached hard timeout' : 'There was a problem proxying the request'));
    });
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  }

  const server: Server = createServer({ keepAliveTimeout: 65_000 }, handle);
  server.headersTimeout = 70_000;
  server.on('upgrade', upgrade);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  const host = options.host ?? config.gatewayHost;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? config.gatewayPort, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    poke() {
      void state.poke();
    },
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          // In-flight requests finish; a client that keeps a connection busy longer is cut off.
          const force = setTimeout(() => server.closeAllConnections(), 10_000);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          server.closeIdleConnections();
        });
        await cleanup();
      })();
      return stopping;
    },
  };
}
