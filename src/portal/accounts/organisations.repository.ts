import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OrganisationsTable, TeamsTable } from '../../db/schema.js';

export type OrganisationRow = Selectable<OrganisationsTable>;
export type TeamRow = Selectable<TeamsTable>;

export async function listOrganisations(ex: Executor, page: { offset: number; limit: number }): Promise<OrganisationRow[]> {
  return ex.selectFrom('organisations').selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export async function findOrganisation(ex: Executor, id: number): Promise<OrganisationRow | undefined> {
  return ex.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByName(ex: Executor, name: string): Promise<OrganisationRow | undefined> {
  return ex.selectFrom('organisations').selectAll().where('name_normalized', '=', name.trim().toLowerCase()).executeTakeFirst();
}

export async function insertOrganisation(ex: Executor, name: string, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('organisations')
    .values({ name, name_normalized: name.trim().toLowerCase(), is_default: 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function renameOrganisation(ex: Executor, id: number, name: string, at: string): Promise<void> {
  await ex.updateTable('organisations').set({ name, name_normalized: name.trim().toLowerCase(), updated_at: at }).where('id', '=', id).execute();
}

export async function deleteOrganisationRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('organisations').where('id', '=', id).execute();
}

export async function teamsOf(ex: Executor, organisationIds: number[]): Promise<TeamRow[]> {
  if (organisationIds.length === 0) return [];
  return ex.selectFrom('teams').selectAll().where('organisation_id', 'in', organisationIds).orderBy('id').execute();
}

export async function listTeams(ex: Executor, organisationId: number, page: { offset: number; limit: number }): Promise<TeamRow[]> {
  return ex.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export async function findTeam(ex: Executor, organisationId: number, teamId: number): Promise<TeamRow | undefined> {
  return ex.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();
}

export async function insertTeam(ex: Executor, organisationId: number, name: string, isDefault: boolean, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('teams')
    .values({ organisation_id: organisationId, name, is_default: isDefault ? 1 : 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function renameTeam(ex: Executor, id: number, name: string, at: string): Promise<void> {
  await ex.updateTable('teams').set({ name, updated_at: at }).where('id', '=', id).execute();
}

export async function deleteTeamRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('teams').where('id', '=', id).execute();
}
