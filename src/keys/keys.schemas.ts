import { Type } from 'typebox';
import { AccessRightsMap } from '../policies/access-rights.js';
import { named } from '../http/openapi.js';
import { keptFieldNames, keptProperties, withKeptProperties } from '../http/tyk-fields.js';
import { TykPage } from '../pagination.js';

const IdList = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 });

/** The SessionState fields a key is made of. */
const KeyFields = {
  access_rights: Type.Optional(Type.Union([AccessRightsMap, Type.Null()])),
  apply_policies: Type.Optional(Type.Union([IdList, Type.Null()])),
  apply_policy_id: Type.Optional(Type.String({ maxLength: 40 })),
  rate: Type.Optional(Type.Number({ minimum: 0 })),
  per: Type.Optional(Type.Number({ minimum: 0 })),
  quota_max: Type.Optional(Type.Integer({ minimum: -1 })),
  quota_renewal_rate: Type.Optional(Type.Integer({ minimum: -1 })),
  expires: Type.Optional(Type.Integer({ minimum: -1, description: 'Unix seconds; 0 or -1 never' })),
  is_inactive: Type.Optional(Type.Boolean()),
  alias: Type.Optional(Type.String({ maxLength: 500 })),
  meta_data: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  tags: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }), Type.Null()])),
};

/** What the gateway or the Dashboard computes: accepted and ignored when a client sends a key back. */
const KeyReadOnly = {
  allowance: Type.Optional(Type.Number()),
  quota_remaining: Type.Optional(Type.Integer()),
  quota_renews: Type.Optional(Type.Integer()),
  org_id: Type.Optional(Type.String()),
  date_created: Type.Optional(Type.String()),
  last_updated: Type.Optional(Type.String()),
  key_id: Type.Optional(Type.String()),
};

/**
 * SessionState fields Portcullis does not act on (basic_auth_data, hmac_string,
 * jwt_data, monitor, smoothing, throttle_interval, …): kept as sent and returned.
 * They never reach the gateway's decisions.
 */
export const KEY_KEPT_FIELDS = keptFieldNames('key', [...Object.keys(KeyFields), ...Object.keys(KeyReadOnly)]);

export const KeyBody = named('KeyInput', Type.Object(withKeptProperties({ ...KeyFields, ...KeyReadOnly }, KEY_KEPT_FIELDS), { additionalProperties: false }));

export const SessionView = named('KeySession', Type.Object({
  access_rights: AccessRightsMap,
  apply_policies: Type.Array(Type.String()),
  rate: Type.Number(),
  per: Type.Number(),
  quota_max: Type.Integer(),
  quota_renewal_rate: Type.Integer(),
  expires: Type.Integer(),
  is_inactive: Type.Boolean(),
  alias: Type.String(),
  meta_data: Type.Record(Type.String(), Type.Unknown()),
  tags: Type.Array(Type.String()),
  date_created: Type.String(),
  last_updated: Type.String(),
  quota_remaining: Type.Optional(Type.Integer({
    description: 'Reading one key only: requests left in the current quota window as the gateway counters hold it (quota_max when no window is running; -1 when there is no quota). Absent when the Dashboard cannot reach the counters (no Redis, no gateway in its process).',
  })),
  quota_renews: Type.Optional(Type.Integer({ description: 'With quota_remaining: Unix seconds when the current window renews; 0 when none is running or it never renews' })),
  ...keptProperties(KEY_KEPT_FIELDS),
}));

export const KeyData = named('KeyData', Type.Object({
  key_id: Type.String({ description: 'The key hash (the key itself is never shown again after its creation); /api/keys/{keyId} takes either' }),
  key_hash: Type.String({ description: 'The key hash' }),
  data: SessionView,
}));

export const CreatedKey = named('CreatedKey', Type.Object({
  key: Type.String({ description: 'The key itself, shown only in this reply (the same as key_id)' }),
  key_id: Type.String({ description: 'As in Tyk: the key itself, the credential a client sends to the gateway; shown only in this reply' }),
  key_hash: Type.String({ description: 'The key hash: the id to link to, and the one later replies name the key by' }),
  data: SessionView,
}));

export const KeyList = named('KeyList', Type.Object({ data: Type.Object({ keys: Type.Array(Type.String()) }), pages: Type.Integer() }));

export const KeyIdParams = Type.Object({ keyId: Type.String({ maxLength: 200, description: 'The key itself or its hash' }) });

/** Tyk's way of saying which of the two `{keyId}` is. */
export const KeyLookupQuery = Type.Object({
  hashed: Type.Optional(Type.String({ maxLength: 20, description: "Any non-empty value: {keyId} is the key's hash only (as in Tyk). Without it, the key or its hash" })),
  auto_guess: Type.Optional(Type.String({ maxLength: 20, description: 'Accepted for Tyk clients: {keyId} is always tried as the key and as its hash' })),
});

/** With Tyk's `hashed` set (any non-empty value), `{keyId}` is a hash. */
export const byHashOnly = (q: { hashed?: string }): boolean => q.hashed !== undefined && q.hashed !== '';

/** PUT takes Tyk's `suppress_reset` too. */
export const KeyUpdateQuery = Type.Object({
  ...KeyLookupQuery.properties,
  suppress_reset: Type.Optional(Type.String({ maxLength: 20, description: 'Accepted for Tyk clients; a key change never resets its quota counter here' })),
});

export const ApiKeyParams = Type.Object({ apiId: Type.String({ maxLength: 128 }), keyId: Type.String({ maxLength: 200, description: 'The key itself or its hash' }) });

/** Tyk's /api/keys/detailed query. */
export const DetailedKeyQuery = Type.Object({
  p: Type.Optional(TykPage),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the key hash, case-insensitive' })),
});

export const KeysDetailed = named('KeysDetailed', Type.Object({ keys: Type.Array(KeyData), pages: Type.Integer() }));
