import type { Executor } from '../../db/database.js';

/** A credential with its key's public face (hash, expiry) and what minting its key needs. */
export interface CredentialDetail {
  id: number;
  access_request_id: number;
  app_id: number;
  key_id: number | null;
  revealed: number;
  created_at: string;
  updated_at: string;
  key_hash: string | null;
  key_expires: number | null;
  product_id: number;
  product_name: string;
  plan_id: number;
  plan_key_expires_in: number;
  /** The backing policy of the request's product and plan; null when the offering is gone. */
  policy_id: number | null;
  /** DCR products: the client registered at the provider; null otherwise. */
  oauth_client_id: string | null;
  /** Its secret, encrypted, until shown once. */
  oauth_client_secret_enc: string | null;
}

function detailed(ex: Executor) {
  return ex
    .selectFrom('credentials as cr')
    .innerJoin('access_requests as ar', 'ar.id', 'cr.access_request_id')
    .innerJoin('products as p', 'p.id', 'ar.product_id')
    .innerJoin('plans as pl', 'pl.id', 'ar.plan_id')
    .leftJoin('keys as k', 'k.id', 'cr.key_id')
    .leftJoin('product_plan_policies as ppp', (j) => j.onRef('ppp.product_id', '=', 'ar.product_id').onRef('ppp.plan_id', '=', 'ar.plan_id'))
    .select([
      'cr.id',
      'cr.access_request_id',
      'cr.app_id',
      'cr.key_id',
      'cr.revealed',
      'cr.created_at',
      'cr.updated_at',
      'k.key_hash as key_hash',
      'k.expires as key_expires',
      'ar.product_id',
      'p.name as product_name',
      'ar.plan_id',
      'pl.key_expires_in as plan_key_expires_in',
      'ppp.policy_id as policy_id',
      'cr.oauth_client_id',
      'cr.oauth_client_secret_enc',
    ]);
}

/** The credentials of these requests, by request id. */
export async function credentialsOfRequests(ex: Executor, requestIds: number[]): Promise<Map<number, CredentialDetail[]>> {
  const out = new Map<number, CredentialDetail[]>();
  if (requestIds.length === 0) return out;
  // Their ids first, from credentials alone: a page of requests often has none, and then the
  // six-way join (planned anew on every call, ~1 ms on PostgreSQL) is not needed at all.
  const ids = (await ex.selectFrom('credentials').select('id').where('access_request_id', 'in', requestIds).execute()).map((r) => r.id);
  if (ids.length === 0) return out;
  const rows = await detailed(ex).where('cr.id', 'in', ids).orderBy('cr.id').execute();
  for (const r of rows) {
    const list = out.get(r.access_request_id) ?? [];
    list.push(r);
    out.set(r.access_request_id, list);
  }
  return out;
}

export async function findCredential(ex: Executor, appId: number, id: number): Promise<CredentialDetail | undefined> {
  return detailed(ex).where('cr.app_id', '=', appId).where('cr.id', '=', id).executeTakeFirst();
}

export async function insertCredential(ex: Executor, requestId: number, appId: number, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('credentials')
    .values({ access_request_id: requestId, app_id: appId, key_id: null, revealed: 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Claims the one-time reveal of a credential; false when it was already
 * revealed (by a concurrent reveal), so that a secret is minted and shown once.
 */
export async function claimReveal(ex: Executor, id: number, at: string): Promise<boolean> {
  const res = await ex.updateTable('credentials').set({ revealed: 1, updated_at: at }).where('id', '=', id).where('revealed', '=', 0).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Back to "never revealed": the next reveal by the app's owner mints a new key. */
export async function unrevealCredential(ex: Executor, id: number, at: string): Promise<void> {
  await ex.updateTable('credentials').set({ key_id: null, revealed: 0, updated_at: at }).where('id', '=', id).execute();
}

/** A DCR credential's client secret is forgotten once shown. */
export async function forgetClientSecret(ex: Executor, id: number, at: string): Promise<void> {
  await ex.updateTable('credentials').set({ oauth_client_secret_enc: null, updated_at: at }).where('id', '=', id).execute();
}

/** A DCR credential gets its key at approval (the gateway maps the client's tokens to it); it stays "never revealed" until the consumer sees the client secret. */
export async function setClientCredentialKey(ex: Executor, id: number, keyId: number, at: string): Promise<void> {
  await ex.updateTable('credentials').set({ key_id: keyId, updated_at: at }).where('id', '=', id).execute();
}

export async function setCredentialKey(ex: Executor, id: number, keyId: number, at: string): Promise<void> {
  await ex.updateTable('credentials').set({ key_id: keyId, revealed: 1, updated_at: at }).where('id', '=', id).execute();
}

/** The keys behind the credentials of an app, or of one request. */
export async function keyIdsOfCredentials(ex: Executor, where: { appId: number } | { requestId: number }): Promise<number[]> {
  let q = ex.selectFrom('credentials').select('key_id').where('key_id', 'is not', null);
  q = 'appId' in where ? q.where('app_id', '=', where.appId) : q.where('access_request_id', '=', where.requestId);
  const rows = await q.execute();
  return rows.map((r) => r.key_id).filter((id): id is number => id !== null);
}
