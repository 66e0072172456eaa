import type { Origin, SystemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { Invalid } from '../http/errors.js';
import type { EmailPort } from '../portal/portal-users.service.js';
import { countRecentResetTokens, findLiveResetToken, insertResetToken, useUpResetTokens } from './password-reset.repository.js';
import { hashSecret, newSecret } from './tokens.js';
import { findUserByEmail, findUserById } from './users.repository.js';
import type { UsersService } from './users.service.js';

export const RESET_LINK_MINUTES = 30;
/** Links one account can be sent within a link's lifetime. */
const MAX_LINKS_PER_WINDOW = 3;

/**
 * Password reset by email: a single-use link valid 30 minutes. Asking answers
 * the same for every address, known or not, active or not; only an active
 * account's owner gets a link.
 */
export function passwordResetService({ store, config }: AppContext, deps: { users: UsersService; email: EmailPort }) {
  const { db } = store;

  return {
    /** Sends a reset link to an active account's address; silent for any other address. */
    async request(address: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await findUserByEmail(trx, address);
        if (!user || !user.active) return;
        const now = new Date();
        const since = new Date(now.getTime() - RESET_LINK_MINUTES * 60_000).toISOString();
        if ((await countRecentResetTokens(trx, user.id, since)) >= MAX_LINKS_PER_WINDOW) return;
        const token = newSecret();
        await insertResetToken(trx, {
          token_hash: hashSecret(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
        });
        await deps.email.enqueue(trx, 'password-reset', user.email, {
          name: `${user.firstName} ${user.lastName}`.trim(),
          reset_url: `${config.publicUrl}/auth/password/reset?token=${encodeURIComponent(token)}`,
          expires_minutes: String(RESET_LINK_MINUTES),
        });
      });
    },

    /** Sets a new password with a link's token; every session and key of the account end. */
    async reset(origin: Origin, input: { token: string; password: string; password_confirmation: string }): Promise<void> {
      if (input.password !== input.password_confirmation) throw new Invalid('password_confirmation', 'does not match password');
      const actor: SystemActor = { kind: 'system', origin };
      await db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        const live = await findLiveResetToken(trx, hashSecret(input.token), now);
        const user = live ? await findUserById(trx, live.user_id) : undefined;
        if (!user || !user.active) throw new Invalid('token', 'this link is unknown, used or expired; ask for a new one');
        await deps.users.resetPasswordIn(trx, actor, user, input.password);
        await useUpResetTokens(trx, user.id, now);
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof passwordResetService>;
