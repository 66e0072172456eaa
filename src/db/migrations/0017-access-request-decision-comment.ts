import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The administrator's optional comment on approving or rejecting an access
 * request: shown to the consumer (their app's page, the decision email) and to
 * the other administrators (the request's page). Empty while undecided.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('access_requests')
    .addColumn('decision_comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('access_requests').dropColumn('decision_comment').execute();
}
