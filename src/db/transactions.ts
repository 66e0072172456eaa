import { sql, type Transaction } from 'kysely';
import { Conflict } from '../errors.js';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

/**
 * Serialises changes that must see a stable set of administrators (bootstrap, the
 * last-administrator guard). SQLite already runs one transaction at a time on our
 * single connection; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockAdministrators(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('portcullis:administrators'))`.execute(trx);
}

/** Is this a unique-constraint violation from either database? */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs `work`, turning a unique-constraint violation (a concurrent insert of the
 * same name slipping past the service's own check) into the 409 `message`.
 */
export async function conflictOnUnique<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(message);
    throw err;
  }
}
