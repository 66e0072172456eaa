import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PortalContentTable } from '../../db/schema.js';

export type ContentRow = Selectable<PortalContentTable>;
export type ContentKind = PortalContentTable['kind'];
type Window = { offset: number; limit: number };

/** Everything of one kind, drafts included, newest first. */
export async function listContent(ex: Executor, kind: ContentKind, page: Window): Promise<ContentRow[]> {
  return ex.selectFrom('portal_content').selectAll().where('kind', '=', kind).orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function findContent(ex: Executor, kind: ContentKind, id: number): Promise<ContentRow | undefined> {
  return ex.selectFrom('portal_content').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

export async function findContentByPath(ex: Executor, kind: ContentKind, path: string): Promise<ContentRow | undefined> {
  return ex.selectFrom('portal_content').selectAll().where('kind', '=', kind).where('path', '=', path).executeTakeFirst();
}

/** Published content only, newest publication first: drafts are not merely hidden, they are never read. */
export async function listPublished(ex: Executor, kind: ContentKind, page: Window): Promise<ContentRow[]> {
  return ex
    .selectFrom('portal_content')
    .selectAll()
    .where('kind', '=', kind)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function findPublished(ex: Executor, kind: ContentKind, path: string): Promise<ContentRow | undefined> {
  return ex.selectFrom('portal_content').selectAll().where('kind', '=', kind).where('path', '=', path).where('status', '=', 'published').executeTakeFirst();
}

export async function insertContent(ex: Executor, row: Insertable<PortalContentTable>): Promise<number> {
  const { id } = await ex.insertInto('portal_content').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateContent(ex: Executor, id: number, set: Updateable<PortalContentTable>): Promise<void> {
  await ex.updateTable('portal_content').set(set).where('id', '=', id).execute();
}

export async function deleteContent(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('portal_content').where('id', '=', id).execute();
}
