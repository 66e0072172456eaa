import { useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';

/** How many of each thing the Admin Portal holds, and what waits for a decision (up to 100 of each: "100 or more" beyond). */
export interface PortalCounts {
  pendingConsumers: number;
  pendingRequests: number;
  catalogues: number;
  products: number;
  plans: number;
}

const FIRST_PAGE = { page: 1, per_page: 100 } as const;

export function usePortalCounts() {
  return useQuery({
    queryKey: ['portal-overview'],
    queryFn: async (): Promise<PortalCounts> => {
      const [consumers, requests, catalogues, products, plans] = await Promise.all([
        api.GET('/portal-api/users', { params: { query: { kind: 'consumer', active: false, ...FIRST_PAGE } } }),
        api.GET('/portal-api/access_requests', { params: { query: { status: 'pending', ...FIRST_PAGE } } }),
        api.GET('/portal-api/catalogues', { params: { query: FIRST_PAGE } }),
        api.GET('/portal-api/products', { params: { query: FIRST_PAGE } }),
        api.GET('/portal-api/plans', { params: { query: FIRST_PAGE } }),
      ]);
      for (const r of [consumers, requests, catalogues, products, plans]) ensureOk(r.response, r.error);
      return {
        pendingConsumers: consumers.data!.length,
        pendingRequests: requests.data!.length,
        catalogues: catalogues.data!.length,
        products: products.data!.length,
        plans: plans.data!.data.length,
      };
    },
  });
}
