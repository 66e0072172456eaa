import { sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * The Live Portal's appearance (Settings > Appearance): one row. Empty strings
 * mean "the default" (the portal's own colour, no logo, no custom CSS). The
 * logo is kept as base64 text so that SQLite and PostgreSQL store it alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_appearance')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('portal_name', 'text', (c) => c.notNull().defaultTo('Developer portal'))
    .addColumn('logo_media_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo_base64', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('primary_colour', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('font_family', 'text', (c) => c.notNull().defaultTo('system'))
    .addColumn('custom_css', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('introduction', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('menu_links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('portal_appearance').values({ id: 1, updated_at: new Date().toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_appearance').ifExists().execute();
}
