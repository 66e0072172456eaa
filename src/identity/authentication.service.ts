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

/** What a credential resolved to, remembered while the database has not changed since. */
interface Resolved {
  marker: string;
  user: UserRecord | undefined;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

const CACHE_LIMIT = 10_000;

export function authenticationService({ store }: AppContext) {
  const { db } = store;
  /** The account each actor was built from, so that a request need not load it twice. */
  const accounts = new WeakMap<UserActor, UserRecord>();
  const actorFor = (u: UserRecord, origin: Origin, sessionTokenHash: string | null): UserActor => {
    const actor = toActor(u, origin, sessionTokenHash);
    accounts.set(actor, u);
    return actor;
  };

  /**
   * Credentials are looked up on every request. Where the store can tell that no
   * row has changed since the last lookup (SQLite's change marker), the previous
   * answer is still exact and is reused; any write anywhere — a revocation, a
   * deactivation, another process's change — makes the next request look again.
   */
  const resolved = new Map<string, Resolved>();
  async function resolve(cacheKey: string, load: () => Promise<Omit<Resolved, 'marker'>>): Promise<Omit<Resolved, 'marker'>> {
    const marker = store.changeMarker();
    const hit = marker === undefined ? undefined : resolved.get(cacheKey);
    if (hit && hit.marker === marker) return hit;
    const fresh = await load();
    if (marker !== undefined && marker === store.changeMarker()) {
      if (resolved.size >= CACHE_LIMIT) resolved.clear();
      resolved.set(cacheKey, { marker, ...fresh });
    }
    return fresh;
  }

  return {
    /** The account as it was when this actor was authenticated (this request). */
    accountOf(actor: UserActor): UserRecord | undefined {
      return accounts.get(actor);
    },

    /** The actor behind a Dashboard access key, or undefined (unknown, revoked, inactive). */
    async byAccessKey(key: string, origin: Origin): Promise<UserActor | undefined> {
      const keyHash = hashSecret(key);
      const found = await resolve(`key:${keyHash}`, async () => {
        const user = await findUserByAccessKeyHash(db, keyHash);
        return { user, lastUsedAt: user?.accessKeyUsedAt ?? null, expiresAt: null };
      });
      const u = found.user;
      if (!u || !mayAct(u)) return undefined;
      const now = new Date();
      if (stale(found.lastUsedAt, now.getTime())) await updateUserRow(db, u.id, { access_key_used_at: now.toISOString() });
      return actorFor(u, origin, null);
    },

    /** The actor behind a session cookie, or undefined (unknown, expired, ended, inactive). */
    async bySession(token: string, origin: Origin): Promise<UserActor | undefined> {
      const tokenHash = hashSecret(token);
      const nowDate = new Date();
      const now = nowDate.toISOString();
      const found = await resolve(`session:${tokenHash}`, async () => {
        const s = await findUserBySessionHash(db, tokenHash, now);
        return { user: s?.user, lastUsedAt: s?.lastUsedAt ?? null, expiresAt: s?.expiresAt ?? null };
      });
      if (!found.user || found.expiresAt === null || found.expiresAt <= now || !mayAct(found.user)) return undefined;
      if (stale(found.lastUsedAt, nowDate.getTime())) await touchSession(db, tokenHash, now);
      return actorFor(found.user, origin, tokenHash);
    },
  };
}

export type AuthenticationService = ReturnType<typeof authenticationService>;
