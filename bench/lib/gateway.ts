import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopper, waitForOk, type Listening } from './process.js';
import { freePort, REPO } from './server.js';

/**
 * `portcullis gateway --workers N` as a process of its own on the control
 * plane's database, with counters in memory (no Redis): the one-process
 * figures the targets are about. With `inspect`, the process also
 * opens the V8 inspector on a loopback port (see inspector.ts).
 */
export async function startGatewayProcess(
  databaseUrl: string,
  workers: number,
  opts: { env?: Record<string, string>; inspect?: boolean } = {},
): Promise<Listening & { inspectPort?: number }> {
  const port = await freePort();
  const inspectPort = opts.inspect ? await freePort() : undefined;
  const flags = inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort}`];
  const child = spawn(process.execPath, [...flags, 'dist/main.js', 'gateway', '--workers', String(workers)], {
    cwd: REPO,
    env: {
      ...process.env,
      PORTCULLIS_LOG_LEVEL: 'warn',
      PORTCULLIS_DATABASE_URL: databaseUrl,
      PORTCULLIS_GATEWAY_HOST: '127.0.0.1',
      PORTCULLIS_GATEWAY_PORT: String(port),
      PORTCULLIS_REDIS_URL: '',
      ...opts.env,
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  // The inspector announces itself on stderr; everything else passes through.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (!/^(Debugger listening on|Debugger ending on|For help, see|Debugger attached|Waiting for the debugger)/.test(line)) process.stderr.write(`${line}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitForOk(`${url}/gateway/health`, child, `portcullis gateway --workers ${workers}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid!, stop, inspectPort };
}

/** Waits until the gateway routes a path (its configuration may trail the control plane by up to a second). */
export async function waitForRoute(url: string, headers: Record<string, string> = {}): Promise<void> {
  let last = 0;
  for (let i = 0; i < 100; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.ok) return;
    last = res.status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}: still ${last} after 10 s`);
}

/** The gateway's own counters from /metrics (one worker's when it runs several). */
export async function gatewayMetrics(url: string): Promise<Record<string, number>> {
  const res = await fetch(`${url}/metrics`);
  const out: Record<string, number> = {};
  for (const line of (await res.text()).split('\n')) {
    const m = /^(portcullis_gateway_[a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+)$/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}
