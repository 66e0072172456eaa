import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';
import type { paths } from '@portcullis/web-shared';
import { isObject, type Json } from './document.js';

export type ApiWrapper = paths['/api/apis/{apiId}']['get']['responses'][200]['content']['application/json'];
export type ApiSort = 'name' | '-name' | 'created_at' | '-created_at' | 'updated_at' | '-updated_at';

export const apisKey = ['apis'] as const;

export function useApiList(page: number, q: string, sort: ApiSort) {
  return useQuery({
    queryKey: [...apisKey, 'list', { page, q, sort }],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/apis', { params: { query: { p: page, sort, ...(q ? { q } : {}) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useApi(id: string) {
  return useQuery({
    queryKey: [...apisKey, 'one', id],
    retry: false,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/apis/{apiId}', { params: { path: { apiId: id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useApiAccess(id: string) {
  return useQuery({
    queryKey: [...apisKey, 'access', id],
    retry: false,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/apis/{apiId}/access', { params: { path: { apiId: id } } });
      ensureOk(response, error);
      return { userIds: data!.userIds, groupIds: data!.userGroupIds };
    },
  });
}

/** Whether the wrapper holds an OAS API (its document rides along in `oas`). */
export function isOas(wrapper: ApiWrapper): boolean {
  return isObject(wrapper.oas) || wrapper.api_definition.is_oas === true;
}

export interface ApiSummary {
  id: string;
  apiId: string;
  name: string;
  listenPath: string;
  targetUrl: string;
  active: boolean;
  kind: 'Classic' | 'OAS';
  keyless: boolean;
  owners: number;
  updatedAt: string;
}

export function summarise(w: ApiWrapper): ApiSummary {
  const d = w.api_definition;
  const proxy: Json = isObject(d.proxy) ? d.proxy : {};
  return {
    id: String(d.id ?? ''),
    apiId: String(d.api_id ?? ''),
    name: String(d.name ?? ''),
    listenPath: String(proxy.listen_path ?? ''),
    targetUrl: String(proxy.target_url ?? ''),
    active: d.active !== false,
    kind: isOas(w) ? 'OAS' : 'Classic',
    keyless: d.use_keyless === true,
    owners: w.user_owners.length + w.user_group_owners.length,
    updatedAt: w.updated_at,
  };
}
