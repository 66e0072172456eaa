import { complement, unrestricted, type Access, type Scope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { requireHolds, requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { conflictOnUnique } from '../../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../../errors.js';
import { portalWindow } from '../../pagination.js';
import { cataloguesOfProducts, requireCatalogues, replaceProductCatalogues } from './catalogues.repository.js';
import { releaseOfferingsOf, syncOfferings } from './offerings.js';
import {
  accessRequestsUsing,
  apiRowIdsByPublicId,
  apisOfProducts,
  deleteGuideRow,
  deleteProductRow,
  findGuide,
  findProduct,
  findProductApi,
  findProductByName,
  guidesOf,
  insertGuide,
  insertProduct,
  listGuides,
  listProducts,
  replaceProductApis,
  setGuidePositions,
  setProductApiDescription,
  setProductApiDocument,
  touchProduct,
  updateGuideRow,
  updateProductRow,
  type GuideRow,
  type ProductApiInput,
  type ProductApiRow,
  type ProductRow,
} from './products.repository.js';
import { PRODUCT_KEPT_FIELDS, type GuideCreate, type GuideUpdate, type ProductCreate, type ProductUpdate } from './products.schemas.js';
import { parseKept, pickKept, storedKept } from '../../http/tyk-fields.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { GuideRow, ProductApiRow } from './products.repository.js';

export interface ProductWithLinks {
  product: ProductRow;
  /** The APIs the reader may see. */
  apis: ProductApiRow[];
  catalogues: { id: number; name: string }[];
}

const now = (): string => new Date().toISOString();

/**
 * The catalogues a product body names: CatalogueIDs when sent (a GET shows the
 * ids there and the names in Catalogues, so what a GET returns can be sent back
 * as it is), else Catalogues, which must then hold ids.
 */
function catalogueIds(input: ProductUpdate): number[] | undefined {
  if (input.CatalogueIDs !== undefined) return input.CatalogueIDs;
  if (input.Catalogues === undefined) return undefined;
  const names = input.Catalogues.filter((c): c is string => typeof c === 'string');
  if (names.length > 0) throw new Invalid('Catalogues', `catalogue ids expected, got ${JSON.stringify(names[0])}; names (as a GET shows them) only alongside CatalogueIDs`);
  return input.Catalogues.filter((c): c is number => typeof c === 'number');
}
const NAME_TAKEN = 'Name: a product with this name already exists';

/** An OpenAPI document must at least say which specification it follows and carry its info. */
export function checkOasDocument(doc: Record<string, unknown>): void {
  const openapi = doc.openapi;
  const swagger = doc.swagger;
  if (typeof openapi === 'string') {
    if (!/^3\.\d+\.\d+$/.test(openapi)) throw new Invalid('openapi', `must be a 3.x version, got ${JSON.stringify(openapi)}`);
  } else if (swagger !== '2.0') {
    throw new Invalid('openapi', 'required: this is not an OpenAPI document');
  }
  const info = doc.info;
  if (typeof info !== 'object' || info === null || Array.isArray(info)) throw new Invalid('info', 'required: an object');
  if (typeof (info as Record<string, unknown>).title !== 'string') throw new Invalid('info.title', 'required: a string');
  const paths = doc.paths;
  if (paths !== undefined && (typeof paths !== 'object' || paths === null || Array.isArray(paths))) throw new Invalid('paths', 'must be an object');
}

/** The document consumers read: the gateway's own extension (upstream, middleware) is not theirs to see. */
export function publicOasDocument(stored: string): Record<string, unknown> {
  const doc = JSON.parse(stored) as Record<string, unknown>;
  delete doc['x-tyk-api-gateway'];
  return doc;
}

/**
 * Developer Portal products: the APIs they expose (and their documentation),
 * guides, tags and catalogues. Needs the `portal` permission; a product is seen
 * only by those who can see at least one of its APIs (or when it has none), and
 * its APIs only as far as the reader can see them.
 */
export function productsService({ store }: AppContext, { access }: { access: Access }) {
  const { db } = store;
  const justWritten = unrestricted('read back the product this call just wrote');
  // The Admin Portal shows every catalogue listing a product the reader sees: catalogues hold no API of their own.
  const everyCatalogue = unrestricted('catalogues of a visible product');
  const visibleApi = (ex: Executor, scope: Scope) => access.filters.apis(ex, scope, 'a.id');

  async function mustFind(ex: Executor, scope: Scope, id: number): Promise<ProductRow> {
    const row = await findProduct(ex, id, access.filters.products(ex, scope));
    if (!row) throw new NotFound('Product');
    return row;
  }

  async function withLinks(ex: Executor, scope: Scope, rows: ProductRow[]): Promise<ProductWithLinks[]> {
    const ids = rows.map((r) => r.id);
    const apis = await apisOfProducts(ex, ids, visibleApi(ex, scope));
    const catalogues = await cataloguesOfProducts(ex, ids, everyCatalogue);
    return rows.map((product) => ({ product, apis: apis.get(product.id) ?? [], catalogues: catalogues.get(product.id) ?? [] }));
  }

  /** The APIs named in APIDetails: each must exist and be visible to the caller, once. */
  async function resolveApis(ex: Executor, scope: Scope, details: NonNullable<ProductCreate['APIDetails']>): Promise<ProductApiInput[]> {
    const byPublicId = await apiRowIdsByPublicId(ex, details.map((d) => d.APIID));
    const visible = await access.visibleApiIds(ex, scope, [...byPublicId.values()]);
    const seen = new Set<number>();
    return details.map((d, i) => {
      const id = byPublicId.get(d.APIID);
      if (id === undefined || !visible.has(id)) throw new Invalid(`APIDetails.${i}.APIID`, `no such API: ${d.APIID}`);
      if (seen.has(id)) throw new Invalid(`APIDetails.${i}.APIID`, `${d.APIID} is listed twice`);
      seen.add(id);
      return { apiRowId: id, description: d.Description ?? '' };
    });
  }


  async function checkName(ex: Executor, name: string, self: number | null): Promise<void> {
    const clash = await findProductByName(ex, name);
    if (clash && clash.id !== self) throw new Conflict(NAME_TAKEN);
  }


  async function mustFindApi(ex: Executor, scope: Scope, productId: number, apiId: string) {
    await mustFind(ex, scope, productId);
    const api = await findProductApi(ex, productId, apiId, visibleApi(ex, scope));
    if (!api) throw new NotFound('API');
    return api;
  }

  async function mustFindGuide(ex: Executor, scope: Scope, productId: number, guideId: number): Promise<GuideRow> {
    await mustFind(ex, scope, productId);
    const guide = await findGuide(ex, productId, guideId);
    if (!guide) throw new NotFound('Guide');
    return guide;
  }

  const markdownOf = (input: GuideCreate | GuideUpdate): string | undefined => input.Content ?? input.MarkdownContent;

  return {
    async list(actor: Actor, page?: number, perPage?: number): Promise<ProductWithLinks[]> {
      requireSection(actor, 'portal', 'read');
      const scope = access.scope(actor);
      return withLinks(db, scope, await listProducts(db, portalWindow(page, perPage), access.filters.products(db, scope)));
    },

    async get(actor: Actor, id: number): Promise<ProductWithLinks> {
      requireSection(actor, 'portal', 'read');
      const scope = access.scope(actor);
      return (await withLinks(db, scope, [await mustFind(db, scope, id)]))[0]!;
    },

    async create(actor: Actor, input: ProductCreate): Promise<ProductWithLinks> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          await checkName(trx, input.Name, null);
          const apis = await resolveApis(trx, scope, input.APIDetails ?? []);
          const catalogues = [...new Set(catalogueIds(input) ?? [])];
          await requireCatalogues(trx, catalogues);
          const id = await insertProduct(
            trx,
            {
              name: input.Name,
              display_name: input.DisplayName ?? input.Name,
              description: input.Description ?? '',
              tags: JSON.stringify([...new Set(input.Tags ?? [])]),
              tyk_fields: storedKept(pickKept(input, PRODUCT_KEPT_FIELDS)),
            },
            now(),
          );
          await replaceProductApis(trx, id, apis, []);
          await replaceProductCatalogues(trx, id, catalogues);
          await syncOfferings(trx, actor, { productIds: [id] });
          await recordAudit(trx, actor, {
            action: 'product.create',
            targetType: 'product',
            targetId: id,
            changes: { name: input.Name, apis: (input.APIDetails ?? []).map((d) => d.APIID), catalogues, tags: input.Tags ?? [] },
          });
          return (await withLinks(trx, scope, [(await findProduct(trx, id, justWritten))!]))[0]!;
        }),
      );
    },

    /**
     * Changes what is sent. Only a product whose every API the caller sees: its
     * offerings grant them all (see access/ownership.ts, holding).
     */
    async update(actor: Actor, id: number, input: ProductUpdate): Promise<ProductWithLinks> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          const row = await mustFind(trx, scope, id);
          requireHolds(actor, await access.holds(trx, scope, 'product', id), 'product');
          const name = input.Name ?? row.name;
          if (input.Name !== undefined) await checkName(trx, name, id);
          const changes: Record<string, unknown> = {};
          if (input.APIDetails !== undefined) {
            const apis = await resolveApis(trx, scope, input.APIDetails);
            // The caller's list replaces the APIs they see; the others stay.
            const hidden = ((await apisOfProducts(trx, [id], complement(visibleApi(trx, scope)))).get(id) ?? []).map((a) => a.api_row_id);
            await replaceProductApis(trx, id, apis, hidden);
            changes.apis = input.APIDetails.map((d) => d.APIID);
          }
          const sentCatalogues = catalogueIds(input);
          if (sentCatalogues !== undefined) {
            const catalogues = [...new Set(sentCatalogues)];
            await requireCatalogues(trx, catalogues);
            await replaceProductCatalogues(trx, id, catalogues);
            changes.catalogues = catalogues;
          }
          const tags = input.Tags !== undefined ? [...new Set(input.Tags)] : (JSON.parse(row.tags) as string[]);
          await updateProductRow(
            trx,
            id,
            {
              name,
              display_name: input.DisplayName ?? row.display_name,
              description: input.Description ?? row.description,
              tags: JSON.stringify(tags),
              // Kept Tyk fields: those sent replace, the rest stay (like every product field).
              tyk_fields: storedKept({ ...parseKept(row.tyk_fields), ...pickKept(input, PRODUCT_KEPT_FIELDS) }),
            },
            now(),
          );
          for (const k of ['Name', 'DisplayName', 'Description', 'Tags'] as const) if (input[k] !== undefined) changes[k.toLowerCase()] = input[k];
          await syncOfferings(trx, actor, { productIds: [id] });
          await recordAudit(trx, actor, { action: 'product.update', targetType: 'product', targetId: id, changes: { ...changes, was: row.name } });
          return (await withLinks(trx, scope, [(await findProduct(trx, id, justWritten))!]))[0]!;
        }),
      );
    },

    /** Refused while access requests name the product; its backing policies go unless keys use them. */
    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, scope, id);
        requireHolds(actor, await access.holds(trx, scope, 'product', id), 'product');
        const requests = await accessRequestsUsing(trx, 'product_id', id);
        if (requests > 0) {
          throw new Conflict(`The product cannot be deleted: ${requests} access request(s) refer to it; delete them first (or take the product out of its catalogues)`);
        }
        await releaseOfferingsOf(trx, actor, { productId: id });
        await deleteProductRow(trx, id);
        await recordAudit(trx, actor, { action: 'product.delete', targetType: 'product', targetId: id, changes: { name: row.name } });
      });
    },

    async apiDetail(actor: Actor, productId: number, apiId: string): Promise<ProductApiRow> {
      requireSection(actor, 'portal', 'read');
      const scope = access.scope(actor);
      await mustFindApi(db, scope, productId, apiId);
      const all = (await apisOfProducts(db, [productId], visibleApi(db, scope))).get(productId) ?? [];
      return all.find((a) => a.api_id === apiId)!;
    },

    async updateApiDetail(actor: Actor, productId: number, apiId: string, description: string | undefined): Promise<ProductApiRow> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const api = await mustFindApi(trx, scope, productId, apiId);
        if (description !== undefined) {
          await setProductApiDescription(trx, productId, api.api_row_id, description);
          await touchProduct(trx, productId, now());
          await recordAudit(trx, actor, { action: 'product.api_detail.update', targetType: 'product', targetId: productId, changes: { api_id: apiId, description } });
        }
        return ((await apisOfProducts(trx, [productId], visibleApi(trx, scope))).get(productId) ?? []).find((a) => a.api_id === apiId)!;
      });
    },

    /** The uploaded OpenAPI document of one of the product's APIs, else the OAS API's own. */
    async apiDocument(actor: Actor, productId: number, apiId: string): Promise<Record<string, unknown>> {
      requireSection(actor, 'portal', 'read');
      const api = await mustFindApi(db, access.scope(actor), productId, apiId);
      const stored = api.oas_document ?? api.api_oas;
      if (stored === null) throw new NotFound('OpenAPI document');
      return JSON.parse(stored) as Record<string, unknown>;
    },

    async setApiDocument(actor: Actor, productId: number, apiId: string, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
      requireSection(actor, 'portal', 'write');
      checkOasDocument(doc);
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const api = await mustFindApi(trx, scope, productId, apiId);
        await setProductApiDocument(trx, productId, api.api_row_id, JSON.stringify(doc));
        await touchProduct(trx, productId, now());
        await recordAudit(trx, actor, { action: 'product.api_document.update', targetType: 'product', targetId: productId, changes: { api_id: apiId } });
        return doc;
      });
    },

    /** Drops the uploaded document: the OAS API's own (if any) documents the API again. */
    async removeApiDocument(actor: Actor, productId: number, apiId: string): Promise<void> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      await db.transaction().execute(async (trx) => {
        const api = await mustFindApi(trx, scope, productId, apiId);
        if (api.oas_document === null) throw new NotFound('OpenAPI document');
        await setProductApiDocument(trx, productId, api.api_row_id, null);
        await touchProduct(trx, productId, now());
        await recordAudit(trx, actor, { action: 'product.api_document.delete', targetType: 'product', targetId: productId, changes: { api_id: apiId } });
      });
    },

    async listGuides(actor: Actor, productId: number, page?: number, perPage?: number): Promise<GuideRow[]> {
      requireSection(actor, 'portal', 'read');
      await mustFind(db, access.scope(actor), productId);
      return listGuides(db, productId, portalWindow(page, perPage));
    },

    async getGuide(actor: Actor, productId: number, guideId: number): Promise<GuideRow> {
      requireSection(actor, 'portal', 'read');
      return mustFindGuide(db, access.scope(actor), productId, guideId);
    },

    async createGuide(actor: Actor, productId: number, input: GuideCreate): Promise<GuideRow> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        await mustFind(trx, scope, productId);
        const at = now();
        const id = await insertGuide(trx, productId, input.Title, markdownOf(input) ?? '', at);
        await touchProduct(trx, productId, at);
        await recordAudit(trx, actor, { action: 'product.guide.create', targetType: 'product_guide', targetId: id, changes: { product_id: productId, title: input.Title } });
        return (await findGuide(trx, productId, id))!;
      });
    },

    async updateGuide(actor: Actor, productId: number, guideId: number, input: GuideUpdate): Promise<GuideRow> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const guide = await mustFindGuide(trx, scope, productId, guideId);
        const markdown = markdownOf(input);
        const at = now();
        await updateGuideRow(trx, guideId, { ...(input.Title !== undefined ? { title: input.Title } : {}), ...(markdown !== undefined ? { markdown } : {}) }, at);
        await touchProduct(trx, productId, at);
        await recordAudit(trx, actor, {
          action: 'product.guide.update',
          targetType: 'product_guide',
          targetId: guideId,
          changes: { product_id: productId, title: input.Title ?? guide.title, content_changed: markdown !== undefined },
        });
        return (await findGuide(trx, productId, guideId))!;
      });
    },

    async removeGuide(actor: Actor, productId: number, guideId: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      await db.transaction().execute(async (trx) => {
        const guide = await mustFindGuide(trx, scope, productId, guideId);
        await deleteGuideRow(trx, guideId);
        await touchProduct(trx, productId, now());
        await recordAudit(trx, actor, { action: 'product.guide.delete', targetType: 'product_guide', targetId: guideId, changes: { product_id: productId, title: guide.title } });
      });
    },

    /** Puts the product's guides in the given order; the list must hold each of them once. */
    async reorderGuides(actor: Actor, productId: number, order: number[]): Promise<GuideRow[]> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        await mustFind(trx, scope, productId);
        const current = (await guidesOf(trx, [productId])).get(productId) ?? [];
        const ids = new Set(current.map((g) => g.id));
        if (order.length !== ids.size || new Set(order).size !== order.length || order.some((id) => !ids.has(id))) {
          throw new Invalid('body', `must list each of the product's ${ids.size} guide id(s) once`);
        }
        await setGuidePositions(trx, productId, order);
        await touchProduct(trx, productId, now());
        await recordAudit(trx, actor, { action: 'product.guide.reorder', targetType: 'product', targetId: productId, changes: { order } });
        return (await guidesOf(trx, [productId])).get(productId) ?? [];
      });
    },
  };
}

export type ProductsService = ReturnType<typeof productsService>;
