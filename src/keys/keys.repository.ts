import { sql, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Filter } from '../access/filter.js';
import type { Executor } from '../db/database.js';
import { inlinedWindow, pageOfWhole, pageWithTotal, rowCount, windowTotal } from '../db/row-counts.js';
import type { Database, KeysTable } from '../db/schema.js';
import type { Grant, GrantView, StoredRights } from '../policies/access-rights.js';

export type KeyRow = Selectable<KeysTable>;
export type NewKeyRow = Omit<KeyRow, 'id' | 'owner_user_id' | 'tyk_fields' | 'api_count'> & { owner_user_id?: number | null; tyk_fields?: string };

export interface KeyListQuery {
  /** The keys the reader may see (src/access). */
  visible: Filter;
  /** Only keys granting this API (internal id), directly or through a policy. */
  apiRowId?: number;
  /** Only keys whose hash contains this text (Tyk's `q` on /api/keys/detailed). */
  hashContains?: string;
  page?: { offset: number; limit: number };
}

export async function listKeys(ex: Executor, q: KeyListQuery): Promise<{ rows: KeyRow[]; total: number }> {
  let base = ex.selectFrom('keys');
  if (q.visible.kind === 'restricted') base = base.where(q.visible.where);
  if (q.apiRowId !== undefined) base = base.where(grantsApi(q.apiRowId));
  if (q.hashContains) {
    const pattern = `%${q.hashContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where(sql<SqlBool>`lower(keys.key_hash) like ${pattern} escape '\\'`);
  }
  const whole = q.visible.kind === 'unrestricted' && q.apiRowId === undefined && !q.hashContains;
  const count = async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  if (q.page && q.visible.kind === 'restricted') {
    // Restricted: the page's ids and the total from one statement (windowTotal), then their rows by id.
    const ids = inlinedWindow(base.select(['keys.id as id', windowTotal]).orderBy('keys.id'), q.page);
    const found = await ex.selectFrom(ids.as('v')).innerJoin('keys', 'keys.id', 'v.id').selectAll('keys').select('v.total').orderBy('keys.id').execute();
    return pageWithTotal(found, q.page.offset, count);
  }
  if (whole && q.page) return pageOfWhole(ex, 'keys', base.selectAll('keys').orderBy('keys.id'), q.page);
  const total = whole ? await rowCount(ex, 'keys') : await count();
  let rows = base.selectAll('keys').orderBy('keys.id');
  if (q.page) rows = rows.limit(q.page.limit).offset(q.page.offset);
  return { rows: await rows.execute(), total };
}

/** Keys granting this API (internal id), directly or through one of their policies. */
function grantsApi(apiRowId: number) {
  return (eb: ExpressionBuilder<Database, 'keys'>) =>
    eb.or([
      eb.exists(eb.selectFrom('key_access_rights as r').select('r.key_id').whereRef('r.key_id', '=', 'keys.id').where('r.api_id', '=', apiRowId)),
      eb.exists(
        eb
          .selectFrom('key_policies as kp')
          .innerJoin('policy_access_rights as pr', 'pr.policy_id', 'kp.policy_id')
          .select('kp.key_id')
          .whereRef('kp.key_id', '=', 'keys.id')
          .where('pr.api_id', '=', apiRowId),
      ),
    ]);
}

/** Whether this key grants this API (internal ids), directly or through a policy. */
export async function keyGrantsApi(ex: Executor, keyId: number, apiRowId: number): Promise<boolean> {
  const row = await ex.selectFrom('keys').select('keys.id').where('keys.id', '=', keyId).where(grantsApi(apiRowId)).executeTakeFirst();
  return row !== undefined;
}

export async function findKeyByHash(ex: Executor, keyHash: string, visible: Filter): Promise<KeyRow | undefined> {
  let q = ex.selectFrom('keys').selectAll('keys').where('keys.key_hash', '=', keyHash);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return q.executeTakeFirst();
}

export async function insertKey(ex: Executor, row: NewKeyRow): Promise<number> {
  const { id } = await ex.insertInto('keys').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateKeyRow(ex: Executor, id: number, row: Partial<NewKeyRow>): Promise<void> {
  await ex.updateTable('keys').set(row).where('id', '=', id).execute();
}

export async function deleteKeyRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('keys').where('id', '=', id).execute();
}

/** The key's own grants on the APIs `apis` lets through (a filter on `a.id`). */
export async function keyGrants(ex: Executor, keyId: number, apis: Filter): Promise<GrantView[]> {
  let q = ex
    .selectFrom('key_access_rights as r')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['r.api_id', 'r.rights', 'a.api_id as public_id', 'a.name'])
    .where('r.key_id', '=', keyId);
  if (apis.kind === 'restricted') q = q.where(apis.where);
  const rows = await q.orderBy('a.name').execute();
  return rows.map((r) => ({ apiRowId: r.api_id, apiId: r.public_id, apiName: r.name, rights: JSON.parse(r.rights) as StoredRights }));
}

export async function replaceKeyGrants(ex: Executor, keyId: number, grants: Grant[]): Promise<void> {
  await ex.deleteFrom('key_access_rights').where('key_id', '=', keyId).execute();
  if (grants.length === 0) return;
  await ex.insertInto('key_access_rights').values(grants.map((g) => ({ key_id: keyId, api_id: g.apiRowId, rights: JSON.stringify(g.rights) }))).execute();
}

/** The key's policies, in order, of those `policies` lets through (a filter on `key_policies.policy_id`). */
export async function keyPolicyIds(ex: Executor, keyId: number, policies: Filter): Promise<number[]> {
  let q = ex.selectFrom('key_policies').select('key_policies.policy_id').where('key_policies.key_id', '=', keyId);
  if (policies.kind === 'restricted') q = q.where(policies.where);
  const rows = await q.orderBy('key_policies.position').execute();
  return rows.map((r) => r.policy_id);
}

export async function replaceKeyPolicies(ex: Executor, keyId: number, policyIds: number[]): Promise<void> {
  await ex.deleteFrom('key_policies').where('key_id', '=', keyId).execute();
  if (policyIds.length === 0) return;
  await ex.insertInto('key_policies').values(policyIds.map((policy_id, position) => ({ key_id: keyId, policy_id, position }))).execute();
}

/** The limits of the given policies, for keys that leave theirs at 0. */
export async function policyLimits(ex: Executor, policyIds: number[]) {
  if (policyIds.length === 0) return [];
  return ex
    .selectFrom('policies')
    .select(['id', 'rate', 'per', 'quota_max', 'quota_renewal_rate', 'key_expires_in', 'active'])
    .where('id', 'in', policyIds)
    .execute();
}

/**
 * What a key grants through its active policies, one entry per API, merged as the
 * gateway merges them: a policy granting the whole API (no URL rules) grants it
 * whole, URL rules and versions add up, the first per-API limit counts.
 */
export async function keyPolicyGrants(ex: Executor, keyId: number, apis: Filter): Promise<GrantView[]> {
  let q = ex
    .selectFrom('key_policies as kp')
    .innerJoin('policies as p', 'p.id', 'kp.policy_id')
    .innerJoin('policy_access_rights as r', 'r.policy_id', 'kp.policy_id')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['r.api_id', 'r.rights', 'a.api_id as public_id', 'a.name'])
    .where('kp.key_id', '=', keyId)
    .where('p.active', '=', 1);
  if (apis.kind === 'restricted') q = q.where(apis.where);
  const rows = await q
    .orderBy('kp.position')
    .orderBy('a.name')
    .execute();
  return mergePolicyGrants(rows);
}

/** The hashes of these keys (those that still exist), for the audit log. */
export async function keyHashesOf(ex: Executor, ids: number[]): Promise<{ id: number; key_hash: string }[]> {
  if (ids.length === 0) return [];
  return ex.selectFrom('keys').select(['id', 'key_hash']).where('id', 'in', ids).execute();
}

export async function setKeysOwner(ex: Executor, ids: number[], ownerUserId: number, at: string): Promise<void> {
  await ex.updateTable('keys').set({ owner_user_id: ownerUserId, updated_at: at }).where('id', 'in', ids).execute();
}

export async function countKeysOwnedBy(ex: Executor, userId: number): Promise<number> {
  const { n } = await ex
    .selectFrom('keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

interface PolicyGrantRow {
  api_id: number;
  rights: string;
  public_id: string;
  name: string;
}

/** One key's policy grants, in policy order then API name, merged per API as the gateway merges them. */
function mergePolicyGrants(rows: PolicyGrantRow[]): GrantView[] {
  const byApi = new Map<number, GrantView>();
  for (const r of rows) {
    const rights = JSON.parse(r.rights) as StoredRights;
    const seen = byApi.get(r.api_id);
    if (!seen) {
      byApi.set(r.api_id, { apiRowId: r.api_id, apiId: r.public_id, apiName: r.name, rights: { versions: [...rights.versions], allowed_urls: [...rights.allowed_urls], limit: rights.limit } });
      continue;
    }
    seen.rights.versions = [...new Set([...seen.rights.versions, ...rights.versions])];
    seen.rights.allowed_urls = seen.rights.allowed_urls.length === 0 || rights.allowed_urls.length === 0 ? [] : [...seen.rights.allowed_urls, ...rights.allowed_urls];
    seen.rights.limit ??= rights.limit;
  }
  return [...byApi.values()].sort((a, b) => (a.apiName < b.apiName ? -1 : a.apiName > b.apiName ? 1 : 0));
}

/*
 * The same reads for a page of keys at once (Tyk's /api/keys/detailed), one
 * statement each instead of one per key: the answers are those of the
 * single-key functions above, key by key.
 */

function byKey<T extends { key_id: number }>(keyIds: number[], rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>(keyIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.key_id)?.push(r);
  return out;
}

/** keyPolicyIds for each of these keys. */
export async function keyPolicyIdsOfKeys(ex: Executor, keyIds: number[], policies: Filter): Promise<Map<number, number[]>> {
  if (keyIds.length === 0) return new Map();
  let q = ex.selectFrom('key_policies').select(['key_policies.key_id', 'key_policies.policy_id']).where('key_policies.key_id', 'in', keyIds);
  if (policies.kind === 'restricted') q = q.where(policies.where);
  const rows = await q.orderBy('key_policies.key_id').orderBy('key_policies.position').execute();
  return new Map([...byKey(keyIds, rows)].map(([k, rs]) => [k, rs.map((r) => r.policy_id)]));
}

/** keyGrants for each of these keys. */
export async function keyGrantsOfKeys(ex: Executor, keyIds: number[], apis: Filter): Promise<Map<number, GrantView[]>> {
  if (keyIds.length === 0) return new Map();
  let q = ex
    .selectFrom('key_access_rights as r')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['r.key_id', 'r.api_id', 'r.rights', 'a.api_id as public_id', 'a.name'])
    .where('r.key_id', 'in', keyIds);
  if (apis.kind === 'restricted') q = q.where(apis.where);
  const rows = await q.orderBy('r.key_id').orderBy('a.name').execute();
  return new Map(
    [...byKey(keyIds, rows)].map(([k, rs]) => [k, rs.map((r) => ({ apiRowId: r.api_id, apiId: r.public_id, apiName: r.name, rights: JSON.parse(r.rights) as StoredRights }))]),
  );
}

/** keyPolicyGrants for each of these keys. */
export async function keyPolicyGrantsOfKeys(ex: Executor, keyIds: number[], apis: Filter): Promise<Map<number, GrantView[]>> {
  if (keyIds.length === 0) return new Map();
  let q = ex
    .selectFrom('key_policies as kp')
    .innerJoin('policies as p', 'p.id', 'kp.policy_id')
    .innerJoin('policy_access_rights as r', 'r.policy_id', 'kp.policy_id')
    .innerJoin('apis as a', 'a.id', 'r.api_id')
    .select(['kp.key_id', 'r.api_id', 'r.rights', 'a.api_id as public_id', 'a.name'])
    .where('kp.key_id', 'in', keyIds)
    .where('p.active', '=', 1);
  if (apis.kind === 'restricted') q = q.where(apis.where);
  const rows = await q.orderBy('kp.key_id').orderBy('kp.position').orderBy('a.name').execute();
  return new Map([...byKey(keyIds, rows)].map(([k, rs]) => [k, mergePolicyGrants(rs)]));
}
