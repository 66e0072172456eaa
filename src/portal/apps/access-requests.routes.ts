import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import { optionalBody } from '../../http/no-body.js';
import type { Services } from '../../services.js';
import { StatusOk } from '../accounts/organisations.schemas.js';
import { AccessDecision, AccessRequestElem, AccessRequestParams, AccessRequestQuery, AccessRequestShow, StatusWithMessage } from './apps.schemas.js';
import { accessRequestElem, accessRequestShow } from './apps.views.js';

export const requestId = (raw: string): number => parseNumericId(raw, 'Access request');

/** Access requests in the Admin Portal: /portal-api/access_requests (needs `portal`; within API ownership). */
export const accessRequestsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { accessRequests } = services;
  const tags = ['Portal: access requests'];

  app.get(
    '/access_requests',
    { schema: { operationId: 'listAccessRequests', tags, summary: 'List access requests, optionally by status', querystring: AccessRequestQuery, response: { 200: Type.Array(AccessRequestElem) } } },
    async (req) => (await accessRequests.list(actorOf(req), req.query)).map(accessRequestElem),
  );

  app.get(
    '/access_requests/:requestId',
    { schema: { operationId: 'getAccessRequest', tags, summary: 'An access request with its credentials (keys always redacted)', params: AccessRequestParams, response: { 200: AccessRequestShow } } },
    async (req) => accessRequestShow(await accessRequests.get(actorOf(req), requestId(req.params.requestId))),
  );

  app.delete(
    '/access_requests/:requestId',
    { schema: { operationId: 'deleteAccessRequest', tags, summary: "Delete an access request; an approved one's credentials are revoked", params: AccessRequestParams, response: { 200: StatusOk } } },
    async (req) => {
      await accessRequests.remove(actorOf(req), requestId(req.params.requestId));
      return { status: 'ok' as const };
    },
  );

  app.put(
    '/access_requests/:requestId/approve',
    { schema: { operationId: 'approveAccessRequest', tags, summary: "Approve a pending request, with an optional comment for the consumer: issues a credential whose key the consumer reveals once", params: AccessRequestParams, body: AccessDecision, response: { 200: StatusWithMessage } }, ...optionalBody },
    async (req) => {
      await accessRequests.approve(actorOf(req), requestId(req.params.requestId), req.body.Comment?.trim() ?? '');
      return { status: 'ok' as const, message: 'Access request approved' };
    },
  );

  app.put(
    '/access_requests/:requestId/reject',
    { schema: { operationId: 'rejectAccessRequest', tags, summary: 'Reject a pending request, with an optional comment for the consumer', params: AccessRequestParams, body: AccessDecision, response: { 200: StatusWithMessage } }, ...optionalBody },
    async (req) => {
      await accessRequests.reject(actorOf(req), requestId(req.params.requestId), req.body.Comment?.trim() ?? '');
      return { status: 'ok' as const, message: 'Access request rejected' };
    },
  );
};
