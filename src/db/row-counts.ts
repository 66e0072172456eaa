import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from './database.js';
import { inlined } from './inlined.js';
import type { RowCounter } from './schema.js';

/**
 * The number of rows of a whole list, as the triggers of migration 0028 keep it
 * (in the same transaction as every insert and delete). For an unfiltered list
 * seen whole only: anything narrower counts what it selects.
 */
export async function rowCount(ex: Executor, name: RowCounter): Promise<number> {
  const row = await ex.selectFrom('row_counts').select('n').where('name', '=', name).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The maintained count of a whole list as a column of its page's statement, so
 * that the page and its total come in one round trip. Read it back with
 * `pageWithTotal` (a page past the end has no row to carry it: `rowCount` then).
 */
function maintainedTotal(name: RowCounter) {
  return sql<number>`(select n from row_counts where name = ${sql.lit(name)})`.as('total');
}

/** A page of a whole list (`rows`: its ordered query) and the list's maintained count, in one statement. */
export async function pageOfWhole<DB, TB extends keyof DB, O>(
  ex: Executor,
  name: RowCounter,
  rows: SelectQueryBuilder<DB, TB, O>,
  page: { offset: number; limit: number },
): Promise<{ rows: O[]; total: number }> {
  // Kysely cannot type a column added to a generic query: the rows are O plus `total`, which pageWithTotal takes off.
  const found = (await rows.select(maintainedTotal(name)).limit(page.limit).offset(page.offset).execute()) as (O & { total: number })[];
  const { rows: pageRows, total } = await pageWithTotal(found, page.offset, () => rowCount(ex, name));
  return { rows: pageRows as O[], total };
}

/**
 * What a page of a restricted list carries beside its ids: how many rows its
 * filter selects in all, so that the reader's set is computed once for both.
 * (Without a set to share, a count and an indexed page cost less than a window
 * over every matching row: unrestricted lists count apart.)
 */
export const windowTotal = sql<number>`count(*) over ()`.as('total');

/**
 * A page's window written into the statement, as restricted lists write the
 * reader's scope (src/db/inlined.ts): with no parameter left, the statement
 * keeps its plan. For the lists an owner or a consumer reads through a scope.
 */
export function inlinedWindow<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, page: { offset: number; limit: number }): SelectQueryBuilder<DB, TB, O> {
  return q.limit(inlined(page.limit)).offset(inlined(page.offset));
}

/**
 * A page read with `windowTotal`: its rows without that column, and the total.
 * A page past the end has no row to carry it: then `count` answers.
 */
export async function pageWithTotal<R extends { total: number | string }>(found: R[], offset: number, count: () => Promise<number>): Promise<{ rows: Omit<R, 'total'>[]; total: number }> {
  const total = found.length > 0 ? Number(found[0]!.total) : offset === 0 ? 0 : await count();
  return { rows: found.map(({ total: _, ...row }) => row), total };
}
