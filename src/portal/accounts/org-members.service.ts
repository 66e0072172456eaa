import type { UserActor } from '../../access/actor.js';
import { requireConsumerAdmin, requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { Invalid, NotFound } from '../../errors.js';
import { hashSecret, newSecret } from '../../identity/tokens.js';
import { normalizeEmail, type UsersService } from '../../identity/users.service.js';
import type { Executor } from '../../db/database.js';
import { portalWindow } from '../../pagination.js';
import { defaultOrganisation, defaultTeamOf, membershipsOf, replaceMemberships, requireTeamsInOrganisation, setOrganisationAndRole } from './memberships.repository.js';
import { insertInvite } from './invites.repository.js';
import { findOrganisation } from './organisations.repository.js';
import { fullName, type EmailPort, type PortalUser } from './portal-users.service.js';
import { pages, pageUrl } from '../../links.js';

const INVITE_DAYS = 7;
type ConsumerRoleName = 'consumer-admin' | 'consumer-team-member';

export interface InviteInput {
  Email: string;
  TeamID?: number;
  Role?: ConsumerRoleName;
}

export interface MemberUpdate {
  Teams?: number[];
  Role?: ConsumerRoleName;
}

/**
 * A consumer-admin's view of their own organisation (/portal/api/org/users):
 * its members, invitations by email, team and role changes, and removal (the
 * member moves to the Default Organisation; their account and apps stay theirs).
 */
export function orgMembersService({ store, config }: AppContext, deps: { users: UsersService; email: EmailPort }) {
  const { db } = store;

  async function organisationOf(ex: Executor, actor: UserActor): Promise<number> {
    requireConsumerAdmin(actor);
    const me = await deps.users.find(ex, actor.userId);
    if (!me || me.organisationId === null) throw new NotFound('Organisation');
    return me.organisationId;
  }

  /** A member of the actor's organisation; anyone else answers like nobody. */
  async function member(ex: Executor, organisationId: number, id: number): Promise<PortalUser> {
    const user = await deps.users.find(ex, id);
    if (!user || user.organisationId !== organisationId) throw new NotFound('User');
    return { user, membership: (await membershipsOf(ex, [id])).get(id)! };
  }

  async function teamsOrInvalid(ex: Executor, organisationId: number, ids: number[], field: string): Promise<number[]> {
    if (ids.length === 0) throw new Invalid(field, 'a member belongs to at least one team');
    return requireTeamsInOrganisation(ex, organisationId, ids, field);
  }

  /** Records the invitation (or tells an existing account's owner) and queues the email, in the caller's transaction. */
  async function inviteInto(trx: Executor, actor: UserActor, organisationId: number, input: InviteInput): Promise<void> {
    const org = (await findOrganisation(trx, organisationId))!;
    const teamId = input.TeamID === undefined ? null : (await teamsOrInvalid(trx, organisationId, [input.TeamID], 'TeamID'))[0]!;
    const address = input.Email.trim();
    const role = input.Role ?? 'consumer-team-member';
    const existing = await deps.users.findByEmail(trx, address);
    if (existing) {
      await deps.email.enqueue(trx, 'registration-existing-account', existing.email, {
        name: fullName(existing),
        login_url: pageUrl(config.publicUrl, pages.signIn()),
        reset_url: pageUrl(config.publicUrl, pages.forgotPassword()),
      });
    } else {
      const token = newSecret();
      const at = new Date();
      await insertInvite(trx, {
        token_hash: hashSecret(token),
        email: address,
        email_normalized: normalizeEmail(address),
        organisation_id: organisationId,
        team_id: teamId,
        role,
        invited_by: actor.userId,
        created_at: at.toISOString(),
        expires_at: new Date(at.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
        used_at: null,
      });
      await deps.email.enqueue(trx, 'invite', address, {
        organisation: org.name,
        invited_by: actor.email,
        register_url: pageUrl(config.publicUrl, pages.register(token)),
        expires_days: String(INVITE_DAYS),
      });
    }
    await recordAudit(trx, actor, { action: 'invite.create', targetType: 'organisation', targetId: organisationId, changes: { email: address, role, team_id: teamId } });
  }

  return {
    async list(actor: UserActor, page?: number, perPage?: number): Promise<PortalUser[]> {
      const organisationId = await organisationOf(db, actor);
      const { rows } = await deps.users.listAccounts(db, { kind: 'consumer', organisationId, page: portalWindow(page, perPage), count: false });
      const memberships = await membershipsOf(db, rows.map((r) => r.id));
      return rows.map((user) => ({ user, membership: memberships.get(user.id)! }));
    },

    /**
     * Emails a registration link into the consumer-admin's own organisation,
     * valid 7 days. An address that already has an account answers the same
     * (its owner is told instead).
     */
    async invite(actor: UserActor, input: InviteInput): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await inviteInto(trx, actor, await organisationOf(trx, actor), input);
      });
    },

    /**
     * An Admin Portal user invites someone into any organisation (API Consumers
     * > Users > Invite): the same email and link as a consumer-admin's invitation.
     */
    async inviteAsAdmin(actor: UserActor, input: InviteInput & { OrganisationID: number }): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        if (!(await findOrganisation(trx, input.OrganisationID))) throw new Invalid('OrganisationID', 'no such organisation');
        await inviteInto(trx, actor, input.OrganisationID, input);
      });
    },

    async update(actor: UserActor, id: number, input: MemberUpdate): Promise<PortalUser> {
      return db.transaction().execute(async (trx) => {
        const organisationId = await organisationOf(trx, actor);
        const target = await member(trx, organisationId, id);
        const changes: Record<string, unknown> = {};
        if (input.Role !== undefined && input.Role !== target.user.role) {
          if (id === actor.userId) throw new Invalid('Role', 'you cannot change your own role');
          await setOrganisationAndRole(trx, id, { role: input.Role }, new Date().toISOString());
          changes.role = input.Role;
        }
        if (input.Teams !== undefined) {
          const teams = await teamsOrInvalid(trx, organisationId, input.Teams, 'Teams');
          await replaceMemberships(trx, id, teams);
          changes.teams = teams;
        }
        if (Object.keys(changes).length > 0) {
          await recordAudit(trx, actor, { action: 'user.membership.change', targetType: 'user', targetId: id, changes });
        }
        return member(trx, organisationId, id);
      });
    },

    async remove(actor: UserActor, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const organisationId = await organisationOf(trx, actor);
        await member(trx, organisationId, id);
        if (id === actor.userId) throw new Invalid('id', 'you cannot remove yourself from your organisation');
        const fallback = await defaultOrganisation(trx);
        if (fallback.id === organisationId) throw new Invalid('id', 'members of the Default Organisation cannot be removed from it');
        const team = await defaultTeamOf(trx, fallback.id);
        await setOrganisationAndRole(trx, id, { organisation_id: fallback.id, role: 'consumer-team-member' }, new Date().toISOString());
        await replaceMemberships(trx, id, [team.id]);
        await recordAudit(trx, actor, {
          action: 'user.membership.change',
          targetType: 'user',
          targetId: id,
          changes: { organisation_id: fallback.id, teams: [team.id], role: 'consumer-team-member', removed_from: organisationId },
        });
      });
    },
  };
}

export type OrgMembersService = ReturnType<typeof orgMembersService>;
