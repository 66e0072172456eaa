import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * A policy or key granting no API is seen by every owner (src/access/ownership.ts).
 * Finding those by "no access right exists" probes every row of the table; so
 * each row keeps how many APIs it grants, moved by triggers in the same
 * transaction as every change of access rights, and an index finds the zeros.
 *
 * - `policies.api_count`: its rows in policy_access_rights;
 * - `keys.api_count`: its rows in key_access_rights, plus, for each of its
 *   policies, that policy's rows in policy_access_rights;
 * - `products.api_count`: its rows in product_apis (a product exposing none is
 *   seen by every owner too);
 * - `apps.request_count`: its rows in access_requests (a staff owner sees an app
 *   with no request at all).
 *
 * Only "zero or not" is read. On PostgreSQL the triggers touching a policy's
 * rights and a key's policies both take the policy's row lock first, so two
 * concurrent transactions (one adding a key's policy, the other the policy's
 * first right) cannot both miss each other's row.
 */

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const SIMPLE_COUNTS = [
  { parent: 'products', column: 'api_count', child: 'product_apis', fk: 'product_id' },
  { parent: 'apps', column: 'request_count', child: 'access_requests', fk: 'app_id' },
] as const;

const POLICY_RIGHTS_COUNT = sql.raw('(select count(*) from policy_access_rights c where c.policy_id = policies.id)');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('policies').addColumn('api_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('keys').addColumn('api_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update policies set api_count = ${POLICY_RIGHTS_COUNT}`.execute(db);
  await sql`update keys set api_count =
    (select count(*) from key_access_rights c where c.key_id = keys.id)
    + (select count(*) from key_policies kp join policy_access_rights pr on pr.policy_id = kp.policy_id where kp.key_id = keys.id)`.execute(db);
  await db.schema.createIndex('policies_api_count').on('policies').columns(['api_count', 'id']).execute();
  await db.schema.createIndex('keys_api_count').on('keys').columns(['api_count', 'id']).execute();
  // Plain counts of one child table each: the same triggers on both stores (row level, an atomic row update).
  for (const c of SIMPLE_COUNTS) {
    await db.schema.alterTable(c.parent).addColumn(c.column, 'integer', (col) => col.notNull().defaultTo(0)).execute();
    await sql`update ${sql.table(c.parent)} set ${sql.ref(c.column)} = (select count(*) from ${sql.table(c.child)} c where c.${sql.raw(c.fk)} = ${sql.table(c.parent)}.id)`.execute(db);
    await db.schema.createIndex(`${c.parent}_${c.column}`).on(c.parent).columns([c.column, 'id']).execute();
    const move = (row: 'new' | 'old', sign: '+' | '-') => sql.raw(`update ${c.parent} set ${c.column} = ${c.column} ${sign} 1 where id = ${row}.${c.fk};`);
    if (isPostgres(db)) {
      await sql`
        create function ${sql.raw(`portcullis_${c.parent}_${c.column}`)}() returns trigger language plpgsql as $$
        begin
          if tg_op in ('DELETE', 'UPDATE') then ${move('old', '-')} end if;
          if tg_op in ('INSERT', 'UPDATE') then ${move('new', '+')} end if;
          return null;
        end
        $$`.execute(db);
      await sql`create trigger ${sql.raw(`grant_counts_${c.child}`)} after insert or delete or update of ${sql.raw(c.fk)} on ${sql.table(c.child)}
        for each row execute function ${sql.raw(`portcullis_${c.parent}_${c.column}`)}()`.execute(db);
    } else {
      await sql`create trigger ${sql.raw(`grant_counts_${c.child}_insert`)} after insert on ${sql.table(c.child)} begin ${move('new', '+')} end`.execute(db);
      await sql`create trigger ${sql.raw(`grant_counts_${c.child}_delete`)} after delete on ${sql.table(c.child)} begin ${move('old', '-')} end`.execute(db);
      await sql`create trigger ${sql.raw(`grant_counts_${c.child}_update`)} after update of ${sql.raw(c.fk)} on ${sql.table(c.child)}
        begin ${move('old', '-')} ${move('new', '+')} end`.execute(db);
    }
  }

  if (isPostgres(db)) {
    await sql`
      create function portcullis_policy_rights_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          update policies set api_count = api_count - 1 where id = old.policy_id;
          update keys set api_count = api_count - 1 where id in (select kp.key_id from key_policies kp where kp.policy_id = old.policy_id);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          update policies set api_count = api_count + 1 where id = new.policy_id;
          update keys set api_count = api_count + 1 where id in (select kp.key_id from key_policies kp where kp.policy_id = new.policy_id);
        end if;
        return null;
      end
      $$`.execute(db);
    await sql`create trigger grant_counts_policy_rights after insert or delete or update of policy_id on policy_access_rights
      for each row execute function portcullis_policy_rights_count()`.execute(db);
    await sql`
      create function portcullis_key_rights_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then update keys set api_count = api_count - 1 where id = old.key_id; end if;
        if tg_op in ('INSERT', 'UPDATE') then update keys set api_count = api_count + 1 where id = new.key_id; end if;
        return null;
      end
      $$`.execute(db);
    await sql`create trigger grant_counts_key_rights after insert or delete or update of key_id on key_access_rights
      for each row execute function portcullis_key_rights_count()`.execute(db);
    await sql`
      create function portcullis_key_policies_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          perform 1 from policies where id = old.policy_id for update;
          update keys set api_count = api_count - (select count(*) from policy_access_rights r where r.policy_id = old.policy_id) where id = old.key_id;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform 1 from policies where id = new.policy_id for update;
          update keys set api_count = api_count + (select count(*) from policy_access_rights r where r.policy_id = new.policy_id) where id = new.key_id;
        end if;
        return null;
      end
      $$`.execute(db);
    await sql`create trigger grant_counts_key_policies after insert or delete or update of key_id, policy_id on key_policies
      for each row execute function portcullis_key_policies_count()`.execute(db);
    return;
  }

  // SQLite: one writer at a time, row triggers (they also fire for the cascades of a deleted policy, key or API).
  const policyRights = (row: 'new' | 'old', sign: '+' | '-') =>
    sql.raw(`update policies set api_count = api_count ${sign} 1 where id = ${row}.policy_id;
      update keys set api_count = api_count ${sign} 1 where id in (select kp.key_id from key_policies kp where kp.policy_id = ${row}.policy_id);`);
  await sql`create trigger grant_counts_policy_rights_insert after insert on policy_access_rights begin ${policyRights('new', '+')} end`.execute(db);
  await sql`create trigger grant_counts_policy_rights_delete after delete on policy_access_rights begin ${policyRights('old', '-')} end`.execute(db);
  await sql`create trigger grant_counts_policy_rights_update after update of policy_id on policy_access_rights
    begin ${policyRights('old', '-')} ${policyRights('new', '+')} end`.execute(db);

  const keyRights = (row: 'new' | 'old', sign: '+' | '-') => sql.raw(`update keys set api_count = api_count ${sign} 1 where id = ${row}.key_id;`);
  await sql`create trigger grant_counts_key_rights_insert after insert on key_access_rights begin ${keyRights('new', '+')} end`.execute(db);
  await sql`create trigger grant_counts_key_rights_delete after delete on key_access_rights begin ${keyRights('old', '-')} end`.execute(db);
  await sql`create trigger grant_counts_key_rights_update after update of key_id on key_access_rights
    begin ${keyRights('old', '-')} ${keyRights('new', '+')} end`.execute(db);

  const keyPolicies = (row: 'new' | 'old', sign: '+' | '-') =>
    sql.raw(
      `update keys set api_count = api_count ${sign} (select count(*) from policy_access_rights r where r.policy_id = ${row}.policy_id) where id = ${row}.key_id;`,
    );
  await sql`create trigger grant_counts_key_policies_insert after insert on key_policies begin ${keyPolicies('new', '+')} end`.execute(db);
  await sql`create trigger grant_counts_key_policies_delete after delete on key_policies begin ${keyPolicies('old', '-')} end`.execute(db);
  await sql`create trigger grant_counts_key_policies_update after update of key_id, policy_id on key_policies
    begin ${keyPolicies('old', '-')} ${keyPolicies('new', '+')} end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of SIMPLE_COUNTS) {
    if (isPostgres(db)) {
      await sql`drop trigger if exists ${sql.raw(`grant_counts_${c.child}`)} on ${sql.table(c.child)}`.execute(db);
      await sql`drop function if exists ${sql.raw(`portcullis_${c.parent}_${c.column}`)}()`.execute(db);
    } else {
      for (const op of ['insert', 'delete', 'update']) await sql`drop trigger if exists ${sql.raw(`grant_counts_${c.child}_${op}`)}`.execute(db);
    }
    await db.schema.dropIndex(`${c.parent}_${c.column}`).execute();
    await db.schema.alterTable(c.parent).dropColumn(c.column).execute();
  }
  if (isPostgres(db)) {
    await sql`drop trigger if exists grant_counts_policy_rights on policy_access_rights`.execute(db);
    await sql`drop trigger if exists grant_counts_key_rights on key_access_rights`.execute(db);
    await sql`drop trigger if exists grant_counts_key_policies on key_policies`.execute(db);
    await sql`drop function if exists portcullis_policy_rights_count()`.execute(db);
    await sql`drop function if exists portcullis_key_rights_count()`.execute(db);
    await sql`drop function if exists portcullis_key_policies_count()`.execute(db);
  } else {
    for (const t of ['policy_rights', 'key_rights', 'key_policies']) {
      for (const op of ['insert', 'delete', 'update']) await sql`drop trigger if exists ${sql.raw(`grant_counts_${t}_${op}`)}`.execute(db);
    }
  }
  await db.schema.dropIndex('policies_api_count').execute();
  await db.schema.dropIndex('keys_api_count').execute();
  await db.schema.alterTable('policies').dropColumn('api_count').execute();
  await db.schema.alterTable('keys').dropColumn('api_count').execute();
}
