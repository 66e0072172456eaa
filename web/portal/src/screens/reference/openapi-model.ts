/*
 * Reads an OpenAPI 3.x (or Swagger 2.0) document into what the reference page
 * shows: operations grouped by tag, with their parameters, request body and
 * responses, local $refs resolved. Nothing here renders HTML: every text of the
 * document is shown as plain text or through the safe Markdown renderer.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type Method = (typeof METHODS)[number];

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  description: string;
  schema: JsonObject | undefined;
}

export interface MediaSchema {
  mediaType: string;
  schema: JsonObject | undefined;
}

export interface Body {
  description: string;
  required: boolean;
  contents: MediaSchema[];
}

export interface Response {
  status: string;
  description: string;
  contents: MediaSchema[];
}

export interface Operation {
  /** Unique in the document, usable as an element id. */
  id: string;
  method: Method;
  path: string;
  summary: string;
  description: string;
  deprecated: boolean;
  parameters: Parameter[];
  body: Body | undefined;
  responses: Response[];
}

export interface TagGroup {
  name: string;
  description: string;
  operations: Operation[];
}

export interface SecurityScheme {
  name: string;
  words: string;
  description: string;
}

export interface ApiModel {
  title: string;
  version: string;
  description: string;
  groups: TagGroup[];
  securitySchemes: SecurityScheme[];
  operationCount: number;
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Follows a local JSON pointer ("#/components/schemas/Pet"); undefined when it leads nowhere. */
function pointer(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/** The object a $ref points at (followed a few times), or the object itself; undefined when it is no object. */
export function deref(doc: JsonObject, value: Json | undefined): JsonObject | undefined {
  let node = value;
  for (let i = 0; i < 10 && isObject(node) && typeof node.$ref === 'string'; i++) node = pointer(doc, node.$ref);
  return isObject(node) ? node : undefined;
}

/** The last segment of a $ref ("#/components/schemas/Pet" → "Pet"), for naming a schema. */
export function refName(value: Json | undefined): string | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string') return undefined;
  return value.$ref.slice(value.$ref.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

function schemaOf(doc: JsonObject, value: Json | undefined): JsonObject | undefined {
  // Keep the $ref itself (the view names it and guards against cycles); only check it leads somewhere.
  if (isObject(value) && typeof value.$ref === 'string') return deref(doc, value) ? value : undefined;
  return isObject(value) ? value : undefined;
}

function contentsOf(doc: JsonObject, content: Json | undefined): MediaSchema[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, media]) => ({ mediaType, schema: schemaOf(doc, deref(doc, media)?.schema) }));
}

function parametersOf(doc: JsonObject, list: Json | undefined): JsonObject[] {
  return Array.isArray(list) ? list.map((p) => deref(doc, p)).filter((p): p is JsonObject => p !== undefined) : [];
}

function parameter(doc: JsonObject, p: JsonObject): Parameter {
  // Swagger 2 describes a simple parameter's type on the parameter itself.
  const schema = schemaOf(doc, p.schema) ?? (typeof p.type === 'string' ? p : undefined);
  return { name: text(p.name), in: text(p.in), required: p.required === true, deprecated: p.deprecated === true, description: text(p.description), schema };
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
}

/** The document's operations, grouped by their first tag in the order the document lists tags, then as they appear. */
export function readDocument(doc: JsonObject): ApiModel {
  const info = isObject(doc.info) ? doc.info : {};
  const swagger2 = typeof doc.swagger === 'string';
  const groups = new Map<string, TagGroup>();
  const tagDescriptions = new Map<string, string>();
  if (Array.isArray(doc.tags)) {
    for (const t of doc.tags) {
      if (isObject(t) && typeof t.name === 'string') {
        tagDescriptions.set(t.name, text(t.description));
        groups.set(t.name, { name: t.name, description: text(t.description), operations: [] });
      }
    }
  }
  const ids = new Set<string>();
  let count = 0;
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem);
    if (!item) continue;
    const shared = parametersOf(doc, item.parameters);
    for (const method of METHODS) {
      const op = deref(doc, item[method]);
      if (!op) continue;
      count++;
      // Operation parameters override the path item's of the same name and place.
      const own = parametersOf(doc, op.parameters);
      const all = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      let body: Body | undefined;
      const requestBody = deref(doc, op.requestBody);
      if (requestBody) {
        body = { description: text(requestBody.description), required: requestBody.required === true, contents: contentsOf(doc, requestBody.content) };
      }
      if (swagger2) {
        const bodyParam = all.find((p) => p.in === 'body');
        const consumes = Array.isArray(op.consumes) ? op.consumes : Array.isArray(doc.consumes) ? doc.consumes : ['application/json'];
        if (bodyParam) body = { description: text(bodyParam.description), required: bodyParam.required === true, contents: [{ mediaType: text(consumes[0]) || 'application/json', schema: schemaOf(doc, bodyParam.schema) }] };
      }
      const responses: Response[] = isObject(op.responses)
        ? Object.entries(op.responses).map(([status, raw]) => {
            const r = deref(doc, raw) ?? {};
            const contents = swagger2 ? (r.schema ? [{ mediaType: 'application/json', schema: schemaOf(doc, r.schema) }] : []) : contentsOf(doc, r.content);
            return { status, description: text(r.description), contents };
          })
        : [];
      let id = `op-${method}-${slug(path)}`;
      for (let n = 2; ids.has(id); n++) id = `op-${method}-${slug(path)}-${n}`;
      ids.add(id);
      const operation: Operation = {
        id,
        method,
        path,
        summary: text(op.summary),
        description: text(op.description),
        deprecated: op.deprecated === true,
        parameters: all.filter((p) => p.in !== 'body').map((p) => parameter(doc, p)),
        body,
        responses,
      };
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : '';
      const name = tag || 'Operations';
      if (!groups.has(name)) groups.set(name, { name, description: tagDescriptions.get(name) ?? '', operations: [] });
      groups.get(name)!.operations.push(operation);
    }
  }
  const rawSchemes = swagger2 ? doc.securityDefinitions : isObject(doc.components) ? doc.components.securitySchemes : undefined;
  const securitySchemes = isObject(rawSchemes)
    ? Object.entries(rawSchemes).flatMap(([name, raw]) => {
        const s = deref(doc, raw);
        return s ? [{ name, words: schemeWords(s), description: text(s.description) }] : [];
      })
    : [];
  return {
    title: text(info.title),
    version: text(info.version),
    description: text(info.description),
    groups: [...groups.values()].filter((g) => g.operations.length > 0),
    securitySchemes,
    operationCount: count,
  };
}

/** How a caller authenticates, in words: "an API key in the Authorization header". */
function schemeWords(s: JsonObject): string {
  const type = text(s.type);
  if (type === 'apiKey') return `an API key in the ${text(s.name) || 'named'} ${text(s.in) === 'query' ? 'query parameter' : text(s.in) === 'cookie' ? 'cookie' : 'header'}`;
  if (type === 'http') return text(s.scheme).toLowerCase() === 'bearer' ? 'a bearer token in the Authorization header' : `HTTP ${text(s.scheme) || 'authentication'}`;
  if (type === 'basic') return 'HTTP basic authentication';
  if (type === 'oauth2') return 'OAuth 2.0';
  if (type === 'openIdConnect') return 'OpenID Connect';
  if (type === 'mutualTLS') return 'a client certificate (mutual TLS)';
  return type || 'unspecified';
}

/** A schema's type in words: "string (date-time)", "array of Pet", "integer, one of 1, 2, 3". */
export function typeWords(doc: JsonObject, value: Json | undefined): string {
  const name = refName(value);
  const s = deref(doc, value);
  if (!s) return name ?? 'any';
  let words: string;
  const type = Array.isArray(s.type) ? s.type.filter((t) => typeof t === 'string').join(' or ') : text(s.type);
  if (type === 'array' || (!type && s.items !== undefined)) words = `array of ${typeWords(doc, s.items)}`;
  else if (name && (type === 'object' || (!type && isObject(s.properties)))) words = name;
  else if (type) words = typeof s.format === 'string' ? `${type} (${s.format})` : type;
  else if (Array.isArray(s.oneOf)) words = 'one of several shapes';
  else if (Array.isArray(s.anyOf)) words = 'any of several shapes';
  else if (Array.isArray(s.allOf)) words = name ?? 'object';
  else if (isObject(s.properties)) words = 'object';
  else words = name ?? 'any';
  if (s.nullable === true) words += ' or null';
  return words;
}

/** Constraints worth telling a caller, in words: allowed values, default, ranges. */
export function constraintWords(doc: JsonObject, value: Json | undefined): string[] {
  const s = deref(doc, value);
  if (!s) return [];
  const show = (v: Json) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
  const out: string[] = [];
  if (Array.isArray(s.enum)) out.push(`one of ${s.enum.map(show).join(', ')}`);
  if (s.default !== undefined) out.push(`default ${show(s.default)}`);
  if (typeof s.minimum === 'number') out.push(`at least ${s.minimum}`);
  if (typeof s.maximum === 'number') out.push(`at most ${s.maximum}`);
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push(`at least ${s.minLength} characters`);
  if (typeof s.maxLength === 'number') out.push(`at most ${s.maxLength} characters`);
  if (typeof s.pattern === 'string') out.push(`matching ${s.pattern}`);
  if (s.example !== undefined) out.push(`e.g. ${show(s.example)}`);
  return out;
}

/** The properties of an object schema, allOf parts merged; required names flagged. */
export function propertiesOf(doc: JsonObject, value: Json | undefined): { name: string; schema: Json; required: boolean }[] {
  const s = deref(doc, value);
  if (!s) return [];
  const props = new Map<string, { schema: Json; required: boolean }>();
  const required = new Set<string>();
  const add = (part: JsonObject | undefined, depth: number) => {
    if (!part || depth > 5) return;
    if (Array.isArray(part.allOf)) for (const sub of part.allOf) add(deref(doc, sub), depth + 1);
    if (Array.isArray(part.required)) for (const r of part.required) if (typeof r === 'string') required.add(r);
    if (isObject(part.properties)) for (const [name, schema] of Object.entries(part.properties)) props.set(name, { schema, required: false });
  };
  add(s, 0);
  return [...props.entries()].map(([name, p]) => ({ name, schema: p.schema, required: required.has(name) }));
}
