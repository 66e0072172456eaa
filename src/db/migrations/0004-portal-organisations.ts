import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const createWithId = (name: string) =>
    pg
      ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await createWithId('organisations')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await createWithId('teams')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('teams_organisation').on('teams').columns(['organisation_id', 'id']).execute();
  // Exactly one default team per organisation.
  await db.schema.createIndex('teams_one_default').on('teams').column('organisation_id').unique().where(sql.ref('is_default'), '=', 1).execute();

  // The Default Organisation and its default team exist from the start and can never be deleted.
  const at = new Date().toISOString();
  await db
    .insertInto('organisations')
    .values({ name: 'Default Organisation', name_normalized: 'default organisation', is_default: 1, created_at: at, updated_at: at })
    .execute();
  const org = await db.selectFrom('organisations').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow();
  await db
    .insertInto('teams')
    .values({ organisation_id: org.id, name: 'Default Organisation All users', is_default: 1, created_at: at, updated_at: at })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('teams').ifExists().execute();
  await db.schema.dropTable('organisations').ifExists().execute();
}
