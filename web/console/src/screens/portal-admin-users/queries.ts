import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ApiError, ensureOk } from '../../api.js';

export type PortalUser = paths['/portal-api/users/{userId}']['get']['responses'][200]['content']['application/json'];
export type PortalUserSummary = paths['/portal-api/users']['get']['responses'][200]['content']['application/json'][number];
export type PortalUserCreate = NonNullable<paths['/portal-api/users']['post']['requestBody']>['content']['application/json'];
export type PortalUserUpdate = NonNullable<paths['/portal-api/users/{userId}']['put']['requestBody']>['content']['application/json'];

/** The two roles of API Owners (Settings > Admin users). */
export const ADMIN_ROLES = ['super-admin', 'provider-admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: string): role is AdminRole => (ADMIN_ROLES as readonly string[]).includes(role);

export const adminUsersKey = ['portal-admin-users'] as const;

/** What each role means: the seed's note, in the console's words. */
export const ROLE_EXPLANATION =
  'super-admin is the administrator created when the portal was first set up; every admin user added since is provider-admin. Both roles can do exactly the same things.';

async function listRole(role: AdminRole, q: string): Promise<PortalUserSummary[]> {
  const out: PortalUserSummary[] = [];
  for (let page = 1; page <= 50; page++) {
    const { data, error, response } = await api.GET('/portal-api/users', { params: { query: { role, page, per_page: 100, ...(q ? { q } : {}) } } });
    ensureOk(response, error);
    out.push(...data!);
    if (data!.length < 100) break;
  }
  return out;
}

/**
 * Every API Owner (super-admin and provider-admin), optionally searched by name
 * or email on the server. Rows of another role are dropped: someone with the
 * portal permission alone is shown consumers whatever role they ask for.
 */
export function useAdminUsers(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: [...adminUsersKey, 'list', q],
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const [supers, providers] = await Promise.all(ADMIN_ROLES.map((r) => listRole(r, q)));
      return [...supers!, ...providers!].filter((u) => isAdminRole(u.Role)).sort((a, b) => a.ID - b.ID);
    },
  });
}

export function useAdminUser(id: string) {
  return useQuery({
    queryKey: [...adminUsersKey, 'one', id],
    queryFn: async () => {
      const userId = Number(id);
      if (!Number.isInteger(userId) || userId < 1 || userId > 2147483647) throw new ApiError(404, 'admin user not found');
      const { data, error, response } = await api.GET('/portal-api/users/{userId}', { params: { path: { userId: String(userId) } } });
      ensureOk(response, error);
      // Only API Owners live here: a consumer's id looks like a missing admin user.
      if (!isAdminRole(data!.Role)) throw new ApiError(404, 'admin user not found');
      return data!;
    },
  });
}

export function useCreateAdminUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: PortalUserCreate) => {
      const { data, error, response } = await api.POST('/portal-api/users', { body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersKey }),
  });
}

export function useUpdateAdminUser(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: PortalUserUpdate) => {
      const { data, error, response } = await api.PUT('/portal-api/users/{userId}', { params: { path: { userId: String(id) } }, body });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersKey }),
  });
}

export function useDeleteAdminUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      const { error, response } = await api.DELETE('/portal-api/users/{userId}', { params: { path: { userId: String(id) } } });
      ensureOk(response, error);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: adminUsersKey }),
  });
}

export function adminName(u: { First: string; Last: string; Email: string }): string {
  return `${u.First} ${u.Last}`.trim() || u.Email;
}
