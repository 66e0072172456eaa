import { useQuery } from '@tanstack/react-query';
import { ApiError, ensureOk } from '@portcullis/web-shared';
import { api } from '../../api.js';

/** The catalogues this visitor may see (public ones; private ones of the signed-in consumer's audience), with products and plans. */
export function useCatalogues() {
  return useQuery({
    queryKey: ['catalogues'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal/api/catalogues', { params: { query: { page: 1, per_page: 100 } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type LiveCatalogue = NonNullable<ReturnType<typeof useCatalogues>['data']>[number];

/** One product of a catalogue this visitor may see; a 404 otherwise (hidden and missing look alike). */
export function useProduct(productId: number) {
  return useQuery({
    queryKey: ['product', productId],
    queryFn: async () => {
      if (!Number.isSafeInteger(productId) || productId < 1) throw new ApiError(404, 'Not found');
      const { data, error, response } = await api.GET('/portal/api/products/{productId}', { params: { path: { productId: String(productId) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type LiveProduct = NonNullable<ReturnType<typeof useProduct>['data']>;

/** One Markdown guide of a product this visitor may see. */
export function useGuide(productId: number, guideId: number) {
  return useQuery({
    queryKey: ['product', productId, 'guide', guideId],
    queryFn: async () => {
      if (![productId, guideId].every((n) => Number.isSafeInteger(n) && n > 0)) throw new ApiError(404, 'Not found');
      const { data, error, response } = await api.GET('/portal/api/products/{productId}/docs/{docId}', { params: { path: { productId: String(productId), docId: String(guideId) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}
