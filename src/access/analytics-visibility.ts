import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import type { UserActor } from './actor.js';
import { consumerAppFilter } from './app-visibility.js';
import { restricted, type Filter, type Restricted } from './filter.js';
import { keyFilter, type Scope } from './ownership.js';

/** The name given to the one row that gathers the traffic of keys the viewer cannot see. */
export const OTHER_KEYS = 'other';

/**
 * Per-key traffic whose key an analytics viewer may identify (by hash and alias),
 * by a column holding the key hash: the keys visible in their scope. Traffic of
 * every other key — another team's, or a key since deleted — is counted under
 * OTHER_KEYS, so totals still add up without naming them.
 */
export function identifiableKeyFilter(ex: Executor, scope: Scope, keyHashColumn: string): Filter {
  const visible = keyFilter(ex, scope, 'keys.id');
  if (visible.kind === 'unrestricted') return visible;
  const hashes = ex.selectFrom('keys').select('keys.key_hash').where(visible.where);
  return restricted(sql<SqlBool>`${sql.ref(keyHashColumn)} in (${hashes})`);
}

/**
 * Of the key hashes named in an activity view (/api/activity/keys/...), those the
 * viewer may not identify: for a restricted scope, every hash that is not one of
 * its visible keys — another team's key, a deleted one or one that never existed
 * alike, so that a hidden key answers like a missing one. An unrestricted viewer
 * may name any hash (a deleted key's traffic stays readable, as in Tyk).
 */
export async function unidentifiableKeyHashes(ex: Executor, scope: Scope, hashes: string[]): Promise<string[]> {
  const visible = keyFilter(ex, scope, 'keys.id');
  if (visible.kind === 'unrestricted' || hashes.length === 0) return [];
  const rows = await ex.selectFrom('keys').select('keys.key_hash').where('keys.key_hash', 'in', hashes).where(visible.where).execute();
  const known = new Set(rows.map((r) => r.key_hash));
  return hashes.filter((h) => !known.has(h));
}

/**
 * Live Portal: the per-key traffic a consumer may read as one app's usage, by a
 * column holding the key hash — the keys of that app's credentials, and only if
 * the consumer may read the app (see app-visibility.ts). Every other key's
 * traffic (another app's, a Dashboard key, a key since rotated away) is left out.
 */
export function consumerAppKeyFilter(_ex: Executor, consumer: UserActor, appId: number, keyHashColumn: string): Restricted {
  const readable = consumerAppFilter(_ex, consumer, 'usage_app').where;
  return restricted(sql<SqlBool>`${sql.ref(keyHashColumn)} in (
    select usage_key.key_hash from credentials usage_cred
    join keys usage_key on usage_key.id = usage_cred.key_id
    join apps usage_app on usage_app.id = usage_cred.app_id
    where usage_cred.app_id = ${appId} and ${readable})`);
}
