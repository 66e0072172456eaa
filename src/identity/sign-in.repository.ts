import type { Executor } from '../db/database.js';

/**
 * Records a sign-in attempt before its outcome is known and answers the row's id.
 * The row stays as a failure unless the attempt is refused unchecked (429), the
 * account turns out inactive, or the sign-in succeeds; see the sign-in service.
 * Run it on the database, not in a transaction: it must be committed before the
 * attempt counts the others (see `failuresBeside`).
 */
export async function recordSignInAttempt(ex: Executor, emailNormalized: string, ip: string, at: string): Promise<number> {
  const row = await ex.insertInto('failed_sign_ins').values({ email_normalized: emailNormalized, ip, at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The times of the most recent failed or pending attempts (newest first, at most
 * `limit`) for the account and for the client address since `since`, other than
 * the attempt `ownId` itself. Called after that attempt's row was committed: a
 * statement sees every row committed before it began (also under PostgreSQL's
 * READ COMMITTED), so of N concurrent attempts the k-th to be recorded sees at
 * least k-1 others, and no more than the limit ever get to check a password.
 */
export async function failuresBeside(
  ex: Executor,
  ownId: number,
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
      .where('id', '!=', ownId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute(),
    ex
      .selectFrom('failed_sign_ins')
      .select('at')
      .where('ip', '=', ip)
      .where('at', '>', since)
      .where('id', '!=', ownId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { byAccount: byAccount.map((r) => r.at), byAddress: byAddress.map((r) => r.at) };
}

/** Drops one attempt's row: it was refused unchecked, or it was no failure after all. */
export async function forgetSignInAttempt(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('failed_sign_ins').where('id', '=', id).execute();
}

export async function clearFailures(ex: Executor, emailNormalized: string): Promise<void> {
  await ex.deleteFrom('failed_sign_ins').where('email_normalized', '=', emailNormalized).execute();
}

export async function pruneFailures(ex: Executor, before: string): Promise<void> {
  await ex.deleteFrom('failed_sign_ins').where('at', '<=', before).execute();
}
