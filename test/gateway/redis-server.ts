import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { deadPort } from './helpers.js';

/**
 * A redis-server of the test's own, on a free loopback port and without
 * persistence, so that a test may freeze, kill and restart it without
 * disturbing the Redis other tests share.
 */
export interface OwnRedis {
  url: string;
  port: number;
  /** SIGSTOP: the process stops answering while its connections stay open. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  /** SIGKILL, then waits for the process to be gone: every counter it held is lost. */
  crash(): Promise<void>;
  /** A new, empty redis-server on the same port. */
  restart(): Promise<void>;
  /** A client of its own (callers disconnect it). */
  client(): Redis;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await deadPort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function launch(): Promise<void> {
    const c = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    child = c;
    exited = new Promise((resolve) => c.once('exit', () => resolve()));
    for (let i = 0; i < 200; i++) {
      if (await answers(url)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  }

  await launch();
  const signal = (s: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(s);
  };
  return {
    url,
    port,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    async crash() {
      signal('SIGKILL');
      await exited;
    },
    restart: launch,
    client: () => new Redis(url),
    async stop() {
      signal('SIGCONT');
      signal('SIGKILL');
      await exited;
    },
  };
}
