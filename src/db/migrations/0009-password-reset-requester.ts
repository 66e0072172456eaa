import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The client address that asked for each password reset link, so that one
 * client cannot have links mailed to many accounts (rows from before: '').
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('password_reset_tokens').addColumn('requested_from', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('password_reset_tokens_requested_from').on('password_reset_tokens').columns(['requested_from', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('password_reset_tokens_requested_from').ifExists().execute();
  await db.schema.alterTable('password_reset_tokens').dropColumn('requested_from').execute();
}
