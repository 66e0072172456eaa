import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { systemActor } from './access/actor.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { Store } from './db/database.js';
import { openMigratedStore } from './db/migrate.js';
import type { Redis } from 'ioredis';
import { readQuota } from './gateway/counters.js';
import { changeNotices, installChangeNotices, startGateway, type RunningGateway } from './gateway/index.js';
import { closeRedis, connectRedis } from './gateway/redis.js';
import { DomainError } from './errors.js';
import { pages } from './links.js';
import { createServices, type Services } from './services.js';

const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  /** The in-process gateway (config.gatewayEnabled), on its own port. */
  gateway: RunningGateway | undefined;
  /** Stops accepting, finishes in-flight requests, closes the store. */
  stop(): Promise<void>;
}

/** Opens the store and brings its schema up to date. */

/** PORTCULLIS_ADMIN_EMAIL / _PASSWORD bootstrap the first administrator at first start. */
async function bootstrapFromConfig(config: Config, store: Store): Promise<'created' | 'exists' | 'skipped'> {
  if (config.adminEmail === undefined || config.adminPassword === undefined) return 'skipped';
  const services = createServices({ store, config });
  if (await services.bootstrap.isBootstrapped()) return 'exists';
  try {
    await services.bootstrap.bootstrap(systemActor('startup:PORTCULLIS_ADMIN_EMAIL'), {
      email: config.adminEmail,
      password: config.adminPassword,
      firstName: 'Admin',
      lastName: 'User',
    }, 'PORTCULLIS_ADMIN_PASSWORD');
    return 'created';
  } catch (err) {
    if (err instanceof DomainError && err.code === 'already_bootstrapped') return 'exists';
    throw err;
  }
}

/**
 * Says in plain words where everything listens and what to do first — one log
 * line each, readable on a terminal, JSON (with `url`) for a log collector.
 */
async function announce(log: FastifyBaseLogger, where: { url: string; gatewayUrl: string | undefined; bootstrapped: boolean }): Promise<void> {
  const consoleUrl = `${where.url}${pages.consoleHome()}`;
  log.info({ url: consoleUrl }, `Console (Dashboard and Admin Portal): ${consoleUrl}`);
  log.info({ url: `${where.url}/` }, `Live Portal: ${where.url}/`);
  log.info({ url: `${where.url}/api/docs` }, `HTTP API reference: ${where.url}/api/docs`);
  if (where.gatewayUrl) log.info({ url: where.gatewayUrl }, `Gateway (consumer traffic): ${where.gatewayUrl}`);
  else log.info({}, 'Gateway: not started here (PORTCULLIS_GATEWAY_ENABLED=false); run `portcullis gateway` for it');
  log.info(
    {},
    where.bootstrapped
      ? `Next: sign in at ${consoleUrl}`
      : `Next: open ${consoleUrl} in a browser and create the first administrator`,
  );
}

export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openMigratedStore(config);
  let app: FastifyInstance;
  let services: Services;
  let gateway: RunningGateway | undefined;
  let quotaRedis: Redis | undefined;
  let listening = false;
  try {
    const outcome = await bootstrapFromConfig(config, store);
    ({ app, services } = await buildApp({ store, config }));
    if (outcome === 'created') app.log.info({ email: config.adminEmail }, 'bootstrapped the first administrator from PORTCULLIS_ADMIN_EMAIL');
    // Successful writes poke the in-process gateway and notify the others through Redis.
    installChangeNotices(app, await changeNotices(config, app.log, () => gateway?.poke()));
    await app.listen({ port: config.port, host: config.host });
    listening = true;
    if (config.gatewayEnabled) {
      gateway = await startGateway({ config, store, log: app.log });
      services.keys.readQuotaFrom(gateway);
    } else if (config.redisUrl) {
      // The gateways run elsewhere and count in Redis: a key's quota left is read there.
      quotaRedis = await connectRedis(config.redisUrl, app.log, 'portcullis-control-plane-quota').catch((err: unknown) => {
        app.log.warn({ err }, 'quota counters: Redis is not answering; keys are shown without their quota left');
        return undefined;
      });
      const r = quotaRedis;
      if (r) services.keys.readQuotaFrom({ quota: (bucket, limits) => readQuota(r, config.redisPrefix, bucket, limits, config.gatewayRedisTimeoutMs) });
    }
  } catch (err) {
    if (quotaRedis) await closeRedis(quotaRedis);
    if (listening) await app!.close().catch(() => {});
    await store.close();
    throw err;
  }
  // Expired sessions and old sign-in failures are dropped every ten minutes.
  const housekeeping = setInterval(() => {
    services.signIn.housekeeping().catch((err: unknown) => app.log.warn({ err }, 'housekeeping failed'));
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  await announce(app.log, { url, gatewayUrl: gateway?.url, bootstrapped: await services.bootstrap.isBootstrapped() });
  let stopping: Promise<void> | undefined;
  return {
    app,
    store,
    url,
    gateway,
    stop() {
      stopping ??= (async () => {
        clearInterval(housekeeping);
        await gateway?.stop();
        if (quotaRedis) await closeRedis(quotaRedis);
        await app.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
