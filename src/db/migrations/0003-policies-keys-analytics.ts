import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const createWithId = (name: string, big = false) =>
    pg
      ? db.schema.createTable(name).addColumn('id', big ? 'bigserial' : 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const real = pg ? ('double precision' as const) : ('real' as const);

  await createWithId('policies')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('rate', real, (c) => c.notNull())
    .addColumn('per', real, (c) => c.notNull())
    .addColumn('quota_max', 'bigint', (c) => c.notNull())
    .addColumn('quota_renewal_rate', 'bigint', (c) => c.notNull())
    .addColumn('key_expires_in', 'bigint', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('meta_data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy_access_rights')
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
    .addColumn('api_id', 'integer', (c) => c.notNull().references('apis.id').onDelete('cascade'))
    .addColumn('rights', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_access_rights_pk', ['policy_id', 'api_id'])
    .execute();
  await db.schema.createIndex('policy_access_rights_api').on('policy_access_rights').columns(['api_id', 'policy_id']).execute();

  await createWithId('keys')
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('rate', real, (c) => c.notNull())
    .addColumn('per', real, (c) => c.notNull())
    .addColumn('quota_max', 'bigint', (c) => c.notNull())
    .addColumn('quota_renewal_rate', 'bigint', (c) => c.notNull())
    .addColumn('expires', 'bigint', (c) => c.notNull())
    .addColumn('is_inactive', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('meta_data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('key_access_rights')
    .addColumn('key_id', 'integer', (c) => c.notNull().references('keys.id').onDelete('cascade'))
    .addColumn('api_id', 'integer', (c) => c.notNull().references('apis.id').onDelete('cascade'))
    .addColumn('rights', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_access_rights_pk', ['key_id', 'api_id'])
    .execute();
  await db.schema.createIndex('key_access_rights_api').on('key_access_rights').columns(['api_id', 'key_id']).execute();

  await db.schema
    .createTable('key_policies')
    .addColumn('key_id', 'integer', (c) => c.notNull().references('keys.id').onDelete('cascade'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_policies_pk', ['key_id', 'policy_id'])
    .execute();
  await db.schema.createIndex('key_policies_policy').on('key_policies').columns(['policy_id', 'key_id']).execute();

  await createWithId('analytics_records', true)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('api_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('response_code', 'integer', (c) => c.notNull())
    .addColumn('request_time', 'integer', (c) => c.notNull())
    .addColumn('upstream_time', 'integer', (c) => c.notNull())
    .addColumn('api_key', 'text', (c) => c.notNull())
    .addColumn('ip_address', 'text', (c) => c.notNull())
    .addColumn('content_length', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analytics_records_at').on('analytics_records').column('at').execute();

  // Hourly roll-ups, kept up to date on every write; queries read only these.
  const counters = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('hits', 'bigint', (c) => c.notNull())
      .addColumn('success', 'bigint', (c) => c.notNull())
      .addColumn('errors', 'bigint', (c) => c.notNull())
      .addColumn('status_2xx', 'bigint', (c) => c.notNull())
      .addColumn('status_3xx', 'bigint', (c) => c.notNull())
      .addColumn('status_4xx', 'bigint', (c) => c.notNull())
      .addColumn('status_5xx', 'bigint', (c) => c.notNull())
      .addColumn('request_time_sum', 'bigint', (c) => c.notNull())
      .addColumn('upstream_time_sum', 'bigint', (c) => c.notNull());

  await counters(db.schema.createTable('analytics_hourly_api'))
    .addColumn('api_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_hourly_api_pk', ['api_id', 'hour'])
    .execute();
  await db.schema.createIndex('analytics_hourly_api_hour').on('analytics_hourly_api').columns(['hour', 'api_id']).execute();

  await counters(db.schema.createTable('analytics_hourly_key'))
    .addColumn('api_key', 'text', (c) => c.notNull())
    .addColumn('api_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_hourly_key_pk', ['api_key', 'api_id', 'hour'])
    .execute();
  await db.schema.createIndex('analytics_hourly_key_hour').on('analytics_hourly_key').columns(['hour', 'api_id']).execute();

  await counters(db.schema.createTable('analytics_hourly_endpoint'))
    .addColumn('api_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_hourly_endpoint_pk', ['api_id', 'method', 'path', 'hour'])
    .execute();
  await db.schema.createIndex('analytics_hourly_endpoint_hour').on('analytics_hourly_endpoint').columns(['hour', 'api_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'analytics_hourly_endpoint',
    'analytics_hourly_key',
    'analytics_hourly_api',
    'analytics_records',
    'key_policies',
    'key_access_rights',
    'keys',
    'policy_access_rights',
    'policies',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
