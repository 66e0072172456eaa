import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The audit log under API ownership. `audit_log_apis` records, for each entry,
 * the APIs (internal ids) it concerns — the API itself, or those a policy, key,
 * product, app, access request or credential was tied to — so that entries can
 * be filtered in SQL by the reader's scope even after the object is gone.
 * `deleted_api_owners` keeps who could see an API when it was deleted (one row
 * with both owners null for an unowned API), so its history stays with them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log_apis')
    .addColumn('audit_id', 'integer', (c) => c.notNull().references('audit_logs.id').onDelete('cascade'))
    .addColumn('api_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_apis_pk', ['audit_id', 'api_id'])
    .execute();
  await db.schema.createIndex('audit_log_apis_api').on('audit_log_apis').columns(['api_id', 'audit_id']).execute();
  await db.schema.createIndex('audit_logs_target').on('audit_logs').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('deleted_api_owners')
    .addColumn('api_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('group_id', 'integer')
    .execute();
  await db.schema.createIndex('deleted_api_owners_api').on('deleted_api_owners').column('api_id').execute();
  await db.schema.createIndex('deleted_api_owners_user').on('deleted_api_owners').columns(['user_id', 'api_id']).execute();
  await db.schema.createIndex('deleted_api_owners_group').on('deleted_api_owners').columns(['group_id', 'api_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deleted_api_owners').ifExists().execute();
  await db.schema.dropIndex('audit_logs_target').ifExists().execute();
  await db.schema.dropTable('audit_log_apis').ifExists().execute();
}
