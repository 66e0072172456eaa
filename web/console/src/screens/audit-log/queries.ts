import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';

/** The audit log's filters, as the API names them (empty means "any"). */
export interface AuditFilters {
  user: string;
  action: string;
  ip: string;
  /** The kind of object an entry is about (api, policy, key, user, …). */
  target_type: string;
  /** Its id (with target_type). */
  target_id: string;
  from_date: string;
  to_date: string;
}

export const NO_FILTERS: AuditFilters = { user: '', action: '', ip: '', target_type: '', target_id: '', from_date: '', to_date: '' };

/** The kinds of object the server writes entries about, offered as suggestions. */
export const OBJECT_TYPES = [
  'api',
  'policy',
  'key',
  'user',
  'user_group',
  'organisation',
  'team',
  'catalogue',
  'product',
  'product_guide',
  'plan',
  'app',
  'credential',
  'access_request',
  'portal_settings',
];
export const FILTER_NAMES = Object.keys(NO_FILTERS) as (keyof AuditFilters)[];

/** Only the filters that are set, for the query string. */
export function activeFilters(f: AuditFilters): Partial<AuditFilters> {
  const out: Partial<AuditFilters> = {};
  for (const k of FILTER_NAMES) if (f[k].trim() !== '') out[k] = f[k].trim();
  return out;
}

/** The address of the CSV download of every entry the filters match (the session cookie goes with it). */
export function csvHref(f: AuditFilters): string {
  const q = new URLSearchParams({ ...activeFilters(f), type: 'csv' });
  return `/api/audit-logs?${q.toString()}`;
}

export function useAuditLog(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: ['audit-logs', activeFilters(filters), page],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/audit-logs', { params: { query: { ...activeFilters(filters), p: page } } });
      ensureOk(response, error);
      return data! as Exclude<typeof data, string | undefined>;
    },
  });
}

export function useAuditEntry(id: string) {
  return useQuery({
    queryKey: ['audit-logs', 'entry', id],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/audit-logs/{id}', { params: { path: { id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type AuditEntry = NonNullable<ReturnType<typeof useAuditEntry>['data']>;

/** The actions the server records (docs/dashboard-api.md), offered as suggestions; any other text is searched as typed. */
export const KNOWN_ACTIONS = [
  'bootstrap',
  'login',
  'login.failed',
  'logout',
  'user.create',
  'user.update',
  'user.activate',
  'user.deactivate',
  'user.permissions.change',
  'user.key.reset',
  'user.password.change',
  'user.password.reset',
  'user.revoke',
  'user.delete',
  'group.create',
  'group.update',
  'group.permissions.change',
  'group.delete',
  'api.create',
  'api.update',
  'api.owners.change',
  'api.delete',
  'policy.create',
  'policy.update',
  'policy.delete',
  'key.create',
  'key.update',
  'key.delete',
];

const when = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "30 Nov 2026, 11:42:03 UTC" from the entry's Unix timestamp (seconds). */
export function formatWhen(timestamp: number): string {
  return `${when.format(new Date(timestamp * 1000))} UTC`;
}

/** "api 3f2a…" → the object an entry is about, in words. */
export function objectOf(e: { target_type: string; target_id: string }): string {
  if (!e.target_type && !e.target_id) return '–';
  return [e.target_type, e.target_id].filter(Boolean).join(' ');
}
