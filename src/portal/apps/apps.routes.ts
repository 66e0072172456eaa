import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { StatusOk } from '../accounts/organisations.schemas.js';
import { AdminAppElem, AdminAppQuery, AdminAppShow, AdminAppUpdate, AppParams, CredentialParams, RequestCredentialParams, RotatedCredential } from './apps.schemas.js';
import { adminAppElem, adminAppShow, credentialView } from './apps.views.js';

export const appId = (raw: string): number => parseNumericId(raw, 'App');
export const credentialId = (raw: string): number => parseNumericId(raw, 'Credential');

/** Consumers' apps in the Admin Portal: /portal-api/apps (needs `portal`; within API ownership). */
export const appsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { apps } = services;
  const tags = ['Portal: apps and credentials'];

  app.get(
    '/apps',
    { schema: { operationId: 'listApps', tags, summary: "List consumers' apps, filtered by owner, organisation, visibility or name", querystring: AdminAppQuery, response: { 200: Type.Array(AdminAppElem) } } },
    async (req) => {
      const { apps: page, access } = await apps.list(actorOf(req), req.query);
      return page.map((a) => adminAppElem(a, access));
    },
  );

  app.get(
    '/apps/:appId',
    { schema: { operationId: 'getApp', tags, summary: 'An app with its access requests and credentials (keys always redacted)', params: AppParams, response: { 200: AdminAppShow } } },
    async (req) => adminAppShow(await apps.get(actorOf(req), appId(req.params.appId))),
  );

  app.put(
    '/apps/:appId',
    { schema: { operationId: 'updateApp', tags, summary: 'Change an app: name, description, visibility, or owner (its requests and keys follow)', params: AppParams, body: AdminAppUpdate, response: { 200: AdminAppShow } } },
    async (req) => adminAppShow(await apps.update(actorOf(req), appId(req.params.appId), req.body)),
  );

  app.delete(
    '/apps/:appId',
    { schema: { operationId: 'deleteApp', tags, summary: 'Delete an app with its access requests; its credentials are revoked', params: AppParams, response: { 200: StatusOk } } },
    async (req) => {
      await apps.remove(actorOf(req), appId(req.params.appId));
      return { status: 'ok' as const };
    },
  );

  app.put(
    '/apps/:appId/credentials/:credentialId/rotate',
    {
      schema: {
        operationId: 'rotateAppCredential',
        tags,
        summary: "Rotate a credential: the old key stops working at once; the app's owner reveals the new key (never the administrator)",
        params: CredentialParams,
        response: { 200: RotatedCredential },
      },
    },
    async (req) => {
      const r = await apps.rotate(actorOf(req), appId(req.params.appId), credentialId(req.params.credentialId));
      return { status: 'ok' as const, message: "Credential rotated: the app's owner reveals the new key", Credential: credentialView(r.credential, r.secret) };
    },
  );

  // Tyk's path for the same rotation names the access request as well.
  app.put(
    '/apps/:appId/access-requests/:accessRequestId/credentials/:credentialId/rotate',
    {
      schema: {
        operationId: 'rotateAccessRequestCredential',
        tags,
        summary: "Rotate a credential of one of the app's access requests (Tyk's path); as the rotation above",
        params: RequestCredentialParams,
        response: { 200: RotatedCredential },
      },
    },
    async (req) => {
      const requestId = parseNumericId(req.params.accessRequestId, 'Credential');
      const r = await apps.rotate(actorOf(req), appId(req.params.appId), credentialId(req.params.credentialId), requestId);
      return { status: 'ok' as const, message: "Credential rotated: the app's owner reveals the new key", Credential: credentialView(r.credential, r.secret) };
    },
  );
};
