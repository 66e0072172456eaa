#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { systemActor } from './access/actor.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { migrateToLatest, openMigratedStore } from './db/migrate.js';
import { openStore } from './db/database.js';
import { DomainError } from './errors.js';
import type { RunningServer } from './server.js';
import type { Services } from './services.js';

const USAGE = `Usage: portcullis <command> [options]

Commands:
  start                         run the Dashboard API, sign-in and portal API
  gateway [--workers N]         run the gateway alone (consumer traffic), N processes sharing its port
  migrate                       bring the database schema up to date
  openapi [--yaml]              print the HTTP API's OpenAPI document (JSON, or YAML)
  bootstrap --email E --password P [--first-name F] [--last-name L]
                                create the first administrator; prints its access key
  user create --email E [--password P] [--first-name F] [--last-name L]
              [--admin] [--permissions apis=write,users=read] [--group ID]
                                create a Dashboard user; prints its access key
  user list [--json]            list Dashboard users
  user deactivate --email E     deactivate a user and end their sessions and key
  user reset-password --email E --password P
                                set a user's password (ends their sessions and key)

Options:
  --config FILE                 JSON configuration file (also PORTCULLIS_CONFIG); Tyk's
                                tyk_analytics.conf is read for the settings both share
  -h, --help                    this text
`;

class UsageError extends Error {}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

function parsePermissionList(spec: string | undefined, admin: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (admin) out.IsAdmin = 'admin';
  if (!spec) return out;
  for (const pair of spec.split(',')) {
    const [k, v] = pair.split('=').map((x) => x.trim());
    if (!k || !v) throw new UsageError(`--permissions takes section=level pairs, got "${pair}"`);
    out[k] = v;
  }
  return out;
}

async function withServices<T>(config: Config, fn: (services: Services) => Promise<T>): Promise<T> {
  const store = await openMigratedStore(config);
  // Each command loads only what it uses: `migrate` or `--help` answer without the HTTP server's modules.
  const { createServices } = await import('./services.js');
  try {
    return await fn(createServices({ store, config }));
  } finally {
    await store.close();
  }
}

async function userIdByEmail(services: Services, email: string): Promise<number> {
  return (await services.users.getByEmail(systemActor('cli:lookup'), email)).id;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      password: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      admin: { type: 'boolean' },
      permissions: { type: 'string' },
      group: { type: 'string' },
      json: { type: 'boolean' },
      yaml: { type: 'boolean' },
      workers: { type: 'string' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(process.env, values.config, (message) => process.stderr.write(`Warning: ${message}\n`));
  const cli = systemActor(`cli:${[command, sub].filter(Boolean).join(' ')}`);

  switch (command) {
    case 'start': {
      // Handlers first: a signal that arrives while the server is still starting stops it once it is up.
      const running: { server?: RunningServer; stopSignal?: string } = {};
      const shutdown = (signal: string) => {
        running.stopSignal = signal;
        const server = running.server;
        if (!server) return;
        server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        server.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            server.app.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
      const { startServer } = await import('./server.js');
      running.server = await startServer(config);
      if (running.stopSignal) shutdown(running.stopSignal);
      return -1;
    }
    case 'migrate': {
      const store = openStore(config.databaseUrl);
      try {
        const applied = await migrateToLatest(store.db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n');
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'openapi': {
      const [{ openApiDocument }, { openApiYaml }] = await Promise.all([import('./openapi-document.js'), import('./http/openapi.js')]);
      const document = await openApiDocument(config);
      process.stdout.write(values.yaml ? openApiYaml(document) : `${JSON.stringify(document, null, 2)}\n`);
      return 0;
    }
    case 'bootstrap': {
      const key = await withServices(config, (s) =>
        s.bootstrap.bootstrap(cli, {
          email: need(values, 'email'),
          password: need(values, 'password'),
          firstName: values['first-name'] ?? 'Admin',
          lastName: values['last-name'] ?? 'User',
        }),
      );
      process.stdout.write(`Bootstrapped the first administrator.\nAccess key (shown once): ${key}\n`);
      return 0;
    }
    case 'user':
      return userCommand(sub, values, config, cli);
    case 'gateway': {
      const workers = values.workers === undefined ? 1 : Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new UsageError(`--workers takes a number from 1 to 256, got "${values.workers}"`);
      const { runGatewayCommand } = await import('./gateway/index.js');
      await runGatewayCommand(config, workers);
      // Pools and timers are closed; exit without waiting on a straggling socket.
      return process.exit(process.exitCode ?? 0);
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

async function userCommand(
  sub: string | undefined,
  values: Record<string, string | boolean | undefined>,
  config: Config,
  cli: ReturnType<typeof systemActor>,
): Promise<number> {
  switch (sub) {
    case 'create': {
      const { user, accessKey } = await withServices(config, (s) =>
        s.users.create(cli, {
          email_address: need(values, 'email'),
          first_name: (values['first-name'] as string | undefined) ?? '-',
          last_name: (values['last-name'] as string | undefined) ?? '-',
          password: values.password as string | undefined,
          user_permissions: parsePermissionList(values.permissions as string | undefined, values.admin === true),
          group_id: values.group as string | undefined,
        }),
      );
      process.stdout.write(`Created user ${user.id} (${user.email}, ${user.role}).\nAccess key (shown once): ${accessKey}\n`);
      return 0;
    }
    case 'list': {
      const { users } = await withServices(config, (s) => s.users.list(cli, -1));
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify(users.map((u) => ({ id: u.id, email: u.email, role: u.role, active: u.active, group_id: u.groupId })))}\n`,
        );
      } else {
        process.stdout.write(`${['ID', 'EMAIL', 'ROLE', 'ACTIVE'].join('\t')}\n`);
        for (const u of users) process.stdout.write(`${[u.id, u.email, u.role, u.active ? 'yes' : 'no'].join('\t')}\n`);
      }
      return 0;
    }
    case 'deactivate': {
      await withServices(config, async (s) => s.users.revoke(cli, await userIdByEmail(s, need(values, 'email'))));
      process.stdout.write(`Deactivated ${values.email as string}; their sessions and access key have ended.\n`);
      return 0;
    }
    case 'reset-password': {
      await withServices(config, async (s) =>
        s.users.changePassword(cli, await userIdByEmail(s, need(values, 'email')), { new_password: need(values, 'password') }),
      );
      process.stdout.write(`Password set for ${values.email as string}; their sessions and access key have ended.\n`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown user command "${sub ?? ''}": use create, list, deactivate or reset-password`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`portcullis: ${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError || err instanceof DomainError) {
      process.stderr.write(`portcullis: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`portcullis: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
