import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAME_ORIGIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';

/*
 * Issue 14 item 8: a read–modify–write round trip works for every object with
 * a GET and a PUT: what GET returns, sent back to PUT with one field changed,
 * succeeds (read-only fields such as IDs and timestamps are accepted and
 * ignored), and the next GET shows the change.
 */

type Json = Record<string, unknown>;
const PASSWORD = 'a-long-enough-password-42';

describe('GET → change one field → PUT → GET', () => {
  let t: TestApp;
  let root: string;
  let apiId: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    apiId = (await createApi(t, root, 'Round trips', '/round-trips/')).apiId;
  });
  afterAll(async () => {
    await t.close();
  });
  const call = (method: string, url: string, body?: unknown) => t.request(method, url, { key: root, body });
  async function json(method: string, url: string, body?: unknown, status = 200): Promise<Json> {
    const res = await call(method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as Json;
  }

  /**
   * Reads `url`, sends what it read back with `change` applied (to the part
   * `pick` chooses, for answers wrapped in an envelope), and reads it again.
   */
  async function roundTrip(url: string, change: Json, pick: (got: Json) => Json = (g) => g): Promise<Json> {
    const before = pick(await json('GET', url));
    const put = await call('PUT', url, { ...before, ...change });
    expect(put.statusCode, `PUT ${url} with its own GET answer: ${put.body}`).toBe(200);
    const after = pick(await json('GET', url));
    expect(after).toMatchObject(change);
    return after;
  }

  const rights = () => ({ [apiId]: { api_id: apiId, api_name: 'Round trips', versions: ['Default'], allowed_urls: [], limit: null } });

  describe('/api', () => {
    it('keys', async () => {
      const created = await json('POST', '/api/keys', { alias: 'before', access_rights: rights(), monitor: { trigger_limits: [] } });
      const after = await roundTrip(`/api/keys/${created.key_hash as string}`, { alias: 'after' }, (g) => g.data as Json);
      expect(after).toMatchObject({ monitor: { trigger_limits: [] } });
    });

    it('policies', async () => {
      const created = await json('POST', '/api/portal/policies', { name: 'before', access_rights: rights(), smoothing: { enabled: false } });
      const id = (created._id ?? created.Message) as string;
      const after = await roundTrip(`/api/portal/policies/${id}`, { name: 'after', rate: 7, per: 1 });
      expect(after).toMatchObject({ smoothing: { enabled: false } });
    });

    it('users', async () => {
      const created = await json('POST', '/api/users', {
        first_name: 'Round',
        last_name: 'Trip',
        email_address: 'round-trip@example.com',
        user_permissions: { apis: 'read', certs: 'write', IsAdmin: 'false' },
      });
      const id = (created.Meta as { id: string }).id;
      const after = await roundTrip(`/api/users/${id}`, { last_name: 'Tripped' });
      expect(after.user_permissions).toEqual({ apis: 'read', certs: 'write', IsAdmin: 'false' });
    });

    it('user groups', async () => {
      const created = await json('POST', '/api/usergroups', { name: 'before', user_permissions: { keys: 'read', hooks: 'write' } });
      const after = await roundTrip(`/api/usergroups/${created.Meta as string}`, { description: 'changed' });
      expect(after.user_permissions).toEqual({ keys: 'read', hooks: 'write' });
    });

    it('APIs', async () => {
      const { apiId: id } = await createApi(t, root, 'Round trip API', '/round-trip-api/');
      const got = await json('GET', `/api/apis/${id}`);
      const definition = got.api_definition as Json;
      const put = await call('PUT', `/api/apis/${id}`, { ...got, api_definition: { ...definition, name: 'Renamed API' } });
      expect(put.statusCode, put.body).toBe(200);
      expect(((await json('GET', `/api/apis/${id}`)).api_definition as Json).name).toBe('Renamed API');
    });
  });

  describe('/portal-api', () => {
    it('organisations and teams', async () => {
      const org = await json('POST', '/portal-api/organisations', { Name: 'Round Org' });
      await roundTrip(`/portal-api/organisations/${org.ID as number}`, { Name: 'Round Org 2' });
      const team = await json('POST', `/portal-api/organisations/${org.ID as number}/teams`, { Name: 'Round Team' });
      await roundTrip(`/portal-api/organisations/${org.ID as number}/teams/${team.ID as number}`, { Name: 'Round Team 2' });
    });

    it('users (staff and consumers)', async () => {
      const staff = await json('POST', '/portal-api/users', { First: 'Staff', Last: 'Member', Email: 'staff-rt@example.com', Role: 'provider-admin' });
      await roundTrip(`/portal-api/users/${staff.ID as number}`, { Last: 'Changed' });
      const org = await json('POST', '/portal-api/organisations', { Name: 'Consumers Org' });
      const consumer = await json(
        'POST',
        '/portal-api/users',
        { First: 'Con', Last: 'Sumer', Email: 'consumer-rt@example.com', Role: 'consumer-admin', OrganisationID: org.ID },
      );
      await roundTrip(`/portal-api/users/${consumer.ID as number}`, { First: 'Changed' });
    });

    it('products, plans and catalogues', async () => {
      const product = await json('POST', '/portal-api/products', { Name: 'rt-product', APIDetails: [{ APIID: apiId }], Content: '<p>x</p>' }, 201);
      const plan = await json('POST', '/portal-api/plans', { Name: 'rt-plan', RateLimit: 1, Per: 1, MetaData: { a: 1 } });
      const catalogue = await json('POST', '/portal-api/catalogues', { Name: 'rt-catalogue', Products: [product.ID], Plans: [plan.ID] });
      const productAfter = await roundTrip(`/portal-api/products/${product.ID as number}`, { DisplayName: 'Changed product' });
      expect(productAfter).toMatchObject({ Content: '<p>x</p>', CatalogueIDs: [catalogue.ID] });
      const planAfter = await roundTrip(`/portal-api/plans/${plan.ID as number}`, { DisplayName: 'Changed plan' });
      expect(planAfter).toMatchObject({ MetaData: { a: 1 }, Catalogues: [catalogue.ID] });
      await roundTrip(`/portal-api/catalogues/${catalogue.ID as number}`, { Name: 'rt-catalogue-2' });
    });

    it('apps', async () => {
      // Consumers create apps (in the Live Portal); administrators read and change them.
      await json('POST', '/portal-api/users', { First: 'App', Last: 'Owner', Email: 'app-owner@example.com', Role: 'consumer-admin', Active: true, Password: PASSWORD });
      const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'app-owner@example.com', password: PASSWORD } }))!;
      const created = await t.request('POST', '/portal/api/apps', { session, headers: SAME_ORIGIN, body: { Name: 'rt-app', Description: 'before' } });
      expect(created.statusCode, created.body).toBeLessThan(300);
      const app = created.json() as Json;
      await roundTrip(`/portal-api/apps/${app.ID as number}`, { Description: 'after' });
    });

    it('pages and posts', async () => {
      const page = await json('POST', '/portal-api/pages', { Title: 'RT page', Status: 'draft', Path: 'rt-page' });
      await roundTrip(`/portal-api/pages/${page.ID as number}`, { Title: 'RT page 2' });
      const post = await json('POST', '/portal-api/posts', { Title: 'RT post', Status: 'draft', Path: 'rt-post', Content: '# x' }, 201);
      await roundTrip(`/portal-api/posts/${post.ID as number}`, { Title: 'RT post 2' });
    });

    it('settings', async () => {
      await roundTrip('/portal-api/settings/general', {}, (g) => g);
      await roundTrip('/portal-api/settings/appearance', { Name: 'Round trip portal' });
    });
  });
});
