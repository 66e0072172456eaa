import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/authenticate.js';
import type { Services } from '../../services.js';
import { SettingsUpdate, SettingsView } from './settings.schemas.js';

/** GET|PUT /portal-api/settings/general. */
export const settingsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Portal: settings'];
  app.get('/settings/general', { schema: { operationId: 'getPortalSettings', tags, summary: 'Portal settings (the SMTP password is never returned)', response: { 200: SettingsView } } }, async (req) =>
    services.settings.get(actorOf(req)),
  );
  app.put(
    '/settings/general',
    { schema: { operationId: 'updatePortalSettings', tags, summary: 'Change portal settings; fields present are changed', body: SettingsUpdate, response: { 200: SettingsView } } },
    async (req) => services.settings.update(actorOf(req), req.body),
  );
};
