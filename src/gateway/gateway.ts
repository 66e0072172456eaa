import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Redis } from 'ioredis';
import type { AnalyticsRecord } from '../analytics/analytics.repository.js';
import type { Config } from '../config.js';
import { openStore, type Store } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { hashSecret } from '../identity/tokens.js';
import type { Limits } from '../keys/limits.js';
import { admitKey, bucketOf, ENDPOINT_FORBIDDEN, isRefusal, limitRefusal, limitsOf, MISSING_CREDENTIAL, UNKNOWN_KEY, type Refusal } from './admission.js';
import { analyticsBuffer, type AnalyticsBuffer } from './analytics-buffer.js';
import { counterMetricLines, memoryCounters, redisCounters, type Counters, type Outcome, type QuotaLeft } from './counters.js';
import { endpointVerdict, type MockReply } from './endpoint-lists.js';
import { credentialFromCookie, credentialFromHeader, credentialFromQuery, withoutCookie } from './credential.js';
import { errorBody, JSON_TYPE, type Exchange } from './exchange.js';
import { forwarder } from './forwarder.js';
import { readRequestHeaders } from './headers.js';
import { consoleLogger, type GatewayLogger } from './logger.js';
import { observeMcpBody, recordMcp } from './mcp.js';
import { isJwtRefusal, JwksCache, policiesForToken, verifyJwt, type JwtClaims } from './jwt.js';
import type { JwtConfig } from './jwt-config.js';
import { GatewayMetrics } from './metrics.js';
import { normalizePath } from './path.js';
import { closeRedis, connectRedis, subscribeToChanges } from './redis.js';
import type { ResolvedKey } from './resolved-key.js';
import { innerPath, timeoutFor, upstreamPath, type GatewayApi, type RouteTable } from './routing.js';
import { GatewayState, sessionRef } from './state.js';
import { policyRef } from '../policies/policy-ids.js';
import { Tunnels } from './tunnels.js';
import { handshake, handshakeProblem, writeAndClose } from './websocket.js';

/** What the gateway answers itself, before any API is involved. */
interface Answer {
  status: number;
  body: string;
}

const NO_API: Answer = { status: 404, body: errorBody('No API listens on this path') };
const JWT_UNUSABLE: Refusal = { status: 403, body: errorBody('Key not authorized: the API\'s JWT settings cannot be used'), headers: {} };
const CLIMBS: Answer = { status: 400, body: errorBody('Invalid request path: it climbs above the listen path') };

function jwksUrls(routes: RouteTable): Set<string> {
  const urls = new Set<string>();
  for (const api of routes.all()) if (api.jwt !== null && api.jwt !== 'invalid') urls.add(api.jwt.jwksUrl);
  return urls;
}

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
  /** The quota left in a counter bucket (the control plane shows it on a key). */
  quota(bucket: string, limits: Limits): QuotaLeft | Promise<QuotaLeft>;
  /** Stops accepting, finishes in-flight requests, writes buffered analytics, closes what it opened. */
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const log = options.log ?? consoleLogger(config);
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
  metrics.watchRuntime();
  const analytics: AnalyticsBuffer = analyticsBuffer(store, { databaseUrl: config.databaseUrl, max: config.gatewayAnalyticsBuffer, flushMs: config.gatewayAnalyticsFlushMs, log });
  const local = memoryCounters();
  let counters: Counters = local;
  const tunnels = new Tunnels();
  const jwks = new JwksCache();
  const defaultTimeout = config.gatewayUpstreamTimeoutMs;
  const http = forwarder({ defaultTimeout, metrics, record, reject });

  async function cleanup(): Promise<void> {
    state.stop();
    metrics.stop();
    tunnels.closeAll();
    await analytics.close().catch(() => {});
    await http.close();
    await local.close();
    if (counters !== local) await counters.close();
    if (opened.sub) await closeRedis(opened.sub);
    if (opened.redis) await closeRedis(opened.redis);
    if (ownsStore) await store.close();
  }

  try {
    if (config.redisUrl) {
      opened.redis = await connectRedis(config.redisUrl, log, 'portcullis-gateway');
      counters = redisCounters(opened.redis, config.redisPrefix, { timeoutMs: config.gatewayRedisTimeoutMs, log });
      opened.sub = await subscribeToChanges(config.redisUrl, config.redisPrefix, log, () => void state.poke());
    }
    state.onReload = () => {
      jwks.retain(jwksUrls(state.routes));
      void recheckTunnels(state.routes);
    };
    await state.start(config.gatewayPollMs);
  } catch (err) {
    await cleanup();
    throw err;
  }

  /** A configuration change may withdraw what an open tunnel was admitted with. */
  async function recheckTunnels(routes: RouteTable): Promise<void> {
    if (tunnels.size === 0) return;
    try {
      await tunnels.recheck(routes, (ref) => state.resolveAdmitted(ref), () => Date.now() / 1000);
    } catch (err) {
      log.warn({ err }, 'gateway: cannot check the open WebSocket tunnels again');
    }
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
    if (!x.api.track) return;
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
      oauth_id: x.oauthId,
    };
    if (x.api.mcp) return recordMcp(x.req, r, pushRecord);
    analytics.push(r);
  }

  function pushRecord(r: AnalyticsRecord): void {
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

  function refuse(x: Exchange, r: Refusal): void {
    reject(x, r.status, r.body, r.headers);
  }

  function withKey(x: Exchange, key: ResolvedKey | null): void {
    if (key === null) return refuse(x, UNKNOWN_KEY);
    x.keyHash = key.hash;
    const rights = admitKey(key, x.api.apiId, x.method, innerPath(x.api, x.pathname), Date.now() / 1000);
    if (isRefusal(rights)) return refuse(x, rights);
    const limits = limitsOf(key, rights);
    const rated = limits.rate > 0 && limits.per > 0;
    if (!rated && !(limits.quota_max > 0)) return x.next(x);
    x.rateLimit = rated ? limits.rate : 0;
    const bucket = bucketOf(key, rights, x.api.apiId);
    let outcome: Outcome | Promise<Outcome>;
    try {
      // Redis counters never hang and never reject: while Redis is away they count in memory (counters.ts).
      outcome = counters.hit(bucket, limits);
    } catch (err) {
      return fail(x, err);
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (o) => limited(x, o),
        (err: unknown) => fail(x, err),
      );
    } else {
      limited(x, outcome);
    }
  }

  function limited(x: Exchange, o: Outcome): void {
    const r = limitRefusal(o, x.rateLimit, Date.now());
    if (r !== null) return refuse(x, r);
    x.rate = o;
    x.next(x);
  }

  function fail(x: Exchange, err: unknown): void {
    log.error({ err }, 'gateway: cannot check the request');
    reject(x, 503, errorBody('The gateway cannot check this request now'));
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
      session: '',
      oauthId: '',
      headers: [],
      credential: undefined,
      hasBody: false,
      contentLength: 0,
      rate: undefined,
      rateLimit: 0,
      status: 0,
      next: http.forward,
    };
  }

  /** Everything before forwarding: credential, key, rights, limits. Calls `x.next` once the request may pass. */
  function admit(x: Exchange): void {
    const api = x.api;
    readRequestHeaders(x.req.rawHeaders, api.authHeader, api.stripAuth, x.ip, x);
    if (api.mcp && api.track && x.hasBody) observeMcpBody(x.req);
    if (api.lists !== null) {
      // Tyk checks its endpoint lists before the key: a black-listed path is refused, an ignored one needs none.
      const verdict = endpointVerdict(api.lists, x.method, innerPath(api, x.pathname));
      if (verdict.status === 'forbidden') return refuse(x, ENDPOINT_FORBIDDEN);
      const reply = verdict.reply;
      if (reply !== undefined) x.next = (admitted) => mock(admitted, reply);
      if (verdict.status === 'ignored') return x.next(x);
    }
    if (api.keyless) return x.next(x);
    if (api.jwt !== null) return withJwt(x, api.jwt);
    const credential = credentialOf(x);
    if (credential === undefined) return refuse(x, MISSING_CREDENTIAL);
    const hash = hashOf(credential);
    const cached = state.keys.get(hash);
    if (cached !== undefined) return withKey(x, cached);
    state.resolve(hash).then(
      (key) => withKey(x, key),
      (err: unknown) => fail(x, err),
    );
  }

  /** The credential the request carries where its API takes it: header, else query parameter, else cookie. */
  function credentialOf(x: Exchange): string | undefined {
    const api = x.api;
    let credential = credentialFromHeader(x.credential);
    if (credential === undefined && api.queryParam !== undefined) {
      const fromQuery = credentialFromQuery(x.search, api.queryParam, api.stripAuth);
      credential = fromQuery.credential;
      x.search = fromQuery.search;
    }
    if (credential === undefined && api.cookieName !== undefined) {
      credential = credentialFromCookie(x.req.headers.cookie, api.cookieName);
      if (credential !== undefined && api.stripAuth) stripCookie(x, api.cookieName);
    }
    return credential;
  }

  /**
   * JWT APIs (`enable_jwt`): the token is verified (signature through the
   * JWKS, issuer, audience, times), then its client stands for the app
   * credential registered for it, whose key carries the plan's rights and
   * limits; a client no credential names gets a session from the API's policies.
   */
  function withJwt(x: Exchange, cfg: JwtConfig | 'invalid'): void {
    if (cfg === 'invalid') return refuse(x, JWT_UNUSABLE);
    const token = credentialOf(x);
    if (token === undefined) return refuse(x, MISSING_CREDENTIAL);
    verifyJwt(cfg, jwks, token).then(
      (verdict) => {
        if (isJwtRefusal(verdict)) return reject(x, verdict.status, errorBody(verdict.message));
        x.oauthId = verdict.client;
        // A token naming no client (Tyk does not require one) stands for no app credential: its policies decide.
        if (verdict.client === '') return withSession(x, cfg, verdict);
        const known = state.clients.get(verdict.client);
        if (known !== undefined) return withClientKey(x, known, cfg, verdict);
        state.resolveClient(verdict.client).then(
          (hash) => withClientKey(x, hash, cfg, verdict),
          (err: unknown) => fail(x, err),
        );
      },
      (err: unknown) => fail(x, err),
    );
  }

  /** The app credential's key behind a verified token's client; without one, the token's policies decide. */
  function withClientKey(x: Exchange, hash: string | null, cfg: JwtConfig, claims: JwtClaims): void {
    if (hash === null) return withSession(x, cfg, claims);
    const cached = state.keys.get(hash);
    if (cached !== undefined) return withKey(x, cached);
    state.resolve(hash).then(
      (key) => withKey(x, key),
      (err: unknown) => fail(x, err),
    );
  }

  /**
   * A token no app credential stands for: a session from the policies its
   * scopes map to, else the API's default policies, admitted and limited as a
   * key holding them. Its counters and analytics go by a hash of the issuer and
   * the identity claim, so each subject has its own quota. No policy: refused
   * as Tyk refuses an unknown key.
   */
  function withSession(x: Exchange, cfg: JwtConfig, claims: JwtClaims): void {
    const policies = policiesForToken(cfg, claims.scopes);
    if (policies.length === 0) return refuse(x, UNKNOWN_KEY);
    // An id that cannot name a policy names none (and never holds the ref's line break).
    const ref = sessionRef(hashOf(`jwt\n${cfg.issuer}\n${claims.identity}`), policies.filter((p) => policyRef(p) !== undefined));
    x.session = ref;
    const cached = state.sessions.get(ref);
    if (cached !== undefined) return withKey(x, cached);
    state.resolveSession(ref).then(
      (session) => withKey(x, session),
      (err: unknown) => fail(x, err),
    );
  }

  /**
   * SHA-256 of a credential, remembered: the same few keys come back on every
   * request. Bounded; the map starts over when full. (It holds credentials the
   * process has seen anyway, only in memory, like the keys cache by hash.)
   */
  const hashes = new Map<string, string>();
  function hashOf(credential: string): string {
    let hash = hashes.get(credential);
    if (hash === undefined) {
      if (hashes.size >= 10_000) hashes.clear();
      hash = hashSecret(credential);
      hashes.set(credential, hash);
    }
    return hash;
  }

  /** A `reply` method action: its code, body and headers instead of the upstream's answer. */
  function mock(x: Exchange, reply: MockReply): void {
    x.req.resume();
    record(x, reply.code);
    if (x.res.destroyed) return;
    x.res.writeHead(reply.code, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
    x.res.end(reply.body);
  }

  /** Removes the credential cookie from the headers forwarded (`strip_auth_data`). */
  function stripCookie(x: Exchange, name: string): void {
    const kept: string[] = [];
    for (let i = 0; i < x.headers.length; i += 2) {
      const header = x.headers[i]!;
      if (header.toLowerCase() !== 'cookie') {
        kept.push(header, x.headers[i + 1]!);
        continue;
      }
      const rest = withoutCookie(x.headers[i + 1]!, name);
      if (rest !== undefined) kept.push(header, rest);
    }
    x.headers = kept;
  }

  /** The normalised path of the request `locate` last found an API for (no object per request). */
  let located = '';

  /**
   * The API for a request path (its normalised form left in `located`), or the
   * answer to give instead: 400 for a path the gateway will not serve, 404 where no API listens.
   */
  function locate(rawPath: string): GatewayApi | Answer {
    const n = normalizePath(rawPath);
    if (typeof n === 'string') {
      located = n;
      return state.routes.match(n) ?? NO_API;
    }
    if (n.error !== null) return { status: 400, body: errorBody(`Invalid request path: ${n.error}`) };
    const api = state.routes.match(n.path);
    if (n.floor >= 0) {
      // A ".." may not climb out of the listen path the request was addressed to, nor out of the one it lands in.
      const addressed = state.routes.match(rawPath);
      if ((addressed && n.floor < addressed.prefixDepth) || (api && n.floor < api.prefixDepth)) return CLIMBS;
    }
    located = n.path;
    return api ?? NO_API;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const start = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    if (rawPath === '/gateway/health') {
      void health(res);
      return;
    }
    if (rawPath === '/hello') {
      void hello(res);
      return;
    }
    if (rawPath === '/metrics') {
      const body = metrics.render({
        analyticsDropped: analytics.dropped,
        analyticsBuffered: analytics.buffered,
        analyticsWritten: analytics.written,
        analyticsWriterCpuSeconds: analytics.writerCpuSeconds(),
        apis: state.routes.size,
        cachedKeys: state.keys.size,
        more: counterMetricLines(counters),
      });
      return plain(res, 200, 'text/plain; version=0.0.4; charset=utf-8', body);
    }
    const api = locate(rawPath);
    if ('status' in api) return plain(res, api.status, JSON_TYPE, api.body);
    admit(exchangeFor(req, res, api, located, q < 0 ? '' : url.slice(q), start));
  }

  /**
   * 503 only when the database does not answer. While Redis does not answer the
   * gateway still serves and enforces limits (counting in memory), so it stays in
   * the load balancer: 200 with status and redis "degraded".
   */
  async function health(res: ServerResponse): Promise<void> {
    const db = await store.ping();
    const redis = opened.redis === undefined ? undefined : counters.degraded || opened.redis.status !== 'ready' ? 'degraded' : 'ok';
    const status = !db ? 'unavailable' : redis === 'degraded' ? 'degraded' : 'ok';
    plain(
      res,
      db ? 200 : 503,
      JSON_TYPE,
      JSON.stringify({ status, database: db ? 'ok' : 'unavailable', ...(redis === undefined ? {} : { redis }), apis: state.routes.size }),
    );
  }

  /**
   * Tyk's gateway health check, `/hello`, in Tyk's shape: `status` pass, warn
   * (Redis does not answer: the gateway still serves, counting in memory) or
   * fail (the database does not answer: 503), with a `details` entry per
   * datastore.
   */
  async function hello(res: ServerResponse): Promise<void> {
    const db = await store.ping();
    const time = new Date().toISOString();
    const redisUp = opened.redis === undefined ? undefined : !(counters.degraded || opened.redis.status !== 'ready');
    const details: Record<string, { status: string; componentType: string; time: string }> = {
      database: { status: db ? 'pass' : 'fail', componentType: 'datastore', time },
    };
    if (redisUp !== undefined) details.redis = { status: redisUp ? 'pass' : 'warn', componentType: 'datastore', time };
    const status = !db ? 'fail' : redisUp === false ? 'warn' : 'pass';
    plain(res, db ? 200 : 503, JSON_TYPE, JSON.stringify({ status, description: 'Portcullis Gateway', details }));
  }

  /**
   * Requests with `Connection: Upgrade`. Only a well-formed WebSocket handshake
   * on an API with `enable_websockets` goes on, through the same admission as
   * any request; anything else is refused (400) and the connection closed.
   */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const start = performance.now();
    socket.on('error', () => socket.destroy());
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const api = locate(q < 0 ? url : url.slice(0, q));
    if ('status' in api) return writeAndClose(socket, api.status, { 'content-type': JSON_TYPE }, api.body);
    // A ServerResponse stand-in that writes a refusal onto the raw socket and closes it.
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
        // writeAndClose sets content-length and connection itself.
        writeAndClose(socket, status, headers, body);
      },
      destroy() {
        socket.destroy();
      },
    };
    const x = exchangeFor(req, stand as unknown as ServerResponse, api, located, q < 0 ? '' : url.slice(q), start);
    if (!api.websockets) return reject(x, 400, errorBody('WebSockets are not enabled for this API'));
    const problem = handshakeProblem(x.method, req.headers);
    if (problem !== null) return reject(x, 400, errorBody(`Unsupported upgrade request: ${problem}`));
    x.next = (admitted) => tunnel(admitted, socket, head);
    admit(x);
  }

  /** The admitted handshake goes upstream; the connection becomes a tunnel only on its 101. */
  function tunnel(x: Exchange, socket: Duplex, head: Buffer): void {
    const api = x.api;
    const inner = innerPath(api, x.pathname);
    const timeoutMs = api.timeouts.length === 0 ? defaultTimeout : timeoutFor(api, x.method, inner, defaultTimeout);
    const took = () => {
      x.upstreamMs = performance.now() - x.upstreamStart;
      metrics.upstream(x.upstreamMs);
    };
    x.upstreamStart = performance.now();
    const open = handshake(socket, head, { origin: api.origin, path: upstreamPath(api, x.pathname, x.search), headers: x.headers, key: String(x.req.headers['sec-websocket-key']), timeoutMs }, {
      switched() {
        took();
        record(x, 101);
        if (socket.destroyed) return;
        const forget = tunnels.add({ apiId: api.apiId, keyHash: x.session || x.keyHash, method: x.method, inner, close: () => open.close() });
        socket.once('close', forget);
      },
      relayed(status) {
        took();
        record(x, status);
      },
      failed(timedOut) {
        took();
        reject(x, timedOut ? 504 : 502, errorBody(timedOut ? 'Upstream service reached hard timeout' : 'There was a problem proxying the request'));
      },
    });
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
    quota(bucket, limits) {
      return counters.quota(bucket, limits);
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
