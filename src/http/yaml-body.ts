import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { Invalid } from '../errors.js';
import { JSON_MAX_DEPTH, tooDeep } from './json-body.js';

/**
 * Bodies sent as YAML (application/x-yaml, application/yaml), for the routes of
 * the scope it is installed in (Tyk's OAS import and PATCH take YAML documents).
 * Held to the JSON body's depth bound; aliases are expanded a bounded number of times.
 */
export function installYamlBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser(['application/x-yaml', 'application/yaml', 'text/yaml'], { parseAs: 'string' }, (_req, body: string, done) => {
    let value: unknown;
    try {
      value = parse(body, { maxAliasCount: 100, prettyErrors: false });
    } catch (err) {
      return done(new Invalid('body', `is not valid YAML: ${(err as Error).message.split('\n', 1)[0]}`), undefined);
    }
    if (tooDeep(value)) return done(new Invalid('body', `nested deeper than ${JSON_MAX_DEPTH} levels`), undefined);
    done(null, value);
  });
}
