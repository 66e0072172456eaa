import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Invalid } from '../errors.js';

/** How deep a JSON body may nest (objects and arrays); deeper is refused with 400 before any handler runs. */
export const JSON_MAX_DEPTH = 64;

/**
 * The path of the first container nested deeper than `max` levels (the body
 * itself is level 1), or undefined. The walk never goes below `max + 1` levels,
 * so its recursion stays shallow whatever the document.
 */
export function tooDeep(value: unknown, max = JSON_MAX_DEPTH, depth = 0): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= max) return [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = tooDeep(value[i], max, depth + 1);
      if (found) return [String(i), ...found];
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = tooDeep(v, max, depth + 1);
    if (found) return [k, ...found];
  }
  return undefined;
}

/**
 * Replaces Fastify's JSON parser with the same parser (prototype poisoning
 * refused) followed by the depth bound: free-form fields (meta_data, OAS
 * documents, API definitions) are stored and later serialised, so a document
 * too deep to handle must never reach a transaction.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body: string, done) => {
    // An empty chunked body sent to a route that takes none is no body (see no-body.ts), not "empty JSON".
    if (body === '' && request.routeOptions.schema?.body === undefined) return done(null, undefined);
    void parse(request, body, (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      const deep = tooDeep(value);
      if (deep) {
        // Named by the body's field that holds it (the full path is as long as the document).
        const field = deep.length === 0 || Array.isArray(value) ? 'body' : deep[0]!;
        return done(new Invalid(field, `nested deeper than ${JSON_MAX_DEPTH} levels`), undefined);
      }
      done(null, value);
    });
  });
}
