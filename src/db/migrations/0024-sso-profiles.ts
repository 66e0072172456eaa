import { type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Single sign-on profiles (OpenID Connect relying-party settings), keyed by the
 * identifier their administrator chose (Tyk's `ID`, part of the login address).
 * The client secret is stored encrypted (AES-256-GCM, key from the server's
 * configuration) because it must be sent to the provider again; '' means none.
 * JSON documents (scopes, group mapping) are text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sso_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('action_type', 'text', (c) => c.notNull())
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('discovery_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret_sealed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('["openid","email","profile"]'))
    .addColumn('custom_email_field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('custom_user_group_field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_group_mapping', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('user_group_separator', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_user_group_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('registered_users_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sso_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sso_profiles_action_type').on('sso_profiles').column('action_type').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sso_profiles').ifExists().execute();
}
