import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * Contract-test helper: validates real Portcullis responses against the public
 * Tyk OpenAPI descriptions in ../shared/reference/tyk (beside the repository; or
 * the folder PORTCULLIS_TYK_REFERENCE names).
 *
 * How to use it in a contract test:
 *
 *   const ref = loadReference('enterprise-developer-portal-swagger.yaml'); // or 'dashboard-swagger.yml'
 *   // a component schema:
 *   expect(problems(ref.schema('Post-show'), res.json())).toEqual([]);
 *   // or the schema the document gives for one path, method and status
 *   // (portal paths are relative to /portal-api; $refs to components/responses are followed):
 *   expect(problems(ref.response('GET', '/posts/{post_id}', 200), res.json())).toEqual([]);
 *   // check first that the document describes that reply at all:
 *   expect(ref.documents('POST', '/posts', 201)).toBe(true);
 *
 * - `problems(validator, value)` is [] when the value conforms, else readable
 *   reasons ("/ID must be string …"): compare it with [] so a failure says why.
 * - Wrap a contract suite in `describeContract(file, title, (ref) => { … })`:
 *   where the reference folder is absent (a checkout without ../shared) it prints
 *   that the suite did not run and registers one test reported as skipped; under CI
 *   (CI=true), which always has the folder, an absent reference fails instead.
 *   `loadReference` itself throws, naming the missing path.
 * - The Tyk schemas require few fields: also assert the fields you promise
 *   (e.g. `toMatchObject`), and give each test a case that must NOT conform, so
 *   that a validator accepting everything would be noticed.
 * - `ref.schemaNames()` lists components/schemas; `ref.pointer('#/components/…')`
 *   validates against any node of the document.
 *
 * How it works: OpenAPI 3.0 schemas are not quite JSON Schema, so `nullable: true`
 * becomes a type union with null, and annotations that are not JSON Schema
 * (`example`, `x-…`) are dropped; OpenAPI 3.1 documents (the portal's) are JSON
 * Schema 2020-12 and are compiled as such. Validators are compiled once per
 * pointer and cached.
 */

// ajv-formats ships CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The folder holding the Tyk descriptions. */
export const REFERENCE_DIR = resolve(process.env.PORTCULLIS_TYK_REFERENCE ?? join(REPOSITORY_ROOT, '..', 'shared', 'reference', 'tyk'));

/** Why a description cannot be loaded, or undefined when it can. */
export function whyUnavailable(file: string): string | undefined {
  const path = join(REFERENCE_DIR, file);
  if (existsSync(path)) return undefined;
  const how = process.env.PORTCULLIS_TYK_REFERENCE === undefined ? 'set PORTCULLIS_TYK_REFERENCE to the folder holding it' : 'PORTCULLIS_TYK_REFERENCE names a folder without it';
  return `${path} does not exist (${how})`;
}

export function referenceAvailable(file: string): boolean {
  return whyUnavailable(file) === undefined;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export const isObject = (x: Json | undefined): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keys whose value is a map from names (properties, paths, media types, status codes…) to schemas or objects. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'paths',
  'schemas',
  'responses',
  'requestBodies',
  'parameters',
  'headers',
  'content',
  'encoding',
  'securitySchemes',
  'links',
  'callbacks',
  'variables',
  'pathItems',
  'webhooks',
]);
/** Keys whose value is data, copied as it is. */
const DATA = new Set(['enum', 'const', 'default', 'required', 'mapping']);
/** OpenAPI annotations that are not JSON Schema (or are only examples). */
const dropped = (key: string) => key === 'example' || key === 'examples' || key === 'nullable' || key.startsWith('x-');

/** One OpenAPI node → JSON Schema. `names`: the node is a map whose keys are names, not keywords. */
function convert(node: Json, names = false): Json {
  if (Array.isArray(node)) return node.map((x) => convert(x));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (names) out[k] = convert(v);
    else if (dropped(k)) continue;
    else if (DATA.has(k)) out[k] = v;
    else out[k] = convert(v, NAME_MAPS.has(k));
  }
  if (names || node.nullable !== true) return out;
  // nullable: true → null is allowed as well.
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return out.type.includes('null') ? out : { ...out, type: [...out.type, 'null'] };
  if (out.$ref !== undefined || out.allOf !== undefined || out.oneOf !== undefined || out.anyOf !== undefined) {
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

/** A JSON pointer segment inside a URI fragment. */
const segment = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

export interface Reference {
  file: string;
  /** The `openapi` version of the document, e.g. "3.0.3". */
  version: string;
  /** The parsed document, as it is (examples included), for checks the validators cannot make. */
  document: JsonObject;
  /** The names under components/schemas. */
  schemaNames(): string[];
  /** A validator for `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction;
  /**
   * A validator for the body of one documented response, e.g.
   * `response('GET', '/api/users/{userId}', 200)`; follows `$ref`s to components/responses.
   */
  response(method: string, path: string, status: number, mediaType?: string): ValidateFunction;
  /** Whether the document gives a schema for that response. */
  documents(method: string, path: string, status: number, mediaType?: string): boolean;
  /** A validator for any JSON pointer inside the document, e.g. `#/components/schemas/User/properties/id`. */
  pointer(pointer: string): ValidateFunction;
}

/** Loads one of the Tyk OpenAPI files so that real responses can be validated against it. */
export function loadReference(file: string): Reference {
  const why = whyUnavailable(file);
  if (why) throw new Error(`Cannot load the Tyk reference: ${why}`);
  const doc = parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as JsonObject;
  const version = typeof doc.openapi === 'string' ? doc.openapi : '';
  if (!/^3\.[01]\./.test(version)) throw new Error(`${file}: expected an OpenAPI 3.0 or 3.1 document, found openapi ${JSON.stringify(doc.openapi)}`);
  const components = isObject(doc.components) ? doc.components : {};
  const paths = isObject(doc.paths) ? doc.paths : {};

  const options = { strict: false, allErrors: true, validateFormats: true } as const;
  const ajv = version.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  // OpenAPI's own formats: the JSON types already say what matters.
  for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(f, true);
  const id = `tyk-reference:${file}`;
  ajv.addSchema({ $id: id, components: convert(components, true), paths: convert(paths, true) });

  const cache = new Map<string, ValidateFunction>();
  const compiled = (pointer: string): ValidateFunction => {
    let v = cache.get(pointer);
    if (!v) {
      v = ajv.getSchema(`${id}${pointer}`);
      if (!v) throw new Error(`${pointer} not found in ${file}`);
      cache.set(pointer, v);
    }
    return v;
  };

  /** The pointer to the schema of a documented response, or why there is none. */
  const locate = (method: string, path: string, status: number, mediaType: string): string | { error: string } => {
    const where = `${method.toUpperCase()} ${path} → ${status} (${mediaType})`;
    const item = paths[path];
    const operation = isObject(item) ? item[method.toLowerCase()] : undefined;
    const responses = isObject(operation) ? operation.responses : undefined;
    let response = isObject(responses) ? responses[String(status)] : undefined;
    let pointer = `#/paths/${segment(path)}/${segment(method.toLowerCase())}/responses/${segment(String(status))}`;
    const ref = isObject(response) ? response.$ref : undefined;
    if (typeof ref === 'string') {
      const name = /^#\/components\/responses\/(.+)$/.exec(ref)?.[1];
      const shared = isObject(components.responses) && name !== undefined ? components.responses[name] : undefined;
      if (!name || !isObject(shared)) return { error: `${file}: ${where} refers to ${ref}, which is absent` };
      response = shared;
      pointer = `#/components/responses/${segment(name)}`;
    }
    const content = isObject(response) ? response.content : undefined;
    const media = isObject(content) ? content[mediaType] : undefined;
    if (!isObject(media) || media.schema === undefined || media.schema === null) return { error: `${file} documents no schema for ${where}` };
    return `${pointer}/content/${segment(mediaType)}/schema`;
  };

  const schemas = isObject(components.schemas) ? components.schemas : {};
  return {
    file,
    version,
    document: doc,
    schemaNames: () => Object.keys(schemas),
    schema(name) {
      if (!(name in schemas)) throw new Error(`${file} has no components/schemas/${name}`);
      return compiled(`#/components/schemas/${segment(name)}`);
    },
    documents: (method, path, status, mediaType = 'application/json') => typeof locate(method, path, status, mediaType) === 'string',
    response(method, path, status, mediaType = 'application/json') {
      const found = locate(method, path, status, mediaType);
      if (typeof found !== 'string') throw new Error(found.error);
      return compiled(found);
    },
    pointer: compiled,
  };
}

/** The reasons a value fails a validator, readable in a test failure; [] when it passes. */
export function problems(v: ValidateFunction, value: unknown): string[] {
  return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/**
 * A contract suite over one Tyk description. Where the description is absent it
 * prints that the suite did not run (and why); under CI, which always has it, that
 * is a failure rather than a quiet pass.
 */
export function describeContract(file: string, title: string, body: (ref: Reference) => void): void {
  const why = whyUnavailable(file);
  if (why === undefined) {
    describe(title, () => body(loadReference(file)));
    return;
  }
  if (process.env.CI) {
    describe(title, () => {
      it('finds the Tyk reference, which CI always has', () => {
        expect.fail(`the Tyk reference is absent: ${why}`);
      });
    });
    return;
  }
  // Reported as skipped, not passed: nothing was checked.
  console.log(`${title}: contract tests did NOT run: ${why}`);
  describe(title, () => {
    it(`needs the Tyk reference (${why})`, (ctx) => {
      ctx.skip(`the Tyk reference is absent: ${why}`);
    });
  });
}
