import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { SsoProfilesTable } from '../../db/schema.js';

export type SsoProfileRow = Selectable<SsoProfilesTable>;

export async function listSsoProfiles(ex: Executor): Promise<SsoProfileRow[]> {
  return ex.selectFrom('sso_profiles').selectAll().orderBy('name').orderBy('id').execute();
}

export async function listSsoProfilesOfAction(ex: Executor, actionType: string): Promise<SsoProfileRow[]> {
  return ex.selectFrom('sso_profiles').selectAll().where('action_type', '=', actionType).orderBy('provider_name').orderBy('id').execute();
}

export async function findSsoProfile(ex: Executor, id: string): Promise<SsoProfileRow | undefined> {
  return ex.selectFrom('sso_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSsoProfile(ex: Executor, row: SsoProfileRow): Promise<void> {
  await ex.insertInto('sso_profiles').values(row).execute();
}

export async function updateSsoProfile(ex: Executor, id: string, patch: Partial<Omit<SsoProfileRow, 'id' | 'created_at'>>): Promise<void> {
  await ex.updateTable('sso_profiles').set(patch).where('id', '=', id).execute();
}

export async function deleteSsoProfile(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('sso_profiles').where('id', '=', id).execute();
}

/** Whether any profile of this action type switches password sign-in off. */
export async function anySsoOnlyProfile(ex: Executor, actionType: string): Promise<boolean> {
  const row = await ex.selectFrom('sso_profiles').select('id').where('action_type', '=', actionType).where('sso_only', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}
