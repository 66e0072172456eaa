import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import { restricted, type Filter } from './filter.js';
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
