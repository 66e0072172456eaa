import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sessionFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

/*
 * Blog posts and pages: staff with `portal` manage them through /portal-api/posts
 * and /portal-api/pages (Markdown, published|draft, audited); anyone reads what is
 * published through /portal/api/posts and /portal/api/pages/{path}, and a draft
 * answers exactly like something that does not exist.
 */

interface Item {
  ID: number | string;
  Title: string;
  Lede: string;
  Content: string;
  Status: 'published' | 'draft';
  Path: string;
  CreatedAt: string;
  UpdatedAt: string;
  PublishedAt: string | null;
  MarkdownEnabled?: boolean;
}

interface PublicItem {
  Title: string;
  Lede: string;
  Content: string;
  Path: string;
  PublishedAt: string;
  UpdatedAt: string;
}

interface AuditEntry {
  user: string;
  action: string;
  target_type: string;
  target_id: string;
  changes: Record<string, unknown>;
}

const PORTAL_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const MARKDOWN = '# Hello\n\nSome *text* with <script>alert("x")</script> & a [link](javascript:alert(1)).\n\n```js\nconst a = 1 < 2;\n```\n';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('portal blog posts and pages', () => {
  let t: TestApp;
  let root: string;
  let seq = 0;
  const unique = (prefix: string) => `${prefix}-${++seq}`;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  const admin = (method: string, url: string, body?: unknown, key = root) => t.request(method, `/portal-api${url}`, { key, body });
  const live = (url: string, opts: { key?: string; session?: string } = {}) => t.request('GET', `/portal/api${url}`, opts);

  async function created(res: LightMyRequestResponse, status: number): Promise<Item> {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as Item;
  }
  const newPost = async (body: Record<string, unknown>) => created(await admin('POST', '/posts', { Title: 'A post', Status: 'draft', ...body }), 201);
  const newPage = async (body: Record<string, unknown>) => created(await admin('POST', '/pages', { Title: 'A page', Status: 'draft', ...body }), 200);

  const audit = async (query = '') => (await t.request('GET', `/api/audit-logs?p=-1${query}`, { key: root })).json().audit_logs as AuditEntry[];
  /** Everything a refused write could have changed. */
  const snapshot = async () =>
    JSON.stringify({
      posts: (await admin('GET', '/posts?per_page=100')).json() as unknown,
      pages: (await admin('GET', '/pages?per_page=100')).json() as unknown,
      audit: (await audit()).length,
    });

  describe('admin CRUD', () => {
    it('creates a draft post, reads, lists, changes, publishes, unpublishes and deletes it', async () => {
      const path = unique('first-post');
      const post = await newPost({ Title: 'First post', Path: path, Lede: 'The lede', Content: MARKDOWN });
      expect(post).toEqual({
        ID: expect.stringMatching(/^\d+$/) as unknown,
        Title: 'First post',
        Lede: 'The lede',
        Content: MARKDOWN,
        Status: 'draft',
        Path: path,
        MarkdownEnabled: true,
        CreatedAt: expect.stringMatching(PORTAL_DATE) as unknown,
        UpdatedAt: expect.stringMatching(PORTAL_DATE) as unknown,
        PublishedAt: null,
      });
      const id = post.ID as string;

      expect((await admin('GET', `/posts/${id}`)).json()).toEqual(post);
      const list = (await admin('GET', '/posts?per_page=100')).json() as Item[];
      expect(list.find((p) => p.ID === Number(id))).toEqual({ ...post, ID: Number(id) });

      const renamed = await created(await admin('PUT', `/posts/${id}`, { Title: 'Renamed', Lede: '' }), 200);
      expect(renamed).toMatchObject({ ID: id, Title: 'Renamed', Lede: '', Content: MARKDOWN, Status: 'draft', Path: path, PublishedAt: null });

      const published = await created(await admin('PUT', `/posts/${id}`, { Status: 'published' }), 200);
      expect(published.Status).toBe('published');
      expect(published.PublishedAt).toMatch(PORTAL_DATE);
      const firstPublished = published.PublishedAt;

      // Unpublishing and republishing keep the date of the first publication.
      const unpublished = await created(await admin('PUT', `/posts/${id}`, { Status: 'draft' }), 200);
      expect(unpublished).toMatchObject({ Status: 'draft', PublishedAt: firstPublished });
      const again = await created(await admin('PUT', `/posts/${id}`, { Status: 'published', Content: 'New *body*' }), 200);
      expect(again).toMatchObject({ Status: 'published', PublishedAt: firstPublished, Content: 'New *body*' });

      expect((await admin('DELETE', `/posts/${id}`)).json()).toEqual({ status: 'ok' });
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await admin(method, `/posts/${id}`, method === 'PUT' ? { Title: 'x' } : undefined);
        expect(res.statusCode, method).toBe(404);
        expect(res.json()).toEqual({ status: 'error', errors: ['Post not found'] });
      }
      expect(((await admin('GET', '/posts?per_page=100')).json() as Item[]).some((p) => p.ID === Number(id))).toBe(false);
    });

    it('creates a post published at once, with PublishedAt set', async () => {
      const post = await newPost({ Path: unique('at-once'), Status: 'published', MarkdownEnabled: true });
      expect(post).toMatchObject({ Status: 'published', Content: '', Lede: '' });
      expect(post.PublishedAt).toMatch(PORTAL_DATE);
    });

    it('creates, reads, lists, changes and deletes pages (integer ids, one leading / dropped)', async () => {
      const page = await newPage({ Title: 'About us', Path: '/about-us', Content: '## About', Status: 'published' });
      expect(page).toMatchObject({ ID: expect.any(Number) as unknown, Title: 'About us', Path: 'about-us', Content: '## About', Status: 'published', Lede: '' });
      expect(page.PublishedAt).toMatch(PORTAL_DATE);
      expect(page).not.toHaveProperty('MarkdownEnabled');
      expect((await admin('GET', `/pages/${page.ID}`)).json()).toEqual(page);
      expect(((await admin('GET', '/pages?per_page=100')).json() as Item[]).find((p) => p.ID === page.ID)).toEqual(page);
      const changed = await created(await admin('PUT', `/pages/${page.ID}`, { Path: 'company/about', Status: 'draft' }), 200);
      expect(changed).toMatchObject({ Path: 'company/about', Status: 'draft', PublishedAt: page.PublishedAt });
      // Posts and pages are apart: a page's id is no post.
      expect((await admin('GET', `/posts/${page.ID}`)).statusCode).toBe(404);
      expect((await admin('DELETE', `/pages/${page.ID}`)).json()).toEqual({ status: 'ok' });
      expect((await admin('GET', `/pages/${page.ID}`)).json()).toEqual({ status: 'error', errors: ['Page not found'] });
    });

    it('an update that changes nothing writes nothing', async () => {
      const post = await newPost({ Path: unique('same'), Content: 'x' });
      const before = await snapshot();
      const res = await admin('PUT', `/posts/${post.ID}`, { Title: post.Title, Content: 'x', Status: 'draft', Path: `/${post.Path}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(post);
      expect(await snapshot()).toBe(before);
    });

    it('lists newest first and pages with page and per_page', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push((await newPage({ Path: unique('paged') })).ID as number);
      const all = ((await admin('GET', '/pages?per_page=100')).json() as Item[]).map((p) => p.ID as number);
      expect(all).toEqual([...all].sort((a, b) => b - a));
      expect(all.slice(0, 3)).toEqual([...ids].reverse());
      const second = ((await admin('GET', '/pages?page=2&per_page=2')).json() as Item[]).map((p) => p.ID);
      expect(second).toEqual(all.slice(2, 4));
      for (const bad of ['page=0', 'per_page=0', 'per_page=101', 'page=x']) {
        const res = await admin('GET', `/pages?${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.json().errors[0], bad).toContain(bad.split('=')[0]);
      }
    });
  });

  describe('validation', () => {
    it('refuses bad input naming the field, writing nothing', async () => {
      const existing = await newPost({ Path: unique('existing') });
      const valid = { Title: 'T', Path: unique('valid'), Status: 'draft', Content: 'c', Lede: 'l' };
      const before = await snapshot();
      const cases: [string, string, string, Record<string, unknown>, string][] = [
        ['POST', '/posts', 'missing Title', { ...valid, Title: undefined }, 'Title'],
        ['POST', '/posts', 'missing Path', { ...valid, Path: undefined }, 'Path'],
        ['POST', '/posts', 'missing Status', { ...valid, Status: undefined }, 'Status'],
        ['POST', '/posts', 'empty Title', { ...valid, Title: '' }, 'Title'],
        ['POST', '/posts', 'long Title', { ...valid, Title: 'x'.repeat(201) }, 'Title'],
        ['POST', '/posts', 'Title of the wrong type', { ...valid, Title: 5 }, 'Title'],
        ['POST', '/posts', 'Status review', { ...valid, Status: 'review' }, 'Status'],
        ['POST', '/posts', 'Content not a string', { ...valid, Content: ['#'] }, 'Content'],
        ['POST', '/posts', 'Content with NUL', { ...valid, Content: 'a\u0000b' }, 'Content'],
        ['POST', '/posts', 'Lede with NUL', { ...valid, Lede: '\u0000' }, 'Lede'],
        ['POST', '/posts', 'long Lede', { ...valid, Lede: 'x'.repeat(1001) }, 'Lede'],
        ['POST', '/posts', 'HTML, not Markdown', { ...valid, MarkdownEnabled: false }, 'MarkdownEnabled'],
        ['POST', '/posts', 'unknown field', { ...valid, Categories: [1] }, 'Categories'],
        ['POST', '/pages', 'unknown field on a page', { ...valid, Template: 'home' }, 'Template'],
        ['PUT', `/posts/${existing.ID}`, 'Status on update', { Status: 'archived' }, 'Status'],
        ['PUT', `/posts/${existing.ID}`, 'unknown field on update', { Id: 3 }, 'Id'],
        ['PUT', `/posts/${existing.ID}`, 'empty Title on update', { Title: '' }, 'Title'],
      ];
      for (const path of ['', '/', 'Hello World', 'UPPER', '../etc/passwd', 'a//b', 'a/', '-lead', 'caf\u00e9', 'a?b=c', 'a%2Fb', 'x'.repeat(201), 'tab\there']) {
        cases.push(['POST', '/posts', `Path ${JSON.stringify(path)}`, { ...valid, Path: path }, 'Path']);
        cases.push(['PUT', `/pages/${(await newPageOnce()).ID}`, `page Path ${JSON.stringify(path)}`, { Path: path }, 'Path']);
      }
      const afterSetup = await snapshot();
      for (const [method, url, what, body, field] of cases) {
        const res = await admin(method, url, body);
        expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
        expect(res.json(), what).toEqual({ status: 'error', errors: [expect.stringMatching(new RegExp(`^${field}\\b`)) as unknown] });
      }
      expect(await snapshot()).toBe(afterSetup);
      expect(before).not.toBe(afterSetup); // The one page made for the PUT cases shows up: the snapshot sees writes.
    });

    it("refuses a page path that would take one of the portal's own addresses (400 naming Path); a post may use it under /blog/", async () => {
      const page = await newPageOnce();
      const before = await snapshot();
      const reserved = ['admin', 'api', 'assets', 'auth', 'blog', 'gateway', 'health', 'metrics', 'portal', 'portal-api'];
      for (const root of reserved) {
        for (const path of [root, `/${root}`, `${root}/about`]) {
          for (const [method, url, body] of [
            ['POST', '/pages', { Title: 'Clash', Status: 'published', Path: path }],
            ['PUT', `/pages/${page.ID}`, { Path: path }],
          ] as const) {
            const res = await admin(method, url, body);
            expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(400);
            expect(res.json().errors[0], path).toMatch(/^Path: a page cannot start with .*"portal-api".*belong to the portal itself/);
          }
        }
      }
      expect(await snapshot()).toBe(before);
      // Only the whole first segment counts: lookalikes are fine, and a post lives under /blog/ anyway.
      for (const path of [unique('portals'), unique('blogging/first'), unique('about/api')]) expect((await newPage({ Path: path })).Path).toBe(path);
      expect((await newPost({ Path: unique('portal') })).Path).toMatch(/^portal-\d+$/);
      expect((await newPost({ Path: 'api' })).Path).toBe('api');
    });

    let onePage: Item | undefined;
    async function newPageOnce(): Promise<Item> {
      onePage ??= await newPage({ Path: unique('validation-page') });
      return onePage;
    }

    it('keeps paths unique per kind (409 naming Path), a post and a page may share one', async () => {
      const path = unique('shared');
      const post = await newPost({ Path: path });
      const before = await snapshot();
      for (const attempt of [path, `/${path}`]) {
        const res = await admin('POST', '/posts', { Title: 'Second', Path: attempt, Status: 'published' });
        expect(res.statusCode, attempt).toBe(409);
        expect(res.json()).toEqual({ status: 'error', errors: ['Path: a post with this path already exists'] });
      }
      const other = await newPost({ Path: unique('other') });
      const before2 = await snapshot();
      const clash = await admin('PUT', `/posts/${other.ID}`, { Path: path, Title: 'Changed too' });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().errors[0]).toMatch(/^Path: /);
      expect(await snapshot()).toBe(before2);
      expect(before).not.toBe(before2);
      // Keeping one's own path is no clash.
      expect((await admin('PUT', `/posts/${post.ID}`, { Path: path, Title: 'Kept' })).statusCode).toBe(200);
      // Pages have paths of their own.
      const page = await newPage({ Path: path });
      expect(page.Path).toBe(path);
      expect((await admin('POST', '/pages', { Title: 'Dup', Path: path, Status: 'draft' })).statusCode).toBe(409);
    });
  });

  describe('the public Live Portal', () => {
    it('lists published posts only, newest publication first, paged; nothing needs signing in', async () => {
      const older = await newPost({ Title: 'Published first', Path: unique('older'), Status: 'draft' });
      const newer = await newPost({ Title: 'Published second', Path: unique('newer'), Status: 'published' });
      await newPost({ Title: 'Still a draft', Path: unique('draft') });
      const retracted = await newPost({ Title: 'Retracted', Path: unique('retracted'), Status: 'published' });
      await admin('PUT', `/posts/${retracted.ID}`, { Status: 'draft' });
      await sleep(5); // So that the later publication carries a later time than the one before it.
      await admin('PUT', `/posts/${older.ID}`, { Status: 'published' });
      // Republishing keeps the first publication's place.
      await admin('PUT', `/posts/${newer.ID}`, { Status: 'draft' });
      await sleep(5);
      await admin('PUT', `/posts/${newer.ID}`, { Status: 'published' });

      const res = await live('/posts?per_page=100');
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json() as PublicItem[];
      const titles = list.map((p) => p.Title);
      expect(titles.slice(0, 2)).toEqual(['Published first', 'Published second']);
      expect(titles).not.toContain('Still a draft');
      expect(titles).not.toContain('Retracted');
      const adminPublished = ((await admin('GET', '/posts?per_page=100')).json() as Item[]).filter((p) => p.Status === 'published');
      expect(list).toHaveLength(adminPublished.length);
      expect(list[0]).toEqual({
        Title: 'Published first',
        Lede: '',
        Content: '',
        Path: older.Path,
        PublishedAt: expect.stringMatching(PORTAL_DATE) as unknown,
        UpdatedAt: expect.stringMatching(PORTAL_DATE) as unknown,
      });
      expect(Object.keys(list[1]!).sort()).toEqual(['Content', 'Lede', 'Path', 'PublishedAt', 'Title', 'UpdatedAt']);

      const pageOne = (await live('/posts?page=1&per_page=1')).json() as PublicItem[];
      const pageTwo = (await live('/posts?page=2&per_page=1')).json() as PublicItem[];
      expect(pageOne.map((p) => p.Path)).toEqual([older.Path]);
      expect(pageTwo.map((p) => p.Path)).toEqual([newer.Path]);
      expect((await live('/posts?page=999')).json()).toEqual([]);
      expect((await live('/posts?per_page=101')).statusCode).toBe(400);
    });

    it('shows a published post or page by path; a draft, a deleted one and an absent one answer the same 404', async () => {
      const post = await newPost({ Title: 'Visible', Path: unique('guides/first-call'), Status: 'published', Lede: 'Start here', Content: MARKDOWN });
      const draft = await newPost({ Title: 'Hidden', Path: unique('hidden') });
      const gone = await newPost({ Title: 'Gone', Path: unique('gone'), Status: 'published' });
      await admin('DELETE', `/posts/${gone.ID}`);

      const shown = await live(`/posts/${post.Path}`);
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json()).toEqual({ Title: 'Visible', Lede: 'Start here', Content: MARKDOWN, Path: post.Path, PublishedAt: post.PublishedAt, UpdatedAt: post.UpdatedAt });
      // Markdown comes back exactly as stored, as a JSON string: nothing is rendered to HTML.
      expect(shown.headers['content-type']).toMatch(/^application\/json/);
      expect(shown.headers['x-content-type-options']).toBe('nosniff');

      const absent = await live(`/posts/${unique('never-written')}`);
      expect(absent.statusCode).toBe(404);
      expect(absent.json()).toEqual({ status: 'error', errors: ['Post not found'] });
      for (const url of [`/posts/${draft.Path}`, `/posts/${gone.Path}`, '/posts/', '/posts/Not%20Valid', `/pages/${post.Path}`]) {
        const res = await live(url);
        expect(res.statusCode, url).toBe(404);
        if (url.startsWith('/posts')) expect(res.body, url).toBe(absent.body);
      }

      const page = await newPage({ Title: 'Terms', Path: unique('legal/terms'), Status: 'published', Content: 'Be *nice*.' });
      const hiddenPage = await newPage({ Title: 'Secret', Path: unique('secret') });
      expect((await live(`/pages/${page.Path}`)).json()).toMatchObject({ Title: 'Terms', Content: 'Be *nice*.', Path: page.Path });
      const absentPage = await live(`/pages/${unique('nope')}`);
      expect(absentPage.json()).toEqual({ status: 'error', errors: ['Page not found'] });
      const draftPage = await live(`/pages/${hiddenPage.Path}`);
      expect(draftPage.statusCode).toBe(404);
      expect(draftPage.body).toBe(absentPage.body);
      // Publishing makes it public at once; unpublishing hides it again.
      await admin('PUT', `/pages/${hiddenPage.ID}`, { Status: 'published' });
      expect((await live(`/pages/${hiddenPage.Path}`)).statusCode).toBe(200);
      await admin('PUT', `/pages/${hiddenPage.ID}`, { Status: 'draft' });
      expect((await live(`/pages/${hiddenPage.Path}`)).body).toBe(absentPage.body);
    });

    it('answers the same to anyone: a signed-in consumer, a bad key, a staff key', async () => {
      const post = await newPost({ Title: 'For all', Path: unique('for-all'), Status: 'published' });
      await admin('POST', '/users', { First: 'Con', Last: 'Sumer', Email: 'reader@example.com', Password: 'consumer-password-1', Active: true });
      const login = await t.request('POST', '/auth/password/login', { body: { email: 'reader@example.com', password: 'consumer-password-1' } });
      expect(login.statusCode, login.body).toBe(200);
      const anonymous = await live(`/posts/${post.Path}`);
      expect(anonymous.statusCode).toBe(200);
      for (const opts of [{ session: sessionFrom(login)! }, { key: 'not-a-key' }, { key: root }]) {
        const res = await live(`/posts/${post.Path}`, opts);
        expect(res.statusCode, JSON.stringify(Object.keys(opts))).toBe(200);
        expect(res.body).toBe(anonymous.body);
      }
    });
  });

  describe('who may manage content', () => {
    it('needs portal read to read and portal write to change; consumers and strangers are refused; refusals write nothing', async () => {
      const post = await newPost({ Path: unique('guarded') });
      const reader = await createUser(t, root, 'content-reader@example.com', { perms: { portal: 'read' } });
      const writer = await createUser(t, root, 'content-writer@example.com', { perms: { portal: 'write' } });
      const none = await createUser(t, root, 'no-portal@example.com', { perms: { apis: 'write' } });
      await admin('POST', '/users', { First: 'Con', Last: 'Admin', Email: 'consumer-admin@example.com', Password: 'consumer-password-2', Active: true, Role: 'consumer-admin' });
      const consumer = sessionFrom(await t.request('POST', '/auth/password/login', { body: { email: 'consumer-admin@example.com', password: 'consumer-password-2' } }))!;
      expect(consumer).toBeDefined();

      const before = await snapshot();
      const writes: [string, string, unknown][] = [
        ['POST', '/posts', { Title: 'No', Path: unique('no'), Status: 'published' }],
        ['PUT', `/posts/${post.ID}`, { Title: 'No' }],
        ['DELETE', `/posts/${post.ID}`, undefined],
        ['POST', '/pages', { Title: 'No', Path: unique('no'), Status: 'published' }],
      ];
      for (const [method, url, body] of writes) {
        const res = await admin(method, url, body, reader.key);
        expect(res.statusCode, `reader ${method} ${url}`).toBe(403);
        expect(res.json()).toEqual({ status: 'error', errors: ['access denied: you need write permission on portal'] });
        expect((await admin(method, url, body, none.key)).statusCode, `none ${method} ${url}`).toBe(403);
        const asConsumer = await t.request(method, `/portal-api${url}`, { session: consumer, body, headers: { origin: 'http://localhost:80' } });
        expect(asConsumer.statusCode, `consumer ${method} ${url}`).toBe(403);
        expect((await t.request(method, `/portal-api${url}`, { body })).statusCode, `anonymous ${method} ${url}`).toBe(401);
      }
      for (const url of ['/posts', `/posts/${post.ID}`, '/pages']) {
        expect((await admin('GET', url, undefined, reader.key)).statusCode, url).toBe(200);
        expect((await admin('GET', url, undefined, none.key)).statusCode, url).toBe(403);
        expect((await t.request('GET', `/portal-api${url}`, { session: consumer })).statusCode, url).toBe(403);
        expect((await t.request('GET', `/portal-api${url}`)).statusCode, url).toBe(401);
      }
      expect(await snapshot()).toBe(before);

      // portal: write may do everything.
      const made = await created(await admin('POST', '/posts', { Title: 'Yes', Path: unique('yes'), Status: 'draft' }, writer.key), 201);
      expect((await admin('PUT', `/posts/${made.ID}`, { Status: 'published' }, writer.key)).statusCode).toBe(200);
      expect((await admin('DELETE', `/posts/${made.ID}`, undefined, writer.key)).statusCode).toBe(200);
      const entries = await audit(`&user=${encodeURIComponent('content-writer@example.com')}`);
      expect(entries.map((e) => e.action).sort()).toEqual(['post.create', 'post.delete', 'post.publish']);
    });
  });

  describe('audit', () => {
    it('records every change with who, the target and the changed fields, without the Markdown itself', async () => {
      const secretText = `unique-body-${Date.now()}`;
      const post = await newPost({ Title: 'Audited', Path: unique('audited'), Content: secretText, Lede: 'L' });
      await admin('PUT', `/posts/${post.ID}`, { Title: 'Audited 2', Content: `${secretText} more` });
      await admin('PUT', `/posts/${post.ID}`, { Status: 'published' });
      await admin('PUT', `/posts/${post.ID}`, { Status: 'draft' });
      await admin('DELETE', `/posts/${post.ID}`);
      const page = await newPage({ Title: 'Audited page', Path: unique('audited-page') });
      await admin('PUT', `/pages/${page.ID}`, { Path: unique('moved') });
      await admin('DELETE', `/pages/${page.ID}`);

      const forPost = (await audit()).filter((e) => e.target_type === 'post' && e.target_id === String(post.ID));
      expect(forPost.map((e) => e.action).reverse()).toEqual(['post.create', 'post.update', 'post.publish', 'post.unpublish', 'post.delete']);
      for (const e of forPost) expect(e.user).toBe(ADMIN.email);
      const [deleted, unpublished, publishedEntry, updated, create] = forPost;
      expect(create!.changes).toEqual({ title: 'Audited', path: post.Path, status: 'draft', lede: 'L', content: `(${secretText.length} characters)` });
      expect(updated!.changes).toEqual({ title: 'Audited 2', content: `(${secretText.length + 5} characters)` });
      expect(publishedEntry!.changes).toEqual({ status: 'published' });
      expect(unpublished!.changes).toEqual({ status: 'draft' });
      expect(deleted!.changes).toEqual({ title: 'Audited 2', path: post.Path, status: 'draft' });
      const forPage = (await audit()).filter((e) => e.target_type === 'page' && e.target_id === String(page.ID));
      expect(forPage.map((e) => e.action).reverse()).toEqual(['page.create', 'page.update', 'page.delete']);
      expect(JSON.stringify(await audit())).not.toContain(secretText);
    });
  });
});
