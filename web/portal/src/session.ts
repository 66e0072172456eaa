import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ensureOk, ssoSignInOptions } from '@portcullis/web-shared';
import { api } from './api.js';

export const meKey = ['me'] as const;

/** The signed-in API consumer, or null for a visitor (the portal answers 401 without a session, 403 to staff). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal/api/me');
      if (response.status === 401 || response.status === 403) return null;
      ensureOk(response, error);
      return data!;
    },
    staleTime: 60_000,
  });
}

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;

/**
 * Whether API consumers sign in with single sign-on only: then there is no
 * registration and no password reset to offer (the server refuses both). False
 * until known, as the sign-in page's query (same key) answers.
 */
export function useConsumerSsoOnly(): boolean {
  const sso = useQuery({ queryKey: ['sso-sign-in-options'], queryFn: () => ssoSignInOptions(api) });
  return sso.data?.consumers.SSOOnly === true;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/auth/password/logout');
      ensureOk(response, error);
    },
    onSuccess: () => {
      queryClient.clear();
      window.location.assign('/');
    },
  });
}
