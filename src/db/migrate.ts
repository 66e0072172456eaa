import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { openStore, type Db, type Store } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-apis-and-ownership.js';
import * as m0003 from './migrations/0003-policies-keys-analytics.js';
import * as m0004 from './migrations/0004-portal-organisations.js';
import * as m0005 from './migrations/0005-portal-settings.js';
import * as m0006 from './migrations/0006-portal-users-email.js';
import * as m0007 from './migrations/0007-portal-catalogue-apps.js';
import * as m0008 from './migrations/0008-gateway-change-counter.js';
import * as m0009 from './migrations/0009-password-reset-requester.js';
import * as m0012 from './migrations/0012-portal-self-registration.js';
import * as m0013 from './migrations/0013-gateway-changes-read-columns.js';
import * as m0016 from './migrations/0016-audit-subjects.js';
import * as m0017 from './migrations/0017-access-request-decision-comment.js';
import * as m0018 from './migrations/0018-portal-appearance.js';
import * as m0019 from './migrations/0019-tyk-kept-fields.js';
import * as m0020 from './migrations/0020-policy-custom-ids.js';
import * as m0023 from './migrations/0023-sign-in-change-notifications.js';
import * as m0024 from './migrations/0024-sso-profiles.js';
import * as m0025 from './migrations/0025-sso-identities.js';
import * as m0026 from './migrations/0026-oauth-providers.js';
import * as m0027 from './migrations/0027-oauth-credentials.js';
import * as m0028 from './migrations/0028-list-counts.js';
import * as m0029 from './migrations/0029-grant-counts.js';
import * as m0030 from './migrations/0030-mcp-analytics.js';
import * as m0031 from './migrations/0031-access-request-client-type.js';
import * as m0032 from './migrations/0032-audit-api-counts.js';
import * as m0033 from './migrations/0033-analytics-oauth-partial.js';

/** Migrations are listed here explicitly so that a bundle or a compiled tree finds them all. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-apis-and-ownership': m0002,
  '0003-policies-keys-analytics': m0003,
  '0004-portal-organisations': m0004,
  '0005-portal-settings': m0005,
  '0006-portal-users-email': m0006,
  '0007-portal-catalogue-apps': m0007,
  '0008-gateway-change-counter': m0008,
  '0009-password-reset-requester': m0009,
  '0012-portal-self-registration': m0012,
  '0013-gateway-changes-read-columns': m0013,
  '0016-audit-subjects': m0016,
  '0017-access-request-decision-comment': m0017,
  '0018-portal-appearance': m0018,
  '0019-tyk-kept-fields': m0019,
  '0020-policy-custom-ids': m0020,
  '0023-sign-in-change-notifications': m0023,
  '0024-sso-profiles': m0024,
  '0025-sso-identities': m0025,
  '0026-oauth-providers': m0026,
  '0027-oauth-credentials': m0027,
  '0028-list-counts': m0028,
  '0029-grant-counts': m0029,
  '0030-mcp-analytics': m0030,
  '0031-access-request-client-type': m0031,
  '0032-audit-api-counts': m0032,
  '0033-analytics-oauth-partial': m0033,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** Brings the schema to the latest version; returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'portcullis_migrations', migrationLockTableName: 'portcullis_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens the store at `databaseUrl` with its schema brought to the latest version. */
export async function openMigratedStore(config: { databaseUrl: string }): Promise<Store> {
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
