import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';
import { notifyDone } from '../../components/notify.js';
import { organisationsKey } from '../portal-organisations/queries.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
/** A consumer as the list returns it. */
export type ConsumerSummary = Json<paths['/portal-api/users']['get']>[number];
/** A consumer with organisation and teams. */
export type Consumer = Json<paths['/portal-api/users/{userId}']['get']>;
export type ConsumerUpdate = NonNullable<paths['/portal-api/users/{userId}']['put']['requestBody']>['content']['application/json'];
export type ConsumerCreate = NonNullable<paths['/portal-api/users']['post']['requestBody']>['content']['application/json'];

export const consumersKey = ['portal-consumers'] as const;
export const PER_PAGE = 50;

export type ConsumerRole = 'consumer-admin' | 'consumer-team-member';
export const ROLE_OPTIONS: { value: ConsumerRole; label: string }[] = [
  { value: 'consumer-team-member', label: 'Team member' },
  { value: 'consumer-admin', label: 'Consumer admin (manages the organisation’s users)' },
];

export function roleLabel(role: string): string {
  return role === 'consumer-admin' ? 'Consumer admin' : role === 'consumer-team-member' ? 'Team member' : role;
}

export function consumerName(u: { First: string; Last: string; Email: string }): string {
  return `${u.First} ${u.Last}`.trim() || u.Email;
}

export interface ConsumerFilters {
  q: string;
  organisation: number | null;
  team: number | null;
  role: ConsumerRole | null;
  active: boolean | null;
}

/** One page of API consumers (never staff), filtered on the server. */
export function useConsumersPage(f: ConsumerFilters, page: number) {
  return useQuery({
    queryKey: [...consumersKey, 'page', f, page],
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/users', {
        params: {
          query: {
            kind: 'consumer',
            page,
            per_page: PER_PAGE,
            ...(f.q.trim() ? { q: f.q.trim() } : {}),
            ...(f.organisation !== null ? { organisation: f.organisation } : {}),
            ...(f.team !== null ? { team: f.team } : {}),
            ...(f.role !== null ? { role: f.role } : {}),
            ...(f.active !== null ? { active: f.active } : {}),
          },
        },
      });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Inactive consumers, most of them self-registrations waiting for approval: up to 100, to count them at a glance. */
export function usePendingConsumers() {
  return useQuery({
    queryKey: [...consumersKey, 'pending'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/users', { params: { query: { kind: 'consumer', active: false, per_page: 100 } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useConsumer(id: number | null) {
  return useQuery({
    queryKey: [...consumersKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/users/{userId}', { params: { path: { userId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Refreshes everything a change to a consumer shows in: the lists, the consumer, organisation and team counts. */
export function useRefreshConsumers() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: consumersKey });
    await queryClient.invalidateQueries({ queryKey: organisationsKey });
  };
}

/** Activating (approving a registration) or deactivating, which takes effect at once. */
export function useSetActive() {
  const refresh = useRefreshConsumers();
  return useMutation({
    mutationFn: async ({ user, active }: { user: { ID: number; First: string; Last: string; Email: string }; active: boolean; approving?: boolean }) => {
      const { error, response } = await api.PUT('/portal-api/users/{userId}', { params: { path: { userId: String(user.ID) } }, body: { Active: active } });
      ensureOk(response, error);
    },
    onSuccess: async (_, { user, active, approving }) => {
      notifyDone(`${consumerName(user)} ${active ? (approving ? 'approved: they can sign in now' : 'activated') : 'deactivated'}`);
      await refresh();
    },
  });
}

export function useDeleteConsumer(onDeleted: () => void) {
  const queryClient = useQueryClient();
  const refresh = useRefreshConsumers();
  return useMutation({
    mutationFn: async (user: { ID: number; First: string; Last: string; Email: string }) => {
      const { error, response } = await api.DELETE('/portal-api/users/{userId}', { params: { path: { userId: String(user.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, user) => {
      notifyDone(`${consumerName(user)} deleted`);
      queryClient.removeQueries({ queryKey: [...consumersKey, 'one', user.ID] });
      await refresh();
      onDeleted();
    },
  });
}
