import { Type } from 'typebox';
import { AccessRightsMap } from './access-rights.js';
import { named } from '../http/openapi.js';
import { keptFieldNames, keptProperties, withKeptProperties } from '../http/tyk-fields.js';

const PolicyFields = {
  name: Type.String({ minLength: 1, maxLength: 500 }),
  active: Type.Optional(Type.Boolean()),
  rate: Type.Optional(Type.Number({ minimum: 0 })),
  per: Type.Optional(Type.Number({ minimum: 0 })),
  quota_max: Type.Optional(Type.Integer({ minimum: -1 })),
  quota_renewal_rate: Type.Optional(Type.Integer({ minimum: -1 })),
  key_expires_in: Type.Optional(Type.Integer({ minimum: 0 })),
  tags: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }), Type.Null()])),
  meta_data: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  access_rights: Type.Optional(Type.Union([AccessRightsMap, Type.Null()])),
};

/** Shown by a GET, accepted and ignored when sent back. */
const PolicyReadOnly = {
  _id: Type.Optional(Type.String()),
  id: Type.Optional(Type.String()),
  org_id: Type.Optional(Type.String()),
  date_created: Type.Optional(Type.String()),
  last_updated: Type.Optional(Type.String()),
};

/** Tyk policy fields Portcullis does not act on (smoothing, partitions, graphql_access_rights, state, …): kept as sent and returned. */
export const POLICY_KEPT_FIELDS = keptFieldNames('policy', [...Object.keys(PolicyFields), ...Object.keys(PolicyReadOnly)]);

export const PolicyBody = named('PolicyInput', Type.Object(withKeptProperties({ ...PolicyFields, ...PolicyReadOnly }, POLICY_KEPT_FIELDS), { additionalProperties: false }));

export const PolicyView = named('Policy', Type.Object({
  _id: Type.String(),
  id: Type.String(),
  org_id: Type.String({ description: "The Dashboard organisation's id, the same for every policy" }),
  name: Type.String(),
  active: Type.Boolean(),
  rate: Type.Number(),
  per: Type.Number(),
  quota_max: Type.Integer(),
  quota_renewal_rate: Type.Integer(),
  key_expires_in: Type.Integer(),
  tags: Type.Array(Type.String()),
  meta_data: Type.Record(Type.String(), Type.Unknown()),
  access_rights: AccessRightsMap,
  date_created: Type.String(),
  last_updated: Type.String(),
  ...keptProperties(POLICY_KEPT_FIELDS),
}));

export const PolicyList = named('PolicyList', Type.Object({ Data: Type.Array(PolicyView), Pages: Type.Integer() }));
