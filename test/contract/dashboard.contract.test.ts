import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser } from '../helpers/fixtures.js';
import { loadReference, problems, REFERENCE_DIR, referenceAvailable, type Reference } from './tyk-reference.js';

const FILE = 'dashboard-swagger.yml';

if (!referenceAvailable(FILE)) {
  describe('Tyk Dashboard contract', () => {
    it('did not run: the Tyk reference is absent', () => {
      console.log(`Contract tests did not run: ${REFERENCE_DIR}/${FILE} is absent (CI always has it).`);
      expect(referenceAvailable(FILE)).toBe(false);
    });
  });
} else {
  describe('Tyk Dashboard contract', () => {
    let t: TestApp;
    let ref: Reference;
    let root: string;
    let userId: string;
    let groupId: string;
    let apiId: string;
    let keyHash: string;
    let policyId: string;

    beforeAll(async () => {
      ref = loadReference(FILE);
      t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
      root = await t.bootstrap();
      groupId = await createGroup(t, root, 'Devs', { apis: 'write', analytics: 'read' });
      userId = (await createUser(t, root, 'dev@example.com', { groupId })).id;
      apiId = (await createApi(t, root, 'Contract API', '/contract/')).apiId;
      await t.request('PUT', `/api/apis/${apiId}/access`, { key: root, body: { userIds: [userId], userGroupIds: [groupId] } });
      const policy = await t.request('POST', '/api/portal/policies', {
        key: root,
        body: { name: 'P', rate: 10, per: 60, access_rights: { [apiId]: { api_id: apiId, versions: ['Default'], allowed_urls: [{ url: '/x', methods: ['GET'] }] } } },
      });
      policyId = policy.json()._id as string;
      const key = await t.request('POST', '/api/keys', { key: root, body: { alias: 'k', apply_policies: [policyId] } });
      keyHash = key.json().key_hash as string;
    });
    afterAll(async () => {
      await t.close();
    });

    const valid = async (schema: string, method: string, url: string, body?: unknown) => {
      const res = await t.request(method, url, { key: root, body });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      expect(problems(ref.schema(schema), res.json()), `${method} ${url} against ${schema}`).toEqual([]);
      return res;
    };

    it('users', async () => {
      await valid('Users', 'GET', '/api/users');
      await valid('User', 'GET', `/api/users/${userId}`);
      await valid('User', 'GET', '/api/users/me');
      await valid('Users', 'POST', '/api/users/search', { filters: { query: 'dev' } });
      const created = await valid('ApiResponse', 'POST', '/api/users', { first_name: 'C', last_name: 'T', email_address: 'ct@example.com', user_permissions: { apis: 'read' } });
      expect(problems(ref.schema('User'), created.json().Meta)).toEqual([]);
      await valid('ApiResponse', 'PUT', `/api/users/${userId}`, { first_name: 'Dev' });
      await valid('ApiResponse', 'PUT', `/api/users/${created.json().Meta.id as string}/actions/key/reset`);
    });

    it('user groups', async () => {
      await valid('UserGroups', 'GET', '/api/usergroups');
      await valid('UserGroup', 'GET', `/api/usergroups/${groupId}`);
      await valid('ApiResponse', 'POST', '/api/usergroups', { name: 'Other', user_permissions: { apis: 'read' } });
    });

    it('error envelopes', async () => {
      const cases: [string, string, unknown, string | undefined, number][] = [
        ['POST', '/api/users', { first_name: 1 }, root, 400],
        ['GET', '/api/users', undefined, 'nope', 401],
        ['GET', '/api/users/999999', undefined, root, 404],
        ['DELETE', `/api/usergroups/${groupId}`, undefined, root, 409],
      ];
      for (const [method, url, body, key, status] of cases) {
        const res = await t.request(method, url, { key, body });
        expect(res.statusCode, `${method} ${url}`).toBe(status);
        expect(problems(ref.schema('ApiResponse'), res.json())).toEqual([]);
        expect(res.json()).toMatchObject({ Status: 'Error', Meta: null });
      }
      const plain = await createUser(t, root, 'plain@example.com');
      const forbidden = await t.request('GET', '/api/users', { key: plain.key });
      expect(forbidden.statusCode).toBe(403);
      expect(problems(ref.schema('ApiResponse'), forbidden.json())).toEqual([]);
    });

    it('audit log', async () => {
      await valid('AuditLogs', 'GET', '/api/audit-logs');
    });

    it('APIs and their owners', async () => {
      await valid('ApiDefinitionsResponse', 'GET', '/api/apis');
      await valid('ApiDefinitionWrapper', 'GET', `/api/apis/${apiId}`);
      await valid('AccessManagementPayload', 'GET', `/api/apis/${apiId}/access`);
      await valid('ApiResponse', 'PUT', `/api/apis/${apiId}/access`, { userIds: [userId], userGroupIds: [] });
      await valid('ApiResponse', 'POST', '/api/apis', { api_definition: { name: 'Second', proxy: { listen_path: '/second/', target_url: 'http://127.0.0.1:9' } } });
    });

    it('policies and keys', async () => {
      await valid('ReturnDataStruct', 'GET', '/api/portal/policies');
      await valid('Policy', 'GET', `/api/portal/policies/${policyId}`);
      await valid('KeyData', 'GET', `/api/keys/${keyHash}`);
      await valid('KeyData', 'POST', '/api/keys', { access_rights: { [apiId]: { api_id: apiId, versions: [] } } });
      await valid('Keys', 'GET', `/api/apis/${apiId}/keys`);
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
}
