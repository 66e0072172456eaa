import type { Executor } from '../../db/database.js';
import { defaultOrganisation, defaultTeamOf, membershipsOf, replaceMemberships, setOrganisationAndRole } from './memberships.repository.js';
import { teamsWithOrganisation } from './sso-placement.repository.js';

/**
 * Where single sign-on puts an API consumer: an organisation and teams of it,
 * from team ids a profile's group mapping names. Plain functions taking the
 * caller's transaction, for the identity domain's sign-in (it may not reach the
 * portal's repositories itself).
 */
export interface Placement {
  organisationId: number;
  teamIds: number[];
}

/** Of these ids, those that name no team (a profile's mapping is checked with it). */
export async function unknownTeamIds(ex: Executor, teamIds: number[]): Promise<number[]> {
  const found = new Set((await teamsWithOrganisation(ex, teamIds)).map((t) => t.id));
  return teamIds.filter((id) => !found.has(id));
}

/**
 * The placement for these team ids, in order of preference: the first existing
 * team's organisation, with every listed team of that organisation. Undefined
 * when none exists.
 */
export async function placementForTeams(ex: Executor, teamIds: number[]): Promise<Placement | undefined> {
  const teams = await teamsWithOrganisation(ex, teamIds);
  const first = teamIds.map((id) => teams.find((t) => t.id === id)).find((t) => t !== undefined);
  if (!first) return undefined;
  const inOrg = teamIds.filter((id) => teams.some((t) => t.id === id && t.organisation_id === first.organisation_id));
  return { organisationId: first.organisation_id, teamIds: [...new Set(inOrg)] };
}

/** The Default Organisation's default team: where a consumer goes when nothing else says. */
export async function defaultPlacement(ex: Executor): Promise<Placement> {
  const org = await defaultOrganisation(ex);
  return { organisationId: org.id, teamIds: [(await defaultTeamOf(ex, org.id)).id] };
}

/** The consumer's current placement. */
export async function currentPlacement(ex: Executor, userId: number): Promise<Placement | undefined> {
  const m = (await membershipsOf(ex, [userId])).get(userId);
  if (!m?.organisation) return undefined;
  return { organisationId: m.organisation.id, teamIds: m.teams.map((t) => t.id).sort((a, b) => a - b) };
}

/** Puts the consumer in the organisation and exactly these teams of it. */
export async function placeConsumer(ex: Executor, userId: number, placement: Placement, at: string): Promise<void> {
  await setOrganisationAndRole(ex, userId, { organisation_id: placement.organisationId }, at);
  await replaceMemberships(ex, userId, placement.teamIds);
}
