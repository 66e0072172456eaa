import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * An audit entry concerning no API at all (no row in audit_log_apis) passes the
 * ownership filter's API condition for every owner (src/access/audit-visibility.ts).
 * Finding those by "no row exists" probes every entry; so each entry keeps how
 * many APIs it concerns, moved by triggers in the same transaction as every
 * insert and delete of audit_log_apis (the same shape as migration 0029's
 * counts), and an index finds the zeros.
 */

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const move = (row: 'new' | 'old', sign: '+' | '-') => sql.raw(`update audit_logs set api_count = api_count ${sign} 1 where id = ${row}.audit_id;`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_logs').addColumn('api_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update audit_logs set api_count = (select count(*) from audit_log_apis c where c.audit_id = audit_logs.id)`.execute(db);
  await db.schema.createIndex('audit_logs_api_count').on('audit_logs').columns(['api_count', 'id']).execute();
  if (isPostgres(db)) {
    await sql`
      create function portcullis_audit_logs_api_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then ${move('old', '-')} end if;
        if tg_op in ('INSERT', 'UPDATE') then ${move('new', '+')} end if;
        return null;
      end
      $$`.execute(db);
    await sql`create trigger audit_counts_audit_log_apis after insert or delete or update of audit_id on audit_log_apis
      for each row execute function portcullis_audit_logs_api_count()`.execute(db);
    return;
  }
  await sql`create trigger audit_counts_audit_log_apis_insert after insert on audit_log_apis begin ${move('new', '+')} end`.execute(db);
  await sql`create trigger audit_counts_audit_log_apis_delete after delete on audit_log_apis begin ${move('old', '-')} end`.execute(db);
  await sql`create trigger audit_counts_audit_log_apis_update after update of audit_id on audit_log_apis
    begin ${move('old', '-')} ${move('new', '+')} end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists audit_counts_audit_log_apis on audit_log_apis`.execute(db);
    await sql`drop function if exists portcullis_audit_logs_api_count()`.execute(db);
  } else {
    for (const op of ['insert', 'delete', 'update']) await sql`drop trigger if exists ${sql.raw(`audit_counts_audit_log_apis_${op}`)}`.execute(db);
  }
  await db.schema.dropIndex('audit_logs_api_count').execute();
  await db.schema.alterTable('audit_logs').dropColumn('api_count').execute();
}
