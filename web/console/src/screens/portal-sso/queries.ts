import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

export type SsoProfile = paths['/portal-api/sso_profiles/{profile_id}']['get']['responses'][200]['content']['application/json'];
export type SsoProfileSummary = paths['/portal-api/sso_profiles']['get']['responses'][200]['content']['application/json'][number];
export type SsoProfileCreate = NonNullable<paths['/portal-api/sso_profiles']['post']['requestBody']>['content']['application/json'];
export type SsoProfileUpdate = NonNullable<paths['/portal-api/sso_profiles/{profile_id}']['put']['requestBody']>['content']['application/json'];
export type SsoTestResult = paths['/portal-api/sso_profiles/{profile_id}/test']['post']['responses'][200]['content']['application/json'];

export const ssoKey = ['sso-profiles'] as const;

export function useSsoProfiles() {
  return useQuery({
    queryKey: [...ssoKey, 'all'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/sso_profiles');
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useSsoProfile(id: string) {
  return useQuery({
    queryKey: [...ssoKey, 'one', id],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/sso_profiles/{profile_id}', { params: { path: { profile_id: id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useSaveSsoProfile(existingId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: SsoProfileCreate) => {
      if (existingId === null) {
        const { data, error, response } = await api.POST('/portal-api/sso_profiles', { body });
        ensureOk(response, error);
        return data!;
      }
      const { data, error, response } = await api.PUT('/portal-api/sso_profiles/{profile_id}', { params: { path: { profile_id: existingId } }, body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (data) => {
      client.setQueryData([...ssoKey, 'one', data.ID], data);
      await client.invalidateQueries({ queryKey: [...ssoKey, 'all'] });
    },
  });
}

export function useDeleteSsoProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/portal-api/sso_profiles/{profile_id}', { params: { path: { profile_id: id } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, id) => {
      client.removeQueries({ queryKey: [...ssoKey, 'one', id] });
      await client.invalidateQueries({ queryKey: [...ssoKey, 'all'] });
    },
  });
}

export function useTestSsoProfile() {
  return useMutation({
    mutationFn: async (id: string) => {
      const { data, error, response } = await api.POST('/portal-api/sso_profiles/{profile_id}/test', { params: { path: { profile_id: id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** What a group can map to: Dashboard user groups (staff), or teams with their organisation (consumers). */
export function useMappingTargets(staff: boolean) {
  return useQuery({
    queryKey: [...ssoKey, 'targets', staff ? 'groups' : 'teams'],
    queryFn: async (): Promise<{ value: string; label: string }[]> => {
      if (staff) {
        const { data, error, response } = await api.GET('/api/usergroups', { params: { query: { p: -1 } } });
        ensureOk(response, error);
        return data!.groups.map((g) => ({ value: String(g.id), label: g.name }));
      }
      const { data, error, response } = await api.GET('/portal-api/organisations');
      ensureOk(response, error);
      const out: { value: string; label: string }[] = [];
      for (const org of data!) {
        const teams = await api.GET('/portal-api/organisations/{organisationId}/teams', { params: { path: { organisationId: String(org.ID) } } });
        ensureOk(teams.response, teams.error);
        for (const t of teams.data!) out.push({ value: String(t.ID), label: `${org.Name} / ${t.Name}` });
      }
      return out;
    },
  });
}
