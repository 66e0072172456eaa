import type { Actor, Origin } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import { Forbidden, TooManyRequests, Unauthorized } from '../errors.js';
import { isConsumerRole } from '../access/actor.js';
import { mayAct } from './authentication.service.js';
import { passwordSignInClosed, ssoRequired } from './sso/sso-profiles.service.js';
import { verifyAgainstNothing, verifyPassword } from './passwords.js';
import { deleteExpiredSessions, deleteSession, findSession, insertSession } from './sessions.repository.js';
import { clearFailures, failuresBeside, forgetSignInAttempt, pruneFailures, recordSignInAttempt } from './sign-in.repository.js';
import { deleteOldResetTokens } from './password-reset.repository.js';
import { hashSecret, newSecret } from './tokens.js';
import { findPasswordHash, findUserByEmail, normalizeEmail, updateUserRow, type UserRecord } from './users.repository.js';

export const WRONG_CREDENTIALS = 'Invalid email or password';

export interface SignedIn {
  user: UserRecord;
  sessionToken: string;
  expiresAt: Date;
}

function anonymous(origin: Origin): Actor {
  return { kind: 'system', origin };
}

export function signInService({ store, config }: AppContext) {
  const { db } = store;
  const windowMs = config.loginWindowMinutes * 60_000;

  /**
   * 429 when the account or the address failed too often within the window,
   * counting the failed and still pending attempts other than this one (whose
   * row `attemptId` is already committed). A refused attempt's row is dropped,
   * so that refusals do not extend the block.
   */
  async function checkLimits(attemptId: number, email: string, origin: Origin, nowMs: number): Promise<void> {
    const since = new Date(nowMs - windowMs).toISOString();
    const max = config.loginMaxFailures;
    const { byAccount, byAddress } = await failuresBeside(db, attemptId, email, origin.ip, since, max);
    const blockedUntil = [byAccount, byAddress]
      .filter((list) => list.length >= max)
      .map((list) => Date.parse(list[max - 1]!) + windowMs);
    if (blockedUntil.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await forgetSignInAttempt(trx, attemptId);
      await recordAudit(trx, anonymous(origin), {
        action: 'login.failed',
        targetType: 'user',
        targetId: email,
        actorEmail: email,
        changes: { reason: 'too many failed sign-ins' },
        status: 429,
      });
    });
    throw new TooManyRequests('Too many failed sign-in attempts; try again later', (Math.max(...blockedUntil) - nowMs) / 1000);
  }

  return {
    async signIn(emailRaw: string, password: string, origin: Origin, userAgent: string): Promise<SignedIn> {
      const email = normalizeEmail(emailRaw);
      const nowMs = Date.now();
      // Record the attempt first and decide from what it then sees: checking and
      // recording after the (slow) password check let concurrent guesses all pass.
      const attemptId = await recordSignInAttempt(db, email, origin.ip, new Date(nowMs).toISOString());
      await checkLimits(attemptId, email, origin, nowMs);
      const user = await findUserByEmail(db, email);
      const hash = user ? await findPasswordHash(db, user.id) : null;
      const ok = hash ? await verifyPassword(password, hash) : await verifyAgainstNothing(password);
      const at = new Date().toISOString();
      if (!user || !ok) {
        // The attempt's row stays: it is this failure.
        await db.transaction().execute((trx) =>
          recordAudit(trx, anonymous(origin), {
            action: 'login.failed',
            targetType: 'user',
            targetId: user ? user.id : email,
            actorEmail: email,
            actorId: user ? user.id : null,
            changes: { reason: 'wrong email or password' },
            status: 401,
          }),
        );
        throw new Unauthorized(WRONG_CREDENTIALS);
      }
      if (!mayAct(user)) {
        await db.transaction().execute(async (trx) => {
          await forgetSignInAttempt(trx, attemptId);
          await recordAudit(trx, anonymous(origin), {
            action: 'login.failed',
            targetType: 'user',
            targetId: user.id,
            actorEmail: email,
            actorId: user.id,
            changes: { reason: 'account not active' },
            status: 403,
          });
        });
        throw new Forbidden('Your account is not active; an administrator must activate it', 'account_inactive');
      }
      // Single sign-on only for this audience: the right password still opens nothing (after the check, so that the refusal tells nobody who has an account).
      const audience = isConsumerRole(user.role) ? 'consumers' : 'staff';
      if (await passwordSignInClosed(db, audience)) {
        await db.transaction().execute(async (trx) => {
          await forgetSignInAttempt(trx, attemptId);
          await recordAudit(trx, anonymous(origin), {
            action: 'login.failed',
            targetType: 'user',
            targetId: user.id,
            actorEmail: email,
            actorId: user.id,
            changes: { reason: 'password sign-in is switched off (single sign-on only)' },
            status: 403,
          });
        });
        throw ssoRequired(audience);
      }
      const token = newSecret();
      const expiresAt = new Date(nowMs + config.sessionTtlMinutes * 60_000);
      await db.transaction().execute(async (trx) => {
        await insertSession(trx, {
          token_hash: hashSecret(token),
          user_id: user.id,
          created_at: at,
          expires_at: expiresAt.toISOString(),
          last_used_at: at,
          ip: origin.ip,
          user_agent: userAgent.slice(0, 512),
        });
        await updateUserRow(trx, user.id, { last_login_at: at });
        await clearFailures(trx, email);
        await forgetSignInAttempt(trx, attemptId);
        await recordAudit(trx, anonymous(origin), {
          action: 'login',
          targetType: 'user',
          targetId: user.id,
          actorEmail: email,
          actorId: user.id,
        });
      });
      return { user: { ...user, lastLoginAt: at }, sessionToken: token, expiresAt };
    },

    /** Drops expired sessions and failed sign-ins older than the window; run periodically. */
    async housekeeping(nowMs = Date.now()): Promise<void> {
      await deleteExpiredSessions(db, new Date(nowMs).toISOString());
      await pruneFailures(db, new Date(nowMs - windowMs).toISOString());
      // Reset links that lapsed more than a day ago serve nothing any more.
      await deleteOldResetTokens(db, new Date(nowMs - 86_400_000).toISOString());
    },

    /** Ends the session the token names, if it is still open. */
    async signOut(origin: Origin, sessionToken: string): Promise<void> {
      const tokenHash = hashSecret(sessionToken);
      await db.transaction().execute(async (trx) => {
        const session = await findSession(trx, tokenHash);
        if (!session) return;
        await deleteSession(trx, tokenHash);
        await recordAudit(trx, anonymous(origin), {
          action: 'logout',
          targetType: 'user',
          targetId: session.user_id,
          actorId: session.user_id,
          actorEmail: session.email,
        });
      });
    },
  };
}

export type SignInService = ReturnType<typeof signInService>;
