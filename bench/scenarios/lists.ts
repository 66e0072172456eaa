import { sql, type RawBuilder } from 'kysely';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { hashSecret, newSecret } from '../../src/identity/tokens.js';
import { openMigratedStore } from '../../src/db/migrate.js';
import pg from 'pg';
import { benchDatabases } from '../lib/databases.js';
import { latency, round, table } from '../lib/measure.js';
import { cpuSeconds } from '../lib/process.js';
import { startServer } from '../lib/server.js';

/*
 * Issue 15, item 6: every Dashboard and portal list answers its first page,
 * page count included, in under 10 ms p95 with 100,000 objects, on both stores,
 * as an administrator and as a restricted owner (a Dashboard user whose group
 * owns 1 API in 500, with API ownership on).
 *
 * Each list's table gets N rows (PORTCULLIS_BENCH_LIST_OBJECTS, default 100,000),
 * written directly through the store with one INSERT … SELECT over a number
 * series per table; every policy, key, audit entry and product names one API,
 * each API belongs to one of 500 groups.
 */

const N = Number(process.env.PORTCULLIS_BENCH_LIST_OBJECTS ?? 100_000);
const GROUPS_OWNING = 500;
const TARGET_MS = 10;

/** Rows from..to as `g(i)`, for an INSERT … SELECT. */
function series(dialect: 'sqlite' | 'postgres', from: number, to: number): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`(select generate_series(${sql.lit(from)}, ${sql.lit(to)}) as i) as g`
    : sql`(with recursive s(i) as (select ${sql.lit(from)} union all select i + 1 from s where i < ${sql.lit(to)}) select i from s) as g`;
}

/**
 * n rows into `target`, 5,000 per statement: each statement is its own
 * transaction, as the product's deferred per-row triggers (the gateway's change
 * counter) make one very large transaction slow on PostgreSQL.
 */
async function fill(db: Db, dialect: 'sqlite' | 'postgres', target: string, columns: string, select: string, n = N): Promise<void> {
  for (let from = 1; from <= n; from += 5000) {
    const to = Math.min(n, from + 4999);
    await sql`insert into ${sql.table(target)} (${sql.raw(columns)}) select ${sql.raw(select)} from ${series(dialect, from, to)}`.execute(db);
  }
}

interface Seeded {
  adminKey: string;
  ownerKey: string;
}

export async function seed(url: string): Promise<Seeded> {
  const config = loadConfig({ PORTCULLIS_DATABASE_URL: url, PORTCULLIS_LOG_LEVEL: 'silent' });
  const store = await openMigratedStore(config);
  const { db, dialect } = store;
  const at = new Date().toISOString();
  const ts = `'${at}'`;
  const adminKey = newSecret();
  const ownerKey = newSecret();
  const readAll = JSON.stringify({
    apis: 'read',
    analytics: 'read',
    owned_analytics: 'read',
    keys: 'read',
    policies: 'read',
    users: 'read',
    user_groups: 'read',
    portal: 'read',
    audit_logs: 'read',
  });
  try {
    // Groups: group i owns the APIs i, i + 500, …; the owner is in group 1.
    await fill(db, dialect, 'user_groups', 'name, description, active, permissions, created_at, updated_at', `'group ' || i, '', 1, '${readAll}', ${ts}, ${ts}`);
    const userColumns =
      'email, email_normalized, first_name, last_name, password_hash, is_admin, role, permissions, group_id, active, password_change_required, password_updated_at, access_key_hash, access_key_hint, access_key_used_at, created_at, created_by, updated_at, last_login_at, organisation_id';
    await sql`insert into users (${sql.raw(userColumns)}) values
      ('admin@bench.example', 'admin@bench.example', 'A', 'A', null, 1, 'super-admin', '{}', null, 1, 0, null, ${hashSecret(adminKey)}, 'xxxx', null, ${at}, null, ${at}, null, null),
      ('owner@bench.example', 'owner@bench.example', 'O', 'O', null, 0, 'dashboard-user', '{}', 1, 1, 0, null, ${hashSecret(ownerKey)}, 'yyyy', null, ${at}, null, ${at}, null, null)`.execute(db);
    await sql`insert into installation (id, bootstrapped_at, bootstrapped_by) values (1, ${at}, 1)`.execute(db);
    // Dashboard users, then portal consumers of organisation 1.
    await fill(
      db,
      dialect,
      'users',
      userColumns,
      `'staff' || i || '@bench.example', 'staff' || i || '@bench.example', 'Staff', 'S' || i, null, 0, 'dashboard-user', '{}', 1 + (i % ${GROUPS_OWNING}), 1, 0, null, null, null, null, ${ts}, null, ${ts}, null, null`,
    );
    await fill(db, dialect, 'organisations', 'name, name_normalized, is_default, created_at, updated_at', `'org ' || i, 'org ' || i, 0, ${ts}, ${ts}`);
    await fill(
      db,
      dialect,
      'users',
      userColumns,
      `'consumer' || i || '@bench.example', 'consumer' || i || '@bench.example', 'Consumer', 'C' || i, null, 0, 'consumer-team-member', '{}', null, 1, 0, null, null, null, null, ${ts}, null, ${ts}, null, 1`,
    );
    await fill(db, dialect, 'teams', 'organisation_id, name, is_default, created_at, updated_at', `1, 'team ' || i, 0, ${ts}, ${ts}`);
    await fill(
      db,
      dialect,
      'apis',
      'api_id, kind, name, active, listen_path, listen_path_key, target_url, use_keyless, definition, oas, owned, created_at, updated_at',
      `'api' || i, 'classic', 'API ' || i, 1, '/api-' || i || '/', '/api-' || i, 'http://127.0.0.1:9/', 0, '{"name":"API","proxy":{"listen_path":"/x/","target_url":"http://127.0.0.1:9/"}}', null, 1, ${ts}, ${ts}`,
    );
    await fill(db, dialect, 'api_owner_groups', 'api_id, group_id', `i, 1 + (i % ${GROUPS_OWNING})`);
    await fill(
      db,
      dialect,
      'policies',
      'name, active, rate, per, quota_max, quota_renewal_rate, key_expires_in, tags, meta_data, created_at, updated_at',
      `'policy ' || i, 1, 100, 60, -1, 3600, 0, '[]', '{}', ${ts}, ${ts}`,
    );
    await fill(db, dialect, 'policy_access_rights', 'policy_id, api_id, rights', `i, i, '{}'`);
    await fill(
      db,
      dialect,
      'keys',
      'key_hash, alias, rate, per, quota_max, quota_renewal_rate, expires, is_inactive, tags, meta_data, created_at, updated_at',
      `'keyhash' || i, 'key ' || i, 100, 60, -1, 3600, 0, 0, '[]', '{}', ${ts}, ${ts}`,
    );
    await fill(db, dialect, 'key_access_rights', 'key_id, api_id, rights', `i, i, '{}'`);
    await fill(
      db,
      dialect,
      'audit_logs',
      'at, request_id, actor_id, actor_email, ip, method, url, action, target_type, target_id, changes, status',
      `${ts}, 'r' || i, 1, 'admin@bench.example', '127.0.0.1', 'PUT', '/api/apis/api' || i, 'api.update', 'api', 'api' || i, '{}', 200`,
    );
    await fill(db, dialect, 'audit_log_apis', 'audit_id, api_id', 'i, i');
    await fill(db, dialect, 'catalogues', 'name, name_normalized, visibility, created_at, updated_at', `'catalogue ' || i, 'catalogue ' || i, 'public', ${ts}, ${ts}`);
    await fill(
      db,
      dialect,
      'products',
      'name, name_normalized, display_name, description, tags, created_at, updated_at',
      `'product ' || i, 'product ' || i, 'Product ' || i, '', '[]', ${ts}, ${ts}`,
    );
    await fill(db, dialect, 'product_apis', 'product_id, api_id, position, description, oas_document', `i, i, 0, '', null`);
    await fill(
      db,
      dialect,
      'plans',
      'name, name_normalized, display_name, description, rate, per, quota_max, quota_renewal_rate, key_expires_in, auto_approve, created_at, updated_at',
      `'plan ' || i, 'plan ' || i, 'Plan ' || i, '', 100, 60, -1, 3600, 0, 0, ${ts}, ${ts}`,
    );
    // Consumers have ids N + 3 … 2N + 2.
    await fill(db, dialect, 'apps', 'name, description, user_id, visibility, created_at, updated_at', `'app ' || i, '', ${N + 2} + i, 'personal', ${ts}, ${ts}`);
    await fill(
      db,
      dialect,
      'access_requests',
      'app_id, user_id, product_id, plan_id, catalogue_id, status, created_at, updated_at, decided_at, decided_by',
      `i, ${N + 2} + i, i, i, null, case when i % 10 = 0 then 'pending' else 'approved' end, ${ts}, ${ts}, null, null`,
    );
    await fill(
      db,
      dialect,
      'portal_content',
      'kind, title, path, lede, markdown, status, author_id, published_at, created_at, updated_at',
      `'post', 'Post ' || i, '/post-' || i, '', 'text', 'published', 1, ${ts}, ${ts}, ${ts}`,
    );
    // The triggers that keep the counts updated every row the fill touched: on PostgreSQL vacuum, as autovacuum
    // would after a bulk load, so that no list is measured through the dead index entries of the load itself.
    await (dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
    return { adminKey, ownerKey };
  } finally {
    await store.close();
  }
}

/** The lists, as the Dashboard and the portal ask for their first page. */
export const LISTS: { name: string; path: string; owner: boolean }[] = [
  { name: 'APIs', path: '/api/apis?p=1', owner: true },
  { name: 'policies', path: '/api/portal/policies?p=1', owner: true },
  { name: 'keys', path: '/api/keys/detailed?p=1', owner: true },
  { name: 'users', path: '/api/users?p=1', owner: true },
  { name: 'user groups', path: '/api/usergroups?p=1', owner: true },
  { name: 'audit log', path: '/api/audit-logs?p=1', owner: true },
  { name: 'key requests', path: '/api/portal/requests?p=1', owner: true },
  { name: 'portal: consumers', path: '/portal-api/users?page=1', owner: true },
  { name: 'portal: organisations', path: '/portal-api/organisations?page=1', owner: true },
  { name: 'portal: teams', path: '/portal-api/organisations/1/teams?page=1', owner: true },
  { name: 'portal: catalogues', path: '/portal-api/catalogues?page=1', owner: true },
  { name: 'portal: products', path: '/portal-api/products?page=1', owner: true },
  { name: 'portal: plans', path: '/portal-api/plans?page=1', owner: true },
  { name: 'portal: apps', path: '/portal-api/apps?page=1', owner: true },
  { name: 'portal: access requests', path: '/portal-api/access_requests?page=1', owner: true },
  { name: 'portal: posts', path: '/portal-api/posts?page=1', owner: true },
];

/** CPU seconds used so far by each PostgreSQL backend serving the database (the server's pool), by pid. */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()");
  return new Map(rows.map((r) => [r.pid, cpuSeconds([r.pid])]));
}

export async function run(): Promise<void> {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
  const only = process.env.PORTCULLIS_BENCH_LISTS?.split(',');
  const rows: (string | number)[][] = [];
  const misses: string[] = [];
  for (const make of await benchDatabases()) {
    const db = await make();
    try {
      const started = Date.now();
      const s = await seed(db.url);
      console.log(`(${db.name}: ${N} objects per list seeded in ${Math.round((Date.now() - started) / 1000)} s)`);
      const server = await startServer({ PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
      // On PostgreSQL, the CPU its backends spend for the server (read from /proc: the database runs on this machine).
      const stats = db.name === 'PostgreSQL' ? new pg.Client({ connectionString: db.url }) : undefined;
      await stats?.connect();
      try {
        for (const list of LISTS) {
          if (only && !only.some((o) => list.name.includes(o))) continue;
          for (const [who, key] of [
            ['administrator', s.adminKey],
            ['owner', s.ownerKey],
          ] as const) {
            if (who === 'owner' && !list.owner) continue;
            const serverBefore = cpuSeconds([server.child.pid!]);
            const backendsBefore = stats ? await backendCpu(stats) : undefined;
            const l = await latency(`${server.url}${list.path}`, { headers: { authorization: key }, iterations });
            // Per request, the warm-up's requests included (they ran between the two readings).
            const requests = l.n + l.warmUp;
            const serverMs = round(((cpuSeconds([server.child.pid!]) - serverBefore) * 1000) / requests);
            let dbMs: number | string = '-';
            if (stats && backendsBefore) {
              let spent = 0;
              for (const [pid, now] of await backendCpu(stats)) spent += now - (backendsBefore.get(pid) ?? 0);
              dbMs = round((spent * 1000) / requests);
            }
            const met = l.p95 < TARGET_MS;
            rows.push([`${db.name}: ${list.name}, ${who}`, list.path, l.p50, l.p95, serverMs, dbMs, `< ${TARGET_MS} ms: ${met ? 'met' : 'missed'}`]);
            if (!met) {
              const busy = typeof dbMs === 'number' ? round(serverMs + dbMs) : serverMs;
              misses.push(
                `${db.name}: ${list.name}, ${who}: p50 ${l.p50} ms; CPU ${busy} ms a request on average (server ${serverMs}` +
                  `${typeof dbMs === 'number' ? `, PostgreSQL ${dbMs}` : ''}); p95 − p50 = ${round(l.p95 - l.p50)} ms`,
              );
            }
          }
        }
      } finally {
        await stats?.end();
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  }
  table(
    `Lists: first page with ${N} objects per list, ${iterations} sequential requests each (CPU per request: the server process, and PostgreSQL's backends)`,
    ['list', 'request', 'p50 ms', 'p95 ms', 'server CPU ms', 'PostgreSQL CPU ms', 'target'],
    rows,
  );
  if (misses.length > 0) {
    console.log(`\nMissed (${misses.length}), why (measured in this run): the CPU a request costs on average, in the server and in PostgreSQL, beside its p50, and how far its p95 lies above that`);
    for (const m of misses) console.log(`  ${m}`);
  }
}
