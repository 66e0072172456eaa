import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { SAME_ORIGIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser } from '../helpers/fixtures.js';
import { casesFor, operationsOf, seeded, urlOf, type FuzzCase, type OpenApiDocument, type Operation } from '../helpers/openapi-fuzz.js';
import { countChanges, rowCounter, type RowCounts } from '../helpers/row-counts.js';

/*
 * The whole HTTP surface, fuzzed from the app's own OpenAPI document: every
 * operation (a new route is covered without editing this file) is sent hostile
 * path ids, hostile query values, hostile values in each body field, and hostile
 * raw bodies (malformed, deep, oversized, wrong content type), with an
 * administrator's key, with no credentials, and (on the Live Portal's API) with a
 * consumer's session. Nothing may answer 5xx; a request that is not answered 2xx
 * must leave the row count of every table unchanged; bad input a caller is
 * allowed to send answers 4xx naming the field. Deterministic: a fixed seed
 * picks the field cases of the larger bodies.
 */

const BODY_LIMIT = 256 * 1024;
const SEED = 20240917;
const MAX_FIELD_CASES = 50;

type Credential = 'administrator' | 'anonymous' | 'consumer';

const ADMIN_SECRET = 'fuzz-admin-secret-0123456789';
const t: TestApp = await startTestApp({ PORTCULLIS_BODY_LIMIT: String(BODY_LIMIT), PORTCULLIS_OUTBOX_POLL_MS: '3600000', PORTCULLIS_ADMIN_SECRET: ADMIN_SECRET });
const root = await t.bootstrap();
const doc = dereferenced((await t.request('GET', '/api/openapi.json')).json() as OpenApiDocument & { components?: { schemas?: Record<string, unknown> } });
const counts = await rowCounter(t.store);

async function ok<T>(res: LightMyRequestResponse, what: string, status = 200): Promise<T> {
  if (res.statusCode !== status) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

// One object of every kind the paths name, so that valid ids reach the services.
const admin = (method: string, url: string, body?: unknown) => t.request(method, url, { key: root, body });
const dashboardUser = await createUser(t, root, 'fuzz-dashboard-user@example.com', { perms: { apis: 'read' } });
const group = await createGroup(t, root, 'Fuzz group', { apis: 'read' });
const api = await createApi(t, root, 'Fuzz API', '/fuzz-api/');
const oasApi = await ok<{ ID: string }>(
  await admin('POST', '/api/apis/oas', {
    openapi: '3.0.3',
    info: { title: 'Fuzz OAS', version: '1.0.0' },
    paths: {},
    'x-tyk-api-gateway': { info: { name: 'Fuzz OAS', state: { active: true } }, upstream: { url: 'http://127.0.0.1:9/' }, server: { listenPath: { value: '/fuzz-oas/', strip: true } } },
  }),
  'OAS API',
);
const policy = await ok<{ Message: string }>(await admin('POST', '/api/portal/policies', { name: 'Fuzz policy', access_rights: { [api.apiId]: { api_id: api.apiId } } }), 'policy');
const key = await ok<{ key_hash: string }>(await admin('POST', '/api/keys', { apply_policies: [policy.Message] }), 'key');
const catalogue = await ok<{ ID: number }>(await admin('POST', '/portal-api/catalogues', { Name: 'Fuzz catalogue', VisibilityStatus: 'Public' }), 'catalogue');
const plan = await ok<{ ID: number }>(await admin('POST', '/portal-api/plans', { Name: 'Fuzz plan', RateLimit: 5, Per: 1, Quota: 500, QuotaRenewalRate: 86400, Catalogues: [catalogue.ID] }), 'plan');
const product = await ok<{ ID: number }>(await admin('POST', '/portal-api/products', { Name: 'Fuzz product', APIDetails: [{ APIID: api.apiId }], Catalogues: [catalogue.ID] }), 'product', 201);
const guide = await ok<{ ID: number }>(await admin('POST', `/portal-api/products/${product.ID}/docs`, { Title: 'Fuzz guide', Content: 'text' }), 'guide', 201);
const post = await ok<{ ID: string | number }>(await admin('POST', '/portal-api/posts', { Title: 'Fuzz post', Path: 'fuzz-post', Content: 'text', Status: 'published' }), 'post', 201).catch(() => ({ ID: 1 }));
const page = await ok<{ ID: string | number }>(await admin('POST', '/portal-api/pages', { Title: 'Fuzz page', Path: 'fuzz-page', Content: 'text', Status: 'published' }), 'page', 201).catch(() => ({ ID: 1 }));
const organisation = await ok<{ ID: number }>(await admin('POST', '/portal-api/organisations', { Name: 'Fuzz organisation' }), 'organisation');
const team = await ok<{ ID: number }>(await admin('POST', `/portal-api/organisations/${organisation.ID}/teams`, { Name: 'Fuzz team' }), 'team');
const consumerPassword = 'fuzz-consumer-password-1';
await ok<{ ID: number }>(
  await admin('POST', '/portal-api/users', { First: 'Fuzz', Last: 'Consumer', Email: 'fuzz-consumer@example.com', Role: 'consumer-admin', OrganisationID: organisation.ID, Active: true, Password: consumerPassword }),
  'consumer',
);
const member = await ok<{ ID: number }>(
  await admin('POST', '/portal-api/users', { First: 'Fuzz', Last: 'Member', Email: 'fuzz-member@example.com', Role: 'consumer-team-member', OrganisationID: organisation.ID, Active: true, Password: consumerPassword }),
  'member',
);
const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'fuzz-consumer@example.com', password: consumerPassword } }))!;
const consumerApi = (method: string, url: string, body?: unknown) => t.request(method, url, { session, body, headers: SAME_ORIGIN });
const app = await ok<{ ID: number }>(await consumerApi('POST', '/portal/api/apps', { Name: 'Fuzz app' }), 'app');
const accessRequest = await ok<{ ID: number }>(await consumerApi('POST', '/portal/api/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: plan.ID }), 'access request');
await ok(await admin('PUT', `/portal-api/access_requests/${accessRequest.ID}/approve`), 'approval');
type Shown = { AccessRequests: { Credentials: { ID: number; Credential: string }[] }[] };
const credential = (await ok<Shown>(await consumerApi('GET', `/portal/api/apps/${app.ID}`), 'credential')).AccessRequests[0]!.Credentials[0]!;
const pendingRequest = await ok<{ ID: number }>(await consumerApi('POST', '/portal/api/access-requests', { AppID: app.ID, ProductID: product.ID, PlanID: plan.ID }), 'second request').catch(() => accessRequest);

/** The document with every `#/components/schemas/` reference replaced by its schema (the generator reads plain schemas). */
function dereferenced(document: OpenApiDocument & { components?: { schemas?: Record<string, unknown> } }): OpenApiDocument {
  const schemas = document.components?.schemas ?? {};
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) return resolve(schemas[ref.slice('#/components/schemas/'.length)]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
  };
  return { ...document, paths: resolve(document.paths) as OpenApiDocument['paths'] };
}

const RANGE: Record<string, string> = { startDay: '1', startMonth: '1', startYear: '2024', endDay: '31', endMonth: '12', endYear: '2024' };

/** A valid value for a path parameter: the fixture its path names. */
function paramValue(op: Operation, name: string): string {
  const path = op.path;
  if (name in RANGE) return RANGE[name]!;
  if (name === '*' || name === 'path') return 'fuzz-page';
  if (name === 'keyId') return key.key_hash;
  if (name === 'apiId') return path.startsWith('/api/apis/oas/') ? oasApi.ID : api.apiId;
  const byName: Record<string, string | number> = {
    productId: product.ID,
    docId: guide.ID,
    planId: plan.ID,
    catalogueId: catalogue.ID,
    organisationId: organisation.ID,
    teamId: team.ID,
    appId: app.ID,
    credentialId: credential.ID,
    requestId: pendingRequest.ID,
    userId: member.ID,
  };
  if (name in byName) return String(byName[name]);
  // `{id}`: the segment before it says what it is.
  const segment = path.slice(0, path.indexOf(`{${name}}`)).split('/').filter(Boolean).at(-1) ?? '';
  const bySegment: Record<string, string | number> = {
    users: dashboardUser.id,
    usergroups: group,
    policies: policy.Message,
    posts: post.ID,
    pages: page.ID,
    requests: pendingRequest.ID,
    approve: pendingRequest.ID,
  };
  return String(bySegment[segment] ?? 1);
}

/** Operations with a body limit of their own, above the app's: an oversized body reaches validation there. */
const OWN_BODY_LIMIT = new Set(['POST /api/analytics/records']);

/** Requests whose refusal is itself recorded: a failed sign-in is audited and counted. */
function refusalMayWrite(op: Operation, status: number): boolean {
  return op.name === 'POST /auth/password/login' && [401, 403, 429].includes(status);
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const operations = operationsOf(doc).sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
const random = seeded(SEED);
const oversizedBody = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 100) });
const planned = operations.map((op) => ({ op, cases: casesFor(op, { paramValue, oversizedBody, maxFieldCases: MAX_FIELD_CASES, random }) }));

function send(op: Operation, c: FuzzCase, credential: Credential): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...SAME_ORIGIN };
  if (c.body) headers['content-type'] = c.body.contentType;
  // The Dashboard Admin API's administrator holds the admin secret.
  if (credential === 'administrator' && op.path.startsWith('/admin/')) headers['admin-auth'] = ADMIN_SECRET;
  return t.request(op.method, urlOf(op, c), {
    ...(credential === 'administrator' ? { key: root } : {}),
    ...(credential === 'consumer' ? { session } : {}),
    ...(c.body ? { body: c.body.text } : {}),
    headers,
  });
}

const messageOf = (res: LightMyRequestResponse): string => {
  try {
    return JSON.stringify(res.json());
  } catch {
    return res.body.slice(0, 300);
  }
};

afterAll(async () => {
  await t.close();
});

describe('fuzzing every operation of /api/openapi.json', () => {
  it('covers every operation, and the row counts see a write', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const before = await counts();
    await ok(await admin('POST', '/api/usergroups', { name: 'Counted group' }), 'control write');
    expect(countChanges(before, await counts())).not.toEqual([]);
  });

  it.each(planned.map((p) => [p.op.name, p] as const))('%s', async (_name, { op, cases }) => {
    const failures: string[] = [];
    const credentials: Credential[] = op.path.startsWith('/portal/api') ? ['administrator', 'anonymous', 'consumer'] : ['administrator', 'anonymous'];
    let last: RowCounts;
    for (const credential of credentials) {
      // Whether this caller reaches validation at all (otherwise only the no-5xx, no-write rules apply).
      const probe = op.body ? { ...cases[0]!, body: { text: '{"oops":', contentType: 'application/json' } } : cases[0]!;
      const probeStatus = (await send(op, probe, credential)).statusCode;
      const reachesValidation = probeStatus !== 401 && probeStatus !== 403;
      last = await counts();
      for (const c of cases) {
        // A caller turned away before validation meets the raw bodies (nothing may be parsed or written for them), not every field.
        if (!reachesValidation && !c.label.startsWith('body:')) continue;
        const res = await send(op, c, credential);
        const where = `${op.name} [${credential}] ${c.label}`;
        const now = await counts();
        if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${messageOf(res)}`);
        else if (res.statusCode >= 300 && !refusalMayWrite(op, res.statusCode)) {
          const changed = countChanges(last, now);
          if (changed.length > 0) failures.push(`${where}: answered ${res.statusCode} but wrote (${changed.join(', ')})`);
        }
        const ownLimit = c.label === 'body: oversized' && credential !== 'anonymous' && OWN_BODY_LIMIT.has(op.name);
        if (reachesValidation && c.expect && !ownLimit) {
          if (res.statusCode !== c.expect.status) failures.push(`${where}: expected ${c.expect.status}, got ${res.statusCode} ${messageOf(res).slice(0, 200)}`);
          else if (c.expect.mentions && !messageOf(res).includes(c.expect.mentions)) failures.push(`${where}: the reply does not name ${c.expect.mentions}: ${messageOf(res).slice(0, 200)}`);
        }
        last = now;
      }
    }
    // The fuzzing must not have locked the suite out: the administrator's key and the consumer's session still work.
    expect((await t.request('GET', '/api/users/me', { key: root })).statusCode, `${op.name} broke the administrator's key`).toBe(200);
    expect((await consumerApi('GET', '/portal/api/me')).statusCode, `${op.name} broke the consumer's session`).toBe(200);
    expect(failures, `${failures.length} of ${cases.length} cases failed`).toEqual([]);
  });
});
