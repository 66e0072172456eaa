import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../http/authenticate.js';
import { ApiResponse, ok } from '../http/envelope.js';
import { parseNumericId } from '../http/ids.js';
import type { Services } from '../services.js';
import { IdParams, PageQuery } from '../identity/users.schemas.js';
import { PolicyBody, PolicyList, PolicyView } from './policies.schemas.js';

const policyId = (raw: string): number => parseNumericId(raw, 'Policy');

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

  app.post(
    '/portal/policies',
    { schema: { operationId: 'createPolicy', tags, summary: 'Create a policy; answers with the stored policy', body: PolicyBody, response: { 200: PolicyView } } },
    async (req) => policies.create(actorOf(req), req.body),
  );

  app.get(
    '/portal/policies/:id',
    { schema: { operationId: 'getPolicy', tags, summary: 'Get a policy (APIs you cannot see are left out of access_rights)', params: IdParams, response: { 200: PolicyView } } },
    async (req) => policies.get(actorOf(req), policyId(req.params.id)),
  );

  app.put(
    '/portal/policies/:id',
    {
      schema: {
        operationId: 'updatePolicy',
        tags,
        summary: 'Replace a policy; access_rights entries for APIs you cannot see are kept untouched',
        params: IdParams,
        body: PolicyBody,
        response: { 200: PolicyView },
      },
    },
    async (req) => policies.update(actorOf(req), policyId(req.params.id), req.body),
  );

  app.delete(
    '/portal/policies/:id',
    { schema: { operationId: 'deletePolicy', tags, summary: 'Delete a policy', params: IdParams, response: { 200: ApiResponse } } },
    async (req) => {
      await policies.remove(actorOf(req), policyId(req.params.id));
      return ok('Policy deleted');
    },
  );
};
