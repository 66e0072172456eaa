import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Actor } from './actor.js';
import { atLeast, levelOf } from './permissions.js';
import { isAdmin, requireSection } from './policy.js';

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
 * The scope of analytics queries. They need `analytics: read`. With ownership on,
 * `owned_analytics: read` narrows every query to the APIs the user can see
 * (unowned, or owned by them or their group, whatever their `apis` permission);
 * without it the user sees all traffic, as the seed describes.
 */
export function analyticsScope(actor: Actor, ownershipEnabled: boolean): ApiScope {
  requireSection(actor, 'analytics', 'read');
  if (!ownershipEnabled || isAdmin(actor) || actor.kind !== 'user') return { kind: 'all' };
  return atLeast(levelOf(actor.permissions, 'owned_analytics'), 'read') ? apiScope(actor, true) : { kind: 'all' };
}

/** A non-administrator who creates an API while ownership is on becomes one of its owners: their id, else null. */
export function ownerOnCreate(actor: Actor, ownershipEnabled: boolean): number | null {
  return ownershipEnabled && actor.kind === 'user' && !isAdmin(actor) ? actor.userId : null;
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

/** Internal API ids in scope, or undefined for "all"; handy for small in-memory checks of a few ids. */
export async function visibleAmong(ex: Executor, scope: ApiScope, apiIds: number[]): Promise<Set<number>> {
  if (apiIds.length === 0) return new Set();
  let q = ex.selectFrom('apis').select('apis.id').where('apis.id', 'in', apiIds);
  const visible = visibleApiIds(ex, scope);
  if (visible) q = q.where('apis.id', 'in', visible);
  return new Set((await q.execute()).map((r) => r.id));
}

/**
 * Policies in scope: those granting at least one visible API, and those granting
 * none (they fall back to the `policies` permission alone).
 */
export function policyVisibleCondition(ex: Executor, scope: ApiScope, policyIdColumn: 'policies.id'): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const col = sql.ref(policyIdColumn);
  return sql<SqlBool>`(
    not exists (select 1 from policy_access_rights r where r.policy_id = ${col})
    or exists (select 1 from policy_access_rights r where r.policy_id = ${col} and r.api_id in (${visible}))
  )`;
}

/**
 * Keys in scope: those granting a visible API directly or through one of their
 * policies, and those granting no API at all.
 */
export function keyVisibleCondition(ex: Executor, scope: ApiScope, keyIdColumn: 'keys.id'): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const col = sql.ref(keyIdColumn);
  return sql<SqlBool>`(
    (not exists (select 1 from key_access_rights r where r.key_id = ${col})
      and not exists (select 1 from key_policies kp join policy_access_rights pr on pr.policy_id = kp.policy_id where kp.key_id = ${col}))
    or exists (select 1 from key_access_rights r where r.key_id = ${col} and r.api_id in (${visible}))
    or exists (select 1 from key_policies kp join policy_access_rights pr on pr.policy_id = kp.policy_id
               where kp.key_id = ${col} and pr.api_id in (${visible}))
  )`;
}

/** Analytics rows (keyed by the public api_id) in scope. */
export function analyticsVisibleCondition(ex: Executor, scope: ApiScope, apiIdColumn: string): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  return sql<SqlBool>`${sql.ref(apiIdColumn)} in (select va.api_id from apis va where va.id in (${visible}))`;
}
