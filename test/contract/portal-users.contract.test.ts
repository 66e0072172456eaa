import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { exampleChecks } from './tyk-examples.js';
import { describeContract, problems } from './tyk-reference.js';

/*
 * Portal users and organisations as the Admin Portal API answers them, validated
 * against the Tyk Enterprise Developer Portal description (paths are relative to /portal-api).
 */

const FILE = 'enterprise-developer-portal-swagger.yaml';
describeContract(FILE, 'portal users contract', (ref) => {
  const examples = exampleChecks(ref, 'portal users contract');
  let t: TestApp;
  let root: string;
  let orgId = 0;
  let teamId = 0;
  let consumerId = 0;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    const org = (await t.request('POST', '/portal-api/organisations', { key: root, body: { Name: 'Contract Org' } })).json() as { ID: number; Teams: { ID: number }[] };
    orgId = org.ID;
    teamId = org.Teams[0]!.ID;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends the request, expects `status`, and checks the body against the documented response. */
  async function valid(method: string, url: string, path: string, body?: unknown, status = 200): Promise<unknown> {
    const res = await t.request(method, `/portal-api${url}`, { key: root, body });
    expect(res.statusCode, res.body).toBe(status);
    const json: unknown = res.json();
    expect(problems(ref.response(method, path, status), json), `${method} ${url}`).toEqual([]);
    examples.check(method, path, status, json);
    return json;
  }

  it('creates, reads, lists, updates and deletes users in the documented shapes', async () => {
    const created = (await valid('POST', '/users', '/users', {
      First: 'Con',
      Last: 'Tract',
      Email: 'contract@example.com',
      Role: 'consumer-team-member',
      OrganisationID: orgId,
      Teams: [String(teamId)],
      Active: true,
      ResetPassword: false,
      Password: 'contract-password-1',
    })) as { ID: number; Teams: unknown[] };
    consumerId = created.ID;
    expect(created.Teams).toHaveLength(1);
    // The seed's admin-user flow, in the same shapes.
    await valid('POST', '/users', '/users', { First: 'Ad', Last: 'Min', Email: 'admin2@example.com', Role: 'provider-admin', Active: true, ResetPassword: true, Password: 'admin-password-1' });
    await valid('GET', `/users/${consumerId}`, '/users/{user_id}');
    const list = (await valid('GET', '/users', '/users')) as unknown[];
    expect(list.length).toBe(3);
    await valid('PUT', `/users/${consumerId}`, '/users/{user_id}', { First: 'Renamed', Teams: [String(teamId)] });
    await valid('DELETE', `/users/${consumerId}`, '/users/{user_id}');
    await valid('DELETE', `/users/${consumerId}`, '/users/{user_id}', undefined, 404);
  });

  it('creates, lists, changes and deletes organisations and teams in the documented shapes', async () => {
    const org = (await valid('POST', '/organisations', '/organisations', { Name: 'Second Org' })) as { ID: number };
    await valid('GET', '/organisations', '/organisations');
    await valid('PUT', `/organisations/${org.ID}`, '/organisations/{organisation_id}', { Name: 'Second Org, renamed' });
    const team = (await valid('POST', `/organisations/${org.ID}/teams`, '/organisations/{organisation_id}/teams', { Name: 'Ops' })) as { ID: number };
    await valid('GET', `/organisations/${org.ID}/teams`, '/organisations/{organisation_id}/teams');
    await valid('PUT', `/organisations/${org.ID}/teams/${team.ID}`, '/organisations/{organisation_id}/teams/{team_id}', { Name: 'Operations' });
    await valid('DELETE', `/organisations/${org.ID}/teams/${team.ID}`, '/organisations/{organisation_id}/teams/{team_id}');
    await valid('DELETE', `/organisations/${org.ID}`, '/organisations/{organisation_id}');
  });

  it('shows organisations and teams with their users in the documented shapes', async () => {
    const member = (await t.request('POST', '/portal-api/users', { key: root, body: { First: 'Mem', Last: 'Ber', Email: 'member@example.com', OrganisationID: orgId } })).json() as { ID: number };
    const org = (await valid('GET', `/organisations/${orgId}`, '/organisations/{organisation_id}')) as { Users: { ID: number }[] };
    expect(org.Users).toEqual([{ ID: member.ID }]);
    const team = (await valid('GET', `/organisations/${orgId}/teams/${teamId}`, '/organisations/{organisation_id}/teams/{team_id}')) as { Users: string[] };
    expect(team.Users).toEqual([String(member.ID)]);
  });
});
