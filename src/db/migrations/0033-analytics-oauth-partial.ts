import { sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The index on (oauth_id, at) of the raw analytics records (migration 0027)
 * held an entry for every request, but only an OAuth client's requests carry an
 * oauth_id: all the others are '' and no query looks them up by it. The index
 * now holds the OAuth ones alone, so the gateway's analytics writer updates
 * two indexes a record instead of three. Queries name the condition
 * (`oauth_id <> ''`) so that both stores can use it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analytics_records_oauth').execute();
  await db.schema
    .createIndex('analytics_records_oauth')
    .on('analytics_records')
    .columns(['oauth_id', 'at'])
    .where(sql.ref('oauth_id'), '<>', '')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analytics_records_oauth').execute();
  await db.schema.createIndex('analytics_records_oauth').on('analytics_records').columns(['oauth_id', 'at']).execute();
}
