import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootstrapAdmin, callApi, capture, createUser, dismissNotifications, eventually, heading, openMenu, openSection, signIn } from './console.js';
import { chromiumAvailable, requireChromium, startBrowserHarness, type BrowserHarness } from './harness.js';

let h: BrowserHarness | undefined;
let adminKey = '';
beforeAll(async () => {
  if (!chromiumAvailable()) return;
  h = await startBrowserHarness();
  adminKey = await bootstrapAdmin(h);
});
afterAll(async () => {
  await h?.close();
});

interface PublicItem {
  Title: string;
  Path: string;
  Content: string;
}

/** The Live Portal's public API, without credentials. */
async function publicGet(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${h!.url}/portal/api${path}`);
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
}

const MARKDOWN = [
  '## Heading',
  '',
  'Create an app, then call the API with **your key**.',
  '',
  '<script>window.__contentScript = 1</script>',
  '',
  'Inline <img src="/nothing.png" onerror="window.__contentImage = 1"> image.',
  '',
  '- one',
  '- two',
].join('\n');

describe('Admin Portal > Content', () => {
  it('writes, previews safely, publishes, edits and deletes blog posts and pages', async (ctx) => {
    requireChromium(ctx);
    const page = await h!.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await openSection(page, 'Content');
    expect(page.url()).toBe(`${h!.url}/admin/portal/content/posts`);
    await page.getByText('No blog posts yet').waitFor();

    // A new post: the title is needed, and is said at its field.
    await page.getByRole('link', { name: 'Add blog post' }).click();
    await heading(page, 'New blog post');
    await page.getByRole('button', { name: 'Create blog post' }).click();
    await page.getByText('Enter a title.').waitFor();
    expect(await page.getByLabel(/^Title/).getAttribute('aria-invalid')).toBe('true');

    // The path follows the title, and says where the post will be.
    await page.getByLabel(/^Title/).fill('Getting started');
    expect(await page.getByLabel(/^Title/).getAttribute('aria-invalid')).not.toBe('true');
    expect(await page.getByLabel(/^Path/).inputValue()).toBe('getting-started');
    await page.getByText('address in the Live Portal: /blog/getting-started.').waitFor();
    await page.getByLabel(/^Summary/).fill('Your first call, step by step.');
    await page.getByLabel(/^Content/).fill(MARKDOWN);
    expect(await page.getByRole('radio', { name: 'Draft', exact: true }).isChecked()).toBe(true);
    await page.getByText('Only administrators see it, here in the Admin Portal.').waitFor();
    await capture(page, 'console-portal-content-editor');

    // Preview: Markdown rendered; the raw HTML in it never becomes elements.
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { level: 2, name: 'Heading' }).waitFor();
    await preview.getByText('your key').waitFor();
    expect(await preview.getByRole('listitem').count()).toBe(2);
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.locator('img').count()).toBe(0);
    expect(await page.evaluate('document.querySelectorAll("img[onerror], [onerror]").length')).toBe(0);
    expect(await page.evaluate('typeof window.__contentScript + " " + typeof window.__contentImage')).toBe('undefined undefined');
    await capture(page, 'console-portal-content-preview');
    await page.getByRole('tab', { name: 'Edit' }).click();
    expect(await page.getByLabel(/^Content/).inputValue()).toBe(MARKDOWN);

    // Saved as a draft: nothing public yet.
    await page.getByRole('button', { name: 'Create blog post' }).click();
    await heading(page, 'Getting started');
    expect(await page.getByRole('link', { name: 'View in the Live Portal' }).count()).toBe(0);
    expect(await publicGet('/posts')).toEqual({ status: 200, body: [] });
    expect((await publicGet('/posts/getting-started')).status).toBe(404);

    // Published: listed once in the public API, and linked to its Live Portal address.
    await page.getByRole('radio', { name: 'Published', exact: true }).check();
    await page.getByText('Everyone who visits the Live Portal sees it, at /blog/getting-started.').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const live = page.getByRole('link', { name: 'View in the Live Portal' });
    await live.waitFor();
    expect(await live.getAttribute('href')).toBe('/blog/getting-started');
    // The form shows what was saved.
    expect(await page.getByRole('radio', { name: 'Published', exact: true }).isChecked()).toBe(true);
    await dismissNotifications(page);
    await capture(page, 'console-portal-content-edit');
    const listed = await eventually(
      () => publicGet('/posts'),
      (r) => (r.body as PublicItem[]).length > 0,
    );
    expect((listed.body as PublicItem[]).map((p) => [p.Title, p.Path, p.Content])).toEqual([['Getting started', 'getting-started', MARKDOWN]]);

    // A second post cannot take the same path: the server's answer is shown at the Path field.
    await page.getByRole('link', { name: 'Back to blog posts' }).click();
    await heading(page, 'Content');
    await page.getByRole('link', { name: 'Add blog post' }).click();
    await heading(page, 'New blog post');
    await page.getByLabel(/^Title/).fill('Changelog');
    await page.getByLabel(/^Path/).fill('getting-started');
    await page.getByRole('button', { name: 'Create blog post' }).click();
    await page.getByText('a post with this path already exists').waitFor();
    expect(await page.getByLabel(/^Path/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/^Path/).fill('Change Log');
    await page.getByRole('button', { name: 'Create blog post' }).click();
    await page.getByText('use lowercase letters, digits, - and _').waitFor();
    await page.getByLabel(/^Path/).fill('changelog');
    await page.getByLabel(/^Content/).fill('## Version 1\n\nFirst release.');
    await page.getByRole('button', { name: 'Create blog post' }).click();
    await heading(page, 'Changelog');

    // The list: title, address, status, updated; search by title or path.
    await page.getByRole('link', { name: 'Back to blog posts' }).click();
    const posts = page.getByRole('table', { name: 'Blog posts' });
    await posts.getByRole('row', { name: /Getting started.*\/blog\/getting-started.*Published/ }).waitFor();
    await posts.getByRole('row', { name: /Changelog.*\/blog\/changelog.*Draft/ }).waitFor();
    await dismissNotifications(page);
    await capture(page, 'console-portal-content-posts');
    await page.getByLabel('Search blog posts').fill('change');
    await posts.getByRole('link', { name: 'Getting started' }).waitFor({ state: 'detached' });
    await posts.getByRole('link', { name: 'Changelog' }).waitFor();
    await page.getByLabel('Search blog posts').fill('nothing like this');
    await page.getByText('No blog post matches').waitFor();
    await page.getByLabel('Search blog posts').fill('');

    // Deleting from the editor asks first; a draft's deletion says nobody outside saw it.
    await posts.getByRole('link', { name: 'Changelog' }).click();
    await heading(page, 'Changelog');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const deletePost = page.getByRole('dialog', { name: 'Delete blog post “Changelog”?' });
    await deletePost.getByText('It is a draft').waitFor();
    await deletePost.getByRole('button', { name: 'Delete blog post' }).click();
    await heading(page, 'Content');
    await posts.getByRole('link', { name: 'Getting started' }).waitFor();
    expect(await posts.getByRole('link', { name: 'Changelog' }).count()).toBe(0);
    const adminPosts = (await callApi(h!, adminKey, 'GET', '/portal-api/posts')).body as { Title: string }[];
    expect(adminPosts.map((p) => p.Title)).toEqual(['Getting started']);

    // Pages: their own tab and address.
    await page.getByRole('tab', { name: 'Pages' }).click();
    await page.getByText('No pages yet').waitFor();
    expect(page.url()).toBe(`${h!.url}/admin/portal/content/pages`);
    await page.getByRole('link', { name: 'Add page' }).click();
    await heading(page, 'New page');
    await page.getByLabel(/^Title/).fill('About us');
    expect(await page.getByLabel(/^Path/).inputValue()).toBe('about-us');
    await page.getByLabel(/^Content/).fill('# About us\n\nWe make APIs for [everyone](https://example.com).');
    await page.getByRole('radio', { name: 'Published', exact: true }).check();
    await page.getByText('Everyone who visits the Live Portal sees it, at /about-us.').waitFor();
    await page.getByRole('button', { name: 'Create page' }).click();
    await heading(page, 'About us');
    expect(await page.getByRole('link', { name: 'View in the Live Portal' }).getAttribute('href')).toBe('/about-us');
    expect(((await publicGet('/pages/about-us')).body as PublicItem).Title).toBe('About us');

    // Edit the page: the new title is public at once.
    await page.getByLabel(/^Title/).fill('About the team');
    // An existing item's path does not follow its title.
    expect(await page.getByLabel(/^Path/).inputValue()).toBe('about-us');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, 'About the team');
    expect(((await publicGet('/pages/about-us')).body as PublicItem).Title).toBe('About the team');

    await page.getByRole('link', { name: 'Back to pages' }).click();
    const pagesTable = page.getByRole('table', { name: 'Pages' });
    await pagesTable.getByRole('row', { name: /About the team.*\/about-us.*Published/ }).waitFor();
    await dismissNotifications(page);
    await capture(page, 'console-portal-content-pages');

    // Deleting from the list asks first, and says the page leaves the Live Portal; Cancel keeps it.
    await openMenu(page, 'About the team', 'Delete');
    const deletePage = page.getByRole('dialog', { name: 'Delete page “About the team”?' });
    await deletePage.getByText('it disappears from the Live Portal at once (/about-us)').waitFor();
    await deletePage.getByRole('button', { name: 'Cancel' }).click();
    await deletePage.waitFor({ state: 'detached' });
    expect((await publicGet('/pages/about-us')).status).toBe(200);
    await openMenu(page, 'About the team', 'Delete');
    await deletePage.getByRole('button', { name: 'Delete page' }).click();
    await deletePage.waitFor({ state: 'detached' });
    await page.getByText('No pages yet').waitFor();
    expect((await publicGet('/pages/about-us')).status).toBe(404);

    // An unknown item shows the "not found" page.
    await page.goto('/admin/portal/content/pages/4242');
    await heading(page, 'Not found');
    await page.goto('/admin/portal/content/posts/not-a-number');
    await heading(page, 'Not found');
    await page.getByRole('link', { name: 'Back to blog posts' }).waitFor();

    // With `portal: read` only: the content can be read, not changed.
    const reader = { first: 'Rita', last: 'Reader', email: 'rita@example.com', password: 'reads-content-only-1' };
    await createUser(h!, adminKey, { ...reader, permissions: { portal: 'read' } });
    const readerPage = await h!.newPage();
    await signIn(readerPage, reader.email, reader.password);
    await openSection(readerPage, 'Content');
    await readerPage.getByRole('table', { name: 'Blog posts' }).getByRole('link', { name: 'Getting started' }).waitFor();
    expect(await readerPage.getByRole('link', { name: 'Add blog post' }).count()).toBe(0);
    await openMenu(readerPage, 'Getting started', 'Open');
    await heading(readerPage, 'Getting started');
    expect(await readerPage.getByLabel(/^Title/).getAttribute('readonly')).not.toBeNull();
    expect(await readerPage.getByRole('radio', { name: 'Draft', exact: true }).isDisabled()).toBe(true);
    expect(await readerPage.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await readerPage.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await readerPage.goto('/admin/portal/content/posts/new');
    await heading(readerPage, 'Not found');
  });
});
