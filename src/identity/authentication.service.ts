import type { Origin, UserActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { touchSession } from './sessions.repository.js';
import { hashSecret } from './tokens.js';
import { userPermissions } from './users.service.js';
import { findUserByAccessKeyHash, findUserBySessionHash, updateUserRow, type UserRecord } from './users.repository.js';

/** last-used stamps are written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

function toActor(u: UserRecord, origin: Origin, sessionTokenHash: string | null): UserActor {
  return {
    kind: 'user',
    userId: u.id,
    email: u.email,
    role: u.role,
    groupId: u.groupId,
    permissions: userPermissions(u),
    passwordChangeRequired: u.passwordChangeRequired,
    sessionTokenHash,
    origin,
  };
}

/** An account that may act now: active, and not in a deactivated group. */
export function mayAct(u: UserRecord): boolean {
  return u.active && u.groupActive !== false;
}

function stale(at: string | null, nowMs: number): boolean {
  return at === null || nowMs - Date.parse(at) > TOUCH_INTERVAL_MS;
}

export function authenticationService({ store }: AppContext) {
  const { db } = store;
  /** The account each actor was built from, so that a request need not load it twice. */
  const accounts = new WeakMap<UserActor, UserRecord>();
  const actorFor = (u: UserRecord, origin: Origin, sessionTokenHash: string | null): UserActor => {
    const actor = toActor(u, origin, sessionTokenHash);
    accounts.set(actor, u);
    return actor;
  };
  return {
    /** The account as it was when this actor was authenticated (this request). */
    accountOf(actor: UserActor): UserRecord | undefined {
      return accounts.get(actor);
    },

    /** The actor behind a Dashboard access key, or undefined (unknown, revoked, inactive). */
    async byAccessKey(key: string, origin: Origin): Promise<UserActor | undefined> {
      const u = await findUserByAccessKeyHash(db, hashSecret(key));
      if (!u || !mayAct(u)) return undefined;
      const now = new Date();
      if (stale(u.accessKeyUsedAt, now.getTime())) await updateUserRow(db, u.id, { access_key_used_at: now.toISOString() });
      return actorFor(u, origin, null);
    },

    /** The actor behind a session cookie, or undefined (unknown, expired, ended, inactive). */
    async bySession(token: string, origin: Origin): Promise<UserActor | undefined> {
      const tokenHash = hashSecret(token);
      const nowDate = new Date();
      const found = await findUserBySessionHash(db, tokenHash, nowDate.toISOString());
      if (!found || !mayAct(found.user)) return undefined;
      if (stale(found.lastUsedAt, nowDate.getTime())) await touchSession(db, tokenHash, nowDate.toISOString());
      return actorFor(found.user, origin, tokenHash);
    },
  };
}

export type AuthenticationService = ReturnType<typeof authenticationService>;
