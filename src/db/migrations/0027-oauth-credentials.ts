import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * Credentials of DCR products carry the client registered at the provider: its
 * id, the RFC 7592 management URI and token (encrypted), and the client secret
 * (encrypted) until the consumer has seen it once.
 *
 * Whichever way a credential row goes (its app, its access request or its
 * user deleted, cascades included), a trigger queues its client for deletion at
 * the provider in the same transaction; the control plane works the queue off
 * after commit and retries what the provider did not accept.
 *
 * Analytics records name the OAuth client of a JWT-authenticated call.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('credentials').addColumn('oauth_client_id', 'text').execute();
  await db.schema.alterTable('credentials').addColumn('oauth_client_type_id', 'integer').execute();
  await db.schema.alterTable('credentials').addColumn('dcr_registration_client_uri', 'text').execute();
  await db.schema.alterTable('credentials').addColumn('dcr_registration_token_enc', 'text').execute();
  await db.schema.alterTable('credentials').addColumn('oauth_client_secret_enc', 'text').execute();
  await db.schema.createIndex('credentials_oauth_client').on('credentials').column('oauth_client_id').unique().execute();

  const table = pg
    ? db.schema.createTable('oauth_client_deletions').addColumn('id', 'serial', (c) => c.primaryKey())
    : db.schema.createTable('oauth_client_deletions').addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await table
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('registration_client_uri', 'text')
    .addColumn('registration_token_enc', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .execute();

  if (pg) {
    await sql`
      create function portcullis_queue_oauth_client_deletion() returns trigger language plpgsql as $$
      begin
        insert into oauth_client_deletions (client_id, registration_client_uri, registration_token_enc, attempts, last_error, created_at, next_attempt_at)
        values (old.oauth_client_id, old.dcr_registration_client_uri, old.dcr_registration_token_enc, 0, '',
                to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger credentials_queue_oauth_client_deletion
      after delete on credentials
      for each row when (old.oauth_client_id is not null)
      execute function portcullis_queue_oauth_client_deletion()`.execute(db);
  } else {
    await sql`
      create trigger credentials_queue_oauth_client_deletion
      after delete on credentials
      when old.oauth_client_id is not null
      begin
        insert into oauth_client_deletions (client_id, registration_client_uri, registration_token_enc, attempts, last_error, created_at, next_attempt_at)
        values (old.oauth_client_id, old.dcr_registration_client_uri, old.dcr_registration_token_enc, 0, '',
                strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      end`.execute(db);
  }

  await db.schema.alterTable('analytics_records').addColumn('oauth_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('analytics_records_oauth').on('analytics_records').columns(['oauth_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('analytics_records_oauth').execute();
  await db.schema.alterTable('analytics_records').dropColumn('oauth_id').execute();
  if (pg) {
    await sql`drop trigger if exists credentials_queue_oauth_client_deletion on credentials`.execute(db);
    await sql`drop function if exists portcullis_queue_oauth_client_deletion()`.execute(db);
  } else {
    await sql`drop trigger if exists credentials_queue_oauth_client_deletion`.execute(db);
  }
  await db.schema.dropTable('oauth_client_deletions').execute();
  await db.schema.dropIndex('credentials_oauth_client').execute();
  for (const c of ['oauth_client_secret_enc', 'dcr_registration_token_enc', 'dcr_registration_client_uri', 'oauth_client_type_id', 'oauth_client_id']) {
    await db.schema.alterTable('credentials').dropColumn(c).execute();
  }
}
