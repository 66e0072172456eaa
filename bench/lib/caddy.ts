import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { listeningFromTempDir, type Listening } from './process.js';
import { freePort } from './server.js';

export const CADDY = '/usr/bin/caddy';

export function caddyInstalled(): boolean {
  return existsSync(CADDY);
}

/**
 * Figure (f): Debian's Caddy, a reverse proxy written in Go, to the same
 * upstream. One process with GOMAXPROCS=1 (Go then runs its code on one core
 * at a time, as nginx's single worker does; the garbage collector's background
 * work is counted in the CPU per request since it is the same process), its
 * admin endpoint off, no access log and only errors in its own log, a
 * keep-alive pool of up to 128 idle connections to the upstream. Its
 * configuration, and anything it autosaves, live in a temp dir.
 */
export async function startCaddy(upstream: string): Promise<Listening> {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-bench-caddy-'));
  const port = await freePort();
  const up = new URL(upstream);
  const config = {
    admin: { disabled: true },
    logging: { logs: { default: { level: 'ERROR' } } },
    apps: {
      http: {
        servers: {
          bench: {
            listen: [`127.0.0.1:${port}`],
            automatic_https: { disable: true },
            routes: [
              {
                handle: [
                  {
                    handler: 'reverse_proxy',
                    upstreams: [{ dial: `${up.hostname}:${up.port}` }],
                    transport: { protocol: 'http', keep_alive: { enabled: true, max_idle_conns_per_host: 128 } },
                  },
                ],
              },
            ],
          },
        },
      },
    },
  };
  const file = join(dir, 'caddy.json');
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(CADDY, ['run', '--config', file], {
    env: { ...process.env, GOMAXPROCS: '1', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Caddy logs where it read its configuration before that configuration silences it: only warnings and errors pass.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (!line.includes('"level":"info"')) process.stderr.write(`caddy: ${line}\n`);
  });
  return listeningFromTempDir(child, dir, `http://127.0.0.1:${port}`, 'caddy');
}
