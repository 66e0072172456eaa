import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { ApiResponse, ok } from '../../http/envelope.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import type { AccessRequestView } from './access-requests.service.js';
import { TykPage } from '../../pagination.js';

/*
 * The Dashboard's view of portal access requests, in the shape of Tyk's key
 * requests (/api/portal/requests). Guarded by the `portal` section, like Tyk's
 * other /api/portal endpoints, and filtered by API ownership through the product.
 */

const KeyRequest = Type.Object({
  id: Type.String(),
  org_id: Type.String(),
  by_user: Type.String({ description: "The app owner's user id" }),
  for_plan: Type.String({ description: 'The backing policy (deprecated in Tyk, kept for old clients)' }),
  apply_policies: Type.Array(Type.String(), { description: 'The backing policy of the product and plan' }),
  fields: Type.Record(Type.String(), Type.String()),
  approved: Type.Boolean(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  date_created: Type.String(),
  date_approved: Type.Union([Type.String(), Type.Null()]),
  version: Type.String(),
  jwt_secret: Type.String(),
  portal_developer: Type.Object({
    id: Type.String(),
    email: Type.String(),
    date_created: Type.String(),
    inactive: Type.Boolean(),
    org_id: Type.String({ description: "The consumer's portal organisation" }),
  }),
  catalogue_entry: Type.Object({
    name: Type.String(),
    short_description: Type.String(),
    show: Type.Boolean(),
    policy_id: Type.String(),
    version: Type.String(),
  }),
  app_id: Type.Integer(),
  app_name: Type.String(),
  product_id: Type.Integer(),
  plan_id: Type.Integer(),
  plan_name: Type.String(),
  credentials: Type.Integer({ description: 'How many credentials were issued' }),
});

const KeyRequestList = Type.Object({ Data: Type.Array(KeyRequest), Pages: Type.Integer() });
const KeyRequestQuery = Type.Object({
  p: Type.Optional(TykPage),
  approved: Type.Optional(Type.Boolean({ description: 'true: approved requests only; false: pending ones only' })),
});
const KeyRequestParams = Type.Object({ id: Type.String() });

function keyRequest({ request: r, credentials }: AccessRequestView): Static<typeof KeyRequest> {
  const policy = r.policy_id === null ? '' : String(r.policy_id);
  return {
    id: String(r.id),
    org_id: '',
    by_user: String(r.user_id),
    for_plan: policy,
    apply_policies: policy === '' ? [] : [policy],
    fields: {},
    approved: r.status === 'approved',
    status: r.status,
    date_created: r.created_at,
    date_approved: r.status === 'approved' ? r.decided_at : null,
    version: 'v2',
    jwt_secret: '',
    portal_developer: {
      id: String(r.user_id),
      email: r.user_email,
      date_created: r.user_created_at,
      inactive: r.user_active !== 1,
      org_id: r.user_organisation_id === null ? '' : String(r.user_organisation_id),
    },
    catalogue_entry: { name: r.product_display_name || r.product_name, short_description: r.product_description, show: true, policy_id: policy, version: 'v2' },
    app_id: r.app_id,
    app_name: r.app_name,
    product_id: r.product_id,
    plan_id: r.plan_id,
    plan_name: r.plan_name,
    credentials: credentials.length,
  };
}

const id = (raw: string): number => parseNumericId(raw, 'Key request');

/** Tyk-compatible key requests: /api/portal/requests (Dashboard `portal` permission). */
export const dashboardRequestsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { accessRequests } = services;
  const tags = ['Portal key requests'];

  app.get(
    '/portal/requests',
    { schema: { operationId: 'listPortalRequests', tags, summary: 'List access requests you can see (through their product), paged with p', querystring: KeyRequestQuery, response: { 200: KeyRequestList } } },
    async (req) => {
      const { rows, pages } = await accessRequests.dashboardList(actorOf(req), req.query.p, req.query.approved);
      return { Data: rows.map(keyRequest), Pages: pages };
    },
  );

  app.get(
    '/portal/requests/:id',
    { schema: { operationId: 'getPortalRequest', tags, summary: 'One access request', params: KeyRequestParams, response: { 200: KeyRequest } } },
    async (req) => keyRequest(await accessRequests.get(actorOf(req), id(req.params.id))),
  );

  app.put(
    '/portal/requests/approve/:id',
    {
      schema: {
        operationId: 'approvePortalRequest',
        tags,
        summary: "Approve a pending request: the consumer reveals the credential's key once, it is never shown here",
        params: KeyRequestParams,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      await accessRequests.approve(actorOf(req), id(req.params.id));
      return ok('Key request approved', String(req.params.id));
    },
  );
};
