import type { SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { stringify } from 'yaml';

/** The OpenAPI document as YAML (served at /api/openapi.yaml and printed by `portcullis openapi --yaml`). */
export function openApiYaml(document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/*
 * The document is written by the same code that enforces what it says: the
 * hooks below run when a route is added (onRoute), so a route's security and
 * error responses come from the scope it is registered in (the authentication
 * hook, the error handler) and cannot disagree with them.
 */

/** The credentials the server takes, as OpenAPI security schemes. */
export const SECURITY_SCHEMES = {
  accessKey: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'A Dashboard access key, as `Authorization: <key>` (Tyk style) or `Authorization: Bearer <key>`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'portcullis_session',
    description: 'The session cookie set by `POST /auth/password/login`. Unsafe methods must also send an Origin header naming this server.',
  },
  gatewaySecret: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Gateway-Secret',
    description: "A gateway's shared secret (PORTCULLIS_GATEWAY_SECRET), for analytics ingestion.",
  },
  adminAuth: {
    type: 'apiKey',
    in: 'header',
    name: 'admin-auth',
    description: "The Dashboard Admin API's secret (PORTCULLIS_ADMIN_SECRET, Tyk's admin_secret); without one configured the Admin API answers 404.",
  },
} as const;

export type SecurityScheme = keyof typeof SECURITY_SCHEMES;
/** One OpenAPI security requirement list: any one entry suffices; `{}` means "no credential". */
export type SecurityRequirements = Partial<Record<SecurityScheme, string[]>>[];

/** A public route: no credential. */
export const NO_CREDENTIAL: SecurityRequirements = [];

/**
 * Documents the security of every route later added to `app` (and its child
 * scopes). `override`: replace what a route declares (the scope enforces it);
 * otherwise only routes that declare nothing get it (the default of a surface).
 */
export function documentSecurity(app: FastifyInstance, security: SecurityRequirements, override = true): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema ?? {};
    if (!override && schema.security !== undefined) return;
    route.schema = { ...schema, security };
  });
}

/** The Dashboard's error body (`/api`, `/auth`): the Tyk envelope with Status "Error". */
export const DashboardError = Type.Object(
  {
    Status: Type.Literal('Error'),
    Message: Type.String({ description: 'What went wrong; a refused field is named first ("field: problem")' }),
    Meta: Type.Null(),
  },
  { $id: 'DashboardError', description: 'An error of the Dashboard API (Tyk `ApiResponse`)' },
);

/** The Developer Portal's error body (`/portal-api`, `/portal/api`): Tyk `StatusWithErrors`. */
export const PortalError = Type.Object(
  {
    status: Type.Literal('error'),
    errors: Type.Array(Type.String()),
  },
  { $id: 'PortalError', description: 'An error of the Developer Portal API (Tyk `StatusWithErrors`)' },
);

/** The error bodies a route documents, by route (set by documentErrors, read when the document is built). */
const errorSchemas = new WeakMap<object, string>();

/**
 * Documents the error responses (4XX, 5XX) of every route later added to `app`
 * with `schema`, the body the scope's error handler writes. The responses are
 * added to the document only, never to the route's response schemas: error
 * replies are not serialized through a schema.
 */
export function documentErrors(app: FastifyInstance, schema: TSchema): void {
  const name = componentOf(schema);
  app.addHook('onRoute', (route: RouteOptions) => {
    errorSchemas.set(route, name);
  });
}

/** The component name of a schema registered with app.addSchema: its `$id`. */
function componentOf(schema: TSchema): string {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new Error('a documented schema needs an $id');
  return id;
}

interface TransformInput {
  schema: FastifySchema | undefined;
  url: string;
  route: RouteOptions;
}

/** A wildcard route (`/posts/*`) is documented with a named path parameter: its name in the document. */
const WILDCARD_NAME = 'path';

/**
 * @fastify/swagger's per-route transform: adds the documented error responses
 * and names a wildcard parameter. Touches the document only.
 */
export function transformRoute({ schema, url, route }: TransformInput): { schema: FastifySchema; url: string } {
  const out: Record<string, unknown> = { ...(schema as Record<string, unknown> | undefined) };
  const error = errorSchemas.get(route);
  if (error && !out.hide) {
    const response = { ...((out.response as Record<string, unknown> | undefined) ?? {}) };
    response['4XX'] ??= { description: 'Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests', $ref: `${error}#` };
    response['5XX'] ??= { description: 'Server trouble (the body names the request id, never internals)', $ref: `${error}#` };
    out.response = response;
  }
  if (isObject(out.body)) out.body = markComponents(out.body);
  if (isObject(out.response)) out.response = Object.fromEntries(Object.entries(out.response).map(([status, r]) => [status, markComponents(r)]));
  if (url.endsWith('/*') && isObject(out.params) && isObject(out.params.properties) && '*' in out.params.properties) {
    const { '*': wildcard, ...rest } = out.params.properties;
    out.params = { ...out.params, properties: { ...rest, [WILDCARD_NAME]: wildcard }, required: [WILDCARD_NAME] };
    return { schema: out, url: `${url.slice(0, -1)}:${WILDCARD_NAME}` };
  }
  return { schema: out, url };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Component names: a schema's `$id` (TypeBox `{ $id: 'Api' }`), not the resolver's `def-N`. */
export function componentName(json: { $id?: unknown }, _baseUri: unknown, _fragment: unknown, i: number): string {
  return typeof json.$id === 'string' ? json.$id : `def-${i}`;
}

/*
 * Named schemas. A TypeBox schema with an `$id` (`{ $id: 'Api' }`) is a
 * component of the document wherever it appears in a body or a response, the
 * root included. The route transform renames `$id` to COMPONENT_KEY (so the
 * swagger plugin keeps the schema as it is), and the object transform moves
 * each marked schema to components.schemas and leaves a `$ref` in its place.
 */
const COMPONENT_KEY = 'x-portcullis-component';

/** A copy of a schema with every `$id` renamed to COMPONENT_KEY. */
function markComponents(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(markComponents);
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$id' && typeof v === 'string' && !v.startsWith('#')) out[COMPONENT_KEY] = v;
    else out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : markComponents(v);
  }
  return out;
}

/** Moves the marked schemas of a node to `components`, depth first; returns the node with `$ref`s. */
function hoistComponents(node: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => hoistComponents(n, components));
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== COMPONENT_KEY) out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : hoistComponents(v, components);
  const name = node[COMPONENT_KEY];
  if (typeof name !== 'string') return out;
  const existing = components[name];
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(out)) {
    throw new Error(`OpenAPI: two different schemas are named ${name}`);
  }
  components[name] = out;
  return { $ref: `#/components/schemas/${name}` };
}

/** @fastify/swagger's document transform: the marked schemas become components. */
export const transformDocument: SwaggerTransformObject = (input) => {
  if (!('openapiObject' in input)) return input.swaggerObject;
  const document = input.openapiObject;
  const components = { ...(document.components?.schemas ?? {}) } as Record<string, unknown>;
  const paths = hoistComponents(document.paths ?? {}, components) as typeof document.paths;
  const schemas = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  return { ...document, paths, components: { ...document.components, schemas } } as typeof document;
};

/**
 * A schema named as a component of the OpenAPI document (`#/components/schemas/<name>`).
 * The name is the schema's `$id`; validation ignores it (see http/validation.ts).
 */
export function named<T extends TSchema>(name: string, schema: T): T {
  // A copy with every property descriptor: TypeBox marks its schemas with
  // non-enumerable properties (`~kind`) that Partial, Omit and the rest read.
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(schema)) as T;
  Object.defineProperty(copy, '$id', { value: name, enumerable: true, writable: true, configurable: true });
  return copy;
}
