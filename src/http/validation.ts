import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const urlAjv = makeAjv(true);

/**
 * Bodies are validated strictly (a string is not a number, unknown fields are
 * refused); path and query parameters are strings on the wire and are coerced.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : urlAjv;
  return ajv.compile(schema as object);
};

/** Turns an ajv error into "field: problem" with the field named the way the client wrote it. */
export function describeValidationError(e: ErrorObject, context: string | undefined): string {
  const path = e.instancePath
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${[...path, params.additionalProperty].join('.')}: unknown field`;
  }
  if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${[...path, params.missingProperty].join('.')}: is required`;
  }
  const field = path.length > 0 ? path.join('.') : (context ?? 'body');
  return `${field}: ${e.message ?? 'is invalid'}`;
}
