import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, resolveActor } from '../http/authenticate.js';
import { Unauthorized } from '../errors.js';
import { ApiResponse, ok } from '../http/envelope.js';
import type { Services } from '../services.js';
import { ID_MAX as INT32_MAX } from '../http/ids.js';
import { TykPage } from '../pagination.js';
import { isMarkedAuthenticated, markAuthenticated } from '../http/body-limit.js';

export const RangeParams = {
  startDay: Type.Integer({ minimum: 1, maximum: 31 }),
  startMonth: Type.Integer({ minimum: 1, maximum: 12 }),
  startYear: Type.Integer({ minimum: 1970, maximum: 9999 }),
  endDay: Type.Integer({ minimum: 1, maximum: 31 }),
  endMonth: Type.Integer({ minimum: 1, maximum: 12 }),
  endYear: Type.Integer({ minimum: 1970, maximum: 9999 }),
};
export const RANGE = ':startDay/:startMonth/:startYear/:endDay/:endMonth/:endYear';

export const Query = Type.Object({
  p: Type.Optional(TykPage),
  res: Type.Optional(
    Type.Union([Type.Literal('hour'), Type.Literal('day')], {
      description: 'Time buckets: time series default to day; breakdowns without res give totals over the range',
    }),
  ),
});

export const CountFields = {
  hits: Type.Integer(),
  success: Type.Integer(),
  error: Type.Integer(),
  status_2xx: Type.Integer(),
  status_3xx: Type.Integer(),
  status_4xx: Type.Integer(),
  status_5xx: Type.Integer(),
  latency: Type.Number({ description: 'Mean request time, ms' }),
  upstream_latency: Type.Number({ description: 'Mean upstream time, ms' }),
};

const Usage = (id: Parameters<typeof Type.Object>[0]) =>
  Type.Object({ data: Type.Array(Type.Object({ id: Type.Object(id), ...CountFields })), pages: Type.Integer() });

export const AnalyticsRecordSchema = Type.Object(
  {
    timestamp: Type.String({ format: 'date-time' }),
    api_id: Type.String({ minLength: 1, maxLength: 128 }),
    method: Type.String({ minLength: 1, maxLength: 16, pattern: '^[A-Za-z]+$' }),
    path: Type.String({ maxLength: 2048 }),
    response_code: Type.Integer({ minimum: 100, maximum: 599 }),
    request_time: Type.Integer({ minimum: 0, maximum: INT32_MAX }),
    upstream_time: Type.Integer({ minimum: 0, maximum: INT32_MAX }),
    api_key: Type.Optional(Type.String({ maxLength: 128 })),
    ip_address: Type.String({ maxLength: 64 }),
    content_length: Type.Integer({ minimum: 0 }),
    mcp_method: Type.Optional(Type.String({ maxLength: 128, description: 'MCP APIs: the JSON-RPC method called (tools/call, …)' })),
    mcp_primitive_type: Type.Optional(
      Type.Union([Type.Literal(''), Type.Literal('tool'), Type.Literal('resource'), Type.Literal('prompt')], { description: 'MCP APIs: the primitive the method invokes, if any' }),
    ),
    mcp_primitive_name: Type.Optional(Type.String({ maxLength: 1024, description: "MCP APIs: the tool's or prompt's name, the resource's URI" })),
  },
  { additionalProperties: false },
);

/** Analytics: ingestion from gateways and the usage queries (/api/usage/...). */
export const analyticsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { analytics } = services;
  const tags = ['Analytics'];

  app.get(
    `/usage/apis/${RANGE}`,
    { schema: { operationId: 'getApiUsage', tags, summary: 'Usage per API over whole UTC days', params: Type.Object(RangeParams), querystring: Query, response: { 200: Usage({ api_id: Type.String(), api_name: Type.String(), time: Type.Optional(Type.String()) }) } } },
    async (req) => {
      const { rows, pages } = await analytics.byApi(actorOf(req), req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );

  app.get(
    `/usage/apis/:apiId/${RANGE}`,
    {
      schema: {
        operationId: 'getApiUsageOfApi',
        tags,
        summary: "One API's traffic over time",
        params: Type.Object({ apiId: Type.String({ maxLength: 128 }), ...RangeParams }),
        querystring: Query,
        response: { 200: Usage({ time: Type.String(), api_id: Type.String() }) },
      },
    },
    async (req) => ({ data: await analytics.forApi(actorOf(req), req.params.apiId, req.params, req.query.res ?? 'day'), pages: 1 }),
  );

  app.get(
    `/usage/errors/${RANGE}`,
    { schema: { operationId: 'getErrorUsage', tags, summary: 'Hits and error counts by status class over time', params: Type.Object(RangeParams), querystring: Query, response: { 200: Usage({ time: Type.String() }) } } },
    async (req) => ({ data: await analytics.errorsOverTime(actorOf(req), req.params, req.query.res ?? 'day'), pages: 1 }),
  );

  app.get(
    `/usage/keys/${RANGE}`,
    { schema: { operationId: 'getKeyUsage', tags, summary: 'Traffic per key', params: Type.Object(RangeParams), querystring: Query, response: { 200: Usage({ api_key: Type.String(), alias: Type.String(), time: Type.Optional(Type.String()) }) } } },
    async (req) => {
      const { rows, pages } = await analytics.byKey(actorOf(req), req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );

  app.get(
    `/usage/endpoints/${RANGE}`,
    {
      schema: {
        operationId: 'getEndpointUsage',
        tags,
        summary: 'Endpoint popularity',
        params: Type.Object(RangeParams),
        querystring: Query,
        response: { 200: Usage({ api_id: Type.String(), api_name: Type.String(), method: Type.String(), path: Type.String(), time: Type.Optional(Type.String()) }) },
      },
    },
    async (req) => {
      const { rows, pages } = await analytics.byEndpoint(actorOf(req), req.params, req.query.p, req.query.res);
      return { data: rows, pages };
    },
  );
};

/**
 * POST /api/analytics/records: batches from gateways (header `X-Gateway-Secret`
 * with PORTCULLIS_GATEWAY_SECRET) or an administrator's access key. Registered
 * outside the user-authentication hook because a gateway is not a user.
 */
export const analyticsIngestRoutes: FastifyPluginAsyncTypebox<{ services: Services; allowedOrigins: readonly string[] }> = async (
  app,
  { services, allowedOrigins },
) => {
  app.post(
    '/analytics/records',
    {
      bodyLimit: 32 * 1024 * 1024,
      // Who sends the batch is known before a byte of it is read (see http/body-limit.ts).
      onRequest: async (req) => {
        const secret = req.headers['x-gateway-secret'];
        if (typeof secret === 'string' && services.analytics.isGatewaySecret(secret)) return markAuthenticated(req);
        const actor = await resolveActor(req, services.auth, allowedOrigins);
        if (!actor) throw new Unauthorized();
        req.actor = actor;
      },
      schema: {
        operationId: 'recordAnalytics',
        // What the onRequest hook above takes: a gateway's secret, or a Dashboard user's key or session.
        security: [{ gatewaySecret: [] }, { accessKey: [] }, { sessionCookie: [] }],
        tags: ['Analytics'],
        summary: 'Record a batch of analytics records (refused whole if any record is invalid)',
        body: Type.Object({ records: Type.Array(AnalyticsRecordSchema, { maxItems: 50_000 }) }, { additionalProperties: false }),
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      const actor = req.actor ?? (isMarkedAuthenticated(req) ? 'gateway' : undefined);
      if (!actor) throw new Unauthorized();
      const n = await services.analytics.ingest(actor, req.body.records.map((r) => ({ ...r, api_key: r.api_key ?? '' })));
      return ok('Records stored', { count: n });
    },
  );
};
