import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import type { UserActor } from './actor.js';
import { idIn, restricted, type Filter, type Restricted } from './filter.js';
import type { Scope } from './ownership.js';
import { productFilter } from './product-visibility.js';

/**
 * Consumers' apps (Developer Portal). Who reads an app depends on its visibility:
 * `personal` only its owner; `team` also whoever shares a team with the owner;
 * `organisation` everyone in the owner's organisation. `appsTable` is the alias
 * of the `apps` table in the caller's query.
 */
export function consumerAppFilter(_ex: Executor, consumer: UserActor, appsTable = 'apps'): Restricted {
  const me = consumer.userId;
  const owner = sql.ref(`${appsTable}.user_id`);
  const visibility = sql.ref(`${appsTable}.visibility`);
  return restricted(sql<SqlBool>`(
    ${owner} = ${me}
    or (${visibility} = 'team' and exists (
          select 1 from team_members mine join team_members theirs on theirs.team_id = mine.team_id
          where mine.user_id = ${me} and theirs.user_id = ${owner}))
    or (${visibility} = 'organisation' and exists (
          select 1 from users ao join users me on me.organisation_id = ao.organisation_id
          where ao.id = ${owner} and me.id = ${me}))
  )`);
}

/**
 * Of the apps a consumer reads, those they may change, delete, request access
 * for and whose credentials they may reveal or rotate: their own, and for a
 * `consumer-admin` those of the members of their organisation.
 */
export function consumerAppChangeableFilter(ex: Executor, consumer: UserActor, appsTable = 'apps'): Restricted {
  const me = consumer.userId;
  const owner = sql.ref(`${appsTable}.user_id`);
  const visible = consumerAppFilter(ex, consumer, appsTable).where;
  if (consumer.role !== 'consumer-admin') return restricted(sql<SqlBool>`(${visible} and ${owner} = ${me})`);
  return restricted(sql<SqlBool>`(${visible} and (
    ${owner} = ${me}
    or exists (select 1 from users ao join users me on me.organisation_id = ao.organisation_id
               where ao.id = ${owner} and me.id = ${me})
  ))`);
}

/**
 * Apps in a staff member's API-ownership scope: those with at least one access
 * request for a product they can see, and those with no request at all (the
 * policies' rule: an app visible through any of its products is visible).
 */
export function staffAppFilter(ex: Executor, scope: Scope, appIdColumn: string): Filter {
  const product = productFilter(ex, scope, 'sr.product_id');
  if (product.kind === 'unrestricted') return product;
  const col = sql.ref(appIdColumn);
  // One set built from indexes: apps with no request (their maintained `request_count`, migration 0029) and those with a visible one.
  return restricted(
    idIn(
      ex,
      col,
      sql`select a0.id from apps a0 where a0.request_count = 0
          union select sr.app_id from access_requests sr where ${product.where}`,
    ),
  );
}

/** Access requests in a staff member's scope: those for a product they can see. */
export function staffAccessRequestFilter(ex: Executor, scope: Scope, productIdColumn: string): Filter {
  return productFilter(ex, scope, productIdColumn);
}
