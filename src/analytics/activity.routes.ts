import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { CountFields, Query, RANGE, RangeParams } from './analytics.routes.js';

const Rows = (id: Parameters<typeof Type.Object>[0], extra: Parameters<typeof Type.Object>[0] = {}) =>
  Type.Object({ data: Type.Array(Type.Object({ id: Type.Object(id), ...CountFields, ...extra })), pages: Type.Integer() });

const time = { time: Type.Optional(Type.String({ description: 'The hour or day of the row, with res' })) };

/**
 * Tyk's activity views: /api/activity/keys/{keyHash}/..., /api/activity/keys/aggregate/{keys}/...,
 * /api/activity/apis/{apiIds}/..., /api/activity/oauthid/{clientId}/... (whole UTC days).
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
