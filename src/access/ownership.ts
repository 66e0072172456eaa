import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Actor } from './actor.js';
import { isAdmin } from './policy.js';

/**
 * Which APIs an actor may see. With ownership off, or for administrators, every
 * API; otherwise the unowned ones plus those owned by the user or their group.
 */
export type ApiScope = { kind: 'all' } | { kind: 'owned'; userId: number; groupId: number | null };

export function apiScope(actor: Actor, ownershipEnabled: boolean): ApiScope {
  if (!ownershipEnabled || isAdmin(actor) || actor.kind !== 'user') return { kind: 'all' };
  return { kind: 'owned', userId: actor.userId, groupId: actor.groupId };
}

/**
 * The internal ids of the APIs in scope, as a subquery that repositories AND into
 * their SQL (never filtered in JavaScript). Built as a union driven by the owner
 * indexes, so its cost follows what the user can see, not what they cannot.
 * Undefined means "no restriction".
 */
export function visibleApiIds(ex: Executor, scope: ApiScope) {
  if (scope.kind === 'all') return undefined;
  let q = ex
    .selectFrom('apis')
    .select('apis.id as id')
    .where('apis.owned', '=', 0)
    .union(ex.selectFrom('api_owner_users').select('api_owner_users.api_id as id').where('api_owner_users.user_id', '=', scope.userId));
  if (scope.groupId !== null) {
    q = q.union(ex.selectFrom('api_owner_groups').select('api_owner_groups.api_id as id').where('api_owner_groups.group_id', '=', scope.groupId));
  }
  return q;
}

/** A condition on an `apis` row (by its internal id column) that holds when the API is in scope. */
export function apiVisibleCondition(scope: ApiScope, idColumn: string): Expression<SqlBool> | undefined {
  if (scope.kind === 'all') return undefined;
  const id = sql.ref(idColumn);
  const byGroup =
    scope.groupId === null
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from api_owner_groups og where og.api_id = ${id} and og.group_id = ${scope.groupId})`;
  return sql<SqlBool>`(
    not exists (select 1 from apis oa where oa.id = ${id} and oa.owned = 1)
    or exists (select 1 from api_owner_users ou where ou.api_id = ${id} and ou.user_id = ${scope.userId})
    or ${byGroup}
  )`;
}
