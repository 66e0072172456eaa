import type { Executor } from '../db/database.js';
import { policyRef } from '../policies/policy-ids.js';
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
  const held = await ex.selectFrom('key_policies').select('policy_id').where('key_id', '=', key.id).orderBy('position').execute();
  const own = await ex
    .selectFrom('key_access_rights as r')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['a.api_id', 'r.rights'])
    .where('r.key_id', '=', key.id)
    .execute();
  const fromPolicies = await loadPolicies(ex, held.map((p) => p.policy_id));
  return {
    key: { ...key, owner_active: key.owner_active ?? null },
    policies: fromPolicies.policies,
    rights: [...own.map((r) => ({ ...r, policy_id: null })), ...fromPolicies.rights],
  };
}

/**
 * Policies by row id, in the order given, with the access rights they grant:
 * what a key holding them gets from them (and a JWT session given them). Ids
 * of policies that do not exist are left out.
 */
export async function loadPolicies(ex: Executor, ids: number[]): Promise<{ policies: PolicyRecord[]; rights: RightsRecord[] }> {
  if (ids.length === 0) return { policies: [], rights: [] };
  const order = new Map(ids.map((id, i) => [id, i]));
  const rank = (id: number): number => order.get(id) ?? 0;
  const policies = await ex
    .selectFrom('policies as p')
    .select(['p.id', 'p.active', 'p.rate', 'p.per', 'p.quota_max', 'p.quota_renewal_rate'])
    .where('p.id', 'in', ids)
    .execute();
  const rights = await ex
    .selectFrom('policy_access_rights as pr')
    .innerJoin('apis as a', 'a.id', 'pr.api_id')
    .select(['a.api_id', 'pr.rights', 'pr.policy_id'])
    .where('pr.policy_id', 'in', ids)
    .execute();
  return {
    policies: policies.sort((a, b) => rank(a.id) - rank(b.id)).map((p) => ({ ...p, quota_max: Number(p.quota_max), quota_renewal_rate: Number(p.quota_renewal_rate) })),
    rights: rights.sort((a, b) => rank(a.policy_id) - rank(b.policy_id)),
  };
}

/**
 * The row ids of the policies these public ids name (a policy's own `_id`,
 * else its numeric id), in the order given; ids naming no policy are left out.
 */
export async function policyRowIdsOf(ex: Executor, publicIds: string[]): Promise<number[]> {
  const refs = publicIds.map((id) => ({ id, ref: policyRef(id) }));
  const rowIds = refs.flatMap(({ ref }) => (ref !== undefined && 'rowId' in ref ? [ref.rowId] : []));
  const customIds = refs.flatMap(({ ref }) => (ref !== undefined && 'customId' in ref ? [ref.customId] : []));
  if (rowIds.length === 0 && customIds.length === 0) return [];
  const rows = await ex
    .selectFrom('policies')
    .select(['id', 'custom_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('id', 'in', rowIds.length > 0 ? rowIds : [-1]), eb('custom_id', 'is', null)]),
        eb('custom_id', 'in', customIds.length > 0 ? customIds : ['']),
      ]),
    )
    .execute();
  const out: number[] = [];
  for (const { ref } of refs) {
    const row = ref === undefined ? undefined : rows.find((r) => ('rowId' in ref ? r.custom_id === null && r.id === ref.rowId : r.custom_id === ref.customId));
    if (row !== undefined && !out.includes(row.id)) out.push(row.id);
  }
  return out;
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
