/**
 * Admission: given a resolved key and a request (API, method, normalised path),
 * admit or refuse with status, body and headers. Pure: no socket, no store.
 */
import type { Limits } from '../keys/limits.js';
import type { Outcome } from './counters.js';
import { errorBody } from './exchange.js';
import { allows, type ApiRights, type ResolvedKey } from './resolved-key.js';

export interface Refusal {
  status: number;
  body: string;
  headers: Record<string, string | number>;
}

function refusal(status: number, message: string): Refusal {
  return { status, body: errorBody(message), headers: {} };
}

// Fixed refusals, built once: refusing allocates nothing.
export const MISSING_CREDENTIAL = refusal(401, 'Authorization field missing');
// Tyk's gateway answers an unknown key as it answers a key without access to the API.
export const UNKNOWN_KEY = refusal(403, 'Access to this API has been disallowed');
export const EXPIRED_KEY = refusal(403, 'Key has expired, please renew');
export const API_DISALLOWED = refusal(403, 'Access to this API has been disallowed');
export const RESOURCE_DISALLOWED = refusal(403, 'Access to this resource has been disallowed');
/** A path the API's black list names, or its white list does not (Tyk's answer). */
export const ENDPOINT_FORBIDDEN = refusal(403, 'Requested endpoint is forbidden');
const INACTIVE = new Map<string, Refusal>();

/**
 * May `key` call `method` on `inner` (the normalised path under the listen
 * path) of API `apiId` at `nowSeconds`? A Refusal, or the access right that
 * admits it (no new object: the hot path allocates nothing here).
 */
export function admitKey(key: ResolvedKey | null, apiId: string, method: string, inner: string, nowSeconds: number): Refusal | ApiRights {
  if (key === null) return UNKNOWN_KEY;
  if (key.refusal !== null) {
    let r = INACTIVE.get(key.refusal);
    if (r === undefined) INACTIVE.set(key.refusal, (r = refusal(403, key.refusal)));
    return r;
  }
  if (key.expires > 0 && nowSeconds >= key.expires) return EXPIRED_KEY;
  const rights = key.rights.get(apiId);
  if (!rights) return API_DISALLOWED;
  if (!allows(rights, method, inner)) return RESOURCE_DISALLOWED;
  return rights;
}

/** The limits an admitted request counts against: the access right's own, else the key's. */
export function limitsOf(key: ResolvedKey, rights: ApiRights): Limits {
  return rights.limit ?? key.limits;
}

/** The counter bucket: the key, or the key and API when the access right has its own limit. */
export function bucketOf(key: ResolvedKey, rights: ApiRights, apiId: string): string {
  return rights.limit ? `${key.hash}:${apiId}` : key.hash;
}

export function isRefusal(v: Refusal | ApiRights): v is Refusal {
  return (v as Refusal).status !== undefined;
}

/** A counter's verdict as a refusal (429 rate, 403 quota), or null when the request may pass. */
export function limitRefusal(o: Outcome, rateLimit: number, nowMs: number): Refusal | null {
  if (o.verdict === 1) {
    return {
      status: 429,
      body: errorBody('API Rate limit exceeded', { retry_after: o.retryAfter }),
      headers: {
        'retry-after': o.retryAfter,
        'x-ratelimit-limit': rateLimit,
        'x-ratelimit-remaining': 0,
        'x-ratelimit-reset': Math.ceil(nowMs / 1000) + o.rateReset,
      },
    };
  }
  if (o.verdict === 2) {
    const renews = o.quotaRenews > 0 ? new Date(o.quotaRenews * 1000).toISOString() : null;
    const headers: Record<string, string | number> = {};
    if (renews !== null) {
      headers['retry-after'] = o.retryAfter;
      headers['x-quota-renews'] = o.quotaRenews;
    }
    // Tyk's message, unchanged: the renewal time goes in headers (and a field of its own), not in the message.
    return { status: 403, body: errorBody('Quota exceeded', { quota_renews: renews }), headers };
  }
  return null;
}
