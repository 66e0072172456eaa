import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import { inlined } from '../db/inlined.js';
import type { Actor } from './actor.js';
import { idIn, restricted, unrestricted, type Filter, type Restricted, type Unrestricted } from './filter.js';
import { atLeast, levelOf } from './permissions.js';
import { isAdmin, requireSection } from './policy.js';

/** The APIs of a user and of their group, plus every unowned API. */
export interface OwnerScope {
  readonly kind: 'owned';
  readonly userId: number;
  readonly groupId: number | null;
}

/**
 * Which APIs an actor may see: every API (a named bypass: administrators, system
 * actors, ownership off), or those of an owner scope. Every object tied to APIs
 * (policies, keys, products, analytics, audit entries) follows it.
 */
export type Scope = Unrestricted | OwnerScope;

export function apiScope(actor: Actor, ownershipEnabled: boolean): Scope {
  if (!ownershipEnabled) return unrestricted('API ownership is off');
  if (actor.kind !== 'user') return unrestricted('system actor');
  if (isAdmin(actor)) return unrestricted('administrator');
  return { kind: 'owned', userId: actor.userId, groupId: actor.groupId };
}

/**
 * The scope of analytics queries. They need `analytics: read`. With ownership on,
 * `owned_analytics: read` narrows every query to the APIs the user can see
 * (unowned, or owned by them or their group, whatever their `apis` permission);
 * without it the user sees all traffic, as the seed describes.
 */
export function analyticsScope(actor: Actor, ownershipEnabled: boolean): Scope {
  requireSection(actor, 'analytics', 'read');
  const scope = apiScope(actor, ownershipEnabled);
  if (scope.kind === 'unrestricted' || actor.kind !== 'user') return scope;
  return atLeast(levelOf(actor.permissions, 'owned_analytics'), 'read') ? scope : unrestricted('analytics without owned_analytics: all traffic');
}

/** A non-administrator who creates an API while ownership is on becomes one of its owners: their id, else null. */
export function ownerOnCreate(actor: Actor, ownershipEnabled: boolean): number | null {
  return ownershipEnabled && actor.kind === 'user' && !isAdmin(actor) ? actor.userId : null;
}

/**
 * The internal ids of the APIs an owner scope sees, as a subquery. Built as a
 * union driven by the owner indexes, so its cost follows what the user can see,
 * not what they cannot. The user's ids are written into the text (src/db/inlined.ts),
 * so that a restricted list's statement can keep its plan.
 */
export function ownedApiIds(ex: Executor, scope: OwnerScope) {
  let q = ex
    .selectFrom('apis')
    .select('apis.id as id')
    .where('apis.owned', '=', sql.lit(0))
    .union(ex.selectFrom('api_owner_users').select('api_owner_users.api_id as id').where('api_owner_users.user_id', '=', inlined(scope.userId)));
  if (scope.groupId !== null) {
    q = q.union(ex.selectFrom('api_owner_groups').select('api_owner_groups.api_id as id').where('api_owner_groups.group_id', '=', inlined(scope.groupId)));
  }
  return q;
}

/** The set of visible internal API ids, for a query that is driven by it (see apis.repository.ts). */
export type ApiIdSet = ReturnType<typeof ownedApiIds>;

/** The visible internal API ids of a scope, or undefined for an unrestricted one (for the builders in src/access). */
export function visibleApiIds(ex: Executor, scope: Scope): ApiIdSet | undefined {
  return scope.kind === 'unrestricted' ? undefined : ownedApiIds(ex, scope);
}

/** API rows in scope. A restricted filter also carries the id set, so a list can be driven by it. */
export type ApiFilter = Unrestricted | (Restricted & { readonly ids: ApiIdSet });

/** APIs (by a column holding their internal id) in scope. */
export function apiFilter(ex: Executor, scope: Scope, apiRowIdColumn: string): ApiFilter {
  if (scope.kind === 'unrestricted') return scope;
  const ids = ownedApiIds(ex, scope);
  return { ...restricted(sql<SqlBool>`${sql.ref(apiRowIdColumn)} in (${ids})`), ids };
}

/** Of these internal API ids, those in scope: for checking the few ids a request names. */
export async function visibleAmong(ex: Executor, scope: Scope, apiIds: number[]): Promise<Set<number>> {
  if (apiIds.length === 0) return new Set();
  let q = ex.selectFrom('apis').select('apis.id').where('apis.id', 'in', apiIds);
  const visible = visibleApiIds(ex, scope);
  if (visible) q = q.where('apis.id', 'in', visible);
  return new Set((await q.execute()).map((r) => r.id));
}

/**
 * Policies in scope: those granting at least one visible API, and those granting
 * none (they fall back to the `policies` permission alone). Written as a set of
 * ids built from the indexes (the rights of the visible APIs; the policies whose
 * maintained `api_count` is zero, migration 0029), so its cost follows what the
 * owner sees, not the number of policies.
 */
export function policyFilter(ex: Executor, scope: Scope, policyIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  const col = sql.ref(policyIdColumn);
  return restricted(
    idIn(
      ex,
      col,
      sql`select p0.id from policies p0 where p0.api_count = 0
          union select r.policy_id from policy_access_rights r where r.api_id in (${visible})`,
    ),
  );
}

/**
 * Keys in scope: those granting a visible API directly or through one of their
 * policies, and those granting no API at all.
 */
export function keyFilter(ex: Executor, scope: Scope, keyIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  const col = sql.ref(keyIdColumn);
  // A set of ids built from the indexes, as for policies: `api_count` (migration 0029) is zero exactly for a key granting no API.
  return restricted(
    idIn(
      ex,
      col,
      sql`select k0.id from keys k0 where k0.api_count = 0
          union select r.key_id from key_access_rights r where r.api_id in (${visible})
          union select kp.key_id from key_policies kp join policy_access_rights pr on pr.policy_id = kp.policy_id where pr.api_id in (${visible})`,
    ),
  );
}

/** Analytics rows (keyed by the public api_id) in scope. */
export function analyticsFilter(ex: Executor, scope: Scope, apiIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  return restricted(sql<SqlBool>`${sql.ref(apiIdColumn)} in (select va.api_id from apis va where va.id in (${visible}))`);
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
export function policyHeldFilter(ex: Executor, scope: Scope, policyIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  const grantingHidden = ex.selectFrom('policy_access_rights as hr').select('hr.policy_id').where('hr.api_id', 'not in', visible);
  return restricted(sql<SqlBool>`${sql.ref(policyIdColumn)} not in (${grantingHidden})`);
}

/** Keys whose every API, granted directly or through any of their policies, is visible. Undefined: no restriction. */
export function keyHeldFilter(ex: Executor, scope: Scope, keyIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  const col = sql.ref(keyIdColumn);
  const direct = ex.selectFrom('key_access_rights as hk').select('hk.key_id').where('hk.api_id', 'not in', visible);
  const viaPolicy = ex
    .selectFrom('key_policies as hkp')
    .innerJoin('policy_access_rights as hpr', 'hpr.policy_id', 'hkp.policy_id')
    .select('hkp.key_id')
    .where('hpr.api_id', 'not in', visible);
  return restricted(sql<SqlBool>`(${col} not in (${direct}) and ${col} not in (${viaPolicy}))`);
}

/** Portal products whose every exposed API is visible. Undefined: no restriction. */
export function productHeldFilter(ex: Executor, scope: Scope, productIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  const exposingHidden = ex.selectFrom('product_apis as hpa').select('hpa.product_id').where('hpa.api_id', 'not in', visible);
  return restricted(sql<SqlBool>`${sql.ref(productIdColumn)} not in (${exposingHidden})`);
}

/**
 * Portal plans whose offerings grant only visible APIs: a plan's limits are in
 * force in the backing policy of every product it is offered with. Undefined: no restriction.
 */
export function planHeldFilter(ex: Executor, scope: Scope, planIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
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
  return restricted(sql<SqlBool>`(${col} not in (${viaPolicy}) and ${col} not in (${viaProduct}))`);
}

/** Does the actor hold the row `id` of `table` (see the conditions above)? Always true for an unrestricted scope. */
export async function holds(ex: Executor, scope: Scope, what: 'policy' | 'key' | 'product' | 'plan', id: number): Promise<boolean> {
  const table = ({ policy: 'policies', key: 'keys', product: 'products', plan: 'plans' } as const)[what];
  const held = { policy: policyHeldFilter, key: keyHeldFilter, product: productHeldFilter, plan: planHeldFilter }[what](ex, scope, `${table}.id`);
  if (held.kind === 'unrestricted') return true;
  const row = await ex.selectFrom(table).select(`${table}.id`).where(`${table}.id`, '=', id).where(held.where).executeTakeFirst();
  return row !== undefined;
}

/** Of these policy ids, those the actor holds. */
export async function heldPolicyIds(ex: Executor, scope: Scope, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let q = ex.selectFrom('policies').select('policies.id').where('policies.id', 'in', ids);
  const held = policyHeldFilter(ex, scope, 'policies.id');
  if (held.kind === 'restricted') q = q.where(held.where);
  return new Set((await q.execute()).map((r) => r.id));
}

/**
 * Does everything this owner (a user and their group, or a group) owns lie in the
 * scope? That is their reach through API ownership: someone who reaches an API the
 * actor cannot see is beyond the actor, whatever their permissions.
 */
export async function ownsOnlyWithin(ex: Executor, scope: Scope, owner: { userId?: number; groupId?: number | null }): Promise<boolean> {
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
