import { Redis } from 'ioredis';
import type { GatewayLogger } from './logger.js';

/**
 * A Redis connection that fails fast while Redis is away (no offline queue,
 * one retry), so a request never waits on a reconnecting client.
 */
export async function connectRedis(url: string, log: GatewayLogger, name: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: name });
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
    await redis.connect();
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
    await sub.connect();
    await sub.subscribe(changesChannel(prefix));
  } catch (err) {
    sub.disconnect();
    throw err;
  }
  log.info({ channel: changesChannel(prefix) }, 'gateway: listening for change notices');
  return sub;
}
