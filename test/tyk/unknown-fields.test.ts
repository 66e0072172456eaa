import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';
import { REFERENCE_DIR } from '../contract/tyk-reference.js';

/*
 * Issue 14 item 6: the fields of Tyk's objects that Portcullis does not act on
 * are accepted, kept and returned; a field that is neither Tyk's nor ours is
 * still refused with a 400 naming it.
 */

describe('Tyk fields Portcullis does not act on', () => {
  let t: TestApp;
  let root: string;
  let apiId: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    apiId = (await createApi(t, root, 'Kept fields', '/kept/')).apiId;
  });
  afterAll(async () => {
    await t.close();
  });
  const call = (method: string, url: string, body?: unknown) => t.request(method, url, { key: root, body });
  const rights = () => ({ [apiId]: { api_id: apiId, api_name: 'Kept fields', versions: ['Default'] } });

  it('keys keep basic_auth_data, jwt_data, monitor, smoothing, … and refuse an invented field', async () => {
    const tyk = {
      basic_auth_data: { password: '', hash_type: '' },
      hmac_string: '',
      hmac_enabled: false,
      monitor: { trigger_limits: [80, 90] },
      jwt_data: { secret: '' },
      oauth_client_id: 'client-1',
      certificate: '',
      session_lifetime: 3600,
      smoothing: { enabled: true, threshold: 500, trigger: 0.8, step: 100, delay: 30 },
      max_query_depth: 5,
      throttle_interval: 10,
      enable_detailed_recording: true,
    };
    const created = await call('POST', '/api/keys', { alias: 'kept', access_rights: rights(), ...tyk });
    expect(created.statusCode, created.body).toBe(200);
    const hash = created.json().key_hash as string;
    expect(created.json().data).toMatchObject(tyk);
    const got = await call('GET', `/api/keys/${hash}`);
    expect(got.json().data).toMatchObject(tyk);

    // A PUT that leaves a kept field out leaves it as it is; one it sends replaces it.
    const put = await call('PUT', `/api/keys/${hash}`, { alias: 'kept', access_rights: rights(), monitor: { trigger_limits: [50] } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call('GET', `/api/keys/${hash}`)).json().data).toMatchObject({ ...tyk, monitor: { trigger_limits: [50] } });

    const invented = await call('POST', '/api/keys', { access_rights: rights(), not_a_tyk_field: 1 });
    expect(invented.statusCode).toBe(400);
    expect(invented.body).toContain('not_a_tyk_field');
  });

  it('policies keep smoothing, graphql_access_rights, state, partitions, … and refuse an invented field', async () => {
    const tyk = {
      smoothing: { enabled: false, threshold: 0, trigger: 0, step: 0, delay: 0 },
      graphql_access_rights: {},
      state: 'active',
      partitions: { quota: false, rate_limit: false, complexity: false, acl: false, per_api: false },
      max_query_depth: -1,
      hmac_enabled: false,
      is_inactive: false,
    };
    const created = await call('POST', '/api/portal/policies', { name: 'kept', access_rights: rights(), ...tyk });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as { Message?: string; _id?: string })._id ?? created.json().Message;
    const got = await call('GET', `/api/portal/policies/${id}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ name: 'kept', ...tyk });

    const invented = await call('POST', '/api/portal/policies', { name: 'bad', access_rights: rights(), not_a_tyk_field: true });
    expect(invented.statusCode).toBe(400);
    expect(invented.body).toContain('not_a_tyk_field');
  });

  it('a kept field never changes what Portcullis acts on: a key that smuggles limits in kept fields has its own', async () => {
    const created = await call('POST', '/api/keys', { access_rights: rights(), rate: 5, per: 1, smoothing: { rate: 1000 }, monitor: { rate: 1000 } });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().data).toMatchObject({ rate: 5, per: 1 });
  });

  it('portal products keep Content, Path, AuthType, DCREnabled, … and refuse an invented field', async () => {
    const tyk = { Content: '<p>About</p>', Path: 'payments', AuthType: 'authToken', DCREnabled: true, Feature: true, Scopes: 'a,b', CID: 'cid-1', Templates: [1] };
    const created = await call('POST', '/portal-api/products', { Name: 'kept-product', ...tyk });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().ID as number;
    expect(created.json()).toMatchObject(tyk);
    expect((await call('GET', `/portal-api/products/${id}`)).json()).toMatchObject(tyk);

    const invented = await call('POST', '/portal-api/products', { Name: 'bad-product', NotATykField: 1 });
    expect(invented.statusCode).toBe(400);
    expect(invented.body).toContain('NotATykField');
  });

  it('portal plans keep MetaData, JWTScope, CID and refuse an invented field', async () => {
    const tyk = { MetaData: { tier: 'gold' }, JWTScope: 'read:all', CID: 'cid-2' };
    const created = await call('POST', '/portal-api/plans', { Name: 'kept-plan', RateLimit: 10, Per: 60, ...tyk });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().ID as number;
    expect(created.json()).toMatchObject(tyk);
    expect((await call('GET', `/portal-api/plans/${id}`)).json()).toMatchObject(tyk);

    const invented = await call('POST', '/portal-api/plans', { Name: 'bad-plan', NotATykField: 1 });
    expect(invented.statusCode).toBe(400);
    expect(invented.body).toContain('NotATykField');
  });

  it('users and user groups keep Tyk permission sections, grant nothing by them, and refuse an invented section', async () => {
    const tykSections = { certs: 'write', hooks: 'write', idm: 'write', log: 'read', oauth: 'write', system: 'write', websockets: 'read', api_assets: 'write' };
    const group = await call('POST', '/api/usergroups', { name: 'kept group', user_permissions: { keys: 'read', ...tykSections, IsAdmin: 'false' } });
    expect(group.statusCode, group.body).toBe(200);
    const gotGroup = await call('GET', `/api/usergroups/${group.json().Meta as string}`);
    expect(gotGroup.json().user_permissions).toEqual({ keys: 'read', ...tykSections, IsAdmin: 'false' });

    const user = await call('POST', '/api/users', {
      first_name: 'Kept',
      last_name: 'Sections',
      email_address: 'kept@example.com',
      user_permissions: { IsAdmin: 'false', apis: 'read', ...tykSections },
    });
    expect(user.statusCode, user.body).toBe(200);
    const { id, access_key: key } = user.json().Meta as { id: string; access_key: string };
    expect((await call('GET', `/api/users/${id}`)).json().user_permissions).toEqual({ IsAdmin: 'false', apis: 'read', ...tykSections });
    // `system: write` and `IsAdmin: "false"` make nobody an administrator, and grant no section of ours.
    expect((await t.request('GET', '/api/users', { key })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/apis', { key })).statusCode).toBe(200);

    const invented = await call('POST', '/api/usergroups', { name: 'bad group', user_permissions: { spaceships: 'write' } });
    expect(invented.statusCode).toBe(400);
    expect(invented.body).toContain('spaceships');
    const badLevel = await call('POST', '/api/usergroups', { name: 'bad level', user_permissions: { certs: 'sometimes' } });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.body).toContain('certs');
  });
});

describe("the Dashboard description's own POST /api/users example", () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  it('succeeds, and the Tyk permission sections are kept and shown', async () => {
    const description = parse(readFileSync(join(REFERENCE_DIR, 'dashboard-swagger.yml'), 'utf8')) as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { example: Record<string, unknown> }> } }>>;
    };
    const example = description.paths['/api/users']!.post!.requestBody.content['application/json']!.example;
    const permissions = example.user_permissions as Record<string, string>;
    expect(Object.keys(permissions)).toEqual(expect.arrayContaining(['certs', 'hooks', 'idm', 'log', 'oauth', 'system', 'websockets', 'api_assets']));

    const created = await t.request('POST', '/api/users', { key: root, body: example });
    expect(created.statusCode, created.body).toBe(200);
    const { id } = created.json().Meta as { id: string };
    const got = await t.request('GET', `/api/users/${id}`, { key: root });
    expect(got.json()).toMatchObject({ email_address: example.email_address, first_name: example.first_name, last_name: example.last_name });
    expect(got.json().user_permissions).toEqual(permissions);
  });
});
