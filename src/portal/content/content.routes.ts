import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { portalDate } from '../portal-date.js';
import { PortalPageQuery, StatusOk } from '../accounts/organisations.schemas.js';
import type { ContentKind, ContentRow } from './content.service.js';
import {
  ContentCreateBody,
  ContentIdParams,
  ContentUpdateBody,
  PageShow,
  PostIndexElem,
  PostShow,
  PublicContent,
  PublicPathParams,
} from './content.schemas.js';

function fields(r: ContentRow) {
  return {
    Title: r.title,
    Lede: r.lede,
    Content: r.markdown,
    Status: r.status,
    Path: r.path,
    CreatedAt: portalDate(r.created_at),
    UpdatedAt: portalDate(r.updated_at),
    PublishedAt: r.published_at === null ? null : portalDate(r.published_at),
  };
}

const postShow = (r: ContentRow): Static<typeof PostShow> => ({ ID: String(r.id), ...fields(r), MarkdownEnabled: true });
const postIndexElem = (r: ContentRow): Static<typeof PostIndexElem> => ({ ID: r.id, ...fields(r), MarkdownEnabled: true });
const pageShow = (r: ContentRow): Static<typeof PageShow> => ({ ID: r.id, ...fields(r) });

function publicContent(r: ContentRow): Static<typeof PublicContent> {
  // Only published rows reach here, and publishing always sets published_at.
  return { Title: r.title, Lede: r.lede, Content: r.markdown, Path: r.path, PublishedAt: portalDate(r.published_at ?? r.created_at), UpdatedAt: portalDate(r.updated_at) };
}

const postId = (raw: string): number => parseNumericId(raw, 'Post');
const pageId = (raw: string): number => parseNumericId(raw, 'Page');

/** Admin Portal: /portal-api/posts and /portal-api/pages (staff with `portal` read or write). */
export const contentAdminRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { content } = services;
  {
    const tags = ['Portal: blog posts'];
    const post: ContentKind = 'post';
    app.get(
      '/posts',
      { schema: { operationId: 'listPosts', tags, summary: 'List posts, drafts included, newest first', querystring: PortalPageQuery, response: { 200: Type.Array(PostIndexElem) } } },
      async (req) => (await content.list(actorOf(req), post, req.query.page, req.query.per_page)).map(postIndexElem),
    );
    app.post(
      '/posts',
      { schema: { operationId: 'createPost', tags, summary: 'Create a post (Markdown)', body: ContentCreateBody, response: { 201: PostShow } } },
      async (req, reply) => reply.code(201).send(postShow(await content.create(actorOf(req), post, req.body))),
    );
    app.get(
      '/posts/:id',
      { schema: { operationId: 'getPost', tags, summary: 'A post', params: ContentIdParams, response: { 200: PostShow } } },
      async (req) => postShow(await content.get(actorOf(req), post, postId(req.params.id))),
    );
    app.put(
      '/posts/:id',
      { schema: { operationId: 'updatePost', tags, summary: 'Change a post: the fields sent change; publishing the first time sets PublishedAt', params: ContentIdParams, body: ContentUpdateBody, response: { 200: PostShow } } },
      async (req) => postShow(await content.update(actorOf(req), post, postId(req.params.id), req.body)),
    );
    app.delete(
      '/posts/:id',
      { schema: { operationId: 'deletePost', tags, summary: 'Delete a post', params: ContentIdParams, response: { 200: StatusOk } } },
      async (req) => {
        await content.remove(actorOf(req), post, postId(req.params.id));
        return { status: 'ok' as const };
      },
    );
  }

  {
    const tags = ['Portal: pages'];
    const page: ContentKind = 'page';
    app.get(
      '/pages',
      { schema: { operationId: 'listPages', tags, summary: 'List pages, drafts included, newest first', querystring: PortalPageQuery, response: { 200: Type.Array(PageShow) } } },
      async (req) => (await content.list(actorOf(req), page, req.query.page, req.query.per_page)).map(pageShow),
    );
    app.post(
      '/pages',
      { schema: { operationId: 'createPage', tags, summary: 'Create a page (Markdown)', body: ContentCreateBody, response: { 200: PageShow } } },
      async (req) => pageShow(await content.create(actorOf(req), page, req.body)),
    );
    app.get(
      '/pages/:id',
      { schema: { operationId: 'getPage', tags, summary: 'A page', params: ContentIdParams, response: { 200: PageShow } } },
      async (req) => pageShow(await content.get(actorOf(req), page, pageId(req.params.id))),
    );
    app.put(
      '/pages/:id',
      { schema: { operationId: 'updatePage', tags, summary: 'Change a page: the fields sent change; publishing the first time sets PublishedAt', params: ContentIdParams, body: ContentUpdateBody, response: { 200: PageShow } } },
      async (req) => pageShow(await content.update(actorOf(req), page, pageId(req.params.id), req.body)),
    );
    app.delete(
      '/pages/:id',
      { schema: { operationId: 'deletePage', tags, summary: 'Delete a page', params: ContentIdParams, response: { 200: StatusOk } } },
      async (req) => {
        await content.remove(actorOf(req), page, pageId(req.params.id));
        return { status: 'ok' as const };
      },
    );
  }
};

/** Live Portal, public: published posts and pages (/portal/api/posts, /portal/api/pages/{path}). */
export const contentPublicRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { content } = services;
  const tags = ['Live Portal: content'];

  app.get(
    '/posts',
    {
      schema: { operationId: 'listPublishedPosts', tags, summary: 'Published posts, newest first', security: [], querystring: PortalPageQuery, response: { 200: Type.Array(PublicContent) } },
    },
    async (req) => (await content.listPublic('post', req.query.page, req.query.per_page)).map(publicContent),
  );
  app.get(
    '/posts/*',
    { schema: { operationId: 'getPublishedPost', tags, summary: 'A published post by its path (a draft answers 404, like an absent one)', security: [], params: PublicPathParams, response: { 200: PublicContent } } },
    async (req) => publicContent(await content.getPublic('post', req.params['*'])),
  );
  app.get(
    '/pages/*',
    { schema: { operationId: 'getPublishedPage', tags, summary: 'A published page by its path (a draft answers 404, like an absent one)', security: [], params: PublicPathParams, response: { 200: PublicContent } } },
    async (req) => publicContent(await content.getPublic('page', req.params['*'])),
  );
};
