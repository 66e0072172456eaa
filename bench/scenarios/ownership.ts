import { sql } from 'kysely';
import { insertRecords, type AnalyticsRecord } from '../../src/analytics/analytics.repository.js';
import { loadConfig } from '../../src/config.js';
import { hashSecret, newSecret } from '../../src/identity/tokens.js';
import { openMigratedStore } from '../../src/db/migrate.js';
import { benchDatabases, newId } from '../lib/databases.js';
import { latencies, latency, round, table, type Latency } from '../lib/measure.js';
import { startServer } from '../lib/server.js';

/*
 * Issue 3: API ownership at scale. A store with 100,000 APIs, 5,000 users, 500
 * groups each owning ~200 APIs, and 2,000,000 analytics records over 30 days;
 * p50/p95 of the catalogue as an administrator and as a group owner (their
 * requests interleaved, one of each in turn), single API lookups (visible and
 * hidden), and owned API usage over 30 days.
 * Targets: owner's list within 2x the administrator's and under 25 ms p95; owned
 * usage under 100 ms p95.
 */

const APIS = Number(process.env.BENCH_APIS ?? 100_000);
const USERS = 5_000;
const GROUPS = 500;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 2_000_000);
const DAYS = 30;

async function seed(url: string): Promise<{ adminKey: string; ownerKey: string; visibleApiId: string; hiddenApiId: string }> {
  const config = loadConfig({ PORTCULLIS_DATABASE_URL: url, PORTCULLIS_LOG_LEVEL: 'silent' });
  const store = await openMigratedStore(config);
  const { db } = store;
  const at = new Date().toISOString();
  try {
    const groupRows = Array.from({ length: GROUPS }, (_, g) => ({
      name: `team-${g}`,
      description: '',
      active: 1,
      permissions: JSON.stringify({ apis: 'read', analytics: 'read', owned_analytics: 'read' }),
      created_at: at,
      updated_at: at,
    }));
    const groupIds = (await db.insertInto('user_groups').values(groupRows).returning('id').execute()).map((r) => r.id);
    const adminKey = newSecret();
    const ownerKey = newSecret();
    const user = (i: number, key: string | null, admin: boolean) => ({
      email: `user${i}@bench.example`,
      email_normalized: `user${i}@bench.example`,
      first_name: 'Bench',
      last_name: String(i),
      password_hash: null,
      is_admin: admin ? 1 : 0,
      role: admin ? 'super-admin' : 'dashboard-user',
      permissions: '{}',
      group_id: admin ? null : groupIds[i % GROUPS]!,
      active: 1,
      password_change_required: 0,
      password_updated_at: null,
      access_key_hash: key ? hashSecret(key) : null,
      access_key_hint: key ? key.slice(-4) : null,
      access_key_used_at: null,
      created_at: at,
      created_by: null,
      updated_at: at,
      last_login_at: null,
    });
    await db.insertInto('users').values(user(0, adminKey, true)).execute();
    await db.insertInto('installation').values({ id: 1, bootstrapped_at: at, bootstrapped_by: 1 }).execute();
    // User 7 is in group 7: the owner whose view is measured.
    for (let i = 1; i < USERS; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(USERS, i + 500); j++) rows.push(user(j, j === 7 ? ownerKey : null, false));
      await db.insertInto('users').values(rows).execute();
    }
    const apiIds: string[] = [];
    for (let i = 0; i < APIS; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(APIS, i + 1000); j++) {
        const apiId = newId();
        apiIds.push(apiId);
        const created = new Date(Date.now() - (APIS - j) * 1000).toISOString();
        rows.push({
          api_id: apiId,
          kind: 'classic' as const,
          name: `API ${String(j).padStart(6, '0')}`,
          active: 1,
          listen_path: `/api-${j}/`,
          listen_path_key: `/api-${j}`,
          target_url: 'http://127.0.0.1:9/',
          use_keyless: 0,
          definition: JSON.stringify({ name: `API ${j}`, api_id: apiId, proxy: { listen_path: `/api-${j}/`, target_url: 'http://127.0.0.1:9/' } }),
          oas: null,
          owned: 1,
          created_at: created,
          updated_at: created,
        });
      }
      const ids = (await db.insertInto('apis').values(rows).returning('id').execute()).map((r) => r.id);
      await db
        .insertInto('api_owner_groups')
        .values(ids.map((id, k) => ({ api_id: id, group_id: groupIds[(i + k) % GROUPS]! })))
        .execute();
    }
    const now = Date.now();
    const BATCH = 5_000;
    let state = 42;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let done = 0; done < RECORDS; done += BATCH) {
      const records: AnalyticsRecord[] = [];
      for (let k = 0; k < Math.min(BATCH, RECORDS - done); k++) {
        const api = Math.floor(APIS * random() ** 2);
        const code = random() < 0.95 ? 200 : random() < 0.5 ? 404 : 500;
        records.push({
          timestamp: new Date(now - random() * DAYS * 86_400_000).toISOString(),
          api_id: apiIds[api]!,
          method: random() < 0.8 ? 'GET' : 'POST',
          path: `/items/${Math.floor(random() * 20)}`,
          response_code: code,
          request_time: 5 + Math.floor(random() * 50),
          upstream_time: 3 + Math.floor(random() * 40),
          api_key: '',
          ip_address: '127.0.0.1',
          content_length: 100,
        });
      }
      await db.transaction().execute((trx) => insertRecords(trx, records));
    }
    await sql`analyze`.execute(db);
    // Group 7 owns APIs 7, 507, 1007, …; API 8 belongs to group 8.
    return { adminKey, ownerKey, visibleApiId: apiIds[7]!, hiddenApiId: apiIds[8]! };
  } finally {
    await store.close();
  }
}

function day(d: Date): string {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

export async function run(): Promise<void> {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
  const rows: (string | number)[][] = [];
  const ratios: (string | number)[][] = [];
  for (const make of await benchDatabases()) {
    const db = await make();
    try {
      const started = Date.now();
      const s = await seed(db.url);
      const seedSeconds = Math.round((Date.now() - started) / 1000);
      const server = await startServer({ PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
      try {
        const admin = { authorization: s.adminKey };
        const owner = { authorization: s.ownerKey };
        const to = new Date();
        const from = new Date(to.getTime() - (DAYS - 1) * 86_400_000);
        // (a) and (b) in turn, request by request: their ratio is the target.
        const [a, b] = (await latencies(
          [
            { url: `${server.url}/api/apis?p=1`, headers: admin },
            { url: `${server.url}/api/apis?p=1`, headers: owner },
          ],
          { iterations },
        )) as [Latency, Latency];
        const cv = await latency(`${server.url}/api/apis/${s.visibleApiId}`, { headers: owner, iterations });
        const ch = await latency(`${server.url}/api/apis/${s.hiddenApiId}`, { headers: owner, iterations, expectStatus: 404 });
        const d = await latency(`${server.url}/api/usage/apis/${day(from)}/${day(to)}`, { headers: owner, iterations });
        const n = db.name;
        rows.push([`${n}: (a) GET /api/apis?p=1, administrator`, a.p50, a.p95, '']);
        rows.push([`${n}: (b) GET /api/apis?p=1, group owner`, b.p50, b.p95, b.p95 < 25 ? 'p95 < 25 ms: met' : 'p95 < 25 ms: NOT met']);
        rows.push([`${n}: (c) GET /api/apis/{id}, visible`, cv.p50, cv.p95, '']);
        rows.push([`${n}: (c) GET /api/apis/{id}, hidden (404)`, ch.p50, ch.p95, '']);
        rows.push([`${n}: (d) owned API usage, 30 days`, d.p50, d.p95, d.p95 < 100 ? 'p95 < 100 ms: met' : 'p95 < 100 ms: NOT met']);
        ratios.push([`${n}: (b)/(a) p95`, round(b.p95 / a.p95), b.p95 / a.p95 <= 2 ? 'within 2x: met' : 'within 2x: NOT met', `seeded in ${seedSeconds} s`]);
      } finally {
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  }
  table(
    `Ownership: ${APIS} APIs, ${USERS} users, ${GROUPS} groups (~${APIS / GROUPS} APIs each), ${RECORDS} analytics records; ${iterations} sequential requests each, (a) and (b) interleaved`,
    ['query', 'p50 ms', 'p95 ms', 'target'],
    rows,
  );
  table('Ownership ratios', ['ratio', 'value', 'target', 'note'], ratios);
}
