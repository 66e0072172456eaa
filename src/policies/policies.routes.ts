import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Invalid } from '../errors.js';
import { TykPage } from '../pagination.js';
import { actorOf } from '../http/authenticate.js';
import { ApiResponse, ok } from '../http/envelope.js';
import type { Services } from '../services.js';
import { IdParams, PageQuery } from '../identity/users.schemas.js';
import { PolicyBody, PolicyList, PolicyView } from './policies.schemas.js';
import { POLICY_ID_SHAPE } from './policy-ids.js';

const PolicySearchQuery = Type.Object({
  p: Type.Optional(TykPage),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'A policy id, or a substring of the name (case-insensitive)' })),
  policy_ids: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated policy ids' })),
  active: Type.Optional(Type.String({ maxLength: 20, description: 'Any value: active policies only' })),
}, { additionalProperties: false }); // Tyk's other filters (state, sort, api_id, auth_type) are refused, not silently ignored.

/** Tyk-compatible policies: /api/portal/policies. */
export const policiesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { policies } = services;
  const tags = ['Policies'];

  app.get(
    '/portal/policies',
    { schema: { operationId: 'listPolicies', tags, summary: 'List the policies you can see', querystring: PageQuery, response: { 200: PolicyList } } },
    async (req) => {
      const { policies: rows, pages } = await policies.list(actorOf(req), req.query.p);
      return { Data: rows, Pages: pages };
    },
  );

  app.get(
    '/portal/policies/search',
    {
      schema: {
        operationId: 'searchPolicies',
        tags,
        summary: 'Search the policies you can see: by id or name (q), by ids (policy_ids, which wins over q), active ones only (active)',
        querystring: PolicySearchQuery,
        response: { 200: PolicyList },
      },
    },
    async (req) => {
      const { q, policy_ids: list, active, p } = req.query;
      // Well-formed ids that name no policy (e.g. beyond the id columns' range) are left out, not refused.
      const ids = list === undefined ? undefined : list.split(',').map((s) => s.trim()).filter((s) => s !== '');
      for (const s of ids ?? []) if (!POLICY_ID_SHAPE.test(s)) throw new Invalid('policy_ids', `"${s.slice(0, 40)}" is not a policy id`);
      const { policies: rows, pages } = await policies.list(actorOf(req), p, { ids, q, active: active !== undefined && active !== '' });
      return { Data: rows, Pages: pages };
    },
  );

  app.post(
    '/portal/policies',
    {
      schema: {
        operationId: 'createPolicy',
        tags,
        summary: "Create a policy (under the client's own _id when it sends a free one); answers as Tyk does, the new policy's id in Message",
        body: PolicyBody,
        response: { 200: ApiResponse },
      },
    },
    async (req) => ok((await policies.create(actorOf(req), req.body))._id),
  );

  app.get(
    '/portal/policies/:id',
    { schema: { operationId: 'getPolicy', tags, summary: 'Get a policy (APIs you cannot see are left out of access_rights)', params: IdParams, response: { 200: PolicyView } } },
    async (req) => policies.get(actorOf(req), req.params.id),
  );

  app.put(
    '/portal/policies/:id',
    {
      schema: {
        operationId: 'updatePolicy',
        tags,
        summary: 'Replace a policy (its id stays; an _id in the body is ignored); access_rights entries for APIs you cannot see are kept untouched. Answers as Tyk does: Message "Data updated"',
        params: IdParams,
        body: PolicyBody,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      await policies.update(actorOf(req), req.params.id, req.body);
      return ok('Data updated');
    },
  );

  app.delete(
    '/portal/policies/:id',
    { schema: { operationId: 'deletePolicy', tags, summary: 'Delete a policy', params: IdParams, response: { 200: ApiResponse } } },
    async (req) => {
      await policies.remove(actorOf(req), req.params.id);
      return ok('Policy deleted');
    },
  );
};
