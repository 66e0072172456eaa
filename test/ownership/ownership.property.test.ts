import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { classicApi } from '../helpers/fixtures.js';

/*
 * Random worlds of users, groups, APIs with random owners, policies and keys
 * spanning several APIs, and random requests; every answer is checked against a
 * small reference model of the ownership rules.
 */

const LEVELS = ['deny', 'read', 'write'] as const;
type Level = (typeof LEVELS)[number];

interface Perms {
  apis: Level;
  policies: Level;
  keys: Level;
  analytics: 'deny' | 'read';
  owned_analytics: 'deny' | 'read';
}

interface WorldSpec {
  groups: Perms[];
  users: { perms: Perms; group: number | null; admin: boolean }[];
  apis: { userOwners: number[]; groupOwners: number[]; hits: number }[];
  policies: { apis: number[] }[];
  keys: { apis: number[]; policies: number[] }[];
}

type Request =
  | { kind: 'listApis'; actor: number; page: number }
  | { kind: 'getApi'; actor: number; api: number; via: 'id' | 'api_id' }
  | { kind: 'getAccess'; actor: number; api: number }
  | { kind: 'renameApi'; actor: number; api: number }
  | { kind: 'listPolicies'; actor: number }
  | { kind: 'getPolicy'; actor: number; policy: number }
  | { kind: 'listKeys'; actor: number }
  | { kind: 'getKey'; actor: number; key: number }
  | { kind: 'apiKeys'; actor: number; api: number }
  | { kind: 'usage'; actor: number; view: 'apis' | 'errors' | 'keys' | 'endpoints' }
  | { kind: 'putPolicy'; actor: number; policy: number };

const perms = fc.record({
  apis: fc.constantFrom(...LEVELS),
  policies: fc.constantFrom(...LEVELS),
  keys: fc.constantFrom(...LEVELS),
  analytics: fc.constantFrom('deny' as const, 'read' as const),
  owned_analytics: fc.constantFrom('deny' as const, 'read' as const),
});

const world: fc.Arbitrary<WorldSpec> = fc
  .record({ nGroups: fc.integer({ min: 1, max: 3 }), nUsers: fc.integer({ min: 2, max: 5 }), nApis: fc.integer({ min: 1, max: 12 }) })
  .chain(({ nGroups, nUsers, nApis }) =>
    fc.record({
      groups: fc.array(perms, { minLength: nGroups, maxLength: nGroups }),
      users: fc.array(
        fc.record({ perms, group: fc.option(fc.integer({ min: 0, max: nGroups - 1 }), { nil: null }), admin: fc.integer({ min: 0, max: 6 }).map((n) => n === 0) }),
        { minLength: nUsers, maxLength: nUsers },
      ),
      apis: fc.array(
        fc.record({
          userOwners: fc.uniqueArray(fc.integer({ min: 0, max: nUsers - 1 }), { maxLength: 2 }),
          groupOwners: fc.uniqueArray(fc.integer({ min: 0, max: nGroups - 1 }), { maxLength: 2 }),
          hits: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: nApis, maxLength: nApis },
      ),
      policies: fc.array(fc.record({ apis: fc.uniqueArray(fc.integer({ min: 0, max: nApis - 1 }), { maxLength: 3 }) }), { maxLength: 4 }),
      keys: fc.array(
        fc.record({ apis: fc.uniqueArray(fc.integer({ min: 0, max: nApis - 1 }), { maxLength: 2 }), policies: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) }),
        { maxLength: 5 },
      ),
    }),
  );

function requests(w: WorldSpec): fc.Arbitrary<Request[]> {
  const actor = fc.integer({ min: 0, max: w.users.length - 1 });
  const api = fc.integer({ min: 0, max: w.apis.length - 1 });
  const options: fc.Arbitrary<Request>[] = [
    fc.record({ kind: fc.constant('listApis' as const), actor, page: fc.constantFrom(-1, 1, 2) }),
    fc.record({ kind: fc.constant('getApi' as const), actor, api, via: fc.constantFrom('id' as const, 'api_id' as const) }),
    fc.record({ kind: fc.constant('getAccess' as const), actor, api }),
    fc.record({ kind: fc.constant('renameApi' as const), actor, api }),
    fc.record({ kind: fc.constant('listPolicies' as const), actor }),
    fc.record({ kind: fc.constant('listKeys' as const), actor }),
    fc.record({ kind: fc.constant('apiKeys' as const), actor, api }),
    fc.record({ kind: fc.constant('usage' as const), actor, view: fc.constantFrom('apis' as const, 'errors' as const, 'keys' as const, 'endpoints' as const) }),
  ];
  const nPolicies = w.policies.length;
  if (nPolicies > 0) {
    const policy = fc.integer({ min: 0, max: nPolicies - 1 });
    options.push(fc.record({ kind: fc.constant('getPolicy' as const), actor, policy }));
    options.push(fc.record({ kind: fc.constant('putPolicy' as const), actor, policy }));
  }
  if (w.keys.length > 0) options.push(fc.record({ kind: fc.constant('getKey' as const), actor, key: fc.integer({ min: 0, max: w.keys.length - 1 }) }));
  return fc.array(fc.oneof(...options), { minLength: 5, maxLength: 25 });
}

/** The reference model. */
class Model {
  constructor(
    readonly w: WorldSpec,
    readonly ownership: boolean,
  ) {}

  /** Policies that survived creation (those naming no API beyond the world are all valid). */
  keyPolicies(k: number): number[] {
    return this.w.keys[k]!.policies.filter((p) => p < this.w.policies.length);
  }
  keyApis(k: number): number[] {
    const key = this.w.keys[k]!;
    return [...new Set([...key.apis, ...this.keyPolicies(k).flatMap((p) => this.w.policies[p]!.apis)])];
  }
  /** Keys we actually created: a key must grant at least one API or policy. */
  keyExists(k: number): boolean {
    const key = this.w.keys[k]!;
    return key.apis.length > 0 || this.keyPolicies(k).length > 0;
  }
  perms(u: number): Perms {
    const user = this.w.users[u]!;
    return user.group === null ? user.perms : this.w.groups[user.group]!;
  }
  isAdmin(u: number): boolean {
    return this.w.users[u]!.admin;
  }
  can(u: number, section: 'apis' | 'policies' | 'keys', need: 'read' | 'write'): boolean {
    if (this.isAdmin(u)) return true;
    const have = this.perms(u)[section];
    return need === 'read' ? have !== 'deny' : have === 'write';
  }
  sees(u: number, a: number): boolean {
    if (!this.ownership || this.isAdmin(u)) return true;
    const api = this.w.apis[a]!;
    if (api.userOwners.length === 0 && api.groupOwners.length === 0) return true;
    const g = this.w.users[u]!.group;
    return api.userOwners.includes(u) || (g !== null && api.groupOwners.includes(g));
  }
  seesPolicy(u: number, p: number): boolean {
    const apis = this.w.policies[p]!.apis;
    return apis.length === 0 || apis.some((a) => this.sees(u, a));
  }
  /** Holding: every API of the policy is visible (what changing or applying it needs). */
  holdsPolicy(u: number, p: number): boolean {
    return this.w.policies[p]!.apis.every((a) => this.sees(u, a));
  }
  seesKey(u: number, k: number): boolean {
    const apis = this.keyApis(k);
    return apis.length === 0 || apis.some((a) => this.sees(u, a));
  }
  analyticsScoped(u: number): boolean {
    return this.ownership && !this.isAdmin(u) && this.perms(u).owned_analytics === 'read';
  }
  analyticsApis(u: number): number[] | 'forbidden' {
    if (!this.isAdmin(u) && this.perms(u).analytics !== 'read') return 'forbidden';
    const scoped = this.analyticsScoped(u);
    return this.w.apis.map((_, a) => a).filter((a) => this.w.apis[a]!.hits > 0 && (!scoped || this.sees(u, a)));
  }
}

interface Built {
  userKeys: string[];
  userIds: string[];
  apiIds: string[];
  apiRowIds: string[];
  apiNames: string[];
  policyIds: string[];
  keyHashes: (string | null)[];
  adminKey: string;
}

const DOMAIN_TABLES = [
  'analytics_hourly_endpoint',
  'analytics_hourly_key',
  'analytics_hourly_api',
  'analytics_records',
  'key_policies',
  'key_access_rights',
  'keys',
  'policy_access_rights',
  'policies',
  'api_owner_groups',
  'api_owner_users',
  'apis',
] as const;

async function build(t: TestApp, admin: string, w: WorldSpec, run: number): Promise<Built> {
  for (const table of DOMAIN_TABLES) await t.store.db.deleteFrom(table).execute();
  await t.store.db.deleteFrom('users').where('role', '!=', 'super-admin').execute();
  await t.store.db.deleteFrom('user_groups').execute();
  const must = async (method: string, url: string, body: unknown) => {
    const res = await t.request(method, url, { key: admin, body });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
  const groupIds: string[] = [];
  for (const [i, g] of w.groups.entries()) groupIds.push((await must('POST', '/api/usergroups', { name: `g${run}-${i}`, user_permissions: g })).Meta as string);
  const userKeys: string[] = [];
  const userIds: string[] = [];
  for (const [i, u] of w.users.entries()) {
    const meta = (await must('POST', '/api/users', {
      first_name: 'U',
      last_name: String(i),
      email_address: `u${run}-${i}@example.com`,
      user_permissions: u.admin ? { IsAdmin: 'admin' } : u.perms,
      ...(u.group !== null ? { group_id: groupIds[u.group] } : {}),
    })).Meta as { id: string; access_key: string };
    userKeys.push(meta.access_key);
    userIds.push(meta.id);
  }
  const apiIds: string[] = [];
  const apiRowIds: string[] = [];
  const apiNames: string[] = [];
  for (const [i, a] of w.apis.entries()) {
    apiNames.push(`api-${run}-${String(i).padStart(2, '0')}`);
    const created = await must('POST', '/api/apis', classicApi(apiNames[i]!, `/r${run}/a${i}/`));
    apiIds.push(created.ID as string);
    apiRowIds.push(created.Meta as string);
    await must('PUT', `/api/apis/${created.ID as string}/access`, { userIds: a.userOwners.map((u) => userIds[u]), userGroupIds: a.groupOwners.map((g) => groupIds[g]) });
  }
  const right = (a: number) => ({ api_id: apiIds[a], versions: ['Default'], allowed_urls: [] });
  const policyIds: string[] = [];
  for (const [i, p] of w.policies.entries()) {
    const created = await must('POST', '/api/portal/policies', { name: `p${run}-${i}`, access_rights: Object.fromEntries(p.apis.map((a) => [apiIds[a], right(a)])) });
    policyIds.push(created.Message as string);
  }
  const keyHashes: (string | null)[] = [];
  for (const k of w.keys) {
    const policies = k.policies.filter((p) => p < policyIds.length);
    if (k.apis.length === 0 && policies.length === 0) {
      keyHashes.push(null);
      continue;
    }
    const created = await must('POST', '/api/keys', {
      access_rights: Object.fromEntries(k.apis.map((a) => [apiIds[a], right(a)])),
      apply_policies: policies.map((p) => policyIds[p]),
    });
    keyHashes.push(created.key_hash as string);
  }
  const records = w.apis.flatMap((a, i) =>
    Array.from({ length: a.hits }, () => ({
      timestamp: '2026-05-05T12:00:00Z',
      api_id: apiIds[i],
      method: 'GET',
      path: `/p${i}`,
      response_code: 200,
      request_time: 1,
      upstream_time: 1,
      api_key: `key-of-${i}`,
      ip_address: '127.0.0.1',
      content_length: 0,
    })),
  );
  await must('POST', '/api/analytics/records', { records });
  return { userKeys, userIds, apiIds, apiRowIds, apiNames, policyIds, keyHashes, adminKey: admin };
}

async function check(t: TestApp, m: Model, b: Built, r: Request): Promise<void> {
  const key = b.userKeys[r.actor]!;
  const label = JSON.stringify(r);
  const get = (url: string) => t.request('GET', url, { key });
  const notFoundBody = async (url: string) => (await get(url)).body;
  switch (r.kind) {
    case 'listApis': {
      const res = await get(`/api/apis?p=${r.page}&sort=name`);
      if (!m.can(r.actor, 'apis', 'read')) return void expect(res.statusCode, label).toBe(403);
      expect(res.statusCode, label).toBe(200);
      const visible = m.w.apis.map((_, a) => a).filter((a) => m.sees(r.actor, a));
      const expected = r.page < 0 ? visible : visible.slice((r.page - 1) * 10, r.page * 10);
      const body = res.json() as { apis: { api_definition: { api_id: string } }[]; pages: number };
      expect(body.apis.map((x) => x.api_definition.api_id), label).toEqual(expected.map((a) => b.apiIds[a]));
      expect(body.pages, label).toBe(r.page < 0 ? 1 : Math.max(1, Math.ceil(visible.length / 10)));
      return;
    }
    case 'getApi':
    case 'getAccess': {
      const ref = r.kind === 'getApi' && r.via === 'id' ? b.apiRowIds[r.api]! : b.apiIds[r.api]!;
      const suffix = r.kind === 'getAccess' ? '/access' : '';
      const res = await get(`/api/apis/${ref}${suffix}`);
      if (!m.can(r.actor, 'apis', 'read')) return void expect(res.statusCode, label).toBe(403);
      if (!m.sees(r.actor, r.api)) {
        expect(res.statusCode, label).toBe(404);
        expect(res.body, label).toBe(await notFoundBody(`/api/apis/no-such-api${suffix}`));
        return;
      }
      expect(res.statusCode, label).toBe(200);
      if (r.kind === 'getAccess') {
        expect((res.json() as { userIds: string[] }).userIds.sort(), label).toEqual(m.w.apis[r.api]!.userOwners.map((u) => b.userIds[u]!).sort());
      }
      return;
    }
    case 'renameApi': {
      // Same name (list order stays put), new listen path.
      const res = await t.request('PUT', `/api/apis/${b.apiIds[r.api]}`, { key, body: classicApi(b.apiNames[r.api]!, `/moved-${b.apiIds[r.api]}/`) });
      if (!m.can(r.actor, 'apis', 'write')) return void expect(res.statusCode, label).toBe(403);
      expect(res.statusCode, label).toBe(m.sees(r.actor, r.api) ? 200 : 404);
      return;
    }
    case 'listPolicies':
    case 'getPolicy': {
      const url = r.kind === 'getPolicy' ? `/api/portal/policies/${b.policyIds[r.policy]}` : '/api/portal/policies?p=-1';
      const res = await get(url);
      if (!m.can(r.actor, 'policies', 'read')) return void expect(res.statusCode, label).toBe(403);
      const shown = (p: number) => Object.keys(Object.fromEntries(m.w.policies[p]!.apis.filter((a) => m.sees(r.actor, a)).map((a) => [b.apiIds[a], 1]))).sort();
      if (r.kind === 'getPolicy') {
        if (!m.seesPolicy(r.actor, r.policy)) {
          expect(res.statusCode, label).toBe(404);
          expect(res.body, label).toBe(await notFoundBody('/api/portal/policies/999999'));
          return;
        }
        expect(res.statusCode, label).toBe(200);
        expect(Object.keys((res.json() as { access_rights: object }).access_rights).sort(), label).toEqual(shown(r.policy));
        return;
      }
      expect(res.statusCode, label).toBe(200);
      const body = res.json() as { Data: { _id: string; access_rights: object }[]; Pages: number };
      const expected = m.w.policies.map((_, p) => p).filter((p) => m.seesPolicy(r.actor, p));
      expect(body.Data.map((p) => p._id), label).toEqual(expected.map((p) => b.policyIds[p]));
      for (const [i, p] of expected.entries()) expect(Object.keys(body.Data[i]!.access_rights).sort(), label).toEqual(shown(p));
      return;
    }
    case 'listKeys':
    case 'getKey':
    case 'apiKeys': {
      if (r.kind === 'getKey' && b.keyHashes[r.key] === null) return;
      const url =
        r.kind === 'getKey' ? `/api/keys/${b.keyHashes[r.key]}` : r.kind === 'apiKeys' ? `/api/apis/${b.apiIds[r.api]}/keys?p=-1` : '/api/keys?p=-1';
      const res = await get(url);
      if (!m.can(r.actor, 'keys', 'read')) return void expect(res.statusCode, label).toBe(403);
      const existing = m.w.keys.map((_, k) => k).filter((k) => m.keyExists(k));
      if (r.kind === 'getKey') {
        if (!m.seesKey(r.actor, r.key)) {
          expect(res.statusCode, label).toBe(404);
          expect(res.body, label).toBe(await notFoundBody('/api/keys/0000'));
          return;
        }
        expect(res.statusCode, label).toBe(200);
        const data = (res.json() as { data: { access_rights: object; apply_policies: string[] } }).data;
        // The rights the key really has, its own and its policies', as far as the actor sees.
        expect(Object.keys(data.access_rights).sort(), label).toEqual(m.keyApis(r.key).filter((a) => m.sees(r.actor, a)).map((a) => b.apiIds[a]!).sort());
        expect(data.apply_policies.sort(), label).toEqual(m.keyPolicies(r.key).filter((p) => m.seesPolicy(r.actor, p)).map((p) => b.policyIds[p]!).sort());
        return;
      }
      if (r.kind === 'apiKeys' && !m.sees(r.actor, r.api)) {
        expect(res.statusCode, label).toBe(404);
        return;
      }
      expect(res.statusCode, label).toBe(200);
      const expected = existing.filter((k) => m.seesKey(r.actor, k) && (r.kind !== 'apiKeys' || m.keyApis(k).includes(r.api)));
      expect((res.json() as { data: { keys: string[] } }).data.keys.sort(), label).toEqual(expected.map((k) => b.keyHashes[k]!).sort());
      return;
    }
    case 'usage': {
      const res = await get(`/api/usage/${r.view}/5/5/2026/5/5/2026?p=-1`);
      const expected = m.analyticsApis(r.actor);
      if (expected === 'forbidden') return void expect(res.statusCode, label).toBe(403);
      expect(res.statusCode, label).toBe(200);
      const data = (res.json() as { data: { id: Record<string, string>; hits: number }[] }).data;
      if (r.view === 'errors') {
        const hits = expected.reduce((n, a) => n + m.w.apis[a]!.hits, 0);
        expect(data.reduce((n, d) => n + d.hits, 0), label).toBe(hits);
        return;
      }
      const seen = data.map((d) => (r.view === 'keys' ? d.id.api_key! : r.view === 'endpoints' ? `key-of-${d.id.path!.slice(2)}` : d.id.api_id!)).sort();
      let want = expected.map((a) => (r.view === 'apis' ? b.apiIds[a]! : `key-of-${a}`)).sort();
      // Scoped to owned APIs, traffic of keys the viewer cannot see (here: keys that are not keys at all) is one anonymous row.
      if (r.view === 'keys' && m.analyticsScoped(r.actor)) want = expected.length > 0 ? ['other'] : [];
      expect(seen, label).toEqual(want);
      return;
    }
    case 'putPolicy': {
      // Resend what the actor sees: refused (403) unless they see every API of the policy.
      const before = await t.request('GET', `/api/portal/policies/${b.policyIds[r.policy]}`, { key });
      const res = await t.request('PUT', `/api/portal/policies/${b.policyIds[r.policy]}`, {
        key,
        body: { name: `p-${r.policy}`, access_rights: before.statusCode === 200 ? (before.json() as { access_rights: object }).access_rights : {} },
      });
      if (!m.can(r.actor, 'policies', 'write')) return void expect(res.statusCode, label).toBe(403);
      if (!m.seesPolicy(r.actor, r.policy)) return void expect(res.statusCode, label).toBe(404);
      if (!m.holdsPolicy(r.actor, r.policy)) return void expect(res.statusCode, label).toBe(403);
      expect(res.statusCode, label).toBe(200);
      const full = await t.request('GET', `/api/portal/policies/${b.policyIds[r.policy]}`, { key: b.adminKey });
      expect(Object.keys((full.json() as { access_rights: object }).access_rights).sort(), label).toEqual(m.w.policies[r.policy]!.apis.map((a) => b.apiIds[a]!).sort());
      return;
    }
  }
}

for (const ownership of [true, false]) {
  describe(`ownership model (ownership ${ownership ? 'on' : 'off'})`, () => {
    let t: TestApp;
    let admin: string;
    beforeAll(async () => {
      t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: String(ownership) });
      admin = await t.bootstrap();
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers every request as the reference model says', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          world.chain((w) => fc.tuple(fc.constant(w), requests(w))),
          async ([w, reqs]) => {
            run += 1;
            const built = await build(t, admin, w, run);
            const model = new Model(w, ownership);
            for (const r of reqs) await check(t, model, built, r);
          },
        ),
        { numRuns: ownership ? 60 : 15 },
      );
    });
  });
}
