import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser } from '../helpers/fixtures.js';

/*
 * Issue 14, item 11: Tyk's OAS import (POST /api/apis/oas/import), PATCH
 * /api/apis/oas/{id} and GET /api/apis/oas/{id}/export, scoped by ownership:
 * TeamA imports an API; TeamB gets 404 for it on every route.
 */

const plainDocument = (title: string) => ({
  openapi: '3.0.3',
  info: { title, version: '1.0.0' },
  servers: [{ url: 'http://127.0.0.1:9/upstream' }],
  paths: { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'ok' } } } } },
});

describe('Tyk OAS import, PATCH and export', () => {
  let t: TestApp;
  let root: string;
  let userA: string;
  let userB: string;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    const a = await createGroup(t, root, 'TeamA', { apis: 'write' });
    const b = await createGroup(t, root, 'TeamB', { apis: 'write' });
    userA = (await createUser(t, root, 'a@example.com', { groupId: a })).key;
    userB = (await createUser(t, root, 'b@example.com', { groupId: b })).key;
  });
  afterAll(async () => {
    await t.close();
  });

  const importDoc = async (key: string, body: unknown, query = '', headers: Record<string, string> = {}) =>
    t.request('POST', `/api/apis/oas/import${query}`, { key, body, headers });

  it('imports a plain OpenAPI document: the Tyk extension is built from it, the importer owns the API', async () => {
    const res = await importDoc(userA, plainDocument('Pet Store'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { Status: string; Message: string; Meta: string; ID: string };
    expect(body).toMatchObject({ Status: 'OK', Message: 'API created' });
    const doc = (await t.request('GET', `/api/apis/oas/${body.ID}`, { key: userA })).json() as Record<string, Record<string, unknown>>;
    expect(doc.paths).toEqual(plainDocument('Pet Store').paths);
    expect(doc['x-tyk-api-gateway']).toMatchObject({
      info: { id: body.ID, name: 'Pet Store', state: { active: true } },
      upstream: { url: 'http://127.0.0.1:9/upstream' },
      server: { listenPath: { value: '/pet-store/', strip: true } },
    });
    const wrapper = (await t.request('GET', `/api/apis/${body.ID}`, { key: userA })).json() as { api_definition: { proxy: { listen_path: string } } };
    expect(wrapper.api_definition.proxy.listen_path).toBe('/pet-store/');
    // TeamB cannot see it.
    expect((await t.request('GET', `/api/apis/oas/${body.ID}`, { key: userB })).statusCode).toBe(404);
  });

  it('the query sets upstream, listen path and authentication; YAML bodies are accepted', async () => {
    const yaml = `openapi: 3.1.0\ninfo:\n  title: Yaml API\n  version: '1'\npaths: {}\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/apis/oas/import?upstreamURL=http%3A%2F%2F127.0.0.1%3A9%2Fy&listenPath=%2Fyaml%2F&authentication=true',
      headers: { authorization: root, 'content-type': 'application/x-yaml' },
      payload: yaml,
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = (res.json() as { ID: string }).ID;
    const doc = (await t.request('GET', `/api/apis/oas/${id}`, { key: root })).json() as Record<string, Record<string, unknown>>;
    expect(doc['x-tyk-api-gateway']).toMatchObject({
      upstream: { url: 'http://127.0.0.1:9/y' },
      server: { listenPath: { value: '/yaml/' }, authentication: { enabled: true } },
    });
    const wrapper = (await t.request('GET', `/api/apis/${id}`, { key: root })).json() as { api_definition: { use_keyless: boolean } };
    expect(wrapper.api_definition.use_keyless).toBe(false);
  });

  it('refuses what it cannot do: import by URL, unsupported middleware, no upstream, a taken listen path, bad YAML', async () => {
    const byUrl = await importDoc(root, { url: 'http://169.254.169.254/latest' });
    expect(byUrl.statusCode).toBe(400);
    expect(byUrl.json().Message).toMatch(/^url: /);
    expect((await importDoc(root, plainDocument('Mocked'), '?mockResponse=true')).statusCode).toBe(400);
    expect((await importDoc(root, plainDocument('Domained'), '?customDomain=example.com')).statusCode).toBe(400);
    const noUpstream = await importDoc(root, { openapi: '3.0.3', info: { title: 'Nowhere', version: '1' }, paths: {} });
    expect(noUpstream.statusCode).toBe(400);
    expect(noUpstream.json().Message).toMatch(/^upstreamURL: /);
    expect((await importDoc(root, plainDocument('Pet Store'))).statusCode).toBe(409);
    const badYaml = await t.app.inject({ method: 'POST', url: '/api/apis/oas/import', headers: { authorization: root, 'content-type': 'application/x-yaml' }, payload: 'a: [' });
    expect(badYaml.statusCode).toBe(400);
    // YAML stays limited to these routes.
    const yamlElsewhere = await t.app.inject({ method: 'POST', url: '/api/apis/oas', headers: { authorization: root, 'content-type': 'application/x-yaml' }, payload: 'openapi: 3.0.3' });
    expect(yamlElsewhere.statusCode).toBe(415);
  });

  it('PATCH replaces the document and keeps the stored Tyk extension; the query overrides it; audited', async () => {
    const created = (await importDoc(userA, plainDocument('Patchable'), '?listenPath=%2Fpatchable%2F')).json() as { ID: string };
    const next = { ...plainDocument('Patchable v2'), paths: { '/cats': { get: { responses: { '200': { description: 'ok' } } } } } };
    const res = await t.request('PATCH', `/api/apis/oas/${created.ID}`, { key: userA, body: next });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ Status: 'OK', Message: 'API updated' });
    let doc = (await t.request('GET', `/api/apis/oas/${created.ID}`, { key: userA })).json() as Record<string, Record<string, unknown>>;
    expect(Object.keys(doc.paths!)).toEqual(['/cats']);
    expect(doc.info).toMatchObject({ title: 'Patchable v2' });
    expect(doc['x-tyk-api-gateway']).toMatchObject({ info: { id: created.ID, name: 'Patchable' }, server: { listenPath: { value: '/patchable/' } } });

    expect((await t.request('PATCH', `/api/apis/oas/${created.ID}?listenPath=%2Fpatched%2F`, { key: userA, body: next })).statusCode).toBe(200);
    doc = (await t.request('GET', `/api/apis/oas/${created.ID}`, { key: userA })).json() as Record<string, Record<string, unknown>>;
    expect(doc['x-tyk-api-gateway']).toMatchObject({ server: { listenPath: { value: '/patched/' } } });

    const hidden = await t.request('PATCH', `/api/apis/oas/${created.ID}`, { key: userB, body: next });
    const missing = await t.request('PATCH', '/api/apis/oas/no-such-api', { key: userB, body: next });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const audit = await t.request('GET', '/api/audit-logs?p=-1', { key: root });
    expect(audit.body).toContain('/patched/');
  });

  it('export downloads the document as JSON or YAML; mode=public leaves out the Tyk extension', async () => {
    const created = (await importDoc(userA, plainDocument('Exported'))).json() as { ID: string };
    const json = await t.request('GET', `/api/apis/oas/${created.ID}/export`, { key: userA });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers['content-disposition']).toBe(`attachment; filename="${created.ID}.json"`);
    expect(json.json()).toMatchObject({ openapi: '3.0.3', 'x-tyk-api-gateway': { info: { id: created.ID } } });

    const pub = await t.request('GET', `/api/apis/oas/${created.ID}/export?mode=public`, { key: userA });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).not.toHaveProperty('x-tyk-api-gateway');
    expect(pub.json()).toMatchObject({ info: { title: 'Exported' } });

    const yaml = await t.request('GET', `/api/apis/oas/${created.ID}/export`, { key: userA, headers: { accept: 'application/x-yaml' } });
    expect(yaml.statusCode, yaml.body).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/x-yaml/);
    expect(parse(yaml.body)).toEqual(json.json());

    expect((await t.request('GET', `/api/apis/oas/${created.ID}/export`, { key: userB })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/apis/oas/${created.ID}/export?mode=private`, { key: userA })).statusCode).toBe(400);
  });
});
