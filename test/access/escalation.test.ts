import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { sessionFrom, startTestApp, SAME_ORIGIN, type TestApp } from '../helpers/app.js';
import { classicApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';
import { createProxiedApi, eventually, gatewayFor, rights, send, startUpstream, type Upstream } from '../gateway/helpers.js';

/*
 * Nobody can give anyone — themselves included — more than they can see and hold.
 * Team A and team B each own an API; team B's members hold every section at
 * `write`, the same as team A's, so only API ownership tells them apart.
 */

const TEAM_PERMS = { apis: 'write', policies: 'write', keys: 'write', portal: 'write', users: 'write', user_groups: 'write' };
const CONSUMER_PASSWORD = 'consumer-password-1';

function status(res: LightMyRequestResponse, want: number, what: string): void {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(want);
}

describe('nobody gives more than they can see and hold (ownership on)', () => {
  let t: TestApp;
  let root: string;
  let upstream: Upstream;
  let gw: RunningGateway;
  let teamA: string;
  let teamB: string;
  let alice: { id: string; key: string };
  let bob: { id: string; key: string };
  let bobPeer: { id: string; key: string };
  let apiA: string;
  let apiB: string;
  let policyAB: string;
  let policyB: string;

  const as = (key: string, method: string, url: string, body?: unknown) => t.request(method, url, { key, ...(body !== undefined ? { body } : {}) });
  const opens = async (key: string, path: string) => (await send(gw.url, path, { headers: { authorization: key } })).status;

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    upstream = await startUpstream('team-upstream');
    teamA = await createGroup(t, root, 'TeamA', TEAM_PERMS);
    teamB = await createGroup(t, root, 'TeamB', TEAM_PERMS);
    alice = await createUser(t, root, 'alice@example.com', { groupId: teamA });
    bob = await createUser(t, root, 'bob@example.com', { groupId: teamB });
    bobPeer = await createUser(t, root, 'bob-peer@example.com', { groupId: teamB });
    apiA = await createProxiedApi(t, root, 'Team A API', '/team-a/', upstream.url);
    apiB = await createProxiedApi(t, root, 'Team B API', '/team-b/', upstream.url);
    await setOwners(t, root, apiA, [], [teamA]);
    await setOwners(t, root, apiB, [], [teamB]);
    const both = await as(root, 'POST', '/api/portal/policies', { name: 'A+B', access_rights: { [apiA]: rights(apiA), [apiB]: rights(apiB) } });
    status(both, 200, 'policy A+B');
    policyAB = both.json().Message as string;
    const onlyB = await as(root, 'POST', '/api/portal/policies', { name: 'B only', access_rights: { [apiB]: rights(apiB) } });
    status(onlyB, 200, 'policy B');
    policyB = onlyB.json().Message as string;
    gw = await gatewayFor(t);
  });
  afterAll(async () => {
    await gw?.stop();
    await upstream?.close();
    await t?.close();
  });

  describe('keys, policies, plans and products (item 6)', () => {
    it('refuses to apply a policy granting an API the actor cannot see; the key never opens that API', async () => {
      const refused = await as(bob.key, 'POST', '/api/keys', { alias: 'sneaky', apply_policies: [policyAB] });
      status(refused, 403, 'apply A+B');
      const legacy = await as(bob.key, 'POST', '/api/keys', { alias: 'sneaky', apply_policy_id: policyAB });
      status(legacy, 403, 'apply_policy_id A+B');

      const mine = await as(bob.key, 'POST', '/api/keys', { alias: 'mine', apply_policies: [policyB] });
      status(mine, 200, 'apply B');
      const created = mine.json() as { key: string; key_hash: string; data: { access_rights: Record<string, unknown>; apply_policies: string[] } };
      // The reply shows the rights the key really has, here through its policy.
      expect(Object.keys(created.data.access_rights)).toEqual([apiB]);
      expect(created.data.apply_policies).toEqual([policyB]);

      expect(await eventually(async () => (await opens(created.key, '/team-b/x')) === 200, 5000)).toBeGreaterThanOrEqual(0);
      expect(await opens(created.key, '/team-a/x')).toBe(403);

      // Nor can the key gain the policy afterwards, through either route.
      status(await as(bob.key, 'PUT', `/api/keys/${created.key_hash}`, { alias: 'mine', apply_policies: [policyB, policyAB] }), 403, 'add A+B to own key');
      status(await as(bob.key, 'PUT', `/api/keys/${created.key}`, { alias: 'mine', apply_policies: [policyAB] }), 403, 'swap to A+B by key');
      status(await as(bob.key, 'PUT', `/api/keys/${created.key_hash}`, { alias: 'mine', access_rights: { [apiA]: rights(apiA) } }), 400, 'grant A directly');
      const after = await as(root, 'GET', `/api/keys/${created.key_hash}`);
      expect(after.json().data.apply_policies).toEqual([policyB]);
      expect(await opens(created.key, '/team-a/x')).toBe(403);
    });

    it('refuses to change or delete a key or a policy that grants an API the actor cannot see', async () => {
      const viaPolicy = await as(root, 'POST', '/api/keys', { alias: 'ab-policy', apply_policies: [policyAB] });
      status(viaPolicy, 200, 'root key A+B');
      const direct = await as(root, 'POST', '/api/keys', { alias: 'ab-direct', access_rights: { [apiA]: rights(apiA), [apiB]: rights(apiB) } });
      status(direct, 200, 'root direct key A+B');
      const viaPolicyHash = viaPolicy.json().key_hash as string;
      const directHash = direct.json().key_hash as string;

      // Visible through team B's API (the documented conflict rule), team A's entry left out...
      const seen = await as(bob.key, 'GET', `/api/keys/${viaPolicyHash}`);
      status(seen, 200, 'read A+B key');
      expect(Object.keys(seen.json().data.access_rights)).toEqual([apiB]);
      // ...but not Bob's to change or delete.
      for (const hash of [viaPolicyHash, directHash]) {
        status(await as(bob.key, 'PUT', `/api/keys/${hash}`, { alias: 'raised', rate: 100000, per: 1 }), 403, `raise limits of ${hash}`);
        status(await as(bob.key, 'DELETE', `/api/keys/${hash}`), 403, `delete ${hash}`);
      }
      status(await as(bob.key, 'PUT', `/api/portal/policies/${policyAB}`, { name: 'A+B raised', rate: 100000, per: 1, access_rights: { [apiB]: rights(apiB) } }), 403, 'change A+B');
      status(await as(bob.key, 'DELETE', `/api/portal/policies/${policyAB}`), 403, 'delete A+B');

      const full = await as(root, 'GET', `/api/portal/policies/${policyAB}`);
      expect(full.json()).toMatchObject({ name: 'A+B', rate: 0 });
      expect(Object.keys(full.json().access_rights).sort()).toEqual([apiA, apiB].sort());
      expect((await as(root, 'GET', `/api/keys/${directHash}`)).json().data).toMatchObject({ alias: 'ab-direct', rate: 0 });
      expect(await eventually(async () => (await opens(viaPolicy.json().key as string, '/team-a/x')) === 200, 5000)).toBeGreaterThanOrEqual(0);

      // What Bob holds whole stays his to change.
      status(await as(bob.key, 'PUT', `/api/portal/policies/${policyB}`, { name: 'B only', rate: 10, per: 1, access_rights: { [apiB]: rights(apiB) } }), 200, 'change B');
    });

    it('refuses to change or delete a plan or a product whose offerings grant an API the actor cannot see, and to approve access to one', async () => {
      const portal = (key: string, method: string, url: string, body?: unknown) => as(key, method, `/portal-api${url}`, body);
      const catalogue = await portal(root, 'POST', '/catalogues', { Name: 'Shared', VisibilityStatus: 'Public' });
      status(catalogue, 200, 'catalogue');
      const cat = catalogue.json().ID as number;
      const plan = await portal(root, 'POST', '/plans', { Name: 'Shared plan', RateLimit: 5, Per: 1, UnlimitedQuota: true, Catalogues: [cat] });
      status(plan, 200, 'plan');
      const planId = plan.json().ID as number;
      const productA = await portal(root, 'POST', '/products', { Name: 'A product', APIDetails: [{ APIID: apiA }], Catalogues: [cat] });
      status(productA, 201, 'product A');
      const productAB = await portal(root, 'POST', '/products', { Name: 'A+B product', APIDetails: [{ APIID: apiA }, { APIID: apiB }], Catalogues: [cat] });
      status(productAB, 201, 'product A+B');
      const abId = productAB.json().ID as number;

      // The shared plan's limits are in force for team A's API: not Bob's to change.
      status(await portal(bob.key, 'PUT', `/plans/${planId}`, { RateLimit: 100000, Per: 1 }), 403, 'raise shared plan');
      status(await portal(bob.key, 'DELETE', `/plans/${planId}`), 403, 'delete shared plan');
      status(await portal(bob.key, 'PUT', `/products/${abId}`, { Description: 'mine now' }), 403, 'change A+B product');
      status(await portal(bob.key, 'DELETE', `/products/${abId}`), 403, 'delete A+B product');
      // A plan of Bob's own offered next to team A's product would grant team A's API.
      status(await portal(bob.key, 'POST', '/plans', { Name: 'Bob plan', RateLimit: 100000, Per: 1, Catalogues: [cat] }), 403, 'offer own plan with A');
      expect((await portal(root, 'GET', '/plans')).json().data.map((p: { Name: string }) => p.Name)).not.toContain('Bob plan');
      const stored = await portal(root, 'GET', `/plans/${planId}`);
      expect(stored.json()).toMatchObject({ RateLimit: 5, Per: 1 });
      const backing = (await as(root, 'GET', '/api/portal/policies?p=-1')).json().Data as { name: string; rate: number }[];
      expect(backing.filter((p) => p.name.startsWith('Portal: ')).map((p) => p.rate)).toEqual([5, 5]);

      // A plan outside any catalogue grants nothing: Bob may keep one, but not offer it next to team A's product.
      const spare = await portal(bob.key, 'POST', '/plans', { Name: 'Bob spare', RateLimit: 1, Per: 1, AutoApproveAccessRequests: true });
      status(spare, 200, 'own spare plan');
      status(await portal(bob.key, 'PUT', `/catalogues/${cat}`, { Plans: [planId, spare.json().ID] }), 403, 'offer spare plan with A');
      status(await portal(bob.key, 'PUT', `/catalogues/${cat}`, { Plans: [] }), 403, 'withdraw the shared plan');
      status(await portal(bob.key, 'DELETE', `/catalogues/${cat}`), 403, 'delete the shared catalogue');
      expect((await portal(root, 'GET', `/catalogues/${cat}`)).json().PlanIDs).toEqual([planId]);
      const ownCatalogue = await portal(bob.key, 'POST', '/catalogues', { Name: 'Bob catalogue', VisibilityStatus: 'Public', Plans: [spare.json().ID] });
      status(ownCatalogue, 200, 'own catalogue');

      // Approving a consumer's request for the A+B product would hand out team A's API.
      status(await portal(root, 'POST', '/users', { First: 'Dev', Last: 'Eloper', Email: 'dev@example.com', Password: CONSUMER_PASSWORD, Active: true }), 200, 'consumer');
      const session = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'dev@example.com', password: CONSUMER_PASSWORD } }))!;
      const consumer = (method: string, url: string, body?: unknown) => t.request(method, `/portal/api${url}`, { session, body, headers: SAME_ORIGIN });
      const app = await consumer('POST', '/apps', { Name: 'Dev app' });
      status(app, 200, 'app');
      const request = await consumer('POST', '/access-requests', { AppID: app.json().ID, ProductID: abId, PlanID: planId });
      status(request, 200, 'access request');
      status(await portal(bob.key, 'PUT', `/access_requests/${request.json().ID}/approve`), 403, 'approve A+B');
      expect((await portal(root, 'GET', `/access_requests/${request.json().ID}`)).json()).toMatchObject({ Status: 'pending' });
    });
  });

  describe('users and groups (item 7)', () => {
    it("gives a peer's new access key to nobody but an administrator", async () => {
      const refused = await as(bob.key, 'PUT', `/api/users/${bobPeer.id}/actions/key/reset`);
      status(refused, 403, 'reset peer key');
      expect(refused.body).not.toMatch(/[0-9a-f]{40}/);
      // The peer's key still works.
      status(await as(bobPeer.key, 'GET', '/api/users/me'), 200, 'peer key');
      const own = await as(bob.key, 'PUT', `/api/users/${bob.id}/actions/key/reset`);
      status(own, 200, 'own key');
      bob = { ...bob, key: own.json().Meta.access_key as string };
      const byAdmin = await as(root, 'PUT', `/api/users/${bobPeer.id}/actions/key/reset`);
      status(byAdmin, 200, 'administrator resets');
      bobPeer = { ...bobPeer, key: byAdmin.json().Meta.access_key as string };
    });

    it('refuses to put anyone, oneself included, into a group that owns APIs the actor cannot see', async () => {
      status(await as(bob.key, 'PUT', `/api/users/${bob.id}`, { group_id: teamA }), 403, 'move self into TeamA');
      const carol = await as(bob.key, 'POST', '/api/users', { first_name: 'Carol', last_name: 'Test', email_address: 'carol@example.com', user_permissions: { apis: 'read' } });
      status(carol, 200, 'create carol');
      const carolId = carol.json().Meta.id as string;
      status(await as(bob.key, 'PUT', `/api/users/${carolId}`, { group_id: teamA }), 403, 'move carol into TeamA');
      status(
        await as(bob.key, 'POST', '/api/users', { first_name: 'Dan', last_name: 'Test', email_address: 'dan@example.com', group_id: teamA }),
        403,
        'create dan in TeamA',
      );
      expect((await as(root, 'GET', `/api/users/${carolId}`)).json().group_id).toBe('');
      expect((await as(root, 'GET', `/api/users/${bob.id}`)).json().group_id).toBe(teamB);
      status(await as(bob.key, 'GET', `/api/apis/${apiA}`), 404, 'team A API stays hidden');
      // A group within reach is fine.
      status(await as(bob.key, 'PUT', `/api/users/${carolId}`, { group_id: teamB }), 200, 'move carol into TeamB');
    });

    it("refuses to act on a user or group whose APIs the actor cannot see, or hand APIs to one", async () => {
      for (const [method, url, body] of [
        ['PUT', `/api/users/${alice.id}`, { first_name: 'Renamed' }],
        ['PUT', `/api/users/${alice.id}/actions/revoke`, undefined],
        ['DELETE', `/api/users/${alice.id}`, undefined],
        ['PUT', `/api/usergroups/${teamA}`, { active: false }],
        ['PUT', `/api/usergroups/${teamA}`, { name: 'TeamA renamed' }],
      ] as const) {
        status(await as(bob.key, method, url, body), 403, `${method} ${url}`);
      }
      status(await as(alice.key, 'GET', '/api/users/me'), 200, 'alice still active');

      // Erin co-owns an API with team B: Bob may act on her, but not hand her APIs to team A or Alice.
      const erin = await createUser(t, root, 'erin@example.com', { perms: { apis: 'read' } });
      const shared = await as(root, 'POST', '/api/apis', classicApi('Shared API', '/shared/'));
      status(shared, 200, 'shared API');
      await setOwners(t, root, shared.json().ID as string, [erin.id], [teamB]);
      status(await as(bob.key, 'DELETE', `/api/users/${erin.id}?successor_group=${teamA}`), 403, 'hand to TeamA');
      status(await as(bob.key, 'DELETE', `/api/users/${erin.id}?successor_user=${alice.id}`), 403, 'hand to alice');
      status(await as(root, 'GET', `/api/users/${erin.id}`), 200, 'erin is still there');
      status(await as(bob.key, 'DELETE', `/api/users/${erin.id}?successor_user=${bobPeer.id}`), 200, 'hand to a peer');
    });

    it('refuses to delete the sole owner of an API the actor cannot see, even naming themselves, without counting that API', async () => {
      const dave = await createUser(t, root, 'dave@example.com', { perms: { apis: 'read' } });
      const hidden = await as(root, 'POST', '/api/apis', classicApi('Dave API', '/dave/'));
      status(hidden, 200, 'dave API');
      const hiddenId = hidden.json().ID as string;
      await setOwners(t, root, hiddenId, [dave.id], []);

      const plain = await as(bob.key, 'DELETE', `/api/users/${dave.id}`);
      status(plain, 403, 'delete sole owner');
      expect(plain.json().Message).not.toMatch(/\d/);
      expect(plain.json().Message).not.toMatch(/API/);
      status(await as(bob.key, 'DELETE', `/api/users/${dave.id}?successor_user=${bob.id}`), 403, 'delete naming self');
      status(await as(bob.key, 'GET', `/api/apis/${hiddenId}`), 404, 'still hidden');
      expect((await as(root, 'GET', `/api/apis/${hiddenId}/access`)).json().userIds).toEqual([dave.id]);
    });

    it('leaves deactivating a group that holds an administrator to administrators', async () => {
      const teamC = await createGroup(t, root, 'TeamC', { apis: 'read' });
      const adminC = await createUser(t, root, 'admin-c@example.com', { perms: { IsAdmin: 'admin' }, groupId: teamC });
      status(await as(bob.key, 'PUT', `/api/usergroups/${teamC}`, { active: false }), 403, 'deactivate TeamC');
      status(await as(adminC.key, 'GET', '/api/users/me'), 200, 'administrator still in');
      status(await as(bob.key, 'PUT', `/api/usergroups/${teamC}`, { description: 'fine' }), 200, 'describe TeamC');
      const teamD = await createGroup(t, root, 'TeamD', { apis: 'read' });
      status(await as(bob.key, 'PUT', `/api/usergroups/${teamD}`, { active: false }), 200, 'deactivate an ordinary group');
    });
  });
});
