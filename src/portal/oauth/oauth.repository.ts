import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OauthClientTypesTable, OauthProvidersTable } from '../../db/schema.js';

export type ProviderRow = Omit<OauthProvidersTable, 'id'> & { id: number };
export type ClientTypeRow = Omit<OauthClientTypesTable, 'id'> & { id: number };

export async function listProviders(ex: Executor): Promise<ProviderRow[]> {
  return ex.selectFrom('oauth_providers').selectAll().orderBy('id').execute();
}

export async function findProvider(ex: Executor, id: number): Promise<ProviderRow | undefined> {
  return ex.selectFrom('oauth_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProvider(ex: Executor, row: Insertable<OauthProvidersTable>): Promise<number> {
  const { id } = await ex.insertInto('oauth_providers').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateProvider(ex: Executor, id: number, set: Updateable<OauthProvidersTable>): Promise<void> {
  await ex.updateTable('oauth_providers').set(set).where('id', '=', id).execute();
}

export async function deleteProvider(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('oauth_providers').where('id', '=', id).execute();
}

export async function clientTypesOf(ex: Executor, providerId: number): Promise<ClientTypeRow[]> {
  return ex.selectFrom('oauth_client_types').selectAll().where('provider_id', '=', providerId).orderBy('id').execute();
}

export async function findClientType(ex: Executor, id: number): Promise<ClientTypeRow | undefined> {
  return ex.selectFrom('oauth_client_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClientType(ex: Executor, row: Insertable<OauthClientTypesTable>): Promise<number> {
  const { id } = await ex.insertInto('oauth_client_types').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateClientType(ex: Executor, id: number, set: Updateable<OauthClientTypesTable>): Promise<void> {
  await ex.updateTable('oauth_client_types').set(set).where('id', '=', id).execute();
}

export async function deleteClientType(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('oauth_client_types').where('id', '=', id).execute();
}

/** How many products use the client type, or any client type of the provider. */
export async function productsUsing(ex: Executor, by: { clientTypeId: number } | { providerId: number }): Promise<number> {
  let q = ex.selectFrom('product_client_types as pct').innerJoin('oauth_client_types as ct', 'ct.id', 'pct.client_type_id').select((eb) => eb.fn.count<number>('pct.product_id').distinct().as('n'));
  q = 'clientTypeId' in by ? q.where('ct.id', '=', by.clientTypeId) : q.where('ct.provider_id', '=', by.providerId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function clientTypesOfProduct(ex: Executor, productId: number): Promise<ClientTypeRow[]> {
  return ex
    .selectFrom('product_client_types as pct')
    .innerJoin('oauth_client_types as ct', 'ct.id', 'pct.client_type_id')
    .selectAll('ct')
    .where('pct.product_id', '=', productId)
    .orderBy('ct.id')
    .execute();
}

export async function attachClientType(ex: Executor, productId: number, clientTypeId: number): Promise<boolean> {
  const res = await ex.insertInto('product_client_types').values({ product_id: productId, client_type_id: clientTypeId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function detachClientType(ex: Executor, productId: number, clientTypeId: number): Promise<boolean> {
  const res = await ex.deleteFrom('product_client_types').where('product_id', '=', productId).where('client_type_id', '=', clientTypeId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The client types of each product (in attachment-id order), for views of several products. */
export async function clientTypesOfProducts(ex: Executor, productIds: number[]): Promise<Map<number, ClientTypeRow[]>> {
  const out = new Map<number, ClientTypeRow[]>();
  if (productIds.length === 0) return out;
  const rows = await ex
    .selectFrom('product_client_types as pct')
    .innerJoin('oauth_client_types as ct', 'ct.id', 'pct.client_type_id')
    .selectAll('ct')
    .select('pct.product_id')
    .where('pct.product_id', 'in', productIds)
    .orderBy('ct.id')
    .execute();
  for (const { product_id, ...ct } of rows) out.set(product_id, [...(out.get(product_id) ?? []), ct]);
  return out;
}

/**
 * Pending access requests that the deletion of `deleted` client types leaves
 * with nothing to register a client with: those that chose one of them, and
 * those that chose none for a product whose client types are all among them.
 */
export async function pendingRequestsStrandedBy(ex: Executor, deleted: number[]): Promise<number[]> {
  if (deleted.length === 0) return [];
  const rows = await ex
    .selectFrom('access_requests as ar')
    .select('ar.id')
    .where('ar.status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('ar.client_type_id', 'in', deleted),
        eb.and([
          eb('ar.client_type_id', 'is', null),
          eb.exists(eb.selectFrom('product_client_types as pct').select('pct.product_id').whereRef('pct.product_id', '=', 'ar.product_id').where('pct.client_type_id', 'in', deleted)),
          eb.not(eb.exists(eb.selectFrom('product_client_types as pct').select('pct.product_id').whereRef('pct.product_id', '=', 'ar.product_id').where('pct.client_type_id', 'not in', deleted))),
        ]),
      ]),
    )
    .orderBy('ar.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * After a client type was detached from a product: the product's pending
 * requests that chose it, and — when the product has no client type left — those
 * that chose none (they would have used its first).
 */
export async function pendingRequestsStrandedByDetach(ex: Executor, productId: number, detached: number): Promise<number[]> {
  const rows = await ex
    .selectFrom('access_requests as ar')
    .select('ar.id')
    .where('ar.status', '=', 'pending')
    .where('ar.product_id', '=', productId)
    .where((eb) =>
      eb.or([
        eb('ar.client_type_id', '=', detached),
        eb.and([eb('ar.client_type_id', 'is', null), eb.not(eb.exists(eb.selectFrom('product_client_types as pct').select('pct.product_id').where('pct.product_id', '=', productId)))]),
      ]),
    )
    .orderBy('ar.id')
    .execute();
  return rows.map((r) => r.id);
}
