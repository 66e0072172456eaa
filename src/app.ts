import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { adminApiRoutes } from './admin-api/admin-api.routes.js';
import { activityRoutes } from './analytics/activity.routes.js';
import { analyticsIngestRoutes, analyticsRoutes } from './analytics/analytics.routes.js';
import { apisRoutes } from './apis/apis.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import type { AppContext } from './context.js';
import { addOptionalConsumer, requireAuthentication } from './http/authenticate.js';
import { errorBody } from './http/envelope.js';
import { dashboardErrorShape, installErrorHandler, type ErrorShape } from './http/error-handler.js';
import { componentName, DashboardError, documentSecurity, NO_CREDENTIAL, openApiYaml, PortalError, SECURITY_SCHEMES, transformDocument, transformRoute } from './http/openapi.js';
import { SECRET_HEADER_PATHS, serializeRequest } from './http/log-redaction.js';
import { installSecurityHeaders } from './http/security.js';
import { refuseBodiesOnBodilessRoutes } from './http/no-body.js';
import { validatorCompiler } from './http/validation.js';
import { installJsonBodyParser } from './http/json-body.js';
import { limitAnonymousBodies } from './http/body-limit.js';
import { bootstrapRoutes } from './identity/bootstrap.routes.js';
import { groupsRoutes } from './identity/groups.routes.js';
import { signInRoutes } from './identity/sign-in.routes.js';
import { usersRoutes } from './identity/users.routes.js';
import { keysRoutes } from './keys/keys.routes.js';
import { policiesRoutes } from './policies/policies.routes.js';
import { adminReviewRoutes } from './portal/accounts/admin-review.routes.js';
import { organisationsRoutes } from './portal/accounts/organisations.routes.js';
import { settingsRoutes } from './portal/settings/settings.routes.js';
import { appearanceAdminRoutes, appearancePublicRoutes } from './portal/appearance/appearance.routes.js';
import { consumerAccountRoutes } from './portal/consumer/consumer-account.routes.js';
import { portalUsersRoutes } from './portal/accounts/portal-users.routes.js';
import { registrationRoutes } from './portal/accounts/registration.routes.js';
import { passwordResetRoutes } from './identity/password-reset.routes.js';
import { contentAdminRoutes, contentPublicRoutes } from './portal/content/content.routes.js';
import { cataloguesPublicRoutes, cataloguesRoutes } from './portal/catalogue/catalogues.routes.js';
import { productsRoutes } from './portal/catalogue/products.routes.js';
import { plansRoutes } from './portal/catalogue/plans.routes.js';
import { oauthRoutes } from './portal/oauth/oauth.routes.js';
import { appsRoutes } from './portal/apps/apps.routes.js';
import { accessRequestsRoutes } from './portal/apps/access-requests.routes.js';
import { consumerAppsRoutes } from './portal/consumer/consumer-apps.routes.js';
import { dashboardRequestsRoutes } from './portal/apps/dashboard-requests.routes.js';
import { ssoProfilesRoutes, ssoSignInRoutes } from './identity/sso/sso.routes.js';
import { logDestination } from './logging.js';
import { createServices, type Services } from './services.js';
import { registerWebApps } from './web/web-apps.js';

/** The Developer Portal API's error body (`StatusWithErrors`). */
const portalErrorShape: ErrorShape = (_status, message) => ({ status: 'error', errors: [message] });

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
}

export interface BuildOptions {
  /** Where the log goes (standard output when absent); tests read it. */
  logStream?: { write(line: string): void };
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<BuiltApp> {
  const { config } = ctx;
  const services = createServices(ctx);
  const stream = options.logStream ?? logDestination(config);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No secret in the log: the request is logged without headers and with its URL redacted.
      serializers: { req: serializeRequest },
      redact: SECRET_HEADER_PATHS,
      ...(stream ? { stream } : {}),
    },
    bodyLimit: config.bodyLimit,
    // Tyk's activity views name lists of key hashes in one path segment (/api/activity/keys/aggregate/{keys}/...);
    // every route's params schema still bounds its own lengths.
    routerOptions: { maxParamLength: 8192 },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // JSON (and forms, below) only: anything else is 415, not a string handed to a schema.
  app.removeContentTypeParser('text/plain');
  installJsonBodyParser(app);
  app.decorateRequest('actor', null);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portcullis API',
        version: '0.1.0',
        description:
          'Dashboard API (/api, Tyk-compatible where marked), sign-in (/auth) and Developer Portal API (/portal-api). ' +
          'Authenticate with `Authorization: <access key>` (or `Bearer <key>`), or with the session cookie set by /auth/password/login.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      // Relative: the document describes the server that serves it.
      servers: [{ url: '/' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    // Schemas with an $id are components named by it; error responses and wildcard names are added per route.
    refResolver: { buildLocalReference: componentName },
    transform: transformRoute,
    transformObject: transformDocument,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installSecurityHeaders(app);
  // Documentation only: a route declares no credential unless its scope requires one (below).
  documentSecurity(app, NO_CREDENTIAL, false);
  app.addSchema(DashboardError);
  app.addSchema(PortalError);
  installErrorHandler(app, dashboardErrorShape, DashboardError);
  refuseBodiesOnBodilessRoutes(app, ['/api', '/auth', '/portal-api', '/portal/api']);
  limitAnonymousBodies(app);
  const webApps = await registerWebApps(app);
  app.setNotFoundHandler((req, reply) => {
    if (webApps.servePage(req, reply)) return;
    const body = req.url.startsWith('/portal-api') || req.url.startsWith('/portal/api') ? portalErrorShape(404, 'Not found') : errorBody('Not found');
    void reply.code(404).send(body);
  });

  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['Health'],
        summary: '200 when the database answers, 503 otherwise',
        security: [],
        response: { 200: Type.Object({ status: Type.String() }), 503: Type.Object({ status: Type.String() }) },
      },
    },
    async (_req, reply) => {
      if (await ctx.store.ping()) return { status: 'ok' };
      return reply.code(503).send({ status: 'unavailable' });
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  let yamlDocument: string | undefined;
  app.get('/api/openapi.yaml', { schema: { hide: true } }, async (_req, reply) => {
    yamlDocument ??= openApiYaml(app.swagger());
    return reply.type('application/yaml; charset=utf-8').send(yamlDocument);
  });

  // The email outbox delivers while the app runs (the server and the tests alike).
  app.addHook('onReady', async () => {
    services.email.start(app.log);
    services.oauth.start(app.log);
  });
  app.addHook('onClose', async () => {
    await services.email.stop();
    await services.oauth.stop();
  });

  await app.register(
    async (api) => {
      requireAuthentication(api, services.auth, config.allowedOrigins);
      await api.register(usersRoutes, { services });
      await api.register(groupsRoutes, { services });
      await api.register(auditRoutes, { services });
      await api.register(apisRoutes, { services });
      await api.register(policiesRoutes, { services });
      await api.register(keysRoutes, { services });
      await api.register(analyticsRoutes, { services });
      await api.register(activityRoutes, { services });
      await api.register(dashboardRequestsRoutes, { services });
    },
    { prefix: '/api' },
  );

  await app.register(analyticsIngestRoutes, { prefix: '/api', services, allowedOrigins: config.allowedOrigins });

  // Tyk's Dashboard Admin API shares /admin with the console (a browser's page request still gets the console).
  await app.register(adminApiRoutes, { prefix: '/admin', services, adminSecret: config.adminSecret, webApps });

  await app.register(signInRoutes, { prefix: '/auth', services, allowedOrigins: config.allowedOrigins });
  await app.register(registrationRoutes, { prefix: '/auth', services });
  await app.register(passwordResetRoutes, { prefix: '/auth', services });
  await app.register(ssoSignInRoutes, { prefix: '/auth', services, publicUrl: config.publicUrl });

  await app.register(
    async (portal) => {
      installErrorHandler(portal, portalErrorShape, PortalError);
      await portal.register(bootstrapRoutes, { services });
      await portal.register(async (admin) => {
        requireAuthentication(admin, services.auth, config.allowedOrigins);
        await admin.register(organisationsRoutes, { services });
        await admin.register(adminReviewRoutes, { services });
        await admin.register(settingsRoutes, { services });
        await admin.register(appearanceAdminRoutes, { services });
        await admin.register(portalUsersRoutes, { services });
        await admin.register(contentAdminRoutes, { services });
        await admin.register(cataloguesRoutes, { services });
        await admin.register(productsRoutes, { services });
        await admin.register(plansRoutes, { services });
        await admin.register(appsRoutes, { services });
        await admin.register(accessRequestsRoutes, { services });
        await admin.register(ssoProfilesRoutes, { services });
        await admin.register(oauthRoutes, { services });
        // Admin Portal routes (/portal-api, staff with the portal permission) are registered here.
      });
    },
    { prefix: '/portal-api' },
  );

  // The Live Portal's JSON API: public routes (a signed-in consumer may see more)
  // and routes for signed-in API consumers (session cookie).
  await app.register(
    async (live) => {
      installErrorHandler(live, portalErrorShape, PortalError);
      await live.register(async (open) => {
        addOptionalConsumer(open, services.auth, config.allowedOrigins);
        await open.register(contentPublicRoutes, { services });
        await open.register(cataloguesPublicRoutes, { services });
        await open.register(appearancePublicRoutes, { services });
        // Public Live Portal routes are registered here.
      });
      await live.register(async (consumer) => {
        requireAuthentication(consumer, services.auth, config.allowedOrigins, 'consumer');
        await consumer.register(consumerAccountRoutes, { services });
        await consumer.register(consumerAppsRoutes, { services });
        // Consumer routes are registered here.
      });
    },
    { prefix: '/portal/api' },
  );

  return { app, services };
}
