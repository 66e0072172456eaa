import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pages, type paths } from '@portcullis/web-shared';
import { api, ApiError, ensureOk } from '../../api.js';

/** The two kinds of content, as they appear in the console's addresses (/portal/content/posts, /portal/content/pages). */
export type ContentKind = 'posts' | 'pages';

export type ContentInput = NonNullable<paths['/portal-api/posts']['post']['requestBody']>['content']['application/json'];
export type ContentStatus = ContentInput['Status'];

/** A post or a page, whichever endpoint it came from (a post's id is a string in one place, an integer in others). */
export interface ContentItem {
  id: number;
  title: string;
  path: string;
  lede: string;
  content: string;
  status: ContentStatus;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** What the screens say about each kind, in the words of an API Owner. */
export interface KindWords {
  /** "blog post" */
  one: string;
  /** "Blog post" */
  One: string;
  /** "blog posts" */
  many: string;
  /** "Blog posts" (the tab) */
  Many: string;
  /** Where an item with this path is shown in the Live Portal. */
  address: (path: string) => string;
  /** What comes before the path in the Live Portal's address. */
  prefix: string;
  /** An example path. */
  example: string;
}

export const KIND_WORDS: Record<ContentKind, KindWords> = {
  posts: {
    one: 'blog post',
    One: 'Blog post',
    many: 'blog posts',
    Many: 'Blog posts',
    address: (p) => pages.portalPost(p),
    prefix: pages.portalPost(''),
    example: 'getting-started',
  },
  pages: {
    one: 'page',
    One: 'Page',
    many: 'pages',
    Many: 'Pages',
    address: (p) => pages.portalPage(p),
    prefix: pages.portalPage(''),
    example: 'about-us',
  },
};

export const isContentKind = (v: string | undefined): v is ContentKind => v === 'posts' || v === 'pages';

export const contentKey = ['portal-content'] as const;

type Row = { ID: number | string; Title: string; Path: string; Lede: string; Content: string; Status: ContentStatus; CreatedAt: string; UpdatedAt: string; PublishedAt: string | null };

function toItem(r: Row): ContentItem {
  return {
    id: Number(r.ID),
    title: r.Title,
    path: r.Path,
    lede: r.Lede,
    content: r.Content,
    status: r.Status,
    createdAt: r.CreatedAt,
    updatedAt: r.UpdatedAt,
    publishedAt: r.PublishedAt,
  };
}

const PER_PAGE = 100;

async function listPage(kind: ContentKind, page: number): Promise<Row[]> {
  const query = { params: { query: { page, per_page: PER_PAGE } } };
  if (kind === 'posts') {
    const { data, error, response } = await api.GET('/portal-api/posts', query);
    ensureOk(response, error);
    return data!;
  }
  const { data, error, response } = await api.GET('/portal-api/pages', query);
  ensureOk(response, error);
  return data!;
}

/** Every post (or page), drafts included, page after page: the list screen searches and sorts on the client. */
export function useContentList(kind: ContentKind) {
  return useQuery({
    queryKey: [...contentKey, kind, 'list'],
    queryFn: async () => {
      const all: ContentItem[] = [];
      for (let page = 1; page <= 100; page++) {
        const rows = await listPage(kind, page);
        all.push(...rows.map(toItem));
        if (rows.length < PER_PAGE) break;
      }
      return all;
    },
  });
}

/** One post or page; an id that cannot exist looks like a missing one (the "not found" page). */
export function useContentItem(kind: ContentKind, rawId: string) {
  return useQuery({
    queryKey: [...contentKey, kind, 'one', rawId],
    queryFn: async () => {
      const id = Number(rawId);
      if (!/^\d+$/.test(rawId) || !Number.isSafeInteger(id) || id < 1 || id > 2147483647) throw new ApiError(404, `${KIND_WORDS[kind].One} not found`);
      const params = { params: { path: { id: String(id) } } };
      if (kind === 'posts') {
        const { data, error, response } = await api.GET('/portal-api/posts/{id}', params);
        ensureOk(response, error);
        return toItem(data!);
      }
      const { data, error, response } = await api.GET('/portal-api/pages/{id}', params);
      ensureOk(response, error);
      return toItem(data!);
    },
  });
}

export function useCreateContent(kind: ContentKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ContentInput): Promise<ContentItem> => {
      if (kind === 'posts') {
        const { data, error, response } = await api.POST('/portal-api/posts', { body });
        ensureOk(response, error);
        return toItem(data!);
      }
      const { data, error, response } = await api.POST('/portal-api/pages', { body });
      ensureOk(response, error);
      return toItem(data!);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...contentKey, kind] }),
  });
}

export function useUpdateContent(kind: ContentKind, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: Partial<ContentInput>): Promise<ContentItem> => {
      const params = { path: { id: String(id) } };
      if (kind === 'posts') {
        const { data, error, response } = await api.PUT('/portal-api/posts/{id}', { params, body });
        ensureOk(response, error);
        return toItem(data!);
      }
      const { data, error, response } = await api.PUT('/portal-api/pages/{id}', { params, body });
      ensureOk(response, error);
      return toItem(data!);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...contentKey, kind] }),
  });
}

export function useDeleteContent(kind: ContentKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number): Promise<void> => {
      const params = { params: { path: { id: String(id) } } };
      const { error, response } = kind === 'posts' ? await api.DELETE('/portal-api/posts/{id}', params) : await api.DELETE('/portal-api/pages/{id}', params);
      ensureOk(response, error);
    },
    // Only the list: refetching the deleted item itself would flash the "not found" page before the screen moves on.
    onSuccess: () => client.invalidateQueries({ queryKey: [...contentKey, kind, 'list'] }),
  });
}

/** A path suggested from the title while the path is untouched: "Getting started!" → "getting-started". */
export function pathFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
