import { sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('auto_approve_consumers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('admin_notification_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sender_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('smtp_host', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('smtp_port', 'integer', (c) => c.notNull().defaultTo(587))
    .addColumn('smtp_username', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('smtp_password', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('portal_settings').values({ id: 1, updated_at: new Date().toISOString() }).execute();

  await db.schema
    .createTable('registration_rules')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('auto_approve', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registration_rules').ifExists().execute();
  await db.schema.dropTable('portal_settings').ifExists().execute();
}
