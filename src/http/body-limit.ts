import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The largest body read from a caller who has not proved who they are: the
 * public forms (sign-in, registration, password reset, bootstrap) are a few
 * hundred bytes, and nobody may make the server buffer megabytes anonymously.
 * Routes that authenticate do so in `onRequest`, before any byte of the body is
 * read, so they get the route's full limit only once the caller is known.
 */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;

/** Fastify's own code for a body past the limit: the error handler answers it as Fastify's (413). */
class BodyTooLarge extends Error {
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
  // Fastify's body reader keeps a 4xx `statusCode` (and would make anything else a 400).
  readonly statusCode = 413;
  constructor() {
    super('Request body is too large');
    this.name = 'BodyTooLarge';
  }
}

const authenticatedOtherwise = new WeakSet<FastifyRequest>();

/** For a route whose caller is not a user (a gateway with its shared secret): it has been authenticated. */
export function markAuthenticated(request: FastifyRequest): void {
  authenticatedOtherwise.add(request);
}

export function isMarkedAuthenticated(request: FastifyRequest): boolean {
  return authenticatedOtherwise.has(request);
}

/** Counts the bytes going through and fails with 413 past `limit` (for bodies sent without a Content-Length). */
class Capped extends Transform {
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) callback(new BodyTooLarge());
    else callback(null, chunk);
  }
}

/**
 * Caps the body of every request made without a verified credential at
 * ANONYMOUS_BODY_LIMIT (or the route's own limit when lower). Install on the
 * root instance, before any route.
 */
export function limitAnonymousBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.actor || authenticatedOtherwise.has(request)) return payload;
    const limit = Math.min(ANONYMOUS_BODY_LIMIT, request.routeOptions.bodyLimit ?? ANONYMOUS_BODY_LIMIT);
    const declared = request.headers['content-length'];
    if (declared !== undefined && request.headers['transfer-encoding'] === undefined) {
      if (Number(declared) > limit) throw new BodyTooLarge();
      return payload;
    }
    return payload.pipe(new Capped(limit));
  });
}
