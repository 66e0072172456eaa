import type { Actor } from '../../access/actor.js';
import type { Access } from '../../access/access.js';
import { requireHolds, requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { conflictOnUnique } from '../../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../../errors.js';
import { portalWindow } from '../../pagination.js';
import { cataloguesOfPlans, requireCatalogues, replacePlanCatalogues } from './catalogues.repository.js';
import { releaseOfferingsOf, syncOfferings } from './offerings.js';
import { findPlan, findPlanByName, insertPlan, listPlans, updatePlanRow, deletePlanRow, type PlanColumns, type PlanRow } from './plans.repository.js';
import { accessRequestsUsing } from './products.repository.js';
import { PLAN_KEPT_FIELDS, type PlanCreate, type PlanUpdate } from './plans.schemas.js';
import { parseKept, pickKept, storedKept } from '../../http/tyk-fields.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { PlanRow } from './plans.repository.js';

export interface PlanWithCatalogues {
  plan: PlanRow;
  catalogues: { id: number; name: string }[];
}

const now = (): string => new Date().toISOString();
const NAME_TAKEN = 'Name: a plan with this name already exists';

/**
 * The limits a plan stores, from what was sent over what it had. A limit is
 * either set in full (both numbers) or explicitly unlimited; sending only one
 * number of a pair, over an unlimited plan, is refused naming the missing one.
 */
export function planLimits(input: PlanUpdate, was?: PlanRow): Pick<PlanColumns, 'rate' | 'per' | 'quota_max' | 'quota_renewal_rate'> {
  let rate = was?.rate ?? 0;
  let per = was?.per ?? 0;
  if (input.UnlimitedRateLimit === true) {
    rate = 0;
    per = 0;
  } else if (input.RateLimit !== undefined || input.Per !== undefined || input.UnlimitedRateLimit === false) {
    rate = input.RateLimit ?? (rate > 0 ? rate : 0);
    per = input.Per ?? (per > 0 ? per : 0);
    if (!(rate > 0)) throw new Invalid('RateLimit', 'required (requests per Per seconds) unless UnlimitedRateLimit is true');
    if (!(per > 0)) throw new Invalid('Per', 'required (seconds) unless UnlimitedRateLimit is true');
  }
  let quota = was?.quota_max ?? -1;
  let renewal = was?.quota_renewal_rate ?? -1;
  if (input.UnlimitedQuota === true) {
    quota = -1;
    renewal = -1;
  } else if (input.Quota !== undefined || input.QuotaRenewalRate !== undefined || input.UnlimitedQuota === false) {
    quota = input.Quota ?? (quota > 0 ? quota : -1);
    renewal = input.QuotaRenewalRate ?? (renewal > 0 ? renewal : -1);
    if (!(quota > 0)) throw new Invalid('Quota', 'required (requests per QuotaRenewalRate seconds) unless UnlimitedQuota is true');
    if (!(renewal > 0)) throw new Invalid('QuotaRenewalRate', 'required (seconds) unless UnlimitedQuota is true');
  }
  return { rate, per, quota_max: quota, quota_renewal_rate: renewal };
}

/**
 * Developer Portal plans: limits, credential lifetime and auto-approval, and the
 * catalogues that offer them. Needs the `portal` permission. Plans hold no APIs,
 * so API ownership does not hide them; but a plan's limits are in force in the
 * backing policy of every product it is offered with, so only who sees every API
 * of those offerings may create, change or delete it (before and after the change).
 */
export function plansService({ store }: AppContext, { access }: { access: Access }) {
  const { db } = store;

  async function requireHeld(ex: Executor, actor: Actor, id: number): Promise<void> {
    requireHolds(actor, await access.holds(ex, access.scope(actor), 'plan', id), 'plan');
  }

  async function mustFind(ex: Executor, id: number): Promise<PlanRow> {
    const row = await findPlan(ex, id);
    if (!row) throw new NotFound('Plan');
    return row;
  }

  async function withCatalogues(ex: Executor, rows: PlanRow[]): Promise<PlanWithCatalogues[]> {
    const catalogues = await cataloguesOfPlans(ex, rows.map((r) => r.id));
    return rows.map((plan) => ({ plan, catalogues: catalogues.get(plan.id) ?? [] }));
  }


  async function checkName(ex: Executor, name: string, self: number | null): Promise<void> {
    const clash = await findPlanByName(ex, name);
    if (clash && clash.id !== self) throw new Conflict(NAME_TAKEN);
  }


  function columns(input: PlanUpdate, was?: PlanRow): PlanColumns {
    const name = input.Name ?? was!.name;
    return {
      name,
      display_name: input.DisplayName ?? was?.display_name ?? name,
      description: input.Description ?? was?.description ?? '',
      ...planLimits(input, was),
      key_expires_in: input.KeyExpiresIn ?? was?.key_expires_in ?? 0,
      auto_approve: input.AutoApproveAccessRequests !== undefined ? (input.AutoApproveAccessRequests ? 1 : 0) : (was?.auto_approve ?? 0),
      // Kept Tyk fields: those sent replace, the rest stay (like every plan field).
      tyk_fields: storedKept({ ...parseKept(was?.tyk_fields), ...pickKept(input, PLAN_KEPT_FIELDS) }),
    };
  }

  return {
    async list(actor: Actor, page?: number, perPage?: number): Promise<PlanRow[]> {
      requireSection(actor, 'portal', 'read');
      return listPlans(db, portalWindow(page, perPage));
    },

    async get(actor: Actor, id: number): Promise<PlanWithCatalogues> {
      requireSection(actor, 'portal', 'read');
      return (await withCatalogues(db, [await mustFind(db, id)]))[0]!;
    },

    async create(actor: Actor, input: PlanCreate): Promise<PlanWithCatalogues> {
      requireSection(actor, 'portal', 'write');
      const row = columns(input);
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          await checkName(trx, input.Name, null);
          const catalogues = [...new Set(input.Catalogues ?? [])];
          await requireCatalogues(trx, catalogues);
          const id = await insertPlan(trx, row, now());
          await replacePlanCatalogues(trx, id, catalogues);
          await syncOfferings(trx, actor, { planIds: [id] });
          await requireHeld(trx, actor, id);
          await recordAudit(trx, actor, { action: 'plan.create', targetType: 'plan', targetId: id, changes: { ...row, catalogues } });
          return (await withCatalogues(trx, [(await findPlan(trx, id))!]))[0]!;
        }),
      );
    },

    async update(actor: Actor, id: number, input: PlanUpdate): Promise<PlanWithCatalogues> {
      requireSection(actor, 'portal', 'write');
      return conflictOnUnique(NAME_TAKEN, () =>
        db.transaction().execute(async (trx) => {
          const was = await mustFind(trx, id);
          await requireHeld(trx, actor, id);
          const row = columns(input, was);
          if (input.Name !== undefined) await checkName(trx, input.Name, id);
          const changes: Record<string, unknown> = {};
          for (const k of Object.keys(row) as (keyof PlanColumns)[]) if (row[k] !== was[k]) changes[k] = row[k];
          if (input.Catalogues !== undefined) {
            const catalogues = [...new Set(input.Catalogues)];
            await requireCatalogues(trx, catalogues);
            await replacePlanCatalogues(trx, id, catalogues);
            changes.catalogues = catalogues;
          }
          await updatePlanRow(trx, id, row, now());
          await syncOfferings(trx, actor, { planIds: [id] });
          await requireHeld(trx, actor, id);
          await recordAudit(trx, actor, { action: 'plan.update', targetType: 'plan', targetId: id, changes: { ...changes, was: was.name } });
          return (await withCatalogues(trx, [(await findPlan(trx, id))!]))[0]!;
        }),
      );
    },

    /** Refused while access requests name the plan; its backing policies go unless keys use them. */
    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, id);
        await requireHeld(trx, actor, id);
        const requests = await accessRequestsUsing(trx, 'plan_id', id);
        if (requests > 0) {
          throw new Conflict(`The plan cannot be deleted: ${requests} access request(s) refer to it; delete them first (or take the plan out of its catalogues)`);
        }
        await releaseOfferingsOf(trx, actor, { planId: id });
        await deletePlanRow(trx, id);
        await recordAudit(trx, actor, { action: 'plan.delete', targetType: 'plan', targetId: id, changes: { name: row.name } });
      });
    },
  };
}

export type PlansService = ReturnType<typeof plansService>;
