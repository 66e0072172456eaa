import type { Executor } from './database.js';
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
