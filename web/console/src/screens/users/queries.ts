import { useQuery } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';

/** A Dashboard user as the API returns it. */
export type User = paths['/api/users/{id}']['get']['responses'][200]['content']['application/json'];
/** A user group as the API returns it. */
export type UserGroup = paths['/api/usergroups/{id}']['get']['responses'][200]['content']['application/json'];
/** `user_permissions`: section → deny | read | write, and `IsAdmin: admin`. */
export type PermissionMap = Record<string, string>;

export const usersKey = ['users'] as const;
export const groupsKey = ['user-groups'] as const;

/** One page of users; with a search text, the server's search (name or email). */
export function useUsersPage(search: string, page: number) {
  const query = search.trim();
  return useQuery({
    queryKey: [...usersKey, 'page', query, page],
    placeholderData: (previous) => previous,
    queryFn: async () => {
      if (query === '') {
        const { data, error, response } = await api.GET('/api/users', { params: { query: { p: page } } });
        ensureOk(response, error);
        return data!;
      }
      const { data, error, response } = await api.POST('/api/users/search', { params: { query: { p: page } }, body: { filters: { query } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Every user (for pickers: successors, group members). */
export function useAllUsers(enabled = true) {
  return useQuery({
    queryKey: [...usersKey, 'all'],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/users', { params: { query: { p: -1 } } });
      ensureOk(response, error);
      return data!.users;
    },
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/users/{id}', { params: { path: { id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Every user group (lists are short; the list screen filters them on the client). */
export function useAllGroups(enabled = true) {
  return useQuery({
    queryKey: [...groupsKey, 'all'],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usergroups', { params: { query: { p: -1 } } });
      ensureOk(response, error);
      return data!.groups;
    },
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: [...groupsKey, 'one', id],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usergroups/{id}', { params: { path: { id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function fullName(u: { first_name: string; last_name: string; email_address: string }): string {
  return `${u.first_name} ${u.last_name}`.trim() || u.email_address;
}
