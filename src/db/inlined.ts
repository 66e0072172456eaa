import { sql, type RawBuilder } from 'kysely';

/**
 * An integer written into a statement's text instead of bound as a parameter.
 *
 * PostgreSQL plans a prepared statement that has parameters afresh on every run
 * whenever it estimates the generic plan even slightly dearer than a fresh one.
 * The scope subqueries of a restricted list (src/access) always are: planning an
 * owner's first page of the audit log took 2 of its 5 ms in the database. A
 * statement without parameters keeps its plan for as long as its connection
 * keeps it prepared (src/db/database.ts), so a restricted list writes the
 * reader's ids and its page window into the text.
 *
 * Only for integers the server itself holds (a signed-in reader's ids, a parsed
 * page window); text stays bound.
 */
export function inlined(n: number): RawBuilder<number> {
  if (!Number.isSafeInteger(n)) throw new TypeError(`inlined: ${n} is not an integer`);
  return sql.lit(n);
}
