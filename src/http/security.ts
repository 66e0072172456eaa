import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Standard response headers for every reply; a route may set a stricter CSP of its own. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    }
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

/**
 * CSRF defence for cookie-authenticated writes: the browser must say where the
 * request comes from (Origin, or Referer when Origin is absent), and that must
 * be this server or a configured origin.
 */
export function comesFromAllowedOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  let origin = request.headers.origin;
  if (!origin && typeof request.headers.referer === 'string') {
    try {
      origin = new URL(request.headers.referer).origin;
    } catch {
      return false;
    }
  }
  if (!origin || origin === 'null') return false;
  if (allowedOrigins.includes(origin)) return true;
  try {
    // Both sides through URL, so that default ports compare equal ("http://a" and Host "a:80").
    return new URL(origin).origin === new URL(`${request.protocol}://${request.headers.host ?? ''}`).origin;
  } catch {
    return false;
  }
}
