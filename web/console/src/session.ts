import { useQuery } from '@tanstack/react-query';
import { api, ApiError, ensureOk } from './api.js';

export const bootstrapKey = ['bootstrap'] as const;
export const meKey = ['me'] as const;

/** Whether the first administrator exists (public). */
export function useBootstrapStatus() {
  return useQuery({
    queryKey: bootstrapKey,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/bootstrap');
      ensureOk(response, error);
      return data!.bootstrapped;
    },
  });
}

/** The signed-in user, or null when nobody is signed in. */
export function useCurrentUser(enabled = true) {
  return useQuery({
    queryKey: meKey,
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/users/me');
      if (response.status === 401) return null;
      ensureOk(response, error);
      return data!;
    },
  });
}

export type CurrentUser = NonNullable<ReturnType<typeof useCurrentUser>['data']>;

export { ApiError };
