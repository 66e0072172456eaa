import type { Selectable } from 'kysely';
import { parseStoredKept, parseStoredSections, type KeptSections, type SectionPermissions } from '../access/permissions.js';
import type { Executor } from '../db/database.js';
import { pageOfWhole } from '../db/row-counts.js';
import type { UserGroupsTable } from '../db/schema.js';

export interface GroupRecord {
  id: number;
  name: string;
  description: string;
  active: boolean;
  sections: SectionPermissions;
  /** Tyk permission sections kept as sent; they grant nothing. */
  kept: KeptSections;
  createdAt: string;
  updatedAt: string;
}

function toRecord(r: Selectable<UserGroupsTable>): GroupRecord {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    active: r.active === 1,
    sections: parseStoredSections(r.permissions),
    kept: parseStoredKept(r.permissions),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findGroupById(ex: Executor, id: number): Promise<GroupRecord | undefined> {
  const row = await ex.selectFrom('user_groups').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function listGroups(ex: Executor, page?: { offset: number; limit: number }): Promise<{ rows: GroupRecord[]; total: number }> {
  if (page) {
    const { rows, total } = await pageOfWhole(ex, 'user_groups', ex.selectFrom('user_groups').selectAll().orderBy('id'), page);
    return { rows: rows.map(toRecord), total };
  }
  const rows = await ex.selectFrom('user_groups').selectAll().orderBy('id').execute();
  return { rows: rows.map(toRecord), total: rows.length };
}

export async function insertGroup(ex: Executor, row: Omit<Selectable<UserGroupsTable>, 'id'>): Promise<number> {
  const { id } = await ex.insertInto('user_groups').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateGroupRow(
  ex: Executor,
  id: number,
  patch: Partial<Omit<Selectable<UserGroupsTable>, 'id' | 'created_at'>>,
): Promise<void> {
  await ex.updateTable('user_groups').set(patch).where('id', '=', id).execute();
}

export async function deleteGroupRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('user_groups').where('id', '=', id).execute();
}
