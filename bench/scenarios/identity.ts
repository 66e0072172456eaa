import pg from 'pg';
import { benchDatabases } from '../lib/databases.js';
import { median } from '../lib/load.js';
import { round, table, throughput, type Throughput } from '../lib/measure.js';
import { startServer } from '../lib/server.js';

/**
 * Issues 2 and 15: GET /api/users/me with an access key against GET /health as
 * the baseline, under the same load. Targets: ≥ 0.85 of the baseline's
 * throughput on SQLite, ≥ 0.80 on PostgreSQL (the sign-in check is served from
 * memory, invalidated through LISTEN/NOTIFY). On PostgreSQL the scenario also
 * counts the statements the server runs per request, from pg_stat_database.
 */
const TARGETS: Record<string, number> = { SQLite: 0.85, PostgreSQL: 0.8 };

/** Transactions committed in this database so far: every statement outside a transaction is one. */
async function committed(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // A backend reports its statistics when idle, at most every 10 s (PostgreSQL 15+).
    await new Promise((r) => setTimeout(r, 11_000));
    await c.query('select pg_stat_clear_snapshot()');
    const r = await c.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = current_database()');
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

/** Statements per request on PostgreSQL: n sequential requests, against the same count for /health. */
async function statementsPerRequest(dbUrl: string, url: string, headers: Record<string, string>, n = 500): Promise<number> {
  const before = await committed(dbUrl);
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
  }
  // The counting connection's own statements (two per call) are taken off.
  return (await committed(dbUrl)) - before - 2;
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = 3;
  const connections = 10;
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
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
      const health = median(healthRuns, (r) => r.rps);
      const me = median(meRuns, (r) => r.rps);
      const ratio = me.rps / health.rps;
      const target = TARGETS[db.name]!;
      rows.push([`${db.name}: GET /health (baseline)`, round(health.rps, 0), health.p50, health.p99, '1.00', '']);
      rows.push([
        `${db.name}: GET /api/users/me (access key)`,
        round(me.rps, 0),
        me.p50,
        me.p99,
        round(ratio),
        `≥ ${target.toFixed(2)}: ${ratio >= target ? 'met' : 'missed'}`,
      ]);
      if (db.name === 'PostgreSQL') {
        const n = 500;
        const meStatements = await statementsPerRequest(db.url, `${server.url}/api/users/me`, { authorization: key }, n);
        const healthStatements = await statementsPerRequest(db.url, `${server.url}/health`, {}, n);
        notes.push(
          `PostgreSQL statements per request (pg_stat_database, ${n} sequential requests each): ` +
            `GET /api/users/me ${round(meStatements / n)}, GET /health ${round(healthStatements / n)} (its readiness ping)`,
        );
      }
    } finally {
      await server.stop();
      await db.drop();
    }
  }
  table(
    `Identity: ${connections} connections, median of ${rounds} interleaved ${seconds} s runs (targets: ratio ≥ 0.85 on SQLite, ≥ 0.80 on PostgreSQL)`,
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'target'],
    rows,
  );
  for (const n of notes) console.log(n);
}
