import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { SsoIdentitiesTable } from '../../db/schema.js';

export type SsoIdentityRow = Selectable<SsoIdentitiesTable>;

export async function findSsoIdentity(ex: Executor, issuer: string, subject: string): Promise<SsoIdentityRow | undefined> {
  return ex.selectFrom('sso_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

/** Whether the account is already linked to another identity of this issuer (one identity per provider and account). */
export async function findSsoIdentityOfUser(ex: Executor, issuer: string, userId: number): Promise<SsoIdentityRow | undefined> {
  return ex.selectFrom('sso_identities').selectAll().where('issuer', '=', issuer).where('user_id', '=', userId).executeTakeFirst();
}

export async function insertSsoIdentity(ex: Executor, row: Omit<SsoIdentityRow, 'id'>): Promise<void> {
  await ex.insertInto('sso_identities').values(row).execute();
}

export async function touchSsoIdentity(ex: Executor, id: number, patch: { email: string; last_sign_in_at: string }): Promise<void> {
  await ex.updateTable('sso_identities').set(patch).where('id', '=', id).execute();
}
