import type { Executor } from '../db/database.js';

export async function recordFailedSignIn(ex: Executor, emailNormalized: string, ip: string, at: string): Promise<void> {
  await ex.insertInto('failed_sign_ins').values({ email_normalized: emailNormalized, ip, at }).execute();
}

/**
 * The times of the most recent failures (newest first, at most `limit`) for the
 * account and for the client address since `since`.
 */
export async function recentFailures(
  ex: Executor,
  emailNormalized: string,
  ip: string,
  since: string,
  limit: number,
): Promise<{ byAccount: string[]; byAddress: string[] }> {
  const [byAccount, byAddress] = await Promise.all([
    ex
      .selectFrom('failed_sign_ins')
      .select('at')
      .where('email_normalized', '=', emailNormalized)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute(),
    ex.selectFrom('failed_sign_ins').select('at').where('ip', '=', ip).where('at', '>', since).orderBy('at', 'desc').limit(limit).execute(),
  ]);
  return { byAccount: byAccount.map((r) => r.at), byAddress: byAddress.map((r) => r.at) };
}

export async function clearFailures(ex: Executor, emailNormalized: string): Promise<void> {
  await ex.deleteFrom('failed_sign_ins').where('email_normalized', '=', emailNormalized).execute();
}

export async function pruneFailures(ex: Executor, before: string): Promise<void> {
  await ex.deleteFrom('failed_sign_ins').where('at', '<=', before).execute();
}
