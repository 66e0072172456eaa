import type { Executor } from '../db/database.js';

export async function insertResetToken(ex: Executor, row: { token_hash: string; user_id: number; created_at: string; expires_at: string }): Promise<void> {
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

/** The account of a live (unused, unexpired) link. */
export async function findLiveResetToken(ex: Executor, tokenHash: string, now: string): Promise<{ user_id: number } | undefined> {
  return ex
    .selectFrom('password_reset_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses up every link of the account: one reset ends them all. */
export async function useUpResetTokens(ex: Executor, userId: number, at: string): Promise<void> {
  await ex.updateTable('password_reset_tokens').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Drops links that expired more than a day ago. */
export async function deleteOldResetTokens(ex: Executor, before: string): Promise<void> {
  await ex.deleteFrom('password_reset_tokens').where('expires_at', '<', before).execute();
}
