import { benchDatabases } from '../lib/databases.js';
import { round, table, throughput, type Throughput } from '../lib/measure.js';
import { startServer } from '../lib/server.js';

/**
 * Issue 2: GET /api/users/me with an access key against GET /health as the
 * baseline, under the same load. Target: ≥ 70% of the baseline's throughput on SQLite.
 */
function median(runs: Throughput[]): Throughput {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = 3;
  const connections = 10;
  const rows: (string | number)[][] = [];
  for (const make of await benchDatabases()) {
    const db = await make();
    const server = await startServer({ PORTCULLIS_DATABASE_URL: db.url });
    try {
      const boot = await fetch(`${server.url}/portal-api/bootstrap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench@example.com', password: 'bench-password-1', first_name: 'B', last_name: 'B' }),
      });
      const key = ((await boot.json()) as { data: { api_token: string } }).data.api_token;
      // Interleaved rounds, median of each: the machine's noise hits both routes alike.
      const healthRuns: Throughput[] = [];
      const meRuns: Throughput[] = [];
      for (let round = 0; round < rounds; round++) {
        healthRuns.push(await throughput(`${server.url}/health`, { seconds, connections }));
        meRuns.push(await throughput(`${server.url}/api/users/me`, { seconds, connections, headers: { authorization: key } }));
      }
      const health = median(healthRuns);
      const me = median(meRuns);
      rows.push([`${db.name}: GET /health (baseline)`, round(health.rps, 0), health.p50, health.p99, '1.00']);
      rows.push([`${db.name}: GET /api/users/me (access key)`, round(me.rps, 0), me.p50, me.p99, round(me.rps / health.rps)]);
    } finally {
      await server.stop();
      await db.drop();
    }
  }
  table(`Identity: ${connections} connections, median of ${rounds} interleaved ${seconds} s runs (target: ratio ≥ 0.70 on SQLite)`, ['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio'], rows);
}
