import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { classicApi as classic } from '../helpers/fixtures.js';

interface Wrapper {
  api_definition: { id: string; api_id: string; name: string; active: boolean; proxy: { listen_path: string; target_url: string } };
  user_owners: string[];
  user_group_owners: string[];
}

function oas(name: string, listenPath: string, id?: string) {
  return {
    openapi: '3.0.3',
    info: { title: name, version: '1.0.0' },
    paths: {},
    'x-tyk-api-gateway': {
      info: { name, ...(id ? { id } : {}), state: { active: true } },
      upstream: { url: 'http://127.0.0.1:9/' },
      server: { listenPath: { value: listenPath, strip: true }, authentication: { enabled: true } },
    },
  };
}

describe('API definitions (ownership off)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a Classic API, answers with its id and api_id, and reads it back by either', async () => {
    const res = await t.request('POST', '/api/apis', { key: admin, body: classic('Payments', '/payments/') });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { Status: string; Message: string; Meta: string; ID: string };
    expect(body).toMatchObject({ Status: 'OK', Message: 'API created' });
    expect(body.Meta).toMatch(/^\d+$/);
    expect(body.ID).toMatch(/^[0-9a-f]{32}$/);
    for (const ref of [body.Meta, body.ID]) {
      const got = await t.request('GET', `/api/apis/${ref}`, { key: admin });
      expect(got.statusCode).toBe(200);
      const w = got.json() as Wrapper;
      expect(w.api_definition).toMatchObject({ id: body.Meta, api_id: body.ID, name: 'Payments', active: true });
      expect(w.api_definition.proxy.listen_path).toBe('/payments/');
      expect(w.user_owners).toEqual([]);
    }
  });

  it('keeps listen paths unique among active APIs and checks target URLs', async () => {
    const clash = await t.request('POST', '/api/apis', { key: admin, body: classic('Other', '/payments') });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().Message).toContain('listen_path');
    const inactive = await t.request('POST', '/api/apis', { key: admin, body: classic('Old', '/payments', { active: false }) });
    expect(inactive.statusCode).toBe(200);
    const bad = await t.request('POST', '/api/apis', {
      key: admin,
      body: { api_definition: { name: 'Bad', proxy: { listen_path: '/bad/', target_url: 'ftp://x' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().Message).toContain('api_definition.proxy.target_url');
  });

  it('lists OAS APIs in the whole portfolio and serves their documents', async () => {
    const res = await t.request('POST', '/api/apis/oas', { key: admin, body: oas('Orders', '/orders/', 'orders-api') });
    expect(res.statusCode).toBe(200);
    expect(res.json().ID).toBe('orders-api');
    const doc = await t.request('GET', '/api/apis/oas/orders-api', { key: admin });
    expect(doc.statusCode).toBe(200);
    expect(doc.json()['x-tyk-api-gateway'].info).toMatchObject({ id: 'orders-api', name: 'Orders' });
    const all = await t.request('GET', '/api/apis?p=-1', { key: admin });
    const names = (all.json().apis as Wrapper[]).map((w) => w.api_definition.name);
    expect(names).toContain('Orders');
    expect(names).toContain('Payments');
    const oasOnly = await t.request('GET', '/api/apis/oas', { key: admin });
    expect((oasOnly.json().apis as Wrapper[]).map((w) => w.api_definition.name)).toEqual(['Orders']);
    const classicViaOas = await t.request('GET', '/api/apis/oas/1', { key: admin });
    expect(classicViaOas.statusCode).toBe(404);
  });

  it('searches by name and sorts', async () => {
    const q = await t.request('GET', '/api/apis?q=PAY', { key: admin });
    expect((q.json().apis as Wrapper[]).map((w) => w.api_definition.name)).toEqual(['Payments']);
    const sorted = await t.request('GET', '/api/apis?sort=name&p=-1', { key: admin });
    const names = (sorted.json().apis as Wrapper[]).map((w) => w.api_definition.name);
    expect(names).toEqual([...names].sort());
  });

  it('updates and deletes', async () => {
    const put = await t.request('PUT', '/api/apis/orders-api', { key: admin, body: classic('X', '/x/') });
    expect(put.statusCode).toBe(400);
    const created = await t.request('POST', '/api/apis', { key: admin, body: classic('Temp', '/temp/') });
    const id = created.json().ID as string;
    const upd = await t.request('PUT', `/api/apis/${id}`, { key: admin, body: classic('Temp2', '/temp2/') });
    expect(upd.statusCode).toBe(200);
    expect((await t.request('GET', `/api/apis/${id}`, { key: admin })).json().api_definition.name).toBe('Temp2');
    expect((await t.request('DELETE', `/api/apis/${id}`, { key: admin })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/apis/${id}`, { key: admin })).statusCode).toBe(404);
  });
});
