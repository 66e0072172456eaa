import { sql, type Expression, type SqlBool } from 'kysely';
import { isPostgres, type Executor } from '../db/database.js';

/*
 * The one shape in which src/access hands repositories the rows a query may
 * return. Repositories AND it into their SQL (`if (f.kind === 'restricted')
 * q = q.where(f.where)`); they never build it themselves, and nothing loads a
 * list to filter it in JavaScript afterwards.
 */

/**
 * Every row, on purpose. The reason says why this call may see everything
 * ('administrator', 'API ownership is off', 'read back the row this call just
 * wrote', ...), so that a bypass is always named where it is decided.
 */
export interface Unrestricted {
  readonly kind: 'unrestricted';
  readonly reason: string;
}

/** Only the rows matching `where`, an SQL condition on the caller's query. */
export interface Restricted {
  readonly kind: 'restricted';
  readonly where: Expression<SqlBool>;
}

export type Filter = Unrestricted | Restricted;

/** The explicit bypass: an unrestricted API scope and an unrestricted row filter alike. */
export function unrestricted(reason: string): Unrestricted {
  return { kind: 'unrestricted', reason };
}

export function restricted(where: Expression<SqlBool>): Restricted {
  return { kind: 'restricted', where };
}

/** No row at all. */
export const NO_ROW: Restricted = restricted(sql<SqlBool>`1 = 0`);

/**
 * The rows a filter leaves out: for an unrestricted filter, none. Used where a
 * scoped change keeps what the caller cannot see (the APIs of a policy, a key or
 * a product, the products of a catalogue). Every condition here compares
 * non-null id columns, so `not (...)` is the exact complement.
 */
export function complement(f: Filter): Restricted {
  return f.kind === 'unrestricted' ? NO_ROW : restricted(sql<SqlBool>`not (${f.where})`);
}

/**
 * `column` is one of the ids `set` (a subquery of ids) selects. On PostgreSQL
 * written `= any(array(set))`: the set is computed once and the rows are read
 * by their primary key in id order, where `in (set)` let the planner walk the
 * whole primary key to find a small set's first page (an owner's 200 policies
 * of 100,000). SQLite plans `in (set)` from the set already.
 */
export function idIn(ex: Executor, column: Expression<unknown>, set: Expression<unknown>): Expression<SqlBool> {
  return isPostgres(ex) ? sql<SqlBool>`${column} = any(array(${set}))` : sql<SqlBool>`${column} in (${set})`;
}
