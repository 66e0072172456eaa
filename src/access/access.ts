import type { Executor } from '../db/database.js';
import type { Actor, UserActor } from './actor.js';
import { consumerAppKeyFilter, identifiableKeyFilter, unidentifiableKeyHashes } from './analytics-visibility.js';
import { consumerAppChangeableFilter, consumerAppFilter, staffAccessRequestFilter, staffAppFilter } from './app-visibility.js';
import { auditFilter } from './audit-visibility.js';
import { catalogueFilter, listedProductFilter } from './catalogue-visibility.js';
import type { Filter, Restricted } from './filter.js';
import {
  analyticsFilter,
  analyticsScope,
  apiFilter,
  apiScope,
  heldPolicyIds,
  holds,
  keyFilter,
  ownerOnCreate,
  policyFilter,
  visibleAmong,
  type ApiFilter,
  type Scope,
} from './ownership.js';
import { productFilter } from './product-visibility.js';
import { requireMayActOnGroup, requireMayActOnUser, type ReachedGroup, type ReachedUser } from './reach.js';

export { complement, unrestricted, type Filter, type Restricted, type Unrestricted } from './filter.js';
export type { ApiFilter, ApiIdSet, OwnerScope, Scope } from './ownership.js';

/** What access decisions depend on in the configuration. */
export interface AccessConfig {
  enableOwnership: boolean;
}

/**
 * The one access service, built once from the configuration by the composition
 * root (src/services.ts) and handed to every service that scopes its queries.
 *
 * - `scope(actor)`: the API scope every Dashboard and Admin Portal object follows —
 *   unrestricted (named: administrator, system actor, ownership off) or an owner scope.
 * - `filters.<kind>(ex, scope | reader, column)`: the rows of that kind the scope
 *   (or the Live Portal reader) may see, as the one `Filter` shape repositories
 *   AND into their SQL. The column argument names the id column in the caller's query.
 * - `unrestricted(reason)` (from ./filter.ts) is the explicit bypass for the rare
 *   internal call that must see everything; it is both a Scope and a Filter.
 */
export function createAccess(config: AccessConfig) {
  const ownership = config.enableOwnership;
  return {
    /** The API scope of an actor. */
    scope(actor: Actor): Scope {
      return apiScope(actor, ownership);
    },

    /** The scope of analytics queries (needs `analytics: read`; `owned_analytics` narrows it). */
    analyticsScope(actor: Actor): Scope {
      return analyticsScope(actor, ownership);
    },

    /** The user who becomes an owner of an API they create, or null. */
    ownerOnCreate(actor: Actor): number | null {
      return ownerOnCreate(actor, ownership);
    },

    filters: {
      /** APIs, by their internal id. */
      apis: (ex: Executor, scope: Scope, column = 'apis.id'): ApiFilter => apiFilter(ex, scope, column),
      /** Policies, by id. */
      policies: (ex: Executor, scope: Scope, column = 'policies.id'): Filter => policyFilter(ex, scope, column),
      /** Keys, by id. */
      keys: (ex: Executor, scope: Scope, column = 'keys.id'): Filter => keyFilter(ex, scope, column),
      /** Analytics roll-ups, by public api_id. */
      analytics: (ex: Executor, scope: Scope, column = 'h.api_id'): Filter => analyticsFilter(ex, scope, column),
      /** Per-key analytics whose key may be named, by key hash (the others count as OTHER_KEYS). */
      identifiableKeys: (ex: Executor, scope: Scope, column = 'h.api_key'): Filter => identifiableKeyFilter(ex, scope, column),
      /** Audit log entries a reader may see (ownership, and which users and groups they may see). */
      audit: (ex: Executor, actor: Actor, table = 'audit_logs'): Filter => auditFilter(ex, actor, ownership, table),
      /** Admin Portal products, by id. */
      products: (ex: Executor, scope: Scope, column = 'products.id'): Filter => productFilter(ex, scope, column),
      /** Admin Portal apps, by id. */
      apps: (ex: Executor, scope: Scope, column = 'apps.id'): Filter => staffAppFilter(ex, scope, column),
      /** Admin Portal access requests, by product id. */
      accessRequests: (ex: Executor, scope: Scope, productIdColumn = 'ar.product_id'): Filter => staffAccessRequestFilter(ex, scope, productIdColumn),
      /** Live Portal: catalogues a visitor (signed in or not) may see, by id. */
      catalogues: (ex: Executor, reader: UserActor | null, column = 'catalogues.id'): Restricted => catalogueFilter(ex, reader, column),
      /** Live Portal: products listed in a catalogue the visitor may see, by id. */
      listedProducts: (ex: Executor, reader: UserActor | null, column = 'products.id'): Restricted => listedProductFilter(ex, reader, column),
      /** Live Portal: apps a consumer may read (`apps` table alias). */
      consumerApps: (ex: Executor, consumer: UserActor, table = 'apps'): Restricted => consumerAppFilter(ex, consumer, table),
      /** Live Portal: apps a consumer may change. */
      changeableApps: (ex: Executor, consumer: UserActor, table = 'apps'): Restricted => consumerAppChangeableFilter(ex, consumer, table),
      /** Live Portal: per-key analytics counted as one app's usage (its credentials' keys, if the consumer reads the app), by key hash. */
      consumerAppKeys: (ex: Executor, consumer: UserActor, appId: number, column = 'h.api_key'): Restricted => consumerAppKeyFilter(ex, consumer, appId, column),
    },

    /** Of these key hashes (named in an activity view), those an analytics scope may not identify (see analytics-visibility.ts). */
    unidentifiableKeyHashes: (ex: Executor, scope: Scope, hashes: string[]): Promise<string[]> => unidentifiableKeyHashes(ex, scope, hashes),
    /** Of these internal API ids (named in a request), those in scope. */
    visibleApiIds: (ex: Executor, scope: Scope, ids: number[]): Promise<Set<number>> => visibleAmong(ex, scope, ids),
    /** Does the scope hold this object: see every API it grants (see ownership.ts, holding)? */
    holds: (ex: Executor, scope: Scope, what: 'policy' | 'key' | 'product' | 'plan', id: number): Promise<boolean> => holds(ex, scope, what, id),
    /** Of these policy ids, those the scope holds. */
    heldPolicyIds: (ex: Executor, scope: Scope, ids: number[]): Promise<Set<number>> => heldPolicyIds(ex, scope, ids),

    /** Refuses to act on a user beyond the actor's reach (see reach.ts). */
    requireMayActOnUser: (ex: Executor, actor: Actor, target: ReachedUser): Promise<void> => requireMayActOnUser(ex, actor, ownership, target),
    /** Refuses to put anyone into, or change, a group beyond the actor's reach (see reach.ts). */
    requireMayActOnGroup: (ex: Executor, actor: Actor, group: ReachedGroup, field: string): Promise<void> => requireMayActOnGroup(ex, actor, ownership, group, field),
  };
}

export type Access = ReturnType<typeof createAccess>;
