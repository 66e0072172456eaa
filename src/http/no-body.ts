import type { FastifyInstance, FastifyRequest, preParsingAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import { Invalid } from '../errors.js';

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && !Buffer.isBuffer(x);

/**
 * A route without a body schema takes no body. It accepts none, an empty one
 * and `{}` (Tyk clients send `{}` with DELETE); anything else is a client
 * mistake — e.g. `successor_user` sent in the body of a DELETE instead of the
 * query — and is refused like an unknown field of any other route, rather than
 * silently ignored while the action goes ahead.
 */
const refuseBody: preValidationAsyncHookHandler = async (request: FastifyRequest) => {
  const body: unknown = request.body;
  if (body === undefined) return;
  if (isPlainObject(body)) {
    const [first] = Object.keys(body);
    if (first === undefined) return;
    throw new Invalid(first, 'unknown field (this route takes no body)');
  }
  throw new Invalid('body', 'this route takes no body; send none or {}');
};

/**
 * Some HTTP libraries send `Content-Type: application/json` on every request,
 * with an empty body (`Content-Length: 0`) or with none at all (no
 * `Content-Length` and no `Transfer-Encoding`: HTTP/1.1 says such a request has
 * no body). On a route that takes no body that is no body at all, not the
 * "empty JSON" error a route that needs one gives. Without the type Fastify
 * does not parse.
 */
const emptyBodyIsNone: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  const length = request.headers['content-length'];
  if ((length === undefined || length.trim() === '0') && request.headers['transfer-encoding'] === undefined) delete request.headers['content-type'];
  return payload;
};

const withHook = <T>(existing: T | T[] | undefined, hook: T): T[] => (existing === undefined ? [hook] : [...(Array.isArray(existing) ? existing : [existing]), hook]);

/**
 * Applies the rule above to every route registered afterwards whose URL starts
 * with one of `prefixes` (the JSON API surfaces; not the gateway, which passes
 * bodies through). Call it on the root instance before any route is registered.
 */
export function refuseBodiesOnBodilessRoutes(app: FastifyInstance, prefixes: readonly string[]): void {
  app.addHook('onRoute', (route) => {
    if (route.schema?.body !== undefined) return;
    // Fastify reads no body for GET and HEAD: nothing to refuse, and no hook to pay for on every read.
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'GET' || m === 'HEAD')) return;
    if (!prefixes.some((p) => route.url === p || route.url.startsWith(`${p}/`))) return;
    route.preParsing = withHook(route.preParsing, emptyBodyIsNone);
    route.preValidation = withHook(route.preValidation, refuseBody);
  });
}

// Only an absent body is "none": a JSON `null` is a value of the wrong type, refused by the schema like any other.
const noBodyIsEmpty: preValidationAsyncHookHandler = async (request: FastifyRequest) => {
  if (request.body === undefined) request.body = {};
};

/**
 * Hooks for a route whose body is optional (an object whose fields are all
 * optional): no body, an empty one, or `{}` are the same, so that clients that
 * send nothing (Tyk's) keep working when a route gains optional fields.
 */
export const optionalBody = { preParsing: [emptyBodyIsNone], preValidation: [noBodyIsEmpty] };
