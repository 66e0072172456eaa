import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { eventually, rights, send, spawnGateway, startUpstream, type Upstream } from './helpers.js';

/** `portcullis start` runs the gateway in its process; `portcullis gateway` runs it alone on the same store. */
describe('the gateway beside the control plane', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let up: Upstream;
  let admin: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(admin ? { authorization: admin } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    up = await startUpstream();
    server = await startServer(
      loadConfig({
        PORTCULLIS_DATABASE_URL: db.url,
        PORTCULLIS_LOG_LEVEL: 'silent',
        PORTCULLIS_HOST: '127.0.0.1',
        PORTCULLIS_PORT: '0',
        PORTCULLIS_GATEWAY_PORT: '0',
        PORTCULLIS_GATEWAY_HOST: '127.0.0.1',
        // Only the control plane's own notice can make the in-process gateway look sooner than this.
        PORTCULLIS_GATEWAY_POLL_MS: '60000',
        PORTCULLIS_GATEWAY_ANALYTICS_FLUSH_MS: '100',
      }),
    );
    const boot = await call('POST', '/portal-api/bootstrap', { username: 'root@example.com', password: 'correct-horse-battery', first_name: 'R', last_name: 'A' });
    admin = (boot.body.data as { api_token: string }).api_token;
  });
  afterAll(async () => {
    await server?.stop();
    await up?.close();
    await db?.drop();
  });

  it('starts the gateway with the server, and a change made through the server reaches it at once', async () => {
    expect(server.gateway).toBeDefined();
    const gw = server.gateway!;
    expect(gw.port).toBeGreaterThan(0);
    const api = await call('POST', '/api/apis', {
      api_definition: { name: 'Inline', proxy: { listen_path: '/inline/', target_url: up.url, strip_listen_path: true }, auth: { auth_header_name: 'Authorization' } },
    });
    expect(api.status).toBe(200);
    const apiId = api.body.ID as string;
    const created = await call('POST', '/api/keys', { access_rights: { [apiId]: rights(apiId) } });
    const key = created.body.key as string;
    expect(await eventually(async () => (await send(gw.url, '/inline/x', { headers: { authorization: key } })).status === 200, 1000)).toBeGreaterThanOrEqual(0);
    expect((await call('DELETE', `/api/keys/${created.body.key_hash as string}`)).status).toBe(200);
    expect(await eventually(async () => (await send(gw.url, '/inline/x', { headers: { authorization: key } })).status === 403, 1000)).toBeGreaterThanOrEqual(0);
  });

  it('serves from a separate `portcullis gateway` process whose analytics reach the same store', async () => {
    const api = await call('POST', '/api/apis', {
      api_definition: { name: 'Apart', proxy: { listen_path: '/apart/', target_url: up.url, strip_listen_path: true }, use_keyless: true },
    });
    const apiId = api.body.ID as string;
    const gw = await spawnGateway({ PORTCULLIS_DATABASE_URL: db.url });
    try {
      for (let i = 0; i < 5; i++) expect((await send(gw.url, `/apart/n/${i}`)).status).toBe(200);
      expect((await send(gw.url, '/gateway/health')).json()).toMatchObject({ status: 'ok', database: 'ok' });
      // On SQLite the records are written by a thread of their own, whose CPU /metrics reports apart (Linux).
      const writerCpu = /^portcullis_gateway_analytics_writer_cpu_seconds_total (\S+)$/m;
      if (db.url.startsWith('sqlite:')) {
        const seen = await eventually(async () => writerCpu.test((await send(gw.url, '/metrics')).body), 5000);
        expect(seen).toBeGreaterThanOrEqual(0);
        expect(Number(writerCpu.exec((await send(gw.url, '/metrics')).body)![1])).toBeGreaterThanOrEqual(0);
      } else {
        expect((await send(gw.url, '/metrics')).body).not.toMatch(writerCpu);
      }
    } finally {
      // Buffered records are written on shutdown.
      expect(await gw.stop()).toBe(0);
    }
    const d = new Date();
    const day = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
    const usage = await call('GET', `/api/usage/apis/${apiId}/${day}/${day}`);
    expect(usage.status).toBe(200);
    const rows = usage.body.data as { hits: number }[];
    expect(rows.reduce((n, r) => n + r.hits, 0)).toBe(5);
  });

  it('writes a burst of records spanning several batches, every record and roll-up intact', async () => {
    const api = await call('POST', '/api/apis', {
      api_definition: { name: 'Burst', proxy: { listen_path: '/burst/', target_url: up.url, strip_listen_path: true }, auth: { auth_header_name: 'Authorization' } },
    });
    const apiId = api.body.ID as string;
    const created = await call('POST', '/api/keys', { access_rights: { [apiId]: rights(apiId) } });
    const key = created.body.key as string;
    const keyHash = created.body.key_hash as string;
    // 1,234 requests: more than two of the gateway's batches of 500, 7 paths, every tenth without a key (401).
    const total = 1234;
    const gw = await spawnGateway({ PORTCULLIS_DATABASE_URL: db.url });
    try {
      for (let from = 0; from < total; from += 50) {
        const statuses = await Promise.all(
          Array.from({ length: Math.min(50, total - from) }, async (_, j) => {
            const i = from + j;
            return (await send(gw.url, `/burst/p/${i % 7}`, i % 10 === 0 ? {} : { headers: { authorization: key } })).status;
          }),
        );
        expect(statuses.every((s, j) => s === ((from + j) % 10 === 0 ? 401 : 200))).toBe(true);
      }
    } finally {
      expect(await gw.stop()).toBe(0);
    }
    const d = new Date();
    const day = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
    const refused = Math.ceil(total / 10);
    // The per-API roll-up.
    const usage = await call('GET', `/api/usage/apis/${apiId}/${day}/${day}`);
    const sum = (rows: Record<string, number>[], f: string) => rows.reduce((n, r) => n + r[f]!, 0);
    const apiRows = usage.body.data as Record<string, number>[];
    expect({ hits: sum(apiRows, 'hits'), success: sum(apiRows, 'success'), error: sum(apiRows, 'error'), status_4xx: sum(apiRows, 'status_4xx') }).toEqual({
      hits: total,
      success: total - refused,
      error: refused,
      status_4xx: refused,
    });
    // The key's raw records, by endpoint: each path with its own count, the refused requests under no key.
    const byEndpoint = await call('GET', `/api/activity/keys/${keyHash}/${day}/${day}`);
    expect(byEndpoint.status).toBe(200);
    const perPath = new Map<string, number>();
    for (let i = 0; i < total; i++) if (i % 10 !== 0) perPath.set(`/burst/p/${i % 7}`, (perPath.get(`/burst/p/${i % 7}`) ?? 0) + 1);
    const endpointRows = byEndpoint.body.data as { id: { api_id: string; method: string; path: string }; hits: number; success: number }[];
    expect(new Map(endpointRows.map((r) => [r.id.path, r.hits]))).toEqual(perPath);
    expect(endpointRows.every((r) => r.id.api_id === apiId && r.id.method === 'GET' && r.success === r.hits)).toBe(true);
    // The per-key roll-up.
    const keys = await call('GET', `/api/activity/keys/aggregate/${keyHash}/${day}/${day}`);
    expect(sum(keys.body.data as Record<string, number>[], 'hits')).toBe(total - refused);
  });
});
