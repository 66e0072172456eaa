import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../http/authenticate.js';
import { ApiResponse, ok } from '../http/envelope.js';
import type { Services } from '../services.js';
import { AccessPayload, ApiIdParams, ApiList, ApiListQuery, ApiWrapper, ApiWrapperBody, OasApiDocument, OasDocument, OasExportQuery, OasImportDocument, OasImportQuery } from './apis.schemas.js';
import type { ApiWithOwners, SpecFields } from './apis.service.js';
import { fromClassic, fromOas, type Json } from './definitions.js';
import { exportedDocument, withTykExtension, type ImportOptions } from './oas-import.js';
import { Invalid } from '../errors.js';
import { stringify as toYaml } from 'yaml';
import { installYamlBodyParser } from '../http/yaml-body.js';

type Wrapper = Static<typeof ApiWrapper>;

/** The Tyk wrapper of any API; OAS APIs also carry their document in `oas`. */
export function toWrapper({ row, owners }: ApiWithOwners): Wrapper {
  const definition = JSON.parse(row.definition) as Json;
  const proxy = typeof definition.proxy === 'object' && definition.proxy !== null ? (definition.proxy as Json) : {};
  const wrapper: Wrapper = {
    api_definition: {
      ...definition,
      id: String(row.id),
      api_id: row.api_id,
      name: row.name,
      active: row.active === 1,
      use_keyless: row.use_keyless === 1,
      proxy: { ...proxy, listen_path: row.listen_path, target_url: row.target_url },
    },
    user_owners: owners.userIds.map(String),
    user_group_owners: owners.groupIds.map(String),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
  if (row.oas) wrapper.oas = JSON.parse(row.oas) as Json;
  return wrapper;
}

const CLASSIC_FIELDS: SpecFields = {
  definition: 'api_definition',
  apiId: 'api_definition.api_id',
  listenPath: 'api_definition.proxy.listen_path',
  users: 'user_owners',
  groups: 'user_group_owners',
};
const OAS_FIELDS: SpecFields = {
  definition: 'x-tyk-api-gateway',
  apiId: 'x-tyk-api-gateway.info.id',
  listenPath: 'x-tyk-api-gateway.server.listenPath.value',
  users: 'userIds',
  groups: 'userGroupIds',
};

/** Tyk's import options; the ones naming gateway features Portcullis lacks are refused rather than ignored. */
function importOptions(q: Static<typeof OasImportQuery>): ImportOptions {
  if (q.customDomain) throw new Invalid('customDomain', 'custom domains are not supported');
  for (const name of ['allowList', 'validateRequest', 'mockResponse'] as const) {
    if (q[name] === true) throw new Invalid(name, 'this middleware is not supported by the Portcullis gateway');
  }
  return { upstreamURL: q.upstreamURL, listenPath: q.listenPath, authentication: q.authentication };
}

/** API definitions (Tyk Classic and OAS) and their owners: /api/apis. */
export const apisRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { apis } = services;
  const tags = ['APIs'];

  app.get(
    '/apis',
    { schema: { operationId: 'listApis', tags, summary: 'List every API you can see (Classic and OAS)', querystring: ApiListQuery, response: { 200: ApiList } } },
    async (req) => {
      const { apis: rows, pages } = await apis.list(actorOf(req), { p: req.query.p, q: req.query.q, sort: req.query.sort });
      return { apis: rows.map(toWrapper), pages };
    },
  );

  // Tyk's name search: the list above with `q` (and `p`), under its own path.
  app.get(
    '/apis/search',
    { schema: { operationId: 'searchApis', tags, summary: 'Search the APIs you can see by name (q: substring, case-insensitive; none: all)', querystring: ApiListQuery, response: { 200: ApiList } } },
    async (req) => {
      const { apis: rows, pages } = await apis.list(actorOf(req), { p: req.query.p, q: req.query.q, sort: req.query.sort });
      return { apis: rows.map(toWrapper), pages };
    },
  );

  app.post(
    '/apis',
    { schema: { operationId: 'createApi', tags, summary: 'Create a Tyk Classic API', body: ApiWrapperBody, response: { 200: ApiResponse } } },
    async (req) => {
      const spec = fromClassic(req.body.api_definition as Json);
      const created = await apis.create(
        actorOf(req),
        spec,
        { userIds: req.body.user_owners ?? undefined, userGroupIds: req.body.user_group_owners ?? undefined },
        CLASSIC_FIELDS,
      );
      return { ...ok('API created', String(created.row.id)), ID: created.row.api_id };
    },
  );

  app.get(
    '/apis/:apiId',
    { schema: { operationId: 'getApi', tags, summary: 'Get an API by its id or api_id', params: ApiIdParams, response: { 200: ApiWrapper } } },
    async (req) => toWrapper(await apis.get(actorOf(req), req.params.apiId)),
  );

  app.put(
    '/apis/:apiId',
    {
      schema: {
        operationId: 'updateApi',
        tags,
        summary: 'Update a Tyk Classic API; user_owners / user_group_owners, when present, replace the owners',
        params: ApiIdParams,
        body: ApiWrapperBody,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      const b = req.body;
      await apis.update(
        actorOf(req),
        req.params.apiId,
        'classic',
        (existing) => fromClassic(b.api_definition as Json, existing.api_id),
        {
          userIds: b.user_owners === undefined ? undefined : (b.user_owners ?? []),
          userGroupIds: b.user_group_owners === undefined ? undefined : (b.user_group_owners ?? []),
        },
        CLASSIC_FIELDS,
      );
      return ok('API updated');
    },
  );

  app.delete(
    '/apis/:apiId',
    { schema: { operationId: 'deleteApi', tags, summary: 'Delete an API', params: ApiIdParams, response: { 200: ApiResponse } } },
    async (req) => {
      await apis.remove(actorOf(req), req.params.apiId);
      return ok('API deleted');
    },
  );

  app.get(
    '/apis/:apiId/access',
    { schema: { operationId: 'getApiAccess', tags, summary: 'The owners of an API', params: ApiIdParams, response: { 200: AccessPayload } } },
    async (req) => {
      const owners = await apis.getOwners(actorOf(req), req.params.apiId);
      return { userIds: owners.userIds.map(String), userGroupIds: owners.groupIds.map(String) };
    },
  );

  app.put(
    '/apis/:apiId/access',
    { schema: { operationId: 'updateApiAccess', tags, summary: 'Replace the owners of an API', params: ApiIdParams, body: AccessPayload, response: { 200: ApiResponse } } },
    async (req) => {
      await apis.setOwners(actorOf(req), req.params.apiId, req.body);
      return ok('API access updated');
    },
  );

  app.get(
    '/apis/oas',
    { schema: { operationId: 'listOasApis', tags, summary: 'List the OAS APIs you can see', querystring: ApiListQuery, response: { 200: ApiList } } },
    async (req) => {
      const { apis: rows, pages } = await apis.list(actorOf(req), { p: req.query.p, q: req.query.q, sort: req.query.sort, kind: 'oas' });
      return { apis: rows.map(toWrapper), pages };
    },
  );

  app.post(
    '/apis/oas',
    { schema: { operationId: 'createOasApi', tags, summary: 'Create an API from an OpenAPI 3.0/3.1 document with x-tyk-api-gateway', body: OasDocument, response: { 200: ApiResponse } } },
    async (req) => {
      const created = await apis.create(actorOf(req), fromOas(req.body as Json), {}, OAS_FIELDS);
      return { ...ok('API created', String(created.row.id)), ID: created.row.api_id };
    },
  );

  app.get(
    '/apis/oas/:apiId',
    { schema: { operationId: 'getOasApi', tags, summary: 'The OpenAPI document of an OAS API', params: ApiIdParams, response: { 200: OasApiDocument } } },
    async (req) => JSON.parse((await apis.get(actorOf(req), req.params.apiId, 'oas')).row.oas!) as Json,
  );

  app.put(
    '/apis/oas/:apiId',
    { schema: { operationId: 'updateOasApi', tags, summary: 'Replace the OpenAPI document of an OAS API', params: ApiIdParams, body: OasDocument, response: { 200: ApiResponse } } },
    async (req) => {
      await apis.update(actorOf(req), req.params.apiId, 'oas', (existing) => fromOas(req.body as Json, existing.api_id), {}, OAS_FIELDS);
      return ok('API updated');
    },
  );

  app.delete(
    '/apis/oas/:apiId',
    { schema: { operationId: 'deleteOasApi', tags, summary: 'Delete an OAS API', params: ApiIdParams, response: { 200: ApiResponse } } },
    async (req) => {
      await apis.remove(actorOf(req), req.params.apiId, 'oas');
      return ok('API deleted');
    },
  );

  // Import and PATCH take the document as JSON or YAML (Tyk's application/x-yaml); only in this scope.
  await app.register(async (scope) => {
    installYamlBodyParser(scope);
    const oas = scope.withTypeProvider<TypeBoxTypeProvider>();

    oas.post(
      '/apis/oas/import',
      {
        schema: {
          operationId: 'importOasApi',
          tags,
          summary: 'Create an API from an OpenAPI document (JSON or YAML); x-tyk-api-gateway is built from the document and the query when absent',
          querystring: OasImportQuery,
          body: OasImportDocument,
          response: { 200: ApiResponse },
        },
      },
      async (req) => {
        const doc = withTykExtension(req.body as Json, importOptions(req.query));
        const created = await apis.create(actorOf(req), fromOas(doc), {}, OAS_FIELDS);
        return { ...ok('API created', String(created.row.id)), ID: created.row.api_id };
      },
    );

    oas.patch(
      '/apis/oas/:apiId',
      {
        schema: {
          operationId: 'patchOasApi',
          tags,
          summary: "Replace an OAS API's OpenAPI document (JSON or YAML), keeping its x-tyk-api-gateway unless the document carries one; the query sets what it names",
          params: ApiIdParams,
          querystring: OasImportQuery,
          body: OasImportDocument,
          response: { 200: ApiResponse },
        },
      },
      async (req) => {
        const options = importOptions(req.query);
        await apis.update(
          actorOf(req),
          req.params.apiId,
          'oas',
          (existing) => {
            const stored = JSON.parse(existing.oas!) as Json;
            return fromOas(withTykExtension(req.body as Json, options, stored['x-tyk-api-gateway'] as Json), existing.api_id);
          },
          {},
          OAS_FIELDS,
        );
        return ok('API updated');
      },
    );
  });

  app.get(
    '/apis/oas/:apiId/export',
    {
      schema: {
        operationId: 'exportOasApi',
        tags,
        summary: "Download an OAS API's document (JSON; YAML when Accept or Content-Type asks for application/x-yaml); mode=public leaves out x-tyk-api-gateway",
        params: ApiIdParams,
        querystring: OasExportQuery,
        response: {
          200: {
            description: 'The OpenAPI document, as a download',
            content: {
              'application/json': { schema: OasApiDocument },
              'application/x-yaml': { schema: Type.String() },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const { row } = await apis.get(actorOf(req), req.params.apiId, 'oas');
      const doc = exportedDocument(JSON.parse(row.oas!) as Json, req.query.mode);
      const wanted = `${req.headers.accept ?? ''} ${req.headers['content-type'] ?? ''}`;
      const yaml = /yaml/i.test(wanted);
      void reply.header('content-disposition', `attachment; filename="${row.api_id}.${yaml ? 'yaml' : 'json'}"`);
      if (yaml) return reply.type('application/x-yaml; charset=utf-8').serializer((x: unknown) => String(x)).send(toYaml(doc));
      return reply.type('application/json; charset=utf-8').send(doc);
    },
  );
};
