import { parseKept, withKept } from '../../http/tyk-fields.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { portalDate } from '../portal-date.js';
import { PortalPageQuery, StatusOk } from '../accounts/organisations.schemas.js';
import {
  ApiDetailUpdateBody,
  ApiDetailView,
  GuideCreateBody,
  GuideParams,
  GuideReorderBody,
  GuideUpdateBody,
  GuideView,
  OasDocumentBody,
  ProductApiParams,
  ProductCreateBody,
  ProductIndexElem,
  ProductParams,
  ProductShow,
  ProductUpdateBody,
} from './products.schemas.js';
import type { GuideRow, ProductApiRow, ProductWithLinks } from './products.service.js';

/** A URL-friendly form of a name. */
export function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

export function apiDetailView(a: ProductApiRow, oasBase: string): Static<typeof ApiDetailView> {
  return {
    APIID: a.api_id,
    Name: a.name,
    Description: a.description,
    APIType: a.kind,
    ListenPath: a.listen_path,
    TargetURL: a.target_url,
    Status: a.active === 1,
    OASUrl: a.has_document === 1 ? `${oasBase}/api-details/${encodeURIComponent(a.api_id)}/oas` : '',
    DocumentSource: a.has_upload === 1 ? 'uploaded' : a.has_document === 1 ? 'api' : 'none',
  };
}

export function guideView(g: GuideRow): Static<typeof GuideView> {
  return {
    ID: g.id,
    Title: g.title,
    Content: g.markdown,
    MarkdownEnabled: true,
    Status: 'published',
    Path: slugOf(g.title),
    Position: g.position,
    CreatedAt: portalDate(g.created_at),
    UpdatedAt: portalDate(g.updated_at),
  };
}

const adminBase = (productId: number): string => `/portal-api/products/${productId}`;

function productShow({ product: p, apis, catalogues }: ProductWithLinks): Static<typeof ProductShow> {
  return withKept(
    {
      ID: p.id,
      Name: p.name,
      DisplayName: p.display_name,
      Description: p.description,
      APIDetails: apis.map((a) => apiDetailView(a, adminBase(p.id))),
      Tags: JSON.parse(p.tags) as string[],
      Catalogues: catalogues.map((c) => c.name),
      CatalogueIDs: catalogues.map((c) => c.id),
      IsDocumentationOnly: false,
      CreatedAt: portalDate(p.created_at),
      UpdatedAt: portalDate(p.updated_at),
    },
    parseKept(p.tyk_fields),
  );
}

function productIndexElem({ product: p, apis, catalogues }: ProductWithLinks): Static<typeof ProductIndexElem> {
  return {
    ID: p.id,
    Name: p.name,
    DisplayName: p.display_name,
    Description: p.description,
    APIDetails: apis.map((a) => ({ APIID: a.api_id, Name: a.name, Status: a.active === 1 })),
    Tags: JSON.parse(p.tags) as string[],
    Catalogues: catalogues.map((c) => c.name),
    CatalogueIDs: catalogues.map((c) => c.id),
    IsDocumentationOnly: false,
  };
}

const productId = (raw: string): number => parseNumericId(raw, 'Product');
const guideId = (raw: string): number => parseNumericId(raw, 'Guide');

/** Admin Portal products: /portal-api/products (needs `portal`; narrowed by API ownership). */
export const productsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const products = services.catalogue.products;
  const tags = ['Portal: products'];

  app.get(
    '/products',
    { schema: { operationId: 'listProducts', tags, summary: 'List products (those exposing an API you can see, or none)', querystring: PortalPageQuery, response: { 200: Type.Array(ProductIndexElem) } } },
    async (req) => (await products.list(actorOf(req), req.query.page, req.query.per_page)).map(productIndexElem),
  );

  app.post(
    '/products',
    { schema: { operationId: 'createProduct', tags, summary: 'Create a product', body: ProductCreateBody, response: { 201: ProductShow } } },
    async (req, reply) => reply.code(201).send(productShow(await products.create(actorOf(req), req.body))),
  );

  app.get(
    '/products/:productId',
    { schema: { operationId: 'getProduct', tags, summary: 'A product', params: ProductParams, response: { 200: ProductShow } } },
    async (req) => productShow(await products.get(actorOf(req), productId(req.params.productId))),
  );

  app.put(
    '/products/:productId',
    { schema: { operationId: 'updateProduct', tags, summary: 'Change a product: the fields sent change (its backing policies follow)', params: ProductParams, body: ProductUpdateBody, response: { 200: ProductShow } } },
    async (req) => productShow(await products.update(actorOf(req), productId(req.params.productId), req.body)),
  );

  app.delete(
    '/products/:productId',
    { schema: { operationId: 'deleteProduct', tags, summary: 'Delete a product (409 while access requests refer to it)', params: ProductParams, response: { 200: StatusOk } } },
    async (req) => {
      await products.remove(actorOf(req), productId(req.params.productId));
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/products/:productId/api-details',
    { schema: { operationId: 'listProductApis', tags, summary: "The product's APIs", params: ProductParams, response: { 200: Type.Array(ApiDetailView) } } },
    async (req) => {
      const id = productId(req.params.productId);
      return (await products.get(actorOf(req), id)).apis.map((a) => apiDetailView(a, adminBase(id)));
    },
  );

  app.get(
    '/products/:productId/api-details/:apiId',
    { schema: { operationId: 'getProductApi', tags, summary: 'One API of the product', params: ProductApiParams, response: { 200: ApiDetailView } } },
    async (req) => {
      const id = productId(req.params.productId);
      return apiDetailView(await products.apiDetail(actorOf(req), id, req.params.apiId), adminBase(id));
    },
  );

  app.put(
    '/products/:productId/api-details/:apiId',
    { schema: { operationId: 'updateProductApi', tags, summary: "Change an API's description in the product", params: ProductApiParams, body: ApiDetailUpdateBody, response: { 200: ApiDetailView } } },
    async (req) => {
      const id = productId(req.params.productId);
      return apiDetailView(await products.updateApiDetail(actorOf(req), id, req.params.apiId, req.body.Description), adminBase(id));
    },
  );

  const oasSummary = "The API's OpenAPI document in this product: the uploaded one, else the OAS API's own";
  app.get(
    '/products/:productId/api-details/:apiId/oas',
    { schema: { operationId: 'getProductApiDocument', tags, summary: oasSummary, params: ProductApiParams, response: { 200: OasDocumentBody } } },
    async (req) => products.apiDocument(actorOf(req), productId(req.params.productId), req.params.apiId),
  );

  const uploadIds = { put: 'putProductApiDocument', post: 'uploadProductApiDocument' } as const;
  for (const method of ['put', 'post'] as const) {
    app[method](
      '/products/:productId/api-details/:apiId/oas',
      { schema: { operationId: uploadIds[method], tags, summary: 'Upload an OpenAPI document (JSON) for this API in the product', params: ProductApiParams, body: OasDocumentBody, response: { 200: OasDocumentBody } } },
      async (req) => products.setApiDocument(actorOf(req), productId(req.params.productId), req.params.apiId, req.body as Record<string, unknown>),
    );
  }

  app.delete(
    '/products/:productId/api-details/:apiId/oas',
    { schema: { operationId: 'deleteProductApiDocument', tags, summary: "Drop the uploaded document (the OAS API's own applies again)", params: ProductApiParams, response: { 200: StatusOk } } },
    async (req) => {
      await products.removeApiDocument(actorOf(req), productId(req.params.productId), req.params.apiId);
      return { status: 'ok' as const };
    },
  );

  const guideTags = ['Portal: product guides'];
  app.get(
    '/products/:productId/docs',
    { schema: { operationId: 'listProductDocs', tags: guideTags, summary: "The product's Markdown guides, in order", params: ProductParams, querystring: PortalPageQuery, response: { 200: Type.Array(GuideView) } } },
    async (req) => (await products.listGuides(actorOf(req), productId(req.params.productId), req.query.page, req.query.per_page)).map(guideView),
  );

  app.post(
    '/products/:productId/docs',
    { schema: { operationId: 'createProductDoc', tags: guideTags, summary: 'Add a guide (last in order)', params: ProductParams, body: GuideCreateBody, response: { 201: GuideView } } },
    async (req, reply) => reply.code(201).send(guideView(await products.createGuide(actorOf(req), productId(req.params.productId), req.body))),
  );

  app.post(
    '/products/:productId/docs/reorder',
    { schema: { operationId: 'reorderProductDocs', tags: guideTags, summary: "Order the product's guides", params: ProductParams, body: GuideReorderBody, response: { 200: Type.Array(GuideView) } } },
    async (req) => (await products.reorderGuides(actorOf(req), productId(req.params.productId), req.body)).map(guideView),
  );

  app.get(
    '/products/:productId/docs/:docId',
    { schema: { operationId: 'getProductDoc', tags: guideTags, summary: 'A guide', params: GuideParams, response: { 200: GuideView } } },
    async (req) => guideView(await products.getGuide(actorOf(req), productId(req.params.productId), guideId(req.params.docId))),
  );

  app.put(
    '/products/:productId/docs/:docId',
    { schema: { operationId: 'updateProductDoc', tags: guideTags, summary: 'Change a guide: the fields sent change', params: GuideParams, body: GuideUpdateBody, response: { 200: GuideView } } },
    async (req) => guideView(await products.updateGuide(actorOf(req), productId(req.params.productId), guideId(req.params.docId), req.body)),
  );

  app.delete(
    '/products/:productId/docs/:docId',
    { schema: { operationId: 'deleteProductDoc', tags: guideTags, summary: 'Delete a guide', params: GuideParams, response: { 200: StatusOk } } },
    async (req) => {
      await products.removeGuide(actorOf(req), productId(req.params.productId), guideId(req.params.docId));
      return { status: 'ok' as const };
    },
  );
};
