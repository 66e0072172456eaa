import { sql } from 'kysely';
import type { Store } from '../../src/db/database.js';

export type RowCounts = Record<string, number>;

/** The tables of the store, read from its catalogue (so a new table is counted without editing this). */
async function tablesOf(store: Store): Promise<string[]> {
  const q =
    store.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await q.execute(store.db)).rows.map((r) => r.name);
}

/**
 * A function that reads the row count of every table in one query: what a
 * refused request must leave unchanged.
 */
export async function rowCounter(store: Store): Promise<() => Promise<RowCounts>> {
  const tables = await tablesOf(store);
  const union = tables.map((t) => `select '${t}' as name, count(*) as n from "${t}"`).join(' union all ');
  const query = sql.raw<{ name: string; n: number | string }>(union);
  return async () => Object.fromEntries((await query.execute(store.db)).rows.map((r) => [r.name, Number(r.n)]));
}

/** The tables whose count differs, as "table: before → after". */
export function countChanges(before: RowCounts, after: RowCounts): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t] ?? 0} → ${after[t] ?? 0}`);
}
