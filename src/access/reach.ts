import type { Executor } from '../db/database.js';
import { Forbidden } from '../errors.js';
import type { Actor } from './actor.js';
import { apiScope, ownsOnlyWithin } from './ownership.js';
import type { SectionPermissions } from './permissions.js';
import { isAdmin, isSelf, requireMayGrant, requireMayManageUser, requireReachWithin, type ManagedUser } from './policy.js';

/*
 * A user's or a group's reach: their permissions AND the APIs they see through
 * API ownership (those owned by the user and by their group). A non-administrator
 * may act on someone — change, revoke, delete, move between groups, name as a
 * successor — only when that someone's reach lies within their own; otherwise
 * the actor could hand themselves (or a friend) what they cannot hold.
 */

export interface ReachedUser extends ManagedUser {
  groupId: number | null;
}

export interface ReachedGroup {
  id: number;
  sections: SectionPermissions;
}

/** Permissions within the actor's, and every API the user (or their group) owns visible to the actor. */
export async function requireMayActOnUser(ex: Executor, actor: Actor, ownershipEnabled: boolean, target: ReachedUser): Promise<void> {
  requireMayManageUser(actor, target);
  if (isAdmin(actor) || isSelf(actor, target.id)) return;
  requireReachWithin(actor, await ownsOnlyWithin(ex, apiScope(actor, ownershipEnabled), { userId: target.id, groupId: target.groupId }));
}

/**
 * Putting a user (oneself included) into a group, creating one in it, changing,
 * deactivating or deleting it: the group's permissions and the APIs it owns must
 * lie within the actor's reach. `field` names the request field in the refusal.
 */
export async function requireMayActOnGroup(ex: Executor, actor: Actor, ownershipEnabled: boolean, group: ReachedGroup, field: string): Promise<void> {
  requireMayGrant(actor, { isAdmin: false, sections: group.sections }, field);
  if (isAdmin(actor)) return;
  requireReachWithin(actor, await ownsOnlyWithin(ex, apiScope(actor, ownershipEnabled), { groupId: group.id }));
}

/** Deactivating or deleting a group that holds an administrator is for administrators only: it would lock them out. */
export function requireMayDisableGroupOf(actor: Actor, holdsAdministrator: boolean): void {
  if (isAdmin(actor) || !holdsAdministrator) return;
  throw new Forbidden('access denied: only administrators may deactivate or delete a user group that holds an administrator');
}
