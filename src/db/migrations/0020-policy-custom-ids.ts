import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * A policy's id chosen by its client, as Tyk-managed definitions carry fixed
 * string ids (`_id`, e.g. a 24-hex ObjectId). Null for a policy known by its
 * numeric id only. One id space for every policy, whoever may see it, so the
 * column is unique across the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('policies').addColumn('custom_id', 'text').execute();
  await db.schema.createIndex('policies_custom_id').on('policies').column('custom_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('policies_custom_id').execute();
  await db.schema.alterTable('policies').dropColumn('custom_id').execute();
}
