import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { RunningGateway } from '../../src/gateway/index.js';
import { startServer } from '../../src/server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createKey, createProxiedApi, eventually, gatewayFor, rights, send, startUpstream, type Upstream } from './helpers.js';
import { startOwnRedis, type OwnRedis } from './redis-server.js';

/**
 * Two gateways sharing a Redis of the test's own, which the tests freeze
 * (SIGSTOP: connections stay open, nothing answers) or crash and restart empty.
 */
describe('gateways while their Redis is in trouble', () => {
  let t: TestApp;
  let admin: string;
  let up: Upstream;
  let api: string;
  let server: OwnRedis;
  let gateways: RunningGateway[] = [];
  const prefix = `portcullis-test-${randomBytes(6).toString('hex')}:`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.bootstrap();
    up = await startUpstream();
    api = await createProxiedApi(t, admin, 'Outage', '/outage/', up.url);
  });
  afterAll(async () => {
    await up?.close();
    await t?.close();
  });
  beforeEach(async () => {
    server = await startOwnRedis();
    const env = { PORTCULLIS_REDIS_URL: server.url, PORTCULLIS_REDIS_PREFIX: prefix };
    gateways = await Promise.all([gatewayFor(t, env), gatewayFor(t, env)]);
  });
  afterEach(async () => {
    server?.thaw();
    await Promise.all(gateways.map((g) => g.stop()));
    await server?.stop();
  });

  /** One request, failing the test (instead of stalling it) if the gateway does not answer within 5 s. */
  async function call(g: RunningGateway, key: string): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the gateway did not answer within 5 s')), 5000);
    });
    try {
      return (await Promise.race([send(g.url, '/outage/x', { headers: { authorization: key } }), hung])).status;
    } finally {
      clearTimeout(timer);
    }
  }

  async function allowed(g: RunningGateway, key: string, n: number): Promise<number> {
    let ok = 0;
    for (let i = 0; i < n; i++) {
      const status = await call(g, key);
      expect([200, 429]).toContain(status);
      if (status === 200) ok += 1;
    }
    return ok;
  }

  it('answer rate-limited requests while Redis is frozen, each holding the limit from the last counts it saw', async () => {
    const { key } = await createKey(t, admin, { access_rights: { [api]: rights(api) }, rate: 20, per: 3600 });
    const [g1, g2] = gateways as [RunningGateway, RunningGateway];
    expect(await allowed(g2, key, 4)).toBe(4);
    expect(await allowed(g1, key, 1)).toBe(1);

    const healthy = await send(g1.url, '/gateway/health');
    expect(healthy.status).toBe(200);
    expect(JSON.parse(healthy.body)).toMatchObject({ status: 'ok', redis: 'ok' });
    expect(JSON.parse((await send(g1.url, '/hello')).body)).toMatchObject({ status: 'pass', details: { redis: { status: 'pass' } } });
    expect((await send(g1.url, '/metrics')).body).toContain('portcullis_gateway_counters_degraded 0');

    server.freeze();
    // g1 last saw 5 of 20 used, g2 saw 4: each goes on from there, not from 0.
    expect(await allowed(g1, key, 20)).toBe(15);
    expect(await allowed(g2, key, 20)).toBe(16);

    // Still serving and enforcing: 200 (a load balancer keeps it), and it says it is degraded.
    const degraded = await send(g1.url, '/gateway/health');
    expect(degraded.status).toBe(200);
    expect(JSON.parse(degraded.body)).toMatchObject({ status: 'degraded', database: 'ok', redis: 'degraded' });
    // Tyk's health check says the same in its words.
    const hello = await send(g1.url, '/hello');
    expect(hello.status).toBe(200);
    expect(JSON.parse(hello.body)).toMatchObject({ status: 'warn', details: { database: { status: 'pass' }, redis: { status: 'warn', componentType: 'datastore' } } });
    const metrics = (await send(g1.url, '/metrics')).body;
    expect(metrics).toContain('portcullis_gateway_counters_degraded 1');
    expect(metrics).toMatch(/portcullis_gateway_counters_fallbacks_total [1-9]/);

    server.thaw();
    // Once Redis answers again the counts written back keep the window closed.
    expect(await eventually(async () => (await call(g1, key)) === 429 && (await call(g2, key)) === 429, 5000)).toBeGreaterThanOrEqual(0);
    expect(await eventually(async () => JSON.parse((await send(g1.url, '/gateway/health')).body).status === 'ok', 5000)).toBeGreaterThanOrEqual(0);
  });

  it('do not let a crash and an empty restart of Redis reset the window', async () => {
    const limit = 100;
    const { key, hash } = await createKey(t, admin, { access_rights: { [api]: rights(api) }, rate: limit, per: 3600 });
    const [g1, g2] = gateways as [RunningGateway, RunningGateway];
    // 60 of 100 before the crash, taking turns, so each gateway last saw 59 or 60.
    let before = 0;
    for (let i = 0; i < 30; i++) before += (await allowed(g1, key, 1)) + (await allowed(g2, key, 1));
    expect(before).toBe(60);

    await server.crash();
    const [out1, out2] = await Promise.all([allowed(g1, key, 60), allowed(g2, key, 60)]);

    await server.restart();
    // The gateways re-seed the empty Redis from their counts: it holds a full window again.
    let reseeding = 0;
    const check = server.client();
    try {
      const full = async () => {
        for (const status of await Promise.all([call(g1, key), call(g2, key)])) if (status === 200) reseeding += 1;
        const [tat, now] = await Promise.all([check.hget(`${prefix}limit:${hash}`, 'tat'), check.time()]);
        const nowMs = Number(now[0]) * 1000 + Math.floor(Number(now[1]) / 1000);
        return tat !== null && Number(tat) - nowMs > (limit - 1) * 36_000;
      };
      expect(await eventually(full, 10_000)).toBeGreaterThanOrEqual(0);
    } finally {
      check.disconnect();
    }
    const after = (await allowed(g1, key, 60)) + (await allowed(g2, key, 60));

    // The bound: the limit, plus what the other gateway had left when Redis went
    // away (N gateways: the limit + (N - 1) × the allowance left). Before, each
    // gateway started over from 0, and again after the restart: 60 + 200 + 100.
    const total = before + out1 + out2 + reseeding + after;
    expect(out1 + out2).toBeLessThanOrEqual(2 * (limit - 59));
    expect(total).toBeLessThanOrEqual(limit + (limit - 59));
    expect(after).toBe(0);
  });

  it('do not hang starting or stopping: the control plane runs with a frozen Redis, a gateway refuses to start', async () => {
    const bounded = <T>(p: Promise<T>, what: string) => {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within 20 s`)), 20_000);
      });
      return Promise.race([p, hung]).finally(() => clearTimeout(timer));
    };
    server.freeze();
    const env = { PORTCULLIS_REDIS_URL: server.url, PORTCULLIS_REDIS_PREFIX: prefix };
    await expect(bounded(gatewayFor(t, env), 'a gateway start')).rejects.toThrow(/Redis/);
    const plane = await bounded(
      startServer(
        loadConfig({
          PORTCULLIS_DATABASE_URL: t.database.url,
          PORTCULLIS_LOG_LEVEL: 'silent',
          PORTCULLIS_HOST: '127.0.0.1',
          PORTCULLIS_PORT: '0',
          PORTCULLIS_GATEWAY_ENABLED: 'false',
          ...env,
        }),
      ),
      'the control plane start',
    );
    await bounded(plane.stop(), 'the control plane stop');
  });
});
