import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf, optionalActorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import type {
  LivePlan,
  LiveProductElem} from './catalogues.schemas.js';
import {
  CatalogueCreateBody,
  CatalogueIndexElem,
  CatalogueParams,
  CatalogueShow,
  CatalogueUpdateBody,
  catalogueChange,
  LiveCatalogue,
  LiveGuide,
  LiveGuideParams,
  LiveProductApiParams,
  LiveProductParams,
  LiveProductShow,
} from './catalogues.schemas.js';
import type { CatalogueRow, CatalogueWithLinks, LiveProduct } from './catalogues.service.js';
import { portalDate } from '../portal-date.js';
import { PortalPageQuery, StatusOk } from '../accounts/organisations.schemas.js';
import type { PlanRow } from './plans.service.js';
import { planLimitsView } from './plans.routes.js';
import type { GuideRow } from './products.service.js';
import { OasDocumentBody } from './products.schemas.js';
import { slugOf } from './products.routes.js';

const visibilityView = (v: CatalogueRow['visibility']): 'Public' | 'Private' => (v === 'public' ? 'Public' : 'Private');

function catalogueIndexElem(c: CatalogueRow): Static<typeof CatalogueIndexElem> {
  return { ID: c.id, Name: c.name, NameWithSlug: slugOf(c.name), VisibilityStatus: visibilityView(c.visibility) };
}

function catalogueShow({ catalogue: c, products, plans, audience }: CatalogueWithLinks): Static<typeof CatalogueShow> {
  return {
    ...catalogueIndexElem(c),
    Products: products.map((p) => p.name),
    ProductIDs: products.map((p) => p.id),
    Plans: plans.map((p) => p.name),
    PlanIDs: plans.map((p) => p.id),
    OrgCatalogues: audience.map((a) => ({
      Catalogue: c.name,
      Name: a.teamName ?? a.organisationName,
      Organisation: a.organisationName,
      OrganisationID: a.organisationId,
      Team: a.teamName,
      TeamID: a.teamId,
    })),
    CreatedAt: portalDate(c.created_at),
    UpdatedAt: portalDate(c.updated_at),
  };
}

const catalogueId = (raw: string): number => parseNumericId(raw, 'Catalogue');

/** Admin Portal catalogues: /portal-api/catalogues (needs `portal`). */
export const cataloguesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { catalogue } = services;
  const tags = ['Portal: catalogues'];

  app.get(
    '/catalogues',
    { schema: { operationId: 'listCatalogues', tags, summary: 'List catalogues', querystring: PortalPageQuery, response: { 200: Type.Array(CatalogueIndexElem) } } },
    async (req) => (await catalogue.list(actorOf(req), req.query.page, req.query.per_page)).map(catalogueIndexElem),
  );

  app.post(
    '/catalogues',
    { schema: { operationId: 'createCatalogue', tags, summary: 'Create a catalogue (its product/plan pairs get backing policies)', body: CatalogueCreateBody, response: { 200: CatalogueShow } } },
    async (req) => catalogueShow(await catalogue.create(actorOf(req), req.body)),
  );

  app.get(
    '/catalogues/:catalogueId',
    { schema: { operationId: 'getCatalogue', tags, summary: 'A catalogue with its products, plans and audience', params: CatalogueParams, response: { 200: CatalogueShow } } },
    async (req) => catalogueShow(await catalogue.get(actorOf(req), catalogueId(req.params.catalogueId))),
  );

  app.put(
    '/catalogues/:catalogueId',
    { schema: { operationId: 'updateCatalogue', tags, summary: 'Change a catalogue: the fields sent replace', params: CatalogueParams, body: CatalogueUpdateBody, response: { 200: CatalogueShow } } },
    async (req) => catalogueShow(await catalogue.update(actorOf(req), catalogueId(req.params.catalogueId), catalogueChange(req.body))),
  );

  app.delete(
    '/catalogues/:catalogueId',
    { schema: { operationId: 'deleteCatalogue', tags, summary: 'Delete a catalogue and its links', params: CatalogueParams, response: { 200: StatusOk } } },
    async (req) => {
      await catalogue.remove(actorOf(req), catalogueId(req.params.catalogueId));
      return { status: 'ok' as const };
    },
  );
};

const liveBase = (productId: number): string => `/portal/api/products/${productId}`;

function livePlan(p: PlanRow): Static<typeof LivePlan> {
  const { AutoApproveAccessRequests, ...limits } = planLimitsView(p);
  return { ID: p.id, Name: p.name, DisplayName: p.display_name, Description: p.description, ...limits, AutoApproveAccessRequests };
}

function liveProductElem({ product: p, apis, guides, clientTypes, gatewayUrl }: LiveProduct): Static<typeof LiveProductElem> {
  return {
    ID: p.id,
    Name: p.name,
    DisplayName: p.display_name,
    Description: p.description,
    Tags: JSON.parse(p.tags) as string[],
    APIs: apis.map((a) => ({
      APIID: a.api_id,
      Name: a.name,
      Description: a.description,
      ListenPath: a.listen_path,
      URL: gatewayUrl === '' ? '' : `${gatewayUrl}${a.listen_path}`,
      OASUrl: a.has_document === 1 ? `${liveBase(p.id)}/api-details/${encodeURIComponent(a.api_id)}/oas` : '',
    })),
    Guides: guides.map((g) => ({ ID: g.id, Title: g.title, Path: slugOf(g.title), Url: `${liveBase(p.id)}/docs/${g.id}` })),
    ClientTypes: clientTypes.map((c) => ({ ID: c.id, Name: c.name, Description: c.description })),
  };
}

function liveProductShow(lp: LiveProduct): Static<typeof LiveProductShow> {
  return { ...liveProductElem(lp), Plans: lp.plans.map(livePlan), Catalogues: lp.catalogues.map((c) => ({ ID: c.id, Name: c.name })) };
}

const liveGuide = (g: GuideRow): Static<typeof LiveGuide> => ({ ID: g.id, Title: g.title, Path: slugOf(g.title), Content: g.markdown, UpdatedAt: portalDate(g.updated_at) });

const productId = (raw: string): number => parseNumericId(raw, 'Product');

/**
 * Live Portal, public: the catalogues a visitor may see with their products,
 * plans and documentation; a signed-in consumer also sees the private catalogues
 * whose audience holds their organisation or one of their teams.
 */
export const cataloguesPublicRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { catalogue } = services;
  const tags = ['Live Portal: catalogues'];
  const security: Record<string, string[]>[] = [];

  app.get(
    '/catalogues',
    { schema: { operationId: 'listLiveCatalogues', tags, security, summary: 'Catalogues you may see, with their products and plans', querystring: PortalPageQuery, response: { 200: Type.Array(LiveCatalogue) } } },
    async (req) =>
      (await catalogue.liveCatalogues(optionalActorOf(req), req.query.page, req.query.per_page)).map(({ catalogue: c, products, plans }) => ({
        ID: c.id,
        Name: c.name,
        NameWithSlug: slugOf(c.name),
        VisibilityStatus: visibilityView(c.visibility),
        Products: products.map(liveProductElem),
        Plans: plans.map(livePlan),
      })),
  );

  app.get(
    '/products/:productId',
    { schema: { operationId: 'getLiveProduct', tags, security, summary: 'A product listed in a catalogue you may see', params: LiveProductParams, response: { 200: LiveProductShow } } },
    async (req) => liveProductShow(await catalogue.liveProduct(optionalActorOf(req), productId(req.params.productId))),
  );

  app.get(
    '/products/:productId/api-details/:apiId/oas',
    { schema: { operationId: 'getLiveProductApiDocument', tags, security, summary: "The OpenAPI document of one of the product's APIs", params: LiveProductApiParams, response: { 200: OasDocumentBody } } },
    async (req) => catalogue.liveApiDocument(optionalActorOf(req), productId(req.params.productId), req.params.apiId),
  );

  app.get(
    '/products/:productId/docs',
    { schema: { operationId: 'listLiveProductDocs', tags, security, summary: "The product's guides, in order", params: LiveProductParams, response: { 200: Type.Array(LiveGuide) } } },
    async (req) => (await catalogue.liveGuides(optionalActorOf(req), productId(req.params.productId))).map(liveGuide),
  );

  app.get(
    '/products/:productId/docs/:docId',
    { schema: { operationId: 'getLiveProductDoc', tags, security, summary: 'One guide of the product', params: LiveGuideParams, response: { 200: LiveGuide } } },
    async (req) => liveGuide(await catalogue.liveGuide(optionalActorOf(req), productId(req.params.productId), parseNumericId(req.params.docId, 'Guide'))),
  );
};
