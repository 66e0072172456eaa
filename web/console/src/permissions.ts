import type { CurrentUser } from './session.js';

/** The Dashboard's permission sections, as `user_permissions` names them. */
export type Section = 'apis' | 'analytics' | 'owned_analytics' | 'keys' | 'policies' | 'users' | 'user_groups' | 'portal' | 'audit_logs';
export type Level = 'read' | 'write';

/** Whether the user is a full administrator (`"IsAdmin":"admin"`). */
export function isAdmin(user: CurrentUser): boolean {
  return user.user_permissions?.IsAdmin === 'admin';
}

/**
 * Whether the user may read (or write) a section. This only decides what the
 * console shows: the server decides every request on its own, the same way.
 */
export function can(user: CurrentUser, section: Section, level: Level = 'read'): boolean {
  if (isAdmin(user)) return true;
  const granted = user.user_permissions?.[section];
  if (level === 'write') return granted === 'write';
  return granted === 'read' || granted === 'write';
}

/**
 * Analytics need `analytics: read`; `owned_analytics: read` narrows them to the
 * APIs the user can see (when API ownership is on). Administrators see all.
 */
export function analyticsScope(user: CurrentUser): 'all' | 'owned' | 'none' {
  if (!can(user, 'analytics')) return 'none';
  if (!isAdmin(user) && can(user, 'owned_analytics')) return 'owned';
  return 'all';
}
