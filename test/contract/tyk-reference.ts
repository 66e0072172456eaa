import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Where the public Tyk descriptions live: ../shared/reference/tyk beside the repository, or PORTCULLIS_TYK_REFERENCE. */
export const REFERENCE_DIR =
  process.env.PORTCULLIS_TYK_REFERENCE ?? join(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'reference', 'tyk');

export function referenceAvailable(file: string): boolean {
  return existsSync(join(REFERENCE_DIR, file));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** OpenAPI 3.0 schema → JSON Schema: `nullable: true` becomes a type union with null. */
function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'example' || k === 'x-go-package' || k === 'deprecated') continue;
    out[k] = convert(v);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.$ref !== undefined || out.allOf !== undefined) return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

export interface Reference {
  /** A validator for `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction;
  /** A validator for a JSON pointer inside the document, e.g. a response schema. */
  pointer(pointer: string): ValidateFunction;
}

/** Loads one of the Tyk OpenAPI files so that real responses can be validated against it. */
export function loadReference(file: string): Reference {
  const doc = parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as { components: { schemas: Record<string, Json> }; paths: Json };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ['int64', 'int32', 'double', 'float', 'binary', 'byte']) ajv.addFormat(f, true);
  const id = `tyk:${file}`;
  ajv.addSchema({ $id: id, components: { schemas: convert(doc.components.schemas as Json) }, paths: {} });
  const cache = new Map<string, ValidateFunction>();
  const get = (ref: string) => {
    let v = cache.get(ref);
    if (!v) {
      const found = ajv.getSchema(`${id}${ref}`);
      if (!found) throw new Error(`${ref} not found in ${file}`);
      v = found;
      cache.set(ref, v);
    }
    return v;
  };
  return {
    schema: (name) => get(`#/components/schemas/${name}`),
    pointer: (p) => get(p),
  };
}

/** Asserts-style helper: the errors of a validation, readable in a test failure. */
export function problems(v: ValidateFunction, value: unknown): string[] {
  return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}
