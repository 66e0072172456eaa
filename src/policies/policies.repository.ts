import { storedId } from '../http/ids.js';
import { sql, type Selectable } from 'kysely';
import type { Filter } from '../access/filter.js';
import type { Executor } from '../db/database.js';
import type { PoliciesTable } from '../db/schema.js';
import type { Grant, GrantView, StoredRights } from './access-rights.js';

export type PolicyRow = Selectable<PoliciesTable>;
export type NewPolicyRow = Omit<PolicyRow, 'id' | 'tyk_fields'> & { tyk_fields?: string };

/** Tyk's policy search: these ids only, or (`q`) the policy with that id or those whose name holds it; `active`: active ones only. */
export interface PolicyMatch {
  ids?: number[];
  q?: string;
  active?: boolean;
}

export async function listPolicies(
  ex: Executor,
  visible: Filter,
  page?: { offset: number; limit: number },
  match: PolicyMatch = {},
): Promise<{ rows: PolicyRow[]; total: number }> {
  let base = ex.selectFrom('policies');
  if (visible.kind === 'restricted') base = base.where(visible.where);
  if (match.ids !== undefined) base = base.where('policies.id', 'in', match.ids.length > 0 ? match.ids : [-1]);
  else if (match.q !== undefined && match.q !== '') {
    const q = match.q;
    // Digits beyond the id columns' range name no policy (PostgreSQL would refuse to compare them).
    const id = storedId(q);
    const like = sql<boolean>`lower(policies.name) like ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
    base = base.where((eb) => (id === undefined ? like : eb.or([eb('policies.id', '=', id), like])));
  }
  if (match.active) base = base.where('policies.active', '=', 1);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let q = base.selectAll('policies').orderBy('policies.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: await q.execute(), total: Number(total) };
}

export async function findPolicy(ex: Executor, id: number, visible: Filter): Promise<PolicyRow | undefined> {
  let q = ex.selectFrom('policies').selectAll('policies').where('policies.id', '=', id);
  if (visible.kind === 'restricted') q = q.where(visible.where);
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

/** The grants of these policies on the APIs `apis` lets through (a filter on `a.id`). */
export async function policyGrants(ex: Executor, policyIds: number[], apis: Filter): Promise<Map<number, GrantView[]>> {
  const out = new Map<number, GrantView[]>(policyIds.map((id) => [id, []]));
  if (policyIds.length === 0) return out;
  let q = ex
    .selectFrom('policy_access_rights as r')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['r.policy_id', 'r.api_id', 'r.rights', 'a.api_id as public_id', 'a.name'])
    .where('r.policy_id', 'in', policyIds);
  if (apis.kind === 'restricted') q = q.where(apis.where);
  const rows = await q.orderBy('a.name').execute();
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

/** Of these policy ids, the ones that exist and pass `visible`. */
export async function visiblePolicyIds(ex: Executor, visible: Filter, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let q = ex.selectFrom('policies').select('policies.id').where('policies.id', 'in', ids);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return new Set((await q.execute()).map((r) => r.id));
}
