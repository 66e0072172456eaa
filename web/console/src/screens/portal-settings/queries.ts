import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

export type PortalSettings = paths['/portal-api/settings/general']['get']['responses'][200]['content']['application/json'];
export type SettingsUpdate = NonNullable<paths['/portal-api/settings/general']['put']['requestBody']>['content']['application/json'];
export type RegistrationRule = PortalSettings['RegistrationRules'][number];

export const settingsKey = ['portal-settings'] as const;

export function usePortalSettings() {
  return useQuery({
    queryKey: [...settingsKey, 'general'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/settings/general');
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: SettingsUpdate) => {
      const { data, error, response } = await api.PUT('/portal-api/settings/general', { body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: (data) => client.setQueryData([...settingsKey, 'general'], data),
  });
}

export function useSendTestEmail() {
  return useMutation({
    mutationFn: async (to: string) => {
      const { data, error, response } = await api.POST('/portal-api/settings/test-email', { body: { to } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ['portal-organisations', 'all'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/organisations');
      ensureOk(response, error);
      return data!;
    },
  });
}

/** An organisation's teams (for a registration rule's team picker). */
export function useTeams(organisationId: number | null) {
  return useQuery({
    queryKey: ['portal-organisations', 'teams', organisationId],
    enabled: organisationId !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/organisations/{organisationId}/teams', { params: { path: { organisationId: String(organisationId) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}
