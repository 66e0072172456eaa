import { Redis } from 'ioredis';
import type { GatewayLogger } from './logger.js';

/** How long connecting (and subscribing, and quitting) may take before Redis counts as not answering. */
const CONNECT_TIMEOUT_MS = 3000;
const QUIT_TIMEOUT_MS = 1000;

export class RedisTimeout extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeout';
  }
}

/**
 * Settles like `p`, or rejects with RedisTimeout after `ms`: a frozen Redis
 * keeps its connections open and never answers, so nothing else would end the
 * wait. The rejection waits for the next check phase, so that a reply already
 * read from the socket (an event loop that was busy, not a slow Redis) still wins.
 */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new RedisTimeout(ms))), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** QUIT, or a plain disconnect when Redis does not answer it in time. */
export async function closeRedis(redis: Redis): Promise<void> {
  await within(redis.quit(), QUIT_TIMEOUT_MS).catch(() => redis.disconnect());
}

/**
 * A Redis connection that fails fast while Redis is away (no offline queue,
 * one retry), so a request never waits on a reconnecting client.
 */
export async function connectRedis(url: string, log: GatewayLogger, name: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, enableAutoPipelining: true, connectionName: name });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ err }, `redis (${name}): connection lost; retrying`);
  });
  redis.on('ready', () => {
    if (down) log.info({}, `redis (${name}): connected again`);
    down = false;
  });
  try {
    await within(redis.connect(), CONNECT_TIMEOUT_MS);
  } catch (err) {
    // Stop its reconnect loop: the caller decides what to do without Redis.
    redis.disconnect();
    throw err;
  }
  return redis;
}

/** The channel on which the control plane announces configuration changes. */
export function changesChannel(prefix: string): string {
  return `${prefix}changes`;
}

/** Subscribes to change notices; each one makes the gateway look at the change counter at once. */
export async function subscribeToChanges(url: string, prefix: string, log: GatewayLogger, onNotice: () => void): Promise<Redis> {
  const sub = new Redis(url, { lazyConnect: true, connectionName: 'portcullis-gateway-changes' });
  sub.on('error', () => {
    // ioredis reconnects and resubscribes by itself; the database poll covers the gap.
  });
  // A notice may have been missed while disconnected: look now.
  sub.on('ready', onNotice);
  sub.on('message', onNotice);
  try {
    await within(sub.connect(), CONNECT_TIMEOUT_MS);
    await within(sub.subscribe(changesChannel(prefix)), CONNECT_TIMEOUT_MS);
  } catch (err) {
    sub.disconnect();
    throw err;
  }
  log.info({ channel: changesChannel(prefix) }, 'gateway: listening for change notices');
  return sub;
}
