import type { Actor } from './actor.js';
import { atLeast, levelOf, type Section } from './permissions.js';
import { isAdmin } from './policy.js';

function holds(actor: Actor, section: Section): boolean {
  return isAdmin(actor) || (actor.kind === 'user' && atLeast(levelOf(actor.permissions, section), 'read'));
}

/**
 * Staff accounts (administrators and Dashboard users) are seen only by those
 * allowed to see the Dashboard's users: administrators and `users: read`.
 * Wherever else staff could show up (the portal's user directory, the audit
 * log), everyone else finds them absent.
 */
export function maySeeStaff(actor: Actor): boolean {
  return holds(actor, 'users');
}

/** User groups are seen by administrators and `user_groups: read`. */
export function maySeeGroups(actor: Actor): boolean {
  return holds(actor, 'user_groups');
}

/** Portal consumers are seen by administrators and `portal: read`. */
export function maySeeConsumers(actor: Actor): boolean {
  return holds(actor, 'portal');
}
