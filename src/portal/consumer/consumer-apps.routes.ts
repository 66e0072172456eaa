import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import type { Services } from '../../services.js';
import { PortalPageQuery, StatusOk } from '../accounts/organisations.schemas.js';
import { AccessRequestCreate, AppAccessRequest, AppElem, AppParams, AppShow, AppUsage, AppUsageQuery, ConsumerAppCreate, ConsumerAppUpdate, CredentialParams, CredentialView, RotatedCredential } from '../apps/apps.schemas.js';
import { appId, credentialId } from '../apps/apps.routes.js';
import { appAccessRequest, appElem, appShow, credentialView } from '../apps/apps.views.js';

/**
 * A signed-in consumer's apps, access requests and credentials: /portal/api/apps,
 * /portal/api/access-requests. A credential's key is in the reply of its reveal
 * (a POST by the app's owner or a consumer-admin of its organisation) and of a
 * rotation, never again. No GET here changes anything.
 */
export const consumerAppsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { apps, accessRequests } = services;
  const tags = ['Live Portal: apps'];

  app.get(
    '/apps',
    { schema: { operationId: 'listMyApps', tags, summary: "The apps I can see: mine, my teams' and my organisation's, by their visibility", querystring: PortalPageQuery, response: { 200: Type.Array(AppElem) } } },
    async (req) => (await apps.consumerList(actorOf(req), req.query.page, req.query.per_page)).map(appElem),
  );

  app.post(
    '/apps',
    { schema: { operationId: 'createMyApp', tags, summary: 'Create an app (visibility personal unless said otherwise)', body: ConsumerAppCreate, response: { 200: AppShow } } },
    async (req) => appShow(await apps.consumerCreate(actorOf(req), req.body)),
  );

  app.get(
    '/apps/:appId',
    {
      schema: {
        operationId: 'getMyApp',
        tags,
        summary: 'An app with its access requests and credentials, keys redacted (a view never mints a key: see .../reveal)',
        params: AppParams,
        response: { 200: AppShow },
      },
    },
    async (req) => appShow(await apps.consumerGet(actorOf(req), appId(req.params.appId))),
  );

  app.put(
    '/apps/:appId',
    { schema: { operationId: 'updateMyApp', tags, summary: "Change an app's name, description or visibility (owner or consumer-admin)", params: AppParams, body: ConsumerAppUpdate, response: { 200: AppShow } } },
    async (req) => appShow(await apps.consumerUpdate(actorOf(req), appId(req.params.appId), req.body)),
  );

  app.delete(
    '/apps/:appId',
    { schema: { operationId: 'deleteMyApp', tags, summary: 'Delete an app (owner or consumer-admin): its credentials are revoked', params: AppParams, response: { 200: StatusOk } } },
    async (req) => {
      await apps.consumerRemove(actorOf(req), appId(req.params.appId));
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/apps/:appId/usage',
    {
      schema: {
        operationId: 'getMyAppUsage',
        tags,
        summary: "An app's calls, errors and latency through the gateway over whole UTC days, by day or hour: its credentials' keys only",
        params: AppParams,
        querystring: AppUsageQuery,
        response: { 200: AppUsage },
      },
    },
    async (req) => {
      const res = req.query.res ?? 'day';
      const u = await apps.consumerUsage(actorOf(req), appId(req.params.appId), { from: req.query.from, to: req.query.to, res });
      const figures = (c: { hits: number; error: number; latency: number }) => ({ Requests: c.hits, Errors: c.error, AverageLatency: c.latency });
      return {
        AppID: u.app.id,
        From: req.query.from,
        To: req.query.to,
        Resolution: res,
        Totals: figures(u.totals),
        Series: u.series.map((p) => ({ Time: p.time, ...figures(p) })),
      };
    },
  );

  app.get(
    '/apps/:appId/credentials/:credentialId',
    { schema: { operationId: 'getMyAppCredential', tags, summary: 'A credential, its key redacted (a view never mints a key: see .../reveal)', params: CredentialParams, response: { 200: CredentialView } } },
    async (req) => {
      const r = await apps.consumerCredential(actorOf(req), appId(req.params.appId), credentialId(req.params.credentialId));
      return credentialView(r.credential);
    },
  );

  app.post(
    '/apps/:appId/credentials/:credentialId/reveal',
    {
      schema: {
        operationId: 'revealMyAppCredential',
        tags,
        summary: "Reveal a credential's key, this once (owner or consumer-admin): the key is minted and is in this reply only; 409 once revealed",
        params: CredentialParams,
        response: { 200: RotatedCredential },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      const r = await apps.consumerReveal(actorOf(req), appId(req.params.appId), credentialId(req.params.credentialId));
      return { status: 'ok' as const, message: 'Credential revealed: keep the key now, it is not shown again', Credential: credentialView(r.credential, r.secret) };
    },
  );

  app.put(
    '/apps/:appId/credentials/:credentialId/rotate',
    { schema: { operationId: 'rotateMyAppCredential', tags, summary: 'Rotate a credential: a new key, in this reply only; the old key stops working', params: CredentialParams, response: { 200: RotatedCredential } } },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      const r = await apps.consumerRotate(actorOf(req), appId(req.params.appId), credentialId(req.params.credentialId));
      return { status: 'ok' as const, message: 'Credential rotated', Credential: credentialView(r.credential, r.secret) };
    },
  );

  app.delete(
    '/apps/:appId/credentials/:credentialId',
    {
      schema: {
        operationId: 'revokeMyAppCredential',
        tags,
        summary: 'Revoke a credential (owner or consumer-admin): its key stops working at once and the access request that produced it is removed; ask for access anew to call the product again',
        params: CredentialParams,
        response: { 200: StatusOk },
      },
    },
    async (req) => {
      await apps.consumerRevoke(actorOf(req), appId(req.params.appId), credentialId(req.params.credentialId));
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/access-requests',
    { schema: { operationId: 'createMyAccessRequest', tags, summary: 'Ask for a product on a plan for one of my apps', body: AccessRequestCreate, response: { 200: AppAccessRequest } } },
    async (req) => {
      const v = await accessRequests.create(actorOf(req), req.body);
      return appAccessRequest(v.request, v.credentials);
    },
  );
};
