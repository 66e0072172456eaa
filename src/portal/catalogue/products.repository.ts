import type { Selectable } from 'kysely';
import type { Filter } from '../../access/filter.js';
import type { Executor } from '../../db/database.js';
import { inlinedWindow } from '../../db/row-counts.js';
import type { ProductGuidesTable, ProductsTable } from '../../db/schema.js';

export type ProductRow = Selectable<ProductsTable>;
export type GuideRow = Selectable<ProductGuidesTable>;

type Page = { offset: number; limit: number };

const normalized = (name: string): string => name.trim().toLowerCase();

/** `visible` is a filter on `products.id` (API ownership, catalogue visibility). */
export async function listProducts(ex: Executor, page: Page, visible: Filter): Promise<ProductRow[]> {
  let q = ex.selectFrom('products').selectAll('products');
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return inlinedWindow(q.orderBy('products.id'), page).execute();
}

export async function findProduct(ex: Executor, id: number, visible: Filter): Promise<ProductRow | undefined> {
  let q = ex.selectFrom('products').selectAll('products').where('products.id', '=', id);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return q.executeTakeFirst();
}

export async function productsByIds(ex: Executor, ids: number[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return ex.selectFrom('products').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function findProductByName(ex: Executor, name: string): Promise<ProductRow | undefined> {
  return ex.selectFrom('products').selectAll().where('name_normalized', '=', normalized(name)).executeTakeFirst();
}

/** Of these product ids, those that exist and pass `visible`. */
export async function visibleProductIds(ex: Executor, ids: number[], visible: Filter): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let q = ex.selectFrom('products').select('products.id').where('products.id', 'in', ids);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return new Set((await q.execute()).map((r) => r.id));
}

export interface ProductColumns {
  name: string;
  display_name: string;
  description: string;
  tags: string;
  /** Kept Tyk fields (src/http/tyk-fields.ts). */
  tyk_fields: string;
}

export async function insertProduct(ex: Executor, row: ProductColumns, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('products')
    .values({ ...row, name_normalized: normalized(row.name), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateProductRow(ex: Executor, id: number, row: ProductColumns, at: string): Promise<void> {
  await ex
    .updateTable('products')
    .set({ ...row, name_normalized: normalized(row.name), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteProductRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('products').where('id', '=', id).execute();
}

export interface ProductApiRow {
  product_id: number;
  api_row_id: number;
  api_id: string;
  name: string;
  kind: 'classic' | 'oas';
  active: number;
  listen_path: string;
  target_url: string;
  description: string;
  /** Whether an uploaded document or the OAS API's own exists. */
  has_document: number;
  /** Whether a document was uploaded for the API in this product (it replaces the OAS API's own). */
  has_upload: number;
  position: number;
}

/** The APIs products expose, in order; `visibleApis` narrows them to a reader's scope (a filter on `a.id`). */
export async function apisOfProducts(ex: Executor, productIds: number[], visibleApis: Filter): Promise<Map<number, ProductApiRow[]>> {
  const out = new Map<number, ProductApiRow[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return out;
  let q = ex
    .selectFrom('product_apis as pa')
    .innerJoin('apis as a', 'a.id', 'pa.api_id')
    .select((eb) => [
      'pa.product_id',
      'a.id as api_row_id',
      'a.api_id',
      'a.name',
      'a.kind',
      'a.active',
      'a.listen_path',
      'a.target_url',
      'pa.description',
      'pa.position',
      eb.case().when(eb.or([eb('pa.oas_document', 'is not', null), eb('a.oas', 'is not', null)])).then(1).else(0).end().as('has_document'),
      eb.case().when('pa.oas_document', 'is not', null).then(1).else(0).end().as('has_upload'),
    ])
    .where('pa.product_id', 'in', productIds);
  if (visibleApis.kind === 'restricted') q = q.where(visibleApis.where);
  // Field by field, not `{ ...r, has_document: … }`: a literal opening with a spread is slow on Node 20 (see withKept, src/http/tyk-fields.ts).
  for (const r of await q.orderBy('pa.product_id').orderBy('pa.position').execute()) {
    out.get(r.product_id)?.push({
      product_id: r.product_id,
      api_row_id: r.api_row_id,
      api_id: r.api_id,
      name: r.name,
      kind: r.kind,
      active: r.active,
      listen_path: r.listen_path,
      target_url: r.target_url,
      description: r.description,
      position: r.position,
      has_document: Number(r.has_document),
      has_upload: Number(r.has_upload),
    });
  }
  return out;
}

/** Internal API ids of each product (all of them, whoever asks: the backing policy grants them all). */
export async function apiRowIdsOfProducts(ex: Executor, productIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return out;
  const rows = await ex.selectFrom('product_apis').select(['product_id', 'api_id']).where('product_id', 'in', productIds).orderBy('position').execute();
  for (const r of rows) out.get(r.product_id)?.push(r.api_id);
  return out;
}

export interface ProductApiInput {
  apiRowId: number;
  description: string;
}

/**
 * Sets the product's APIs: keeps uploaded documents of APIs that stay, drops the
 * rest; `keep` lists APIs to leave untouched (those the caller cannot see).
 */
export async function replaceProductApis(ex: Executor, productId: number, apis: ProductApiInput[], keep: number[]): Promise<void> {
  const existing = await ex.selectFrom('product_apis').select(['api_id', 'oas_document']).where('product_id', '=', productId).execute();
  const docs = new Map(existing.map((r) => [r.api_id, r.oas_document]));
  const kept = new Set(keep);
  let q = ex.deleteFrom('product_apis').where('product_id', '=', productId);
  if (kept.size > 0) q = q.where('api_id', 'not in', [...kept]);
  await q.execute();
  const rows = apis
    .filter((a) => !kept.has(a.apiRowId))
    .map((a, i) => ({ product_id: productId, api_id: a.apiRowId, position: kept.size + i, description: a.description, oas_document: docs.get(a.apiRowId) ?? null }));
  if (rows.length > 0) await ex.insertInto('product_apis').values(rows).execute();
}

export async function findProductApi(
  ex: Executor,
  productId: number,
  apiId: string,
  visibleApis: Filter,
): Promise<{ api_row_id: number; api_id: string; name: string; description: string; oas_document: string | null; api_oas: string | null } | undefined> {
  let q = ex
    .selectFrom('product_apis as pa')
    .innerJoin('apis as a', 'a.id', 'pa.api_id')
    .select(['a.id as api_row_id', 'a.api_id', 'a.name', 'pa.description', 'pa.oas_document', 'a.oas as api_oas'])
    .where('pa.product_id', '=', productId)
    .where('a.api_id', '=', apiId);
  if (visibleApis.kind === 'restricted') q = q.where(visibleApis.where);
  return q.executeTakeFirst();
}

export async function setProductApiDocument(ex: Executor, productId: number, apiRowId: number, document: string | null): Promise<void> {
  await ex.updateTable('product_apis').set({ oas_document: document }).where('product_id', '=', productId).where('api_id', '=', apiRowId).execute();
}

export async function setProductApiDescription(ex: Executor, productId: number, apiRowId: number, description: string): Promise<void> {
  await ex.updateTable('product_apis').set({ description }).where('product_id', '=', productId).where('api_id', '=', apiRowId).execute();
}

export async function touchProduct(ex: Executor, id: number, at: string): Promise<void> {
  await ex.updateTable('products').set({ updated_at: at }).where('id', '=', id).execute();
}

/** Public API id → internal id, for the given public ids. */
export async function apiRowIdsByPublicId(ex: Executor, apiIds: string[]): Promise<Map<string, number>> {
  if (apiIds.length === 0) return new Map();
  const rows = await ex.selectFrom('apis').select(['id', 'api_id']).where('api_id', 'in', apiIds).execute();
  return new Map(rows.map((r) => [r.api_id, r.id]));
}

export async function guidesOf(ex: Executor, productIds: number[]): Promise<Map<number, GuideRow[]>> {
  const out = new Map<number, GuideRow[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return out;
  const rows = await ex.selectFrom('product_guides').selectAll().where('product_id', 'in', productIds).orderBy('product_id').orderBy('position').orderBy('id').execute();
  for (const r of rows) out.get(r.product_id)?.push(r);
  return out;
}

export async function listGuides(ex: Executor, productId: number, page: Page): Promise<GuideRow[]> {
  return ex.selectFrom('product_guides').selectAll().where('product_id', '=', productId).orderBy('position').orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export async function findGuide(ex: Executor, productId: number, id: number): Promise<GuideRow | undefined> {
  return ex.selectFrom('product_guides').selectAll().where('product_id', '=', productId).where('id', '=', id).executeTakeFirst();
}

export async function insertGuide(ex: Executor, productId: number, title: string, markdown: string, at: string): Promise<number> {
  const last = await ex
    .selectFrom('product_guides')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('product_id', '=', productId)
    .executeTakeFirst();
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const { id } = await ex
    .insertInto('product_guides')
    .values({ product_id: productId, title, markdown, position, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateGuideRow(ex: Executor, id: number, patch: { title?: string; markdown?: string }, at: string): Promise<void> {
  await ex.updateTable('product_guides').set({ ...patch, updated_at: at }).where('id', '=', id).execute();
}

export async function deleteGuideRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('product_guides').where('id', '=', id).execute();
}

export async function setGuidePositions(ex: Executor, productId: number, orderedIds: number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await ex.updateTable('product_guides').set({ position }).where('product_id', '=', productId).where('id', '=', id).execute();
  }
}

/** Does any access request name this product (or plan)? They keep the row. */
export async function accessRequestsUsing(ex: Executor, column: 'product_id' | 'plan_id', id: number): Promise<number> {
  const { n } = await ex
    .selectFrom('access_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  return Number(n);
}
