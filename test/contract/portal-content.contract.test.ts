import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { exampleChecks } from './tyk-examples.js';
import { describeContract, problems } from './tyk-reference.js';

/*
 * Blog posts and pages as the Admin Portal API answers them, validated against
 * the Tyk Enterprise Developer Portal description (paths relative to /portal-api):
 * each reply against the schema documented for its path, method and status, and
 * the fields we promise beyond what those schemas require.
 */

const FILE = 'enterprise-developer-portal-swagger.yaml';

describeContract(FILE, 'portal posts and pages contract', (ref) => {
  const examples = exampleChecks(ref, 'portal posts and pages contract');
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends the request, expects `status`, and checks the body against the documented response. */
  async function valid(method: string, url: string, path: string, body?: unknown, status = 200): Promise<Record<string, unknown>> {
    const res = await t.request(method, `/portal-api${url}`, { key: root, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    expect(ref.documents(method, path, status), `${method} ${path} documents ${status}`).toBe(true);
    const json = res.json() as Record<string, unknown>;
    expect(problems(ref.response(method, path, status), json), `${method} ${url}`).toEqual([]);
    examples.check(method, path, status, json);
    return json;
  }

  const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
  const promised = (x: Record<string, unknown>) =>
    expect(x).toMatchObject({ Title: expect.any(String), Lede: expect.any(String), Content: expect.any(String), Path: expect.any(String), CreatedAt: expect.stringMatching(DATE), UpdatedAt: expect.stringMatching(DATE) });

  it('posts: create (201), read, list, update and delete in the documented shapes', async () => {
    const created = await valid('POST', '/posts', '/posts', { Title: 'Contract post', Path: 'contract-post', Status: 'draft', Lede: 'Lede', Content: '# Post', MarkdownEnabled: true }, 201);
    promised(created);
    expect(created).toMatchObject({ Status: 'draft', MarkdownEnabled: true, PublishedAt: null });
    const id = created.ID as string;
    // The reply's teeth: the same body with an integer ID (as lists give it) would not be a Post-show.
    expect(problems(ref.response('POST', '/posts', 201), { ...created, ID: Number(id) })).not.toEqual([]);

    promised(await valid('GET', `/posts/${id}`, '/posts/{post_id}'));
    const updated = await valid('PUT', `/posts/${id}`, '/posts/{post_id}', { Title: 'Contract post', Status: 'published' });
    expect(updated.PublishedAt).toMatch(DATE);

    await valid('POST', '/posts', '/posts', { Title: 'Second', Path: 'second', Status: 'published', Content: '' }, 201);
    const list = (await valid('GET', '/posts', '/posts')) as unknown as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    for (const item of list) promised(item);
    expect(list.map((p) => p.ID)).toEqual([Number(id) + 1, Number(id)]);

    expect(await valid('DELETE', `/posts/${id}`, '/posts/{post_id}')).toEqual({ status: 'ok' });
    expect(await valid('DELETE', `/posts/${id}`, '/posts/{post_id}', undefined, 404)).toEqual({ status: 'error', errors: ['Post not found'] });
  });

  it('pages: create, read, list, update and delete in the documented shapes', async () => {
    const created = await valid('POST', '/pages', '/pages', { Title: 'About', Path: '/about-us', Status: 'published', Content: '## About' });
    promised(created);
    expect(created).toMatchObject({ Path: 'about-us', Status: 'published', PublishedAt: expect.stringMatching(DATE) });
    const id = created.ID as number;
    expect(Number.isInteger(id)).toBe(true);
    expect(problems(ref.response('POST', '/pages', 200), { ...created, CreatedAt: '2026-01-02T03:04:05Z' })).not.toEqual([]);

    promised(await valid('GET', `/pages/${id}`, '/pages/{page_id}'));
    expect((await valid('PUT', `/pages/${id}`, '/pages/{page_id}', { Title: 'About us', Status: 'draft' })).Title).toBe('About us');
    const list = (await valid('GET', '/pages', '/pages')) as unknown as Record<string, unknown>[];
    expect(list.map((p) => p.ID)).toEqual([id]);
    expect(await valid('DELETE', `/pages/${id}`, '/pages/{page_id}')).toEqual({ status: 'ok' });
    expect(await valid('DELETE', `/pages/${id}`, '/pages/{page_id}', undefined, 404)).toEqual({ status: 'error', errors: ['Page not found'] });
  });

  it('errors are StatusWithErrors bodies', async () => {
    const cases: [string, string, unknown, number][] = [
      ['POST', '/posts', { Title: 'x', Path: 'Not Valid', Status: 'draft' }, 400],
      ['POST', '/pages', { Title: 'x', Status: 'review', Path: 'p' }, 400],
      ['GET', '/posts/999999', undefined, 404],
      ['PUT', '/pages/abc', { Title: 'x' }, 404],
    ];
    for (const [method, url, body, status] of cases) {
      const res = await t.request(method, `/portal-api${url}`, { key: root, body });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(problems(ref.schema('StatusWithErrors'), res.json()), `${method} ${url}`).toEqual([]);
      expect(res.json()).toEqual({ status: 'error', errors: [expect.any(String)] });
    }
  });
});
