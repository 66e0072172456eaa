import type { Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Fields of Tyk's objects that Portcullis does not act on (a key's
 * `basic_auth_data`, a policy's `smoothing`, a product's `Content`, a plan's
 * `MetaData`, …): kept as sent, one JSON object per row, and returned on reads.
 */
const TABLES = ['keys', 'policies', 'products', 'plans'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('tyk_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('tyk_fields').execute();
}
