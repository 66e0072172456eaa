import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import type { Services } from '../../services.js';
import { AppearanceUpdate, AppearanceView, PublicAppearance } from './appearance.schemas.js';

/** Admin Portal: GET|PUT /portal-api/settings/appearance (Settings > Appearance; `portal` read / write). */
export const appearanceAdminRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Portal: settings'];
  app.get(
    '/settings/appearance',
    { schema: { operationId: 'getPortalAppearance', tags, summary: "The Live Portal's appearance: name, logo, colour, font, custom CSS, home-page introduction, menu links", response: { 200: AppearanceView } } },
    async (req) => services.appearance.get(actorOf(req)),
  );
  app.put(
    '/settings/appearance',
    {
      schema: {
        operationId: 'updatePortalAppearance',
        tags,
        summary: "Change the Live Portal's appearance; fields present are changed, visitors see it on their next page load",
        description:
          'A logo is sent base64-encoded with its media type (PNG, JPEG or SVG, at most 256 KB); `Logo: null` removes it. ' +
          'Menu link addresses must start with https://, http:// or /. 400 names the field that is wrong.',
        body: AppearanceUpdate,
        response: { 200: AppearanceView },
      },
    },
    async (req) => services.appearance.update(actorOf(req), req.body),
  );
};

/** Answers 304 when the browser holds this version; else sets the caching headers. True when the body need not be sent. */
function cached(req: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  const version = (req.query as { v?: string }).v;
  // A versioned address never changes content (a new version has a new address); the bare one is checked each time.
  reply.header('cache-control', version !== undefined && `"${version}"` === etag ? 'public, max-age=31536000, immutable' : 'no-cache');
  reply.header('etag', etag);
  if (req.headers['if-none-match'] === etag) {
    void reply.code(304).send();
    return true;
  }
  return false;
}

const Version = Type.Object({ v: Type.Optional(Type.String({ maxLength: 64, description: 'The version in the address the appearance gives; any other value is answered too' })) });

/** Live Portal, public: /portal/api/appearance, its logo and its stylesheet. */
export const appearancePublicRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Live Portal: appearance'];
  app.get(
    '/appearance',
    { schema: { operationId: 'getLivePortalAppearance', tags, summary: "The portal's name, logo, colour, font, home-page introduction and menu links", security: [], response: { 200: PublicAppearance } } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-cache');
      return services.appearance.publicView();
    },
  );
  app.get(
    '/appearance/logo',
    {
      schema: {
        operationId: 'getLivePortalLogo',
        tags,
        summary: "The portal's logo (PNG, JPEG or SVG); 404 when there is none",
        description: 'An SVG is served with a Content-Security-Policy that forbids scripts (and sandboxes it), so it can only ever be a picture.',
        security: [],
        querystring: Version,
        response: { 200: { description: 'The image', content: { 'image/png': { schema: Type.String({ format: 'binary' }) }, 'image/jpeg': { schema: Type.String({ format: 'binary' }) }, 'image/svg+xml': { schema: Type.String({ format: 'binary' }) } } } },
      },
    },
    async (req, reply) => {
      const logo = await services.appearance.logo();
      // Even opened on its own, an SVG logo runs nothing and loads nothing.
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
      reply.header('content-disposition', 'inline; filename="logo"');
      if (cached(req, reply, logo.etag)) return reply;
      // A Buffer is sent as it is (no serializer runs).
      return reply.type(logo.mediaType).send(logo.bytes as never);
    },
  );
  app.get(
    '/appearance.css',
    {
      schema: {
        operationId: 'getLivePortalStylesheet',
        tags,
        summary: "The administrators' custom stylesheet (empty when there is none)",
        description: 'Served as text/css, linked by every page of the Live Portal after its own styles.',
        security: [],
        querystring: Version,
        response: { 200: { description: 'The stylesheet', content: { 'text/css': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      const sheet = await services.appearance.stylesheet();
      reply.header('content-security-policy', "default-src 'none'");
      if (cached(req, reply, sheet.etag)) return reply;
      return reply.type('text/css; charset=utf-8').serializer((x: string) => x).send(sheet.css as never);
    },
  );
};
