import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

describe('the portcullis CLI', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    // No tables yet: the first test migrates it.
    db = await createTestDatabase({ schema: 'empty' });
    env = { PORTCULLIS_DATABASE_URL: db.url };
  });
  afterAll(async () => {
    await db.drop();
  });

  it('migrates, bootstraps once, and manages users', async () => {
    const migrate = await runCli(['migrate'], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('Applied');
    expect((await runCli(['migrate'], env)).stdout).toContain('up to date');

    const boot = await runCli(['bootstrap', '--email', 'ops@example.com', '--password', 'ops-password-1'], env);
    expect(boot.code, boot.stderr).toBe(0);
    expect(boot.stdout).toMatch(/Access key \(shown once\): [0-9a-f]{40}/);
    const again = await runCli(['bootstrap', '--email', 'other@example.com', '--password', 'ops-password-1'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already bootstrapped');

    const create = await runCli(['user', 'create', '--email', 'dev@example.com', '--password', 'dev-password-1', '--permissions', 'apis=write,users=read'], env);
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toContain('dashboard-user');
    const list = await runCli(['user', 'list', '--json'], env);
    const users = JSON.parse(list.stdout) as { email: string; role: string; active: boolean }[];
    expect(users.map((u) => [u.email, u.role, u.active])).toEqual([
      ['ops@example.com', 'super-admin', true],
      ['dev@example.com', 'dashboard-user', true],
    ]);
    const reset = await runCli(['user', 'reset-password', '--email', 'dev@example.com', '--password', 'dev-password-2'], env);
    expect(reset.code, reset.stderr).toBe(0);
    const deact = await runCli(['user', 'deactivate', '--email', 'dev@example.com'], env);
    expect(deact.code, deact.stderr).toBe(0);
    const after = JSON.parse((await runCli(['user', 'list', '--json'], env)).stdout) as { email: string; active: boolean }[];
    expect(after.find((u) => u.email === 'dev@example.com')!.active).toBe(false);
    const last = await runCli(['user', 'deactivate', '--email', 'ops@example.com'], env);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('last active administrator');
    const bad = await runCli(['user', 'create', '--email', 'x@example.com', '--permissions', 'warp=write'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"warp"');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['frobnicate'], env)).code).toBe(2);
    expect((await runCli(['user', 'create'], env)).code).toBe(2);
    expect((await runCli([], env)).code).toBe(2);
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: portcullis');
  });

  it('stops at start on an invalid setting, naming it', async () => {
    const bad = await runCli(['migrate'], { ...env, PORTCULLIS_PORT: 'abc' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('PORTCULLIS_PORT');
    const level = await runCli(['migrate'], { ...env, PORTCULLIS_LOG_LEVEL: 'loud' });
    expect(level.code).toBe(1);
    expect(level.stderr).toContain('PORTCULLIS_LOG_LEVEL');
    const url = await runCli(['migrate'], { PORTCULLIS_DATABASE_URL: 'mysql://x' });
    expect(url.code).toBe(1);
    expect(url.stderr).toContain('PORTCULLIS_DATABASE_URL');
    const gateway = await runCli(['migrate'], { ...env, PORTCULLIS_GATEWAY_PUBLIC_URL: 'api.example.com' });
    expect(gateway.code).toBe(1);
    expect(gateway.stderr).toContain('PORTCULLIS_GATEWAY_PUBLIC_URL');
  });

  it('reads a JSON config file, with the environment winning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ database_url: db.url, page_size: 0 }));
    const bad = await runCli(['migrate', '--config', file], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('page_size');
    writeFileSync(file, JSON.stringify({ database_url: 'sqlite:/nonexistent/dir/x.db', page_size: 5 }));
    const envWins = await runCli(['migrate'], { PORTCULLIS_CONFIG: file, PORTCULLIS_DATABASE_URL: db.url });
    expect(envWins.code, envWins.stderr).toBe(0);
    writeFileSync(file, JSON.stringify({ database_url: db.url, colour: 'blue' }));
    const unknown = await runCli(['migrate', '--config', file], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"colour"');
  });
});

describe('portcullis start', () => {
  it('bootstraps from PORTCULLIS_ADMIN_EMAIL once, serves, and shuts down gracefully on SIGTERM', async () => {
    const db = await createTestDatabase();
    try {
      const env = { PORTCULLIS_DATABASE_URL: db.url, PORTCULLIS_ADMIN_EMAIL: 'first@example.com', PORTCULLIS_ADMIN_PASSWORD: 'first-password-1' };
      const server = await startCliServer(env);
      const login = await fetch(`${server.url}/auth/password/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'first@example.com', password: 'first-password-1' }),
      });
      expect(login.status).toBe(200);
      // A change made by another process (the CLI) reaches the running server at once.
      const created = await runCli(['user', 'create', '--email', 'temp@example.com', '--permissions', 'users=read'], { PORTCULLIS_DATABASE_URL: db.url });
      const key = /shown once\): ([0-9a-f]{40})/.exec(created.stdout)![1]!;
      expect((await fetch(`${server.url}/api/users/me`, { headers: { authorization: key } })).status).toBe(200);
      expect((await fetch(`${server.url}/api/users/me`, { headers: { authorization: key } })).status).toBe(200);
      await runCli(['user', 'deactivate', '--email', 'temp@example.com'], { PORTCULLIS_DATABASE_URL: db.url });
      expect((await fetch(`${server.url}/api/users/me`, { headers: { authorization: key } })).status).toBe(401);
      // A request in flight when SIGTERM arrives still completes: half its body is sent
      // before the signal, the rest after it.
      const body = JSON.stringify({ email: 'first@example.com', password: 'first-password-1' });
      const inFlight = new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/auth/password/login`, {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          server.child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 300);
        }, 200);
      });
      expect(await inFlight).toBe(200);
      expect(await server.exited).toBe(0);

      const second = await startCliServer({ ...env, PORTCULLIS_ADMIN_EMAIL: 'second@example.com' });
      const users = JSON.parse((await runCli(['user', 'list', '--json'], { PORTCULLIS_DATABASE_URL: db.url })).stdout) as { email: string }[];
      expect(users.map((u) => u.email)).toEqual(['first@example.com', 'temp@example.com']);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('says in plain words where the console, the Live Portal and the gateway listen and what to do first', async () => {
    const fresh = await createTestDatabase();
    try {
      // Readable lines (as on a terminal, forced here since the test's stdout is a pipe).
      const pretty = await startCliServer({ PORTCULLIS_DATABASE_URL: fresh.url, PORTCULLIS_LOG_FORMAT: 'pretty' });
      const lines = (await pretty.waitForOutput('Next: ')).split('\n');
      expect(lines.find((l) => l.includes('Console (Dashboard and Admin Portal):'))).toMatch(
        new RegExp(`^\\d\\d:\\d\\d:\\d\\d INFO  Console \\(Dashboard and Admin Portal\\): ${pretty.url}/admin/$`),
      );
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`INFO  Live Portal: ${pretty.url}/$`)));
      expect(lines).toContainEqual(expect.stringMatching(/INFO {2}Gateway \(consumer traffic\): http:\/\/127\.0\.0\.1:\d+$/));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`Next: open ${pretty.url}/admin/ in a browser and create the first administrator$`)));
      expect(pretty.output()).not.toContain('{"level"');
      pretty.child.kill('SIGTERM');
      expect(await pretty.exited).toBe(0);

      // Not on a terminal: JSON lines, each with the address as a field; once an administrator exists, the next step is signing in.
      await runCli(['bootstrap', '--email', 'boot@example.com', '--password', 'boot-password-1'], { PORTCULLIS_DATABASE_URL: fresh.url });
      const json = await startCliServer({ PORTCULLIS_DATABASE_URL: fresh.url, PORTCULLIS_GATEWAY_ENABLED: 'false' });
      const records = (await json.waitForOutput('Next: '))
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; url?: string });
      expect(records.find((r) => r.msg.startsWith('Console'))?.url).toBe(`${json.url}/admin/`);
      expect(records.map((r) => r.msg)).toContain(`Next: sign in at ${json.url}/admin/`);
      expect(records.map((r) => r.msg)).toContainEqual(expect.stringMatching(/^Gateway: not started here/));
      json.child.kill('SIGTERM');
      expect(await json.exited).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
