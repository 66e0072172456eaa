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

/**
 * Changes the signed-in user's own password (current one required); resolves
 * with the new access key the server issues with it, shown once.
 */
export async function changeOwnPassword(userId: string, current: string, next: string, repeat: string): Promise<string> {
  if (next !== repeat) throw new ApiError(400, 'repeat_password: does not match the new password');
  const { data, error, response } = await api.POST('/api/users/{id}/actions/reset', {
    params: { path: { id: userId } },
    body: { current_password: current, new_password: next },
  });
  ensureOk(response, error);
  const meta = data?.Meta as { access_key?: unknown } | null | undefined;
  return typeof meta?.access_key === 'string' ? meta.access_key : '';
}
