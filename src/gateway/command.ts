import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { openStore } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { startGateway, type RunningGateway } from './gateway.js';
import { consoleLogger } from './logger.js';

/**
 * `portcullis gateway [--workers N]`: the gateway alone, configured from the
 * environment. With N > 1 a primary process brings the schema up to date once,
 * then forks N workers that share the listening socket (node:cluster), and
 * replaces a worker that dies. Resolves when the process should exit.
 */
export async function runGatewayCommand(config: Config, workers: number): Promise<void> {
  if (workers <= 1 || !cluster.isPrimary) return runOne(config, workers > 1);
  const log = consoleLogger(config);
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
  } finally {
    await store.close();
  }
  if (!config.redisUrl) {
    log.warn({ workers }, 'gateway: without PORTCULLIS_REDIS_URL each worker keeps its own rate-limit and quota counters');
  }
  let stopping = false;
  let announced = false;
  const alive = new Set<Worker>();
  const fork = () => {
    const w = cluster.fork();
    alive.add(w);
    w.on('listening', (address) => {
      if (announced) return;
      announced = true;
      const host = address.address === null || address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
      process.stdout.write(`Gateway listening on http://${host}:${address.port} (${workers} workers)\n`);
    });
    w.on('exit', (code, signal) => {
      alive.delete(w);
      if (stopping) return;
      log.warn({ pid: w.process.pid, code, signal }, 'gateway: a worker exited; starting another');
      fork();
    });
  };
  for (let i = 0; i < workers; i++) fork();
  await new Promise<void>((resolve) => {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      if (alive.size === 0) resolve();
      for (const w of alive) {
        w.on('exit', () => {
          if (alive.size === 0) resolve();
        });
        w.process.kill('SIGTERM');
      }
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

async function runOne(config: Config, isWorker: boolean): Promise<void> {
  const log = consoleLogger(config);
  const running: { gateway?: RunningGateway; signal?: string } = {};
  const done = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      running.signal = signal;
      if (!running.gateway) return;
      log.info({ signal }, 'gateway: shutting down, finishing in-flight requests');
      running.gateway.stop().then(resolve, (err: unknown) => {
        log.error({ err }, 'gateway: shutdown failed');
        process.exitCode = 1;
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    startGateway({ config, log }).then(
      (gateway) => {
        running.gateway = gateway;
        if (!isWorker) process.stdout.write(`Gateway listening on ${gateway.url}\n`);
        if (running.signal) stop(running.signal);
      },
      (err: unknown) => {
        process.stderr.write(`portcullis gateway: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
        resolve();
      },
    );
  });
  await done;
}
