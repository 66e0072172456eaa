import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The page count of a list without counting the table on every request: a row
 * per list in `row_counts`, moved by triggers in the same transaction as every
 * insert and delete (and, for users, every change of role between staff and
 * consumer), whichever process or tool writes. Read only for an unfiltered
 * list seen whole (an administrator's first page); a filtered or scoped list
 * still counts what its reader may see.
 */
const TABLE_COUNTERS = ['apis', 'policies', 'keys', 'user_groups', 'audit_logs', 'access_requests'] as const;
const CONSUMER = `('consumer-admin', 'consumer-team-member')`;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('row_counts')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  for (const table of TABLE_COUNTERS) {
    await sql`insert into row_counts (name, n) select ${table}, count(*) from ${sql.table(table)}`.execute(db);
  }
  await sql`insert into row_counts (name, n) select 'users_staff', count(*) from users where role not in ${sql.raw(CONSUMER)}`.execute(db);
  await sql`insert into row_counts (name, n) select 'users_consumer', count(*) from users where role in ${sql.raw(CONSUMER)}`.execute(db);

  if (isPostgres(db)) {
    // Once per statement, from its transition table: a bulk insert moves the row once.
    await sql`
      create function portcullis_row_counts() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update row_counts set n = n + (select count(*) from changed_rows) where name = tg_argv[0];
        else
          update row_counts set n = n - (select count(*) from changed_rows) where name = tg_argv[0];
        end if;
        return null;
      end
      $$`.execute(db);
    for (const table of TABLE_COUNTERS) {
      await sql`create trigger ${sql.raw(`row_counts_${table}_insert`)} after insert on ${sql.table(table)}
        referencing new table as changed_rows for each statement execute function portcullis_row_counts(${sql.lit(table)})`.execute(db);
      await sql`create trigger ${sql.raw(`row_counts_${table}_delete`)} after delete on ${sql.table(table)}
        referencing old table as changed_rows for each statement execute function portcullis_row_counts(${sql.lit(table)})`.execute(db);
    }
    await sql`
      create function portcullis_row_counts_users() returns trigger language plpgsql as $$
      declare
        consumers bigint := 0;
        staff bigint := 0;
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          select count(*) filter (where role in ${sql.raw(CONSUMER)}), count(*) filter (where role not in ${sql.raw(CONSUMER)})
            into consumers, staff from new_rows;
        end if;
        if tg_op in ('DELETE', 'UPDATE') then
          select consumers - count(*) filter (where role in ${sql.raw(CONSUMER)}), staff - count(*) filter (where role not in ${sql.raw(CONSUMER)})
            into consumers, staff from old_rows;
        end if;
        if consumers <> 0 then update row_counts set n = n + consumers where name = 'users_consumer'; end if;
        if staff <> 0 then update row_counts set n = n + staff where name = 'users_staff'; end if;
        return null;
      end
      $$`.execute(db);
    await sql`create trigger row_counts_users_insert after insert on users
      referencing new table as new_rows for each statement execute function portcullis_row_counts_users()`.execute(db);
    await sql`create trigger row_counts_users_update after update on users
      referencing old table as old_rows new table as new_rows for each statement execute function portcullis_row_counts_users()`.execute(db);
    await sql`create trigger row_counts_users_delete after delete on users
      referencing old table as old_rows for each statement execute function portcullis_row_counts_users()`.execute(db);
    return;
  }

  for (const table of TABLE_COUNTERS) {
    await sql`create trigger ${sql.raw(`row_counts_${table}_insert`)} after insert on ${sql.table(table)}
      begin update row_counts set n = n + 1 where name = ${sql.lit(table)}; end`.execute(db);
    await sql`create trigger ${sql.raw(`row_counts_${table}_delete`)} after delete on ${sql.table(table)}
      begin update row_counts set n = n - 1 where name = ${sql.lit(table)}; end`.execute(db);
  }
  const kind = (row: 'new' | 'old') => sql.raw(`case when ${row}.role in ${CONSUMER} then 'users_consumer' else 'users_staff' end`);
  await sql`create trigger row_counts_users_insert after insert on users
    begin update row_counts set n = n + 1 where name = ${kind('new')}; end`.execute(db);
  await sql`create trigger row_counts_users_delete after delete on users
    begin update row_counts set n = n - 1 where name = ${kind('old')}; end`.execute(db);
  await sql`create trigger row_counts_users_role after update of role on users
    when (old.role in ${sql.raw(CONSUMER)}) <> (new.role in ${sql.raw(CONSUMER)})
    begin
      update row_counts set n = n - 1 where name = ${kind('old')};
      update row_counts set n = n + 1 where name = ${kind('new')};
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const triggers = [...TABLE_COUNTERS.flatMap((t) => [`${t}_insert`, `${t}_delete`].map((n) => [t, `row_counts_${n}`])), ['users', 'row_counts_users_insert'], ['users', 'row_counts_users_update'], ['users', 'row_counts_users_delete'], ['users', 'row_counts_users_role']];
  for (const [table, trigger] of triggers) {
    if (isPostgres(db)) await sql`drop trigger if exists ${sql.raw(trigger!)} on ${sql.table(table!)}`.execute(db);
    else await sql`drop trigger if exists ${sql.raw(trigger!)}`.execute(db);
  }
  if (isPostgres(db)) {
    await sql`drop function if exists portcullis_row_counts()`.execute(db);
    await sql`drop function if exists portcullis_row_counts_users()`.execute(db);
  }
  await db.schema.dropTable('row_counts').execute();
}
