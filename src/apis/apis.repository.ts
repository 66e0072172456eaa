import { sql, type Selectable } from 'kysely';
import type { ApiFilter, Filter } from '../access/access.js';
import type { Executor } from '../db/database.js';
import { inlinedWindow, pageOfWhole, pageWithTotal, rowCount, windowTotal } from '../db/row-counts.js';
import type { ApisTable } from '../db/schema.js';
import { storedId } from '../http/ids.js';

export type ApiRow = Selectable<ApisTable>;
export type NewApiRow = Omit<ApiRow, 'id'>;

export interface ApiOwners {
  userIds: number[];
  groupIds: number[];
}

export const API_SORTS = ['name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at'] as const;
export type ApiSort = (typeof API_SORTS)[number];

export interface ApiListQuery {
  /** The APIs the reader may see (src/access). */
  visible: ApiFilter;
  kind?: 'classic' | 'oas';
  /** Case-insensitive substring of the name. */
  q?: string;
  sort: ApiSort;
  page?: { offset: number; limit: number };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of the APIs in scope. For a scoped actor the query is driven by the
 * set of visible ids (owner indexes + the unowned index), so its cost follows
 * what the actor can see; the CROSS JOIN keeps SQLite from scanning all APIs.
 */
export async function listApis(ex: Executor, q: ApiListQuery): Promise<{ rows: ApiRow[]; total: number }> {
  const from =
    q.visible.kind === 'restricted'
      ? ex.selectFrom(q.visible.ids.as('v')).crossJoin('apis').whereRef('apis.id', '=', 'v.id')
      : ex.selectFrom('apis');
  let base = from;
  if (q.kind) base = base.where('apis.kind', '=', q.kind);
  if (q.q) base = base.where(sql`lower(apis.name)`, 'like', sql`${`%${escapeLike(q.q.toLowerCase())}%`} escape '\\'`);
  // Every API, unfiltered: the maintained count (migration 0028) instead of counting the table.
  const whole = q.visible.kind === 'unrestricted' && !q.kind && !q.q;
  const count = async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  const desc = q.sort.startsWith('-');
  const column = q.sort.replace(/^-/, '') as 'name' | 'created_at' | 'updated_at';
  const direction = desc ? 'desc' : 'asc';
  if (q.page && q.visible.kind === 'restricted') {
    // Restricted: the page's ids and the total from one statement (windowTotal), then their rows by id.
    const ids = inlinedWindow(base.select(['apis.id as id', windowTotal]).orderBy(`apis.${column}`, direction).orderBy('apis.id', direction), q.page);
    const found = await ex
      .selectFrom(ids.as('page'))
      .innerJoin('apis', 'apis.id', 'page.id')
      .selectAll('apis')
      .select('page.total')
      .orderBy(`apis.${column}`, direction)
      .orderBy('apis.id', direction)
      .execute();
    return pageWithTotal(found, q.page.offset, count);
  }
  if (whole && q.page) return pageOfWhole(ex, 'apis', base.selectAll('apis').orderBy(`apis.${column}`, direction).orderBy('apis.id', direction), q.page);
  const total = whole ? await rowCount(ex, 'apis') : await count();
  let rows = base.selectAll('apis').orderBy(`apis.${column}`, direction).orderBy('apis.id', direction);
  if (q.page) rows = rows.limit(q.page.limit).offset(q.page.offset);
  return { rows: await rows.execute(), total };
}

/**
 * An API by its internal id or its api_id, only if it is in scope. An id that
 * names both (an api_id that is also someone's numeric id) resolves to the api_id.
 */
export async function findApi(ex: Executor, ref: string, visible: Filter): Promise<ApiRow | undefined> {
  const numeric = storedId(ref) ?? -1;
  let q = ex
    .selectFrom('apis')
    .selectAll('apis')
    .where((eb) => eb.or([eb('apis.api_id', '=', ref), eb('apis.id', '=', numeric)]));
  if (visible.kind === 'restricted') q = q.where(visible.where);
  const rows = await q.orderBy(sql`case when apis.api_id = ${ref} then 0 else 1 end`).limit(1).execute();
  return rows[0];
}

export async function findApiByApiId(ex: Executor, apiId: string): Promise<ApiRow | undefined> {
  return ex.selectFrom('apis').selectAll().where('api_id', '=', apiId).executeTakeFirst();
}

/** The active API (other than `exceptId`) already listening on this normalised path. */
export async function activeListenPathTaken(ex: Executor, key: string, exceptId: number | null): Promise<boolean> {
  let q = ex.selectFrom('apis').select('id').where('listen_path_key', '=', key).where('active', '=', 1);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertApi(ex: Executor, row: NewApiRow): Promise<number> {
  const { id } = await ex.insertInto('apis').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateApiRow(ex: Executor, id: number, patch: Partial<NewApiRow>): Promise<void> {
  await ex.updateTable('apis').set(patch).where('id', '=', id).execute();
}

export async function deleteApiRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('apis').where('id', '=', id).execute();
}

export async function ownersOf(ex: Executor, apiIds: number[]): Promise<Map<number, ApiOwners>> {
  const out = new Map<number, ApiOwners>(apiIds.map((id) => [id, { userIds: [], groupIds: [] }]));
  if (apiIds.length === 0) return out;
  // Both kinds in one statement: one round trip, one database process woken, instead of two.
  const rows = await ex
    .selectFrom('api_owner_users')
    .select(['api_id', 'user_id as owner_id', sql.lit(1).as('is_user')])
    .where('api_id', 'in', apiIds)
    .unionAll(ex.selectFrom('api_owner_groups').select(['api_id', 'group_id as owner_id', sql.lit(0).as('is_user')]).where('api_id', 'in', apiIds))
    .orderBy('owner_id')
    .execute();
  for (const r of rows) {
    const owners = out.get(r.api_id);
    if (owners) (Number(r.is_user) === 1 ? owners.userIds : owners.groupIds).push(r.owner_id);
  }
  return out;
}

export async function replaceOwners(ex: Executor, apiId: number, owners: ApiOwners): Promise<void> {
  await ex.deleteFrom('api_owner_users').where('api_id', '=', apiId).execute();
  await ex.deleteFrom('api_owner_groups').where('api_id', '=', apiId).execute();
  if (owners.userIds.length > 0) {
    await ex.insertInto('api_owner_users').values(owners.userIds.map((user_id) => ({ api_id: apiId, user_id }))).execute();
  }
  if (owners.groupIds.length > 0) {
    await ex.insertInto('api_owner_groups').values(owners.groupIds.map((group_id) => ({ api_id: apiId, group_id }))).execute();
  }
  await updateApiRow(ex, apiId, { owned: owners.userIds.length + owners.groupIds.length > 0 ? 1 : 0 });
}

/** Of the given user / group ids, those that exist. */
export async function existingUserIds(ex: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('users').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function existingGroupIds(ex: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('user_groups').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export type Owner = { userId: number } | { groupId: number };

/** APIs whose only owner is this user (no other user, no group) or this group (no user, no other group). */
export async function apisSolelyOwnedBy(ex: Executor, owner: Owner): Promise<number[]> {
  if ('userId' in owner) {
    const rows = await ex
      .selectFrom('api_owner_users as o')
      .select('o.api_id')
      .where('o.user_id', '=', owner.userId)
      .where((eb) =>
        eb.and([
          eb.not(eb.exists(eb.selectFrom('api_owner_users as x').select('x.api_id').whereRef('x.api_id', '=', 'o.api_id').where('x.user_id', '!=', owner.userId))),
          eb.not(eb.exists(eb.selectFrom('api_owner_groups as g').select('g.api_id').whereRef('g.api_id', '=', 'o.api_id'))),
        ]),
      )
      .execute();
    return rows.map((r) => r.api_id);
  }
  const rows = await ex
    .selectFrom('api_owner_groups as o')
    .select('o.api_id')
    .where('o.group_id', '=', owner.groupId)
    .where((eb) =>
      eb.and([
        eb.not(eb.exists(eb.selectFrom('api_owner_groups as x').select('x.api_id').whereRef('x.api_id', '=', 'o.api_id').where('x.group_id', '!=', owner.groupId))),
        eb.not(eb.exists(eb.selectFrom('api_owner_users as u').select('u.api_id').whereRef('u.api_id', '=', 'o.api_id'))),
      ]),
    )
    .execute();
  return rows.map((r) => r.api_id);
}

/** Gives `to` every API `from` owns (keeping other owners), then drops `from` as an owner. */
export async function transferOwnership(ex: Executor, from: Owner, to: Owner): Promise<void> {
  const owned =
    'userId' in from
      ? (await ex.selectFrom('api_owner_users').select('api_id').where('user_id', '=', from.userId).execute()).map((r) => r.api_id)
      : (await ex.selectFrom('api_owner_groups').select('api_id').where('group_id', '=', from.groupId).execute()).map((r) => r.api_id);
  for (const apiId of owned) {
    if ('userId' in to) {
      await ex.insertInto('api_owner_users').values({ api_id: apiId, user_id: to.userId }).onConflict((oc) => oc.doNothing()).execute();
    } else {
      await ex.insertInto('api_owner_groups').values({ api_id: apiId, group_id: to.groupId }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  if ('userId' in from) await ex.deleteFrom('api_owner_users').where('user_id', '=', from.userId).execute();
  else await ex.deleteFrom('api_owner_groups').where('group_id', '=', from.groupId).execute();
}
