import type { Selectable } from 'kysely';
import { policyVisibleCondition, type ApiScope } from '../access/ownership.js';
import type { Executor } from '../db/database.js';
import type { PoliciesTable } from '../db/schema.js';
import type { Grant, GrantView, StoredRights } from './access-rights.js';

export type PolicyRow = Selectable<PoliciesTable>;
export type NewPolicyRow = Omit<PolicyRow, 'id'>;

export async function listPolicies(
  ex: Executor,
  scope: ApiScope,
  page?: { offset: number; limit: number },
): Promise<{ rows: PolicyRow[]; total: number }> {
  let base = ex.selectFrom('policies');
  const visible = policyVisibleCondition(ex, scope, 'policies.id');
  if (visible) base = base.where(visible);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let q = base.selectAll('policies').orderBy('policies.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: await q.execute(), total: Number(total) };
}

export async function findPolicy(ex: Executor, id: number, scope: ApiScope): Promise<PolicyRow | undefined> {
  let q = ex.selectFrom('policies').selectAll('policies').where('policies.id', '=', id);
  const visible = policyVisibleCondition(ex, scope, 'policies.id');
  if (visible) q = q.where(visible);
  return q.executeTakeFirst();
}

export async function insertPolicy(ex: Executor, row: NewPolicyRow): Promise<number> {
  const { id } = await ex.insertInto('policies').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePolicyRow(ex: Executor, id: number, row: Partial<NewPolicyRow>): Promise<void> {
  await ex.updateTable('policies').set(row).where('id', '=', id).execute();
}

export async function deletePolicyRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('policies').where('id', '=', id).execute();
}

export async function policyGrants(ex: Executor, policyIds: number[]): Promise<Map<number, GrantView[]>> {
  const out = new Map<number, GrantView[]>(policyIds.map((id) => [id, []]));
  if (policyIds.length === 0) return out;
  const rows = await ex
    .selectFrom('policy_access_rights as r')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['r.policy_id', 'r.api_id', 'r.rights', 'a.api_id as public_id', 'a.name'])
    .where('r.policy_id', 'in', policyIds)
    .orderBy('a.name')
    .execute();
  for (const r of rows) {
    out.get(r.policy_id)?.push({ apiRowId: r.api_id, apiId: r.public_id, apiName: r.name, rights: JSON.parse(r.rights) as StoredRights });
  }
  return out;
}

export async function replacePolicyGrants(ex: Executor, policyId: number, grants: Grant[]): Promise<void> {
  await ex.deleteFrom('policy_access_rights').where('policy_id', '=', policyId).execute();
  if (grants.length === 0) return;
  await ex
    .insertInto('policy_access_rights')
    .values(grants.map((g) => ({ policy_id: policyId, api_id: g.apiRowId, rights: JSON.stringify(g.rights) })))
    .execute();
}

/** Of these policy ids, the ones that exist and are in scope. */
export async function visiblePolicyIds(ex: Executor, scope: ApiScope, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let q = ex.selectFrom('policies').select('policies.id').where('policies.id', 'in', ids);
  const visible = policyVisibleCondition(ex, scope, 'policies.id');
  if (visible) q = q.where(visible);
  return new Set((await q.execute()).map((r) => r.id));
}
