import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type OAuthProvider = Json<paths['/portal-api/oauth-providers/{providerId}']['get']>;
export type ClientType = OAuthProvider['ClientTypes'][number];

export const oauthKey = ['portal-oauth-providers'] as const;

/** Every provider with its client types (a handful: each is read in full). */
export function useOAuthProviders() {
  return useQuery({
    queryKey: [...oauthKey, 'all'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/oauth-providers');
      ensureOk(response, error);
      return Promise.all(
        data!.map(async (p) => {
          const one = await api.GET('/portal-api/oauth-providers/{providerId}', { params: { path: { providerId: String(p.ID) } } });
          ensureOk(one.response, one.error);
          return one.data!;
        }),
      );
    },
  });
}

/** The client types attached to a product. */
export function useProductClientTypes(productId: number | null) {
  return useQuery({
    queryKey: [...oauthKey, 'product', productId],
    enabled: productId !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/products/{productId}/client_types', { params: { path: { productId: String(productId) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useRefreshOAuth() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: oauthKey });
}

/** Attaches and detaches client types so that the product has exactly `wanted`. */
export async function syncProductClientTypes(productId: number, current: number[], wanted: number[]): Promise<void> {
  const path = { productId: String(productId) };
  for (const id of wanted.filter((x) => !current.includes(x))) {
    const { error, response } = await api.POST('/portal-api/products/{productId}/client_types', { params: { path }, body: { ID: id } });
    ensureOk(response, error);
  }
  for (const id of current.filter((x) => !wanted.includes(x))) {
    const { error, response } = await api.DELETE('/portal-api/products/{productId}/client_types/{clientTypeId}', { params: { path: { ...path, clientTypeId: String(id) } } });
    ensureOk(response, error);
  }
}
