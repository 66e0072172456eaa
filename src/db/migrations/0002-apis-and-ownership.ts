import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const createWithId = (name: string) =>
    pg
      ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await createWithId('apis')
    .addColumn('api_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('listen_path', 'text', (c) => c.notNull())
    .addColumn('listen_path_key', 'text', (c) => c.notNull())
    .addColumn('target_url', 'text', (c) => c.notNull())
    .addColumn('use_keyless', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('oas', 'text')
    .addColumn('owned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('apis_created_at').on('apis').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('apis_updated_at').on('apis').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('apis_name').on('apis').columns(['name', 'id']).execute();
  await db.schema.createIndex('apis_unowned').on('apis').columns(['owned', 'id']).execute();
  // Two active APIs can never share a listen path, even under concurrent writes.
  await db.schema
    .createIndex('apis_active_listen_path')
    .on('apis')
    .column('listen_path_key')
    .unique()
    .where(sql.ref('active'), '=', 1)
    .execute();

  await db.schema
    .createTable('api_owner_users')
    .addColumn('api_id', 'integer', (c) => c.notNull().references('apis.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('api_owner_users_pk', ['api_id', 'user_id'])
    .execute();
  await db.schema.createIndex('api_owner_users_user').on('api_owner_users').columns(['user_id', 'api_id']).execute();

  await db.schema
    .createTable('api_owner_groups')
    .addColumn('api_id', 'integer', (c) => c.notNull().references('apis.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('user_groups.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('api_owner_groups_pk', ['api_id', 'group_id'])
    .execute();
  await db.schema.createIndex('api_owner_groups_group').on('api_owner_groups').columns(['group_id', 'api_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['api_owner_groups', 'api_owner_users', 'apis']) await db.schema.dropTable(t).ifExists().execute();
}
