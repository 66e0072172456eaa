import { complement, unrestricted, type Access, type Scope } from '../../access/access.js';
import type { Actor, UserActor } from '../../access/actor.js';
import { requireHolds, requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { conflictOnUnique } from '../../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../../errors.js';
import { portalWindow } from '../../pagination.js';
import {
  audiencesOf,
  catalogueProductIds,
  cataloguePlanIds,
  cataloguesOfProducts,
  deleteCatalogueRow,
  existingAudience,
  findCatalogue,
  findCatalogueByName,
  insertCatalogue,
  listCatalogues,
  plansOfCatalogues,
  plansOfferedWith,
  productsOfCatalogues,
  replaceAudience,
  replaceCataloguePlans,
  replaceCatalogueProducts,
  updateCatalogueRow,
  type AudienceEntry,
  type CatalogueRow,
  type Visibility,
} from './catalogues.repository.js';
import type { AudienceInput, CatalogueCreate, CatalogueUpdate } from './catalogues.schemas.js';
import { resolveOffering, syncOfferings, type Offering } from './offerings.js';
import { plansByIds, existingPlanIds, type PlanRow } from './plans.repository.js';
import { plansService } from './plans.service.js';
import { apisOfProducts, findProduct, productsByIds, findProductApi, findGuide, guidesOf, visibleProductIds, type GuideRow, type ProductApiRow, type ProductRow } from './products.repository.js';
import { productsService, publicOasDocument } from './products.service.js';
import { clientTypesOfProducts, type ClientTypeRow } from '../oauth/oauth.repository.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { CatalogueRow } from './catalogues.repository.js';

export interface CatalogueWithLinks {
  catalogue: CatalogueRow;
  /** The products the reader may see. */
  products: { id: number; name: string }[];
  plans: { id: number; name: string }[];
  audience: AudienceEntry[];
}

/** A product as the Live Portal shows it. */
export interface LiveProduct {
  product: ProductRow;
  apis: ProductApiRow[];
  guides: GuideRow[];
  plans: PlanRow[];
  catalogues: { id: number; name: string }[];
  /** The OAuth client types a consumer may choose from (DCR products). */
  clientTypes: ClientTypeRow[];
  /** Where consumers reach the gateway (PORTCULLIS_GATEWAY_PUBLIC_URL), without a trailing slash; '' when not configured. */
  gatewayUrl: string;
}

export interface LiveCatalogue {
  catalogue: CatalogueRow;
  products: LiveProduct[];
  plans: PlanRow[];
}

const now = (): string => new Date().toISOString();
const NAME_TAKEN = 'Name: a catalogue with this name already exists';
const visibilityOf = (v: 'Public' | 'Private' | undefined): Visibility | undefined => (v === undefined ? undefined : v === 'Public' ? 'public' : 'private');

/**
 * Developer Portal catalogues (which products and plans are offered, and to whom),
 * with the products and plans services, the Live Portal's view of them, and the
 * offering check that access requests use. Needs the `portal` permission; the
 * products a catalogue lists are shown as far as API ownership lets the reader see them.
 */
export function catalogueService(ctx: AppContext, { access }: { access: Access }) {
  const { db } = ctx.store;
  // Holding is checked on every product of a catalogue, seen or not.
  const everyProduct = unrestricted('every product of the catalogue, for the holding check');

  async function mustFind(ex: Executor, id: number): Promise<CatalogueRow> {
    const row = await findCatalogue(ex, id);
    if (!row) throw new NotFound('Catalogue');
    return row;
  }

  async function withLinks(ex: Executor, scope: Scope, rows: CatalogueRow[]): Promise<CatalogueWithLinks[]> {
    const ids = rows.map((r) => r.id);
    const products = await productsOfCatalogues(ex, ids, access.filters.products(ex, scope, 'p.id'));
    const plans = await plansOfCatalogues(ex, ids);
    const audience = await audiencesOf(ex, ids);
    return rows.map((catalogue) => ({
      catalogue,
      products: products.get(catalogue.id) ?? [],
      plans: plans.get(catalogue.id) ?? [],
      audience: audience.get(catalogue.id) ?? [],
    }));
  }

  async function checkProducts(ex: Executor, scope: Scope, ids: number[]): Promise<void> {
    const found = await visibleProductIds(ex, ids, access.filters.products(ex, scope));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new Invalid('Products', `no such product: ${missing}`);
  }

  /** A catalogue's offerings grant its products' APIs: changing one needs every one of them visible (holding). */
  async function requireProductsHeld(ex: Executor, actor: Actor, scope: Scope, productIds: number[]): Promise<void> {
    for (const id of productIds) requireHolds(actor, await access.holds(ex, scope, 'product', id), 'catalogue');
  }

  async function checkPlans(ex: Executor, ids: number[]): Promise<void> {
    const found = await existingPlanIds(ex, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new Invalid('Plans', `no such plan: ${missing}`);
  }

  /** The audience as organisation ids (whole organisations) and team ids; each team must belong to the organisation named with it. */
  async function resolveAudience(ex: Executor, entries: AudienceInput[]): Promise<{ organisationIds: number[]; teamIds: number[] }> {
    const found = await existingAudience(
      ex,
      entries.map((e) => e.OrganisationID),
      entries.flatMap((e) => (e.TeamID === undefined ? [] : [e.TeamID])),
    );
    const organisationIds: number[] = [];
    const teamIds: number[] = [];
    for (const [i, e] of entries.entries()) {
      if (!found.organisations.has(e.OrganisationID)) throw new Invalid(`OrgCatalogues.${i}.OrganisationID`, `no such organisation: ${e.OrganisationID}`);
      if (e.TeamID === undefined) organisationIds.push(e.OrganisationID);
      else if (found.teams.get(e.TeamID) !== e.OrganisationID) throw new Invalid(`OrgCatalogues.${i}.TeamID`, `no such team in organisation ${e.OrganisationID}: ${e.TeamID}`);
      else teamIds.push(e.TeamID);
    }
    return { organisationIds, teamIds };
  }

  async function checkName(ex: Executor, name: string, self: number | null): Promise<void> {
    const clash = await findCatalogueByName(ex, name);
    if (clash && clash.id !== self) throw new Conflict(NAME_TAKEN);
  }


  async function liveProducts(ex: Executor, consumer: UserActor | null, products: ProductRow[]): Promise<LiveProduct[]> {
    const ids = products.map((p) => p.id);
    // No API-ownership rule applies in the Live Portal: a listed product shows all its APIs.
    const apis = await apisOfProducts(ex, ids, unrestricted('Live Portal: the APIs of a listed product'));
    const guides = await guidesOf(ex, ids);
    // Plans offered with each product in catalogues the visitor may see.
    const offered = await plansOfferedWith(ex, ids, access.filters.catalogues(ex, consumer, 'cp.catalogue_id'));
    const plans = new Map((await plansByIds(ex, [...new Set(offered.map((o) => o.plan_id))])).map((p) => [p.id, p]));
    const catalogues = await cataloguesOfProducts(ex, ids, access.filters.catalogues(ex, consumer, 'c.id'));
    const clientTypes = await clientTypesOfProducts(ex, ids);
    return products.map((product) => ({
      product,
      apis: apis.get(product.id) ?? [],
      guides: guides.get(product.id) ?? [],
      plans: offered.filter((o) => o.product_id === product.id).map((o) => plans.get(o.plan_id)!).sort((a, b) => a.id - b.id),
      catalogues: catalogues.get(product.id) ?? [],
      clientTypes: clientTypes.get(product.id) ?? [],
      gatewayUrl: ctx.config.gatewayPublicUrl,
    }));
  }

  async function mustFindListed(ex: Executor, consumer: UserActor | null, productId: number): Promise<ProductRow> {
    const product = await findProduct(ex, productId, access.filters.listedProducts(ex, consumer));
    if (!product) throw new NotFound('Product');
    return product;
  }

  return {
    products: productsService(ctx, { access }),
    plans: plansService(ctx, { access }),

    /**
     * For access requests: the product and plan a consumer asks for, checked
     * against the catalogues they may see, with the backing policy (created in `ex` if missing).
     */
    resolveOffering(ex: Executor, consumer: UserActor, productId: number, planId: number): Promise<Offering> {
      return resolveOffering(ex, access, consumer, productId, planId);
    },

    async list(actor: Actor, page?: number, perPage?: number): Promise<CatalogueRow[]> {
      requireSection(actor, 'portal', 'read');
      return listCatalogues(db, portalWindow(page, perPage), unrestricted('staff with portal: read see every catalogue'));
    },

    async get(actor: Actor, id: number): Promise<CatalogueWithLinks> {
      requireSection(actor, 'portal', 'read');
      return (await withLinks(db, access.scope(actor), [await mustFind(db, id)]))[0]!;
    },

    async create(actor: Actor, input: CatalogueCreate): Promise<CatalogueWithLinks> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          await checkName(trx, input.Name, null);
          const products = [...new Set(input.Products ?? [])];
          const plans = [...new Set(input.Plans ?? [])];
          await checkProducts(trx, scope, products);
          await requireProductsHeld(trx, actor, scope, products);
          await checkPlans(trx, plans);
          const audience = await resolveAudience(trx, input.OrgCatalogues ?? []);
          const visibility = visibilityOf(input.VisibilityStatus) ?? 'public';
          const id = await insertCatalogue(trx, input.Name, visibility, now());
          await replaceCatalogueProducts(trx, id, products);
          await replaceCataloguePlans(trx, id, plans);
          await replaceAudience(trx, id, audience.organisationIds, audience.teamIds);
          await syncOfferings(trx, actor, { productIds: products, planIds: plans });
          await recordAudit(trx, actor, {
            action: 'catalogue.create',
            targetType: 'catalogue',
            targetId: id,
            changes: { name: input.Name, visibility, products, plans, organisations: audience.organisationIds, teams: audience.teamIds },
          });
          return (await withLinks(trx, scope, [(await findCatalogue(trx, id))!]))[0]!;
        }),
      );
    },

    /**
     * Changes what is sent. `Products` replaces the products the caller can see.
     * Only who sees every API of the catalogue's products, before and after, may
     * change it: its offerings grant them all.
     */
    async update(actor: Actor, id: number, input: CatalogueUpdate): Promise<CatalogueWithLinks> {
      requireSection(actor, 'portal', 'write');
      const scope = access.scope(actor);
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          const was = await mustFind(trx, id);
          if (input.Name !== undefined) await checkName(trx, input.Name, id);
          const productsBefore = await catalogueProductIds(trx, id, everyProduct);
          await requireProductsHeld(trx, actor, scope, productsBefore);
          const plansBefore = await cataloguePlanIds(trx, id);
          const changes: Record<string, unknown> = {};
          let productsAfter = productsBefore;
          let plansAfter = plansBefore;
          if (input.Products !== undefined) {
            const wanted = [...new Set(input.Products)];
            await checkProducts(trx, scope, wanted);
            await requireProductsHeld(trx, actor, scope, wanted);
            // The caller's list replaces the products they see; the others stay.
            const hidden = await catalogueProductIds(trx, id, complement(access.filters.products(trx, scope, 'catalogue_products.product_id')));
            productsAfter = [...new Set([...hidden, ...wanted])];
            await replaceCatalogueProducts(trx, id, productsAfter);
            changes.products = wanted;
          }
          if (input.Plans !== undefined) {
            plansAfter = [...new Set(input.Plans)];
            await checkPlans(trx, plansAfter);
            await replaceCataloguePlans(trx, id, plansAfter);
            changes.plans = plansAfter;
          }
          if (input.OrgCatalogues !== undefined) {
            const audience = await resolveAudience(trx, input.OrgCatalogues);
            await replaceAudience(trx, id, audience.organisationIds, audience.teamIds);
            changes.organisations = audience.organisationIds;
            changes.teams = audience.teamIds;
          }
          const visibility = visibilityOf(input.VisibilityStatus);
          if (input.Name !== undefined) changes.name = input.Name;
          if (visibility !== undefined) changes.visibility = visibility;
          await updateCatalogueRow(trx, id, { name: input.Name, visibility }, now());
          await syncOfferings(trx, actor, { productIds: [...productsBefore, ...productsAfter], planIds: [...plansBefore, ...plansAfter] });
          await recordAudit(trx, actor, { action: 'catalogue.update', targetType: 'catalogue', targetId: id, changes: { ...changes, was: was.name } });
          return (await withLinks(trx, scope, [(await findCatalogue(trx, id))!]))[0]!;
        }),
      );
    },

    /** Deletes the catalogue and its links; offerings that no longer share a catalogue lose their policies (unless keys use them). */
    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const was = await mustFind(trx, id);
        const products = await catalogueProductIds(trx, id, everyProduct);
        await requireProductsHeld(trx, actor, access.scope(actor), products);
        const plans = await cataloguePlanIds(trx, id);
        await deleteCatalogueRow(trx, id);
        await syncOfferings(trx, actor, { productIds: products, planIds: plans });
        await recordAudit(trx, actor, { action: 'catalogue.delete', targetType: 'catalogue', targetId: id, changes: { name: was.name, products, plans } });
      });
    },

    /** The Live Portal: catalogues a visitor may see (public ones; and private ones of a signed-in member of their audience). */
    async liveCatalogues(consumer: UserActor | null, page?: number, perPage?: number): Promise<LiveCatalogue[]> {
      const rows = await listCatalogues(db, portalWindow(page, perPage), access.filters.catalogues(db, consumer));
      const ids = rows.map((r) => r.id);
      const productLinks = await productsOfCatalogues(db, ids, unrestricted('Live Portal: the products of a visible catalogue'));
      const planLinks = await plansOfCatalogues(db, ids);
      const productIds = [...new Set([...productLinks.values()].flat().map((p) => p.id))];
      const products = new Map<number, LiveProduct>();
      for (const lp of await liveProducts(db, consumer, await productsByIds(db, productIds))) products.set(lp.product.id, lp);
      const plans = new Map((await plansByIds(db, [...new Set([...planLinks.values()].flat().map((p) => p.id))])).map((p) => [p.id, p]));
      return rows.map((catalogue) => ({
        catalogue,
        products: (productLinks.get(catalogue.id) ?? []).flatMap((p) => (products.has(p.id) ? [products.get(p.id)!] : [])),
        plans: (planLinks.get(catalogue.id) ?? []).flatMap((p) => (plans.has(p.id) ? [plans.get(p.id)!] : [])),
      }));
    },

    /** A product listed in a catalogue the visitor may see; any other answers 404. */
    async liveProduct(consumer: UserActor | null, productId: number): Promise<LiveProduct> {
      return (await liveProducts(db, consumer, [await mustFindListed(db, consumer, productId)]))[0]!;
    },

    async liveApiDocument(consumer: UserActor | null, productId: number, apiId: string): Promise<Record<string, unknown>> {
      await mustFindListed(db, consumer, productId);
      const api = await findProductApi(db, productId, apiId, unrestricted('Live Portal: the APIs of a listed product'));
      if (!api) throw new NotFound('API');
      const stored = api.oas_document ?? api.api_oas;
      if (stored === null) throw new NotFound('OpenAPI document');
      return publicOasDocument(stored);
    },

    async liveGuides(consumer: UserActor | null, productId: number): Promise<GuideRow[]> {
      await mustFindListed(db, consumer, productId);
      return (await guidesOf(db, [productId])).get(productId) ?? [];
    },

    async liveGuide(consumer: UserActor | null, productId: number, guideId: number): Promise<GuideRow> {
      await mustFindListed(db, consumer, productId);
      const guide = await findGuide(db, productId, guideId);
      if (!guide) throw new NotFound('Guide');
      return guide;
    },

    /** For a scoped reader: which of these product ids they may see (other domains' checks). */
    visibleProductIds(ex: Executor, actor: Actor, ids: number[]): Promise<Set<number>> {
      return visibleProductIds(ex, ids, access.filters.products(ex, access.scope(actor)));
    },
  };
}

export type CatalogueService = ReturnType<typeof catalogueService>;
