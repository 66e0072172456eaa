import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

/*
 * The OpenAPI document is the contract the web apps' client is generated from:
 * every operation is named, says which credential it takes (as the hooks that
 * enforce it say), documents its error body, and reads and writes named schemas.
 */

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  parameters?: { name: string; in: string }[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; in: string; name: string }> };
}

const t: TestApp = await startTestApp();
const doc = (await t.request('GET', '/api/openapi.json')).json() as Document;
const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })));
const byName = new Map(operations.map((o) => [o.name, o.op]));
const op = (name: string): Operation => {
  const found = byName.get(name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
};

afterAll(async () => {
  await t.close();
});

describe('the OpenAPI document', () => {
  it('names every operation with a unique camelCase operationId', () => {
    expect(operations.length).toBeGreaterThan(100);
    const ids = operations.map((o) => o.op.operationId);
    for (const [i, id] of ids.entries()) expect(id, operations[i]!.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(op('GET /api/apis').operationId).toBe('listApis');
    expect(op('GET /portal-api/users').operationId).toBe('listPortalUsers');
  });

  it('documents the credential each surface enforces', () => {
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'portcullis_session' });
    expect(doc.components.securitySchemes.gatewaySecret).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Gateway-Secret' });
    const staff = [{ accessKey: [] }, { sessionCookie: [] }];
    for (const { name, path, op: o } of operations) {
      if (path.startsWith('/api/') && path !== '/api/analytics/records') expect(o.security, name).toEqual(staff);
      if (path.startsWith('/portal-api/') && path !== '/portal-api/bootstrap') expect(o.security, name).toEqual(staff);
      if (path.startsWith('/auth/')) expect(o.security, name).toEqual([]);
    }
    expect(op('GET /portal/api/me').security).toEqual([{ sessionCookie: [] }]);
    expect(op('GET /portal/api/catalogues').security).toEqual([{}, { sessionCookie: [] }]);
    expect(op('POST /portal-api/bootstrap').security).toEqual([]);
    expect(op('GET /health').security).toEqual([]);
    expect(op('POST /api/analytics/records').security).toEqual([{ gatewaySecret: [] }, { accessKey: [] }, { sessionCookie: [] }]);
  });

  it("documents each surface's error body as a named schema", () => {
    for (const { name, path, op: o } of operations) {
      const expected = path.startsWith('/portal-api/') || path.startsWith('/portal/api/') ? 'PortalError' : 'DashboardError';
      for (const status of ['4XX', '5XX']) expect(o.responses[status]?.content?.['application/json']?.schema?.$ref, `${name} ${status}`).toBe(`#/components/schemas/${expected}`);
    }
    expect(doc.components.schemas.DashboardError).toMatchObject({ properties: { Status: { enum: ['Error'] }, Message: { type: 'string' }, Meta: { type: 'null' } } });
    expect(doc.components.schemas.PortalError).toMatchObject({ properties: { status: { enum: ['error'] }, errors: { type: 'array' } } });
  });

  it('reads and writes named component schemas', () => {
    expect(op('GET /api/apis/{apiId}').responses['200']?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/Api');
    expect(op('POST /api/apis').requestBody?.content['application/json']?.schema?.$ref).toBe('#/components/schemas/ApiInput');
    expect(op('GET /portal-api/users/{userId}').responses['200']?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/PortalUser');
    expect(op('GET /api/apis/oas/{apiId}').responses['200']?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/OasApiDocument');
    // Every reference leads to a schema of the document.
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref.slice('"#/components/schemas/'.length, -1));
  });

  it('declares what a route really sends: CSV downloads, named path parameters', () => {
    for (const name of ['GET /api/audit-logs', 'GET /portal-api/admin-review']) {
      expect(Object.keys(op(name).responses['200']?.content ?? {}).sort(), name).toEqual(['application/json', 'text/csv']);
    }
    expect(byName.has('GET /portal/api/posts/{*}')).toBe(false);
    expect(op('GET /portal/api/posts/{path}').parameters).toEqual([expect.objectContaining({ name: 'path', in: 'path' })]);
    expect(op('GET /portal/api/pages/{path}').parameters).toEqual([expect.objectContaining({ name: 'path', in: 'path' })]);
  });

  it('serves the same document as YAML', async () => {
    const res = await t.request('GET', '/api/openapi.yaml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/yaml');
    expect(res.body).toContain('operationId: listApis');
  });

  it('still validates requests after naming the schemas', async () => {
    const root = await t.bootstrap();
    const res = await t.request('POST', '/api/apis', { key: root, body: { api_definition: { name: 'x' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ Status: 'Error', Message: 'api_definition.proxy: is required', Meta: null });
  });
});
