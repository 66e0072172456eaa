import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isConsumerRole, type UserActor } from '../access/actor.js';
import type { AuthenticationService } from '../identity/authentication.service.js';
import { Forbidden, PasswordChangeRequired, Unauthorized } from '../errors.js';
import { documentSecurity, type SecurityRequirements } from './openapi.js';
import { originOf } from './request-origin.js';
import { comesFromAllowedOrigin, isSafeMethod } from './security.js';

export const SESSION_COOKIE = 'portcullis_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: UserActor | null;
  }
  interface FastifyContextConfig {
    /** The route stays open to a user who must change their password first. */
    allowDuringPasswordChange?: boolean;
  }
}

/** `Authorization: <key>` as Tyk clients send it, or `Bearer <key>`. */
export function accessKeyFrom(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (typeof h !== 'string' || h.trim() === '') return undefined;
  const v = h.trim();
  return /^bearer\s+/i.test(v) ? v.replace(/^bearer\s+/i, '') : v;
}

/** Resolves the actor from an access key or a session cookie; null when neither is sent. */
export async function resolveActor(
  request: FastifyRequest,
  auth: AuthenticationService,
  allowedOrigins: readonly string[],
): Promise<UserActor | null> {
  const origin = originOf(request);
  const key = accessKeyFrom(request);
  if (key !== undefined) {
    const actor = await auth.byAccessKey(key, origin);
    if (!actor) throw new Unauthorized();
    return actor;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const actor = await auth.bySession(token, origin);
    if (!actor) throw new Unauthorized();
    if (!isSafeMethod(request.method) && !comesFromAllowedOrigin(request, allowedOrigins)) {
      throw new Forbidden('Cross-site request refused: the Origin header must name this server');
    }
    return actor;
  }
  return null;
}

/**
 * Who a surface serves: `staff` (the Dashboard API and the Admin Portal API) takes
 * administrators and Dashboard users; `consumer` (the Live Portal's /portal/api)
 * takes API consumers. Each turns the other kind away with 403.
 */
export type Audience = 'staff' | 'consumer';

/** Refuses an actor of the other audience. */
export function requireAudience(actor: UserActor, audience: Audience): void {
  const consumer = isConsumerRole(actor.role);
  if (audience === 'staff' && consumer) throw new Forbidden('access denied: API consumers use the Live Portal (/portal/api)');
  if (audience === 'consumer' && !consumer) throw new Forbidden('access denied: the Live Portal API is for API consumers; administrators use /portal-api');
}

/** What each audience's routes take, as documented (see resolveActor): staff a key or a session, consumers a session. */
const AUDIENCE_SECURITY: Record<Audience, SecurityRequirements> = {
  staff: [{ accessKey: [] }, { sessionCookie: [] }],
  consumer: [{ sessionCookie: [] }],
};

/**
 * Adds to a scope the hook every authenticated route shares: a caller of the
 * scope's audience is required, and one who must change their password can reach
 * only the routes marked so. The scope's routes are documented with that security.
 */
export function requireAuthentication(
  app: FastifyInstance,
  auth: AuthenticationService,
  allowedOrigins: readonly string[],
  audience: Audience = 'staff',
): void {
  documentSecurity(app, AUDIENCE_SECURITY[audience]);
  app.addHook('onRequest', async (request) => {
    const actor = await resolveActor(request, auth, allowedOrigins);
    if (!actor) throw new Unauthorized();
    requireAudience(actor, audience);
    if (actor.passwordChangeRequired && !request.routeOptions.config.allowDuringPasswordChange) {
      throw new PasswordChangeRequired();
    }
    request.actor = actor;
  });
}

/**
 * For public routes that show more to a signed-in consumer: sets request.actor
 * when a valid consumer credential is sent, and leaves it null otherwise (no
 * credential, an invalid one, or a staff member's), so the route answers as to anyone.
 * Documented as "no credential, or a consumer's session".
 */
export function addOptionalConsumer(app: FastifyInstance, auth: AuthenticationService, allowedOrigins: readonly string[]): void {
  documentSecurity(app, [{}, { sessionCookie: [] }]);
  app.addHook('onRequest', async (request) => {
    // A bad or foreign credential on a public route is treated as none.
    const actor = await resolveActor(request, auth, allowedOrigins).catch(() => null);
    request.actor = actor && isConsumerRole(actor.role) && !actor.passwordChangeRequired ? actor : null;
  });
}

/** The signed-in consumer of a public route, or null (see addOptionalConsumer). */
export function optionalActorOf(request: FastifyRequest): UserActor | null {
  return request.actor;
}

/** The actor of an authenticated route (set by requireAuthentication). */
export function actorOf(request: FastifyRequest): UserActor {
  if (!request.actor) throw new Unauthorized();
  return request.actor;
}
