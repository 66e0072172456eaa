import type { Actor } from '../../access/actor.js';
import type { Access } from '../../access/access.js';
import { effectivePermissions, parseStoredSections, renderPermissions } from '../../access/permissions.js';
import { requireSection } from '../../access/policy.js';
import type { AppContext } from '../../context.js';
import { ownedApis, reviewUsers } from './admin-review.repository.js';

export interface ReviewEntry {
  ID: number;
  Email: string;
  First: string;
  Last: string;
  Role: string;
  Permissions: Record<string, string>;
  Group: { ID: number; Name: string } | null;
  Active: boolean;
  CreatedBy: string | null;
  CreatedAt: string;
  LastLoginAt: string | null;
  OwnedAPIs: { api_id: string; name: string; via: 'user' | 'group' }[];
}

/**
 * The access review an auditor asks for each quarter: every administrator and
 * Dashboard user with role, permissions in force, group, state, who created
 * them and when, last sign-in, and the APIs they own. Needs `portal: read` and
 * `users: read`; with ownership on, APIs the reviewer cannot see are left out.
 */
export function adminReviewService({ store }: AppContext, { access }: { access: Access }) {
  return {
    async review(actor: Actor): Promise<ReviewEntry[]> {
      requireSection(actor, 'portal', 'read');
      requireSection(actor, 'users', 'read');
      const [users, owned] = await Promise.all([reviewUsers(store.db), ownedApis(store.db, access.filters.apis(store.db, access.scope(actor), 'a.id'))]);
      const byUser = new Map<number, ReviewEntry['OwnedAPIs']>();
      for (const o of owned) {
        const list = byUser.get(o.user_id) ?? [];
        list.push({ api_id: o.api_id, name: o.name, via: o.via });
        byUser.set(o.user_id, list);
      }
      return users.map((u) => ({
        ID: u.id,
        Email: u.email,
        First: u.first_name,
        Last: u.last_name,
        Role: u.role,
        Permissions: renderPermissions(
          effectivePermissions(u.is_admin === 1, parseStoredSections(u.permissions), u.group_permissions === null ? null : parseStoredSections(u.group_permissions)),
        ),
        Group: u.group_id === null ? null : { ID: u.group_id, Name: u.group_name ?? '' },
        Active: u.active === 1,
        CreatedBy: u.created_by_email,
        CreatedAt: u.created_at,
        LastLoginAt: u.last_login_at,
        OwnedAPIs: byUser.get(u.id) ?? [],
      }));
    },
  };
}

export type AdminReviewService = ReturnType<typeof adminReviewService>;
