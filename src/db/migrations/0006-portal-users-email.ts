import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Developer Portal users: a consumer is a `users` row (one account, one sign-in)
 * with an organisation and one or more of its teams. Password reset links,
 * consumer-admin invitations, the email outbox, and the portal owner of a gateway key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const createWithId = (name: string) =>
    pg
      ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await db.schema
    .alterTable('users')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('users').addColumn('provider', 'text', (c) => c.notNull().defaultTo('password')).execute();
  await db.schema.createIndex('users_organisation').on('users').columns(['organisation_id', 'id']).execute();
  await db.schema.createIndex('users_role').on('users').columns(['role', 'id']).execute();

  await db.schema
    .createTable('team_members')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['user_id', 'team_id'])
    .execute();
  await db.schema.createIndex('team_members_team').on('team_members').columns(['team_id', 'user_id']).execute();

  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_reset_tokens_user').on('password_reset_tokens').column('user_id').execute();

  await db.schema
    .createTable('invites')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('invites_email').on('invites').column('email_normalized').execute();

  await createWithId('email_outbox')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('email_outbox_due').on('email_outbox').columns(['status', 'next_attempt_at']).execute();

  // A key issued to a portal consumer works only while that consumer is active.
  await db.schema
    .alterTable('keys')
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('keys_owner_user').on('keys').column('owner_user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('keys_owner_user').ifExists().execute();
  await db.schema.alterTable('keys').dropColumn('owner_user_id').execute();
  for (const t of ['email_outbox', 'invites', 'password_reset_tokens', 'team_members']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('users_role').ifExists().execute();
  await db.schema.dropIndex('users_organisation').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('provider').execute();
  await db.schema.alterTable('users').dropColumn('organisation_id').execute();
}
