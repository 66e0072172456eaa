import { Type, type Static } from 'typebox';
import type { Access, Scope } from '../access/access.js';
import type { Executor } from '../db/database.js';
import { urlPatternError } from '../gateway/url-patterns.js';
import { Invalid } from '../errors.js';

export const AccessSpec = Type.Object(
  { url: Type.String({ maxLength: 2048 }), methods: Type.Union([Type.Array(Type.String({ maxLength: 16 }), { maxItems: 16 }), Type.Null()]) },
  { additionalProperties: true },
);

export const ApiLimit = Type.Object(
  {
    rate: Type.Optional(Type.Number({ minimum: 0 })),
    per: Type.Optional(Type.Number({ minimum: 0 })),
    quota_max: Type.Optional(Type.Integer({ minimum: -1 })),
    quota_renewal_rate: Type.Optional(Type.Integer({ minimum: -1 })),
  },
  { additionalProperties: true },
);

/** One entry of a Tyk `access_rights` map. */
export const AccessDefinition = Type.Object(
  {
    api_id: Type.Optional(Type.String({ maxLength: 128 })),
    api_name: Type.Optional(Type.String()),
    versions: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }), Type.Null()])),
    allowed_urls: Type.Optional(Type.Union([Type.Array(AccessSpec, { maxItems: 1000 }), Type.Null()])),
    limit: Type.Optional(Type.Union([ApiLimit, Type.Null()])),
  },
  { additionalProperties: true },
);
export type AccessDefinition = Static<typeof AccessDefinition>;

export const AccessRightsMap = Type.Record(Type.String({ maxLength: 128 }), AccessDefinition);

/** What we store per granted API. */
export interface StoredRights {
  versions: string[];
  allowed_urls: { url: string; methods: string[] }[];
  limit: { rate: number; per: number; quota_max: number; quota_renewal_rate: number } | null;
}

export interface Grant {
  apiRowId: number;
  rights: StoredRights;
}

/** A grant as read back, with the API's public id and current name. */
export interface GrantView extends Grant {
  apiId: string;
  apiName: string;
}

/**
 * Resolves an access_rights map to grants. Every API must exist and be visible to
 * the caller; an unknown or hidden API is refused alike, naming the entry.
 */
export async function resolveAccessRights(
  ex: Executor,
  access: Access,
  scope: Scope,
  input: Record<string, AccessDefinition>,
  field: string,
): Promise<Grant[]> {
  const entries = Object.entries(input);
  if (entries.length === 0) return [];
  for (const [k, v] of entries) {
    if (v.api_id !== undefined && v.api_id !== '' && v.api_id !== k) throw new Invalid(`${field}.${k}.api_id`, `must equal the map key "${k}"`);
    for (const [i, spec] of (v.allowed_urls ?? []).entries()) {
      for (const m of spec.methods ?? []) {
        if (!/^[A-Za-z]+$/.test(m)) throw new Invalid(`${field}.${k}.allowed_urls.${i}.methods`, `${JSON.stringify(m)} is not an HTTP method`);
      }
      const invalid = urlPatternError(spec.url);
      if (invalid !== null) throw new Invalid(`${field}.${k}.allowed_urls.${i}.url`, invalid);
    }
  }
  const rows = await ex
    .selectFrom('apis')
    .select(['id', 'api_id'])
    .where(
      'api_id',
      'in',
      entries.map(([k]) => k),
    )
    .execute();
  const byApiId = new Map(rows.map((r) => [r.api_id, r.id]));
  const visible = await access.visibleApiIds(ex, scope, rows.map((r) => r.id));
  const grants: Grant[] = [];
  for (const [k, v] of entries) {
    const id = byApiId.get(k);
    if (id === undefined || !visible.has(id)) throw new Invalid(`${field}.${k}`, 'no such API');
    grants.push({
      apiRowId: id,
      rights: {
        versions: v.versions ?? [],
        allowed_urls: (v.allowed_urls ?? []).map((s) => ({ url: s.url, methods: (s.methods ?? []).map((m) => m.toUpperCase()) })),
        limit: v.limit
          ? { rate: v.limit.rate ?? 0, per: v.limit.per ?? 0, quota_max: v.limit.quota_max ?? 0, quota_renewal_rate: v.limit.quota_renewal_rate ?? 0 }
          : null,
      },
    });
  }
  return grants;
}

/**
 * The Tyk access_rights map of these grants. Callers read only the grants the
 * reader may see (the repositories take the API filter), so nothing is dropped here.
 */
export function renderAccessRights(grants: GrantView[]): Record<string, AccessDefinition> {
  const out: Record<string, AccessDefinition> = {};
  for (const g of grants) {
    out[g.apiId] = {
      api_id: g.apiId,
      api_name: g.apiName,
      versions: g.rights.versions,
      allowed_urls: g.rights.allowed_urls,
      ...(g.rights.limit ? { limit: g.rights.limit } : {}),
    };
  }
  return out;
}
