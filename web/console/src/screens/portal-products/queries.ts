import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ApiError, ensureOk } from '../../api.js';
import { summarise, type ApiSummary } from '../apis/queries.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type ProductSummary = Json<paths['/portal-api/products']['get']>[number];
export type Product = Json<paths['/portal-api/products/{productId}']['get']>;
export type ProductApi = Product['APIDetails'][number];
export type Guide = Json<paths['/portal-api/products/{productId}/docs/{docId}']['get']>;
export type CatalogueSummary = Json<paths['/portal-api/catalogues']['get']>[number];

/** Everything about products (their APIs, documents and guides) is cached under this key. */
export const productsKey = ['portal-products'] as const;
/** The catalogues (shared with the Catalogues screen's key). */
export const cataloguesKey = ['portal-catalogues'] as const;

const PER_PAGE = 100;

/** Every page of a portal list (the lists are short; the screens search and sort on the client). */
async function allPages<T>(fetchPage: (page: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const rows = await fetchPage(page);
    all.push(...rows);
    if (rows.length < PER_PAGE) return all;
  }
}

export function useAllProducts() {
  return useQuery({
    queryKey: [...productsKey, 'all'],
    queryFn: () =>
      allPages(async (page) => {
        const { data, error, response } = await api.GET('/portal-api/products', { params: { query: { page, per_page: PER_PAGE } } });
        ensureOk(response, error);
        return data!;
      }),
  });
}

export function useProduct(id: number | null) {
  return useQuery({
    queryKey: [...productsKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/products/{productId}', { params: { path: { productId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** The product's guides, in their order. */
export function useGuides(productId: number) {
  return useQuery({
    queryKey: [...productsKey, 'guides', productId],
    queryFn: () =>
      allPages(async (page) => {
        const { data, error, response } = await api.GET('/portal-api/products/{productId}/docs', {
          params: { path: { productId: String(productId) }, query: { page, per_page: PER_PAGE } },
        });
        ensureOk(response, error);
        return data!;
      }),
  });
}

export function useGuide(productId: number | null, guideId: number | null) {
  return useQuery({
    queryKey: [...productsKey, 'guide', productId, guideId],
    enabled: productId !== null && guideId !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/products/{productId}/docs/{docId}', {
        params: { path: { productId: String(productId), docId: String(guideId) } },
      });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** The OpenAPI document consumers read for one API of the product (the uploaded one, else the OAS API's own). */
export function useApiDocument(productId: number, apiId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...productsKey, 'document', productId, apiId],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/products/{productId}/api-details/{apiId}/oas', {
        params: { path: { productId: String(productId), apiId } },
      });
      ensureOk(response, error);
      return data as Record<string, unknown>;
    },
  });
}

export function useAllCatalogues() {
  return useQuery({
    queryKey: [...cataloguesKey, 'all'],
    queryFn: () =>
      allPages(async (page) => {
        const { data, error, response } = await api.GET('/portal-api/catalogues', { params: { query: { page, per_page: PER_PAGE } } });
        ensureOk(response, error);
        return data!;
      }),
  });
}

/**
 * Every API of the Dashboard the signed-in user may see (the server lists no
 * other): the choices for a product's APIs. Null when the user may not list
 * APIs at all (no `apis` permission).
 */
export function useVisibleApis() {
  return useQuery({
    queryKey: ['apis', 'all-for-products'],
    queryFn: async (): Promise<ApiSummary[] | null> => {
      const { data, error, response } = await api.GET('/api/apis', { params: { query: { p: -1, sort: 'name' } } });
      if (response.status === 403) return null;
      ensureOk(response, error);
      return data!.apis.map(summarise);
    },
  });
}

export function useRefreshProducts() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: productsKey });
    // Catalogues list their products.
    await queryClient.invalidateQueries({ queryKey: cataloguesKey });
  };
}


export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** "3 guides", "1 guide", "no guides". */
export function countOf(n: number, one: string, many: string): string {
  if (n === 0) return `no ${many}`;
  return `${n} ${n === 1 ? one : many}`;
}
