import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * OAuth 2.0 providers the Developer Portal registers clients at (dynamic client
 * registration), their client types, and the client types a product offers.
 * The provider's initial access token is kept encrypted (it is sent again at
 * every registration), never hashed and never returned.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const createWithId = (name: string) =>
    pg
      ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await createWithId('oauth_providers')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('well_known_url', 'text', (c) => c.notNull())
    .addColumn('ssl_insecure_skip_verify', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('initial_access_token_enc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await createWithId('oauth_client_types')
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('oauth_providers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('response_types', 'text', (c) => c.notNull())
    .addColumn('grant_types', 'text', (c) => c.notNull())
    .addColumn('token_endpoint_auth_method', 'text', (c) => c.notNull())
    .addColumn('okta_app_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_client_types_provider').on('oauth_client_types').columns(['provider_id', 'id']).execute();

  await db.schema
    .createTable('product_client_types')
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('client_type_id', 'integer', (c) => c.notNull().references('oauth_client_types.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('product_client_types_pk', ['product_id', 'client_type_id'])
    .execute();
  await db.schema.createIndex('product_client_types_type').on('product_client_types').column('client_type_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_client_types').execute();
  await db.schema.dropTable('oauth_client_types').execute();
  await db.schema.dropTable('oauth_providers').execute();
}
