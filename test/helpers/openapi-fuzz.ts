/*
 * Fuzz cases generated from an OpenAPI 3.1 document (the app's own
 * /api/openapi.json): for every operation, hostile path ids, hostile query
 * values, hostile values in every body field (to a few levels down), and hostile
 * raw bodies. Pure: no I/O, deterministic (the only randomness is a seeded PRNG).
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
}

export interface Operation {
  method: string;
  /** The path template, e.g. /api/users/{id}. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | undefined;
  /** `METHOD /path` */
  name: string;
}

export interface FuzzCase {
  /** What was tried, for the report. */
  label: string;
  /** Path-parameter values (raw, already URL-encoded where they need to be). */
  params: Record<string, string>;
  /** The query string without `?`, or '' */
  query: string;
  /** The raw body and its content type; undefined: no body. */
  body?: { text: string; contentType: string };
  /**
   * The status an authorised caller must get (validation runs before any
   * handler): a 400 must name `mentions`. Undefined: only "no 5xx, no write on refusal".
   */
  expect?: { status: number; mentions?: string };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
        name: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  return ops;
}

/** mulberry32: a tiny seeded PRNG, so that a run is reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- schema helpers ----

/** The JSON types a schema admits; empty: anything. */
export function typesOf(s: JsonSchema | undefined): Set<string> {
  const out = new Set<string>();
  if (!s) return out;
  if (s.const !== undefined) out.add(jsonType(s.const));
  if (s.enum) for (const v of s.enum) out.add(jsonType(v));
  if (typeof s.type === 'string') out.add(s.type);
  if (Array.isArray(s.type)) for (const t of s.type) out.add(t);
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const inner = typesOf(sub);
    if (inner.size === 0) return new Set();
    for (const t of inner) out.add(t);
  }
  if (out.has('integer') && out.has('number')) out.delete('integer');
  return out;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Whether a JSON value's type is one a schema refuses outright. */
function wrongType(s: JsonSchema, v: unknown): boolean {
  const types = typesOf(s);
  if (types.size === 0) return false;
  const t = jsonType(v);
  if (types.has(t)) return false;
  if (t === 'integer' && types.has('number')) return false;
  return true;
}

/** The first non-null alternative of a union, or the schema itself. */
function main(s: JsonSchema): JsonSchema {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.find((a) => a.type !== 'null') ?? alts[0]!;
  return s;
}

let sampleSeq = 0;

/** A value the schema accepts, as far as a simple generator can tell. */
export function sample(schema: JsonSchema, name = ''): unknown {
  const s = main(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key] ?? {}, key);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, name));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      const n = ++sampleSeq;
      if (s.format === 'email' || /email|username/i.test(name)) return `fuzz-${n}@example.com`;
      if (s.format === 'date-time') return new Date(Date.UTC(2024, 0, 1)).toISOString();
      if (s.format === 'uri' || /url/i.test(name)) return 'http://127.0.0.1:9/';
      if (/password/i.test(name)) return 'fuzz-password-123456';
      if (/path/i.test(name)) return `/fuzz-${n}/`;
      const text = `fuzz${n}`;
      return text.padEnd(s.minLength ?? 0, 'x');
    }
    default:
      return {};
  }
}

export interface Field {
  /** Path into the body: keys and array indexes. */
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every field of a body schema down to `depth` levels: properties, and the first item of arrays. */
export function fieldsOf(schema: JsonSchema, depth = 3, path: (string | number)[] = []): Field[] {
  if (depth === 0) return [];
  const s = main(schema);
  const out: Field[] = [];
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    out.push({ path: [...path, key], schema: sub });
    out.push(...fieldsOf(sub, depth - 1, [...path, key]));
  }
  const m = main(s);
  if (m.type === 'array' && m.items && path.length > 0) {
    out.push({ path: [...path, 0], schema: m.items });
    out.push(...fieldsOf(m.items, depth - 1, [...path, 0]));
  }
  return out;
}

/** A copy of `base` with `value` at `path`, creating the containers on the way. */
export function withValue(base: unknown, path: (string | number)[], value: unknown, schema: JsonSchema): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const s = main(schema);
  if (typeof head === 'number') {
    const arr = Array.isArray(base) ? [...(base as unknown[])] : [];
    const itemSchema = s.items ?? {};
    arr[head] = withValue(arr[head] ?? sample(itemSchema), rest, value, itemSchema);
    return arr;
  }
  const obj = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  const sub = s.properties?.[head!] ?? {};
  obj[head!] = withValue(obj[head!] ?? sample(sub, head), rest, value, sub);
  return obj;
}

// ---- hostile values ----

const nest = (levels: number, leaf: string, open: string, close: string) => open.repeat(levels) + leaf + close.repeat(levels);
/** JSON text nested `levels` deep, as a raw fragment (JSON.stringify would recurse that deep). */
export const deepObject = (levels: number) => nest(levels, '1', '{"a":', '}');
export const deepArray = (levels: number) => nest(levels, '1', '[', ']');

interface Hostile {
  label: string;
  /** The value as a JSON text fragment (so that numbers like 1e400 or deep nesting survive). */
  json: string;
  /** The JSON value, when it can be held in JavaScript (for type checks). */
  value?: unknown;
  /** Refused whatever the field's schema (NUL, excessive depth). */
  alwaysRefused?: boolean;
  /** Refused by any integer field (out of every column's range, or not an integer). */
  refusedByIntegers?: boolean;
  /** What the refusal names, when not the field (a prototype key makes the whole body unsafe). */
  mentions?: string;
}

const v = (label: string, value: unknown, extra: Partial<Hostile> = {}): Hostile => ({ label, json: JSON.stringify(value), value, ...extra });

export const HOSTILE_VALUES: Hostile[] = [
  v('NUL', 'a\u0000b', { alwaysRefused: true }),
  v('only NUL', '\u0000', { alwaysRefused: true }),
  v('NUL in an array', ['\u0000'], { alwaysRefused: true }),
  v('NUL as a key', { '\u0000': 1 }, { alwaysRefused: true }),
  { label: 'object nested 5000 deep', json: deepObject(5000), alwaysRefused: true },
  { label: 'array nested 5000 deep', json: deepArray(5000), alwaysRefused: true },
  { label: 'object nested 100 deep', json: deepObject(100), alwaysRefused: true },
  { label: '1e300', json: '1e300', value: 1e300, refusedByIntegers: true },
  { label: '-1e300', json: '-1e300', value: -1e300, refusedByIntegers: true },
  { label: '99999999999999999999', json: '99999999999999999999', value: 1e20, refusedByIntegers: true },
  { label: '2^53+1', json: '9007199254740993', value: 9007199254740992, refusedByIntegers: true },
  { label: '1.5', json: '1.5', value: 1.5, refusedByIntegers: true },
  v('2147483648', 2147483648),
  v('99999999999', 99999999999),
  v('-1', -1),
  v('0', 0),
  v('-2147483649', -2147483649),
  v('empty string', ''),
  v('numeric string', '1'),
  v('long string', 'x'.repeat(100_000)),
  v('lone surrogate', '\ud800'),
  v('control characters', '\u0001\u001f\u007f'),
  v('path traversal', '../../../etc/passwd'),
  v('null', null),
  v('true', true),
  v('empty array', []),
  v('empty object', {}),
  v('array of huge numbers', [1e300]),
  { label: 'prototype key', json: '{"__proto__":{"polluted":1}}', alwaysRefused: true, mentions: 'body' },
];

/** Path ids that are not ids, or overflow every id column. */
export const HOSTILE_IDS = ['0', '-1', '1.5', '1e300', '2147483648', '99999999999', '99999999999999999999', '%00', 'a%00b', '%FF', 'x'.repeat(2000), '%2e%2e', 'null', '%20'];
/** Query values: huge, negative, fractional, empty, NUL, long, wrong types. */
export const HOSTILE_QUERY = ['1e300', '-1e300', '99999999999999999999', '2147483648', '-2147483649', '1.5', '', '%00', 'a%00b', 'x'.repeat(3000), 'true', '%FF', '-1'];

// ---- case generation ----

export interface CaseOptions {
  /** Valid values for path parameters, by operation: what fixtures exist. */
  paramValue: (op: Operation, name: string) => string;
  /** A body over the app's body limit. */
  oversizedBody: string;
  /** At most this many field cases per operation (sampled with `random`). */
  maxFieldCases: number;
  random: () => number;
}

function pick<T>(items: T[], n: number, random: () => number): T[] {
  if (items.length <= n) return items;
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

const fieldName = (path: (string | number)[]) => path.join('.');

/** Serialises `base` with the raw JSON fragment `json` at `path`. */
function bodyWith(base: unknown, path: (string | number)[], json: string, schema: JsonSchema): string {
  const marker = '__FUZZ_VALUE_MARKER__';
  return JSON.stringify(withValue(base, path, marker, schema)).replace(`"${marker}"`, () => json);
}

export function casesFor(op: Operation, opts: CaseOptions): FuzzCase[] {
  const params = Object.fromEntries(op.pathParams.map((p) => [p.name, opts.paramValue(op, p.name)]));
  const baseBody = op.body ? sample(op.body) : undefined;
  const json = (text: string) => ({ text, contentType: 'application/json' });
  const baseText = baseBody === undefined ? undefined : JSON.stringify(baseBody);
  const plain = (label: string, over: Partial<FuzzCase>): FuzzCase => ({
    label,
    params,
    query: '',
    ...(baseText !== undefined ? { body: json(baseText) } : {}),
    ...over,
  });
  const cases: FuzzCase[] = [plain('as generated', {})];

  for (const p of op.pathParams) {
    for (const bad of HOSTILE_IDS) cases.push(plain(`path ${p.name}=${bad.slice(0, 40)}`, { params: { ...params, [p.name]: bad } }));
  }
  for (const q of op.queryParams) {
    const isInteger = typesOf(q.schema).has('integer');
    for (const bad of HOSTILE_QUERY) {
      const refused = isInteger && !['-1', '2147483648', '-2147483649'].includes(bad);
      cases.push(plain(`query ${q.name}=${bad.slice(0, 40)}`, { query: `${q.name}=${bad}`, ...(refused ? { expect: { status: 400, mentions: q.name } } : {}) }));
    }
    cases.push(plain(`query ${q.name} repeated`, { query: `${q.name}=1&${q.name}=2` }));
  }

  if (op.body && baseText !== undefined) {
    const isObject = main(op.body).type === 'object';
    const closed = isObject && main(op.body).additionalProperties === false;
    const optional = isObject && (main(op.body).required ?? []).length === 0;
    cases.push(
      plain('body: malformed JSON', { body: json('{"oops":'), expect: { status: 400, mentions: 'JSON' } }),
      plain('body: truncated JSON', { body: json(baseText.slice(0, -1)), expect: { status: 400, mentions: 'JSON' } }),
      // A body whose fields are all optional may be left out, even with the JSON type (as many clients send it).
      plain('body: empty', { body: json(''), ...(optional ? {} : { expect: { status: 400, mentions: 'body' } }) }),
      plain('body: text/plain', { body: { text: 'hello', contentType: 'text/plain' }, expect: { status: 415 } }),
      plain('body: XML', { body: { text: '<x/>', contentType: 'application/xml' }, expect: { status: 415 } }),
      plain('body: oversized', { body: json(opts.oversizedBody), expect: { status: 413 } }),
      // Deep, yet under the smallest body limit (an anonymous caller's).
      plain('body: array nested 10000 deep', { body: json(deepArray(10_000)), expect: { status: 400, mentions: 'body' } }),
      plain('body: object nested 10000 deep', { body: json(deepObject(10_000)), expect: { status: 400, mentions: 'a' } }),
      plain('body: 1e400', { body: json('1e400'), expect: { status: 400, mentions: 'body' } }),
      plain('body: prototype pollution', { body: json('{"__proto__":{"x":1}}'), expect: { status: 400 } }),
      plain('body: constructor pollution', { body: json('{"constructor":{"prototype":{"x":1}}}'), expect: { status: 400 } }),
    );
    if (isObject) {
      cases.push(
        plain('body: an array', { body: json('[1,2]'), expect: { status: 400, mentions: 'body' } }),
        plain('body: null', { body: json('null'), expect: { status: 400, mentions: 'body' } }),
        plain('body: a string', { body: json('"text"'), expect: { status: 400, mentions: 'body' } }),
        plain('body: a NUL key', { body: json(`${baseText.slice(0, -1)}${baseText === '{}' ? '' : ','}"\\u0000":1}`), expect: { status: 400 } }),
      );
      if (closed) cases.push(plain('body: unknown field', { body: json(`${baseText.slice(0, -1)}${baseText === '{}' ? '' : ','}"surprise":true}`), expect: { status: 400, mentions: 'surprise' } }));
      for (const key of main(op.body).required ?? []) {
        const without = { ...(baseBody as Record<string, unknown>) };
        delete without[key];
        cases.push(plain(`body: missing ${key}`, { body: json(JSON.stringify(without)), expect: { status: 400, mentions: key } }));
      }
    }
    const fieldCases: FuzzCase[] = [];
    for (const field of fieldsOf(op.body)) {
      const name = fieldName(field.path);
      const isInteger = typesOf(field.schema).has('integer') && !typesOf(field.schema).has('number');
      for (const h of HOSTILE_VALUES) {
        const refused = h.alwaysRefused || (isInteger && h.refusedByIntegers) || ('value' in h && wrongType(field.schema, h.value));
        fieldCases.push(plain(`${name} = ${h.label}`, { body: json(bodyWith(baseBody, field.path, h.json, op.body)), ...(refused ? { expect: { status: 400, mentions: h.mentions ?? String(field.path[0]) } } : {}) }));
      }
    }
    cases.push(...pick(fieldCases, opts.maxFieldCases, opts.random));
  }
  return cases;
}

/** The URL of a case: the template with its parameters, and the query string. */
export function urlOf(op: Operation, c: FuzzCase): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => c.params[name] ?? '1');
  return c.query === '' ? path : `${path}?${c.query}`;
}
