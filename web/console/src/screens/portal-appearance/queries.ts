import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

export type Appearance = paths['/portal-api/settings/appearance']['get']['responses'][200]['content']['application/json'];
export type AppearanceUpdate = NonNullable<paths['/portal-api/settings/appearance']['put']['requestBody']>['content']['application/json'];
export type FontFamily = Appearance['FontFamily'];

const key = ['portal-settings', 'appearance'] as const;

export function useAppearance() {
  return useQuery({
    queryKey: key,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/settings/appearance');
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useSaveAppearance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: AppearanceUpdate) => {
      const { data, error, response } = await api.PUT('/portal-api/settings/appearance', { body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: (data) => client.setQueryData(key, data),
  });
}
