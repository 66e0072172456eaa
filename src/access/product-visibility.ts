import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import { visibleApiIds, type ApiScope } from './ownership.js';

/**
 * Products in an actor's API-ownership scope: those exposing at least one visible
 * API, and those exposing none (the same rule as policies). Anything tied to a
 * product (its documentation, guides, access requests) follows it.
 * Undefined means "no restriction".
 *
 * Written with `in (set)` rather than correlated EXISTS so that it stays right
 * when nested in other conditions (SQLite 3.53 mis-answers nested EXISTS).
 */
export function productVisibleCondition(ex: Executor, scope: ApiScope, productIdColumn: string): Expression<SqlBool> | undefined {
  const visible = visibleApiIds(ex, scope);
  if (!visible) return undefined;
  const col = sql.ref(productIdColumn);
  const exposing = ex.selectFrom('product_apis as pa').select('pa.product_id');
  return sql<SqlBool>`(
    ${col} not in (${exposing})
    or ${col} in (${exposing.where('pa.api_id', 'in', visible)})
  )`;
}
