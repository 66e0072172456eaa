import type { Executor } from '../db/database.js';
import type { ApiRow } from './routing.js';

/** The change counter that triggers bump on every write gateways cache (migration 0008). */
export async function readChangeVersion(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('gateway_changes').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function loadActiveApis(ex: Executor): Promise<ApiRow[]> {
  return ex
    .selectFrom('apis')
    .select(['api_id', 'name', 'kind', 'listen_path', 'target_url', 'use_keyless', 'definition', 'oas'])
    .where('active', '=', 1)
    .execute();
}

export interface KeyRecord {
  id: number;
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
  expires: number;
  is_inactive: number;
  owner_user_id: number | null;
  /** The owner's `active` flag; null when the key has no owner. */
  owner_active: number | null;
}

export interface RightsRecord {
  /** Public API id. */
  api_id: string;
  rights: string;
  /** The policy that grants it; null for the key's own access rights. */
  policy_id: number | null;
}

export interface PolicyRecord {
  id: number;
  active: number;
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
}

/** Everything that decides what a key may do, read when a gateway meets the key after a change. */
export async function loadKey(
  ex: Executor,
  keyHash: string,
): Promise<{ key: KeyRecord; policies: PolicyRecord[]; rights: RightsRecord[] } | undefined> {
  const key = await ex
    .selectFrom('keys as k')
    .leftJoin('users as u', 'u.id', 'k.owner_user_id')
    .select(['k.id', 'k.rate', 'k.per', 'k.quota_max', 'k.quota_renewal_rate', 'k.expires', 'k.is_inactive', 'k.owner_user_id', 'u.active as owner_active'])
    .where('k.key_hash', '=', keyHash)
    .executeTakeFirst();
  if (!key) return undefined;
  const policies = await ex
    .selectFrom('key_policies as kp')
    .innerJoin('policies as p', 'p.id', 'kp.policy_id')
    .select(['p.id', 'p.active', 'p.rate', 'p.per', 'p.quota_max', 'p.quota_renewal_rate'])
    .where('kp.key_id', '=', key.id)
    .orderBy('kp.position')
    .execute();
  const own = await ex
    .selectFrom('key_access_rights as r')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['a.api_id', 'r.rights'])
    .where('r.key_id', '=', key.id)
    .execute();
  const fromPolicies = await ex
    .selectFrom('key_policies as kp')
    .innerJoin('policy_access_rights as pr', 'pr.policy_id', 'kp.policy_id')
    .innerJoin('apis as a', 'a.id', 'pr.api_id')
    .select(['a.api_id', 'pr.rights', 'pr.policy_id'])
    .where('kp.key_id', '=', key.id)
    .orderBy('kp.position')
    .execute();
  return {
    key: { ...key, owner_active: key.owner_active ?? null },
    policies: policies.map((p) => ({ ...p, quota_max: Number(p.quota_max), quota_renewal_rate: Number(p.quota_renewal_rate) })),
    rights: [...own.map((r) => ({ ...r, policy_id: null })), ...fromPolicies],
  };
}

/** The key hash of the app credential an OAuth client was registered for (dynamic client registration); undefined when none. */
export async function loadClientKeyHash(ex: Executor, clientId: string): Promise<string | undefined> {
  const row = await ex
    .selectFrom('credentials as cr')
    .innerJoin('keys as k', 'k.id', 'cr.key_id')
    .select('k.key_hash')
    .where('cr.oauth_client_id', '=', clientId)
    .executeTakeFirst();
  return row?.key_hash;
}
