import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/links.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';

// The web apps are built by `npm test`'s pretest step (npm run build:web).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function scriptOf(html: string): string {
  const m = /<script type="module" crossorigin src="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no module script in ${html}`);
  return m[1]!;
}

describe('the web apps', () => {
  it('serve the console at /admin and every deep link under it, with a CSP that allows no inline script', async () => {
    for (const url of ['/admin', '/admin/', '/admin/apis/42', '/admin/portal/users/7?tab=teams', '/admin/index.html']) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<title>Portcullis console</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('serve the Live Portal at / and at its page addresses', async () => {
    for (const url of ['/', '/auth/password/login', '/auth/password/reset?token=abc', '/portal/dashboard', '/no/such/page']) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Developer portal</title>');
    }
  });

  it('serve hashed assets with long-lived caching, and answer 404 for a missing asset instead of the app', async () => {
    const html = (await t.request('GET', '/admin/')).body;
    const script = scriptOf(html);
    expect(script).toMatch(/^\/admin\/assets\/index-[\w-]+\.js$/);
    const asset = await t.request('GET', script);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const portalScript = scriptOf((await t.request('GET', '/')).body);
    expect(portalScript).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect((await t.request('GET', portalScript)).statusCode).toBe(200);

    for (const url of ['/admin/assets/index-missing.js', '/assets/nothing.css', '/favicon-missing.png']) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });

  it('send assets compressed, Brotli or gzip as the client accepts, and plain to a client that accepts neither', async () => {
    const script = scriptOf((await t.request('GET', '/')).body);
    const plain = await t.request('GET', script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.request('GET', script, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gz = await t.request('GET', script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('leave the HTTP APIs their JSON 404s', async () => {
    const dashboard = await t.request('GET', '/api/no-such-thing');
    expect(dashboard.statusCode).toBe(404);
    expect(dashboard.json()).toEqual({ Status: 'Error', Message: 'Not found', Meta: null });
    for (const url of ['/portal-api/no-such-thing', '/portal/api/no-such-thing']) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ status: 'error', errors: ['Not found'] });
    }
    const post = await t.request('POST', '/admin/apis', { body: {} });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/application\/json/);
  });

  it('serve a page at every address in the map of pages', async () => {
    const addresses = [
      pages.portalHome(),
      pages.signIn(),
      pages.register(),
      pages.register('an-invitation'),
      pages.forgotPassword(),
      pages.resetPassword('a-token'),
      pages.consumerDashboard(),
      pages.consumerApp(3),
      pages.consoleHome(),
      pages.adminPortalHome(),
      pages.accessRequestReview(5),
      pages.portalUser(9),
    ];
    for (const url of addresses) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
    }
  });

  it('send a signed-in user to a page that exists', async () => {
    await t.bootstrap();
    const res = await t.request('POST', '/auth/password/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(res.statusCode).toBe(200);
    const landing = (res.json() as { Meta: { redirect_to: string } }).Meta.redirect_to;
    expect(landing).toBe(pages.adminPortalHome());
    const page = await t.request('GET', landing);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });
});
