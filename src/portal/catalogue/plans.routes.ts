import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { portalDate } from '../portal-date.js';
import { parseKept, withKept } from '../../http/tyk-fields.js';
import { PortalPageQuery, StatusOk } from '../accounts/organisations.schemas.js';
import type { PlanSummary} from './plans.schemas.js';
import { PlanCreateBody, PlanIndex, PlanParams, PlanUpdateBody, PlanView } from './plans.schemas.js';
import type { PlanRow, PlanWithCatalogues } from './plans.service.js';

export function planLimitsView(p: PlanRow) {
  return {
    RateLimit: p.rate,
    Per: p.per,
    UnlimitedRateLimit: !(p.rate > 0 && p.per > 0),
    Quota: p.quota_max,
    QuotaRenewalRate: p.quota_renewal_rate,
    UnlimitedQuota: p.quota_max < 0,
    KeyExpiresIn: p.key_expires_in,
    AutoApproveAccessRequests: p.auto_approve === 1,
  };
}

function planView({ plan: p, catalogues }: PlanWithCatalogues): Static<typeof PlanView> {
  return withKept(
    {
      ID: p.id,
      Name: p.name,
      DisplayName: p.display_name,
      Description: p.description,
      ...planLimitsView(p),
      Catalogues: catalogues.map((c) => c.id),
      ProviderID: 1,
      CreatedAt: portalDate(p.created_at),
      UpdatedAt: portalDate(p.updated_at),
    },
    parseKept(p.tyk_fields),
  );
}

function planSummary(p: PlanRow): Static<typeof PlanSummary> {
  return { ID: p.id, Name: p.name, DisplayName: p.display_name, AutoApproveAccessRequests: p.auto_approve === 1, RateLimit: p.rate, Quota: p.quota_max };
}

const planId = (raw: string): number => parseNumericId(raw, 'Plan');

/** Admin Portal plans: /portal-api/plans (needs `portal`). */
export const plansRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const plans = services.catalogue.plans;
  const tags = ['Portal: plans'];

  app.get(
    '/plans',
    { schema: { operationId: 'listPlans', tags, summary: 'List plans ({"data": [...]}, as Tyk)', querystring: PortalPageQuery, response: { 200: PlanIndex } } },
    async (req) => ({ data: (await plans.list(actorOf(req), req.query.page, req.query.per_page)).map(planSummary) }),
  );

  app.post(
    '/plans',
    { schema: { operationId: 'createPlan', tags, summary: 'Create a plan', body: PlanCreateBody, response: { 200: PlanView } } },
    async (req) => planView(await plans.create(actorOf(req), req.body)),
  );

  app.get(
    '/plans/:planId',
    { schema: { operationId: 'getPlan', tags, summary: 'A plan', params: PlanParams, response: { 200: PlanView } } },
    async (req) => planView(await plans.get(actorOf(req), planId(req.params.planId))),
  );

  app.put(
    '/plans/:planId',
    { schema: { operationId: 'updatePlan', tags, summary: 'Change a plan: the fields sent change (its backing policies follow)', params: PlanParams, body: PlanUpdateBody, response: { 200: PlanView } } },
    async (req) => planView(await plans.update(actorOf(req), planId(req.params.planId), req.body)),
  );

  app.delete(
    '/plans/:planId',
    { schema: { operationId: 'deletePlan', tags, summary: 'Delete a plan (409 while access requests refer to it)', params: PlanParams, response: { 200: StatusOk } } },
    async (req) => {
      await plans.remove(actorOf(req), planId(req.params.planId));
      return { status: 'ok' as const };
    },
  );
};
