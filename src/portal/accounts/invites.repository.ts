import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { InvitesTable } from '../../db/schema.js';

export type InviteRow = Selectable<InvitesTable>;

export async function insertInvite(ex: Executor, row: Insertable<InvitesTable>): Promise<void> {
  await ex.insertInto('invites').values(row).execute();
}

/** The invitation with this token hash, unless it was used or has expired at `now`. */
export async function findOpenInvite(ex: Executor, tokenHash: string, now: string): Promise<InviteRow | undefined> {
  return ex.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
}

export async function markInviteUsed(ex: Executor, tokenHash: string, at: string): Promise<void> {
  await ex.updateTable('invites').set({ used_at: at }).where('token_hash', '=', tokenHash).execute();
}
