import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { StatusOk } from '../accounts/organisations.schemas.js';
import { portalDate } from '../portal-date.js';
import type { ClientTypeRow, ProviderRow } from './oauth.service.js';
import {
  ClientTypeParams,
  ForceQuery,
  OAuthClientTypeCreate,
  OAuthClientTypeElem,
  OAuthClientTypeUpdate,
  OAuthProviderCreate,
  OAuthProviderElem,
  OAuthProviderShow,
  OAuthProviderUpdate,
  ProductClientTypeAttach,
  ProductClientTypeListItem,
  ProductClientTypeParams,
  ProductClientTypeResponse,
  ProductParams,
  ProviderParams,
} from './oauth.schemas.js';

function clientTypeElem(c: ClientTypeRow): Static<typeof OAuthClientTypeElem> {
  return {
    ID: c.id,
    Name: c.name,
    Description: c.description,
    ResponseTypes: c.response_types,
    GrantType: c.grant_types,
    TokenEndpointAuthMethod: c.token_endpoint_auth_method,
    ...(c.okta_app_type === '' ? {} : { OktaAppType: c.okta_app_type }),
    CreatedAt: portalDate(c.created_at),
    UpdatedAt: portalDate(c.updated_at),
  };
}

/** The initial access token is write-only: no view carries it. */
function providerElem(p: ProviderRow): Static<typeof OAuthProviderElem> {
  return {
    ID: p.id,
    Name: p.name,
    Type: p.type,
    WellKnownURL: p.well_known_url,
    SSLInsecureSkipVerify: p.ssl_insecure_skip_verify === 1,
    CreatedAt: portalDate(p.created_at),
    UpdatedAt: portalDate(p.updated_at),
  };
}

function providerShow(v: { provider: ProviderRow; clientTypes: ClientTypeRow[] }): Static<typeof OAuthProviderShow> {
  return { ...providerElem(v.provider), ClientTypes: v.clientTypes.map(clientTypeElem) };
}

function productClientType(c: ClientTypeRow): Static<typeof ProductClientTypeResponse> {
  return {
    ID: c.id,
    Name: c.name,
    Description: c.description,
    GrantType: c.grant_types,
    ...(c.okta_app_type === '' ? {} : { OktaAppType: c.okta_app_type }),
    ProviderID: c.provider_id,
    CreatedAt: portalDate(c.created_at),
    UpdatedAt: portalDate(c.updated_at),
  };
}

const providerId = (raw: string): number => parseNumericId(raw, 'OAuth provider');
const clientTypeId = (raw: string): number => parseNumericId(raw, 'Client type');
const productId = (raw: string): number => parseNumericId(raw, 'Product');

/** Admin Portal: /portal-api/oauth-providers[/{id}[/client-types[/{id}]]] and /portal-api/products/{id}/client_types (Tyk's shapes). */
export const oauthRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { providers, clientTypes, productClientTypes } = services.oauth;
  const tags = ['Portal: OAuth providers'];

  app.get(
    '/oauth-providers',
    { schema: { operationId: 'listOAuthProviders', tags, summary: 'OAuth 2.0 providers clients are registered at (dynamic client registration)', response: { 200: Type.Array(OAuthProviderElem) } } },
    async (req) => (await providers.list(actorOf(req))).map(providerElem),
  );

  app.post(
    '/oauth-providers',
    {
      schema: {
        operationId: 'createOAuthProvider',
        tags,
        summary: 'Add an OAuth provider (administrators); RegistrationAccessToken is write-only',
        body: OAuthProviderCreate,
        response: { 200: OAuthProviderShow },
      },
    },
    async (req) => providerShow(await providers.create(actorOf(req), req.body)),
  );

  app.get(
    '/oauth-providers/:providerId',
    { schema: { operationId: 'getOAuthProvider', tags, summary: 'An OAuth provider with its client types', params: ProviderParams, response: { 200: OAuthProviderShow } } },
    async (req) => providerShow(await providers.get(actorOf(req), providerId(req.params.providerId))),
  );

  app.put(
    '/oauth-providers/:providerId',
    {
      schema: {
        operationId: 'updateOAuthProvider',
        tags,
        summary: 'Change an OAuth provider: the fields sent change (RegistrationAccessToken replaces the stored one)',
        params: ProviderParams,
        body: OAuthProviderUpdate,
        response: { 200: OAuthProviderShow },
      },
    },
    async (req) => providerShow(await providers.update(actorOf(req), providerId(req.params.providerId), req.body)),
  );

  app.delete(
    '/oauth-providers/:providerId',
    {
      schema: {
        operationId: 'deleteOAuthProvider',
        tags,
        summary: 'Delete an OAuth provider and its client types (400 while products use them, unless force=true)',
        params: ProviderParams,
        querystring: ForceQuery,
        response: { 200: StatusOk },
      },
    },
    async (req) => {
      await providers.remove(actorOf(req), providerId(req.params.providerId), req.query.force === true);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/oauth-providers/:providerId/client-types',
    { schema: { operationId: 'listOAuthClientTypes', tags, summary: "A provider's client types", params: ProviderParams, response: { 200: Type.Array(OAuthClientTypeElem) } } },
    async (req) => (await clientTypes.list(actorOf(req), providerId(req.params.providerId))).map(clientTypeElem),
  );

  app.post(
    '/oauth-providers/:providerId/client-types',
    {
      schema: { operationId: 'createOAuthClientType', tags, summary: 'Add a client type (the grant and response types registered clients get)', params: ProviderParams, body: OAuthClientTypeCreate, response: { 200: OAuthClientTypeElem } },
    },
    async (req) => clientTypeElem(await clientTypes.create(actorOf(req), providerId(req.params.providerId), req.body)),
  );

  app.get(
    '/oauth-providers/:providerId/client-types/:clientTypeId',
    { schema: { operationId: 'getOAuthClientType', tags, summary: 'A client type', params: ClientTypeParams, response: { 200: OAuthClientTypeElem } } },
    async (req) => clientTypeElem(await clientTypes.get(actorOf(req), providerId(req.params.providerId), clientTypeId(req.params.clientTypeId))),
  );

  app.put(
    '/oauth-providers/:providerId/client-types/:clientTypeId',
    {
      schema: { operationId: 'updateOAuthClientType', tags, summary: 'Change a client type (clients registered already keep theirs)', params: ClientTypeParams, body: OAuthClientTypeUpdate, response: { 200: OAuthClientTypeElem } },
    },
    async (req) => clientTypeElem(await clientTypes.update(actorOf(req), providerId(req.params.providerId), clientTypeId(req.params.clientTypeId), req.body)),
  );

  app.delete(
    '/oauth-providers/:providerId/client-types/:clientTypeId',
    {
      schema: {
        operationId: 'deleteOAuthClientType',
        tags,
        summary: 'Delete a client type (400 while products use it, unless force=true)',
        params: ClientTypeParams,
        querystring: ForceQuery,
        response: { 200: StatusOk },
      },
    },
    async (req) => {
      await clientTypes.remove(actorOf(req), providerId(req.params.providerId), clientTypeId(req.params.clientTypeId), req.query.force === true);
      return { status: 'ok' as const };
    },
  );

  const productTags = ['Portal: products'];

  app.get(
    '/products/:productId/client_types',
    { schema: { operationId: 'listProductClientTypes', tags: productTags, summary: 'The client types a DCR product registers clients with (the first is used)', params: ProductParams, response: { 200: Type.Array(ProductClientTypeListItem) } } },
    async (req) => (await productClientTypes.list(actorOf(req), productId(req.params.productId))).map((c) => ({ ID: c.id, Name: c.name })),
  );

  app.post(
    '/products/:productId/client_types',
    {
      schema: { operationId: 'attachProductClientType', tags: productTags, summary: 'Attach a client type to a product', params: ProductParams, body: ProductClientTypeAttach, response: { 201: ProductClientTypeResponse } },
    },
    async (req, reply) => reply.code(201).send(productClientType(await productClientTypes.attach(actorOf(req), productId(req.params.productId), req.body.ID))),
  );

  app.get(
    '/products/:productId/client_types/:clientTypeId',
    { schema: { operationId: 'getProductClientType', tags: productTags, summary: 'A client type attached to a product', params: ProductClientTypeParams, response: { 200: ProductClientTypeResponse } } },
    async (req) => productClientType(await productClientTypes.get(actorOf(req), productId(req.params.productId), clientTypeId(req.params.clientTypeId))),
  );

  app.delete(
    '/products/:productId/client_types/:clientTypeId',
    { schema: { operationId: 'detachProductClientType', tags: productTags, summary: 'Detach a client type from a product; its pending access requests that need it (chose it, or chose none and no type is left) are rejected', params: ProductClientTypeParams, response: { 200: StatusOk } } },
    async (req) => {
      await productClientTypes.detach(actorOf(req), productId(req.params.productId), clientTypeId(req.params.clientTypeId));
      return { status: 'ok' as const };
    },
  );
};
