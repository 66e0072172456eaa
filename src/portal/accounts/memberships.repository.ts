import { Invalid } from '../../errors.js';
import type { Executor } from '../../db/database.js';
import type { OrganisationRow, TeamRow } from './organisations.repository.js';

/** A consumer's place: their organisation and the teams of it they belong to. */
export interface Membership {
  organisation: OrganisationRow | null;
  teams: TeamRow[];
}

export async function defaultOrganisation(ex: Executor): Promise<OrganisationRow> {
  return ex.selectFrom('organisations').selectAll().where('is_default', '=', 1).executeTakeFirstOrThrow();
}

export async function defaultTeamOf(ex: Executor, organisationId: number): Promise<TeamRow> {
  return ex.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).where('is_default', '=', 1).executeTakeFirstOrThrow();
}

/** Of these team ids, the teams that belong to the organisation. */
export async function teamsInOrganisation(ex: Executor, organisationId: number, teamIds: number[]): Promise<TeamRow[]> {
  if (teamIds.length === 0) return [];
  return ex.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).where('id', 'in', teamIds).orderBy('id').execute();
}

/** `teamIds`, once each, when every one is a team of the organisation; otherwise a 400 naming `field`. */
export async function requireTeamsInOrganisation(ex: Executor, organisationId: number, teamIds: number[], field: string): Promise<number[]> {
  const unique = [...new Set(teamIds)];
  const found = await teamsInOrganisation(ex, organisationId, unique);
  const missing = unique.filter((id) => !found.some((t) => t.id === id));
  if (missing.length > 0) throw new Invalid(field, `no team ${missing.join(', ')} in organisation ${organisationId}`);
  return unique;
}

/** The memberships of many users at once (for a page of users). */
export async function membershipsOf(ex: Executor, userIds: number[]): Promise<Map<number, Membership>> {
  const out = new Map<number, Membership>();
  if (userIds.length === 0) return out;
  const users = await ex.selectFrom('users').select(['id', 'organisation_id']).where('id', 'in', userIds).execute();
  const orgIds = [...new Set(users.map((u) => u.organisation_id).filter((id): id is number => id !== null))];
  const orgs = orgIds.length === 0 ? [] : await ex.selectFrom('organisations').selectAll().where('id', 'in', orgIds).execute();
  const teams = await ex
    .selectFrom('team_members as tm')
    .innerJoin('teams as t', 't.id', 'tm.team_id')
    .selectAll('t')
    .select('tm.user_id')
    .where('tm.user_id', 'in', userIds)
    .orderBy('t.id')
    .execute();
  for (const u of users) {
    out.set(u.id, {
      organisation: orgs.find((o) => o.id === u.organisation_id) ?? null,
      teams: teams.filter((t) => t.user_id === u.id).map(({ user_id: _unused, ...team }) => team),
    });
  }
  return out;
}

export async function replaceMemberships(ex: Executor, userId: number, teamIds: number[]): Promise<void> {
  await ex.deleteFrom('team_members').where('user_id', '=', userId).execute();
  if (teamIds.length > 0) await ex.insertInto('team_members').values(teamIds.map((team_id) => ({ user_id: userId, team_id }))).execute();
}

export async function setOrganisationAndRole(ex: Executor, userId: number, patch: { organisation_id?: number; role?: string }, at: string): Promise<void> {
  await ex
    .updateTable('users')
    .set({ ...patch, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/** Ids of the members of a team, or of every team of an organisation. */
export async function memberIdsOfTeams(ex: Executor, teamIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (teamIds.length === 0) return out;
  const rows = await ex.selectFrom('team_members').select(['team_id', 'user_id']).where('team_id', 'in', teamIds).orderBy('user_id').execute();
  for (const r of rows) out.set(r.team_id, [...(out.get(r.team_id) ?? []), r.user_id]);
  return out;
}

export async function memberIdsOfOrganisation(ex: Executor, organisationId: number): Promise<number[]> {
  const rows = await ex.selectFrom('users').select('id').where('organisation_id', '=', organisationId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Moves every member of an organisation about to be deleted into the Default
 * Organisation's default team (their other memberships go with the teams).
 */
export async function moveOrganisationMembers(ex: Executor, fromOrganisationId: number, to: { organisationId: number; teamId: number }, at: string): Promise<number[]> {
  const ids = await memberIdsOfOrganisation(ex, fromOrganisationId);
  if (ids.length === 0) return ids;
  await ex.deleteFrom('team_members').where('user_id', 'in', ids).execute();
  await ex.updateTable('users').set({ organisation_id: to.organisationId, updated_at: at }).where('id', 'in', ids).execute();
  await ex.insertInto('team_members').values(ids.map((user_id) => ({ user_id, team_id: to.teamId }))).execute();
  return ids;
}

/** Members of a team about to be deleted join their organisation's default team (if not already in it). */
export async function moveTeamMembers(ex: Executor, fromTeamId: number, toTeamId: number): Promise<number[]> {
  const rows = await ex.selectFrom('team_members').select('user_id').where('team_id', '=', fromTeamId).execute();
  const ids = rows.map((r) => r.user_id);
  if (ids.length === 0) return ids;
  const already = await ex.selectFrom('team_members').select('user_id').where('team_id', '=', toTeamId).where('user_id', 'in', ids).execute();
  const have = new Set(already.map((r) => r.user_id));
  const add = ids.filter((id) => !have.has(id));
  if (add.length > 0) await ex.insertInto('team_members').values(add.map((user_id) => ({ user_id, team_id: toTeamId }))).execute();
  return ids;
}
