import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Signing in (an access key, a session cookie) is served from memory while
 * nothing it read has changed. SQLite tells every process cheaply (its change
 * counters); on PostgreSQL every write to the tables it reads notifies the
 * channel each process LISTENs on, whichever process or tool made it. One
 * notification per statement: a transaction's identical notifications are
 * delivered once, at commit.
 */
const WATCHED = ['users', 'user_groups', 'sessions'] as const;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create function portcullis_notify_sign_in_changes() returns trigger language plpgsql as $$
    begin
      perform pg_notify('portcullis_sign_in_changes', '');
      return null;
    end
    $$`.execute(db);
  for (const table of WATCHED) {
    await sql`
      create trigger ${sql.raw(`sign_in_changes_${table}`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function portcullis_notify_sign_in_changes()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of WATCHED) await sql`drop trigger if exists ${sql.raw(`sign_in_changes_${table}`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists portcullis_notify_sign_in_changes()`.execute(db);
}
