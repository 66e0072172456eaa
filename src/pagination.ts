/** Tyk-style paging: `p` from 1; a negative `p` returns everything on one page. */
export interface PageRequest {
  p: number | undefined;
  pageSize: number;
}

export interface PageWindow {
  /** Absent when everything is asked for. */
  page?: { offset: number; limit: number };
}

export function pageWindow({ p, pageSize }: PageRequest): PageWindow {
  if (p !== undefined && p < 0) return {};
  const n = Math.max(1, p ?? 1);
  return { page: { offset: (n - 1) * pageSize, limit: pageSize } };
}

export function pageCount(total: number, { p, pageSize }: PageRequest): number {
  if (p !== undefined && p < 0) return 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Developer Portal paging: `page` from 1 and `per_page` (default 20, at most 100). */
export function portalWindow(page: number | undefined, perPage: number | undefined): { offset: number; limit: number } {
  const size = Math.min(100, Math.max(1, perPage ?? 20));
  return { offset: (Math.max(1, page ?? 1) - 1) * size, limit: size };
}
