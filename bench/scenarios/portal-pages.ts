import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { benchDatabases } from '../lib/databases.js';
import { middle } from '../lib/load.js';
import { round, table } from '../lib/measure.js';
import { startServer } from '../lib/server.js';

/*
 * Issue 13: the Live Portal's public pages on a slow connection, in Chromium.
 * Each page is loaded cold (new browser context: nothing cached) and warm (the
 * same context again) under a "slow 4G" profile — 150 ms round trip, 1.6 Mbit/s
 * down, 750 kbit/s up, 4× slower CPU — measuring the bytes transferred and the
 * time until the page's heading shows (for the API reference: until Swagger
 * UI has drawn the document's first operation). The baseline, measured in the same run
 * and under the same profile: a bare HTML page with one heading served by
 * node:http, the floor any page pays for the round trips alone.
 *
 * Knob: PORTCULLIS_BENCH_ROUNDS (loads per figure, median; default 3).
 */

const CHROMIUM = '/usr/bin/chromium';
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface Load {
  bytes: number;
  headingMs: number;
}

/** Loads `url` in `page` under the slow profile; counts the bytes on the wire and the time until `ready` (an h1 by default) is visible. */
async function measure(page: Page, url: string, ready?: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await (ready ? page.locator(ready) : page.getByRole('heading', { level: 1 })).first().waitFor({ timeout: 60_000 });
  const headingMs = performance.now() - started;
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { bytes, headingMs };
}

async function coldAndWarm(browser: Browser, url: string, rounds: number, ready?: string): Promise<{ cold: Load; warm: Load }> {
  const cold: Load[] = [];
  const warm: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    cold.push(await measure(page, url, ready));
    warm.push(await measure(page, url, ready));
    await context.close();
  }
  const pick = (loads: Load[]): Load => ({ bytes: middle(loads.map((l) => l.bytes)), headingMs: middle(loads.map((l) => l.headingMs)) });
  return { cold: pick(cold), warm: pick(warm) };
}

async function seed(base: string): Promise<{ product: number; key: string }> {
  const post = async (path: string, key: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: key }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const boot = await post('/portal-api/bootstrap', '', { username: 'bench@example.com', password: 'bench-password-1', first_name: 'B', last_name: 'B' });
  const key = (boot.data as { api_token: string }).api_token;
  const api = await post('/api/apis', key, { api_definition: { name: 'Weather API', active: true, proxy: { listen_path: '/weather/', target_url: 'http://127.0.0.1:9/', strip_listen_path: true } } });
  const plan = await post('/portal-api/plans', key, { Name: 'starter', DisplayName: 'Starter', RateLimit: 100, Per: 60, Quota: 100_000, QuotaRenewalRate: 2_592_000 });
  const description = '# Forecasts\n\nHourly **forecasts** for any place on Earth, with [examples](https://example.com).\n\n- current weather\n- 10-day forecast\n';
  await post('/api/apis/oas', key, FORECAST_DOC);
  const product = await post('/portal-api/products', key, {
    Name: 'weather',
    DisplayName: 'Weather',
    Description: description,
    APIDetails: [{ APIID: api.ID }, { APIID: 'forecast-api' }],
  });
  await post('/portal-api/catalogues', key, { Name: 'Public APIs', VisibilityStatus: 'Public', Products: [product.ID], Plans: [plan.ID] });
  await post('/portal-api/posts', key, { Title: 'Welcome', Path: 'welcome', Content: '# Welcome\n\nOur APIs are open.', Status: 'published' });
  return { product: product.ID as number, key };
}

/** A small OpenAPI document: what the API reference page renders. */
const FORECAST_DOC = {
  openapi: '3.0.3',
  info: { title: 'Forecast', version: '1.0.0', description: 'Hourly **forecasts**.' },
  paths: {
    '/forecast/{place}': {
      get: {
        summary: 'Forecast for a place',
        parameters: [{ name: 'place', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The forecast', content: { 'application/json': { schema: { type: 'object', properties: { hours: { type: 'array', items: { type: 'number' } } } } } } } },
      },
    },
  },
  components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'Authorization' } } },
  'x-tyk-api-gateway': {
    info: { name: 'Forecast', id: 'forecast-api', state: { active: true } },
    upstream: { url: 'http://127.0.0.1:9/' },
    server: { listenPath: { value: '/forecast/', strip: true } },
  },
};

function startBaseline(): Promise<{ url: string; server: Server }> {
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body><h1>Baseline</h1><p>One heading, nothing else.</p></body></html>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`, server });
    }),
  );
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nportal-pages: not run — ${CHROMIUM} is missing (apt-get install -y chromium)`);
    return;
  }
  const rounds = Number(process.env.PORTCULLIS_BENCH_ROUNDS ?? 3);
  const make = (await benchDatabases())[0]!;
  const db = await make();
  const server = await startServer({ PORTCULLIS_DATABASE_URL: db.url });
  const baseline = await startBaseline();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const { product } = await seed(server.url);
    const pages: [string, string, string?][] = [
      ['baseline: one-heading HTML page', baseline.url],
      ['home (/)', `${server.url}/`],
      ['product page', `${server.url}/portal/catalogue-products/${product}`],
      ['API reference (Swagger UI), to its first operation', `${server.url}/portal/catalogue-products/${product}/apis/forecast-api/reference`, '.opblock'],
      ['blog', `${server.url}/blog`],
      ['sign in', `${server.url}/auth/password/login`],
    ];
    const rows: (string | number)[][] = [];
    let floor = 0;
    for (const [label, url, ready] of pages) {
      const { cold, warm } = await coldAndWarm(browser, url, rounds, ready);
      if (floor === 0) floor = cold.headingMs;
      rows.push([label, round(cold.bytes / 1024, 1), Math.round(cold.headingMs), round(cold.headingMs / floor), round(warm.bytes / 1024, 1), Math.round(warm.headingMs)]);
    }
    table(
      `Live Portal public pages, slow 4G (150 ms RTT, 1.6 Mbit/s, CPU ×4), 360 px, median of ${rounds}`,
      ['page', 'cold kB', 'cold ms to h1', '× baseline', 'warm kB', 'warm ms to h1'],
      rows,
    );
  } finally {
    await browser.close();
    baseline.server.close();
    await server.stop();
    await db.drop();
  }
}
