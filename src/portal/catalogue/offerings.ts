import { PostgresAdapter, sql } from 'kysely';
import type { Actor, UserActor } from '../../access/actor.js';
import { unrestricted, type Access } from '../../access/access.js';
import type { Executor } from '../../db/database.js';
import { Invalid } from '../../errors.js';
import { releaseBackingPolicy, syncBackingPolicy } from '../../policies/backing-policies.js';
import { findPlan, plansByIds, type PlanRow } from './plans.repository.js';
import { apiRowIdsOfProducts, findProduct, productsByIds, type ProductRow } from './products.repository.js';

/**
 * Offerings: a product and a plan that share a catalogue. Each is backed by a
 * Dashboard policy (the product's APIs, the plan's limits), kept in step in the
 * transaction of every change that touches either side or their catalogues.
 */

export interface Offering {
  productId: number;
  planId: number;
  catalogueId: number;
  policyId: number;
  autoApprove: boolean;
  keyExpiresIn: number;
  productName: string;
  planName: string;
}

/**
 * Offerings are derived from rows two transactions may change at once (one adds
 * a product to a catalogue, the other a plan): on PostgreSQL they take turns, so
 * that the second, reading after the first commits, sees the pair. SQLite runs
 * one writer at a time already.
 */
async function lockOfferings(ex: Executor): Promise<void> {
  if (ex.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(hashtext('portcullis:offerings'))`.execute(ex);
}

const pairKey = (productId: number, planId: number): string => `${productId}:${planId}`;

export function backingPolicyName(product: Pick<ProductRow, 'name'>, plan: Pick<PlanRow, 'name'>): string {
  return `Portal: ${product.name} / ${plan.name}`;
}

/** Product/plan pairs sharing a catalogue, among those involving these products or plans. */
async function currentPairs(ex: Executor, productIds: number[], planIds: number[]): Promise<{ product_id: number; plan_id: number }[]> {
  if (productIds.length === 0 && planIds.length === 0) return [];
  return ex
    .selectFrom('catalogue_products as cp')
    .innerJoin('catalogue_plans as cl', 'cl.catalogue_id', 'cp.catalogue_id')
    .select(['cp.product_id', 'cl.plan_id'])
    .distinct()
    .where((eb) =>
      eb.or([
        ...(productIds.length > 0 ? [eb('cp.product_id', 'in', productIds)] : []),
        ...(planIds.length > 0 ? [eb('cl.plan_id', 'in', planIds)] : []),
      ]),
    )
    .execute();
}

async function linksOf(ex: Executor, productIds: number[], planIds: number[]) {
  if (productIds.length === 0 && planIds.length === 0) return [];
  return ex
    .selectFrom('product_plan_policies')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(productIds.length > 0 ? [eb('product_id', 'in', productIds)] : []),
        ...(planIds.length > 0 ? [eb('plan_id', 'in', planIds)] : []),
      ]),
    )
    .execute();
}

async function writePolicy(ex: Executor, actor: Actor, product: ProductRow, plan: PlanRow, apiRowIds: number[], policyId: number | null): Promise<number> {
  return syncBackingPolicy(ex, actor, policyId, {
    name: backingPolicyName(product, plan),
    apiRowIds,
    limits: { rate: plan.rate, per: plan.per, quota_max: plan.quota_max, quota_renewal_rate: plan.quota_renewal_rate },
    keyExpiresIn: plan.key_expires_in,
    productId: product.id,
    planId: plan.id,
  });
}

/**
 * Brings the backing policies of every offering involving these products or plans
 * in step: creates those of new pairs, rewrites the others (only when something
 * changed), and for pairs that no longer share a catalogue deletes the policy
 * unless keys still use it (then it stays linked, and in step, until they go).
 * Call inside the transaction of the change, after the change.
 */
export async function syncOfferings(ex: Executor, actor: Actor, touched: { productIds?: number[]; planIds?: number[] }): Promise<void> {
  const productIds = [...new Set(touched.productIds ?? [])];
  const planIds = [...new Set(touched.planIds ?? [])];
  if (productIds.length === 0 && planIds.length === 0) return;
  await lockOfferings(ex);
  const pairs = await currentPairs(ex, productIds, planIds);
  const links = await linksOf(ex, productIds, planIds);
  const live = new Set(pairs.map((p) => pairKey(p.product_id, p.plan_id)));
  const linked = new Map(links.map((l) => [pairKey(l.product_id, l.plan_id), l.policy_id]));

  const allProducts = [...new Set([...pairs.map((p) => p.product_id), ...links.map((l) => l.product_id)])];
  const allPlans = [...new Set([...pairs.map((p) => p.plan_id), ...links.map((l) => l.plan_id)])];
  if (allProducts.length === 0) return;
  const products = new Map((await productsByIds(ex, allProducts)).map((p) => [p.id, p]));
  const plans = new Map((await plansByIds(ex, allPlans)).map((p) => [p.id, p]));
  const apis = await apiRowIdsOfProducts(ex, allProducts);

  for (const { product_id, plan_id } of pairs) {
    const policyId = linked.get(pairKey(product_id, plan_id)) ?? null;
    const id = await writePolicy(ex, actor, products.get(product_id)!, plans.get(plan_id)!, apis.get(product_id) ?? [], policyId);
    if (policyId === null) await ex.insertInto('product_plan_policies').values({ product_id, plan_id, policy_id: id }).execute();
    else if (id !== policyId) await ex.updateTable('product_plan_policies').set({ policy_id: id }).where('product_id', '=', product_id).where('plan_id', '=', plan_id).execute();
  }
  for (const l of links) {
    if (live.has(pairKey(l.product_id, l.plan_id))) continue;
    // Deleting the policy removes the link with it (cascade).
    if (await releaseBackingPolicy(ex, actor, l.policy_id)) continue;
    const product = products.get(l.product_id);
    const plan = plans.get(l.plan_id);
    if (product && plan) await writePolicy(ex, actor, product, plan, apis.get(l.product_id) ?? [], l.policy_id);
  }
}

/** Before a product or plan row goes: releases its backing policies (kept while keys use them). */
export async function releaseOfferingsOf(ex: Executor, actor: Actor, which: { productId?: number; planId?: number }): Promise<void> {
  await lockOfferings(ex);
  const links = await linksOf(ex, which.productId !== undefined ? [which.productId] : [], which.planId !== undefined ? [which.planId] : []);
  for (const l of links) await releaseBackingPolicy(ex, actor, l.policy_id);
}

/**
 * The offering a consumer asks for: the product and the plan must both be listed
 * in one catalogue the consumer may see; anything else answers exactly like an
 * unknown product or plan. Ensures the backing policy exists (inside `ex`).
 */
export async function resolveOffering(ex: Executor, access: Access, consumer: UserActor, productId: number, planId: number): Promise<Offering> {
  const noProduct = new Invalid('ProductID', 'no such product');
  const noPlan = new Invalid('PlanID', 'no such plan');
  // Any product first; then whether a catalogue the consumer sees lists it.
  const product = await findProduct(ex, productId, unrestricted('checked against the catalogues just below'));
  if (!product) throw noProduct;
  const visibleWithProduct = await ex
    .selectFrom('catalogue_products as cp')
    .select('cp.catalogue_id')
    .where('cp.product_id', '=', productId)
    .where(access.filters.catalogues(ex, consumer, 'cp.catalogue_id').where)
    .orderBy('cp.catalogue_id')
    .execute();
  if (visibleWithProduct.length === 0) throw noProduct;
  const plan = await findPlan(ex, planId);
  if (!plan) throw noPlan;
  const shared = await ex
    .selectFrom('catalogue_plans')
    .select('catalogue_id')
    .where('plan_id', '=', planId)
    .where(
      'catalogue_id',
      'in',
      visibleWithProduct.map((c) => c.catalogue_id),
    )
    .orderBy('catalogue_id')
    .executeTakeFirst();
  if (!shared) throw noPlan;

  const linkOf = () => ex.selectFrom('product_plan_policies').select('policy_id').where('product_id', '=', productId).where('plan_id', '=', planId).executeTakeFirst();
  let policyId = (await linkOf())?.policy_id;
  if (policyId === undefined) {
    // Normally made when the pair appeared; made here if missing, once.
    await lockOfferings(ex);
    policyId = (await linkOf())?.policy_id;
  }
  if (policyId === undefined) {
    const apis = (await apiRowIdsOfProducts(ex, [productId])).get(productId) ?? [];
    policyId = await writePolicy(ex, consumer, product, plan, apis, null);
    await ex.insertInto('product_plan_policies').values({ product_id: productId, plan_id: planId, policy_id: policyId }).execute();
  }
  return {
    productId,
    planId,
    catalogueId: shared.catalogue_id,
    policyId,
    autoApprove: plan.auto_approve === 1,
    keyExpiresIn: plan.key_expires_in,
    productName: product.name,
    planName: plan.name,
  };
}
