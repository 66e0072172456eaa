import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Filter } from '../access/filter.js';
import type { Dialect, Executor } from '../db/database.js';
import { inlinedWindow, pageOfWhole, pageWithTotal, rowCount, windowTotal } from '../db/row-counts.js';
import type { Database, PoliciesTable } from '../db/schema.js';
import type { Grant, GrantView, StoredRights } from './access-rights.js';

export type PolicyRow = Selectable<PoliciesTable>;
export type NewPolicyRow = Omit<PolicyRow, 'id' | 'custom_id' | 'tyk_fields' | 'api_count'> & { custom_id?: string | null; tyk_fields?: string };

/**
 * A policy id as clients write it: a numeric id (the row's), or a client's own
 * `_id` (`custom_id`). Ids made of digits are always numeric ones, so the two never meet.
 */
export type PolicyRef = { rowId: number } | { customId: string };

/** Tyk's policy search: these ids only, or (`q`) the policy with that id or those whose name holds it; `active`: active ones only. */
export interface PolicyMatch {
  ids?: PolicyRef[];
  q?: string;
  /** `q` read as an id (numeric or a client's own), if it can be one. */
  qRef?: PolicyRef;
  active?: boolean;
}

/** The condition "this row is named by one of `refs`": a policy with its own `_id` answers to that id only. */
function namedBy(refs: PolicyRef[]) {
  const rowIds = refs.flatMap((r) => ('rowId' in r ? [r.rowId] : []));
  const customIds = refs.flatMap((r) => ('customId' in r ? [r.customId] : []));
  return (eb: ExpressionBuilder<Database, 'policies'>) =>
    eb.or([
      eb.and([eb('policies.id', 'in', rowIds.length > 0 ? rowIds : [-1]), eb('policies.custom_id', 'is', null)]),
      eb('policies.custom_id', 'in', customIds.length > 0 ? customIds : ['']),
    ]);
}

export async function listPolicies(
  ex: Executor,
  visible: Filter,
  page?: { offset: number; limit: number },
  match: PolicyMatch = {},
): Promise<{ rows: PolicyRow[]; total: number }> {
  let base = ex.selectFrom('policies');
  if (visible.kind === 'restricted') base = base.where(visible.where);
  if (match.ids !== undefined) base = base.where(namedBy(match.ids));
  else if (match.q !== undefined && match.q !== '') {
    const q = match.q;
    const like = sql<boolean>`lower(policies.name) like ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
    const ref = match.qRef;
    base = base.where((eb) => (ref === undefined ? like : eb.or([namedBy([ref])(eb), like])));
  }
  if (match.active) base = base.where('policies.active', '=', 1);
  const whole = visible.kind === 'unrestricted' && match.ids === undefined && (match.q === undefined || match.q === '') && !match.active;
  const count = async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  if (page && visible.kind === 'restricted') {
    // Restricted: the page's ids and the total from one statement (windowTotal), then their rows by id.
    const ids = inlinedWindow(base.select(['policies.id as id', windowTotal]).orderBy('policies.id'), page);
    const found = await ex.selectFrom(ids.as('v')).innerJoin('policies', 'policies.id', 'v.id').selectAll('policies').select('v.total').orderBy('policies.id').execute();
    return pageWithTotal(found, page.offset, count);
  }
  if (whole && page) return pageOfWhole(ex, 'policies', base.selectAll('policies').orderBy('policies.id'), page);
  const total = whole ? await rowCount(ex, 'policies') : await count();
  let q = base.selectAll('policies').orderBy('policies.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return { rows: await q.execute(), total };
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

/**
 * Inserts a policy under the numeric id its client chose. PostgreSQL's sequence
 * does not see explicit ids, so it is moved past this one (never back); SQLite's
 * AUTOINCREMENT follows the largest id by itself.
 */
export async function insertPolicyWithId(ex: Executor, dialect: Dialect, rowId: number, row: NewPolicyRow): Promise<void> {
  await ex.insertInto('policies').values({ ...row, id: rowId }).execute();
  if (dialect === 'postgres') {
    await sql`select setval(s.seq, greatest(${rowId}::bigint, coalesce(pg_sequence_last_value(s.seq::regclass), 0)))
              from (select pg_get_serial_sequence('policies', 'id') as seq) s`.execute(ex);
  }
}

/** The row ids of the policies `refs` name, whoever may see them (ids are one space for every policy). */
export async function policyRowIds(ex: Executor, refs: PolicyRef[]): Promise<Map<PolicyRef, number>> {
  const out = new Map<PolicyRef, number>();
  if (refs.length === 0) return out;
  const rows = await ex.selectFrom('policies').select(['id', 'custom_id']).where(namedBy(refs)).execute();
  for (const ref of refs) {
    const row = rows.find((r) => ('rowId' in ref ? r.custom_id === null && r.id === ref.rowId : r.custom_id === ref.customId));
    if (row) out.set(ref, row.id);
  }
  return out;
}

/** Whether a new policy may not take this id: a row holds it, as its numeric or its own id. */
export async function policyIdTaken(ex: Executor, ref: PolicyRef): Promise<boolean> {
  const q = ex.selectFrom('policies').select('id');
  const row = await ('rowId' in ref ? q.where('id', '=', ref.rowId) : q.where('custom_id', '=', ref.customId)).executeTakeFirst();
  return row !== undefined;
}

/** How clients know these policies: their own `_id`, else the numeric id. */
export async function publicPolicyIds(ex: Executor, rowIds: number[]): Promise<Map<number, string>> {
  if (rowIds.length === 0) return new Map();
  const rows = await ex.selectFrom('policies').select(['id', 'custom_id']).where('id', 'in', rowIds).execute();
  return new Map(rows.map((r) => [r.id, r.custom_id ?? String(r.id)]));
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
