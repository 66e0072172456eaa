import { useQuery } from '@tanstack/react-query';
import { ApiError, ensureOk } from '@portcullis/web-shared';
import { api } from '../../api.js';

/** A post's or page's Path in a URL: its segments stay apart (the server reads /posts/news/launch, not news%2Flaunch). */
function withPath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace('{path}', String(params.path).split('/').map(encodeURIComponent).join('/'));
}

/** Paths the server accepts: lowercase letters, digits, - and _, in segments separated by /. Anything else is missing. */
const PATH = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*$/;

/** The published blog posts, newest first. */
export function usePosts() {
  return useQuery({
    queryKey: ['posts'],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal/api/posts', { params: { query: { page: 1, per_page: 100 } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

export type PublishedContent = NonNullable<ReturnType<typeof usePosts>['data']>[number];

/** One published post by its path; a draft or an absent one is a 404. */
export function usePost(path: string) {
  return useQuery({
    queryKey: ['post', path],
    queryFn: async () => {
      if (!PATH.test(path)) throw new ApiError(404, 'Not found');
      const { data, error, response } = await api.GET('/portal/api/posts/{path}', { params: { path: { path } }, pathSerializer: withPath });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** One published content page by its path; a draft or an absent one is a 404. */
export function usePage(path: string) {
  return useQuery({
    queryKey: ['page', path],
    queryFn: async () => {
      if (!PATH.test(path)) throw new ApiError(404, 'Not found');
      const { data, error, response } = await api.GET('/portal/api/pages/{path}', { params: { path: { path } }, pathSerializer: withPath });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** "2024-06-23 21:02" (UTC, the portal's date format) in the reader's words: "23 June 2024". */
export function dateWords(portalDate: string): string {
  const date = new Date(`${portalDate.replace(' ', 'T')}:00Z`);
  return Number.isNaN(date.getTime()) ? portalDate : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}
