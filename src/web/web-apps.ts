import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_PREFIX, isApiPath } from '../links.js';

/**
 * The two web apps, built by Vite into web/<app>/dist: the console at /admin/
 * and the Live Portal at /. Hashed assets are served as files with long-lived
 * caching; every other page address (a deep link such as /admin/apis/42) gets
 * the app's index.html, and the app shows its own page or its own "not found".
 */

/** Scripts only from this origin (Vite emits no inline script); inline style attributes are allowed for UI components. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface WebApp {
  name: string;
  /** URL prefix with a trailing slash. */
  prefix: string;
  dist: string;
  /** index.html, read once; undefined when the app is not built. */
  index: string | undefined;
}

function webApp(name: string, prefix: string): WebApp {
  const dist = fileURLToPath(new URL(`../../web/${name}/dist/`, import.meta.url));
  const indexFile = `${dist}index.html`;
  return { name, prefix, dist, index: existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined };
}

/** A path that names a file (an asset, a map, an icon) rather than a page: missing, it is a 404, not the app. */
function looksLikeFile(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last === 'index.html') return false;
  return last.includes('.') || path.includes('/assets/');
}

export interface WebApps {
  /** Answers a GET/HEAD that no route took with the app page it belongs to; false when it is no page address. */
  servePage(request: FastifyRequest, reply: FastifyReply): boolean;
}

export async function registerWebApps(app: FastifyInstance): Promise<WebApps> {
  const consoleApp = webApp('console', `${CONSOLE_PREFIX}/`);
  const portalApp = webApp('portal', '/');
  const apps = [consoleApp, portalApp];

  let decorated = false;
  for (const web of apps) {
    if (web.index === undefined) {
      app.log.warn(`The ${web.name} web app is not built (no ${web.dist}index.html): run "npm run build"`);
      continue;
    }
    // One route per built file (no wildcard), so API routes and page addresses are never shadowed.
    await app.register(fastifyStatic, {
      root: web.dist,
      prefix: web.prefix,
      wildcard: false,
      index: false,
      decorateReply: !decorated,
      cacheControl: false,
      serveDotFiles: false,
      // The .br and .gz copies scripts/compress-web.ts writes at build time, by the client's Accept-Encoding.
      preCompressed: true,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
      },
      // index.html is a page: served by servePage with the apps' CSP.
      allowedPath: (path) => !path.endsWith('index.html'),
    });
    decorated = true;
  }

  return {
    servePage(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const path = request.url.split('?', 1)[0]!;
      if (isApiPath(path) || looksLikeFile(path)) return false;
      const web = path === CONSOLE_PREFIX || path.startsWith(consoleApp.prefix) ? consoleApp : portalApp;
      if (web.index === undefined) {
        void reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(`The ${web.name} web app is not built. Run "npm run build" (or "npm start", which builds it) and restart.\n`);
        return true;
      }
      void reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', WEB_APP_CSP).send(web.index);
      return true;
    },
  };
}
