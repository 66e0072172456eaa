import { isConsumerRole, type Actor, type Role } from '../access/actor.js';
import {
  effectivePermissions,
  parsePermissions,
  renderPermissions,
  storedPermissions,
  type Permissions,
} from '../access/permissions.js';
import type { Access } from '../access/access.js';
import {
  isSelf,
  mustProveCurrentPassword,
  requireAdmin,
  requireMayGrant,
  requireMayRemoveAdmin,
  requireMayResetAccessKey,
  requireMaySetPassword,
  requireMayUpdateUser,
  requireSection,
} from '../access/policy.js';
import type { ReachedUser } from '../access/reach.js';
import { handOverOwnership, type HandOverRules, type Owner, type Successor } from '../apis/ownership-handover.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import type { Transaction } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { isUniqueViolation, lockAdministrators } from '../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { pageCount, pageWindow } from '../pagination.js';
import { findGroupById } from './groups.repository.js';
import { checkPasswordRules, hashPassword, verifyPassword } from './passwords.js';
import { deleteUserSessions } from './sessions.repository.js';
import { hashSecret, newSecret, secretHint } from './tokens.js';
import {
  activeAdministratorEmailRows,
  addPasswordHistory,
  countActiveAdmins,
  deleteUserRow,
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  normalizeEmail,
  recentPasswordHashes,
  updateUserRow,
  type UserListQuery,
  type UserPatch,
  type UserRecord,
} from './users.repository.js';

// What other domains may know of an account: they read accounts through this service, not the repository.
export { normalizeEmail, type UserListQuery, type UserRecord } from './users.repository.js';

/** Where administrators' notifications go when no address is configured: every active staff administrator. */
export function activeAdministratorEmails(ex: Executor): Promise<string[]> {
  return activeAdministratorEmailRows(ex);
}
import { storedId } from '../http/ids.js';

export interface CreateUserInput {
  first_name: string;
  last_name: string;
  email_address: string;
  password?: string;
  active?: boolean;
  user_permissions?: Record<string, string>;
  group_id?: string;
  password_change_required?: boolean;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'password'>>;

/**
 * A new account as the portal and registration create it, inside their own
 * transaction: the role is given outright, the password (if any) already checked
 * against the rules by the caller through `checkNewPassword`.
 */
export interface AccountSpec {
  email: string;
  firstName: string;
  lastName: string;
  password?: string;
  role: Role;
  /** Dashboard sections of a staff account; consumers hold none. */
  permissions?: Permissions;
  active: boolean;
  passwordChangeRequired: boolean;
  /** A consumer's organisation; null for staff. */
  organisationId: number | null;
  /** Staff get a Dashboard access key (returned once); consumers never have one. */
  issueAccessKey: boolean;
  /** The audit action, e.g. user.create or user.register. */
  auditAction?: string;
  /** Who the audit entry names when nobody is signed in (a self-registration names the registrant). */
  auditActorEmail?: string;
}

export interface IssuedKey {
  user: UserRecord;
  accessKey: string;
}

export function userPermissions(u: UserRecord): Permissions {
  return effectivePermissions(u.isAdmin, u.ownSections, u.groupId === null ? null : u.groupSections, u.ownKept);
}

function managed(u: UserRecord): ReachedUser {
  return { id: u.id, role: u.role, permissions: userPermissions(u), groupId: u.groupId };
}

/**
 * The rules for handing a departing owner's APIs over (user or group deletion):
 * the successor must be someone the actor may act on, so that nobody hands APIs
 * to themselves or to anyone beyond their own reach.
 */
export function handOverRules(ex: Executor, access: Access, actor: Actor): HandOverRules {
  return {
    access,
    scope: access.scope(actor),
    async mayReceive(owner: Owner): Promise<void> {
      if ('userId' in owner) {
        const u = await findUserById(ex, owner.userId);
        if (u) await access.requireMayActOnUser(ex, actor, managed(u));
        return;
      }
      const g = await findGroupById(ex, owner.groupId);
      if (g) await access.requireMayActOnGroup(ex, actor, g, 'successor_group');
    },
  };
}

/** Active administrator who counts for the last-administrator guard. */
function countsAsActiveAdmin(u: UserRecord): boolean {
  return u.isAdmin && u.active && u.groupActive !== false;
}

function parseGroupRef(raw: string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === '') return null;
  const id = storedId(raw);
  if (id === undefined) throw new Invalid('group_id', `no user group ${JSON.stringify(raw)}`);
  return id;
}

const now = (): string => new Date().toISOString();

/** The session a user acts through on their own account: it survives their key reset or password change. */
function ownSession(actor: Actor, userId: number): string | null {
  return actor.kind === 'user' && actor.userId === userId ? actor.sessionTokenHash : null;
}

export function usersService({ store, config }: AppContext, { access }: { access: Access }) {
  const { db } = store;
  const pageSize = config.pageSize;

  async function mustFind(ex: Executor, id: number): Promise<UserRecord> {
    const u = await findUserById(ex, id);
    if (!u) throw new NotFound('User');
    return u;
  }

  /** The Dashboard's users are staff: a portal consumer answers there like an absent user. */
  async function mustFindStaff(ex: Executor, id: number): Promise<UserRecord> {
    const u = await mustFind(ex, id);
    if (isConsumerRole(u.role)) throw new NotFound('User');
    return u;
  }

  const EMAIL_TAKEN = 'email_address: a user with this email already exists';

  async function insertAccount(trx: Executor, actor: Actor, spec: AccountSpec, passwordHash: string | null): Promise<IssuedKey | { user: UserRecord; accessKey: null }> {
    const email = spec.email.trim();
    if (await findUserByEmail(trx, email)) throw new Conflict(EMAIL_TAKEN, 'email_taken');
    const perms = spec.permissions ?? { isAdmin: false, sections: {} };
    const key = spec.issueAccessKey ? newSecret() : null;
    const at = now();
    const id = await insertUser(trx, {
      email,
      email_normalized: normalizeEmail(email),
      first_name: spec.firstName,
      last_name: spec.lastName,
      password_hash: passwordHash,
      is_admin: perms.isAdmin ? 1 : 0,
      role: spec.role,
      permissions: storedPermissions(perms),
      group_id: null,
      active: spec.active ? 1 : 0,
      password_change_required: spec.passwordChangeRequired ? 1 : 0,
      password_updated_at: passwordHash ? at : null,
      access_key_hash: key ? hashSecret(key) : null,
      access_key_hint: key ? secretHint(key) : null,
      access_key_used_at: null,
      created_at: at,
      created_by: actor.kind === 'user' ? actor.userId : null,
      updated_at: at,
      last_login_at: null,
      organisation_id: spec.organisationId,
    });
    if (passwordHash) await addPasswordHistory(trx, id, passwordHash, at, config.passwordHistory);
    await recordAudit(trx, actor, {
      action: spec.auditAction ?? 'user.create',
      targetType: 'user',
      targetId: id,
      ...(spec.auditActorEmail ? { actorEmail: spec.auditActorEmail } : {}),
      changes: {
        email_address: email,
        first_name: spec.firstName,
        last_name: spec.lastName,
        active: spec.active,
        role: spec.role,
        ...(spec.organisationId !== null ? { organisation_id: spec.organisationId } : { user_permissions: renderPermissions(perms) }),
        password: passwordHash ? '(set)' : '(none)',
      },
    });
    return { user: await mustFind(trx, id), accessKey: key };
  }

  /** Joining a group gives its permissions and its APIs: both must lie within the actor's reach. */
  async function groupPermissionsFor(ex: Executor, actor: Actor, groupId: number): Promise<void> {
    const group = await findGroupById(ex, groupId);
    if (!group) throw new Invalid('group_id', `no user group ${groupId}`);
    await access.requireMayActOnGroup(ex, actor, group, 'group_id');
  }

  async function guardLastAdmin(ex: Executor, target: UserRecord, action: string): Promise<void> {
    if (!countsAsActiveAdmin(target)) return;
    if ((await countActiveAdmins(ex, { userId: target.id })) === 0) {
      throw new Conflict(`Cannot ${action} the last active administrator`);
    }
  }

  async function setPassword(ex: Executor, user: UserRecord, password: string, field: string): Promise<string> {
    checkPasswordRules(password, user.email, { minLength: config.passwordMinLength }, field);
    for (const old of await recentPasswordHashes(ex, user.id, config.passwordHistory)) {
      if (await verifyPassword(password, old)) {
        throw new Invalid(field, `must differ from your last ${config.passwordHistory} passwords`);
      }
    }
    const hash = await hashPassword(password);
    const at = now();
    await updateUserRow(ex, user.id, { password_hash: hash, password_updated_at: at, updated_at: at });
    await addPasswordHistory(ex, user.id, hash, at, config.passwordHistory);
    return hash;
  }

  async function issueKey(ex: Executor, userId: number): Promise<string> {
    const key = newSecret();
    await updateUserRow(ex, userId, { access_key_hash: hashSecret(key), access_key_hint: secretHint(key), access_key_used_at: null });
    return key;
  }

  /** Ends every session and the access key: the very next request with them is 401. */
  async function cutOff(ex: Executor, userId: number): Promise<void> {
    await deleteUserSessions(ex, userId);
    await updateUserRow(ex, userId, { access_key_hash: null, access_key_hint: null });
  }

  /** The rules of a user update, inside a transaction that holds the administrators' lock. */
  async function applyUpdate(trx: Transaction<Database>, actor: Actor, find: () => Promise<UserRecord>, input: UpdateUserInput): Promise<UserRecord> {
    await lockAdministrators(trx, store.dialect);
    const target = await find();
    const id = target.id;
    const newPerms = input.user_permissions === undefined ? undefined : parsePermissions(input.user_permissions, 'user_permissions', true);
    if (newPerms) requireMayGrant(actor, newPerms, 'user_permissions');
    const newGroup = parseGroupRef(input.group_id);
    await access.requireMayActOnUser(trx, actor, managed(target));
    const patch: UserPatch = {};
    const changes: Record<string, unknown> = {};

    if (input.first_name !== undefined && input.first_name !== target.firstName) {
      patch.first_name = changes.first_name = input.first_name;
    }
    if (input.last_name !== undefined && input.last_name !== target.lastName) {
      patch.last_name = changes.last_name = input.last_name;
    }
    if (input.email_address !== undefined && normalizeEmail(input.email_address) !== normalizeEmail(target.email)) {
      const clash = await findUserByEmail(trx, input.email_address);
      if (clash && clash.id !== id) throw new Conflict(EMAIL_TAKEN, 'email_taken');
      patch.email = changes.email_address = input.email_address.trim();
      patch.email_normalized = normalizeEmail(input.email_address);
    } else if (input.email_address !== undefined && input.email_address.trim() !== target.email) {
      patch.email = changes.email_address = input.email_address.trim();
    }
    if (input.password_change_required !== undefined && input.password_change_required !== target.passwordChangeRequired) {
      patch.password_change_required = input.password_change_required ? 1 : 0;
      changes.password_change_required = input.password_change_required;
    }
    if (newGroup !== undefined && newGroup !== target.groupId) {
      if (newGroup !== null) await groupPermissionsFor(trx, actor, newGroup);
      patch.group_id = newGroup;
      changes.group_id = newGroup === null ? '' : String(newGroup);
    }

    let permissionsChanged = false;
    if (newPerms) {
      const before = JSON.stringify(renderPermissions({ isAdmin: target.isAdmin, sections: target.ownSections, kept: target.ownKept }));
      const after = JSON.stringify(renderPermissions(newPerms));
      if (before !== after) {
        permissionsChanged = true;
        if (target.isAdmin !== newPerms.isAdmin) requireAdmin(actor, 'grant or remove IsAdmin');
        if (target.isAdmin && !newPerms.isAdmin) {
          requireMayRemoveAdmin(actor, managed(target), 'demote');
          await guardLastAdmin(trx, target, 'demote');
          patch.role = 'dashboard-user';
        }
        if (!target.isAdmin && newPerms.isAdmin) patch.role = 'provider-admin';
        patch.is_admin = newPerms.isAdmin ? 1 : 0;
        patch.permissions = storedPermissions(newPerms);
        changes.user_permissions = renderPermissions(newPerms);
      }
    }

    let activeChange: 'activate' | 'deactivate' | null = null;
    if (input.active !== undefined && input.active !== target.active) {
      activeChange = input.active ? 'activate' : 'deactivate';
      if (!input.active) {
        if (target.isAdmin) requireMayRemoveAdmin(actor, managed(target), 'deactivate');
        await guardLastAdmin(trx, target, 'deactivate');
      }
      patch.active = input.active ? 1 : 0;
      changes.active = input.active;
    }
    // Moving the last administrator into a deactivated group would lock everyone out too.
    if (patch.group_id !== undefined && patch.group_id !== null && countsAsActiveAdmin(target)) {
      const g = await findGroupById(trx, patch.group_id);
      if (g && !g.active) await guardLastAdmin(trx, target, 'move into a deactivated group');
    }

    if (Object.keys(patch).length === 0) return target;
    patch.updated_at = now();
    await updateUserRow(trx, id, patch);
    // Joining a deactivated group ends the sessions and the key for good, like a deactivation.
    const joinsInactiveGroup = patch.group_id !== undefined && patch.group_id !== null && (await findGroupById(trx, patch.group_id))?.active === false;
    if (activeChange === 'deactivate' || joinsInactiveGroup) await cutOff(trx, id);
    await recordAudit(trx, actor, { action: 'user.update', targetType: 'user', targetId: id, changes });
    if (activeChange) {
      await recordAudit(trx, actor, { action: `user.${activeChange}`, targetType: 'user', targetId: id, changes: { active: input.active } });
    }
    if (permissionsChanged) {
      await recordAudit(trx, actor, {
        action: 'user.permissions.change',
        targetType: 'user',
        targetId: id,
        changes: { user_permissions: changes.user_permissions },
      });
    }
    return mustFind(trx, id);
  }

  async function applyRemove(trx: Transaction<Database>, actor: Actor, find: () => Promise<UserRecord>, successor: Successor): Promise<UserRecord> {
    await lockAdministrators(trx, store.dialect);
    const target = await find();
    const id = target.id;
    await access.requireMayActOnUser(trx, actor, managed(target));
    if (target.isAdmin) requireMayRemoveAdmin(actor, managed(target), 'delete');
    await guardLastAdmin(trx, target, 'delete');
    await handOverOwnership(trx, { userId: id }, successor, handOverRules(trx, access, actor));
    await deleteUserRow(trx, id);
    await recordAudit(trx, actor, {
      action: 'user.delete',
      targetType: 'user',
      targetId: id,
      changes: { email_address: target.email, role: target.role },
    });
    return target;
  }

  return {
    async get(actor: Actor, id: number): Promise<UserRecord> {
      requireSection(actor, 'users', 'read');
      return mustFindStaff(db, id);
    },

    async getByEmail(actor: Actor, email: string): Promise<UserRecord> {
      requireSection(actor, 'users', 'read');
      const u = await findUserByEmail(db, email);
      if (!u || isConsumerRole(u.role)) throw new NotFound('User');
      return u;
    },

    /** Any account by id, staff or consumer, for other domains that checked access themselves. */
    async find(ex: Executor, id: number): Promise<UserRecord | undefined> {
      return findUserById(ex, id);
    },

    /** Any account by email (compared normalised), for other domains that checked access themselves. */
    async findByEmail(ex: Executor, email: string): Promise<UserRecord | undefined> {
      return findUserByEmail(ex, email);
    },

    /** A page of accounts, for other domains that checked access themselves (the portal's user lists). */
    async listAccounts(ex: Executor, q: UserListQuery): Promise<{ rows: UserRecord[]; total: number }> {
      return listUsers(ex, q);
    },

    /** Checks a new password against the rules before any transaction starts, and hashes it. */
    async checkNewPassword(password: string, email: string, field: string): Promise<string> {
      checkPasswordRules(password, email, { minLength: config.passwordMinLength }, field);
      return hashPassword(password);
    },

    /**
     * Creates an account inside the caller's transaction (portal users,
     * registration, invitations). The caller has checked the actor's rights;
     * `passwordHash` comes from checkNewPassword.
     */
    createAccount(trx: Executor, actor: Actor, spec: AccountSpec, passwordHash: string | null) {
      return insertAccount(trx, actor, spec, passwordHash);
    },

    /** Updates any account inside the caller's transaction (see update for the rules). */
    updateAccount(trx: Transaction<Database>, actor: Actor, id: number, input: UpdateUserInput): Promise<UserRecord> {
      return applyUpdate(trx, actor, () => mustFind(trx, id), input);
    },

    /** Deletes any account inside the caller's transaction (see remove for the rules). */
    removeAccount(trx: Transaction<Database>, actor: Actor, id: number, successor: Successor = {}): Promise<UserRecord> {
      return applyRemove(trx, actor, () => mustFind(trx, id), successor);
    },

    async me(actor: Actor & { kind: 'user' }): Promise<UserRecord> {
      return mustFind(db, actor.userId);
    },

    async list(actor: Actor, p: number | undefined, search?: string): Promise<{ users: UserRecord[]; pages: number }> {
      requireSection(actor, 'users', 'read');
      const req = { p, pageSize };
      const { rows, total } = await listUsers(db, { ...pageWindow(req), search, kind: 'staff' });
      return { users: rows, pages: pageCount(total, req) };
    },

    async create(actor: Actor, input: CreateUserInput): Promise<IssuedKey> {
      requireSection(actor, 'users', 'write');
      const perms = parsePermissions(input.user_permissions ?? {}, 'user_permissions', true);
      requireMayGrant(actor, perms, 'user_permissions');
      const groupId = parseGroupRef(input.group_id) ?? null;
      const email = input.email_address.trim();
      if (input.password !== undefined) checkPasswordRules(input.password, email, { minLength: config.passwordMinLength }, 'password');
      const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
      const key = newSecret();
      const role: Role = perms.isAdmin ? 'provider-admin' : 'dashboard-user';
      try {
        return await db.transaction().execute(async (trx) => {
          if (groupId !== null) await groupPermissionsFor(trx, actor, groupId);
          if (await findUserByEmail(trx, email)) throw new Conflict(EMAIL_TAKEN, 'email_taken');
          const at = now();
          const id = await insertUser(trx, {
            email,
            email_normalized: normalizeEmail(email),
            first_name: input.first_name,
            last_name: input.last_name,
            password_hash: passwordHash,
            is_admin: perms.isAdmin ? 1 : 0,
            role,
            permissions: storedPermissions(perms),
            group_id: groupId,
            active: input.active === false ? 0 : 1,
            password_change_required: input.password_change_required ? 1 : 0,
            password_updated_at: passwordHash ? at : null,
            access_key_hash: hashSecret(key),
            access_key_hint: secretHint(key),
            access_key_used_at: null,
            created_at: at,
            created_by: actor.kind === 'user' ? actor.userId : null,
            updated_at: at,
            last_login_at: null,
          });
          if (passwordHash) await addPasswordHistory(trx, id, passwordHash, at, config.passwordHistory);
          await recordAudit(trx, actor, {
            action: 'user.create',
            targetType: 'user',
            targetId: id,
            changes: {
              email_address: email,
              first_name: input.first_name,
              last_name: input.last_name,
              active: input.active !== false,
              user_permissions: renderPermissions(perms),
              group_id: groupId === null ? '' : String(groupId),
              role,
              password: passwordHash ? '(set)' : '(none)',
            },
          });
          return { user: await mustFind(trx, id), accessKey: key };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new Conflict(EMAIL_TAKEN, 'email_taken');
        throw err;
      }
    },

    async update(actor: Actor, id: number, input: UpdateUserInput): Promise<UserRecord> {
      requireMayUpdateUser(
        actor,
        id,
        Object.entries(input)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
      );
      // Checked before the transaction too, so that a refused grant costs no lock.
      if (input.user_permissions !== undefined) requireMayGrant(actor, parsePermissions(input.user_permissions, 'user_permissions', true), 'user_permissions');
      try {
        return await db.transaction().execute((trx) => applyUpdate(trx, actor, () => mustFindStaff(trx, id), input));
      } catch (err) {
        if (isUniqueViolation(err)) throw new Conflict(EMAIL_TAKEN, 'email_taken');
        throw err;
      }
    },

    async remove(actor: Actor, id: number, successor: Successor = {}): Promise<void> {
      requireSection(actor, 'users', 'write');
      await db.transaction().execute((trx) => applyRemove(trx, actor, () => mustFindStaff(trx, id), successor));
    },

    /** Deactivates the user and ends every session and key at once. */
    async revoke(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'users', 'write');
      await db.transaction().execute(async (trx) => {
        await lockAdministrators(trx, store.dialect);
        const target = await mustFindStaff(trx, id);
        await access.requireMayActOnUser(trx, actor, managed(target));
        if (target.isAdmin) requireMayRemoveAdmin(actor, managed(target), 'deactivate');
        await guardLastAdmin(trx, target, 'deactivate');
        await updateUserRow(trx, id, { active: 0, updated_at: now() });
        await cutOff(trx, id);
        await recordAudit(trx, actor, { action: 'user.revoke', targetType: 'user', targetId: id, changes: { active: false } });
      });
    },

    /** Issues a new access key; the old one and every session of the user end now. */
    async resetAccessKey(actor: Actor, id: number): Promise<string> {
      requireMayResetAccessKey(actor, id);
      return db.transaction().execute(async (trx) => {
        const target = await mustFindStaff(trx, id);
        requireMayResetAccessKey(actor, id, managed(target));
        const key = await issueKey(trx, id);
        await deleteUserSessions(trx, id, ownSession(actor, id));
        await recordAudit(trx, actor, { action: 'user.key.reset', targetType: 'user', targetId: id, changes: { access_key: '(reset)' } });
        return key;
      });
    },

    /**
     * Sets the password of an account that proved its address with a reset link,
     * inside the caller's transaction: the rules and history apply, every session
     * and the access key end, and the forced-change flag is cleared.
     */
    async resetPasswordIn(trx: Executor, actor: Actor, user: UserRecord, password: string): Promise<void> {
      await setPassword(trx, user, password, 'password');
      await updateUserRow(trx, user.id, { password_change_required: 0 });
      await cutOff(trx, user.id);
      await recordAudit(trx, actor, { action: 'user.password.reset', targetType: 'user', targetId: user.id, actorEmail: user.email, changes: { password: '(reset)' } });
    },

    /**
     * Changes a password. Oneself: the current password is required, except
     * for an administrator. Another user: administrators only, without the
     * current password. `user_permissions` (Tyk's provisioning scripts send it)
     * are set in the same transaction, by the rules of an update. Either way
     * every other session and the access key end; a new key is returned once.
     */
    async changePassword(actor: Actor, id: number, input: { current_password?: string; new_password: string; user_permissions?: Record<string, string> }): Promise<string> {
      const self = isSelf(actor, id);
      requireMaySetPassword(actor, id);
      if (input.user_permissions !== undefined) {
        requireMayUpdateUser(actor, id, ['user_permissions']);
        requireMayGrant(actor, parsePermissions(input.user_permissions, 'user_permissions', true), 'user_permissions');
      }
      return db.transaction().execute(async (trx) => {
        await lockAdministrators(trx, store.dialect);
        const find = () => (self ? mustFind(trx, id) : mustFindStaff(trx, id));
        let target = await find();
        requireMaySetPassword(actor, id, managed(target));
        if (self && (input.current_password !== undefined || mustProveCurrentPassword(actor, id))) {
          if (input.current_password === undefined) throw new Invalid('current_password', 'is required');
          const hash = await findPasswordHash(trx, id);
          if (!hash || !(await verifyPassword(input.current_password, hash))) {
            throw new Invalid('current_password', 'does not match your current password');
          }
        }
        if (input.user_permissions !== undefined) target = await applyUpdate(trx, actor, find, { user_permissions: input.user_permissions });
        await setPassword(trx, target, input.new_password, 'new_password');
        if (self) await updateUserRow(trx, id, { password_change_required: 0 });
        // Consumers work only through the Live Portal: they never hold a Dashboard access key.
        const key = isConsumerRole(target.role) ? '' : await issueKey(trx, id);
        await deleteUserSessions(trx, id, ownSession(actor, id));
        await recordAudit(trx, actor, { action: 'user.password.change', targetType: 'user', targetId: id, changes: { password: '(changed)' } });
        return key;
      });
    },

  };
}

export type UsersService = ReturnType<typeof usersService>;
