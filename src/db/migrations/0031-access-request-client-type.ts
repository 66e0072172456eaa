import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The OAuth client type a consumer chose when asking for a DCR product (Tyk's
 * `ClientTypeID`); null when they chose none (the product's first client type
 * is then used). Deleting the client type clears it: pending requests that chose
 * it are rejected in the same transaction by the application.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Nullable without a default: instant on both stores.
  await db.schema
    .alterTable('access_requests')
    .addColumn('client_type_id', 'integer', (c) => c.references('oauth_client_types.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('access_requests').dropColumn('client_type_id').execute();
}
