import type { Executor } from '../db/database.js';

/** Whether the first administrator was ever created (the single `installation` row). */
export async function installationRecorded(ex: Executor): Promise<boolean> {
  return (await ex.selectFrom('installation').select('id').executeTakeFirst()) !== undefined;
}

/** The single row with the one possible primary key: a second bootstrap fails on it. */
export async function recordInstallation(ex: Executor, at: string, byUserId: number): Promise<void> {
  await ex.insertInto('installation').values({ id: 1, bootstrapped_at: at, bootstrapped_by: byUserId }).execute();
}
