import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Developer Portal catalogue (catalogues, products, plans and the Dashboard
 * policy behind each product/plan pair), consumers' apps, access requests and
 * credentials, and the portal's blog posts and pages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const createWithId = (name: string) =>
    pg
      ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const real = pg ? ('double precision' as const) : ('real' as const);

  await createWithId('catalogues')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalogue_organisations')
    .addColumn('catalogue_id', 'integer', (c) => c.notNull().references('catalogues.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('catalogue_organisations_pk', ['catalogue_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('catalogue_organisations_org').on('catalogue_organisations').columns(['organisation_id', 'catalogue_id']).execute();

  await db.schema
    .createTable('catalogue_teams')
    .addColumn('catalogue_id', 'integer', (c) => c.notNull().references('catalogues.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('catalogue_teams_pk', ['catalogue_id', 'team_id'])
    .execute();
  await db.schema.createIndex('catalogue_teams_team').on('catalogue_teams').columns(['team_id', 'catalogue_id']).execute();

  await createWithId('products')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('product_apis')
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('api_id', 'integer', (c) => c.notNull().references('apis.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // An uploaded OpenAPI document (JSON text); null means "take it from the OAS API".
    .addColumn('oas_document', 'text')
    .addPrimaryKeyConstraint('product_apis_pk', ['product_id', 'api_id'])
    .execute();
  await db.schema.createIndex('product_apis_api').on('product_apis').columns(['api_id', 'product_id']).execute();

  await createWithId('product_guides')
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('product_guides_product').on('product_guides').columns(['product_id', 'position']).execute();

  await db.schema
    .createTable('catalogue_products')
    .addColumn('catalogue_id', 'integer', (c) => c.notNull().references('catalogues.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('catalogue_products_pk', ['catalogue_id', 'product_id'])
    .execute();
  await db.schema.createIndex('catalogue_products_product').on('catalogue_products').columns(['product_id', 'catalogue_id']).execute();

  // Unlimited rate: rate = per = 0. Unlimited quota: quota_max = quota_renewal_rate = -1.
  await createWithId('plans')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('rate', real, (c) => c.notNull())
    .addColumn('per', real, (c) => c.notNull())
    .addColumn('quota_max', 'bigint', (c) => c.notNull())
    .addColumn('quota_renewal_rate', 'bigint', (c) => c.notNull())
    .addColumn('key_expires_in', 'bigint', (c) => c.notNull())
    .addColumn('auto_approve', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalogue_plans')
    .addColumn('catalogue_id', 'integer', (c) => c.notNull().references('catalogues.id').onDelete('cascade'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('catalogue_plans_pk', ['catalogue_id', 'plan_id'])
    .execute();
  await db.schema.createIndex('catalogue_plans_plan').on('catalogue_plans').columns(['plan_id', 'catalogue_id']).execute();

  // The Dashboard policy behind a product offered with a plan: the product's APIs, the plan's limits.
  await db.schema
    .createTable('product_plan_policies')
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().unique().references('policies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('product_plan_policies_pk', ['product_id', 'plan_id'])
    .execute();

  await createWithId('apps')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('apps_user').on('apps').columns(['user_id', 'id']).execute();

  await createWithId('access_requests')
    .addColumn('app_id', 'integer', (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('catalogue_id', 'integer', (c) => c.references('catalogues.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('access_requests_status').on('access_requests').columns(['status', 'id']).execute();
  await db.schema.createIndex('access_requests_app').on('access_requests').columns(['app_id', 'id']).execute();
  await db.schema.createIndex('access_requests_product').on('access_requests').columns(['product_id', 'id']).execute();
  await db.schema.createIndex('access_requests_plan').on('access_requests').columns(['plan_id', 'id']).execute();

  // The gateway key of a credential is minted when the consumer first views it.
  await createWithId('credentials')
    .addColumn('access_request_id', 'integer', (c) => c.notNull().references('access_requests.id').onDelete('cascade'))
    .addColumn('app_id', 'integer', (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('key_id', 'integer', (c) => c.references('keys.id').onDelete('set null'))
    .addColumn('revealed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credentials_app').on('credentials').columns(['app_id', 'id']).execute();
  await db.schema.createIndex('credentials_request').on('credentials').column('access_request_id').execute();

  await createWithId('portal_content')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('post', 'page')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('lede', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('portal_content_path', ['kind', 'path'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'portal_content',
    'credentials',
    'access_requests',
    'apps',
    'product_plan_policies',
    'catalogue_plans',
    'plans',
    'catalogue_products',
    'product_guides',
    'product_apis',
    'products',
    'catalogue_teams',
    'catalogue_organisations',
    'catalogues',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
