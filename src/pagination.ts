import { Type } from 'typebox';
import { ID_MAX } from './http/ids.js';

/**
 * Page numbers are bounded so that an offset (page × size) always fits the
 * stores' integers: a page past the end is empty, a number past the bound is 400.
 */
export const PAGE_MAX = ID_MAX;

/** Tyk's `p`: from 1; a negative value returns everything on one page. */
export const TykPage = Type.Integer({ minimum: -PAGE_MAX, maximum: PAGE_MAX, description: `Page from 1 (at most ${PAGE_MAX}); -1 returns everything` });

/** The Developer Portal's `page` and `per_page`. */
export const PortalPage = Type.Integer({ minimum: 1, maximum: PAGE_MAX, description: `Page from 1 (at most ${PAGE_MAX})` });
export const PortalPerPage = Type.Integer({ minimum: 1, maximum: 100, description: 'Items per page (default 20)' });

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
