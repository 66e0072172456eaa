import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { CountFields, Query, RANGE, RangeParams } from './analytics.routes.js';

const McpFilters = {
  mcp_method: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Only this JSON-RPC method (tools/call, resources/read, prompts/get, initialize, …)' })),
  mcp_primitive_type: Type.Optional(Type.Union([Type.Literal('tool'), Type.Literal('resource'), Type.Literal('prompt')], { description: 'Only calls of this kind of primitive' })),
  mcp_primitive_name: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: "Only this primitive (a tool's or prompt's name, a resource's URI)" })),
  group_by: Type.Optional(Type.Literal('mcp_primitive', { description: 'One row per API, method and primitive (without it, one row per API)' })),
  p: Query.properties.p,
  res: Query.properties.res,
};
const McpQuery = Type.Object({
  api_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only this API (one you cannot see is 404)' })),
  ...McpFilters,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'The busiest `limit` rows, on one page (instead of p)' })),
});
const McpErrorsQuery = Type.Object({ api_id: McpQuery.properties.api_id, ...McpFilters });
const McpKeyQuery = Type.Object(McpFilters);

const McpRows = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.Object({
        api_id: Type.String(),
        api_name: Type.String(),
        key: Type.Optional(Type.String({ description: 'The key hash (per-key view)' })),
        mcp_method: Type.Optional(Type.String({ description: 'With group_by=mcp_primitive' })),
        mcp_primitive_type: Type.Optional(Type.String({ description: "With group_by=mcp_primitive: tool, resource, prompt, or '' for a method that invokes none" })),
        mcp_primitive_name: Type.Optional(Type.String({ description: 'With group_by=mcp_primitive' })),
        time: Type.Optional(Type.String({ description: 'The hour or day of the row, with res' })),
      }),
      ...CountFields,
      request_time: Type.Number({ description: 'Mean request time, ms (as latency)' }),
      max_latency: Type.Number(),
      min_latency: Type.Number(),
      max_upstream_latency: Type.Number(),
      min_upstream_latency: Type.Number(),
      last_hit: Type.String({ format: 'date-time' }),
    }),
  ),
  pages: Type.Integer(),
});

const Rows = (id: Parameters<typeof Type.Object>[0], extra: Parameters<typeof Type.Object>[0] = {}) =>
  Type.Object({ data: Type.Array(Type.Object({ id: Type.Object(id), ...CountFields, ...extra })), pages: Type.Integer() });

const time = { time: Type.Optional(Type.String({ description: 'The hour or day of the row, with res' })) };

/**
 * Tyk's activity views: /api/activity/keys/{keyHash}/..., /api/activity/keys/aggregate/{keys}/...,
 * /api/activity/apis/{apiIds}/..., /api/activity/oauthid/{clientId}/..., and the MCP views
 * /api/activity/mcp/primitives[/errors]/... and /api/activity/mcp/keys/{keyId}/... (whole UTC days).
 */
export const activityRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { activity } = services;
  const tags = ['Analytics'];

  app.get(
    `/activity/keys/:keyHash/${RANGE}`,
    {
      schema: {
        operationId: 'getKeyActivity',
        tags,
        summary: "One key's traffic by endpoint (key hash, or the key itself); a key you cannot see is 404",
        params: Type.Object({ keyHash: Type.String({ maxLength: 200 }), ...RangeParams }),
        querystring: Query,
        response: {
          200: Rows(
            { key: Type.String(), api_id: Type.String(), api_name: Type.String(), method: Type.String(), path: Type.String(), ...time },
            { max_latency: Type.Number(), min_latency: Type.Number(), last_hit: Type.String({ format: 'date-time' }) },
          ),
        },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.keyByEndpoint(actorOf(req), req.params.keyHash, req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );

  app.get(
    `/activity/keys/aggregate/:keys/${RANGE}`,
    {
      schema: {
        operationId: 'getKeysActivity',
        tags,
        summary: 'The traffic of the named keys (comma-separated hashes), one row per key; a key you cannot see is 404',
        params: Type.Object({ keys: Type.String({ maxLength: 8000 }), ...RangeParams }),
        querystring: Query,
        response: { 200: Rows({ key: Type.String(), alias: Type.String(), ...time }) },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.keys(actorOf(req), req.params.keys, req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );

  app.get(
    `/activity/apis/:apiIds/${RANGE}`,
    {
      schema: {
        operationId: 'getApisActivity',
        tags,
        summary: 'The traffic of the named APIs (comma-separated ids), one row per API; an API you cannot see is 404',
        params: Type.Object({ apiIds: Type.String({ maxLength: 8000 }), ...RangeParams }),
        querystring: Query,
        response: { 200: Rows({ api_id: Type.String(), api_name: Type.String(), ...time }) },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.apis(actorOf(req), req.params.apiIds, req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );

  app.get(
    `/activity/mcp/primitives/${RANGE}`,
    {
      schema: {
        operationId: 'getMcpPrimitiveActivity',
        tags,
        summary: 'MCP calls (JSON-RPC method, tool / resource / prompt) on the MCP APIs you can see, one row per API or per primitive; an error is a response of 400 or above',
        params: Type.Object(RangeParams),
        querystring: McpQuery,
        response: { 200: McpRows },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.mcp(actorOf(req), req.params, req.query, { errorsOnly: false });
      return { data: rows, pages };
    },
  );

  app.get(
    `/activity/mcp/primitives/errors/${RANGE}`,
    {
      schema: {
        operationId: 'getMcpPrimitiveErrors',
        tags,
        summary: 'The MCP calls that answered 400 or above, as /activity/mcp/primitives counts them',
        params: Type.Object(RangeParams),
        querystring: McpErrorsQuery,
        response: { 200: McpRows },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.mcp(actorOf(req), req.params, req.query, { errorsOnly: true });
      return { data: rows, pages };
    },
  );

  app.get(
    `/activity/mcp/keys/:keyId/${RANGE}`,
    {
      schema: {
        operationId: 'getMcpKeyActivity',
        tags,
        summary: "One key's MCP calls (key hash, or the key itself), on the APIs you can see; a key you cannot see is 404",
        params: Type.Object({ keyId: Type.String({ maxLength: 200 }), ...RangeParams }),
        querystring: McpKeyQuery,
        response: { 200: McpRows },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.mcp(actorOf(req), req.params, req.query, { errorsOnly: false, keyRef: req.params.keyId });
      return { data: rows, pages };
    },
  );

  app.get(
    `/activity/oauthid/:clientId/${RANGE}`,
    {
      schema: {
        operationId: 'getOauthClientActivity',
        tags,
        summary: "The traffic of an OAuth client (a DCR credential's client, calling JWT APIs), one row per API; a client of APIs you cannot see is 404",
        params: Type.Object({ clientId: Type.String({ maxLength: 200 }), ...RangeParams }),
        querystring: Query,
        response: { 200: Rows({ api_id: Type.String(), api_name: Type.String(), oauth_id: Type.String(), ...time }) },
      },
    },
    async (req) => {
      const { rows, pages } = await activity.oauthClient(actorOf(req), req.params.clientId, req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );
};
