import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Migration 0008 bumps the gateway change counter on every write to the tables
 * gateways cache, and every bump makes every gateway drop its resolved keys and
 * reload every API. Some of those tables also carry columns no gateway reads and
 * that move all the time: `users.last_login_at` on every sign-in,
 * `users.access_key_used_at` (last-used stamps), `updated_at`, names, tags. So
 * anyone able to sign in kept every gateway cold.
 *
 * Here an UPDATE of `users`, `keys`, `apis` or `policies` bumps the counter only
 * when a column a gateway reads (src/gateway/gateway.repository.ts) changes
 * value, and inserting a user no longer does (no key can name a user that does
 * not exist yet). Deletes still do. The link tables (key_access_rights,
 * key_policies, policy_access_rights) hold nothing but what gateways read and keep
 * their 0008 triggers.
 */
const READ_COLUMNS: Record<string, readonly string[]> = {
  users: ['id', 'active'],
  keys: ['id', 'key_hash', 'rate', 'per', 'quota_max', 'quota_renewal_rate', 'expires', 'is_inactive', 'owner_user_id'],
  apis: ['id', 'api_id', 'name', 'kind', 'active', 'listen_path', 'target_url', 'use_keyless', 'definition', 'oas'],
  policies: ['id', 'active', 'rate', 'per', 'quota_max', 'quota_renewal_rate'],
};

/** Tables whose inserts can never change what a gateway has cached. */
const INSERT_IRRELEVANT = new Set(['users']);

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** `old.a is distinct from new.a or …` (PostgreSQL) / `old.a is not new.a or …` (SQLite): both null-safe. */
function changed(columns: readonly string[], op: 'is distinct from' | 'is not'): string {
  return columns.map((c) => `old.${c} ${op} new.${c}`).join(' or ');
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const [table, columns] of Object.entries(READ_COLUMNS)) {
      await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}`)} on ${sql.table(table)}`.execute(db);
      const events = INSERT_IRRELEVANT.has(table) ? 'delete' : 'insert or delete';
      // Still deferred to commit, as in 0008: the counter row is locked last and briefly.
      await sql`
        create constraint trigger ${sql.raw(`gateway_changes_${table}_rows`)}
        after ${sql.raw(events)} on ${sql.table(table)}
        deferrable initially deferred
        for each row execute function portcullis_bump_gateway_changes()`.execute(db);
      await sql`
        create constraint trigger ${sql.raw(`gateway_changes_${table}_read_columns`)}
        after update on ${sql.table(table)}
        deferrable initially deferred
        for each row when (${sql.raw(changed(columns, 'is distinct from'))})
        execute function portcullis_bump_gateway_changes()`.execute(db);
    }
    return;
  }
  for (const [table, columns] of Object.entries(READ_COLUMNS)) {
    await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}_update`)}`.execute(db);
    await sql`
      create trigger ${sql.raw(`gateway_changes_${table}_update`)}
      after update of ${sql.raw(columns.join(', '))} on ${sql.table(table)}
      when ${sql.raw(changed(columns, 'is not'))}
      begin
        update gateway_changes set version = version + 1 where id = 1;
      end`.execute(db);
    if (INSERT_IRRELEVANT.has(table)) await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}_insert`)}`.execute(db);
  }
}

/** Back to 0008's triggers: every write to these tables bumps the counter. */
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of Object.keys(READ_COLUMNS)) {
      await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}_rows`)} on ${sql.table(table)}`.execute(db);
      await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}_read_columns`)} on ${sql.table(table)}`.execute(db);
      await sql`
        create constraint trigger ${sql.raw(`gateway_changes_${table}`)}
        after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred
        for each row execute function portcullis_bump_gateway_changes()`.execute(db);
    }
    return;
  }
  for (const table of Object.keys(READ_COLUMNS)) {
    const events = INSERT_IRRELEVANT.has(table) ? ['insert', 'update'] : ['update'];
    for (const event of events) {
      await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}_${event}`)}`.execute(db);
      await sql`
        create trigger ${sql.raw(`gateway_changes_${table}_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin
          update gateway_changes set version = version + 1 where id = 1;
        end`.execute(db);
    }
  }
}
