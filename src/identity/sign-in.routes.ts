import { isConsumerRole } from '../access/actor.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { ApiResponse, ok } from '../http/envelope.js';
import { Forbidden, Invalid } from '../errors.js';
import { originOf } from '../http/request-origin.js';
import { comesFromAllowedOrigin } from '../http/security.js';
import type { Services } from '../services.js';
import { toUserView } from './user-view.js';
import { userPermissions, type UserRecord } from './users.service.js';
import { holdsSection } from '../access/policy.js';
import { pages } from '../links.js';

const LoginBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254 })),
    login: Type.Optional(Type.String({ maxLength: 254, description: 'Form field name for the email' })),
    password: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);

/**
 * Where a user goes after signing in: consumers to their dashboard in the Live
 * Portal; API Owners (whoever may open the Admin Portal) to its overview; other
 * staff to the console's home.
 */
export function landingFor(u: UserRecord): string {
  if (isConsumerRole(u.role)) return pages.consumerDashboard();
  return holdsSection(userPermissions(u), 'portal', 'read') ? pages.adminPortalHome() : pages.consoleHome();
}

/** Sign-in and sign-out with a session cookie: /auth/password/*. */
export const signInRoutes: FastifyPluginAsyncTypebox<{ services: Services; allowedOrigins: readonly string[] }> = async (
  app,
  { services, allowedOrigins },
) => {
  const tags = ['Sign-in'];

  app.post(
    '/password/login',
    {
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in with email and password (JSON) or login and password (form); sets the session cookie',
        body: LoginBody,
        response: { 200: ApiResponse, 303: ApiResponse },
      },
    },
    async (req, reply) => {
      // A sign-in form posted from another site would sign the browser into an account of the attacker's.
      if (req.headers.origin && !comesFromAllowedOrigin(req, allowedOrigins)) {
        throw new Forbidden('Cross-site request refused: the Origin header must name this server');
      }
      const email = req.body.email ?? req.body.login;
      if (email === undefined || email.trim() === '') throw new Invalid('email', 'is required');
      const { user, sessionToken, expiresAt } = await services.signIn.signIn(email, req.body.password, originOf(req), req.headers['user-agent'] ?? '');
      reply.setCookie(SESSION_COOKIE, sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        expires: expiresAt,
      });
      const redirectTo = landingFor(user);
      const meta = {
        user: toUserView(user, 'self'),
        redirect_to: redirectTo,
        password_change_required: user.passwordChangeRequired,
      };
      if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
        return reply.code(303).header('location', redirectTo).send(ok('Signed in', meta));
      }
      return ok('Signed in', meta);
    },
  );

  app.post(
    '/password/logout',
    { schema: { operationId: 'signOut', tags, summary: 'End the current session', response: { 200: ApiResponse } } },
    async (req, reply) => {
      // Signing out is always allowed, from anywhere: ending a session can only take rights away.
      const token = req.cookies[SESSION_COOKIE];
      if (token) await services.signIn.signOut(originOf(req), token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return ok('Signed out');
    },
  );
};
