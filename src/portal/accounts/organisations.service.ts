import type { Actor } from '../../access/actor.js';
import { requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { conflictOnUnique } from '../../db/transactions.js';
import { Conflict, NotFound } from '../../errors.js';
import { portalWindow } from '../../pagination.js';
import { defaultOrganisation, defaultTeamOf, memberIdsOfOrganisation, memberIdsOfTeams, moveOrganisationMembers, moveTeamMembers } from './memberships.repository.js';
import {
  deleteOrganisationRow,
  deleteTeamRow,
  findOrganisation,
  findOrganisationByName,
  findTeam,
  insertOrganisation,
  insertTeam,
  listOrganisations,
  listTeams,
  renameOrganisation,
  renameTeam,
  teamsOf,
  type OrganisationRow,
  type TeamRow,
} from './organisations.repository.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { TeamRow } from './organisations.repository.js';

export interface OrganisationWithTeams {
  organisation: OrganisationRow;
  teams: TeamRow[];
  /** Ids of the organisation's users. */
  userIds: number[];
  /** Ids of each team's users. */
  teamMembers: Map<number, number[]>;
}

export interface TeamWithMembers {
  team: TeamRow;
  userIds: number[];
}

const now = (): string => new Date().toISOString();
const NAME_TAKEN = 'Name: an organisation with this name already exists';

/**
 * Consumer organisations and their teams (Developer Portal). Every organisation
 * has a default team; the Default Organisation and every default team are
 * permanent. Needs the `portal` permission (administrators have it).
 */
export function organisationsService({ store }: AppContext) {
  const { db } = store;

  async function mustFindOrganisation(ex: Executor, id: number): Promise<OrganisationRow> {
    const org = await findOrganisation(ex, id);
    if (!org) throw new NotFound('Organisation');
    return org;
  }

  async function mustFindTeam(ex: Executor, organisationId: number, teamId: number): Promise<TeamRow> {
    await mustFindOrganisation(ex, organisationId);
    const team = await findTeam(ex, organisationId, teamId);
    if (!team) throw new NotFound('Team');
    return team;
  }

  async function withTeams(ex: Executor, org: OrganisationRow): Promise<OrganisationWithTeams> {
    const teams = await teamsOf(ex, [org.id]);
    return {
      organisation: org,
      teams,
      userIds: await memberIdsOfOrganisation(ex, org.id),
      teamMembers: await memberIdsOfTeams(ex, teams.map((t) => t.id)),
    };
  }

  async function withMembers(ex: Executor, team: TeamRow): Promise<TeamWithMembers> {
    return { team, userIds: (await memberIdsOfTeams(ex, [team.id])).get(team.id) ?? [] };
  }


  return {
    async list(actor: Actor, page?: number, perPage?: number): Promise<OrganisationRow[]> {
      requireSection(actor, 'portal', 'read');
      return listOrganisations(db, portalWindow(page, perPage));
    },

    async get(actor: Actor, id: number): Promise<OrganisationWithTeams> {
      requireSection(actor, 'portal', 'read');
      return withTeams(db, await mustFindOrganisation(db, id));
    },

    /** Creates an organisation with its default team, "<Name> All users". */
    async create(actor: Actor, name: string): Promise<OrganisationWithTeams> {
      requireSection(actor, 'portal', 'write');
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          if (await findOrganisationByName(trx, name)) throw new Conflict(NAME_TAKEN);
          const at = now();
          const id = await insertOrganisation(trx, name, at);
          await insertTeam(trx, id, `${name} All users`, true, at);
          await recordAudit(trx, actor, { action: 'organisation.create', targetType: 'organisation', targetId: id, changes: { name } });
          return withTeams(trx, (await findOrganisation(trx, id))!);
        }),
      );
    },

    async rename(actor: Actor, id: number, name: string): Promise<OrganisationWithTeams> {
      requireSection(actor, 'portal', 'write');
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          const org = await mustFindOrganisation(trx, id);
          const clash = await findOrganisationByName(trx, name);
          if (clash && clash.id !== id) throw new Conflict(NAME_TAKEN);
          await renameOrganisation(trx, id, name, now());
          await recordAudit(trx, actor, { action: 'organisation.update', targetType: 'organisation', targetId: id, changes: { name, was: org.name } });
          return withTeams(trx, (await findOrganisation(trx, id))!);
        }),
      );
    },

    /** Deletes an organisation and its teams; the Default Organisation is permanent. */
    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const org = await mustFindOrganisation(trx, id);
        if (org.is_default === 1) throw new Conflict('The Default Organisation cannot be deleted');
        const fallback = await defaultOrganisation(trx);
        const team = await defaultTeamOf(trx, fallback.id);
        const moved = await moveOrganisationMembers(trx, id, { organisationId: fallback.id, teamId: team.id }, now());
        await deleteOrganisationRow(trx, id);
        await recordAudit(trx, actor, {
          action: 'organisation.delete',
          targetType: 'organisation',
          targetId: id,
          changes: { name: org.name, users_moved_to_default_organisation: moved },
        });
      });
    },

    async listTeams(actor: Actor, organisationId: number, page?: number, perPage?: number): Promise<TeamRow[]> {
      requireSection(actor, 'portal', 'read');
      await mustFindOrganisation(db, organisationId);
      return listTeams(db, organisationId, portalWindow(page, perPage));
    },

    async getTeam(actor: Actor, organisationId: number, teamId: number): Promise<TeamWithMembers> {
      requireSection(actor, 'portal', 'read');
      return withMembers(db, await mustFindTeam(db, organisationId, teamId));
    },

    async createTeam(actor: Actor, organisationId: number, name: string): Promise<TeamWithMembers> {
      requireSection(actor, 'portal', 'write');
      return db.transaction().execute(async (trx) => {
        await mustFindOrganisation(trx, organisationId);
        const id = await insertTeam(trx, organisationId, name, false, now());
        await recordAudit(trx, actor, { action: 'team.create', targetType: 'team', targetId: id, changes: { name, organisation_id: organisationId } });
        return withMembers(trx, (await findTeam(trx, organisationId, id))!);
      });
    },

    async renameTeam(actor: Actor, organisationId: number, teamId: number, name: string): Promise<TeamWithMembers> {
      requireSection(actor, 'portal', 'write');
      return db.transaction().execute(async (trx) => {
        const team = await mustFindTeam(trx, organisationId, teamId);
        await renameTeam(trx, teamId, name, now());
        await recordAudit(trx, actor, { action: 'team.update', targetType: 'team', targetId: teamId, changes: { name, was: team.name } });
        return withMembers(trx, (await findTeam(trx, organisationId, teamId))!);
      });
    },

    /** Deletes a team; every organisation's default team is permanent. */
    async removeTeam(actor: Actor, organisationId: number, teamId: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const team = await mustFindTeam(trx, organisationId, teamId);
        if (team.is_default === 1) throw new Conflict("An organisation's default team cannot be deleted");
        const moved = await moveTeamMembers(trx, teamId, (await defaultTeamOf(trx, organisationId)).id);
        await deleteTeamRow(trx, teamId);
        await recordAudit(trx, actor, { action: 'team.delete', targetType: 'team', targetId: teamId, changes: { name: team.name, users_moved_to_default_team: moved } });
      });
    },
  };
}

export type OrganisationsService = ReturnType<typeof organisationsService>;
