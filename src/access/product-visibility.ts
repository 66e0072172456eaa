import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { idIn, restricted, type Filter } from './filter.js';
import { ownedApiIds, type Scope } from './ownership.js';

/**
 * Products in an actor's API-ownership scope: those exposing at least one visible
 * API, and those exposing none (the same rule as policies). Anything tied to a
 * product (its documentation, guides, access requests) follows it.
 *
 * Written with `in (set)` rather than correlated EXISTS so that it stays right
 * when nested in other conditions (SQLite 3.53 mis-answers nested EXISTS).
 */
export function productFilter(ex: Executor, scope: Scope, productIdColumn: string): Filter {
  if (scope.kind === 'unrestricted') return scope;
  const visible = ownedApiIds(ex, scope);
  const col = sql.ref(productIdColumn);
  // One set built from indexes: products exposing none (their maintained `api_count`, migration 0029) and those exposing a visible API.
  return restricted(
    idIn(
      ex,
      col,
      sql`select p0.id from products p0 where p0.api_count = 0
          union select pa.product_id from product_apis pa where pa.api_id in (${visible})`,
    ),
  );
}
