/*
 * What the reference page says above the rendered document, read from the
 * API's OpenAPI 3.x (or Swagger 2.0) document: its description for the page's
 * meta description, and how callers authenticate, in words.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface SecurityScheme {
  name: string;
  words: string;
}

/** The document's own description (info.description), or ''. */
export function descriptionOf(doc: JsonObject): string {
  return isObject(doc.info) ? text(doc.info.description) : '';
}

/** The document's security schemes (local $refs followed), each with how a caller presents it. */
export function securitySchemesOf(doc: JsonObject): SecurityScheme[] {
  const raw = typeof doc.swagger === 'string' ? doc.securityDefinitions : isObject(doc.components) ? doc.components.securitySchemes : undefined;
  if (!isObject(raw)) return [];
  return Object.entries(raw).flatMap(([name, value]) => {
    const s = localTarget(doc, value);
    return s ? [{ name, words: schemeWords(s) }] : [];
  });
}

/** A `{"$ref": "#/…"}` followed inside the document (a few hops at most); the value itself when it is no reference. */
function localTarget(doc: JsonObject, value: Json | undefined): JsonObject | undefined {
  let node = value;
  for (let hop = 0; hop < 10 && isObject(node) && typeof node.$ref === 'string'; hop++) {
    const ref: string = node.$ref;
    if (!ref.startsWith('#/')) return undefined;
    let next: Json | undefined = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      next = isObject(next) && Object.hasOwn(next, key) ? next[key] : undefined;
    }
    node = next;
  }
  return isObject(node) ? node : undefined;
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
