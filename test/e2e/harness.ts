import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** Debian's Chromium (apt-get install chromium); no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const CONSOLE_BUILD = fileURLToPath(new URL('../../web/console/dist/index.html', import.meta.url));

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 740 } as const;

/** Whether the browser tests can run here. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Call first in every browser test: without Chromium the test is reported as
 * skipped — or fails under CI=true, where Chromium must be installed (.ci/run does).
 */
export function requireChromium(ctx: { skip: (note?: string) => void }): void {
  if (chromiumAvailable()) return;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  ctx.skip(`${CHROMIUM} is missing (apt-get install -y chromium)`);
}

export interface BrowserHarness {
  server: RunningServer;
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  browser: Browser;
  /** A new page in a fresh context (own cookies) at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A real Portcullis server on a free port with a fresh, empty database (gateway
 * disabled unless `options.gateway`; its address is `server.gateway.url`), serving the built web apps, and Chromium driven by playwright-core.
 */
export async function startBrowserHarness(env: Record<string, string> = {}, options: { gateway?: boolean; port?: number } = {}): Promise<BrowserHarness> {
  if (!existsSync(CONSOLE_BUILD)) throw new Error('The console is not built (web/console/dist): run npm run build:web');
  const database: TestDatabase = await createTestDatabase();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(
      loadConfig({
        PORTCULLIS_LOG_LEVEL: 'silent',
        ...env,
        PORTCULLIS_DATABASE_URL: database.url,
        PORTCULLIS_HOST: '127.0.0.1',
        // A fixed port when the test must know the address beforehand (e.g. a provider's redirect URI); else a free one.
        PORTCULLIS_PORT: String(options.port ?? 0),
        // The gateway, when a test needs consumer traffic, takes a free port and writes its analytics at once.
        ...(options.gateway
          ? { PORTCULLIS_GATEWAY_ENABLED: 'true', PORTCULLIS_GATEWAY_PORT: '0', PORTCULLIS_GATEWAY_HOST: '127.0.0.1', PORTCULLIS_GATEWAY_ANALYTICS_FLUSH_MS: '50' }
          : { PORTCULLIS_GATEWAY_ENABLED: 'false' }),
      }),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  } catch (err) {
    await server?.stop().catch(() => {});
    await database.drop().catch(() => {});
    throw err;
  }
  const running = server;
  const b = browser;
  return {
    server: running,
    url: running.url,
    browser: b,
    async newPage(viewport = DESKTOP) {
      const context = await b.newContext({ viewport, baseURL: running.url });
      return context.newPage();
    },
    async close() {
      await b.close().catch(() => {});
      await running.stop();
      await database.drop();
    },
  };
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page; throws listing every serious or critical violation. */
export async function checkAccessibility(page: Page, screen = page.url()): Promise<void> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined');
  // Not page.addScriptTag: that is an inline script, which the console's CSP rightly refuses.
  // An evaluated script runs outside the page's CSP, which stays enforced for everything else.
  if (!loaded) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map((v) => `- [${v.impact}] ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    throw new Error(`Accessibility violations on ${screen}:\n${lines.join('\n')}`);
  }
}

/**
 * Writes test-results/screenshots/<name>.png (the whole page). The window is
 * made as tall as the page for the shot, rather than Chromium's full-page
 * stitching, which paints fixed parts (the header, the navigation) in the
 * middle of long pages.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  const viewport = page.viewportSize();
  const height = (await page.evaluate('Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)')) as number;
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
    await page.screenshot({ path });
    await page.setViewportSize(viewport);
  } else {
    await page.screenshot({ path });
  }
  return path;
}
