import { Type, type Static } from 'typebox';
import { NO_NUL } from './catalogues.schemas.js';
import { PortalDate } from '../portal-date.js';
import { Id } from '../../http/ids.js';
import { named } from '../../http/openapi.js';
import { keptFieldNames, keptProperties, readOnlyProperties, withKeptProperties } from '../../http/tyk-fields.js';

/*
 * Plans in the shapes of the Tyk portal description (PlanRequest, Plan,
 * PlanSummary, Plan-index = {"data": [...]}). A rate limit is RateLimit
 * requests per Per seconds, or UnlimitedRateLimit; a quota is Quota requests per
 * QuotaRenewalRate seconds, or UnlimitedQuota. Stored like policies: 0/0 is an
 * unlimited rate, -1/-1 an unlimited quota.
 */

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'Unique, whatever the case' });

const PlanFields = {
  Name,
  DisplayName: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'Shown to consumers; defaults to Name' }),
  Description: Type.String({ maxLength: 5000, pattern: NO_NUL }),
  // 0 and -1 are what a GET shows for an unlimited rate or quota: accepted with UnlimitedRateLimit / UnlimitedQuota true, refused otherwise.
  RateLimit: Type.Number({ minimum: 0, maximum: 1e9, description: 'Requests per Per seconds (0 only with UnlimitedRateLimit)' }),
  Per: Type.Number({ minimum: 0, maximum: 1e9, description: 'Seconds (0 only with UnlimitedRateLimit)' }),
  UnlimitedRateLimit: Type.Boolean({ description: 'No rate limit (RateLimit and Per are then ignored)' }),
  Quota: Type.Integer({ minimum: -1, maximum: 1e15, description: 'Requests per QuotaRenewalRate seconds (-1 only with UnlimitedQuota)' }),
  QuotaRenewalRate: Type.Integer({ minimum: -1, maximum: 1e12, description: 'Seconds (-1 only with UnlimitedQuota)' }),
  UnlimitedQuota: Type.Boolean({ description: 'No quota (Quota and QuotaRenewalRate are then ignored)' }),
  KeyExpiresIn: Type.Integer({ minimum: 0, maximum: 1e12, description: 'Seconds a credential lives; 0 never expires' }),
  AutoApproveAccessRequests: Type.Boolean(),
  Catalogues: Type.Array(Id(), { maxItems: 1000, description: 'Ids of the catalogues offering the plan' }),
  ProviderID: Type.Integer({ description: 'Accepted for Tyk compatibility; there is one provider' }),
};

const PlanInputFields = {
  Name: PlanFields.Name,
  DisplayName: Type.Optional(PlanFields.DisplayName),
  Description: Type.Optional(PlanFields.Description),
  RateLimit: Type.Optional(PlanFields.RateLimit),
  Per: Type.Optional(PlanFields.Per),
  UnlimitedRateLimit: Type.Optional(PlanFields.UnlimitedRateLimit),
  Quota: Type.Optional(PlanFields.Quota),
  QuotaRenewalRate: Type.Optional(PlanFields.QuotaRenewalRate),
  UnlimitedQuota: Type.Optional(PlanFields.UnlimitedQuota),
  KeyExpiresIn: Type.Optional(PlanFields.KeyExpiresIn),
  AutoApproveAccessRequests: Type.Optional(PlanFields.AutoApproveAccessRequests),
  Catalogues: Type.Optional(PlanFields.Catalogues),
  ProviderID: Type.Optional(PlanFields.ProviderID),
};

/** PlanRequest fields Portcullis does not act on (CID, JWTScope, MetaData, …): kept as sent and returned. */
export const PLAN_KEPT_FIELDS = keptFieldNames('portalPlan', Object.keys(PlanInputFields));

export const PlanCreateBody = named('PlanInput', Type.Object(
  { ...withKeptProperties(PlanInputFields, PLAN_KEPT_FIELDS), ...readOnlyProperties(['ID', 'CreatedAt', 'UpdatedAt']) },
  { additionalProperties: false },
));
export type PlanCreate = Static<typeof PlanCreateBody>;

/** Every field optional: what is sent replaces, the rest stays. */
export const PlanUpdateBody = Type.Partial(PlanCreateBody, { additionalProperties: false });
export type PlanUpdate = Static<typeof PlanUpdateBody>;

export const PlanParams = Type.Object({ planId: Type.String() });


/** The `Plan` schema: unlimited rate shows as 0/0, unlimited quota as -1/-1. */
export const PlanView = named('Plan', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  DisplayName: Type.String(),
  Description: Type.String(),
  RateLimit: Type.Number(),
  Per: Type.Number(),
  UnlimitedRateLimit: Type.Boolean(),
  Quota: Type.Integer(),
  QuotaRenewalRate: Type.Integer(),
  UnlimitedQuota: Type.Boolean(),
  KeyExpiresIn: Type.Integer(),
  AutoApproveAccessRequests: Type.Boolean(),
  Catalogues: Type.Array(Type.Integer(), { description: 'Ids (as in PlanRequest)' }),
  ProviderID: Type.Integer({ description: 'Always 1: Portcullis is its own single provider (Tyk requires the field)' }),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
  ...keptProperties(PLAN_KEPT_FIELDS),
}));
export type PlanView = Static<typeof PlanView>;

export const PlanSummary = named('PlanSummary', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  DisplayName: Type.String(),
  AutoApproveAccessRequests: Type.Boolean(),
  RateLimit: Type.Number(),
  Quota: Type.Integer(),
}));

/** Plan-index: Tyk wraps the list in an object. */
export const PlanIndex = named('PlanIndex', Type.Object({ data: Type.Array(PlanSummary) }));
