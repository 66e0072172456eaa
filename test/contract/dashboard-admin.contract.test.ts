import { afterAll, beforeAll, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { documentedAnswers, exampleChecks } from './tyk-examples.js';
import { describeContract } from './tyk-reference.js';

/*
 * The Dashboard Admin API (/admin/users, /admin/organisations, authenticated by
 * the admin secret in `admin-auth`): real answers checked against the schemas
 * and examples of Tyk's dashboard-admin-swagger.yml.
 */

const FILE = 'dashboard-admin-swagger.yml';
const SECRET = 'admin-secret-for-the-contract-0123456789';

describeContract(FILE, 'Tyk Dashboard Admin contract', (ref) => {
  let t: TestApp;
  const examples = exampleChecks(ref, 'Tyk Dashboard Admin contract');

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ADMIN_SECRET: SECRET });
    await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A 200 reply checked against the schema Tyk documents for that path, and against its examples. */
  const documented = documentedAnswers(ref, examples, (method, url, body) =>
    t.request(method, url, { headers: { 'admin-auth': SECRET }, ...(body !== undefined ? { body } : {}) }),
  );

  it('users and the organisation', async () => {
    const created = await documented('POST', '/admin/users', '/admin/users', { email_address: 'itachi@example.com', first_name: 'Itachi', last_name: 'Uchiha' });
    const id = (created.Meta as { id: string }).id;
    await documented('GET', `/admin/users/${id}`, '/admin/users/{userId}');
    await documented('PUT', `/admin/users/${id}`, '/admin/users/{userId}', { first_name: 'Itachi', last_name: 'Sasuke', email_address: 'itachi@example.com' });
    await documented('GET', '/admin/organisations', '/admin/organisations');
    await documented('GET', '/admin/organisations/1', '/admin/organisations/{orgID}');
  });
});
