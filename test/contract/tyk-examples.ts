import { afterAll, expect } from 'vitest';
import { isObject, problems, type Json, type JsonObject, type Reference } from './tyk-reference.js';

/*
 * Contract-test helper: checks real Portcullis responses against the *examples*
 * of the Tyk descriptions, not only against their schemas. Tyk's response
 * schemas mark almost no field as required, so a schema check passes an answer
 * that lost half its fields; the examples show what Tyk really sends.
 *
 * The check (`shapeDifferences`): every top-level key of the example is in our
 * answer with the same JSON type (null, boolean, number, string, array,
 * object); where the example is a list, or a top-level key holds a list of
 * objects, the first element's keys and types as well. Extra keys in our answer
 * are fine; a null in the example says nothing about the type. Where Tyk gives
 * several examples for one response, the answer must match one of them.
 *
 * How to use it in a contract suite (inside `describeContract`):
 *
 *   const examples = exampleChecks(ref, 'portal users contract');
 *   examples.check('GET', '/users/{user_id}', res.statusCode, res.json());
 *
 * `check` also records the operation; when the suite ends, the operations it
 * checked must be exactly those CONTRACT_OPERATIONS declares for it, which is
 * what the coverage test (coverage.contract.test.ts) counts as exercised.
 *
 * Differences that are not failures are listed below with their reason, never
 * skipped silently: deliberate differences (docs/differences-from-tyk.md), Tyk-only
 * fields Portcullis keeps only when a client sends them, and known gaps
 * (KNOWN_GAPS).
 */

/** `METHOD path` as the Tyk description names the operation (portal paths relative to /portal-api). */
export type Operation = string;

/** An example of one response as the description gives it. */
export interface Example {
  /** Where it comes from: `example`, `examples/<name>`, `schema example`. */
  name: string;
  value: Json;
}

const RESPONSE_REF = /^#\/components\/responses\/(.+)$/;
const EXAMPLE_REF = /^#\/components\/examples\/(.+)$/;
const SCHEMA_REF = /^#\/components\/schemas\/(.+)$/;

function component(ref: Reference, kind: string, pointer: Json | undefined, pattern: RegExp): JsonObject | undefined {
  const name = typeof pointer === 'string' ? pattern.exec(pointer)?.[1] : undefined;
  const components = ref.document.components;
  const all = isObject(components) ? components[kind] : undefined;
  const found = name !== undefined && isObject(all) ? all[name] : undefined;
  return isObject(found) ? found : undefined;
}

/** The example at schema level: on the schema itself, on the component it refers to, or (for a list) on its items. */
function schemaExample(ref: Reference, schema: Json | undefined): Json | undefined {
  if (!isObject(schema)) return undefined;
  if (schema.example !== undefined) return schema.example;
  const target = component(ref, 'schemas', schema.$ref, SCHEMA_REF);
  if (target) return schemaExample(ref, target);
  if (schema.type === 'array') {
    const item = schemaExample(ref, schema.items);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

/**
 * Tyk's examples for one documented response: `examples` (following `$ref`s to
 * components/examples) and `example` of the media type, else the schema's example.
 */
export function examplesOf(ref: Reference, method: string, path: string, status: number, mediaType = 'application/json'): Example[] {
  const paths = ref.document.paths;
  const item = isObject(paths) ? paths[path] : undefined;
  const operation = isObject(item) ? item[method.toLowerCase()] : undefined;
  const responses = isObject(operation) ? operation.responses : undefined;
  let response = isObject(responses) ? responses[String(status)] : undefined;
  if (isObject(response) && typeof response.$ref === 'string') response = component(ref, 'responses', response.$ref, RESPONSE_REF);
  const content = isObject(response) ? response.content : undefined;
  const media = isObject(content) ? content[mediaType] : undefined;
  if (!isObject(media)) return [];
  const out: Example[] = [];
  if (isObject(media.examples)) {
    for (const [name, entry] of Object.entries(media.examples)) {
      const resolved = isObject(entry) && typeof entry.$ref === 'string' ? component(ref, 'examples', entry.$ref, EXAMPLE_REF) : entry;
      if (isObject(resolved) && resolved.value !== undefined) out.push({ name: `examples/${name}`, value: resolved.value });
    }
  }
  if (media.example !== undefined) out.push({ name: 'example', value: media.example });
  if (out.length > 0) return out;
  const fromSchema = schemaExample(ref, media.schema);
  return fromSchema === undefined ? [] : [{ name: 'schema example', value: fromSchema }];
}

type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
const kindOf = (x: unknown): Kind => (x === null || x === undefined ? 'null' : Array.isArray(x) ? 'array' : (typeof x as Kind));

/** The keys of `example` that `actual` lacks or holds with another type, one level deep. */
function keyDifferences(example: JsonObject, actual: Record<string, unknown>, at: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(example)) {
    const where = `${at}/${key}`;
    if (!(key in actual)) {
      out.push(`${where} missing`);
      continue;
    }
    const want = kindOf(value);
    const got = kindOf(actual[key]);
    if (want !== 'null' && got !== want) out.push(`${where} is ${got}, Tyk's example has ${want}`);
  }
  return out;
}

/** The first element of two lists, compared key by key when the example's is an object. */
function firstElementDifferences(example: Json[], actual: unknown[], at: string): string[] {
  const [want] = example;
  if (!isObject(want) || actual.length === 0) return [];
  const got: unknown = actual[0];
  if (kindOf(got) !== 'object') return [`${at}/0 is ${kindOf(got)}, Tyk's example has object`];
  return keyDifferences(want, got as Record<string, unknown>, `${at}/0`);
}

/**
 * How `actual` differs in shape from one example: the example's top-level keys
 * with their JSON types, and the first element of lists of objects. [] when it matches.
 */
export function shapeDifferences(example: Json, actual: unknown): string[] {
  const want = kindOf(example);
  const got = kindOf(actual);
  if (want === 'null') return [];
  if (want !== got) return [`(root) is ${got}, Tyk's example has ${want}`];
  if (Array.isArray(example)) return firstElementDifferences(example, actual as unknown[], '');
  if (!isObject(example)) return [];
  const object = actual as Record<string, unknown>;
  const out = keyDifferences(example, object, '');
  for (const [key, value] of Object.entries(example)) {
    const mine = object[key];
    if (Array.isArray(value) && Array.isArray(mine)) out.push(...firstElementDifferences(value, mine, `/${key}`));
  }
  return out;
}

/** The differences from the closest of several examples ([] when one matches). */
export function closestDifferences(examples: Example[], actual: unknown): { example: string; differences: string[] } {
  let best: { example: string; differences: string[] } | undefined;
  for (const e of examples) {
    const differences = shapeDifferences(e.value, actual);
    if (!best || differences.length < best.differences.length) best = { example: e.name, differences };
  }
  return best ?? { example: '(none)', differences: [] };
}

/**
 * Differences kept on purpose, each with its reason (docs/differences-from-tyk.md).
 * Keyed by operation, then by the difference's place (`/key` or `/list/0/key`).
 */
export const DELIBERATE_DIFFERENCES: Record<Operation, Record<string, string>> = {
  'POST /api/users': {
    '/Meta':
      "Tyk's documented answer (its Dashboard API docs; provisioning scripts read Meta.access_key) carries the new user with its access key in Meta; the file's example shows an id there",
  },
  'GET /api/users/{userId}': {
    '/access_key': 'Access keys are shown once: a viewer other than the user and administrators sees no access_key (differences-from-tyk.md, Secrets)',
  },
};

/**
 * Keys of Tyk's examples that name Tyk-only fields Portcullis keeps only when a
 * client sends them (a policy made without them answers without them). Keyed
 * like DELIBERATE_DIFFERENCES; empty while the suite sends every such field.
 */
export const TYK_ONLY_FIELDS: Record<Operation, Record<string, string>> = {};

/**
 * Differences not yet closed, each with the reason. Keyed like DELIBERATE_DIFFERENCES.
 */
export const KNOWN_GAPS: Record<Operation, Record<string, string>> = {
  'GET /api/apis/oas/{apiId}': {
    '/servers':
      "Tyk adds the API's gateway URL to the document's servers when it stores an OAS API; Portcullis keeps the document as sent ",
  },
};

/** The operations each contract suite checks against the examples; the coverage test counts these as exercised. */
const DASHBOARD = 'dashboard-swagger.yml';
const PORTAL = 'enterprise-developer-portal-swagger.yaml';
export const CONTRACT_OPERATIONS: Record<string, { file: string; operations: Operation[] }> = {
  'Tyk Dashboard Admin contract': {
    file: 'dashboard-admin-swagger.yml',
    operations: ['GET /admin/organisations', 'GET /admin/organisations/{orgID}', 'GET /admin/users/{userId}', 'POST /admin/users', 'PUT /admin/users/{userId}'],
  },
  'Tyk Dashboard contract': {
    file: DASHBOARD,
    operations: [
      'DELETE /api/apis/oas/{apiId}',
      'DELETE /api/apis/{apiID}/keys/{keyID}',
      'GET /api/activity/keys/{keyHash}/{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}',
      'GET /api/activity/mcp/keys/{keyId}/{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}',
      'GET /api/activity/mcp/primitives/errors/{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}',
      'GET /api/activity/mcp/primitives/{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}',
      'GET /api/apis/{apiID}/keys/{keyID}',
      'GET /api/keys/detailed',
      'PATCH /api/apis/oas/{apiId}',
      'POST /api/apis/oas/import',
      'DELETE /api/apis/{apiId}',
      'DELETE /api/keys/{keyId}',
      'DELETE /api/portal/policies/{id}',
      'DELETE /api/usergroups/{groupId}',
      'DELETE /api/users/{userId}',
      'GET /api/apis',
      'GET /api/apis/oas/{apiId}',
      'GET /api/apis/search',
      'GET /api/apis/{apiID}/access',
      'GET /api/apis/{apiID}/keys',
      'GET /api/apis/{apiId}',
      'GET /api/audit-logs',
      'GET /api/audit-logs/{audit-log-id}',
      'GET /api/keys/{keyId}',
      'GET /api/portal/policies',
      'GET /api/portal/policies/search',
      'GET /api/portal/policies/{id}',
      'GET /api/usergroups',
      'GET /api/usergroups/{groupId}',
      'GET /api/users',
      'GET /api/users/me',
      'GET /api/users/{userId}',
      'POST /api/apis',
      'POST /api/apis/oas',
      'POST /api/keys',
      'POST /api/portal/policies',
      'POST /api/usergroups',
      'POST /api/users',
      'POST /api/users/search',
      'POST /api/users/{userId}/actions/reset',
      'PUT /api/apis/oas/{apiId}',
      'PUT /api/apis/{apiID}/access',
      'PUT /api/apis/{apiId}',
      'PUT /api/keys/{keyId}',
      'PUT /api/portal/policies/{id}',
      'PUT /api/usergroups/{groupId}',
      'PUT /api/users/{userId}',
      'PUT /api/users/{userId}/actions/key/reset',
      'PUT /api/users/{userId}/actions/revoke',
    ],
  },
  'portal apps and access requests contract': {
    file: PORTAL,
    operations: [
      'DELETE /access_requests/{access_request_id}',
      'DELETE /apps/{app_id}',
      'GET /access_requests',
      'GET /access_requests/{access_request_id}',
      'GET /apps',
      'GET /apps/{app_id}',
      'PUT /access_requests/{access_request_id}/approve',
      'PUT /access_requests/{access_request_id}/reject',
      'PUT /apps/{app_id}',
      'PUT /apps/{app_id}/access-requests/{access-request_id}/credentials/{credential_id}/rotate',
    ],
  },
  'portal OAuth providers contract': {
    file: PORTAL,
    operations: [
      'DELETE /oauth-providers/{provider_id}',
      'DELETE /oauth-providers/{provider_id}/client-types/{client_type_id}',
      'DELETE /products/{product_id}/client_types/{client_type_id}',
      'GET /oauth-providers',
      'GET /oauth-providers/{provider_id}',
      'GET /oauth-providers/{provider_id}/client-types',
      'GET /oauth-providers/{provider_id}/client-types/{client_type_id}',
      'GET /products/{product_id}/client_types',
      'GET /products/{product_id}/client_types/{client_type_id}',
      'POST /oauth-providers',
      'POST /oauth-providers/{provider_id}/client-types',
      'POST /products/{product_id}/client_types',
      'PUT /oauth-providers/{provider_id}',
      'PUT /oauth-providers/{provider_id}/client-types/{client_type_id}',
    ],
  },
  'portal catalogue contract': {
    file: PORTAL,
    operations: [
      'DELETE /catalogues/{catalogue_id}',
      'DELETE /plans/{plan_id}',
      'DELETE /products/{product_id}',
      'DELETE /products/{product_id}/docs/{doc_id}',
      'GET /catalogues',
      'GET /catalogues/{catalogue_id}',
      'GET /plans',
      'GET /plans/{plan_id}',
      'GET /products',
      'GET /products/{product_id}',
      'GET /products/{product_id}/api-details',
      'GET /products/{product_id}/api-details/{api-id}',
      'GET /products/{product_id}/docs',
      'GET /products/{product_id}/docs/{doc_id}',
      'POST /catalogues',
      'POST /plans',
      'POST /products',
      'POST /products/{product_id}/docs',
      'PUT /catalogues/{catalogue_id}',
      'PUT /plans/{plan_id}',
      'PUT /products/{product_id}',
      'PUT /products/{product_id}/api-details/{api-id}',
      'PUT /products/{product_id}/docs/{doc_id}',
    ],
  },
  'portal posts and pages contract': {
    file: PORTAL,
    operations: [
      'DELETE /pages/{page_id}',
      'DELETE /posts/{post_id}',
      'GET /pages',
      'GET /pages/{page_id}',
      'GET /posts',
      'GET /posts/{post_id}',
      'POST /pages',
      'POST /posts',
      'PUT /pages/{page_id}',
      'PUT /posts/{post_id}',
    ],
  },
  'portal SSO profiles contract': {
    file: PORTAL,
    operations: ['DELETE /sso_profiles/{profile_id}', 'GET /sso_profiles', 'GET /sso_profiles/{profile_id}', 'POST /sso_profiles', 'PUT /sso_profiles/{profile_id}'],
  },
  'portal users contract': {
    file: PORTAL,
    operations: [
      'DELETE /organisations/{organisation_id}',
      'DELETE /organisations/{organisation_id}/teams/{team_id}',
      'DELETE /users/{user_id}',
      'GET /organisations',
      'GET /organisations/{organisation_id}',
      'GET /organisations/{organisation_id}/teams',
      'GET /organisations/{organisation_id}/teams/{team_id}',
      'GET /users',
      'GET /users/{user_id}',
      'POST /organisations',
      'POST /organisations/{organisation_id}/teams',
      'POST /users',
      'PUT /organisations/{organisation_id}',
      'PUT /organisations/{organisation_id}/teams/{team_id}',
      'PUT /users/{user_id}',
    ],
  },
};

/**
 * Places whose keys are names the client chose, not fields (e.g. an OAS
 * document's security requirements name its own schemes): the example's keys
 * there say nothing about ours, so differences under them are not counted.
 */
const NAMED_BY_THE_CLIENT = ['/security/0/'];

const placeOf = (difference: string) => difference.split(' ')[0]!;
const namedByTheClient = (difference: string) => NAMED_BY_THE_CLIENT.some((p) => placeOf(difference).startsWith(p));

/**
 * The example check of one contract suite: `check` asserts that an answer has
 * the shape of Tyk's example(s) for that operation and status, apart from the
 * differences listed above with their reasons.
 */
export function exampleChecks(ref: Reference, suite: string) {
  const checked = new Set<Operation>();
  afterAll(() => {
    const declared = CONTRACT_OPERATIONS[suite];
    expect(declared?.file, `CONTRACT_OPERATIONS declares the suite "${suite}"`).toBe(ref.file);
    expect([...checked].sort(), `the operations "${suite}" checks are those CONTRACT_OPERATIONS declares`).toEqual([...(declared?.operations ?? [])].sort());
  });
  return {
    /** Checks one answer; returns the differences that are allowed (for the test's own assertions). */
    check(method: string, path: string, status: number, body: unknown): string[] {
      const operation = `${method.toUpperCase()} ${path}`;
      checked.add(operation);
      const examples = examplesOf(ref, method, path, status);
      const { example, differences: all } = closestDifferences(examples, body);
      const differences = all.filter((d) => !namedByTheClient(d));
      const where = `${operation} → ${status} against Tyk's ${example}`;
      const allowed = { ...DELIBERATE_DIFFERENCES[operation], ...TYK_ONLY_FIELDS[operation], ...KNOWN_GAPS[operation] };
      const unexplained = differences.filter((d) => allowed[placeOf(d)] === undefined);
      expect.soft(unexplained, `${where}: ${JSON.stringify(body).slice(0, 500)}`).toEqual([]);
      return differences.filter((d) => allowed[placeOf(d)] !== undefined);
    },
  };
}

/** How a suite sends one request: its answer's status, body text and JSON. */
type Send = (method: string, url: string, body?: unknown) => Promise<{ statusCode: number; body: string; json(): unknown }>;

/**
 * A 200 answer checked against the schema Tyk documents for that path and
 * against its examples (`checks` from exampleChecks); returns the JSON body.
 */
export function documentedAnswers(ref: Reference, checks: ReturnType<typeof exampleChecks>, send: Send) {
  return async (method: string, url: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await send(method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    expect(ref.documents(method, path, 200), `${method} ${path} documents 200`).toBe(true);
    const json = res.json() as Record<string, unknown>;
    expect(problems(ref.response(method, path, 200), json), `${method} ${url}`).toEqual([]);
    checks.check(method, path, 200, json);
    return json;
  };
}
