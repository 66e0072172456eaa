import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, ensureOk } from '@portcullis/web-shared';
import { api } from '../../api.js';
import { useCatalogues } from '../catalogue/queries.js';

export const myAppsKey = ['my-apps'] as const;
const appKey = (id: number) => ['my-apps', 'one', id] as const;

async function fetchApp(id: number) {
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError(404, 'Not found');
  const { data, error, response } = await api.GET('/portal/api/apps/{appId}', { params: { path: { appId: String(id) } } });
  ensureOk(response, error);
  return data!;
}

/** The apps I can see (mine, and those my teams or organisation share with me). */
export function useMyAppList() {
  return useQuery({
    queryKey: [...myAppsKey, 'list'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal/api/apps', { params: { query: { page: 1, per_page: 100 } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type MyAppSummary = NonNullable<ReturnType<typeof useMyAppList>['data']>[number];

/** One of my apps with its access requests and credentials (keys redacted); a 404 when I may not see it. */
export function useMyApp(id: number) {
  return useQuery({ queryKey: appKey(id), queryFn: () => fetchApp(id) });
}

export type MyApp = NonNullable<ReturnType<typeof useMyApp>['data']>;
export type MyAccessRequest = MyApp['AccessRequests'][number];
export type MyCredential = MyAccessRequest['Credentials'][number];

/** Each listed app with its requests and credentials, for the dashboard's overview. */
export function useMyAppDetails(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: appKey(id), queryFn: () => fetchApp(id) })),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: myAppsKey });
}

export function useCreateApp() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: { Name: string; Description: string }) => {
      const { data, error, response } = await api.POST('/portal/api/apps', { body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: () => refresh(),
  });
}

export function useUpdateApp(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: { Name: string; Description: string }) => {
      const { data, error, response } = await api.PUT('/portal/api/apps/{appId}', { params: { path: { appId: String(id) } }, body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: () => refresh(),
  });
}

export function useDeleteApp(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/portal/api/apps/{appId}', { params: { path: { appId: String(id) } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: appKey(id) });
      await queryClient.invalidateQueries({ queryKey: myAppsKey });
    },
  });
}

const credentialPath = (appId: number, credentialId: number) => ({ params: { path: { appId: String(appId), credentialId: String(credentialId) } } });

/** Mints the credential's key and returns it: the one time it is shown. */
export function useRevealKey(appId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (credentialId: number) => {
      const { data, error, response } = await api.POST('/portal/api/apps/{appId}/credentials/{credentialId}/reveal', credentialPath(appId, credentialId));
      ensureOk(response, error);
      return data!.Credential;
    },
    onSettled: () => refresh(),
  });
}

/** A new key, returned once; the old one stops working. */
export function useRotateKey(appId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (credentialId: number) => {
      const { data, error, response } = await api.PUT('/portal/api/apps/{appId}/credentials/{credentialId}/rotate', credentialPath(appId, credentialId));
      ensureOk(response, error);
      return data!.Credential;
    },
    onSettled: () => refresh(),
  });
}

/** The key stops working and the access that produced it is removed. */
export function useRevokeKey(appId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (credentialId: number) => {
      const { error, response } = await api.DELETE('/portal/api/apps/{appId}/credentials/{credentialId}', credentialPath(appId, credentialId));
      ensureOk(response, error);
    },
    onSuccess: () => refresh(),
  });
}

/** Asks for a product on a plan for one of my apps, or for a new app created first. */
export function useRequestAccess() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: {
      app: { id: number; name: string } | { newName: string };
      productId: number;
      planId: number;
      /** DCR products: the OAuth client type chosen (Tyk's ClientTypeID); absent: the product's first. */
      clientTypeId?: number;
      /** Told of the new app as soon as it exists, so that a failed request is retried with it rather than a second one. */
      onAppCreated?: (app: { id: number; name: string }) => void;
    }) => {
      let app: { id: number; name: string };
      if ('newName' in input.app) {
        const { data, error, response } = await api.POST('/portal/api/apps', { body: { Name: input.app.newName, Description: '' } });
        ensureOk(response, error);
        app = { id: data!.ID, name: data!.Name };
        input.onAppCreated?.(app);
      } else {
        app = input.app;
      }
      const { data, error, response } = await api.POST('/portal/api/access-requests', {
        body: { AppID: app.id, ProductID: input.productId, PlanID: input.planId, ...(input.clientTypeId === undefined ? {} : { ClientTypeID: input.clientTypeId }) },
      });
      ensureOk(response, error);
      return { app, request: data! };
    },
    onSettled: () => refresh(),
  });
}

/**
 * The names consumers read for a request's product and plan (their display
 * names, from the catalogues I may see); the stored name when the offer is no
 * longer shown to me.
 */
export function useOfferNames() {
  const catalogues = useCatalogues();
  const products = new Map<number, string>();
  const plans = new Map<number, string>();
  for (const c of catalogues.data ?? []) {
    for (const p of c.Products) products.set(p.ID, p.DisplayName || p.Name);
    for (const p of c.Plans) plans.set(p.ID, p.DisplayName || p.Name);
  }
  return {
    product: (r: { ProductID: number; Products: string[] }) => products.get(r.ProductID) ?? r.Products[0] ?? 'Product',
    plan: (r: { PlanID: number; Plan: string }) => plans.get(r.PlanID) ?? r.Plan,
  };
}
