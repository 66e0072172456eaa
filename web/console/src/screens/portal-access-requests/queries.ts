import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { api, ensureOk } from '../../api.js';
import { notifyDone } from '../../components/notify.js';

type Json<R> = R extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
/** A request as the list returns it. */
export type AccessRequestSummary = Json<paths['/portal-api/access_requests']['get']>[number];
/** One request with the credentials its approval produced. */
export type AccessRequest = Json<paths['/portal-api/access_requests/{requestId}']['get']>;
export type RequestStatus = AccessRequestSummary['Status'];
export type Credential = AccessRequest['Credentials'][number];

export const accessRequestsKey = ['portal-access-requests'] as const;
/** The Apps screen shows what each app may call: a decision changes it. */
export const appsKey = ['portal-apps'] as const;
export const PER_PAGE = 50;

export const STATUS_LABEL: Record<RequestStatus, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' };

export function requesterName(r: { UserName: string; User: string }): string {
  return r.UserName || r.User;
}

/** One page of requests: pending first (newest first), then the others; or only those of one status. */
export function useAccessRequestsPage(status: RequestStatus | null, page: number) {
  return useQuery({
    queryKey: [...accessRequestsKey, 'page', status, page],
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/access_requests', {
        params: { query: { page, per_page: PER_PAGE, pending_first: true, ...(status !== null ? { status } : {}) } },
      });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** Pending requests, up to 100: to count them at a glance. */
export function usePendingRequests() {
  return useQuery({
    queryKey: [...accessRequestsKey, 'pending'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/access_requests', { params: { query: { status: 'pending', per_page: 100 } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export function useAccessRequest(id: number | null) {
  return useQuery({
    queryKey: [...accessRequestsKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/access_requests/{requestId}', { params: { path: { requestId: String(id) } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type Decision = 'approve' | 'reject';

/** Approves or rejects a pending request, with an optional comment the consumer reads. */
export function useDecide(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, decision, comment }: { request: { ID: number }; decision: Decision; comment: string }) => {
      const params = { path: { requestId: String(request.ID) } };
      const body = comment.trim() ? { Comment: comment.trim() } : {};
      const { error, response } =
        decision === 'approve' ? await api.PUT('/portal-api/access_requests/{requestId}/approve', { params, body }) : await api.PUT('/portal-api/access_requests/{requestId}/reject', { params, body });
      ensureOk(response, error);
    },
    onSuccess: async (_, { request, decision }) => {
      notifyDone(decision === 'approve' ? `Access request ${request.ID} approved: the consumer is emailed and collects the key in their app` : `Access request ${request.ID} rejected: the consumer is emailed`);
      await queryClient.invalidateQueries({ queryKey: accessRequestsKey });
      await queryClient.invalidateQueries({ queryKey: appsKey });
      onDone();
    },
  });
}

/** What a credential's state means to an API Owner. */
export function credentialStatus(c: Credential, now = Date.now()): { label: string; color: string; help: string } {
  if (c.CredentialHash === '') {
    return c.Revealed
      ? { label: 'No key', color: 'gray.7', help: 'Its key was deleted.' }
      : { label: 'Waiting for the owner', color: 'yellow.4', help: 'The key is made when the app’s owner opens the app in the Developer Portal; only they see it.' };
  }
  if (c.Expires && Date.parse(`${c.Expires.replace(' ', 'T')}:00Z`) < now) return { label: 'Expired', color: 'gray.7', help: 'Callers using it are refused.' };
  return { label: 'Active', color: 'teal.9', help: 'Callers using its key are let through, within the plan’s limits.' };
}
