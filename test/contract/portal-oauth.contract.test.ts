import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';
import { exampleChecks } from './tyk-examples.js';
import { describeContract, problems, type Reference } from './tyk-reference.js';

/*
 * OAuth providers, their client types and the client types of products as the
 * Admin Portal API answers them, validated against the Tyk Enterprise Developer
 * Portal description (paths relative to /portal-api).
 */

const FILE = 'enterprise-developer-portal-swagger.yaml';

describeContract(FILE, 'portal OAuth providers contract', (ref: Reference) => {
  const examples = exampleChecks(ref, 'portal OAuth providers contract');
  let t: TestApp;
  let root: string;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_SECRETS_KEY: 'a-secrets-key-for-tests-0123456789abcdef' });
    root = await t.bootstrap();
    const apiId = (await createApi(t, root, 'Payments', '/payments/')).apiId;
    const res = await t.request('POST', '/portal-api/products', { key: root, body: { Name: 'payments', DCREnabled: true, APIDetails: [{ APIID: apiId }] } });
    productId = (res.json() as { ID: number }).ID;
  });
  afterAll(async () => {
    await t.close();
  });

  async function valid(method: string, url: string, path: string, body?: unknown, status = 200): Promise<Record<string, unknown>> {
    const res = await t.request(method, `/portal-api${url}`, { key: root, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    expect(ref.documents(method, path, status), `${method} ${path} documents ${status}`).toBe(true);
    const json = res.json() as Record<string, unknown>;
    expect(problems(ref.response(method, path, status), json), `${method} ${url}`).toEqual([]);
    examples.check(method, path, status, json);
    return json;
  }

  it('providers, client types and product client types in the documented shapes', async () => {
    const p = await valid('POST', '/oauth-providers', '/oauth-providers', { Name: 'Keycloak', Type: 'Keycloak', WellKnownURL: 'https://idp.example.test/realms/dcr/.well-known/openid-configuration', RegistrationAccessToken: 'iat' });
    const pid = p.ID as number;
    expect(problems(ref.response('POST', '/oauth-providers', 200), { ...p, ID: 'one' })).not.toEqual([]);
    await valid('GET', '/oauth-providers', '/oauth-providers');
    await valid('GET', `/oauth-providers/${pid}`, '/oauth-providers/{provider_id}');
    await valid('PUT', `/oauth-providers/${pid}`, '/oauth-providers/{provider_id}', { Name: 'Keycloak (prod)' });
    const ct = await valid('POST', `/oauth-providers/${pid}/client-types`, '/oauth-providers/{provider_id}/client-types', { Name: 'Server', GrantType: 'client_credentials', ResponseTypes: 'token' });
    const cid = ct.ID as number;
    await valid('GET', `/oauth-providers/${pid}/client-types`, '/oauth-providers/{provider_id}/client-types');
    await valid('GET', `/oauth-providers/${pid}/client-types/${cid}`, '/oauth-providers/{provider_id}/client-types/{client_type_id}');
    await valid('PUT', `/oauth-providers/${pid}/client-types/${cid}`, '/oauth-providers/{provider_id}/client-types/{client_type_id}', { Description: 'Machines' });
    await valid('POST', `/products/${productId}/client_types`, '/products/{product_id}/client_types', { ID: cid }, 201);
    await valid('GET', `/products/${productId}/client_types`, '/products/{product_id}/client_types');
    await valid('GET', `/products/${productId}/client_types/${cid}`, '/products/{product_id}/client_types/{client_type_id}');
    await valid('DELETE', `/products/${productId}/client_types/${cid}`, '/products/{product_id}/client_types/{client_type_id}');
    await valid('DELETE', `/oauth-providers/${pid}/client-types/${cid}`, '/oauth-providers/{provider_id}/client-types/{client_type_id}');
    await valid('DELETE', `/oauth-providers/${pid}`, '/oauth-providers/{provider_id}');
    await valid('GET', `/oauth-providers/${pid}`, '/oauth-providers/{provider_id}', undefined, 404);
  });
});
