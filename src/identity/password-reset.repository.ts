import { sql, type Transaction } from 'kysely';
import type { Dialect, Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * Serialises reset requests for one client address and one account, so that
 * counting recent links and adding one is atomic: under PostgreSQL's READ
 * COMMITTED, concurrent requests would otherwise all count the same links and
 * all send one. SQLite runs one transaction at a time on our single connection.
 * The address is always locked before the account, so two requests never wait
 * on each other in a cycle.
 */
export async function lockResetRequests(trx: Transaction<Database>, dialect: Dialect, requestedFrom: string, userId: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`portcullis:reset-from:${requestedFrom}`}))`.execute(trx);
  await sql`select pg_advisory_xact_lock(hashtext(${`portcullis:reset-for:${userId}`}))`.execute(trx);
}

export async function insertResetToken(
  ex: Executor,
  row: { token_hash: string; user_id: number; created_at: string; expires_at: string; requested_from: string },
): Promise<void> {
  await ex.insertInto('password_reset_tokens').values({ ...row, used_at: null }).execute();
}

/** How many links were sent to this account since `since` (to keep the endpoint from flooding a mailbox). */
export async function countRecentResetTokens(ex: Executor, userId: number, since: string): Promise<number> {
  const { n } = await ex
    .selectFrom('password_reset_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** How many links one client address had sent since `since` (to keep it from mailing many accounts). */
export async function countRecentResetTokensFrom(ex: Executor, requestedFrom: string, since: string): Promise<number> {
  const { n } = await ex
    .selectFrom('password_reset_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('requested_from', '=', requestedFrom)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Uses a live (unused, unexpired) link and answers its account. A conditional
 * update, so that of two concurrent uses of one link only one finds it live.
 */
export async function useResetToken(ex: Executor, tokenHash: string, now: string): Promise<number | undefined> {
  const row = await ex
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Uses up every link of the account: one reset ends them all. */
export async function useUpResetTokens(ex: Executor, userId: number, at: string): Promise<void> {
  await ex.updateTable('password_reset_tokens').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Drops links that expired more than a day ago. */
export async function deleteOldResetTokens(ex: Executor, before: string): Promise<void> {
  await ex.deleteFrom('password_reset_tokens').where('expires_at', '<', before).execute();
}
