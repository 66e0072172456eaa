import type { Origin, SystemActor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/transactions.js';
import { Forbidden, Invalid } from '../../errors.js';
import { hashSecret } from '../../identity/tokens.js';
import { normalizeEmail, type UsersService } from '../../identity/users.service.js';
import { findOpenInvite, markInviteUsed } from './invites.repository.js';
import { defaultOrganisation, defaultTeamOf, replaceMemberships } from './memberships.repository.js';
import { fullName, type EmailPort } from './portal-users.service.js';
import { readSettings, ruleForEmail } from '../settings/settings.repository.js';
import { pages, pageUrl } from '../../links.js';
import { passwordSignInClosed, ssoRequired } from '../../identity/sso/sso-profiles.service.js';

export interface Registration {
  first: string;
  last: string;
  email: string;
  password: string;
  password_confirmation: string;
  /** The token of a consumer-admin's invitation, from its link. */
  invite?: string;
}

/**
 * Self-registration of API consumers (POST /auth/password/register).
 *
 * The new consumer lands in the organisation and team of the registration rule
 * for their email domain, or of their invitation, else in the Default
 * Organisation's default team, and stays inactive until an administrator
 * activates them — unless auto-approval is on (for everyone, or for that domain).
 *
 * Registering an address that already has an account answers exactly as a new
 * registration would and emails the owner of the address instead, so the
 * endpoint tells nobody who has an account.
 */
export function registrationService({ store, config }: AppContext, deps: { users: UsersService; email: EmailPort }) {
  const { db } = store;
  const { users, email } = deps;
  const loginUrl = pageUrl(config.publicUrl, pages.signIn());

  return {
    /** Registers a consumer; answers whether the account awaits approval. */
    async register(origin: Origin, input: Registration): Promise<{ pendingApproval: boolean }> {
      // Single sign-on only for consumers: a password account would open nothing; answered as a password sign-in is.
      if (await passwordSignInClosed(db, 'consumers')) throw ssoRequired('consumers');
      if (input.password !== input.password_confirmation) throw new Invalid('password_confirmation', 'does not match password');
      // Hashed before anything else, for an existing address too, so both paths take the same time.
      const passwordHash = await users.checkNewPassword(input.password, input.email, 'password');
      const actor: SystemActor = { kind: 'system', origin };
      const address = input.email.trim();
      try {
        return await db.transaction().execute(async (trx) => {
          const settings = await readSettings(trx);
          if (settings.self_registration === 0 && input.invite === undefined) {
            throw new Forbidden('Self-registration is closed: ask for an invitation');
          }
          const rule = await ruleForEmail(trx, address);
          let placement: { organisationId: number; teamId: number; role: 'consumer-admin' | 'consumer-team-member' } | undefined;
          let inviteHash: string | undefined;
          if (input.invite !== undefined) {
            inviteHash = hashSecret(input.invite);
            const invite = await findOpenInvite(trx, inviteHash, new Date().toISOString());
            if (!invite || invite.email_normalized !== normalizeEmail(address)) {
              throw new Invalid('invite', 'this invitation is unknown, used, expired or for another email address');
            }
            const teamId = invite.team_id ?? (await defaultTeamOf(trx, invite.organisation_id)).id;
            placement = { organisationId: invite.organisation_id, teamId, role: invite.role === 'consumer-admin' ? 'consumer-admin' : 'consumer-team-member' };
          } else if (rule) {
            placement = { organisationId: rule.organisation_id, teamId: rule.team_id, role: 'consumer-team-member' };
          } else {
            const org = await defaultOrganisation(trx);
            placement = { organisationId: org.id, teamId: (await defaultTeamOf(trx, org.id)).id, role: 'consumer-team-member' };
          }
          const active = settings.auto_approve_consumers === 1 || rule?.auto_approve === 1;

          const existing = await users.findByEmail(trx, address);
          if (existing) {
            await email.enqueue(trx, 'registration-existing-account', existing.email, {
              name: fullName(existing),
              login_url: loginUrl,
              reset_url: pageUrl(config.publicUrl, pages.forgotPassword()),
            });
            await recordAudit(trx, actor, { action: 'user.register.existing', targetType: 'user', targetId: existing.id, actorEmail: address });
            return { pendingApproval: !active };
          }

          const { user } = await users.createAccount(
            trx,
            actor,
            {
              email: address,
              firstName: input.first,
              lastName: input.last,
              role: placement.role,
              active,
              passwordChangeRequired: false,
              organisationId: placement.organisationId,
              issueAccessKey: false,
              auditAction: 'user.register',
              auditActorEmail: address,
            },
            passwordHash,
          );
          await replaceMemberships(trx, user.id, [placement.teamId]);
          if (inviteHash) await markInviteUsed(trx, inviteHash, new Date().toISOString());
          if (active) {
            await email.enqueue(trx, 'welcome', user.email, { name: fullName(user), login_url: loginUrl });
          } else {
            for (const admin of await email.adminRecipients(trx)) {
              await email.enqueue(trx, 'registration-pending', admin, {
                name: fullName(user),
                email: user.email,
                review_url: pageUrl(config.publicUrl, pages.portalUser(user.id)),
              });
            }
          }
          return { pendingApproval: !active };
        });
      } catch (err) {
        // Two registrations of one new address at once: the loser answers like the winner.
        if (isUniqueViolation(err)) return { pendingApproval: true };
        throw err;
      }
    },
  };
}

export type RegistrationService = ReturnType<typeof registrationService>;
