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

/*
 * Holding. Seeing an object is not enough to hand it out: nobody can give anyone —
 * themselves included — more than they can see and hold. An actor *holds* a policy,
 * key, product or plan when every API it grants (or would grant, for a plan: through
 * its offerings' backing policies) is in their scope. Applying, changing or deleting
 * one needs holding it; reading it only needs seeing it (the conflict rule above).
 * Written as `column not in (set)` for the same nesting reason as product-visibility.ts.
 */

/** Policies whose every API is visible (a policy granting none is held by everyone). Undefined: no restriction. */
export function policyHeldCondition(ex: Executor, scope: ApiScope, policyIdColumn: string): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const grantingHidden = ex.selectFrom('policy_access_rights as hr').select('hr.policy_id').where('hr.api_id', 'not in', visible);
  return sql<SqlBool>`${sql.ref(policyIdColumn)} not in (${grantingHidden})`;
}

/** Keys whose every API, granted directly or through any of their policies, is visible. Undefined: no restriction. */
export function keyHeldCondition(ex: Executor, scope: ApiScope, keyIdColumn: string): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const col = sql.ref(keyIdColumn);
  const direct = ex.selectFrom('key_access_rights as hk').select('hk.key_id').where('hk.api_id', 'not in', visible);
  const viaPolicy = ex
    .selectFrom('key_policies as hkp')
    .innerJoin('policy_access_rights as hpr', 'hpr.policy_id', 'hkp.policy_id')
    .select('hkp.key_id')
    .where('hpr.api_id', 'not in', visible);
  return sql<SqlBool>`(${col} not in (${direct}) and ${col} not in (${viaPolicy}))`;
}

/** Portal products whose every exposed API is visible. Undefined: no restriction. */
export function productHeldCondition(ex: Executor, scope: ApiScope, productIdColumn: string): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const exposingHidden = ex.selectFrom('product_apis as hpa').select('hpa.product_id').where('hpa.api_id', 'not in', visible);
  return sql<SqlBool>`${sql.ref(productIdColumn)} not in (${exposingHidden})`;
}

/**
 * Portal plans whose offerings grant only visible APIs: a plan's limits are in
 * force in the backing policy of every product it is offered with. Undefined: no restriction.
 */
export function planHeldCondition(ex: Executor, scope: ApiScope, planIdColumn: string): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const col = sql.ref(planIdColumn);
  const viaPolicy = ex
    .selectFrom('product_plan_policies as hpp')
    .innerJoin('policy_access_rights as hpr', 'hpr.policy_id', 'hpp.policy_id')
    .select('hpp.plan_id')
    .where('hpr.api_id', 'not in', visible);
  const viaProduct = ex
    .selectFrom('product_plan_policies as hpp2')
    .innerJoin('product_apis as hpa', 'hpa.product_id', 'hpp2.product_id')
    .select('hpp2.plan_id')
    .where('hpa.api_id', 'not in', visible);
  return sql<SqlBool>`(${col} not in (${viaPolicy}) and ${col} not in (${viaProduct}))`;
}

/** Does the actor hold the row `id` of `table` (see the conditions above)? Always true for an unrestricted scope. */
export async function holds(ex: Executor, scope: ApiScope, what: 'policy' | 'key' | 'product' | 'plan', id: number): Promise<boolean> {
  const table = ({ policy: 'policies', key: 'keys', product: 'products', plan: 'plans' } as const)[what];
  const condition = { policy: policyHeldCondition, key: keyHeldCondition, product: productHeldCondition, plan: planHeldCondition }[what](ex, scope, `${table}.id`);
  if (!condition) return true;
  const row = await ex.selectFrom(table).select(`${table}.id`).where(`${table}.id`, '=', id).where(condition).executeTakeFirst();
  return row !== undefined;
}

/** Of these policy ids, those the actor holds. */
export async function heldPolicyIds(ex: Executor, scope: ApiScope, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let q = ex.selectFrom('policies').select('policies.id').where('policies.id', 'in', ids);
  const held = policyHeldCondition(ex, scope, 'policies.id');
  if (held) q = q.where(held);
  return new Set((await q.execute()).map((r) => r.id));
}

/**
 * Does everything this owner (a user and their group, or a group) owns lie in the
 * scope? That is their reach through API ownership: someone who reaches an API the
 * actor cannot see is beyond the actor, whatever their permissions.
 */
export async function ownsOnlyWithin(ex: Executor, scope: ApiScope, owner: { userId?: number; groupId?: number | null }): Promise<boolean> {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return true;
  if (owner.userId !== undefined) {
    const row = await ex
      .selectFrom('api_owner_users')
      .select('api_id')
      .where('user_id', '=', owner.userId)
      .where('api_id', 'not in', visible)
      .limit(1)
      .executeTakeFirst();
    if (row) return false;
  }
  if (owner.groupId !== undefined && owner.groupId !== null) {
    const row = await ex
      .selectFrom('api_owner_groups')
      .select('api_id')
      .where('group_id', '=', owner.groupId)
      .where('api_id', 'not in', visible)
      .limit(1)
      .executeTakeFirst();
    if (row) return false;
  }
  return true;
}
