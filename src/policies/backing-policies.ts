import type { Actor } from '../access/actor.js';
import { unrestricted } from '../access/filter.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Executor } from '../db/database.js';
import type { Limits } from '../keys/limits.js';
import type { Grant } from './access-rights.js';
import { deletePolicyRow, findPolicy, insertPolicy, policyGrants, replacePolicyGrants, updatePolicyRow, type PolicyRow } from './policies.repository.js';

/** What a portal offering (a product with a plan) grants: the product's APIs, the plan's limits. */
export interface BackingPolicySpec {
  name: string;
  /** Internal ids (apis.id) of the product's APIs. */
  apiRowIds: number[];
  limits: Limits;
  keyExpiresIn: number;
  /** Where the policy comes from, kept in its meta data for whoever reads it in the Dashboard. */
  productId: number;
  planId: number;
}

export const BACKING_POLICY_TAG = 'portal';

/** The Developer Portal manages backing policies whoever can see them in the Dashboard (the caller checked `portal` and holding). */
const BACKING_POLICY_SYNC = unrestricted('backing policy sync');

const now = (): string => new Date().toISOString();

function grantsOf(apiRowIds: number[]): Grant[] {
  // Every version and every path: a product exposes whole APIs.
  return [...new Set(apiRowIds)].map((apiRowId) => ({ apiRowId, rights: { versions: [], allowed_urls: [], limit: null } }));
}

function columnsOf(spec: BackingPolicySpec) {
  return {
    name: spec.name,
    active: 1,
    rate: spec.limits.rate,
    per: spec.limits.per,
    quota_max: spec.limits.quota_max,
    quota_renewal_rate: spec.limits.quota_renewal_rate,
    key_expires_in: spec.keyExpiresIn,
    tags: JSON.stringify([BACKING_POLICY_TAG]),
    meta_data: JSON.stringify({ portal_product_id: spec.productId, portal_plan_id: spec.planId }),
  };
}

/** Does the policy already say what the spec says? Then nothing is written (nor audited). */
async function isInStep(trx: Executor, row: PolicyRow, spec: BackingPolicySpec): Promise<boolean> {
  const want = columnsOf(spec);
  const same = (Object.keys(want) as (keyof typeof want)[]).every((k) => String(row[k]) === String(want[k]));
  if (!same) return false;
  const grants = (await policyGrants(trx, [row.id], BACKING_POLICY_SYNC)).get(row.id) ?? [];
  const have = grants.map((g) => g.apiRowId).sort((a, b) => a - b);
  const wanted = [...new Set(spec.apiRowIds)].sort((a, b) => a - b);
  return have.length === wanted.length && have.every((id, i) => id === wanted[i]) && grants.every((g) => g.rights.versions.length === 0 && g.rights.allowed_urls.length === 0 && g.rights.limit === null);
}

/**
 * Creates or rewrites the Dashboard policy behind a portal offering, inside the
 * caller's transaction. An explicit, named bypass of the Dashboard's `policies`
 * permission and of API ownership: the Developer Portal manages these policies,
 * and the caller has already checked the actor's `portal` permission and scope.
 * Returns the policy id (a new one when `policyId` is null or no longer exists).
 */
export async function syncBackingPolicy(trx: Executor, actor: Actor, policyId: number | null, spec: BackingPolicySpec): Promise<number> {
  const current = policyId === null ? undefined : await findPolicy(trx, policyId, BACKING_POLICY_SYNC);
  const exists = current !== undefined;
  if (exists && (await isInStep(trx, current, spec))) return current.id;
  const at = now();
  let id: number;
  if (exists) {
    id = current.id;
    await updatePolicyRow(trx, id, { ...columnsOf(spec), updated_at: at });
  } else {
    id = await insertPolicy(trx, { ...columnsOf(spec), created_at: at, updated_at: at });
  }
  await replacePolicyGrants(trx, id, grantsOf(spec.apiRowIds));
  await recordAudit(trx, actor, {
    action: exists ? 'policy.update' : 'policy.create',
    targetType: 'policy',
    targetId: id,
    changes: {
      name: spec.name,
      managed_by: 'portal',
      product_id: spec.productId,
      plan_id: spec.planId,
      api_ids: [...new Set(spec.apiRowIds)],
      ...spec.limits,
      key_expires_in: spec.keyExpiresIn,
    },
  });
  return id;
}

/**
 * The offering behind a backing policy is gone: the policy goes too, unless keys
 * still use it (they keep working until revoked). Returns whether it was deleted.
 */
export async function releaseBackingPolicy(trx: Executor, actor: Actor, policyId: number): Promise<boolean> {
  const policy = await findPolicy(trx, policyId, BACKING_POLICY_SYNC);
  if (!policy) return false;
  const used = await trx.selectFrom('key_policies').select('key_id').where('policy_id', '=', policyId).limit(1).executeTakeFirst();
  if (used) return false;
  await deletePolicyRow(trx, policyId);
  await recordAudit(trx, actor, { action: 'policy.delete', targetType: 'policy', targetId: policyId, changes: { name: policy.name, managed_by: 'portal' } });
  return true;
}
