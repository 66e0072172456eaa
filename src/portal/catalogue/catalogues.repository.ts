import { Invalid } from '../../errors.js';
import type { Selectable } from 'kysely';
import type { Filter, Restricted } from '../../access/filter.js';
import type { Executor } from '../../db/database.js';
import type { CataloguesTable } from '../../db/schema.js';

export type CatalogueRow = Selectable<CataloguesTable>;
export type Visibility = CataloguesTable['visibility'];

type Page = { offset: number; limit: number };

const normalized = (name: string): string => name.trim().toLowerCase();

export async function listCatalogues(ex: Executor, page: Page, visible: Filter): Promise<CatalogueRow[]> {
  let q = ex.selectFrom('catalogues').selectAll('catalogues');
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return q.orderBy('catalogues.id').limit(page.limit).offset(page.offset).execute();
}

export async function findCatalogue(ex: Executor, id: number): Promise<CatalogueRow | undefined> {
  return ex.selectFrom('catalogues').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCatalogueByName(ex: Executor, name: string): Promise<CatalogueRow | undefined> {
  return ex.selectFrom('catalogues').selectAll().where('name_normalized', '=', normalized(name)).executeTakeFirst();
}

export async function insertCatalogue(ex: Executor, name: string, visibility: Visibility, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('catalogues')
    .values({ name, name_normalized: normalized(name), visibility, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCatalogueRow(ex: Executor, id: number, patch: { name?: string; visibility?: Visibility }, at: string): Promise<void> {
  await ex
    .updateTable('catalogues')
    .set({
      ...(patch.name !== undefined ? { name: patch.name, name_normalized: normalized(patch.name) } : {}),
      ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteCatalogueRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('catalogues').where('id', '=', id).execute();
}

export async function existingCatalogueIds(ex: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  return new Set((await ex.selectFrom('catalogues').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}

/** Throws a 400 naming `Catalogues` unless every id names a catalogue. */
export async function requireCatalogues(ex: Executor, ids: number[]): Promise<void> {
  const found = await existingCatalogueIds(ex, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new Invalid('Catalogues', `no such catalogue: ${missing}`);
}

/** Products listed in these catalogues, narrowed by `visible` (a product filter on `p.id`). */
export async function productsOfCatalogues(
  ex: Executor,
  catalogueIds: number[],
  visible: Filter,
): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>(catalogueIds.map((id) => [id, []]));
  if (catalogueIds.length === 0) return out;
  let q = ex
    .selectFrom('catalogue_products as cp')
    .innerJoin('products as p', 'p.id', 'cp.product_id')
    .select(['cp.catalogue_id', 'p.id', 'p.name'])
    .where('cp.catalogue_id', 'in', catalogueIds);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  for (const r of await q.orderBy('p.id').execute()) out.get(r.catalogue_id)?.push({ id: r.id, name: r.name });
  return out;
}

export async function plansOfCatalogues(ex: Executor, catalogueIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>(catalogueIds.map((id) => [id, []]));
  if (catalogueIds.length === 0) return out;
  const rows = await ex
    .selectFrom('catalogue_plans as cp')
    .innerJoin('plans as p', 'p.id', 'cp.plan_id')
    .select(['cp.catalogue_id', 'p.id', 'p.name'])
    .where('cp.catalogue_id', 'in', catalogueIds)
    .orderBy('p.id')
    .execute();
  for (const r of rows) out.get(r.catalogue_id)?.push({ id: r.id, name: r.name });
  return out;
}

export interface AudienceEntry {
  organisationId: number;
  organisationName: string;
  /** Null: the whole organisation. */
  teamId: number | null;
  teamName: string | null;
}

export async function audiencesOf(ex: Executor, catalogueIds: number[]): Promise<Map<number, AudienceEntry[]>> {
  const out = new Map<number, AudienceEntry[]>(catalogueIds.map((id) => [id, []]));
  if (catalogueIds.length === 0) return out;
  const orgs = await ex
    .selectFrom('catalogue_organisations as co')
    .innerJoin('organisations as o', 'o.id', 'co.organisation_id')
    .select(['co.catalogue_id', 'o.id', 'o.name'])
    .where('co.catalogue_id', 'in', catalogueIds)
    .orderBy('o.id')
    .execute();
  for (const r of orgs) out.get(r.catalogue_id)?.push({ organisationId: r.id, organisationName: r.name, teamId: null, teamName: null });
  const teams = await ex
    .selectFrom('catalogue_teams as ct')
    .innerJoin('teams as t', 't.id', 'ct.team_id')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['ct.catalogue_id', 't.id as team_id', 't.name as team_name', 'o.id as org_id', 'o.name as org_name'])
    .where('ct.catalogue_id', 'in', catalogueIds)
    .orderBy('t.id')
    .execute();
  for (const r of teams) {
    out.get(r.catalogue_id)?.push({ organisationId: r.org_id, organisationName: r.org_name, teamId: r.team_id, teamName: r.team_name });
  }
  return out;
}

export async function replaceAudience(ex: Executor, catalogueId: number, organisationIds: number[], teamIds: number[]): Promise<void> {
  await ex.deleteFrom('catalogue_organisations').where('catalogue_id', '=', catalogueId).execute();
  await ex.deleteFrom('catalogue_teams').where('catalogue_id', '=', catalogueId).execute();
  const orgs = [...new Set(organisationIds)];
  const teams = [...new Set(teamIds)];
  if (orgs.length > 0) await ex.insertInto('catalogue_organisations').values(orgs.map((organisation_id) => ({ catalogue_id: catalogueId, organisation_id }))).execute();
  if (teams.length > 0) await ex.insertInto('catalogue_teams').values(teams.map((team_id) => ({ catalogue_id: catalogueId, team_id }))).execute();
}

/** Organisations and teams that exist, each team with its organisation. */
export async function existingAudience(
  ex: Executor,
  organisationIds: number[],
  teamIds: number[],
): Promise<{ organisations: Set<number>; teams: Map<number, number> }> {
  const organisations =
    organisationIds.length === 0
      ? new Set<number>()
      : new Set((await ex.selectFrom('organisations').select('id').where('id', 'in', organisationIds).execute()).map((r) => r.id));
  const teams =
    teamIds.length === 0
      ? new Map<number, number>()
      : new Map((await ex.selectFrom('teams').select(['id', 'organisation_id']).where('id', 'in', teamIds).execute()).map((r) => [r.id, r.organisation_id]));
  return { organisations, teams };
}

/** The catalogue's products that `products` lets through (a filter on `catalogue_products.product_id`). */
export async function catalogueProductIds(ex: Executor, catalogueId: number, products: Filter): Promise<number[]> {
  let q = ex.selectFrom('catalogue_products').select('catalogue_products.product_id').where('catalogue_products.catalogue_id', '=', catalogueId);
  if (products.kind === 'restricted') q = q.where(products.where);
  return (await q.execute()).map((r) => r.product_id);
}

export async function cataloguePlanIds(ex: Executor, catalogueId: number): Promise<number[]> {
  return (await ex.selectFrom('catalogue_plans').select('plan_id').where('catalogue_id', '=', catalogueId).execute()).map((r) => r.plan_id);
}

export async function replaceCatalogueProducts(ex: Executor, catalogueId: number, productIds: number[]): Promise<void> {
  await ex.deleteFrom('catalogue_products').where('catalogue_id', '=', catalogueId).execute();
  const ids = [...new Set(productIds)];
  if (ids.length > 0) await ex.insertInto('catalogue_products').values(ids.map((product_id) => ({ catalogue_id: catalogueId, product_id }))).execute();
}

export async function replaceCataloguePlans(ex: Executor, catalogueId: number, planIds: number[]): Promise<void> {
  await ex.deleteFrom('catalogue_plans').where('catalogue_id', '=', catalogueId).execute();
  const ids = [...new Set(planIds)];
  if (ids.length > 0) await ex.insertInto('catalogue_plans').values(ids.map((plan_id) => ({ catalogue_id: catalogueId, plan_id }))).execute();
}

/** Catalogues listing a product, by id and name, of those `visible` lets through (a filter on `c.id`). */
export async function cataloguesOfProducts(ex: Executor, productIds: number[], visible: Filter): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return out;
  let q = ex
    .selectFrom('catalogue_products as cp')
    .innerJoin('catalogues as c', 'c.id', 'cp.catalogue_id')
    .select(['cp.product_id', 'c.id', 'c.name'])
    .where('cp.product_id', 'in', productIds);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  const rows = await q.orderBy('c.id').execute();
  for (const r of rows) out.get(r.product_id)?.push({ id: r.id, name: r.name });
  return out;
}

export async function cataloguesOfPlans(ex: Executor, planIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return out;
  const rows = await ex
    .selectFrom('catalogue_plans as cp')
    .innerJoin('catalogues as c', 'c.id', 'cp.catalogue_id')
    .select(['cp.plan_id', 'c.id', 'c.name'])
    .where('cp.plan_id', 'in', planIds)
    .orderBy('c.id')
    .execute();
  for (const r of rows) out.get(r.plan_id)?.push({ id: r.id, name: r.name });
  return out;
}

export async function replaceProductCatalogues(ex: Executor, productId: number, catalogueIds: number[]): Promise<void> {
  await ex.deleteFrom('catalogue_products').where('product_id', '=', productId).execute();
  const ids = [...new Set(catalogueIds)];
  if (ids.length > 0) await ex.insertInto('catalogue_products').values(ids.map((catalogue_id) => ({ catalogue_id, product_id: productId }))).execute();
}

export async function replacePlanCatalogues(ex: Executor, planId: number, catalogueIds: number[]): Promise<void> {
  await ex.deleteFrom('catalogue_plans').where('plan_id', '=', planId).execute();
  const ids = [...new Set(catalogueIds)];
  if (ids.length > 0) await ex.insertInto('catalogue_plans').values(ids.map((catalogue_id) => ({ catalogue_id, plan_id: planId }))).execute();
}

/** For these products, each plan offered with one of them in a catalogue the visitor may see (once per pair). */
export async function plansOfferedWith(ex: Executor, productIds: number[], visibleCatalogues: Restricted): Promise<{ product_id: number; plan_id: number }[]> {
  if (productIds.length === 0) return [];
  return ex
    .selectFrom('catalogue_products as cp')
    .innerJoin('catalogue_plans as cl', 'cl.catalogue_id', 'cp.catalogue_id')
    .select(['cp.product_id', 'cl.plan_id'])
    .distinct()
    .where('cp.product_id', 'in', productIds)
    .where(visibleCatalogues.where)
    .execute();
}
