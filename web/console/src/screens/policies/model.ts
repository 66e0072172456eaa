import type { paths } from '@portcullis/web-shared';
import { useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';
import { splitFieldError } from '../../components/field-errors.js';

/** A policy as the Dashboard API returns it (Tyk shape). */
export type Policy = paths['/api/portal/policies/{id}']['get']['responses'][200]['content']['application/json'];
export type PolicyInput = NonNullable<paths['/api/portal/policies']['post']['requestBody']>['content']['application/json'];
export type AccessRights = Policy['access_rights'];
export type AccessEntry = AccessRights[string];

/** The HTTP methods an allowed path can name. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface PathDraft {
  url: string;
  methods: string[];
}

/** One API's access right while it is edited; `rest` keeps what the form does not edit (limit, unknown fields). */
export interface RightDraft {
  apiId: string;
  apiName: string;
  versions: string[];
  paths: PathDraft[];
  rest: Record<string, unknown>;
}

export function rightsToDrafts(rights: AccessRights | null | undefined): RightDraft[] {
  return Object.entries(rights ?? {}).map(([apiId, entry]) => {
    const { api_id: _id, api_name, versions, allowed_urls, ...rest } = entry;
    void _id;
    return {
      apiId,
      apiName: api_name ?? apiId,
      versions: versions ?? [],
      paths: (allowed_urls ?? []).map((u) => ({ url: u.url, methods: u.methods ?? [] })),
      rest,
    };
  });
}

export function draftsToRights(drafts: RightDraft[]): AccessRights {
  const out: AccessRights = {};
  for (const d of drafts) {
    out[d.apiId] = {
      ...d.rest,
      api_id: d.apiId,
      api_name: d.apiName,
      versions: d.versions,
      allowed_urls: d.paths.map((p) => ({ url: p.url, methods: p.methods })),
    };
  }
  return out;
}

/** An API the signed-in user can see, as the picker offers it. */
export interface VisibleApi {
  apiId: string;
  name: string;
  versions: string[];
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export const visibleApisKey = ['policies-keys', 'visible-apis'] as const;

/** Every API the user can see (GET /api/apis?p=-1): the only ones an access right may name. */
export function useVisibleApis(enabled = true) {
  return useQuery({
    queryKey: visibleApisKey,
    enabled,
    queryFn: async (): Promise<VisibleApi[]> => {
      const { data, error, response } = await api.GET('/api/apis', { params: { query: { p: -1, sort: 'name' } } });
      ensureOk(response, error);
      const out: VisibleApi[] = [];
      for (const a of data!.apis) {
        const def = a.api_definition;
        const apiId = typeof def.api_id === 'string' ? def.api_id : '';
        if (apiId === '') continue;
        const name = typeof def.name === 'string' && def.name !== '' ? def.name : apiId;
        const versions = Object.keys(record(record(def.version_data)?.versions) ?? {});
        out.push({ apiId, name, versions });
      }
      return out;
    },
  });
}

/** Rate and quota, as both policies and keys carry them. */
export interface Limits {
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
}

const UNITS: [number, string][] = [
  [86_400 * 365, 'year'],
  [86_400 * 7, 'week'],
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** "30 seconds", "1 hour", "2 days": the largest whole unit. */
export function duration(seconds: number): string {
  for (const [size, unit] of UNITS) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return n === 1 ? `1 ${unit}` : `${n.toLocaleString()} ${unit}s`;
    }
  }
  return `${seconds.toLocaleString()} seconds`;
}

/** "minute", "5 minutes": a period after "per" or "every". */
function period(seconds: number): string {
  const d = duration(seconds);
  return d.startsWith('1 ') ? d.slice(2) : d;
}

export function describeRate(l: Pick<Limits, 'rate' | 'per'>): string {
  if (!(l.rate > 0 && l.per > 0)) return 'Unlimited';
  return `${l.rate.toLocaleString()} per ${period(l.per)}`;
}

export function describeQuota(l: Pick<Limits, 'quota_max' | 'quota_renewal_rate'>): string {
  if (!(l.quota_max > 0)) return 'Unlimited';
  const renews = l.quota_renewal_rate > 0 ? `, renews every ${period(l.quota_renewal_rate)}` : ', never renews';
  return `${l.quota_max.toLocaleString()} requests${renews}`;
}

/** Whether the server's 400 names `field` exactly (not one inside it). */
export function exactFieldError(error: Error | null | undefined, field: string): string | undefined {
  if (!error) return undefined;
  const s = splitFieldError(error.message);
  return s.field === field ? s.message : undefined;
}

/** Whether a field error belongs to one of the inputs a form shows (so no alert needs to repeat it). */
export function fieldShown(error: Error | null | undefined, fields: readonly string[], rights: readonly RightDraft[]): boolean {
  if (!error) return false;
  const { field } = splitFieldError(error.message);
  if (field === null) return false;
  if (fields.includes(field)) return true;
  return rights.some((r) => field === `access_rights.${r.apiId}` || field.startsWith(`access_rights.${r.apiId}.`));
}

export const policiesKey = ['policies'] as const;
export const keysKey = ['keys'] as const;
