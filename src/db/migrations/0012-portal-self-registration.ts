import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/** Self-registration can be closed (invitations still work); open by default, as before. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_settings').addColumn('self_registration', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_settings').dropColumn('self_registration').execute();
}
