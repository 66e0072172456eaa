import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
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
 * The bound of an integer whose schema sets none: the largest integer a
 * JavaScript number holds exactly, which also fits every BIGINT column. (Ids and
 * INTEGER columns set a lower bound of their own: see ids.ts.)
 */
export const INTEGER_BOUND = Number.MAX_SAFE_INTEGER;

type SchemaNode = Record<string, unknown>;
const isNode = (x: unknown): x is SchemaNode => typeof x === 'object' && x !== null && !Array.isArray(x);
const admitsInteger = (type: unknown) => type === 'integer' || (Array.isArray(type) && type.includes('integer'));

/**
 * A copy of a schema where every integer without a bound gets ±INTEGER_BOUND.
 * The copy has no `$id`: ids name the OpenAPI document's components, and one
 * named schema is used by many routes, which ajv would take for a conflict.
 */
export function withIntegerBounds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withIntegerBounds);
  if (!isNode(schema)) return schema;
  const out: SchemaNode = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$id') continue;
    out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : withIntegerBounds(v);
  }
  if (admitsInteger(schema.type)) {
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined) out.maximum = INTEGER_BOUND;
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) out.minimum = -INTEGER_BOUND;
  }
  return out;
}

/**
 * The path (as ajv writes it) of the first string, or of the object whose key, holds a NUL
 * character. PostgreSQL text cannot store one, and no field of ours needs one,
 * so every part of every request is refused with it, whatever its schema says.
 */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    // A key with a NUL is named by the object that holds it (the key itself cannot be shown).
    if (k.includes('\u0000')) return path;
    const found = findNul(v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Compiled validators by schema object, one cache per ajv instance. Route schemas
 * are module constants shared by many routes (ids in paths, list queries), and by
 * every app a process builds: each is compiled once, and ajv does not keep a new
 * copy of it for every route.
 */
const compiledBy = new Map<Ajv, WeakMap<object, ValidateFunction>>([
  [bodyAjv, new WeakMap()],
  [urlAjv, new WeakMap()],
]);

function compiled(ajv: Ajv, schema: unknown): ValidateFunction {
  const cache = compiledBy.get(ajv)!;
  const key = schema as object;
  let validate = cache.get(key);
  if (validate === undefined) {
    validate = ajv.compile(withIntegerBounds(schema) as object);
    cache.set(key, validate);
  }
  return validate;
}

/**
 * Bodies are validated strictly (a string is not a number, unknown fields are
 * refused); path and query parameters are strings on the wire and are coerced.
 * Whatever the part, NUL characters are refused first, and integers are bounded
 * (withIntegerBounds).
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const validate = compiled(httpPart === 'body' ? bodyAjv : urlAjv, schema);
  const checked = (data: unknown): boolean => {
    const nul = findNul(data);
    if (nul !== undefined) {
      checked.errors = [{ instancePath: nul, schemaPath: '#', keyword: 'nul', params: {}, message: 'must not contain the NUL character (\\u0000)' }];
      return false;
    }
    const valid = validate(data);
    checked.errors = validate.errors ?? null;
    return valid;
  };
  checked.errors = null as ErrorObject[] | null;
  return checked;
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
