import { sql, type Selectable } from 'kysely';
import type { Filter } from '../../access/filter.js';
import type { Executor } from '../../db/database.js';
import { inlinedWindow } from '../../db/row-counts.js';
import type { AppsTable } from '../../db/schema.js';

export type AppRow = Selectable<AppsTable>;
export type AppVisibility = AppsTable['visibility'];

/** An app with its owner's name, address and organisation. */
export interface AppWithOwner extends AppRow {
  owner_email: string;
  owner_first_name: string;
  owner_last_name: string;
  owner_organisation_id: number | null;
  owner_organisation_name: string | null;
}

export interface AppFilter {
  userId?: number;
  organisationId?: number;
  visibility?: AppVisibility;
  /** Part of the name, any case. */
  q?: string;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function withOwner(ex: Executor) {
  return ex
    .selectFrom('apps')
    .innerJoin('users as owner', 'owner.id', 'apps.user_id')
    .leftJoin('organisations as owner_org', 'owner_org.id', 'owner.organisation_id')
    .selectAll('apps')
    .select([
      'owner.email as owner_email',
      'owner.first_name as owner_first_name',
      'owner.last_name as owner_last_name',
      'owner.organisation_id as owner_organisation_id',
      'owner_org.name as owner_organisation_name',
    ]);
}

/** `visible`: the reader's filter from src/access, ANDed into the query. */
export async function listApps(ex: Executor, filter: AppFilter, visible: Filter, page: { offset: number; limit: number }): Promise<AppWithOwner[]> {
  let q = withOwner(ex);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  if (filter.userId !== undefined) q = q.where('apps.user_id', '=', filter.userId);
  if (filter.organisationId !== undefined) q = q.where('owner.organisation_id', '=', filter.organisationId);
  if (filter.visibility !== undefined) q = q.where('apps.visibility', '=', filter.visibility);
  if (filter.q !== undefined && filter.q !== '') {
    q = q.where(sql`lower(apps.name)`, 'like', sql`${`%${escapeLike(filter.q.toLowerCase())}%`} escape '\\'`);
  }
  return inlinedWindow(q.orderBy('apps.id'), page).execute();
}

export async function findApp(ex: Executor, id: number, visible: Filter): Promise<AppWithOwner | undefined> {
  let q = withOwner(ex).where('apps.id', '=', id);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return q.executeTakeFirst();
}

export interface AppColumns {
  name: string;
  description: string;
  user_id: number;
  visibility: AppVisibility;
}

export async function insertApp(ex: Executor, row: AppColumns, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('apps')
    .values({ ...row, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateAppRow(ex: Executor, id: number, patch: Partial<AppColumns>, at: string): Promise<void> {
  await ex
    .updateTable('apps')
    .set({ ...patch, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Deletes the app; its access requests and credentials go with it (cascade). Keys are the caller's to revoke first. */
export async function deleteAppRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('apps').where('id', '=', id).execute();
}

/** The app's requests now belong to its new owner, so that they go with that owner's account. */
export async function moveRequestsOfApp(ex: Executor, appId: number, userId: number, at: string): Promise<void> {
  await ex.updateTable('access_requests').set({ user_id: userId, updated_at: at }).where('app_id', '=', appId).execute();
}

/** A portal consumer's row, or undefined when the id names no consumer. */
export async function findConsumer(ex: Executor, id: number, consumerRoles: readonly string[]) {
  return ex
    .selectFrom('users')
    .select(['id', 'email', 'first_name', 'last_name', 'organisation_id'])
    .where('id', '=', id)
    .where('role', 'in', consumerRoles)
    .executeTakeFirst();
}
