import { Type } from 'typebox';
import { TykPage } from '../pagination.js';
import { named } from '../http/openapi.js';

const IdList = Type.Array(Type.String({ maxLength: 20 }), { maxItems: 1000 });

/** The Tyk Classic definition: the fields we read are checked, the rest is kept as sent. */
export const ApiDefinition = named('ApiDefinition', Type.Object(
  {
    name: Type.String({ maxLength: 500 }),
    api_id: Type.Optional(Type.String({ maxLength: 128 })),
    active: Type.Optional(Type.Boolean()),
    use_keyless: Type.Optional(Type.Boolean()),
    proxy: Type.Object(
      {
        listen_path: Type.String({ maxLength: 512 }),
        target_url: Type.String({ maxLength: 2048 }),
        strip_listen_path: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: true },
    ),
    auth: Type.Optional(Type.Object({ auth_header_name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: true })),
  },
  { additionalProperties: true },
));

const WrapperReadOnly = {
  created_at: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  updated_at: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  api_model: Type.Optional(Type.Object({})),
  categories: Type.Optional(Type.Unknown()),
  hook_references: Type.Optional(Type.Unknown()),
  is_site: Type.Optional(Type.Boolean()),
  sort_by: Type.Optional(Type.Integer()),
  oas: Type.Optional(Type.Unknown()),
};

export const ApiWrapperBody = named('ApiInput', Type.Object(
  {
    api_definition: ApiDefinition,
    user_owners: Type.Optional(Type.Union([IdList, Type.Null()])),
    user_group_owners: Type.Optional(Type.Union([IdList, Type.Null()])),
    ...WrapperReadOnly,
  },
  { additionalProperties: false },
));

export const ApiWrapper = named('Api', Type.Object(
  {
    api_definition: Type.Record(Type.String(), Type.Unknown()),
    user_owners: Type.Array(Type.String()),
    user_group_owners: Type.Array(Type.String()),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
    oas: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
));

export const ApiList = named('ApiList', Type.Object({ apis: Type.Array(ApiWrapper), pages: Type.Integer() }));

export const ApiListQuery = Type.Object({
  p: Type.Optional(TykPage),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the name, case-insensitive' })),
  sort: Type.Optional(
    Type.Union(
      [
        Type.Literal('name'),
        Type.Literal('-name'),
        Type.Literal('created_at'),
        Type.Literal('-created_at'),
        Type.Literal('updated_at'),
        Type.Literal('-updated_at'),
      ],
      { description: 'Default -created_at' },
    ),
  ),
});

export const AccessPayload = named('ApiAccess', Type.Object(
  { userIds: IdList, userGroupIds: IdList },
  { additionalProperties: false },
));

export const ApiIdParams = Type.Object({ apiId: Type.String({ maxLength: 128 }) });

/** The OpenAPI document's other root fields, as an OAS API takes them. */
const OasRootFields = {
  jsonSchemaDialect: Type.Optional(Type.String()),
  servers: Type.Optional(Type.Array(Type.Unknown())),
  paths: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  webhooks: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  components: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  security: Type.Optional(Type.Array(Type.Unknown())),
  tags: Type.Optional(Type.Array(Type.Unknown())),
  externalDocs: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};

/**
 * An OpenAPI 3.0/3.1 document carrying x-tyk-api-gateway; the service checks the
 * fields it reads. Only the OpenAPI root fields and x- extensions are accepted.
 */
export const OasDocument = named('OasApiInput', Type.Object(
  {
    openapi: Type.String(),
    info: Type.Record(Type.String(), Type.Unknown()),
    'x-tyk-api-gateway': Type.Record(Type.String(), Type.Unknown()),
    ...OasRootFields,
  },
  { additionalProperties: false, patternProperties: { '^x-': {} } },
));

/**
 * An OAS API's stored document as it is read back: the document sent, every
 * field kept (the fields named here were checked when it was written).
 */
export const OasApiDocument = named('OasApiDocument', Type.Object(
  {
    openapi: Type.Optional(Type.String()),
    info: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    'x-tyk-api-gateway': Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: true },
));


/**
 * Tyk's import and PATCH body: an OpenAPI 3.0/3.1 document, x-tyk-api-gateway
 * optional (built from the document and the query when absent). Tyk's
 * `{"url": ...}` form is recognised and refused (400).
 */
export const OasImportDocument = named('OasApiImport', Type.Object(
  {
    openapi: Type.Optional(Type.String()),
    info: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    'x-tyk-api-gateway': Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    url: Type.Optional(Type.String({ maxLength: 2048, description: 'Tyk imports from an address; Portcullis refuses it (send the document)' })),
    ...OasRootFields,
  },
  { additionalProperties: false, patternProperties: { '^x-': {} } },
));

/** Tyk's import options, as query parameters. */
export const OasImportQuery = Type.Object({
  upstreamURL: Type.Optional(Type.String({ maxLength: 2048, description: 'x-tyk-api-gateway.upstream.url (default: the first absolute server URL)' })),
  listenPath: Type.Optional(Type.String({ maxLength: 512, description: 'x-tyk-api-gateway.server.listenPath.value (default: from info.title)' })),
  authentication: Type.Optional(Type.Boolean({ description: 'x-tyk-api-gateway.server.authentication.enabled' })),
  customDomain: Type.Optional(Type.String({ maxLength: 253, description: 'Not supported: a non-empty value is refused' })),
  allowList: Type.Optional(Type.Boolean({ description: 'Not supported: true is refused' })),
  validateRequest: Type.Optional(Type.Boolean({ description: 'Not supported: true is refused' })),
  mockResponse: Type.Optional(Type.Boolean({ description: 'Not supported: true is refused' })),
});

export const OasExportQuery = Type.Object({
  mode: Type.Optional(Type.Literal('public', { description: 'public: without x-tyk-api-gateway' })),
});
