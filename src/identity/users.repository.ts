import { sql, type Selectable } from 'kysely';
import { parseStoredKept, parseStoredSections, type KeptSections, type SectionPermissions } from '../access/permissions.js';
import { CONSUMER_ROLES, type Role } from '../access/actor.js';
import { compiledOnce } from '../db/compiled-once.js';
import type { Executor } from '../db/database.js';
import { rowCount } from '../db/row-counts.js';
import type { UsersTable } from '../db/schema.js';

/** A Dashboard user as the application handles it: no secret is ever loaded into it. */
export interface UserRecord {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  isAdmin: boolean;
  role: Role;
  ownSections: SectionPermissions;
  /** Tyk permission sections kept as sent; they grant nothing. */
  ownKept: KeptSections;
  groupId: number | null;
  groupActive: boolean | null;
  groupSections: SectionPermissions | null;
  active: boolean;
  passwordChangeRequired: boolean;
  passwordUpdatedAt: string | null;
  accessKeyHint: string | null;
  accessKeyUsedAt: string | null;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  lastLoginAt: string | null;
  /** A portal consumer's organisation; null for Dashboard users and administrators. */
  organisationId: number | null;
  provider: string;
}

type JoinedRow = Omit<Selectable<UsersTable>, 'password_hash' | 'email_normalized' | 'access_key_hash'> & {
  group_active: number | null;
  group_permissions: string | null;
};

function toRecord(r: JoinedRow): UserRecord {
  return {
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    isAdmin: r.is_admin === 1,
    role: r.role as Role,
    ownSections: parseStoredSections(r.permissions),
    ownKept: parseStoredKept(r.permissions),
    groupId: r.group_id,
    groupActive: r.group_active === null ? null : r.group_active === 1,
    groupSections: r.group_permissions === null ? null : parseStoredSections(r.group_permissions),
    active: r.active === 1,
    passwordChangeRequired: r.password_change_required === 1,
    passwordUpdatedAt: r.password_updated_at,
    accessKeyHint: r.access_key_hint,
    accessKeyUsedAt: r.access_key_used_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    lastLoginAt: r.last_login_at,
    organisationId: r.organisation_id,
    provider: r.provider,
  };
}

/** Every column but the secrets (they are long, and loading them on every request costs). */
const PROFILE_COLUMNS = [
  'u.id',
  'u.email',
  'u.first_name',
  'u.last_name',
  'u.is_admin',
  'u.role',
  'u.permissions',
  'u.group_id',
  'u.active',
  'u.password_change_required',
  'u.password_updated_at',
  'u.access_key_hint',
  'u.access_key_used_at',
  'u.created_at',
  'u.created_by',
  'u.updated_at',
  'u.last_login_at',
  'u.organisation_id',
  'u.provider',
] as const;

function joined(ex: Executor) {
  return ex
    .selectFrom('users as u')
    .leftJoin('user_groups as g', 'g.id', 'u.group_id')
    .select(PROFILE_COLUMNS)
    .select(['g.active as group_active', 'g.permissions as group_permissions']);
}

/** The stored password hash of a user, for the two places that check a password. */
export async function findPasswordHash(ex: Executor, id: number): Promise<string | null> {
  const row = await ex.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function findUserById(ex: Executor, id: number): Promise<UserRecord | undefined> {
  const row = await joined(ex).where('u.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRecord | undefined> {
  const row = await joined(ex).where('u.email_normalized', '=', normalizeEmail(email)).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

const byAccessKeyHash = compiledOnce((ex: Executor, hash: string) => joined(ex).where('u.access_key_hash', '=', hash));

export async function findUserByAccessKeyHash(ex: Executor, hash: string): Promise<UserRecord | undefined> {
  const [row] = await byAccessKeyHash(ex, hash);
  return row ? toRecord(row) : undefined;
}

const bySessionHash = compiledOnce((ex: Executor, tokenHash: string, now: string) =>
  joined(ex)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select(['s.last_used_at as session_last_used_at', 's.expires_at as session_expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now),
);

export async function findUserBySessionHash(
  ex: Executor,
  tokenHash: string,
  now: string,
): Promise<{ user: UserRecord; lastUsedAt: string; expiresAt: string } | undefined> {
  const [row] = await bySessionHash(ex, tokenHash, now);
  return row ? { user: toRecord(row), lastUsedAt: row.session_last_used_at, expiresAt: row.session_expires_at } : undefined;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface UserListQuery {
  /** Matches first name, last name, "first last" and email, case-insensitively. */
  search?: string;
  /** Staff (Dashboard users and administrators), portal consumers, or both. */
  kind?: 'staff' | 'consumer' | 'all';
  role?: string;
  organisationId?: number;
  teamId?: number;
  active?: boolean;
  /** Zero-based offset and size; absent means everything. */
  page?: { offset: number; limit: number };
  /** False when the caller shows no page count (the portal's lists): `total` is then not counted and reads 0. */
  count?: boolean;
}

export async function listUsers(ex: Executor, q: UserListQuery): Promise<{ rows: UserRecord[]; total: number }> {
  let base = ex.selectFrom('users as u');
  if (q.kind === 'staff') base = base.where('u.role', 'not in', CONSUMER_ROLES);
  if (q.kind === 'consumer') base = base.where('u.role', 'in', CONSUMER_ROLES);
  if (q.role !== undefined) base = base.where('u.role', '=', q.role);
  if (q.organisationId !== undefined) base = base.where('u.organisation_id', '=', q.organisationId);
  if (q.active !== undefined) base = base.where('u.active', '=', q.active ? 1 : 0);
  if (q.teamId !== undefined) {
    const teamId = q.teamId;
    base = base.where((eb) => eb.exists(eb.selectFrom('team_members as tm').select('tm.user_id').whereRef('tm.user_id', '=', 'u.id').where('tm.team_id', '=', teamId)));
  }
  if (q.search !== undefined && q.search !== '') {
    const pattern = `%${escapeLike(q.search.toLowerCase())}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(u.email)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(u.first_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(u.last_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(u.first_name || ' ' || u.last_name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  // A whole kind, unfiltered: the maintained count (migration 0028) instead of counting the table.
  const unfiltered =
    q.role === undefined && q.organisationId === undefined && q.active === undefined && q.teamId === undefined && (q.search === undefined || q.search === '');
  const counter = !unfiltered ? undefined : q.kind === 'staff' ? 'users_staff' : q.kind === 'consumer' ? 'users_consumer' : undefined;
  const total =
    q.count === false
      ? 0
      : counter !== undefined
        ? await rowCount(ex, counter)
        : (await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total;
  let rowsQuery = base
    .leftJoin('user_groups as g', 'g.id', 'u.group_id')
    .select(PROFILE_COLUMNS)
    .select(['g.active as group_active', 'g.permissions as group_permissions'])
    .orderBy('u.id');
  if (q.page) rowsQuery = rowsQuery.limit(q.page.limit).offset(q.page.offset);
  const rows = await rowsQuery.execute();
  return { rows: rows.map(toRecord), total: Number(total) };
}

export type NewUser = Omit<Selectable<UsersTable>, 'id' | 'organisation_id' | 'provider'> & Partial<Pick<Selectable<UsersTable>, 'organisation_id' | 'provider'>>;

export async function insertUser(ex: Executor, row: NewUser): Promise<number> {
  const { id } = await ex.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export type UserPatch = Partial<Omit<Selectable<UsersTable>, 'id' | 'created_at' | 'created_by'>>;

export async function updateUserRow(ex: Executor, id: number, patch: UserPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await ex.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function deleteUserRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('users').where('id', '=', id).execute();
}

/**
 * Administrators who can act right now: active, and not in a deactivated group.
 * `excluding` leaves out users a pending change would disable.
 */
export async function countActiveAdmins(ex: Executor, excluding: { userId?: number; groupId?: number } = {}): Promise<number> {
  let q = ex
    .selectFrom('users as u')
    .leftJoin('user_groups as g', 'g.id', 'u.group_id')
    .where('u.is_admin', '=', 1)
    .where('u.active', '=', 1)
    .where((eb) => eb.or([eb('u.group_id', 'is', null), eb('g.active', '=', 1)]));
  if (excluding.userId !== undefined) q = q.where('u.id', '!=', excluding.userId);
  if (excluding.groupId !== undefined) {
    const gid = excluding.groupId;
    q = q.where((eb) => eb.or([eb('u.group_id', 'is', null), eb('u.group_id', '!=', gid)]));
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** The addresses of active staff administrators, oldest account first. */
export async function activeAdministratorEmailRows(ex: Executor): Promise<string[]> {
  const rows = await ex
    .selectFrom('users')
    .select('email')
    .where('is_admin', '=', 1)
    .where('active', '=', 1)
    .where('role', 'not in', CONSUMER_ROLES)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.email);
}

export async function countAdmins(ex: Executor): Promise<number> {
  const { n } = await ex
    .selectFrom('users')
    .where('is_admin', '=', 1)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function countGroupMembers(ex: Executor, groupId: number): Promise<number> {
  const { n } = await ex
    .selectFrom('users')
    .where('group_id', '=', groupId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function recentPasswordHashes(ex: Executor, userId: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await ex
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function addPasswordHistory(ex: Executor, userId: number, hash: string, at: string, keep: number): Promise<void> {
  await ex.insertInto('password_history').values({ user_id: userId, password_hash: hash, created_at: at }).execute();
  const keepIds = ex
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(Math.max(keep, 1));
  await ex.deleteFrom('password_history').where('user_id', '=', userId).where('id', 'not in', keepIds).execute();
}

/** Does any administrator (active or not) belong to this group? */
export async function groupHasAdministrator(ex: Executor, groupId: number): Promise<boolean> {
  const row = await ex.selectFrom('users').select('id').where('group_id', '=', groupId).where('is_admin', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}
