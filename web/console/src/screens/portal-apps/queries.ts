import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';
import { notifyDone } from '../../components/notify.js';
import { accessRequestsKey, appsKey } from '../portal-access-requests/queries.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
/** An app as the list returns it: owner, what it may call, how many credentials. */
export type AppSummary = Json<paths['/portal-api/apps']['get']>[number];
/** An app with its access requests and their credentials (keys never shown). */
export type App = Json<paths['/portal-api/apps/{appId}']['get']>;
export type AppRequest = App['AccessRequests'][number];
export type AppCredential = AppRequest['Credentials'][number];

export { appsKey };
export const PER_PAGE = 50;

export const VISIBILITY: Record<App['Visibility'], string> = {
  personal: 'Personal: only its owner sees it',
  team: 'Team: the owner’s team members see it',
  organisation: 'Organisation: everyone in the owner’s organisation sees it',
};

export function ownerName(a: { UserName: string; UserEmail: string }): string {
  return a.UserName || a.UserEmail;
}

export function useAppsPage(q: string, organisation: number | null, page: number) {
  return useQuery({
    queryKey: [...appsKey, 'page', q, organisation, page],
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/apps', {
        params: { query: { page, per_page: PER_PAGE, ...(q.trim() ? { q: q.trim() } : {}), ...(organisation !== null ? { organisation } : {}) } },
      });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useApp(id: number | null) {
  return useQuery({
    queryKey: [...appsKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/apps/{appId}', { params: { path: { appId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: appsKey });
    await queryClient.invalidateQueries({ queryKey: accessRequestsKey });
  };
}

/** The old key stops working at once; the owner sees the new one at their next view of the app (never the administrator). */
export function useRotateCredential(onDone: () => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ app, credential }: { app: { ID: number }; credential: { ID: number } }) => {
      const { error, response } = await api.PUT('/portal-api/apps/{appId}/credentials/{credentialId}/rotate', {
        params: { path: { appId: String(app.ID), credentialId: String(credential.ID) } },
      });
      ensureOk(response, error);
    },
    onSuccess: async (_, { credential }) => {
      notifyDone(`Credential ${credential.ID} rotated: the old key no longer works; the owner gets the new one in their app`);
      await refresh();
      onDone();
    },
  });
}

/** Revoking a credential removes the access request that produced it: its key is deleted with it. */
export function useRevokeCredential(onDone: () => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ credential }: { credential: { ID: number; AccessRequestID: number } }) => {
      const { error, response } = await api.DELETE('/portal-api/access_requests/{requestId}', { params: { path: { requestId: String(credential.AccessRequestID) } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, { credential }) => {
      notifyDone(`Credential ${credential.ID} revoked: its key no longer works`);
      await refresh();
      onDone();
    },
  });
}

export function useDeleteApp(onDeleted: () => void) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (app: { ID: number; Name: string }) => {
      const { error, response } = await api.DELETE('/portal-api/apps/{appId}', { params: { path: { appId: String(app.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, app) => {
      notifyDone(`App “${app.Name}” deleted; its keys no longer work`);
      queryClient.removeQueries({ queryKey: [...appsKey, 'one', app.ID] });
      await refresh();
      onDeleted();
    },
  });
}
