import { isConsumerRole, type Origin, type SystemActor } from '../access/actor.js';
import { passwordSignInClosed, ssoRequired } from './sso/sso-profiles.service.js';
import type { AppContext } from '../context.js';
import { Invalid } from '../errors.js';
import type { EmailOutbox } from '../notify/outbox.js';
import {
  countRecentResetTokens,
  countRecentResetTokensFrom,
  insertResetToken,
  lockResetRequests,
  useResetToken,
  useUpResetTokens,
} from './password-reset.repository.js';
import { hashSecret, newSecret } from './tokens.js';
import { findUserByEmail, findUserById } from './users.repository.js';
import type { UsersService } from './users.service.js';
import { pages, pageUrl } from '../links.js';

export const RESET_LINK_MINUTES = 30;
/** Links one account can be sent within a link's lifetime. */
const MAX_LINKS_PER_ACCOUNT = 3;
/** Links one client address can have sent (to any accounts) within a link's lifetime. */
const MAX_LINKS_PER_ADDRESS = 10;

/**
 * Password reset by email: a single-use link valid 30 minutes. Asking answers
 * the same for every address, known or not, active or not, limited or not; only
 * an active account's owner gets a link. The limits keep the endpoint from
 * flooding one mailbox (per account) or many (per client address).
 */
export function passwordResetService({ store, config }: AppContext, deps: { users: UsersService; email: Pick<EmailOutbox, 'enqueue' | 'kick'> }) {
  const { db } = store;

  return {
    /** Sends a reset link to an active account's address; silent for any other address. */
    async request(origin: Origin, address: string): Promise<void> {
      // The reset pages are the Live Portal's: under single sign-on only for consumers, every address is refused alike.
      if (await passwordSignInClosed(db, 'consumers')) throw ssoRequired('consumers');
      const queued = await db.transaction().execute(async (trx) => {
        const user = await findUserByEmail(trx, address);
        if (!user || !user.active) return false;
        // Staff under single sign-on only: no link, and the same answer as for any address (a refusal would tell who is staff).
        if (!isConsumerRole(user.role) && (await passwordSignInClosed(trx, 'staff'))) return false;
        await lockResetRequests(trx, store.dialect, origin.ip, user.id);
        const now = new Date();
        const since = new Date(now.getTime() - RESET_LINK_MINUTES * 60_000).toISOString();
        if ((await countRecentResetTokens(trx, user.id, since)) >= MAX_LINKS_PER_ACCOUNT) return false;
        if ((await countRecentResetTokensFrom(trx, origin.ip, since)) >= MAX_LINKS_PER_ADDRESS) return false;
        const token = newSecret();
        await insertResetToken(trx, {
          token_hash: hashSecret(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
          requested_from: origin.ip,
        });
        return deps.email.enqueue(trx, 'password-reset', user.email, {
          name: `${user.firstName} ${user.lastName}`.trim(),
          reset_url: pageUrl(config.publicUrl, pages.resetPassword(token)),
          expires_minutes: String(RESET_LINK_MINUTES),
        });
      });
      if (queued) deps.email.kick();
    },

    /** Sets a new password with a link's token; every session and key of the account end. */
    async reset(origin: Origin, input: { token: string; password: string; password_confirmation: string }): Promise<void> {
      if (input.password !== input.password_confirmation) throw new Invalid('password_confirmation', 'does not match password');
      const actor: SystemActor = { kind: 'system', origin };
      await db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        // A failure below rolls the use back: the link still works after a refused password.
        const userId = await useResetToken(trx, hashSecret(input.token), now);
        const user = userId === undefined ? undefined : await findUserById(trx, userId);
        if (!user || !user.active) throw new Invalid('token', 'this link is unknown, used or expired; ask for a new one');
        // A link sent before single sign-on only was switched on opens nothing either (the token stays unused).
        const audience = isConsumerRole(user.role) ? 'consumers' : 'staff';
        if (await passwordSignInClosed(trx, audience)) throw ssoRequired(audience);
        await deps.users.resetPasswordIn(trx, actor, user, input.password);
        await useUpResetTokens(trx, user.id, now);
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof passwordResetService>;
