import { Forbidden, PasswordChangeRequired } from '../errors.js';
import type { Actor, Role, UserActor } from './actor.js';
import { atLeast, levelOf, sectionsExceeding, type Level, type Permissions, type Section } from './permissions.js';

/**
 * The one place that decides what an actor may do. Routes never decide access;
 * services call these before they touch the store.
 */

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || actor.permissions.isAdmin;
}

/** Throws 403 unless the actor holds `need` (or more) on `section`. */
export function requireSection(actor: Actor, section: Section, need: Exclude<Level, 'deny'>): void {
  if (actor.kind === 'system') return;
  if (actor.passwordChangeRequired) throw new PasswordChangeRequired();
  if (!atLeast(levelOf(actor.permissions, section), need)) {
    throw new Forbidden(`access denied: you need ${need} permission on ${section}`);
  }
}

/** Whether permissions reach `section` at `need` or more (e.g. whether the Admin Portal opens for a user: read on `portal`). */
export function holdsSection(p: Permissions, section: Section, need: Exclude<Level, 'deny'>): boolean {
  return atLeast(levelOf(p, section), need);
}

/** Throws 403 unless the actor is an administrator. */
export function requireAdmin(actor: Actor, what: string): void {
  if (isAdmin(actor)) return;
  throw new Forbidden(`access denied: only administrators may ${what}`);
}

/** The flagged user may do nothing but change their own password. */
export function requireNoPendingPasswordChange(actor: Actor): void {
  if (actor.kind === 'user' && actor.passwordChangeRequired) throw new PasswordChangeRequired();
}

/**
 * Nobody hands out more than they hold: only administrators grant IsAdmin, and a
 * non-administrator grants no section above their own level.
 */
export function requireMayGrant(actor: Actor, wanted: Permissions, field: string): void {
  if (isAdmin(actor)) return;
  if (wanted.isAdmin) throw new Forbidden(`access denied: only administrators may grant IsAdmin (${field})`);
  const over = sectionsExceeding(wanted.sections, (actor as UserActor).permissions);
  if (over.length > 0) {
    throw new Forbidden(`access denied: ${field} grants more than you hold on ${over.join(', ')}`);
  }
}

export interface ManagedUser {
  id: number;
  role: Role;
  permissions: Permissions;
}

/**
 * May the actor change this user at all? Administrators may change anyone (but see
 * requireMayRemoveAdmin); a non-administrator only users who are not administrators
 * and hold nothing above the actor, so that managing a user never escalates.
 */
export function requireMayManageUser(actor: Actor, target: ManagedUser): void {
  if (isAdmin(actor)) return;
  const self = actor as UserActor;
  if (target.permissions.isAdmin) throw new Forbidden('access denied: only administrators may change an administrator');
  if (target.id !== self.userId && sectionsExceeding(target.permissions.sections, self.permissions).length > 0) {
    throw new Forbidden(HOLDS_MORE);
  }
}

/**
 * One message for "holds a permission you lack" and "reaches an API you cannot
 * see", so that a refusal does not tell which (nor how many APIs).
 */
export const HOLDS_MORE = 'access denied: this user or group holds more than you do';

/** Refuses to act on someone whose reach through API ownership goes beyond the actor's (see access/reach.ts). */
export function requireReachWithin(actor: Actor, within: boolean): void {
  if (isAdmin(actor) || within) return;
  throw new Forbidden(HOLDS_MORE);
}

/**
 * Nobody gives more than they can see and hold: applying, changing or deleting a
 * policy, key, product or plan needs every API it grants to be visible to the
 * actor (access/ownership.ts decides `held`). Such an object can be visible
 * through one of its APIs, so this answers 403, naming no API.
 */
export function requireHolds(actor: Actor, held: boolean, what: string): void {
  if (isAdmin(actor) || held) return;
  throw new Forbidden(`access denied: you may apply, change or delete a ${what} only when you can see every API it grants`);
}

/** A provider-admin cannot deactivate, delete or demote the super-admin. */
export function requireMayRemoveAdmin(actor: Actor, target: ManagedUser, action: 'deactivate' | 'delete' | 'demote' | 'set the password of' | 'reset the access key of'): void {
  if (actor.kind === 'system') return;
  if (target.role === 'super-admin' && actor.role !== 'super-admin') {
    throw new Forbidden(`access denied: only the super-admin may ${action} the super-admin`);
  }
}

/** Who may see (the hint of) a user's access key: the user and administrators. */
export function mayKnowAccessKeyOf(viewer: Actor | 'self', userId: number): boolean {
  return viewer === 'self' || isAdmin(viewer) || (viewer.kind === 'user' && viewer.userId === userId);
}

/** Is the actor this very user? */
export function isSelf(actor: Actor, userId: number): boolean {
  return actor.kind === 'user' && actor.userId === userId;
}

/** What a user may change on their own account without `users: write` (the console's My account): their name. */
const OWN_NAME_FIELDS: ReadonlySet<string> = new Set(['first_name', 'last_name']);

/**
 * Changing a user needs `users: write` — except one's own name: a request about
 * oneself that carries only `first_name` / `last_name` needs no permission.
 * `fields` are the fields the request carries.
 */
export function requireMayUpdateUser(actor: Actor, userId: number, fields: readonly string[]): void {
  if (isSelf(actor, userId) && fields.length > 0 && fields.every((f) => OWN_NAME_FIELDS.has(f))) {
    if (actor.kind === 'user' && actor.passwordChangeRequired) throw new PasswordChangeRequired();
    return;
  }
  requireSection(actor, 'users', 'write');
}

/**
 * Anyone may reset their own access key; another user's only an administrator
 * (the reply carries the new key, and a key is the whole of its owner's reach).
 * Checked before the user is looked up, so that ids reveal nothing; a
 * provider-admin never resets the super-admin's (checked once loaded).
 */
export function requireMayResetAccessKey(actor: Actor, userId: number, target?: ManagedUser): void {
  requireNoPendingPasswordChange(actor);
  if (isSelf(actor, userId)) return;
  requireAdmin(actor, "reset another user's access key");
  if (target?.permissions.isAdmin) requireMayRemoveAdmin(actor, target, 'reset the access key of');
}

/**
 * Anyone may change their own password (proving the current one); only
 * administrators set another user's, and a provider-admin never the super-admin's.
 */
export function requireMaySetPassword(actor: Actor, userId: number, target?: ManagedUser): void {
  if (isSelf(actor, userId)) return;
  requireAdmin(actor, "set another user's password");
  requireNoPendingPasswordChange(actor);
  if (target?.permissions.isAdmin) requireMayRemoveAdmin(actor, target, 'set the password of');
}

/**
 * Whether setting this user's password needs their current one: only for
 * oneself, and not for an administrator — Tyk's provisioning scripts set a new
 * administrator's password with that administrator's own key and no current
 * password (an administrator could set it through another account anyway).
 * A current password that is sent is checked all the same.
 */
export function mustProveCurrentPassword(actor: Actor, userId: number): boolean {
  return isSelf(actor, userId) && !isAdmin(actor);
}

/** A consumer-admin manages the users of their own organisation; team members do not. */
export function requireConsumerAdmin(actor: Actor): void {
  if (actor.kind === 'user' && actor.role === 'consumer-admin') return;
  throw new Forbidden("access denied: only a consumer-admin manages their organisation's users");
}
