import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { GatewayLogger } from './logger.js';
import { changesChannel, closeRedis, connectRedis } from './redis.js';

export interface ChangeNotices {
  /** Something may have changed: tell the gateways (coalesced per event-loop turn). */
  notify(): void;
  close(): Promise<void>;
}

/**
 * The control plane's side of "a change reaches every gateway at once": after
 * any successful write request it pokes the in-process gateway and publishes a
 * notice on Redis. Gateways then read the database's change counter, which
 * stays the truth (writes from the CLI or another process are caught by the poll).
 */
export async function changeNotices(config: Config, log: GatewayLogger, local: (() => void) | undefined): Promise<ChangeNotices> {
  let redis: Redis | undefined;
  if (config.redisUrl) {
    try {
      redis = await connectRedis(config.redisUrl, log, 'portcullis-control-plane');
    } catch (err) {
      log.warn({ err }, 'change notices: Redis is not answering; gateways will see changes by polling');
    }
  }
  let queued = false;
  const channel = changesChannel(config.redisPrefix);
  return {
    notify() {
      if (queued) return;
      queued = true;
      setImmediate(() => {
        queued = false;
        local?.();
        redis?.publish(channel, String(Date.now())).catch(() => {
          // The poll catches the change anyway.
        });
      });
    },
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Notices go out after successful write requests, once the response (and so the commit) is done. */
export function installChangeNotices(app: FastifyInstance, notices: ChangeNotices): void {
  app.addHook('onResponse', async (req, reply) => {
    if (!READS.has(req.method) && reply.statusCode < 400) notices.notify();
  });
  app.addHook('onClose', async () => {
    await notices.close();
  });
}
