import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';
import { rangeParams, type DayRange, type Resolution } from './range.js';

/** The counts every usage row carries. */
export interface Counts {
  hits: number;
  success: number;
  error: number;
  status_2xx: number;
  status_3xx: number;
  status_4xx: number;
  status_5xx: number;
  latency: number;
  upstream_latency: number;
}

const key = (name: string, range: DayRange, ...rest: unknown[]) => ['analytics', name, range.from, range.to, ...rest] as const;

/** Hits, errors and latency over time (every API the user may count). */
export function useTrafficOverTime(range: DayRange, res: Resolution, enabled: boolean) {
  return useQuery({
    queryKey: key('over-time', range, res),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usage/errors/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}', {
        params: { path: rangeParams(range), query: { res } },
      });
      ensureOk(response, error);
      return data!.data;
    },
  });
}

/** Totals per API over the range (all of them: one row per API). */
export function useApiTotals(range: DayRange, enabled: boolean) {
  return useQuery({
    queryKey: key('apis', range),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usage/apis/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}', {
        params: { path: rangeParams(range), query: { p: -1 } },
      });
      ensureOk(response, error);
      return data!.data;
    },
  });
}

/** Per API and per bucket (for the requests-per-API chart). */
export function useApiOverTime(range: DayRange, res: Resolution, enabled: boolean) {
  return useQuery({
    queryKey: key('apis-over-time', range, res),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usage/apis/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}', {
        params: { path: rangeParams(range), query: { p: -1, res } },
      });
      ensureOk(response, error);
      return data!.data;
    },
  });
}

/** The busiest endpoints, a page at a time (the server orders by hits). */
export function useEndpointTotals(range: DayRange, page: number, enabled: boolean) {
  return useQuery({
    queryKey: key('endpoints', range, page),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usage/endpoints/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}', {
        params: { path: rangeParams(range), query: { p: page } },
      });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Traffic per key, a page at a time (busiest first). */
export function useKeyTotals(range: DayRange, page: number, enabled: boolean) {
  return useQuery({
    queryKey: key('keys', range, page),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usage/keys/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}', {
        params: { path: rangeParams(range), query: { p: page } },
      });
      ensureOk(response, error);
      return data!;
    },
  });
}
