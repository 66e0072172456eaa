import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { classicApi, createGroup, createUser } from '../helpers/fixtures.js';

/*
 * Existence signals of client-chosen ids (issue #9, item 10). api_ids and the
 * listen paths of active APIs are unique across the whole installation, so a
 * clash with another team's API cannot be hidden entirely; what is left is one
 * bit ("taken"), answered exactly as a clash with one of your own APIs, naming
 * neither the other API nor its owners.
 */

function oas(name: string, listenPath: string, id: string) {
  return {
    openapi: '3.0.3',
    info: { title: name, version: '1.0.0' },
    paths: {},
    'x-tyk-api-gateway': {
      info: { name, id, state: { active: true } },
      upstream: { url: 'http://127.0.0.1:9/' },
      server: { listenPath: { value: listenPath, strip: true }, authentication: { enabled: true } },
    },
  };
}

describe('existence signals of api_id and listen path clashes (ownership on)', () => {
  let t: TestApp;
  let teamA: { key: string };
  const withId = (name: string, path: string, apiId: string, extra: Record<string, unknown> = {}) => {
    const w = classicApi(name, path);
    return { ...w, api_definition: { ...w.api_definition, api_id: apiId, ...extra } };
  };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    const root = await t.bootstrap();
    const a = await createGroup(t, root, 'TeamA', { apis: 'write' });
    const b = await createGroup(t, root, 'TeamB', { apis: 'write' });
    teamA = await createUser(t, root, 'a@example.com', { groupId: a });
    const teamB = await createUser(t, root, 'b@example.com', { groupId: b });
    for (const [key, name, path, id] of [
      [teamB.key, 'Secret Of B', '/secret-of-b/', 'taken-by-b'],
      [teamA.key, 'Mine', '/mine/', 'taken-by-a'],
    ] as const) {
      const res = await t.request('POST', '/api/apis', { key, body: withId(name, path, id) });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await t.request('GET', '/api/apis/taken-by-b', { key: teamA.key })).statusCode).toBe(404);
  });
  afterAll(async () => {
    await t.close();
  });

  const leaks = (body: string) => ['Secret Of B', 'secret-of-b', 'b@example.com', 'TeamB', 'owner'].filter((s) => body.includes(s));

  it('answers an api_id taken by a hidden API exactly like one taken by your own, Classic and OAS', async () => {
    const hidden = await t.request('POST', '/api/apis', { key: teamA.key, body: withId('New', '/new-1/', 'taken-by-b') });
    const own = await t.request('POST', '/api/apis', { key: teamA.key, body: withId('New', '/new-1/', 'taken-by-a') });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.body).toBe(own.body);
    expect(leaks(hidden.body)).toEqual([]);
    // Also when the API holding it is inactive, and whatever else the request carries.
    const inactive = await t.request('POST', '/api/apis', { key: teamA.key, body: withId('New', '/mine/', 'taken-by-b', { active: false }) });
    expect(inactive.body).toBe(own.body);

    const hiddenOas = await t.request('POST', '/api/apis/oas', { key: teamA.key, body: oas('New', '/new-2/', 'taken-by-b') });
    const ownOas = await t.request('POST', '/api/apis/oas', { key: teamA.key, body: oas('New', '/new-2/', 'taken-by-a') });
    expect(hiddenOas.statusCode).toBe(409);
    expect(hiddenOas.body).toBe(ownOas.body);
    expect(leaks(hiddenOas.body)).toEqual([]);
  });

  it('answers a listen path taken by a hidden API exactly like one taken by your own, on create and on update', async () => {
    const same = (path: string) => withId('New', path, `fresh-${path.replace(/\W/g, '')}`);
    const hidden = await t.request('POST', '/api/apis', { key: teamA.key, body: same('/secret-of-b') });
    const own = await t.request('POST', '/api/apis', { key: teamA.key, body: same('/mine') });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().Message.replace('/secret-of-b', 'PATH')).toBe(own.json().Message.replace('/mine', 'PATH'));
    expect(leaks(hidden.json().Message.replace('/secret-of-b', 'PATH'))).toEqual([]);

    const created = await t.request('POST', '/api/apis', { key: teamA.key, body: withId('Movable', '/movable/', 'movable') });
    expect(created.statusCode).toBe(200);
    const put = (path: string) => t.request('PUT', '/api/apis/movable', { key: teamA.key, body: withId('Movable', path, 'movable') });
    const hiddenPut = await put('/secret-of-b/');
    const ownPut = await put('/mine/');
    expect(hiddenPut.statusCode).toBe(409);
    expect(hiddenPut.json().Message.replace('/secret-of-b/', 'PATH')).toBe(ownPut.json().Message.replace('/mine/', 'PATH'));
    // Nothing was written by the refused requests.
    const list = (await t.request('GET', '/api/apis?p=-1', { key: teamA.key })).json() as { apis: { api_definition: { api_id: string; proxy: { listen_path: string } } }[] };
    expect(list.apis.map((w) => [w.api_definition.api_id, w.api_definition.proxy.listen_path]).sort()).toEqual([
      ['movable', '/movable/'],
      ['taken-by-a', '/mine/'],
    ]);
  });
});
