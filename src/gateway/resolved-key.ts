import { effectiveLimits, type Limits } from '../keys/limits.js';
import type { StoredRights } from '../policies/access-rights.js';
import type { KeyRecord, PolicyRecord, RightsRecord } from './gateway.repository.js';
import type { InvalidPattern } from './routing.js';
import { compileUrlPattern, type UrlPattern } from './url-patterns.js';

export interface UrlRule {
  /** RE2, compiled once per pattern and process (a pattern RE2 cannot compile never matches). */
  pattern: UrlPattern;
  /** Upper-case methods; null allows every method. */
  methods: Set<string> | null;
}

export interface ApiRights {
  /** null: every path and method. */
  urls: UrlRule[] | null;
  /** The access right's own limit: counted per key and API instead of per key. */
  limit: Limits | null;
}

/** A key as the gateway holds it between configuration changes. */
export interface ResolvedKey {
  hash: string;
  /** Unix seconds; 0 never expires. */
  expires: number;
  /** Why the key may not be used at all (inactive, owner deactivated); null when it may. */
  refusal: string | null;
  limits: Limits;
  /** By public API id. */
  rights: Map<string, ApiRights>;
}

function parseRights(text: string): StoredRights {
  try {
    const r = JSON.parse(text) as Partial<StoredRights>;
    return { versions: r.versions ?? [], allowed_urls: r.allowed_urls ?? [], limit: r.limit ?? null };
  } catch {
    // Unreadable rights grant nothing rather than everything.
    return { versions: [], allowed_urls: [{ url: '$^', methods: [] }], limit: null };
  }
}

function urlRules(r: StoredRights, onInvalid: InvalidPattern | undefined): UrlRule[] | null {
  if (r.allowed_urls.length === 0) return null;
  return r.allowed_urls.map((u) => ({
    pattern: compileUrlPattern(u.url, onInvalid),
    methods: u.methods.length === 0 ? null : new Set(u.methods.map((m) => m.toUpperCase())),
  }));
}

/** A per-API limit: fields left at 0 take the key's value in force. */
function apiLimit(limit: StoredRights['limit'], keyLimits: Limits): Limits | null {
  if (!limit) return null;
  const rated = limit.rate > 0 && limit.per > 0;
  return {
    rate: rated ? limit.rate : keyLimits.rate,
    per: rated ? limit.per : keyLimits.per,
    quota_max: limit.quota_max !== 0 ? limit.quota_max : keyLimits.quota_max,
    quota_renewal_rate: limit.quota_max !== 0 ? limit.quota_renewal_rate : keyLimits.quota_renewal_rate,
  };
}

/**
 * The key's own access rights win for their API; an API granted only through
 * policies takes the union of their URL rules (a policy granting the whole API
 * grants it whole) and the first policy limit. Inactive policies grant nothing.
 */
export function resolveKey(hash: string, key: KeyRecord, policies: PolicyRecord[], rows: RightsRecord[], onInvalid?: InvalidPattern): ResolvedKey {
  const active = policies.filter((p) => p.active === 1);
  const activeIds = new Set(active.map((p) => p.id));
  const limits = effectiveLimits(key, active);
  const rights = new Map<string, ApiRights>();
  const own = new Set<string>();
  for (const row of rows) {
    if (row.policy_id !== null && !activeIds.has(row.policy_id)) continue;
    const r = parseRights(row.rights);
    if (row.policy_id === null) {
      own.add(row.api_id);
      rights.set(row.api_id, { urls: urlRules(r, onInvalid), limit: apiLimit(r.limit, limits) });
      continue;
    }
    if (own.has(row.api_id)) continue;
    const existing = rights.get(row.api_id);
    if (!existing) {
      rights.set(row.api_id, { urls: urlRules(r, onInvalid), limit: apiLimit(r.limit, limits) });
      continue;
    }
    const more = urlRules(r, onInvalid);
    existing.urls = existing.urls === null || more === null ? null : [...existing.urls, ...more];
    existing.limit ??= apiLimit(r.limit, limits);
  }
  let refusal: string | null = null;
  if (key.is_inactive === 1) refusal = 'Key is inactive, please renew';
  else if (key.owner_user_id !== null && key.owner_active !== 1) refusal = 'Key is inactive: its owner is deactivated';
  return { hash, expires: key.expires, refusal, limits, rights };
}

/** Does an access right allow this method on this path (under the listen path)? */
export function allows(rights: ApiRights, method: string, inner: string): boolean {
  if (rights.urls === null) return true;
  for (const rule of rights.urls) {
    if (rule.pattern.test(inner) && (rule.methods === null || rule.methods.has(method))) return true;
  }
  return false;
}
