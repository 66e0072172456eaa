import type { Actor } from '../access/actor.js';
import { parsePermissions, renderPermissions, storedPermissions } from '../access/permissions.js';
import { requireMayGrant, requireSection } from '../access/policy.js';
import type { Access } from '../access/access.js';
import { requireMayDisableGroupOf } from '../access/reach.js';
import { handOverOwnership, type Successor } from '../apis/ownership-handover.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { lockAdministrators } from '../db/transactions.js';
import { Conflict, NotFound } from '../errors.js';
import { pageCount, pageWindow } from '../pagination.js';
import {
  deleteGroupRow,
  findGroupById,
  insertGroup,
  listGroups,
  updateGroupRow,
  type GroupRecord,
} from './groups.repository.js';
import { endGroupMembersCredentials } from './sessions.repository.js';
import { countActiveAdmins, countGroupMembers, groupHasAdministrator } from './users.repository.js';
import { handOverRules } from './users.service.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { GroupRecord } from './groups.repository.js';

export interface GroupInput {
  name?: string;
  description?: string;
  active?: boolean;
  user_permissions?: Record<string, string>;
}

const now = (): string => new Date().toISOString();

export function groupsService({ store, config }: AppContext, { access }: { access: Access }) {
  const { db } = store;

  async function mustFind(ex: Executor, id: number): Promise<GroupRecord> {
    const g = await findGroupById(ex, id);
    if (!g) throw new NotFound('User group');
    return g;
  }

  return {
    async list(actor: Actor, p: number | undefined): Promise<{ groups: GroupRecord[]; pages: number }> {
      requireSection(actor, 'user_groups', 'read');
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await listGroups(db, pageWindow(req).page);
      return { groups: rows, pages: pageCount(total, req) };
    },

    async get(actor: Actor, id: number): Promise<GroupRecord> {
      requireSection(actor, 'user_groups', 'read');
      return mustFind(db, id);
    },

    async create(actor: Actor, input: GroupInput & { name: string }): Promise<GroupRecord> {
      requireSection(actor, 'user_groups', 'write');
      const perms = parsePermissions(input.user_permissions ?? {}, 'user_permissions', false);
      requireMayGrant(actor, perms, 'user_permissions');
      return db.transaction().execute(async (trx) => {
        const at = now();
        const id = await insertGroup(trx, {
          name: input.name,
          description: input.description ?? '',
          active: input.active === false ? 0 : 1,
          permissions: storedPermissions(perms),
          created_at: at,
          updated_at: at,
        });
        await recordAudit(trx, actor, {
          action: 'group.create',
          targetType: 'user_group',
          targetId: id,
          changes: { name: input.name, description: input.description ?? '', active: input.active !== false, user_permissions: renderPermissions(perms) },
        });
        return mustFind(trx, id);
      });
    },

    async update(actor: Actor, id: number, input: GroupInput): Promise<GroupRecord> {
      requireSection(actor, 'user_groups', 'write');
      const perms = input.user_permissions === undefined ? undefined : parsePermissions(input.user_permissions, 'user_permissions', false);
      if (perms) requireMayGrant(actor, perms, 'user_permissions');
      return db.transaction().execute(async (trx) => {
        await lockAdministrators(trx, store.dialect);
        const g = await mustFind(trx, id);
        // Members hold what the group holds (permissions and owned APIs): changing a group beyond one's reach is changing its members.
        await access.requireMayActOnGroup(trx, actor, g, 'user group');
        if (input.active === false && g.active) requireMayDisableGroupOf(actor, await groupHasAdministrator(trx, id));
        const changes: Record<string, unknown> = {};
        const patch: Parameters<typeof updateGroupRow>[2] = {};
        if (input.name !== undefined && input.name !== g.name) patch.name = changes.name = input.name;
        if (input.description !== undefined && input.description !== g.description) patch.description = changes.description = input.description;
        if (perms && storedPermissions(perms) !== storedPermissions({ isAdmin: false, sections: g.sections, kept: g.kept })) {
          patch.permissions = storedPermissions(perms);
          changes.user_permissions = renderPermissions(perms);
        }
        if (input.active !== undefined && input.active !== g.active) {
          if (!input.active && (await countActiveAdmins(trx)) > 0 && (await countActiveAdmins(trx, { groupId: id })) === 0) {
            throw new Conflict('Cannot deactivate this user group: it holds the last active administrator');
          }
          patch.active = input.active ? 1 : 0;
          changes.active = input.active;
        }
        if (Object.keys(patch).length === 0) return g;
        patch.updated_at = now();
        await updateGroupRow(trx, id, patch);
        // Deactivation ends the members' sessions and keys for good: reactivating revives neither.
        if (changes.active === false) await endGroupMembersCredentials(trx, id);
        await recordAudit(trx, actor, { action: 'group.update', targetType: 'user_group', targetId: id, changes });
        if (changes.user_permissions) {
          await recordAudit(trx, actor, {
            action: 'group.permissions.change',
            targetType: 'user_group',
            targetId: id,
            changes: { user_permissions: changes.user_permissions },
          });
        }
        return mustFind(trx, id);
      });
    },

    async remove(actor: Actor, id: number, successor: Successor = {}): Promise<void> {
      requireSection(actor, 'user_groups', 'write');
      await db.transaction().execute(async (trx) => {
        const g = await mustFind(trx, id);
        await access.requireMayActOnGroup(trx, actor, g, 'user group');
        requireMayDisableGroupOf(actor, await groupHasAdministrator(trx, id));
        const members = await countGroupMembers(trx, id);
        if (members > 0) {
          throw new Conflict(`Cannot delete user group "${g.name}": it still has ${members} member${members === 1 ? '' : 's'}`);
        }
        await handOverOwnership(trx, { groupId: id }, successor, handOverRules(trx, access, actor));
        await deleteGroupRow(trx, id);
        await recordAudit(trx, actor, { action: 'group.delete', targetType: 'user_group', targetId: id, changes: { name: g.name } });
      });
    },
  };
}

export type GroupsService = ReturnType<typeof groupsService>;
