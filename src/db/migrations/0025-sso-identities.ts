import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Which account an identity at a provider signs into: (issuer, subject) is the
 * identity, never the email address, so that an address changed at the provider
 * cannot reach another account. Deleting the account forgets its links.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const table = pg
    ? db.schema.createTable('sso_identities').addColumn('id', 'serial', (c) => c.primaryKey())
    : db.schema.createTable('sso_identities').addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await table
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sso_identities_issuer_subject', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('sso_identities_user').on('sso_identities').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sso_identities').ifExists().execute();
}
