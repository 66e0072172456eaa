import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Filter } from '../../access/filter.js';
import type { Executor } from '../../db/database.js';
import { rowCount } from '../../db/row-counts.js';
import type { AccessRequestsTable } from '../../db/schema.js';

export type AccessRequestRow = Selectable<AccessRequestsTable>;
export type AccessRequestStatus = AccessRequestsTable['status'];

/** A request with what its views name: the app, product, plan, catalogue, the owner, and the backing policy (if any). */
export interface AccessRequestDetail extends AccessRequestRow {
  app_name: string;
  product_name: string;
  product_display_name: string;
  product_description: string;
  plan_name: string;
  catalogue_name: string | null;
  user_email: string;
  user_first_name: string;
  user_last_name: string;
  user_active: number;
  user_created_at: string;
  user_organisation_id: number | null;
  user_organisation_name: string | null;
  /** Who decided (approved or rejected), when someone did. */
  decided_by_email: string | null;
  policy_id: number | null;
}

/** Without the decider's email and the backing policy: those two are read apart for lists (see withDeciderAndPolicy). */
function detailedCore(ex: Executor) {
  return ex
    .selectFrom('access_requests as ar')
    .innerJoin('apps as a', 'a.id', 'ar.app_id')
    .innerJoin('products as p', 'p.id', 'ar.product_id')
    .innerJoin('plans as pl', 'pl.id', 'ar.plan_id')
    .innerJoin('users as u', 'u.id', 'ar.user_id')
    .leftJoin('catalogues as c', 'c.id', 'ar.catalogue_id')
    .leftJoin('organisations as org', 'org.id', 'u.organisation_id')
    .selectAll('ar')
    .select([
      'a.name as app_name',
      'p.name as product_name',
      'p.display_name as product_display_name',
      'p.description as product_description',
      'pl.name as plan_name',
      'c.name as catalogue_name',
      'u.email as user_email',
      'u.first_name as user_first_name',
      'u.last_name as user_last_name',
      'u.active as user_active',
      'u.created_at as user_created_at',
      'u.organisation_id as user_organisation_id',
      'org.name as user_organisation_name',
    ]);
}

function detailed(ex: Executor) {
  return detailedCore(ex)
    .leftJoin('users as decider', 'decider.id', 'ar.decided_by')
    .leftJoin('product_plan_policies as ppp', (j) => j.onRef('ppp.product_id', '=', 'ar.product_id').onRef('ppp.plan_id', '=', 'ar.plan_id'))
    .select(['decider.email as decided_by_email', 'ppp.policy_id as policy_id']);
}

type CoreRow = Omit<AccessRequestDetail, 'decided_by_email' | 'policy_id'>;

/**
 * The two left joins of `detailed` for a list's rows, as two lookups: on
 * PostgreSQL planning the nine-way join took 4-12 ms per call, ten times its
 * execution (docs/benchmarks.md, Lists). Same answers: the decider's email when
 * the account exists, the backing policy of the (product, plan) pair if any
 * (one at most: the pair is product_plan_policies' primary key).
 */
async function withDeciderAndPolicy(ex: Executor, rows: CoreRow[]): Promise<AccessRequestDetail[]> {
  if (rows.length === 0) return [];
  const deciderIds = [...new Set(rows.map((r) => r.decided_by).filter((id): id is number => id !== null))];
  const emails = new Map<number, string>();
  if (deciderIds.length > 0) {
    for (const d of await ex.selectFrom('users').select(['id', 'email']).where('id', 'in', deciderIds).execute()) emails.set(d.id, d.email);
  }
  const policies = new Map<string, number>();
  const productIds = [...new Set(rows.map((r) => r.product_id))];
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  for (const b of await ex
    .selectFrom('product_plan_policies')
    .select(['product_id', 'plan_id', 'policy_id'])
    .where('product_id', 'in', productIds)
    .where('plan_id', 'in', planIds)
    .execute()) {
    policies.set(`${b.product_id}:${b.plan_id}`, b.policy_id);
  }
  return rows.map((r) => ({
    ...r,
    decided_by_email: r.decided_by === null ? null : (emails.get(r.decided_by) ?? null),
    policy_id: policies.get(`${r.product_id}:${r.plan_id}`) ?? null,
  }));
}

export interface AccessRequestFilter {
  status?: AccessRequestStatus;
  appIds?: number[];
  /** Pending ones first, then the others, newest first in each (for a reviewer's list). */
  pendingFirst?: boolean;
}

/** `visible`: the reader's filter from src/access on `ar` (and its joins), ANDed into the query. */
export async function listAccessRequests(
  ex: Executor,
  filter: AccessRequestFilter,
  visible: Filter,
  page?: { offset: number; limit: number },
): Promise<AccessRequestDetail[]> {
  if (filter.appIds !== undefined && filter.appIds.length === 0) return [];
  // The same conditions and order for the page's ids and for the details (the filter is on `ar`).
  const where: Expression<SqlBool>[] = [];
  if (visible.kind === 'restricted') where.push(visible.where);
  if (filter.status !== undefined) where.push(sql<SqlBool>`ar.status = ${filter.status}`);
  if (filter.appIds !== undefined) where.push(sql<SqlBool>`ar.app_id in (${sql.join(filter.appIds)})`);
  const order = filter.pendingFirst ? [sql`case when ar.status = 'pending' then 0 else 1 end`, sql`ar.id desc`] : [sql`ar.id`];
  if (!page) {
    let q = detailedCore(ex);
    for (const w of where) q = q.where(w);
    for (const o of order) q = q.orderBy(o);
    return withDeciderAndPolicy(ex, await q.execute());
  }
  // A page: its ids first, chosen on access_requests alone (where the filter and the order live),
  // then the details of those only, so that the page costs its size whatever the planner makes of the joins.
  // The joins are on required foreign keys: they neither add nor drop a request.
  let first = ex.selectFrom('access_requests as ar').select('ar.id');
  for (const w of where) first = first.where(w);
  for (const o of order) first = first.orderBy(o);
  const ids = (await first.limit(page.limit).offset(page.offset).execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await detailedCore(ex).where('ar.id', 'in', ids).execute();
  const at = new Map(ids.map((id, i) => [id, i]));
  return withDeciderAndPolicy(ex, rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!));
}

export async function countAccessRequests(ex: Executor, filter: AccessRequestFilter, visible: Filter): Promise<number> {
  if (visible.kind === 'unrestricted' && filter.status === undefined) return rowCount(ex, 'access_requests');
  let q = ex.selectFrom('access_requests as ar');
  if (visible.kind === 'restricted') q = q.where(visible.where);
  if (filter.status !== undefined) q = q.where('ar.status', '=', filter.status);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export async function findAccessRequest(ex: Executor, id: number, visible: Filter): Promise<AccessRequestDetail | undefined> {
  let q = detailed(ex).where('ar.id', '=', id);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return q.executeTakeFirst();
}

export interface NewAccessRequest {
  app_id: number;
  user_id: number;
  product_id: number;
  plan_id: number;
  catalogue_id: number;
  status: AccessRequestStatus;
  decided_at: string | null;
  decided_by: number | null;
  /** The OAuth client type chosen (Tyk's ClientTypeID); null: the product's first. */
  client_type_id: number | null;
}

export async function insertAccessRequest(ex: Executor, row: NewAccessRequest, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('access_requests')
    .values({ ...row, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A pending or approved request of the app for the same product and plan, if any. */
export async function findOpenDuplicate(ex: Executor, appId: number, productId: number, planId: number): Promise<AccessRequestRow | undefined> {
  return ex
    .selectFrom('access_requests')
    .selectAll()
    .where('app_id', '=', appId)
    .where('product_id', '=', productId)
    .where('plan_id', '=', planId)
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirst();
}

/**
 * Decides a pending request; false when it was no longer pending (someone else
 * decided first), so that two deciders never both win.
 */
export async function decidePending(ex: Executor, id: number, status: 'approved' | 'rejected', decidedBy: number | null, at: string, comment = ''): Promise<boolean> {
  const res = await ex
    .updateTable('access_requests')
    .set({ status, decided_by: decidedBy, decided_at: at, updated_at: at, decision_comment: comment })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Deletes the request; its credentials go with it (cascade). Keys are the caller's to revoke first. */
export async function deleteAccessRequestRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('access_requests').where('id', '=', id).execute();
}
