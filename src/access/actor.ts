import type { Permissions } from './permissions.js';

/** Where a call came from; written into the audit log with every change. */
export interface Origin {
  ip: string;
  requestId: string;
  method: string;
  url: string;
}

/** Staff roles work in the Dashboard and the Admin Portal; consumer roles only in the Live Portal. */
export type StaffRole = 'super-admin' | 'provider-admin' | 'dashboard-user';
export type ConsumerRole = 'consumer-admin' | 'consumer-team-member';
export type Role = StaffRole | ConsumerRole;

export const CONSUMER_ROLES: readonly ConsumerRole[] = ['consumer-admin', 'consumer-team-member'];

export function isConsumerRole(role: string): role is ConsumerRole {
  return (CONSUMER_ROLES as readonly string[]).includes(role);
}

/** A signed-in Dashboard user, with the permissions in force for this request. */
export interface UserActor {
  kind: 'user';
  userId: number;
  email: string;
  role: Role;
  groupId: number | null;
  /** Effective permissions: the group's when the user has one, else the user's own. */
  permissions: Permissions;
  passwordChangeRequired: boolean;
  /** The session's token hash when signed in with a cookie; null with an access key. */
  sessionTokenHash: string | null;
  origin: Origin;
}

/** The operator at the command line or the process itself at start-up. */
export interface SystemActor {
  kind: 'system';
  origin: Origin;
}

export type Actor = UserActor | SystemActor;

export function systemActor(what: string): SystemActor {
  return { kind: 'system', origin: { ip: 'local', requestId: what, method: 'CLI', url: what } };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : 'system';
}
