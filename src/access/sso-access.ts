import type { Actor } from './actor.js';
import { requireAdmin, requireSection } from './policy.js';

/** The two kinds of single sign-on profile: who they sign in. */
export type SsoAudience = 'staff' | 'consumers';

/**
 * Who may read and manage single sign-on profiles. They are portal settings:
 * reading needs `portal: read`, changing a consumers' profile `portal: write`.
 * A staff profile creates Dashboard accounts and places them in user groups —
 * any group, administrators' included — so only administrators may create,
 * change or delete one (an API Owner must not be able to mint accounts above
 * their own permissions).
 */
export function requireMayReadSsoProfiles(actor: Actor): void {
  requireSection(actor, 'portal', 'read');
}

export function requireMayManageSsoProfile(actor: Actor, audience: SsoAudience): void {
  requireSection(actor, 'portal', 'write');
  if (audience === 'staff') requireAdmin(actor, 'manage single sign-on profiles for staff (GenerateOrLoginUserProfile)');
}
