import { useQuery } from '@tanstack/react-query';
import { ApiError, ensureOk } from '@portcullis/web-shared';
import { api } from '../../api.js';

/** One of the consumer's apps (a 404 when they cannot read it: hidden and missing look alike). */
export function useMyApp(appId: number) {
  return useQuery({
    queryKey: ['app', appId],
    queryFn: async () => {
      if (!Number.isSafeInteger(appId) || appId < 1) throw new ApiError(404, 'Not found');
      const { data, error, response } = await api.GET('/portal/api/apps/{appId}', { params: { path: { appId: String(appId) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** The app's calls, errors and latency over whole UTC days `from`..`to`, by day or hour. */
export function useAppUsage(appId: number, from: string, to: string, res: 'day' | 'hour', enabled: boolean) {
  return useQuery({
    queryKey: ['app', appId, 'usage', from, to, res],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal/api/apps/{appId}/usage', { params: { path: { appId: String(appId) }, query: { from, to, res } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type AppUsage = NonNullable<ReturnType<typeof useAppUsage>['data']>;

/** The members of the consumer-admin's organisation (at most 100). */
export function useOrgMembers(enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'users'],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal/api/org/users', { params: { query: { page: 1, per_page: 100 } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type OrgMember = NonNullable<ReturnType<typeof useOrgMembers>['data']>[number];
