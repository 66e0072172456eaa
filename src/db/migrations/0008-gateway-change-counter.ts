import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Gateways cache what they read (APIs, keys and everything a key's access
 * depends on) and must drop it within a second of any change, whichever code
 * path made it: a single-row counter that triggers bump on every write to those
 * tables, so no application code has to remember to. Gateways poll the counter.
 */
const WATCHED = ['apis', 'keys', 'key_access_rights', 'key_policies', 'policies', 'policy_access_rights', 'users'] as const;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gateway_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('gateway_changes').values({ id: 1, version: 0 }).execute();

  if (isPostgres(db)) {
    await sql`
      create function portcullis_bump_gateway_changes() returns trigger language plpgsql as $$
      begin
        update gateway_changes set version = version + 1 where id = 1;
        return null;
      end
      $$`.execute(db);
    for (const table of WATCHED) {
      // Deferred to commit time: the counter row is locked last and briefly, so
      // concurrent writers never deadlock on it, and a gateway that sees the new
      // value also sees the committed rows.
      await sql`
        create constraint trigger ${sql.raw(`gateway_changes_${table}`)}
        after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred
        for each row execute function portcullis_bump_gateway_changes()`.execute(db);
    }
    return;
  }
  for (const table of WATCHED) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`
        create trigger ${sql.raw(`gateway_changes_${table}_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin
          update gateway_changes set version = version + 1 where id = 1;
        end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of WATCHED) await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function if exists portcullis_bump_gateway_changes()`.execute(db);
  } else {
    for (const table of WATCHED) {
      for (const event of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`gateway_changes_${table}_${event}`)}`.execute(db);
    }
  }
  await db.schema.dropTable('gateway_changes').execute();
}
