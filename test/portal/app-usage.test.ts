import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, startTestApp, type TestApp, SAME_ORIGIN } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';

/*
 * GET /portal/api/apps/{appId}/usage: one app's calls, errors and latency from
 * the gateway's analytics, counting the keys of that app's credentials only —
 * not another app's, not a Dashboard key's — for whoever may read the app.
 */

const PASSWORD = 'consumer-password-1';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Figures {
  Requests: number;
  Errors: number;
  AverageLatency: number;
}
interface Usage {
  AppID: number;
  From: string;
  To: string;
  Resolution: string;
  Totals: Figures;
  Series: ({ Time: string } & Figures)[];
}

describe('an app’s usage in the Live Portal', () => {
  let t: TestApp;
  let root: string;
  let api: { apiId: string };
  let otherApi: { apiId: string };
  let mine: number;
  let theirs: number;
  let teamApp: number;
  let myKey = '';
  const sessions: Record<string, string> = {};

  async function ok<T>(res: LightMyRequestResponse, status = 200): Promise<T> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  }
  const admin = (method: string, url: string, body?: unknown) => t.request(method, `/portal-api${url}`, { key: root, body });
  const as = (who: string, method: string, url: string, body?: unknown) => t.request(method, `/portal/api${url}`, { session: sessions[who]!, body, headers: SAME_ORIGIN });
  const usage = (who: string, appId: number, query: string) => as(who, 'GET', `/apps/${appId}/usage?${query}`);

  async function consumer(who: string, org: number, role: string, teams?: number[]): Promise<void> {
    const email = `${who}@example.com`;
    await ok(await admin('POST', '/users', { First: who, Last: 'Consumer', Email: email, Password: PASSWORD, Active: true, Role: role, OrganisationID: org, ...(teams ? { Teams: teams } : {}) }));
    sessions[who] = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email, password: PASSWORD } }))!;
  }

  /** An app of `who` with an auto-approved request on the plan, its credential's key revealed. */
  async function appWithKey(who: string, name: string, productId: number, planId: number, visibility = 'personal'): Promise<{ id: number; key: string }> {
    const app = await ok<{ ID: number }>(await as(who, 'POST', '/apps', { Name: name, Visibility: visibility }));
    const request = await ok<{ Credentials: { ID: number }[] }>(await as(who, 'POST', '/access-requests', { AppID: app.ID, ProductID: productId, PlanID: planId }));
    const revealed = await ok<{ Credential: { Credential: string } }>(await as(who, 'POST', `/apps/${app.ID}/credentials/${request.Credentials[0]!.ID}/reveal`));
    return { id: app.ID, key: revealed.Credential.Credential };
  }

  const record = (apiId: string, keyHash: string, at: string, code: number, requestTime: number) => ({
    timestamp: at,
    api_id: apiId,
    method: 'GET',
    path: '/x',
    response_code: code,
    request_time: requestTime,
    upstream_time: 1,
    api_key: keyHash,
    ip_address: '10.0.0.1',
    content_length: 1,
  });

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    api = await createApi(t, root, 'Payments', '/payments/');
    otherApi = await createApi(t, root, 'Weather', '/weather/');
    const catalogue = (await ok<{ ID: number }>(await admin('POST', '/catalogues', { Name: 'Public', VisibilityStatus: 'Public' }))).ID;
    const plan = (await ok<{ ID: number }>(await admin('POST', '/plans', { Name: 'Free', UnlimitedRateLimit: true, UnlimitedQuota: true, AutoApproveAccessRequests: true, Catalogues: [catalogue] }))).ID;
    const product = (await ok<{ ID: number }>(await admin('POST', '/products', { Name: 'Payments', APIDetails: [{ APIID: api.apiId }, { APIID: otherApi.apiId }], Catalogues: [catalogue] }), 201)).ID;

    const acme = await ok<{ ID: number }>(await admin('POST', '/organisations', { Name: 'Acme' }));
    const mobile = (await ok<{ ID: number }>(await admin('POST', `/organisations/${acme.ID}/teams`, { Name: 'Mobile' }))).ID;
    await consumer('owner', acme.ID, 'consumer-team-member', [mobile]);
    await consumer('teammate', acme.ID, 'consumer-team-member', [mobile]);
    await consumer('stranger', acme.ID, 'consumer-team-member');

    const a = await appWithKey('owner', 'Checkout', product, plan);
    mine = a.id;
    myKey = a.key;
    const b = await appWithKey('stranger', 'Elsewhere', product, plan);
    theirs = b.id;
    teamApp = (await appWithKey('owner', 'Shared', product, plan, 'team')).id;

    const dashboardKey = await t.request('POST', '/api/keys', { key: root, body: { alias: 'dashboard', access_rights: { [api.apiId]: { api_id: api.apiId, api_name: 'Payments', versions: ['Default'] } } } });
    const plainHash = (await ok<{ key_hash: string }>(dashboardKey)).key_hash;

    const records = [
      // Checkout: 2 calls on 2 March (one a 500), 1 on 4 March on another API of the product.
      record(api.apiId, sha256(myKey), '2025-03-02T10:15:00Z', 200, 10),
      record(api.apiId, sha256(myKey), '2025-03-02T11:15:00Z', 500, 30),
      record(otherApi.apiId, sha256(myKey), '2025-03-04T09:00:00Z', 201, 20),
      // Outside the period.
      record(api.apiId, sha256(myKey), '2025-02-27T09:00:00Z', 200, 10),
      // Another app's key, a Dashboard key and no key at all, in the period: never counted.
      record(api.apiId, sha256(b.key), '2025-03-02T10:20:00Z', 200, 999),
      record(api.apiId, plainHash, '2025-03-02T10:25:00Z', 404, 999),
      record(api.apiId, '', '2025-03-02T10:30:00Z', 200, 999),
    ];
    await ok(await t.request('POST', '/api/analytics/records', { key: root, body: { records } }));
  });
  afterAll(async () => {
    await t.close();
  });

  it("counts the app's own keys only, by day, quiet days included", async () => {
    const u = await ok<Usage>(await usage('owner', mine, 'from=2025-03-01&to=2025-03-07'));
    expect(u).toMatchObject({ AppID: mine, From: '2025-03-01', To: '2025-03-07', Resolution: 'day' });
    expect(u.Totals).toEqual({ Requests: 3, Errors: 1, AverageLatency: 20 });
    expect(u.Series).toHaveLength(7);
    expect(u.Series[0]).toEqual({ Time: '2025-03-01T00:00:00.000Z', Requests: 0, Errors: 0, AverageLatency: 0 });
    expect(u.Series[1]).toEqual({ Time: '2025-03-02T00:00:00.000Z', Requests: 2, Errors: 1, AverageLatency: 20 });
    expect(u.Series[3]).toEqual({ Time: '2025-03-04T00:00:00.000Z', Requests: 1, Errors: 0, AverageLatency: 20 });
    expect(u.Series.reduce((n, p) => n + p.Requests, 0)).toBe(3);

    // The other app's traffic is its own.
    const other = await ok<Usage>(await usage('stranger', theirs, 'from=2025-03-01&to=2025-03-07'));
    expect(other.Totals).toEqual({ Requests: 1, Errors: 0, AverageLatency: 999 });
    // An app without calls: zeros.
    const quiet = await ok<Usage>(await usage('owner', teamApp, 'from=2025-03-01&to=2025-03-07'));
    expect(quiet.Totals).toEqual({ Requests: 0, Errors: 0, AverageLatency: 0 });
  });

  it('answers one point per hour when asked', async () => {
    const u = await ok<Usage>(await usage('owner', mine, 'from=2025-03-02&to=2025-03-02&res=hour'));
    expect(u.Resolution).toBe('hour');
    expect(u.Series).toHaveLength(24);
    expect(u.Series[10]).toEqual({ Time: '2025-03-02T10:00:00.000Z', Requests: 1, Errors: 0, AverageLatency: 10 });
    expect(u.Series[11]).toEqual({ Time: '2025-03-02T11:00:00.000Z', Requests: 1, Errors: 1, AverageLatency: 30 });
  });

  it('hides apps the consumer cannot read, and lets teammates read a team app', async () => {
    const foreign = await usage('owner', theirs, 'from=2025-03-01&to=2025-03-07');
    const missing = await usage('owner', 999_999, 'from=2025-03-01&to=2025-03-07');
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    // A personal app is its owner's alone; a team app is read by teammates.
    expect((await usage('teammate', mine, 'from=2025-03-01&to=2025-03-07')).statusCode).toBe(404);
    expect((await usage('teammate', teamApp, 'from=2025-03-01&to=2025-03-07')).statusCode).toBe(200);
    // Bad dates of a hidden app still answer 404: nothing tells it exists.
    expect((await usage('owner', theirs, 'from=nope&to=2025-03-07')).statusCode).toBe(404);
  });

  it('refuses visitors and staff sessions like the other app routes', async () => {
    expect((await t.request('GET', `/portal/api/apps/${mine}/usage?from=2025-03-01&to=2025-03-07`)).statusCode).toBe(401);
    const staff = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'root@example.com', password: 'correct-horse-battery' } }))!;
    const byStaff = await t.request('GET', `/portal/api/apps/${mine}/usage?from=2025-03-01&to=2025-03-07`, { session: staff });
    const staffOnApp = await t.request('GET', `/portal/api/apps/${mine}`, { session: staff });
    expect(byStaff.statusCode).toBe(staffOnApp.statusCode);
    expect(byStaff.statusCode).toBe(403);
  });

  it('names the field of a bad date or period in a 400', async () => {
    const cases: [string, string][] = [
      ['from=2025-3-1&to=2025-03-07', 'from'],
      ['from=2025-02-30&to=2025-03-07', 'from'],
      ['from=2025-03-01&to=tomorrow', 'to'],
      ['from=2025-03-07&to=2025-03-01', 'to'],
      ['from=2025-01-01&to=2025-03-01&res=hour', 'to'],
      ['from=2024-01-01&to=2025-03-01', 'to'],
      ['to=2025-03-01', 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await usage('owner', mine, query);
      expect(res.statusCode, query).toBe(400);
      expect((res.json() as { errors: string[] }).errors.join(' '), query).toContain(field);
    }
    const res = await usage('owner', mine, 'from=2025-03-01&to=2025-03-07&res=week');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('res');
  });
});
