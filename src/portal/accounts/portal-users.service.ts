import { isConsumerRole, type Actor, type ConsumerRole, type Role, type UserActor } from '../../access/actor.js';
import { renderPermissions } from '../../access/permissions.js';
import { requireAdmin, requireSection } from '../../access/policy.js';
import { maySeeStaff } from '../../access/user-visibility.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../../errors.js';
import type { UpdateUserInput, UserRecord, UsersService } from '../../identity/users.service.js';
import { countKeysOf } from '../../keys/portal-keys.js';
import type { EmailEvent, EmailEvents } from '../../notify/events.js';
import { portalWindow } from '../../pagination.js';
import {
  defaultOrganisation,
  defaultTeamOf,
  membershipsOf,
  replaceMemberships,
  setOrganisationAndRole,
  requireTeamsInOrganisation,
  type Membership,
} from './memberships.repository.js';
import { findOrganisation } from './organisations.repository.js';
import { PORTAL_ROLES, type PortalUserCreate, type PortalUserQuery, type PortalUserUpdate } from './portal-users.schemas.js';
import { pages, pageUrl } from '../../links.js';

/** What the portal needs of the email outbox (src/notify). */
export interface EmailPort {
  enqueue<E extends EmailEvent>(ex: Executor, event: E, to: string, data: EmailEvents[E]): Promise<boolean>;
  adminRecipients(ex: Executor): Promise<string[]>;
}

export interface PortalUser {
  user: UserRecord;
  membership: Membership;
}

const now = (): string => new Date().toISOString();
const EMAIL_TAKEN = 'Email: a user with this email already exists';

export function fullName(u: { firstName: string; lastName: string }): string {
  return `${u.firstName} ${u.lastName}`.trim();
}

function parseRole(raw: string): Role {
  if (!(PORTAL_ROLES as readonly string[]).includes(raw)) throw new Invalid('Role', `must be one of ${PORTAL_ROLES.join(', ')}; got ${JSON.stringify(raw)}`);
  return raw as Role;
}

function teamIds(refs: (number | string | { ID: number })[] | undefined): number[] | undefined {
  return refs === undefined ? undefined : [...new Set(refs.map((r) => (typeof r === 'object' ? r.ID : Number(r))))];
}

/**
 * Everyone who can sign in to the portal, staff and consumers alike, as the
 * Admin Portal manages them (/portal-api/users). One account per person: a
 * consumer is a `users` row with an organisation and teams. Needs `portal`;
 * staff accounts (super-admin, provider-admin, dashboard-user) are seen only with
 * `users: read` (absent otherwise), and creating or changing them needs an administrator.
 */
export function portalUsersService({ store, config }: AppContext, deps: { users: UsersService; email: EmailPort; oauth?: { kick(): void } }) {
  const { db } = store;
  const loginUrl = pageUrl(config.publicUrl, pages.signIn());
  const { users, email } = deps;

  async function load(ex: Executor, id: number): Promise<PortalUser> {
    const user = await users.find(ex, id);
    if (!user) throw new NotFound('User');
    const membership = (await membershipsOf(ex, [id])).get(id) ?? { organisation: null, teams: [] };
    return { user, membership };
  }

  /**
   * A user the actor may see: staff accounts only for those allowed to see
   * Dashboard users; to everyone else a staff id answers like an absent one.
   */
  async function loadVisible(ex: Executor, actor: Actor, id: number): Promise<PortalUser> {
    const found = await load(ex, id);
    if (!isConsumerRole(found.user.role) && !maySeeStaff(actor)) throw new NotFound('User');
    return found;
  }

  /** The teams a consumer joins: those named (all in the organisation), or the organisation's default team. */
  async function resolveTeams(ex: Executor, organisationId: number, refs: number[] | undefined): Promise<number[]> {
    if (refs === undefined || refs.length === 0) {
      if (refs !== undefined) throw new Invalid('Teams', 'a consumer belongs to at least one team of their organisation');
      return [(await defaultTeamOf(ex, organisationId)).id];
    }
    return requireTeamsInOrganisation(ex, organisationId, refs, 'Teams');
  }

  async function organisationOrInvalid(ex: Executor, id: number): Promise<number> {
    if (!(await findOrganisation(ex, id))) throw new Invalid('OrganisationID', `no organisation ${id}`);
    return id;
  }

  /** Activation emails for consumers: approving a registration is activating the account. */
  async function announceActivity(ex: Executor, u: UserRecord, active: boolean): Promise<void> {
    if (!isConsumerRole(u.role)) return;
    if (active) await email.enqueue(ex, 'account-activated', u.email, { name: fullName(u), login_url: loginUrl });
    else await email.enqueue(ex, 'account-deactivated', u.email, { name: fullName(u) });
  }

  async function uniqueEmail<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw new Conflict(EMAIL_TAKEN, 'email_taken');
      if (err instanceof Conflict && err.code === 'email_taken') throw new Conflict(EMAIL_TAKEN, 'email_taken');
      if (err instanceof Invalid && err.field === 'email_address') throw new Invalid('Email', err.problem);
      throw err;
    }
  }

  return {
    /** A signed-in user's own account. */
    async self(actor: UserActor): Promise<PortalUser> {
      return load(db, actor.userId);
    },

    /** A consumer changes their own name. */
    async updateSelf(actor: UserActor, input: { First?: string; Last?: string }): Promise<PortalUser> {
      return db.transaction().execute(async (trx) => {
        const identity: UpdateUserInput = {};
        if (input.First !== undefined) identity.first_name = input.First;
        if (input.Last !== undefined) identity.last_name = input.Last;
        await users.updateAccount(trx, actor, actor.userId, identity);
        return load(trx, actor.userId);
      });
    },

    async list(actor: Actor, q: PortalUserQuery): Promise<PortalUser[]> {
      requireSection(actor, 'portal', 'read');
      // Those who may not see staff get consumers whatever they ask: asking for staff alone lists nobody.
      if (q.kind === 'staff' && !maySeeStaff(actor)) return [];
      const { rows } = await users.listAccounts(db, {
        kind: maySeeStaff(actor) ? (q.kind ?? 'all') : 'consumer',
        role: q.role,
        organisationId: q.organisation,
        teamId: q.team,
        active: q.active,
        search: q.q,
        page: portalWindow(q.page, q.per_page),
        // The portal's list answers no page count: counting every account would be wasted.
        count: false,
      });
      const memberships = await membershipsOf(db, rows.map((r) => r.id));
      return rows.map((user) => ({ user, membership: memberships.get(user.id) ?? { organisation: null, teams: [] } }));
    },

    async get(actor: Actor, id: number): Promise<PortalUser> {
      requireSection(actor, 'portal', 'read');
      return loadVisible(db, actor, id);
    },

    async create(actor: Actor, input: PortalUserCreate): Promise<PortalUser> {
      requireSection(actor, 'portal', 'write');
      const role = parseRole(input.Role ?? 'consumer-team-member');
      if (role === 'super-admin') throw new Invalid('Role', 'super-admin is the bootstrapped administrator alone; create a provider-admin');
      const consumer = isConsumerRole(role);
      if (!consumer) {
        requireAdmin(actor, 'create administrators or Dashboard users');
        if (input.OrganisationID) throw new Invalid('OrganisationID', 'administrators and Dashboard users belong to no organisation');
        if (input.Teams && input.Teams.length > 0) throw new Invalid('Teams', 'administrators and Dashboard users belong to no team');
      }
      const passwordHash = input.Password === undefined ? null : await users.checkNewPassword(input.Password, input.Email, 'Password');
      const active = input.Active ?? false;
      return uniqueEmail(() =>
        db.transaction().execute(async (trx) => {
          let organisationId: number | null = null;
          let teams: number[] = [];
          if (consumer) {
            organisationId = input.OrganisationID ? await organisationOrInvalid(trx, input.OrganisationID) : (await defaultOrganisation(trx)).id;
            teams = await resolveTeams(trx, organisationId, teamIds(input.Teams));
          }
          const { user } = await users.createAccount(
            trx,
            actor,
            {
              email: input.Email,
              firstName: input.First,
              lastName: input.Last,
              role,
              permissions: { isAdmin: role === 'provider-admin', sections: {} },
              active,
              passwordChangeRequired: input.ResetPassword ?? false,
              organisationId,
              issueAccessKey: !consumer,
            },
            passwordHash,
          );
          if (consumer) {
            await replaceMemberships(trx, user.id, teams);
            if (active) await email.enqueue(trx, 'welcome', user.email, { name: fullName(user), login_url: loginUrl });
          }
          return load(trx, user.id);
        }),
      );
    },

    async update(actor: Actor, id: number, input: PortalUserUpdate): Promise<PortalUser> {
      requireSection(actor, 'portal', 'write');
      return uniqueEmail(() =>
        db.transaction().execute(async (trx) => {
          const { user: target, membership } = await loadVisible(trx, actor, id);
          const consumer = isConsumerRole(target.role);
          if (!consumer) requireAdmin(actor, 'change administrators or Dashboard users');
          const identity: UpdateUserInput = {};
          if (input.First !== undefined) identity.first_name = input.First;
          if (input.Last !== undefined) identity.last_name = input.Last;
          if (input.Email !== undefined) identity.email_address = input.Email;
          if (input.Active !== undefined) identity.active = input.Active;
          if (input.ResetPassword !== undefined) identity.password_change_required = input.ResetPassword;

          const changes: Record<string, unknown> = {};
          let newRole: ConsumerRole | undefined;
          if (input.Role !== undefined && input.Role !== target.role) {
            const role = parseRole(input.Role);
            if (isConsumerRole(role) !== consumer) throw new Invalid('Role', 'a consumer cannot become staff, nor staff a consumer; create a new account');
            if (role === 'super-admin' || target.role === 'super-admin') throw new Invalid('Role', 'super-admin is the bootstrapped administrator alone');
            if (isConsumerRole(role)) newRole = role;
            else identity.user_permissions = renderPermissions({ isAdmin: role === 'provider-admin', sections: target.ownSections, kept: target.ownKept });
          }

          if (consumer) {
            const currentOrg = membership.organisation?.id ?? (await defaultOrganisation(trx)).id;
            const orgId = input.OrganisationID && input.OrganisationID !== currentOrg ? await organisationOrInvalid(trx, input.OrganisationID) : currentOrg;
            const moved = orgId !== currentOrg;
            if (input.OrganisationID === 0) throw new Invalid('OrganisationID', 'a consumer belongs to an organisation');
            const refs = teamIds(input.Teams);
            if (moved || refs !== undefined) {
              const teams = await resolveTeams(trx, orgId, refs);
              const before = membership.teams.map((t) => t.id).sort((a, b) => a - b);
              if (moved || JSON.stringify(before) !== JSON.stringify([...teams].sort((a, b) => a - b))) {
                await replaceMemberships(trx, id, teams);
                changes.teams = teams;
              }
            }
            if (moved || newRole) {
              await setOrganisationAndRole(trx, id, { ...(moved ? { organisation_id: orgId } : {}), ...(newRole ? { role: newRole } : {}) }, now());
              if (moved) changes.organisation_id = orgId;
              if (newRole) changes.role = newRole;
            }
          } else {
            if (input.OrganisationID) throw new Invalid('OrganisationID', 'administrators and Dashboard users belong to no organisation');
            if (input.Teams && input.Teams.length > 0) throw new Invalid('Teams', 'administrators and Dashboard users belong to no team');
          }

          if (Object.keys(changes).length > 0) {
            await recordAudit(trx, actor, { action: 'user.membership.change', targetType: 'user', targetId: id, changes });
          }
          const updated = await users.updateAccount(trx, actor, id, identity);
          if (input.Active !== undefined && input.Active !== target.active) await announceActivity(trx, updated, input.Active);
          return load(trx, id);
        }),
      );
    },

    /**
     * Deletes the account and everything that is theirs: sessions, apps, access
     * requests, credentials (their keys are deleted, so they stop working), team
     * memberships. The audit log keeps that they existed and who deleted them.
     */
    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const { user: target } = await loadVisible(trx, actor, id);
        if (!isConsumerRole(target.role)) requireAdmin(actor, 'delete administrators or Dashboard users');
        const revoked = await countKeysOf(trx, id);
        await users.removeAccount(trx, actor, id);
        if (revoked > 0) {
          await recordAudit(trx, actor, { action: 'user.credentials.revoke', targetType: 'user', targetId: id, changes: { credentials_revoked: revoked } });
        }
      });
      // Their OAuth clients (DCR credentials) were queued for deletion at the provider with the rows.
      deps.oauth?.kick();
    },
  };
}

export type PortalUsersService = ReturnType<typeof portalUsersService>;
