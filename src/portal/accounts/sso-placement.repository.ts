import type { Executor } from '../../db/database.js';

/** The teams among these ids, with their organisations (ids that name no team are left out). */
export async function teamsWithOrganisation(ex: Executor, teamIds: number[]): Promise<{ id: number; organisation_id: number }[]> {
  if (teamIds.length === 0) return [];
  return ex.selectFrom('teams').select(['id', 'organisation_id']).where('id', 'in', teamIds).orderBy('id').execute();
}
