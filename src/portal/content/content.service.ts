import type { Actor } from '../../access/actor.js';
import { requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../../errors.js';
import { isReservedPagePath, RESERVED_PAGE_ROOTS } from '../../links.js';
import { portalWindow } from '../../pagination.js';
import {
  deleteContent,
  findContent,
  findContentByPath,
  findPublished,
  insertContent,
  listContent,
  listPublished,
  updateContent,
  type ContentKind,
  type ContentRow,
} from './content.repository.js';
import type { ContentCreate, ContentUpdate } from './content.schemas.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { ContentKind, ContentRow } from './content.repository.js';

const now = (): string => new Date().toISOString();
const label = (kind: ContentKind): string => (kind === 'post' ? 'Post' : 'Page');
const pathTaken = (kind: ContentKind): Conflict => new Conflict(`Path: a ${kind} with this path already exists`);

const SEGMENT = '[a-z0-9][a-z0-9_-]*';
const PATH = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);

/**
 * The canonical form of a path: one leading "/" is dropped (Tyk examples write
 * "/about-us"), the rest must already be URL-safe, so that what is stored is
 * exactly what appears in the public URL and nothing needs escaping.
 */
export function normalisePath(raw: string): string {
  const path = raw.startsWith('/') ? raw.slice(1) : raw;
  if (!PATH.test(path)) throw new Invalid('Path', 'use lowercase letters, digits, - and _, in segments separated by / (e.g. "getting-started" or "guides/first-call")');
  return path;
}

/** A post lives under /blog/; a page lives at the root, so it may not take an address of the product's own. */
function pathFor(kind: ContentKind, raw: string): string {
  const path = normalisePath(raw);
  if (kind === 'page' && isReservedPagePath(path)) {
    throw new Invalid('Path', `a page cannot start with ${RESERVED_PAGE_ROOTS.map((r) => `"${r}"`).join(', ')}: those addresses belong to the portal itself`);
  }
  return path;
}

function markdownOnly(enabled: boolean | undefined): void {
  if (enabled === false) throw new Invalid('MarkdownEnabled', 'content is always Markdown; send true or leave it out');
}

/** What an audit entry says about the Markdown: its size, not the text itself. */
const contentChange = (markdown: string): string => `(${markdown.length} characters)`;

/**
 * Blog posts and pages of the Developer Portal (table portal_content, one kind
 * each). Staff with `portal` read or write manage them; anyone reads what is
 * published. `published_at` is set the first time an item is published and
 * kept through later unpublishing and republishing.
 */
export function contentService({ store }: AppContext) {
  const { db } = store;

  async function mustFind(ex: Executor, kind: ContentKind, id: number): Promise<ContentRow> {
    const row = await findContent(ex, kind, id);
    if (!row) throw new NotFound(label(kind));
    return row;
  }

  async function uniquePath<T>(kind: ContentKind, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      // Two writers racing for one path: the constraint decides, the loser gets the same 409.
      if (isUniqueViolation(err)) throw pathTaken(kind);
      throw err;
    }
  }

  return {
    async list(actor: Actor, kind: ContentKind, page?: number, perPage?: number): Promise<ContentRow[]> {
      requireSection(actor, 'portal', 'read');
      return listContent(db, kind, portalWindow(page, perPage));
    },

    async get(actor: Actor, kind: ContentKind, id: number): Promise<ContentRow> {
      requireSection(actor, 'portal', 'read');
      return mustFind(db, kind, id);
    },

    async create(actor: Actor, kind: ContentKind, input: ContentCreate): Promise<ContentRow> {
      requireSection(actor, 'portal', 'write');
      markdownOnly(input.MarkdownEnabled);
      const path = pathFor(kind, input.Path);
      return uniquePath(kind, () =>
        db.transaction().execute(async (trx) => {
          if (await findContentByPath(trx, kind, path)) throw pathTaken(kind);
          const at = now();
          const markdown = input.Content ?? '';
          const id = await insertContent(trx, {
            kind,
            title: input.Title,
            path,
            lede: input.Lede ?? '',
            markdown,
            status: input.Status,
            author_id: actor.kind === 'user' ? actor.userId : null,
            published_at: input.Status === 'published' ? at : null,
            created_at: at,
            updated_at: at,
          });
          await recordAudit(trx, actor, {
            action: `${kind}.create`,
            targetType: kind,
            targetId: id,
            changes: { title: input.Title, path, status: input.Status, lede: input.Lede ?? '', content: contentChange(markdown) },
          });
          return (await findContent(trx, kind, id))!;
        }),
      );
    },

    /** Changes what is sent; nothing sent that differs means nothing written and nothing audited. */
    async update(actor: Actor, kind: ContentKind, id: number, patch: ContentUpdate): Promise<ContentRow> {
      requireSection(actor, 'portal', 'write');
      markdownOnly(patch.MarkdownEnabled);
      const path = patch.Path === undefined ? undefined : pathFor(kind, patch.Path);
      return uniquePath(kind, () =>
        db.transaction().execute(async (trx) => {
          const row = await mustFind(trx, kind, id);
          const set: Partial<Pick<ContentRow, 'title' | 'path' | 'lede' | 'markdown' | 'status' | 'published_at'>> = {};
          const changes: Record<string, unknown> = {};
          if (patch.Title !== undefined && patch.Title !== row.title) set.title = changes.title = patch.Title;
          if (path !== undefined && path !== row.path) {
            const clash = await findContentByPath(trx, kind, path);
            if (clash && clash.id !== id) throw pathTaken(kind);
            set.path = changes.path = path;
          }
          if (patch.Lede !== undefined && patch.Lede !== row.lede) set.lede = changes.lede = patch.Lede;
          if (patch.Content !== undefined && patch.Content !== row.markdown) {
            set.markdown = patch.Content;
            changes.content = contentChange(patch.Content);
          }
          if (patch.Status !== undefined && patch.Status !== row.status) set.status = changes.status = patch.Status;
          if (Object.keys(set).length === 0) return row;
          const at = now();
          if (set.status === 'published' && row.published_at === null) set.published_at = at;
          await updateContent(trx, id, { ...set, updated_at: at });
          const action = set.status === 'published' ? 'publish' : set.status === 'draft' ? 'unpublish' : 'update';
          await recordAudit(trx, actor, { action: `${kind}.${action}`, targetType: kind, targetId: id, changes });
          return (await findContent(trx, kind, id))!;
        }),
      );
    },

    async remove(actor: Actor, kind: ContentKind, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, kind, id);
        await deleteContent(trx, id);
        await recordAudit(trx, actor, { action: `${kind}.delete`, targetType: kind, targetId: id, changes: { title: row.title, path: row.path, status: row.status } });
      });
    },

    /** Published posts for anyone, newest publication first. */
    async listPublic(kind: ContentKind, page?: number, perPage?: number): Promise<ContentRow[]> {
      return listPublished(db, kind, portalWindow(page, perPage));
    },

    /** A published item by path; a draft answers exactly like an absent one. */
    async getPublic(kind: ContentKind, rawPath: string): Promise<ContentRow> {
      const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
      const row = PATH.test(path) ? await findPublished(db, kind, path) : undefined;
      if (!row) throw new NotFound(label(kind));
      return row;
    },
  };
}

export type ContentService = ReturnType<typeof contentService>;
