import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { freePort, REPO, runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/*
 * Issue 14, item 15: `--config tyk_analytics.conf`. The settings both products
 * share are read (enable_ownership, listen_port, page_size, admin_secret, the
 * Redis settings); Tyk's other keys are named once in a warning and the start
 * goes on.
 */

const tykFile = (port: number) => ({
  listen_port: port,
  tyk_api_config: { Host: 'http://tyk-gateway', Port: '8080', Secret: 'gateway-secret' },
  mongo_url: 'mongodb://mongo:27017/tyk_analytics',
  storage: { main: { type: 'postgres', connection_string: 'user=x' } },
  page_size: 7,
  admin_secret: 'tyk-admin-secret-0123456789',
  shared_node_secret: 'node-secret',
  redis_host: '127.0.0.1',
  redis_port: 6379,
  redis_password: '',
  enable_ownership: true,
  host_config: { enable_host_names: false, hostname: 'dashboard.example.com' },
  hash_keys: true,
});

describe('portcullis --config tyk_analytics.conf', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'portcullis-tyk-config-'));
  });
  afterAll(async () => {
    await db.drop();
  });

  it('starts with the shared settings, naming the others once in a warning', async () => {
    const port = await freePort();
    const file = join(dir, 'tyk_analytics.conf');
    writeFileSync(file, JSON.stringify(tykFile(port), null, 2));
    const env: Record<string, string | undefined> = { ...process.env, PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_HOST: '127.0.0.1', PORTCULLIS_GATEWAY_PORT: '0', PORTCULLIS_LOG_LEVEL: 'warn' };
    delete env.PORTCULLIS_PORT;
    delete env.PORTCULLIS_CONFIG;
    const child = spawn(process.execPath, ['dist/main.js', 'start', '--config', file], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      let up = false;
      for (let i = 0; i < 200 && !up && child.exitCode === null; i++) {
        up = await fetch(`${url}/health`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
      expect(up, out).toBe(true);
      // listen_port is the Dashboard's port (checked above); admin_secret opens the Admin API.
      const orgs = await fetch(`${url}/admin/organisations`, { headers: { 'admin-auth': 'tyk-admin-secret-0123456789' } });
      expect(orgs.status).toBe(200);
      expect((await fetch(`${url}/admin/organisations`, { headers: { 'admin-auth': 'wrong' } })).status).toBe(401);
      const warnings = out.split('\n').filter((l) => l.includes('no Portcullis equivalent'));
      expect(warnings, out).toHaveLength(1);
      expect(warnings[0]).toContain('hash_keys, host_config, mongo_url, shared_node_secret, storage, tyk_api_config');
      expect(warnings[0]).not.toMatch(/listen_port|enable_ownership|admin_secret|redis_|page_size/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('maps the shared settings (the environment still wins), and refuses a bad value of one of them', async () => {
    const file = join(dir, 'tyk_analytics.conf');
    writeFileSync(file, JSON.stringify({ ...tykFile(4321), redis_password: 'p@ss', redis_database: 2 }));
    const warnings: string[] = [];
    const config = loadConfig({ PORTCULLIS_DATABASE_URL: db.url }, file, (m) => warnings.push(m));
    expect(config).toMatchObject({
      port: 4321,
      enableOwnership: true,
      pageSize: 7,
      adminSecret: 'tyk-admin-secret-0123456789',
      redisUrl: 'redis://:p%40ss@127.0.0.1:6379/2',
    });
    expect(warnings).toHaveLength(1);
    expect(loadConfig({ PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_PORT: '5000', PORTCULLIS_ENABLE_OWNERSHIP: 'false' }, file)).toMatchObject({ port: 5000, enableOwnership: false });

    // A file named otherwise is still recognised by Tyk's keys.
    const renamed = join(dir, 'dashboard.json');
    writeFileSync(renamed, JSON.stringify({ listen_port: 3001, mongo_url: 'mongodb://x' }));
    expect(loadConfig({ PORTCULLIS_DATABASE_URL: db.url }, renamed).port).toBe(3001);

    writeFileSync(file, JSON.stringify({ ...tykFile(70000) }));
    const bad = await runCli(['migrate', '--config', file], { PORTCULLIS_DATABASE_URL: db.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('port');
    writeFileSync(file, JSON.stringify({ ...tykFile(4000), redis_port: 'six' }));
    const badRedis = await runCli(['migrate', '--config', file], { PORTCULLIS_DATABASE_URL: db.url });
    expect(badRedis.code).toBe(1);
    expect(badRedis.stderr).toContain('redis_port');
    // A plain Portcullis JSON file keeps refusing unknown keys.
    writeFileSync(renamed, JSON.stringify({ colour: 'blue' }));
    expect((await runCli(['migrate', '--config', renamed], { PORTCULLIS_DATABASE_URL: db.url })).code).toBe(1);
  });
});
