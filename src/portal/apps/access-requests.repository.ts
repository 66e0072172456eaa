import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Filter } from '../../access/filter.js';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../../db/compiled-once.js';
import { isPostgres, type Executor } from '../../db/database.js';
import { pageWithTotal, inlinedWindow, rowCount, windowTotal } from '../../db/row-counts.js';
import type { AccessRequestsTable } from '../../db/schema.js';

export type AccessRequestRow = Selectable<AccessRequestsTable>;
export type AccessRequestStatus = AccessRequestsTable['status'];

/** A request with what its views name: the app, product, plan, catalogue, the owner, and the backing policy (if any). */
export interface AccessRequestDetail extends AccessRequestRow {
  app_name: string;
  product_name: string;
  product_display_name: string;
  product_description: string;
  /** The product's Tyk fields (JSON text): whether it registers OAuth clients (DCREnabled) is read from them. */
  product_tyk_fields: string;
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
  /** The name of the OAuth client type the consumer chose (client_type_id); null when they chose none or it was deleted. */
  client_type_name: string | null;
}

function detailed(ex: Executor) {
  return ex
    .selectFrom('access_requests as ar')
    .innerJoin('apps as a', 'a.id', 'ar.app_id')
    .innerJoin('products as p', 'p.id', 'ar.product_id')
    .innerJoin('plans as pl', 'pl.id', 'ar.plan_id')
    .innerJoin('users as u', 'u.id', 'ar.user_id')
    .leftJoin('catalogues as c', 'c.id', 'ar.catalogue_id')
    .leftJoin('organisations as org', 'org.id', 'u.organisation_id')
    .leftJoin('users as decider', 'decider.id', 'ar.decided_by')
    .leftJoin('product_plan_policies as ppp', (j) => j.onRef('ppp.product_id', '=', 'ar.product_id').onRef('ppp.plan_id', '=', 'ar.plan_id'))
    .leftJoin('oauth_client_types as ct', 'ct.id', 'ar.client_type_id')
    .selectAll('ar')
    .select([
      'a.name as app_name',
      'p.name as product_name',
      'p.display_name as product_display_name',
      'p.description as product_description',
      'p.tyk_fields as product_tyk_fields',
      'pl.name as plan_name',
      'c.name as catalogue_name',
      'u.email as user_email',
      'u.first_name as user_first_name',
      'u.last_name as user_last_name',
      'u.active as user_active',
      'u.created_at as user_created_at',
      'u.organisation_id as user_organisation_id',
      'org.name as user_organisation_name',
      'decider.email as decided_by_email',
      'ppp.policy_id as policy_id',
      'ct.name as client_type_name',
    ]);
}

/** Requests whose details one round of lookups reads. */
const DETAILS_AT_ONCE = 1000;

function distinct(values: (number | null)[]): number[] {
  return [...new Set(values.filter((v): v is number => v !== null))];
}

/** The ids as one array parameter (`= any($n)`): an empty list needs no special case. */
const anyOf = (ids: readonly number[]) => sql<number>`any(${ids})`;

/**
 * What `withDetails` reads on PostgreSQL, in one statement, one round trip: each
 * lookup a single-table read by primary key (planned in microseconds), its rows
 * as a JSON array. Six statements overlapping on the pool woke six server
 * processes per page on a small machine, and their tails added up. Its shape
 * never changes: built and compiled once (building and compiling it cost
 * about 38 µs a page).
 */
const detailsOf = compiledOnce(
  (
    ex: Executor,
    appIds: readonly number[],
    productIds: readonly number[],
    planIds: readonly number[],
    userIds: readonly number[],
    catalogueIds: readonly number[],
    pairProductIds: readonly number[],
    pairPlanIds: readonly number[],
    clientTypeIds: readonly number[],
  ) =>
    ex.selectNoFrom((eb) => [
      jsonArrayFrom(eb.selectFrom('apps').select(['id', 'name']).where('id', '=', anyOf(appIds))).as('apps'),
      jsonArrayFrom(eb.selectFrom('products').select(['id', 'name', 'display_name', 'description', 'tyk_fields']).where('id', '=', anyOf(productIds))).as('products'),
      jsonArrayFrom(eb.selectFrom('plans').select(['id', 'name']).where('id', '=', anyOf(planIds))).as('plans'),
      // The accounts (owners and deciders) with their organisation's name: a two-way join plans in no time.
      jsonArrayFrom(
        eb
          .selectFrom('users as u')
          .leftJoin('organisations as org', 'org.id', 'u.organisation_id')
          .select(['u.id', 'u.email', 'u.first_name', 'u.last_name', 'u.active', 'u.created_at', 'u.organisation_id', 'org.name as organisation_name'])
          .where('u.id', '=', anyOf(userIds)),
      ).as('users'),
      jsonArrayFrom(eb.selectFrom('catalogues').select(['id', 'name']).where('id', '=', anyOf(catalogueIds))).as('catalogues'),
      jsonArrayFrom(
        eb.selectFrom('product_plan_policies').select(['product_id', 'plan_id', 'policy_id']).where('product_id', '=', anyOf(pairProductIds)).where('plan_id', '=', anyOf(pairPlanIds)),
      ).as('policies'),
      jsonArrayFrom(eb.selectFrom('oauth_client_types').select(['id', 'name']).where('id', '=', anyOf(clientTypeIds))).as('clientTypes'),
    ]),
);

/**
 * What `detailed` adds to a list's requests. On PostgreSQL, by single-table
 * lookups of the rows' ids (in one statement) instead of the nine-way join:
 * planning that join took 1.5-12 ms per call, many times its execution
 * (docs/benchmarks.md, Lists). Same answers, in the same order: a request
 * whose app, product, plan or account were missing would be left out as the
 * inner joins leave it out (they are required foreign keys, so none is); the
 * catalogue, organisation and decider when they exist; the backing policy of
 * the (product, plan) pair if any (one at most: the pair is
 * product_plan_policies' primary key).
 */
async function withDetails(ex: Executor, rows: AccessRequestRow[]): Promise<AccessRequestDetail[]> {
  if (rows.length === 0) return [];
  if (rows.length > DETAILS_AT_ONCE) {
    // An app's whole history can be long: its ids go in pieces, within the stores' limits on parameters.
    const out: AccessRequestDetail[] = [];
    for (let i = 0; i < rows.length; i += DETAILS_AT_ONCE) out.push(...(await withDetails(ex, rows.slice(i, i + DETAILS_AT_ONCE))));
    return out;
  }
  if (!isPostgres(ex)) {
    // SQLite plans the join in microseconds, where seven statements cost more: the join, by the rows' ids.
    const found = new Map((await detailed(ex).where('ar.id', 'in', distinct(rows.map((r) => r.id))).execute()).map((d) => [d.id, d]));
    return rows.flatMap((r) => found.get(r.id) ?? []);
  }
  const productIds = distinct(rows.map((r) => r.product_id));
  const planIds = distinct(rows.map((r) => r.plan_id));
  const found = await detailsOf(
    ex,
    distinct(rows.map((r) => r.app_id)),
    productIds,
    planIds,
    distinct([...rows.map((r) => r.user_id), ...rows.map((r) => r.decided_by)]),
    distinct(rows.map((r) => r.catalogue_id)),
    productIds,
    planIds,
    distinct(rows.map((r) => r.client_type_id)),
  );
  const { apps, products, plans, users, catalogues, policies, clientTypes } = found[0]!;
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const app = byId(apps);
  const product = byId(products);
  const plan = byId(plans);
  const user = byId(users);
  const catalogue = byId(catalogues);
  const clientType = byId(clientTypes);
  const policy = new Map(policies.map((b) => [`${b.product_id}:${b.plan_id}`, b.policy_id]));
  const out: AccessRequestDetail[] = [];
  for (const r of rows) {
    const a = app.get(r.app_id);
    const p = product.get(r.product_id);
    const pl = plan.get(r.plan_id);
    const u = user.get(r.user_id);
    if (!a || !p || !pl || !u) continue;
    // The row's own fields last: a literal opening with a spread is slow on Node 20 (see withKept, src/http/tyk-fields.ts).
    out.push({
      app_name: a.name,
      product_name: p.name,
      product_display_name: p.display_name,
      product_description: p.description,
      product_tyk_fields: p.tyk_fields,
      plan_name: pl.name,
      catalogue_name: r.catalogue_id === null ? null : (catalogue.get(r.catalogue_id)?.name ?? null),
      user_email: u.email,
      user_first_name: u.first_name,
      user_last_name: u.last_name,
      user_active: u.active,
      user_created_at: u.created_at,
      user_organisation_id: u.organisation_id,
      user_organisation_name: u.organisation_name,
      decided_by_email: r.decided_by === null ? null : (user.get(r.decided_by)?.email ?? null),
      policy_id: policy.get(`${r.product_id}:${r.plan_id}`) ?? null,
      client_type_name: r.client_type_id === null ? null : (clientType.get(r.client_type_id)?.name ?? null),
      ...r,
    });
  }
  return out;
}

export interface AccessRequestFilter {
  status?: AccessRequestStatus;
  appIds?: number[];
  /** Pending ones first, then the others, newest first in each (for a reviewer's list). */
  pendingFirst?: boolean;
}

/** The conditions (on `ar`) and the order of a list. */
function listShape(filter: AccessRequestFilter, visible: Filter): { where: Expression<SqlBool>[]; order: Expression<unknown>[] } {
  const where: Expression<SqlBool>[] = [];
  if (visible.kind === 'restricted') where.push(visible.where);
  if (filter.status !== undefined) where.push(sql<SqlBool>`ar.status = ${filter.status}`);
  if (filter.appIds !== undefined) where.push(sql<SqlBool>`ar.app_id in (${sql.join(filter.appIds)})`);
  const order = filter.pendingFirst ? [sql`case when ar.status = 'pending' then 0 else 1 end`, sql`ar.id desc`] : [sql`ar.id`];
  return { where, order };
}

/**
 * `visible`: the reader's filter from src/access on `ar`, ANDed into the query.
 * The rows are chosen on access_requests alone (where the filter, the status and
 * the order live), then their details looked up (see withDetails).
 */
export async function listAccessRequests(
  ex: Executor,
  filter: AccessRequestFilter,
  visible: Filter,
  page?: { offset: number; limit: number },
): Promise<AccessRequestDetail[]> {
  if (filter.appIds !== undefined && filter.appIds.length === 0) return [];
  const { where, order } = listShape(filter, visible);
  // The requests of a few apps: read first by the apps' index (materialised), then the reader's filter on
  // those alone; else PostgreSQL walks the requests of every product the reader sees for the apps' few.
  const appIds = filter.appIds;
  let q =
    appIds === undefined
      ? ex.selectFrom('access_requests as ar').selectAll('ar')
      : ex
          .with(
            (cte) => cte('requests_of_apps').materialized(),
            (db) => db.selectFrom('access_requests').selectAll().where('app_id', 'in', appIds),
          )
          .selectFrom('requests_of_apps as ar')
          .selectAll('ar');
  for (const w of where) q = q.where(w);
  for (const o of order) q = q.orderBy(o);
  if (page) q = q.limit(page.limit).offset(page.offset);
  return withDetails(ex, await q.execute());
}

/** An approved request as the Admin Portal's app list shows it: what it grants and how many credentials it holds. */
export interface AppAccess {
  id: number;
  app_id: number;
  product_id: number;
  product_name: string;
  plan_id: number;
  plan_name: string;
  credentials: number;
}

/**
 * The approved requests of these apps that the reader sees (`visible`, on
 * `ar`), oldest first, in one statement: the list needs neither the requests'
 * other details nor their credentials, only how many there are.
 */
export async function approvedAccessOfApps(ex: Executor, appIds: number[], visible: Filter): Promise<AppAccess[]> {
  if (appIds.length === 0) return [];
  // As in listAccessRequests: the apps' requests first (materialised), then the reader's filter on those alone.
  let q = ex
    .with(
      (cte) => cte('requests_of_apps').materialized(),
      (db) => db.selectFrom('access_requests').selectAll().where('app_id', 'in', appIds).where('status', '=', 'approved'),
    )
    .selectFrom('requests_of_apps as ar')
    .innerJoin('products as p', 'p.id', 'ar.product_id')
    .innerJoin('plans as pl', 'pl.id', 'ar.plan_id')
    .select((eb) => [
      'ar.id',
      'ar.app_id',
      'ar.product_id',
      'p.name as product_name',
      'ar.plan_id',
      'pl.name as plan_name',
      eb.selectFrom('credentials as cr').whereRef('cr.access_request_id', '=', 'ar.id').select(eb.fn.countAll<number>().as('n')).as('credentials'),
    ]);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  const rows = await q.orderBy('ar.id').execute();
  // PostgreSQL's count is a bigint (parsed as a number, database.ts); the subquery's type says it may be null.
  return rows.map((r) => ({ id: r.id, app_id: r.app_id, product_id: r.product_id, product_name: r.product_name, plan_id: r.plan_id, plan_name: r.plan_name, credentials: Number(r.credentials ?? 0) }));
}

/**
 * A page of requests and how many the filter selects in all. For a restricted
 * reader both come from one statement (windowTotal), then their rows by id.
 */
export async function pageAccessRequests(
  ex: Executor,
  filter: AccessRequestFilter,
  visible: Filter,
  page: { offset: number; limit: number } | undefined,
): Promise<{ rows: AccessRequestDetail[]; total: number }> {
  if (!page || visible.kind === 'unrestricted') {
    const rows = await listAccessRequests(ex, filter, visible, page);
    return { rows, total: page ? await countAccessRequests(ex, filter, visible) : rows.length };
  }
  if (filter.appIds !== undefined && filter.appIds.length === 0) return { rows: [], total: 0 };
  const { where, order } = listShape(filter, visible);
  let ids = ex.selectFrom('access_requests as ar').select(['ar.id as id', windowTotal]);
  for (const w of where) ids = ids.where(w);
  for (const o of order) ids = ids.orderBy(o);
  let q = ex
    .selectFrom(inlinedWindow(ids, page).as('v'))
    .innerJoin('access_requests as ar', 'ar.id', 'v.id')
    .selectAll('ar')
    .select('v.total');
  for (const o of order) q = q.orderBy(o);
  const found = await q.execute();
  const { rows, total } = await pageWithTotal(found, page.offset, () => countAccessRequests(ex, filter, visible));
  return { rows: await withDetails(ex, rows), total };
}

export async function countAccessRequests(ex: Executor, filter: AccessRequestFilter, visible: Filter): Promise<number> {
  if (visible.kind === 'unrestricted' && filter.status === undefined && filter.appIds === undefined) return rowCount(ex, 'access_requests');
  if (filter.appIds !== undefined && filter.appIds.length === 0) return 0;
  let q = ex.selectFrom('access_requests as ar');
  for (const w of listShape(filter, visible).where) q = q.where(w);
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
