import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type Plan = Json<paths['/portal-api/plans/{planId}']['get']>;
export type PlanInput = NonNullable<paths['/portal-api/plans']['post']['requestBody']>['content']['application/json'];

/** Everything about plans is cached under this key. */
export const plansKey = ['portal-plans'] as const;

const PER_PAGE = 100;

/**
 * Every plan with its limits and catalogues: the list gives only a summary, so
 * each plan is read in full (there are a handful; the list shows their terms in words).
 */
export function useAllPlans() {
  return useQuery({
    queryKey: [...plansKey, 'all'],
    queryFn: async () => {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const { data, error, response } = await api.GET('/portal-api/plans', { params: { query: { page, per_page: PER_PAGE } } });
        ensureOk(response, error);
        ids.push(...data!.data.map((p) => p.ID));
        if (data!.data.length < PER_PAGE) break;
      }
      return Promise.all(
        ids.map(async (id) => {
          const { data, error, response } = await api.GET('/portal-api/plans/{planId}', { params: { path: { planId: String(id) } } });
          ensureOk(response, error);
          return data!;
        }),
      );
    },
  });
}

export function usePlan(id: number | null) {
  return useQuery({
    queryKey: [...plansKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/plans/{planId}', { params: { path: { planId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Plans and catalogues name each other: a change to either refreshes both (and products, which list their catalogues). */
export function useRefreshOfferings() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: plansKey }),
      queryClient.invalidateQueries({ queryKey: ['portal-catalogues'] }),
      queryClient.invalidateQueries({ queryKey: ['portal-products'] }),
    ]);
  };
}

/** The form's words for the server's: "is required" and "must NOT have fewer than 1 characters" both mean "Required". */
export function plainFieldError(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  if (/^(is required|required\b|must NOT have fewer than 1 characters)/.test(message)) return 'Required.';
  if (/^must be > 0/.test(message)) return 'Must be more than 0.';
  if (/^must be >= 1/.test(message)) return 'Must be at least 1.';
  if (/^must be integer/.test(message)) return 'Must be a whole number.';
  return message.charAt(0).toUpperCase() + message.slice(1);
}
