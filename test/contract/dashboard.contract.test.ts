import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser } from '../helpers/fixtures.js';
import { closestDifferences, documentedAnswers, exampleChecks, examplesOf, shapeDifferences } from './tyk-examples.js';
import { describeContract, loadReference, problems } from './tyk-reference.js';

/*
 * Real Dashboard API responses, validated against the published Tyk schemas
 * (components/schemas of dashboard-swagger.yml, and the schema each documented
 * path gives for the status we answer with).
 */

const FILE = 'dashboard-swagger.yml';
/** The fields issue 2 promises on each object; the Tyk schemas require almost none, so their presence is checked here. */
const USER_FIELDS = ['id', 'first_name', 'last_name', 'email_address', 'active', 'user_permissions', 'group_id', 'role', 'created_at', 'password_change_required'];
const GROUP_FIELDS = ['id', 'name', 'description', 'active', 'user_permissions'];
const AUDIT_FIELDS = ['_id', 'date', 'timestamp', 'ip', 'user', 'action', 'method', 'url', 'status'];

describeContract(FILE, 'Tyk reference loader', (ref) => {

  it('compiles every schema of the document', () => {
    expect(ref.version).toMatch(/^3\.0\./);
    const failed = ref.schemaNames().filter((name) => {
      try {
        ref.schema(name);
        return false;
      } catch {
        return true;
      }
    });
    expect(ref.schemaNames().length).toBeGreaterThan(100);
    expect(failed).toEqual([]);
  });

  it('has teeth: wrong types, bad formats and wrong nested objects fail; nullable admits null', () => {
    const user = { first_name: 'a', last_name: 'b', email_address: 'a@example.com', user_permissions: { apis: 'read' } };
    expect(problems(ref.schema('User'), user)).toEqual([]);
    expect(problems(ref.schema('User'), { ...user, active: 'yes' })).not.toEqual([]);
    expect(problems(ref.schema('User'), { ...user, created_at: 'yesterday' })).not.toEqual([]);
    expect(problems(ref.schema('User'), { ...user, user_permissions: { apis: 1 } })).not.toEqual([]);
    expect(problems(ref.schema('User'), { first_name: 'a' })).not.toEqual([]);
    expect(problems(ref.schema('Users'), { users: null, pages: 1 })).toEqual([]);
    expect(problems(ref.schema('Users'), { users: [{ ...user, id: 7 }], pages: 1 })).not.toEqual([]);
    expect(problems(ref.schema('UserGroups'), { groups: [{ name: 'g', active: 'no' }], pages: 1 })).not.toEqual([]);
    expect(problems(ref.schema('ApiResponse'), { Status: 'OK', Message: 3, Meta: null })).not.toEqual([]);
    expect(problems(ref.schema('AuditLogs'), { audit_logs: [{ _id: 1 }], pages: 1 })).not.toEqual([]);
    // The documented response of a path resolves to the same component.
    expect(problems(ref.response('GET', '/api/users/{userId}', 200), { ...user, id: 7 })).not.toEqual([]);
    expect(ref.documents('GET', '/api/users', 200)).toBe(true);
    expect(ref.documents('GET', '/api/no-such-path', 200)).toBe(false);
    expect(() => ref.schema('NoSuchSchema')).toThrow(/NoSuchSchema/);
  });

  it('finds Tyk\'s examples and compares shapes, with teeth', () => {
    // A media-type example, $ref'd examples under components, and none where Tyk gives none.
    const [user] = examplesOf(ref, 'GET', '/api/users/{userId}', 200);
    expect(user?.value).toMatchObject({ email_address: expect.any(String), last_login_date: expect.any(String) });
    expect(examplesOf(ref, 'GET', '/api/portal/policies', 200).map((e) => e.name)).toEqual(['examples/policiesExample']);
    expect(examplesOf(ref, 'GET', '/api/no-such-path', 200)).toEqual([]);
    const example = { id: 'a', active: true, pages: 1, tags: ['x'], meta: {}, gone: null, users: [{ id: 'u', n: 1 }] };
    const same = { id: 'b', active: false, pages: 3, tags: [], meta: { k: 1 }, gone: 'anything', users: [{ id: 'v', n: 2, extra: true }], more: 1 };
    expect(shapeDifferences(example, same)).toEqual([]);
    expect(shapeDifferences(example, { ...same, active: 'yes', pages: '1' })).toEqual(["/active is string, Tyk's example has boolean", "/pages is string, Tyk's example has number"]);
    const withoutTags = Object.fromEntries(Object.entries(same).filter(([k]) => k !== 'tags'));
    expect(shapeDifferences(example, { ...withoutTags, meta: null })).toEqual(['/tags missing', "/meta is null, Tyk's example has object"]);
    expect(shapeDifferences(example, { ...same, users: [{ id: 7 }] })).toEqual(["/users/0/id is number, Tyk's example has string", '/users/0/n missing']);
    expect(shapeDifferences([{ ID: 1 }], [{ ID: '1' }])).toEqual(["/0/ID is string, Tyk's example has number"]);
    expect(shapeDifferences({ a: 1 }, [{ a: 1 }])).toEqual(["(root) is array, Tyk's example has object"]);
    // Several examples: the closest one counts.
    expect(closestDifferences([{ name: 'one', value: { a: 1, b: 2 } }, { name: 'two', value: { c: 'x' } }], { c: 'y' })).toEqual({ example: 'two', differences: [] });
  });

  it('loads the Developer Portal description (OpenAPI 3.1) too, with teeth', () => {
    const portal = loadReference('enterprise-developer-portal-swagger.yaml');
    expect(portal.version).toMatch(/^3\.1\./);
    expect(portal.schemaNames().length).toBeGreaterThan(100);
    for (const name of portal.schemaNames()) expect(() => portal.schema(name), name).not.toThrow();
    const at = '2026-01-02 03:04';
    const samples: [schema: string, good: Record<string, unknown>, bad: Record<string, unknown>[]][] = [
      ['Catalogue-show', { ID: 1, Name: 'Public', CreatedAt: at, UpdatedAt: at, Plans: ['Free'], VisibilityStatus: 'Public' }, [{ ID: '1' }, { CreatedAt: '2026-01-02T03:04:05Z' }, { VisibilityStatus: 'Hidden' }, { Plans: [1] }]],
      ['Plan-show', { ID: 2, Name: 'Free', DisplayName: 'Free plan', AutoApproveAccessRequests: true, Catalogues: ['Public'] }, [{ ID: 2.5 }, { AutoApproveAccessRequests: 'yes' }, { Catalogues: 'Public' }]],
      ['User-basis', { Active: true, Email: 'a@example.com', First: 'A', Last: 'B', OrganisationID: 1, Role: 'consumer-admin' }, [{ Active: 'true' }, { OrganisationID: '1' }]],
      ['Post-show', { ID: '3', Title: 'Hello', Lede: 'l', Content: '# Hi', Status: 'published', Path: 'hello', CreatedAt: at, UpdatedAt: at }, [{ ID: 3 }, { Title: 5 }, { UpdatedAt: '2026-01-02' }, { Tags: ['x'] }]],
    ];
    for (const [schema, good, bads] of samples) {
      expect(problems(portal.schema(schema), good), schema).toEqual([]);
      for (const bad of bads) expect(problems(portal.schema(schema), { ...good, ...bad }), `${schema} ${JSON.stringify(bad)}`).not.toEqual([]);
    }
    // Documented responses, including the 201 of a created post and a $ref'd error body.
    expect(portal.documents('POST', '/posts', 201)).toBe(true);
    expect(portal.documents('POST', '/posts', 200)).toBe(false);
    expect(problems(portal.response('GET', '/pages/{page_id}', 200), { ID: 'one' })).not.toEqual([]);
    expect(problems(portal.response('DELETE', '/posts/{post_id}', 404), { errors: ['Post not found'], status: 'error' })).toEqual([]);
  });
});

describeContract(FILE, 'Tyk Dashboard contract', (ref) => {
  let t: TestApp;
  let root: string;
  let userId: string;
  let groupId: string;
  let apiId: string;
  let keyHash: string;
  let policyId: string;
  const examples = exampleChecks(ref, 'Tyk Dashboard contract');

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_BODY_LIMIT: '4096', PORTCULLIS_LOGIN_MAX_FAILURES: '3' });
    root = await t.bootstrap();
    groupId = await createGroup(t, root, 'Devs', { apis: 'write', analytics: 'read' });
    userId = (await createUser(t, root, 'dev@example.com', { groupId })).id;
    apiId = (await createApi(t, root, 'Contract API', '/contract/')).apiId;
    await t.request('PUT', `/api/apis/${apiId}/access`, { key: root, body: { userIds: [userId], userGroupIds: [groupId] } });
    const policy = await t.request('POST', '/api/portal/policies', {
      key: root,
      body: {
        name: 'P',
        rate: 10,
        per: 60,
        access_rights: { [apiId]: { api_id: apiId, versions: ['Default'], allowed_urls: [{ url: '/x', methods: ['GET'] }] } },
        // Tyk fields Portcullis keeps without acting on them (values from Tyk's examples): the answers show them as Tyk's do.
        hmac_enabled: false,
        is_inactive: false,
        max_query_depth: -1,
        partitions: { acl: true, complexity: false, per_api: false, quota: true, rate_limit: true },
        smoothing: { delay: 30, enabled: false, step: 100, threshold: 500, trigger: 0.8 },
        throttle_interval: 10,
        throttle_retry_limit: 10,
      },
    });
    policyId = policy.json().Message as string;
    const key = await t.request('POST', '/api/keys', { key: root, body: { alias: 'k', apply_policies: [policyId] } });
    keyHash = key.json().key_hash as string;
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Checks one reply against a component schema and, when given, against the
   * schema the document gives for that path and status and against Tyk's
   * examples for it.
   */
  function conforms(res: LightMyRequestResponse, schema: string, documented?: [method: string, path: string]) {
    const body: unknown = res.json();
    expect(problems(ref.schema(schema), body), `${res.statusCode} ${res.body} against ${schema}`).toEqual([]);
    if (documented) {
      const [method, path] = documented;
      expect(ref.documents(method, path, res.statusCode), `${method} ${path} documents ${res.statusCode}`).toBe(true);
      expect(problems(ref.response(method, path, res.statusCode), body), `${method} ${path} → ${res.statusCode}`).toEqual([]);
      examples.check(method, path, res.statusCode, body);
    }
    return body as Record<string, unknown>;
  }

  const valid = async (schema: string, method: string, url: string, body?: unknown, documented?: string) => {
    const res = await t.request(method, url, { key: root, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    conforms(res, schema, documented ? [method, documented] : undefined);
    return res;
  };

  /** A 200 reply checked against the schema Tyk documents for that path, and against its examples. */
  const documented = documentedAnswers(ref, examples, (method, url, body) => t.request(method, url, { key: root, body }));

  const hasFields = (value: unknown, fields: string[]) => {
    expect(typeof value === 'object' && value !== null, JSON.stringify(value)).toBe(true);
    expect(Object.keys(value as object)).toEqual(expect.arrayContaining(fields));
  };

  const okReply = (res: LightMyRequestResponse, message: string) => {
    expect(res.json()).toMatchObject({ Status: 'OK', Message: message });
  };

  it('users: list, one, me, search', async () => {
    const list = (await valid('Users', 'GET', '/api/users', undefined, '/api/users')).json();
    expect(Object.keys(list).sort()).toEqual(['pages', 'users']);
    expect(list.users.length).toBeGreaterThan(1);
    for (const u of list.users as unknown[]) hasFields(u, USER_FIELDS);
    expect((await valid('Users', 'GET', '/api/users?p=-1', undefined, '/api/users')).json().users.length).toBe(list.users.length);

    const one = (await valid('User', 'GET', `/api/users/${userId}`, undefined, '/api/users/{userId}')).json();
    hasFields(one, USER_FIELDS);
    expect(one).toMatchObject({ id: userId, email_address: 'dev@example.com', group_id: groupId, role: 'dashboard-user' });

    const me = (await valid('User', 'GET', '/api/users/me', undefined, '/api/users/me')).json();
    hasFields(me, USER_FIELDS);
    expect(me).toMatchObject({ email_address: ADMIN.email, role: 'super-admin' });

    const found = (await valid('Users', 'POST', '/api/users/search', { filters: { query: 'dev' } }, '/api/users/search')).json();
    expect(found.users.map((u: { email_address: string }) => u.email_address)).toEqual(['dev@example.com']);
    const none = (await valid('Users', 'POST', '/api/users/search', { filters: { query: 'nobody-matches-this' } }, '/api/users/search')).json();
    expect(none.users).toEqual([]);

    // The user as seen by a non-administrator (no access key hint) still conforms.
    const reader = await createUser(t, root, 'reader@example.com', { perms: { users: 'read' } });
    const seen = await t.request('GET', `/api/users/${userId}`, { key: reader.key });
    expect(seen.statusCode).toBe(200);
    hasFields(conforms(seen, 'User', ['GET', '/api/users/{userId}']), USER_FIELDS);
  });

  it('users: create, update, key reset, password change, revoke and delete replies', async () => {
    const created = await valid(
      'ApiResponse',
      'POST',
      '/api/users',
      { first_name: 'C', last_name: 'T', email_address: 'ct@example.com', password: 'contract-pass-1', user_permissions: { apis: 'read' } },
      '/api/users',
    );
    okReply(created, 'User created');
    const meta = created.json().Meta as Record<string, unknown>;
    expect(problems(ref.schema('User'), meta)).toEqual([]);
    hasFields(meta, [...USER_FIELDS, 'access_key']);
    const id = meta.id as string;

    okReply(await valid('ApiResponse', 'PUT', `/api/users/${id}`, { first_name: 'Changed' }, '/api/users/{userId}'), 'User updated');
    expect(problems(ref.schema('User'), (await t.request('PUT', `/api/users/${id}`, { key: root, body: { last_name: 'L' } })).json().Meta)).toEqual([]);

    const reset = await valid('ApiResponse', 'PUT', `/api/users/${id}/actions/key/reset`, undefined, '/api/users/{userId}/actions/key/reset');
    expect(typeof reset.json().Meta.access_key).toBe('string');
    const pw = await valid('ApiResponse', 'POST', `/api/users/${id}/actions/reset`, { new_password: 'contract-pass-2' }, '/api/users/{userId}/actions/reset');
    expect(typeof pw.json().Meta.access_key).toBe('string');
    okReply(await valid('ApiResponse', 'PUT', `/api/users/${id}/actions/revoke`, undefined, '/api/users/{userId}/actions/revoke'), 'User revoked');
    okReply(await valid('ApiResponse', 'DELETE', `/api/users/${id}`, undefined, '/api/users/{userId}'), 'User deleted');
  });

  it('user groups: list, one, create, update, delete', async () => {
    const list = (await valid('UserGroups', 'GET', '/api/usergroups', undefined, '/api/usergroups')).json();
    expect(Object.keys(list).sort()).toEqual(['groups', 'pages']);
    for (const g of list.groups as unknown[]) hasFields(g, GROUP_FIELDS);
    const one = (await valid('UserGroup', 'GET', `/api/usergroups/${groupId}`, undefined, '/api/usergroups/{groupId}')).json();
    hasFields(one, GROUP_FIELDS);
    expect(one).toMatchObject({ id: groupId, name: 'Devs', active: true, user_permissions: { apis: 'write', analytics: 'read' } });

    const created = await valid('ApiResponse', 'POST', '/api/usergroups', { name: 'Other', user_permissions: { apis: 'read' } }, '/api/usergroups');
    okReply(created, 'User group created');
    const id = created.json().Meta as string;
    expect(id).toMatch(/^\d+$/);
    await valid('ApiResponse', 'PUT', `/api/usergroups/${id}`, { description: 'changed' }, '/api/usergroups/{groupId}');
    okReply(await valid('ApiResponse', 'DELETE', `/api/usergroups/${id}`, undefined, '/api/usergroups/{groupId}'), 'User group deleted');
  });

  it('audit log: list and one entry', async () => {
    const list = (await valid('AuditLogs', 'GET', '/api/audit-logs', undefined, '/api/audit-logs')).json();
    expect(Object.keys(list).sort()).toEqual(['audit_logs', 'pages']);
    expect(list.audit_logs.length).toBeGreaterThan(0);
    for (const e of list.audit_logs as unknown[]) hasFields(e, AUDIT_FIELDS);
    const first = list.audit_logs[0] as { _id: string };
    const one = (await valid('AuditLog', 'GET', `/api/audit-logs/${first._id}`, undefined, '/api/audit-logs/{audit-log-id}')).json();
    expect(one).toEqual(first);
  });

  it('every error envelope is an ApiResponse with Status "Error", a message and Meta null', async () => {
    const plain = await createUser(t, root, 'plain@example.com', { password: 'plain-password-1' });
    const cases: { name: string; status: number; documented?: [string, string]; send: () => Promise<LightMyRequestResponse> }[] = [
      { name: 'wrong type', status: 400, documented: ['POST', '/api/users'], send: () => t.request('POST', '/api/users', { key: root, body: { first_name: 1 } }) },
      {
        name: 'malformed JSON',
        status: 400,
        documented: ['PUT', '/api/users/{userId}'],
        send: () => t.request('PUT', `/api/users/${userId}`, { key: root, body: '{"first_name":', headers: { 'content-type': 'application/json' } }),
      },
      { name: 'missing field', status: 400, send: () => t.request('POST', '/api/usergroups', { key: root, body: { description: 'no name' } }) },
      { name: 'bad query', status: 400, send: () => t.request('GET', '/api/audit-logs?from_date=yesterday', { key: root }) },
      { name: 'unknown key', status: 401, documented: ['GET', '/api/users'], send: () => t.request('GET', '/api/users', { key: 'nope' }) },
      { name: 'no credentials', status: 401, documented: ['GET', '/api/usergroups'], send: () => t.request('GET', '/api/usergroups') },
      { name: 'wrong password', status: 401, send: () => t.request('POST', '/auth/password/login', { body: { email: 'plain@example.com', password: 'wrong-password-1' } }) },
      { name: 'no users permission', status: 403, documented: ['GET', '/api/users'], send: () => t.request('GET', '/api/users', { key: plain.key }) },
      { name: 'no user_groups permission', status: 403, documented: ['POST', '/api/usergroups'], send: () => t.request('POST', '/api/usergroups', { key: plain.key, body: { name: 'x' } }) },
      { name: 'no audit_logs permission', status: 403, send: () => t.request('GET', '/api/audit-logs', { key: plain.key }) },
      { name: 'absent user', status: 404, documented: ['GET', '/api/users/{userId}'], send: () => t.request('GET', '/api/users/999999', { key: root }) },
      { name: 'absent group', status: 404, documented: ['DELETE', '/api/usergroups/{groupId}'], send: () => t.request('DELETE', '/api/usergroups/999999', { key: root }) },
      { name: 'absent audit entry', status: 404, send: () => t.request('GET', '/api/audit-logs/999999', { key: root }) },
      { name: 'group with members', status: 409, send: () => t.request('DELETE', `/api/usergroups/${groupId}`, { key: root }) },
      {
        name: 'duplicate email',
        status: 409,
        send: () => t.request('POST', '/api/users', { key: root, body: { first_name: 'a', last_name: 'b', email_address: 'DEV@example.com' } }),
      },
      {
        name: 'body too large',
        status: 413,
        send: () => t.request('POST', '/api/users', { key: root, body: JSON.stringify({ first_name: 'x'.repeat(5000) }), headers: { 'content-type': 'application/json' } }),
      },
      {
        name: 'unsupported content type',
        status: 415,
        send: () => t.request('POST', '/api/usergroups', { key: root, body: 'name=x', headers: { 'content-type': 'text/plain' } }),
      },
    ];
    for (const c of cases) {
      const res = await c.send();
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      const body = conforms(res, 'ApiResponse', c.documented);
      expect(body, c.name).toEqual({ Status: 'Error', Message: expect.stringMatching(/\S/) as unknown, Meta: null });
    }

    // 429 after too many failed sign-ins (3 in this app).
    let limited: LightMyRequestResponse | undefined;
    for (let i = 0; i < 5 && limited === undefined; i++) {
      const res = await t.request('POST', '/auth/password/login', { body: { email: 'dev@example.com', password: 'wrong-password-2' }, remoteAddress: '203.0.113.9' });
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.statusCode).toBe(429);
    expect(conforms(limited!, 'ApiResponse')).toEqual({ Status: 'Error', Message: expect.stringMatching(/\S/) as unknown, Meta: null });
  });

  it('sign-in and sign-out replies are ApiResponse envelopes', async () => {
    const login = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(login.statusCode).toBe(200);
    expect(conforms(login, 'ApiResponse')).toMatchObject({ Status: 'OK' });
    expect(problems(ref.schema('User'), login.json().Meta.user)).toEqual([]);
    const logout = await t.request('POST', '/auth/password/logout', { session: sessionFrom(login) });
    expect(logout.statusCode).toBe(200);
    expect(conforms(logout, 'ApiResponse')).toMatchObject({ Status: 'OK' });
  });

  it('APIs and their owners', async () => {
    await valid('ApiDefinitionsResponse', 'GET', '/api/apis', undefined, '/api/apis');
    await valid('ApiDefinitionWrapper', 'GET', `/api/apis/${apiId}`, undefined, '/api/apis/{apiId}');
    await valid('AccessManagementPayload', 'GET', `/api/apis/${apiId}/access`, undefined, '/api/apis/{apiID}/access');
    await valid('ApiResponse', 'PUT', `/api/apis/${apiId}/access`, { userIds: [userId], userGroupIds: [] }, '/api/apis/{apiID}/access');
    const second = await valid('ApiResponse', 'POST', '/api/apis', { api_definition: { name: 'Second', proxy: { listen_path: '/second/', target_url: 'http://127.0.0.1:9' } } }, '/api/apis');
    const secondId = second.json().ID as string;
    await documented('GET', '/api/apis/search?q=Second', '/api/apis/search');
    const definition = (await t.request('GET', `/api/apis/${secondId}`, { key: root })).json() as { api_definition: Record<string, unknown> };
    await documented('PUT', `/api/apis/${secondId}`, '/api/apis/{apiId}', { api_definition: { ...definition.api_definition, name: 'Second, renamed' } });
    await documented('DELETE', `/api/apis/${secondId}`, '/api/apis/{apiId}');
  });

  it('OAS APIs', async () => {
    const oas = (id: string, name: string) => ({
      openapi: '3.0.3',
      info: { title: name, version: '1.0.0' },
      paths: {},
      components: { securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'Authorization' } } },
      security: [{ token: [] }],
      'x-tyk-api-gateway': {
        info: { id, name, state: { active: true } },
        upstream: { url: 'http://127.0.0.1:9' },
        server: { listenPath: { value: '/oas-contract/', strip: true }, authentication: { enabled: true, securitySchemes: { token: { enabled: true } } } },
      },
    });
    const created = await documented('POST', '/api/apis/oas', '/api/apis/oas', oas('oas-contract', 'OAS contract'));
    const id = created.ID as string;
    expect(id).toBe('oas-contract');
    const doc = await documented('GET', `/api/apis/oas/${id}`, '/api/apis/oas/{apiId}');
    await documented('PUT', `/api/apis/oas/${id}`, '/api/apis/oas/{apiId}', { ...doc, info: { title: 'OAS contract, renamed', version: '1.0.1' } });
    await documented('DELETE', `/api/apis/oas/${id}`, '/api/apis/oas/{apiId}');
  });

  it('the routes Tyk clients call beyond the basics: key routes under an API, detailed keys, activity, OAS import and patch', async () => {
    const underApi = (await t.request('POST', '/api/keys', { key: root, body: { alias: 'under-api', access_rights: { [apiId]: { api_id: apiId, versions: [] } } } })).json() as { key_hash: string };
    await documented('GET', `/api/apis/${apiId}/keys/${underApi.key_hash}`, '/api/apis/{apiID}/keys/{keyID}');
    await documented('GET', '/api/keys/detailed', '/api/keys/detailed');
    await documented(
      'GET',
      `/api/activity/keys/${underApi.key_hash}/1/3/2026/2/3/2026`,
      '/api/activity/keys/{keyHash}/{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}',
    );
    await documented('DELETE', `/api/apis/${apiId}/keys/${underApi.key_hash}`, '/api/apis/{apiID}/keys/{keyID}');
    const plain = { openapi: '3.0.3', info: { title: 'Imported', version: '1.0.0' }, servers: [{ url: 'http://127.0.0.1:9/' }], paths: {} };
    const imported = await documented('POST', '/api/apis/oas/import?listenPath=/imported/', '/api/apis/oas/import', plain);
    const id = imported.ID as string;
    await documented('PATCH', `/api/apis/oas/${id}`, '/api/apis/oas/{apiId}', { ...plain, info: { title: 'Imported, patched', version: '1.0.1' } });
  });

  it("Tyk's MCP activity views, in the shape of Tyk's aggregate analytics example", async () => {
    const mcpApi = (await createApi(t, root, 'MCP contract', '/mcp-contract/', { is_mcp: true })).apiId;
    const at = new Date().toISOString();
    const rec = (code: number, method: string, type: string, name: string) => ({
      timestamp: at,
      api_id: mcpApi,
      method: 'POST',
      path: '/mcp-contract/mcp',
      response_code: code,
      request_time: 12,
      upstream_time: 10,
      api_key: keyHash,
      ip_address: '10.0.0.1',
      content_length: 80,
      mcp_method: method,
      mcp_primitive_type: type,
      mcp_primitive_name: name,
    });
    const records = [rec(200, 'tools/call', 'tool', 'weather'), rec(500, 'tools/call', 'tool', 'weather'), rec(200, 'initialize', '', '')];
    const ingested = await t.request('POST', '/api/analytics/records', { key: root, body: { records } });
    expect(ingested.statusCode, ingested.body).toBe(200);
    const d = new Date();
    const today = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
    const range = `${today}/${today}`;
    const RANGE_PATH = '{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}';
    // Tyk gives these operations no example; their schema is AggregateAnalyticsData, whose example is the other activity views'.
    const [aggregate] = examplesOf(ref, 'GET', `/api/activity/keys/{keyHash}/${RANGE_PATH}`, 200);
    expect(aggregate?.name).toBe('examples/aggregateAnalytics');
    const views: [string, string][] = [
      [`/api/activity/mcp/primitives/${range}?group_by=mcp_primitive&api_id=${mcpApi}`, `/api/activity/mcp/primitives/${RANGE_PATH}`],
      [`/api/activity/mcp/primitives/errors/${range}?group_by=mcp_primitive`, `/api/activity/mcp/primitives/errors/${RANGE_PATH}`],
      [`/api/activity/mcp/keys/${keyHash}/${range}?group_by=mcp_primitive`, `/api/activity/mcp/keys/{keyId}/${RANGE_PATH}`],
    ];
    for (const [url, path] of views) {
      const body = await documented('GET', url, path);
      expect((body.data as unknown[]).length, url).toBeGreaterThan(0);
      expect(shapeDifferences(aggregate!.value, body), url).toEqual([]);
    }
  });

  it('policies and keys', async () => {
    await valid('ReturnDataStruct', 'GET', '/api/portal/policies', undefined, '/api/portal/policies');
    await valid('Policy', 'GET', `/api/portal/policies/${policyId}`, undefined, '/api/portal/policies/{id}');
    await valid('KeyData', 'GET', `/api/keys/${keyHash}`, undefined, '/api/keys/{keyId}');
    await valid('KeyData', 'POST', '/api/keys', { access_rights: { [apiId]: { api_id: apiId, versions: [] } } }, '/api/keys');
    const tykFields = { hmac_enabled: false, is_inactive: false, max_query_depth: -1, partitions: { acl: true, complexity: false, per_api: false, quota: true, rate_limit: true }, smoothing: { delay: 30, enabled: false, step: 100, threshold: 500, trigger: 0.8 }, throttle_interval: 10, throttle_retry_limit: 10 };
    const created = await t.request('POST', '/api/portal/policies', { key: root, body: { name: 'Second', rate: 5, per: 1, ...tykFields } });
    expect(created.statusCode, created.body).toBe(200);
    examples.check('POST', '/api/portal/policies', 200, created.json());
    const createdId = (created.json() as { Message: string }).Message;
    const updated = await t.request('PUT', `/api/portal/policies/${createdId}`, { key: root, body: { name: 'Second', rate: 6, per: 1 } });
    expect(updated.statusCode, updated.body).toBe(200);
    examples.check('PUT', '/api/portal/policies/{id}', 200, updated.json());
    await documented('GET', '/api/portal/policies/search?q=Second', '/api/portal/policies/search');
    await documented('DELETE', `/api/portal/policies/${createdId}`, '/api/portal/policies/{id}');
    const spare = (await t.request('POST', '/api/keys', { key: root, body: { alias: 'spare', apply_policies: [policyId] } })).json() as { key_hash: string };
    await documented('PUT', `/api/keys/${spare.key_hash}`, '/api/keys/{keyId}', { alias: 'spare, renamed', apply_policies: [policyId] });
    await documented('DELETE', `/api/keys/${spare.key_hash}`, '/api/keys/{keyId}');
    await valid('Keys', 'GET', `/api/apis/${apiId}/keys`, undefined, '/api/apis/{apiID}/keys');
    await valid('Keys', 'GET', '/api/keys');
  });

  it('analytics', async () => {
    await t.request('POST', '/api/analytics/records', {
      key: root,
      body: {
        records: [
          { timestamp: '2026-01-02T03:04:05Z', api_id: apiId, method: 'GET', path: '/x', response_code: 200, request_time: 3, upstream_time: 2, ip_address: '1.2.3.4', content_length: 1 },
        ],
      },
    });
    await valid('AggregateAnalyticsData', 'GET', '/api/usage/apis/1/1/2026/3/1/2026');
    await valid('AggregateAnalyticsData', 'GET', '/api/usage/errors/1/1/2026/3/1/2026');
    await valid('AggregateAnalyticsData', 'GET', '/api/usage/keys/1/1/2026/3/1/2026');
    await valid('AggregateAnalyticsData', 'GET', '/api/usage/endpoints/1/1/2026/3/1/2026');
  });
});
