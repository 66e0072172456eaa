import { useQuery } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type OrganisationSummary = Json<paths['/portal-api/organisations']['get']>[number];
export type Organisation = Json<paths['/portal-api/organisations/{organisationId}']['get']>;
export type TeamSummary = Organisation['Teams'][number];
export type Team = Json<paths['/portal-api/organisations/{organisationId}/teams/{teamId}']['get']>;

/** Everything about organisations and teams is cached under this key (a change anywhere refreshes all). */
export const organisationsKey = ['portal-organisations'] as const;

const PER_PAGE = 100;

/** Every organisation, page after page (the list is short; pickers and the list screen filter on the client). */
export function useAllOrganisations(enabled = true) {
  return useQuery({
    queryKey: [...organisationsKey, 'all'],
    enabled,
    queryFn: async () => {
      const all: OrganisationSummary[] = [];
      for (let page = 1; ; page++) {
        const { data, error, response } = await api.GET('/portal-api/organisations', { params: { query: { page, per_page: PER_PAGE } } });
        ensureOk(response, error);
        all.push(...data!);
        if (data!.length < PER_PAGE) return all;
      }
    },
  });
}

/** One organisation with its teams and the ids of its users. */
export function useOrganisation(id: number | null) {
  return useQuery({
    queryKey: [...organisationsKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/organisations/{organisationId}', { params: { path: { organisationId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** An organisation's teams with their members (for member counts). */
export function useTeams(organisationId: number) {
  return useQuery({
    queryKey: [...organisationsKey, 'teams', organisationId],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/organisations/{organisationId}/teams', { params: { path: { organisationId: String(organisationId) } } });
      ensureOk(response, error);
      const teams = await Promise.all(
        data!.map(async (t) => {
          const one = await api.GET('/portal-api/organisations/{organisationId}/teams/{teamId}', {
            params: { path: { organisationId: String(organisationId), teamId: String(t.ID) } },
          });
          ensureOk(one.response, one.error);
          return one.data!;
        }),
      );
      return teams;
    },
  });
}

/** "3 users", "1 user", "no users". */
export function countOf(n: number, one: string, many: string): string {
  if (n === 0) return `no ${many}`;
  return `${n} ${n === 1 ? one : many}`;
}
