import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/authenticate.js';
import type { Services } from '../../services.js';
import { SettingsUpdate, SettingsView, TestEmailRequest, TestEmailResult } from './settings.schemas.js';

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
  app.post(
    '/settings/test-email',
    {
      schema: {
        operationId: 'sendPortalTestEmail',
        tags,
        summary: 'Send a test email through the configured SMTP server',
        description: '200 when the mail server accepted it; 400 when no SMTP host is set; 502 with the server\'s answer when it refused or could not be reached.',
        body: TestEmailRequest,
        response: { 200: TestEmailResult },
      },
    },
    async (req) => {
      await services.settings.testEmail(actorOf(req), req.body.to);
      return { Status: 'OK' as const, Message: `The mail server accepted the test email to ${req.body.to}` };
    },
  );
};
