import type { Executor } from '../db/database.js';

export interface NewSession {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_used_at: string;
  ip: string;
  user_agent: string;
}

export async function insertSession(ex: Executor, s: NewSession): Promise<void> {
  await ex.insertInto('sessions').values(s).execute();
}

export async function deleteSession(ex: Executor, tokenHash: string): Promise<void> {
  await ex.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user, except the one named (the caller's own). */
export async function deleteUserSessions(ex: Executor, userId: number, except: string | null = null): Promise<void> {
  let q = ex.deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== null) q = q.where('token_hash', '!=', except);
  await q.execute();
}

export async function touchSession(ex: Executor, tokenHash: string, at: string): Promise<void> {
  await ex.updateTable('sessions').set({ last_used_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(ex: Executor, now: string): Promise<void> {
  await ex.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function findSession(ex: Executor, tokenHash: string): Promise<{ user_id: number; email: string } | undefined> {
  return ex
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 'u.email'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Ends every session and discards the access key of each member of a group (the
 * group was deactivated): for good, so that reactivating the group revives
 * neither. Members sign in again and have their key reset.
 */
export async function endGroupMembersCredentials(ex: Executor, groupId: number): Promise<void> {
  await ex
    .deleteFrom('sessions')
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('group_id', '=', groupId))
    .execute();
  await ex.updateTable('users').set({ access_key_hash: null, access_key_hint: null }).where('group_id', '=', groupId).execute();
}
