import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { SESSION_COOKIE, actorOf } from '../../http/authenticate.js';
import { originOf } from '../../http/request-origin.js';
import { pages } from '../../links.js';
import { StatusOk } from '../../portal/accounts/organisations.schemas.js';
import type { Services } from '../../services.js';
import { landingFor } from '../sign-in.routes.js';
import { ssoErrorPage } from './sso-page.js';
import { SSO_FLOW_COOKIE, SSO_FLOW_TTL_SECONDS, SsoRefusal } from './sso-sign-in.service.js';
import { ssoPaths } from './sso-profiles.service.js';
import { SsoProfileCreate, SsoProfileIndexElem, SsoProfileParams, SsoProfileTestResult, SsoProfileUpdate, SsoProfileView, SsoSignInOptions } from './sso.schemas.js';

/** /portal-api/sso_profiles: the profiles, for administrators and API Owners (Tyk's shapes). */
export const ssoProfilesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Portal: SSO profiles'];
  const profiles = services.ssoProfiles;
  app.get(
    '/sso_profiles',
    { schema: { operationId: 'listSsoProfiles', tags, summary: 'List single sign-on profiles', response: { 200: Type.Array(SsoProfileIndexElem) } } },
    async (req) => profiles.list(actorOf(req)),
  );
  app.post(
    '/sso_profiles',
    {
      schema: {
        operationId: 'createSsoProfile',
        tags,
        summary: 'Create a single sign-on profile (OpenID Connect); the client secret is write-only',
        description: 'Staff profiles (GenerateOrLoginUserProfile) need an administrator; consumer profiles `portal: write`.',
        body: SsoProfileCreate,
        response: { 201: SsoProfileView },
      },
    },
    async (req, reply) => reply.code(201).send(await profiles.create(actorOf(req), req.body)),
  );
  app.get(
    '/sso_profiles/:profile_id',
    { schema: { operationId: 'getSsoProfile', tags, summary: 'A single sign-on profile (never its client secret)', params: SsoProfileParams, response: { 200: SsoProfileView } } },
    async (req) => profiles.get(actorOf(req), req.params.profile_id),
  );
  app.put(
    '/sso_profiles/:profile_id',
    {
      schema: {
        operationId: 'updateSsoProfile',
        tags,
        summary: 'Replace a single sign-on profile; an absent ClientSecret keeps the stored one',
        params: SsoProfileParams,
        body: SsoProfileUpdate,
        response: { 200: SsoProfileView },
      },
    },
    async (req) => profiles.update(actorOf(req), req.params.profile_id, req.body),
  );
  app.delete(
    '/sso_profiles/:profile_id',
    { schema: { operationId: 'deleteSsoProfile', tags, summary: 'Delete a single sign-on profile', params: SsoProfileParams, response: { 200: StatusOk } } },
    async (req) => {
      await profiles.remove(actorOf(req), req.params.profile_id);
      return { status: 'ok' as const };
    },
  );
  app.post(
    '/sso_profiles/:profile_id/test',
    {
      schema: {
        operationId: 'testSsoProfile',
        tags,
        summary: 'Fetch the profile\'s discovery document now and say whether it works',
        params: SsoProfileParams,
        response: { 200: SsoProfileTestResult },
      },
    },
    async (req) => profiles.test(actorOf(req), req.params.profile_id),
  );
};

/** /auth/sso: the public side — what the sign-in pages offer, the login address and the callback. */
export const ssoSignInRoutes: FastifyPluginAsyncTypebox<{ services: Services; publicUrl: string }> = async (app, { services, publicUrl }) => {
  const tags = ['Sign-in'];
  const secure = publicUrl.startsWith('https:');

  function errorPage(reply: FastifyReply, profileId: string, err: SsoRefusal, audience: 'staff' | 'consumers' | undefined) {
    const signIn = audience === 'staff' ? { label: 'Back to the console\'s sign-in page', href: `${pages.consoleHome()}sign-in` } : { label: 'Back to the sign-in page', href: pages.signIn() };
    const links = err.status === 404 ? [signIn] : [{ label: 'Try again', href: ssoPaths.login(profileId) }, signIn];
    reply.clearCookie(SSO_FLOW_COOKIE, { path: '/auth/sso/' });
    return reply.code(err.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(ssoErrorPage(err.userMessage, links));
  }

  app.get(
    '/sso/options',
    { schema: { operationId: 'getSsoSignInOptions', tags, summary: 'The single sign-on buttons the sign-in pages show, and whether passwords are switched off, per audience', response: { 200: SsoSignInOptions } } },
    async () => services.ssoProfiles.signInOptions(),
  );

  app.get(
    '/sso/:profile_id/login',
    {
      // Browser addresses, not API operations (they answer redirects and HTML pages): out of the OpenAPI document, described in docs/sso.md.
      schema: {
        hide: true,
        operationId: 'startSsoSignIn',
        tags,
        summary: 'Start signing in with a single sign-on profile: redirects to the provider',
        description: '302 to the provider with PKCE, state and nonce; a short-lived HttpOnly cookie binds them to this browser. Errors answer an HTML page.',
        params: SsoProfileParams,
        response: { 302: Type.Null({ description: 'Redirect to the provider' }) },
      },
    },
    async (req, reply) => {
      try {
        const { location, cookie } = await services.ssoSignIn.start(req.params.profile_id, originOf(req));
        reply.setCookie(SSO_FLOW_COOKIE, cookie, { path: '/auth/sso/', httpOnly: true, sameSite: 'lax', secure: secure || req.protocol === 'https', maxAge: SSO_FLOW_TTL_SECONDS });
        return reply.code(302).header('location', location).header('cache-control', 'no-store').send(null);
      } catch (err) {
        if (err instanceof SsoRefusal) return errorPage(reply, req.params.profile_id, err, undefined);
        throw err;
      }
    },
  );

  app.get(
    '/sso/:profile_id/callback',
    {
      schema: {
        hide: true,
        operationId: 'completeSsoSignIn',
        tags,
        summary: 'The provider sends the browser back here (the profile\'s RedirectURL); sets the session cookie',
        description: '303 to the console (staff) or the Live Portal (consumers) with the session cookie; a refusal answers an HTML page that says why.',
        params: SsoProfileParams,
        querystring: Type.Object({}, { additionalProperties: true }),
        response: { 303: Type.Null({ description: 'Redirect to where the user lands' }) },
      },
    },
    async (req, reply) => {
      const q = req.url.indexOf('?');
      const callbackUrl = new URL(`${publicUrl}${ssoPaths.callback(req.params.profile_id)}${q === -1 ? '' : req.url.slice(q)}`);
      try {
        const signedIn = await services.ssoSignIn.callback(req.params.profile_id, callbackUrl, req.cookies[SSO_FLOW_COOKIE], originOf(req), req.headers['user-agent'] ?? '');
        reply.clearCookie(SSO_FLOW_COOKIE, { path: '/auth/sso/' });
        reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' || secure, expires: signedIn.expiresAt });
        return reply.code(303).header('location', signedIn.returnUrl ?? landingFor(signedIn.user)).header('cache-control', 'no-store').send(null);
      } catch (err) {
        if (err instanceof SsoRefusal) {
          const profile = await services.ssoProfiles.audienceOfProfile(req.params.profile_id);
          return errorPage(reply, req.params.profile_id, err, profile);
        }
        throw err;
      }
    },
  );
};
