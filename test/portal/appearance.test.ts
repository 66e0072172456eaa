import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

// A 1×1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>').toString('base64');

describe('portal appearance (/portal-api/settings/appearance, /portal/api/appearance)', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (key = root) => t.request('GET', '/portal-api/settings/appearance', { key });
  const put = (body: unknown, key = root) => t.request('PUT', '/portal-api/settings/appearance', { key, body });
  const live = () => t.request('GET', '/portal/api/appearance');

  it('starts with the defaults, which visitors read without signing in', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ Name: 'Developer portal', Logo: null, PrimaryColour: '', FontFamily: 'system', CustomCSS: '', Introduction: '', MenuLinks: [] });
    const pub = await live();
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toBe('no-cache');
    expect(pub.json()).toMatchObject({ Name: 'Developer portal', LogoURL: null, PrimaryColour: null, StylesheetURL: null, MenuLinks: [] });
    expect((await t.request('GET', '/portal/api/appearance/logo')).statusCode).toBe(404);
    const css = await t.request('GET', '/portal/api/appearance.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe('');
  });

  it('saves name, colour, font, CSS, introduction, links and logo, audits them in the same write, and serves them to visitors', async () => {
    const res = await put({
      Name: '  Acme APIs ',
      PrimaryColour: '#0B7A3E',
      FontFamily: 'georgia',
      CustomCSS: 'h1 { letter-spacing: 2px; }',
      Introduction: '# Welcome\n\nBuild with **Acme**.',
      MenuLinks: [{ Label: 'Status', URL: 'https://status.acme.example' }, { Label: 'Terms', URL: '/pages/terms' }],
      Logo: { MediaType: 'image/png', Data: PNG },
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ Name: 'Acme APIs', PrimaryColour: '#0b7a3e', FontFamily: 'georgia', Logo: { MediaType: 'image/png', Size: Buffer.from(PNG, 'base64').length } });

    const pub = (await live()).json();
    expect(pub).toMatchObject({
      Name: 'Acme APIs',
      PrimaryColour: '#0b7a3e',
      FontFamily: 'georgia',
      Introduction: '# Welcome\n\nBuild with **Acme**.',
      MenuLinks: [{ Label: 'Status', URL: 'https://status.acme.example' }, { Label: 'Terms', URL: '/pages/terms' }],
    });
    expect(pub.FontStack).toContain('Georgia');
    expect(pub.LogoURL).toBe(saved.Logo.URL);
    expect(pub.LogoURL).toMatch(/^\/portal\/api\/appearance\/logo\?v=/);

    const logo = await t.request('GET', pub.LogoURL);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(logo.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const bare = await t.request('GET', '/portal/api/appearance/logo');
    expect(bare.headers['cache-control']).toBe('no-cache');
    const again = await t.request('GET', '/portal/api/appearance/logo', { headers: { 'if-none-match': String(bare.headers.etag) } });
    expect(again.statusCode).toBe(304);

    const css = await t.request('GET', pub.StylesheetURL);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe('h1 { letter-spacing: 2px; }');

    const audit = await t.request('GET', '/api/audit-logs?action=appearance.update&p=-1', { key: root });
    const entries = audit.json().audit_logs as { target: string }[];
    expect(entries).toHaveLength(1);
    // The logo's bytes stay out of the audit log.
    expect(audit.body).not.toContain(PNG.slice(0, 40));

    // Fields absent are kept; Logo: null removes the logo.
    const partial = await put({ Logo: null });
    expect(partial.json()).toMatchObject({ Name: 'Acme APIs', Logo: null, PrimaryColour: '#0b7a3e' });
    expect((await t.request('GET', '/portal/api/appearance/logo')).statusCode).toBe(404);
  });

  it('serves an SVG logo as an image that cannot run script', async () => {
    expect((await put({ Logo: { MediaType: 'image/svg+xml', Data: SVG } })).statusCode).toBe(200);
    const logo = await t.request('GET', '/portal/api/appearance/logo');
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(logo.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
  });

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const before = (await get()).body;
    const cases: [unknown, string][] = [
      [{ PrimaryColour: 'red' }, 'PrimaryColour'],
      [{ PrimaryColour: '#12345g' }, 'PrimaryColour'],
      [{ Name: '   ' }, 'Name'],
      [{ Name: 'x'.repeat(61) }, 'Name'],
      [{ FontFamily: 'Comic Sans' }, 'FontFamily'],
      [{ MenuLinks: [{ Label: 'Evil', URL: 'javascript:alert(1)' }] }, 'MenuLinks.0.URL'],
      [{ MenuLinks: [{ Label: 'Ok', URL: '/a' }, { Label: 'Evil', URL: '//evil.example/x' }] }, 'MenuLinks.1.URL'],
      [{ MenuLinks: [{ Label: 'Data', URL: 'data:text/html,<script>alert(1)</script>' }] }, 'MenuLinks.0.URL'],
      [{ MenuLinks: [{ Label: '', URL: '/a' }] }, 'MenuLinks.0.Label'],
      [{ MenuLinks: Array.from({ length: 9 }, (_v, i) => ({ Label: `L${i}`, URL: '/a' })) }, 'MenuLinks'],
      [{ CustomCSS: 'a{}'.repeat(20_000) }, 'CustomCSS'],
      [{ Introduction: 'x'.repeat(20_001) }, 'Introduction'],
      [{ Logo: { MediaType: 'image/gif', Data: PNG } }, 'Logo'],
      [{ Logo: { MediaType: 'image/jpeg', Data: PNG } }, 'Logo'],
      [{ Logo: { MediaType: 'image/svg+xml', Data: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') } }, 'Logo'],
      [{ Logo: { MediaType: 'image/png', Data: 'not base64!' } }, 'Logo'],
      [{ Logo: { MediaType: 'image/png', Data: Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(300 * 1024)]).toString('base64') } }, 'Logo'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(res.json().errors[0], JSON.stringify(body).slice(0, 100)).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    }
    expect((await get()).body).toBe(before);
  });

  it('needs the portal permission: read to see, write to change', async () => {
    const reader = await createUser(t, root, 'appearance-reader@example.com', { perms: { portal: 'read' } });
    expect((await get(reader.key)).statusCode).toBe(200);
    expect((await put({ Name: 'Mine' }, reader.key)).statusCode).toBe(403);
    const nobody = await createUser(t, root, 'appearance-nobody@example.com', { perms: {} });
    expect((await get(nobody.key)).statusCode).toBe(403);
    expect((await t.request('GET', '/portal-api/settings/appearance')).statusCode).toBe(401);
    expect((await live()).json().Name).not.toBe('Mine');
  });
});
