import { useQueries, useQuery } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';
import { organisationsKey, useAllOrganisations, type Organisation } from '../portal-organisations/queries.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type Catalogue = Json<paths['/portal-api/catalogues/{catalogueId}']['get']>;
export type CatalogueInput = NonNullable<paths['/portal-api/catalogues']['post']['requestBody']>['content']['application/json'];
export type ProductSummary = Json<paths['/portal-api/products']['get']>[number];

/** Everything about catalogues is cached under this key. */
export const cataloguesKey = ['portal-catalogues'] as const;

const PER_PAGE = 100;

/**
 * Every catalogue with its products, plans and audience: the list gives only
 * names and visibility, so each is read in full (catalogues are few).
 */
export function useAllCatalogues() {
  return useQuery({
    queryKey: [...cataloguesKey, 'all'],
    queryFn: async () => {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const { data, error, response } = await api.GET('/portal-api/catalogues', { params: { query: { page, per_page: PER_PAGE } } });
        ensureOk(response, error);
        ids.push(...data!.map((c) => c.ID));
        if (data!.length < PER_PAGE) break;
      }
      return Promise.all(
        ids.map(async (id) => {
          const { data, error, response } = await api.GET('/portal-api/catalogues/{catalogueId}', { params: { path: { catalogueId: String(id) } } });
          ensureOk(response, error);
          return data!;
        }),
      );
    },
  });
}

export function useCatalogue(id: number | null) {
  return useQuery({
    queryKey: [...cataloguesKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/catalogues/{catalogueId}', { params: { path: { catalogueId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Every product the reader may see (for the catalogue's product picker). */
export function useAllProducts() {
  return useQuery({
    queryKey: ['portal-products', 'catalogue-picker'],
    queryFn: async () => {
      const all: ProductSummary[] = [];
      for (let page = 1; ; page++) {
        const { data, error, response } = await api.GET('/portal-api/products', { params: { query: { page, per_page: PER_PAGE } } });
        ensureOk(response, error);
        all.push(...data!);
        if (data!.length < PER_PAGE) return all;
      }
    },
  });
}

/** Who sees the catalogue, in words: "Anyone, even signed out" or "Acme; Globex: team Ops". */
export function audienceWords(c: Pick<Catalogue, 'VisibilityStatus' | 'OrgCatalogues'>): string {
  if (c.VisibilityStatus === 'Public') return 'Anyone, even signed out';
  if (c.OrgCatalogues.length === 0) return 'Nobody yet: choose organisations or teams';
  return c.OrgCatalogues.map((a) => (a.Team === null ? `${a.Organisation} (everyone)` : `${a.Organisation}: team ${a.Team}`)).join('; ');
}

/** Every organisation with its teams (for the audience pickers); shares the organisations screen's cache. */
export function useOrganisationsWithTeams() {
  const orgs = useAllOrganisations();
  const details = useQueries({
    queries: (orgs.data ?? []).map((o) => ({
      queryKey: [...organisationsKey, 'one', o.ID],
      queryFn: async () => {
        const { data, error, response } = await api.GET('/portal-api/organisations/{organisationId}', { params: { path: { organisationId: String(o.ID) } } });
        ensureOk(response, error);
        return data!;
      },
    })),
  });
  const error = orgs.error ?? details.find((d) => d.error)?.error ?? null;
  const pending = orgs.isPending || details.some((d) => d.isPending);
  const data: Organisation[] = details.flatMap((d) => (d.data ? [d.data] : []));
  return { data, error, pending };
}
