import type { Executor } from '../db/database.js';
import { keyVisibleCondition, type ApiScope } from './ownership.js';

/** The name given to the one row that gathers the traffic of keys the viewer cannot see. */
export const OTHER_KEYS = 'other';

/**
 * The hashes of the keys whose identity (hash and alias) an analytics viewer may
 * see in per-key traffic: the keys visible in their scope. Traffic of every
 * other key — another team's, or a key since deleted — is counted under
 * OTHER_KEYS, so totals still add up without naming them. Undefined means
 * "every key".
 */
export function identifiableKeyHashes(ex: Executor, scope: ApiScope) {
  const visible = keyVisibleCondition(ex, scope, 'keys.id');
  if (!visible) return undefined;
  return ex.selectFrom('keys').select('keys.key_hash').where(visible);
}
