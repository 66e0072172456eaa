import { readFileSync } from 'node:fs';
import { fromTykDashboardConfig, isTykDashboardConfig } from './tyk-config.js';

/**
 * One typed configuration object, read from the environment and an optional JSON
 * file. The environment wins over the file. Every setting is declared once in
 * SETTINGS: its file key, its environment names, its type and default.
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `auto`: readable lines on a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  enableOwnership: boolean;
  pageSize: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  trustProxy: boolean;
  allowedOrigins: string[];
  sessionTtlMinutes: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  passwordMinLength: number;
  passwordHistory: number;
  bodyLimit: number;
  gatewaySecret: string | undefined;
  /**
   * Encrypts secrets the server must send again (single sign-on client secrets, an OAuth
   * provider's initial access token, DCR registration tokens) and seals the SSO flow's
   * cookie: at least 32 characters, shared by every control-plane process. Without it
   * SSO profiles and OAuth providers cannot be configured.
   */
  secretsKey: string | undefined;
  /** The Dashboard Admin API's secret (Tyk's `admin_secret`, sent as `admin-auth`); without it the Admin API answers 404. */
  adminSecret: string | undefined;
  /** Where people reach this server; links in emails start with it. */
  publicUrl: string;
  /** A folder whose <event>.txt / <event>.html files replace the built-in email templates. */
  emailTemplatesDir: string | undefined;
  /** How often the email outbox looks for mail that is due. */
  outboxPollMs: number;
  /** The gateway's port (consumer traffic); 0 picks a free port. */
  gatewayPort: number;
  /** `start` runs the gateway in the same process unless this is false. */
  gatewayEnabled: boolean;
  /** Redis for shared rate-limit/quota counters and change notices; in-memory counters without it. */
  redisUrl: string | undefined;
  /** The address the gateway listens on. */
  gatewayHost: string;
  /**
   * Where consumers reach the gateway (behind any load balancer), e.g.
   * https://api.example.com: the Live Portal shows each API's address under it.
   * Empty: unknown, and the Live Portal's examples say GATEWAY_ADDRESS.
   */
  gatewayPublicUrl: string;
  /** Prefix of every Redis key and channel the gateway uses, so that deployments can share a Redis. */
  redisPrefix: string;
  /** How long the gateway waits for an upstream before answering 504 (an API's hard_timeouts may say otherwise). */
  gatewayUpstreamTimeoutMs: number;
  /** How often a gateway looks at the database's change counter. */
  gatewayPollMs: number;
  /** Analytics records a gateway keeps while the store cannot take them; the oldest go first. */
  gatewayAnalyticsBuffer: number;
  /** How often a gateway writes its buffered analytics records. */
  gatewayAnalyticsFlushMs: number;
  /** How long a gateway waits for Redis on a request before counting in memory instead. */
  gatewayRedisTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'string'; optional?: boolean }
  | { type: 'list' }
  | { type: 'enum'; values: readonly string[] };

interface Setting {
  key: keyof Config;
  file: string;
  env: string[];
  kind: Kind;
  default: Config[keyof Config];
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number): Kind => ({ type: 'int', min, max });

export const SETTINGS: readonly Setting[] = [
  { key: 'port', file: 'port', env: ['PORTCULLIS_PORT'], kind: int(0, 65535), default: 3000 },
  { key: 'host', file: 'host', env: ['PORTCULLIS_HOST'], kind: { type: 'string' }, default: '0.0.0.0' },
  {
    key: 'databaseUrl',
    file: 'database_url',
    env: ['PORTCULLIS_DATABASE_URL'],
    kind: { type: 'string' },
    default: 'sqlite:./data/portcullis.db',
  },
  { key: 'logLevel', file: 'log_level', env: ['PORTCULLIS_LOG_LEVEL'], kind: { type: 'enum', values: LOG_LEVELS }, default: 'info' },
  { key: 'logFormat', file: 'log_format', env: ['PORTCULLIS_LOG_FORMAT'], kind: { type: 'enum', values: ['auto', 'json', 'pretty'] }, default: 'auto' },
  {
    key: 'enableOwnership',
    file: 'enable_ownership',
    env: ['PORTCULLIS_ENABLE_OWNERSHIP', 'TYK_DB_ENABLEOWNERSHIP'],
    kind: { type: 'bool' },
    default: false,
  },
  { key: 'pageSize', file: 'page_size', env: ['PORTCULLIS_PAGE_SIZE'], kind: int(1, 1000), default: 10 },
  { key: 'adminEmail', file: 'admin_email', env: ['PORTCULLIS_ADMIN_EMAIL'], kind: { type: 'string', optional: true }, default: undefined },
  {
    key: 'adminPassword',
    file: 'admin_password',
    env: ['PORTCULLIS_ADMIN_PASSWORD'],
    kind: { type: 'string', optional: true },
    default: undefined,
  },
  { key: 'trustProxy', file: 'trust_proxy', env: ['PORTCULLIS_TRUST_PROXY'], kind: { type: 'bool' }, default: false },
  { key: 'allowedOrigins', file: 'allowed_origins', env: ['PORTCULLIS_ALLOWED_ORIGINS'], kind: { type: 'list' }, default: [] },
  {
    key: 'sessionTtlMinutes',
    file: 'session_ttl_minutes',
    env: ['PORTCULLIS_SESSION_TTL_MINUTES'],
    kind: int(1, 60 * 24 * 30),
    default: 720,
  },
  {
    key: 'loginMaxFailures',
    file: 'login_max_failures',
    env: ['PORTCULLIS_LOGIN_MAX_FAILURES'],
    kind: int(1, 10_000),
    default: 10,
  },
  {
    key: 'loginWindowMinutes',
    file: 'login_window_minutes',
    env: ['PORTCULLIS_LOGIN_WINDOW_MINUTES'],
    kind: int(1, 24 * 60),
    default: 15,
  },
  {
    key: 'passwordMinLength',
    file: 'password_min_length',
    env: ['PORTCULLIS_PASSWORD_MIN_LENGTH'],
    kind: int(8, 1024),
    default: 8,
  },
  {
    key: 'passwordHistory',
    file: 'password_history',
    env: ['PORTCULLIS_PASSWORD_HISTORY'],
    kind: int(0, 50),
    default: 5,
  },
  {
    key: 'gatewaySecret',
    file: 'gateway_secret',
    env: ['PORTCULLIS_GATEWAY_SECRET'],
    kind: { type: 'string', optional: true },
    default: undefined,
  },
  {
    key: 'secretsKey',
    file: 'secrets_key',
    env: ['PORTCULLIS_SECRETS_KEY'],
    kind: { type: 'string', optional: true },
    default: undefined,
  },
  {
    key: 'adminSecret',
    file: 'admin_secret',
    env: ['PORTCULLIS_ADMIN_SECRET', 'TYK_DB_ADMINSECRET'],
    kind: { type: 'string', optional: true },
    default: undefined,
  },
  { key: 'bodyLimit', file: 'body_limit', env: ['PORTCULLIS_BODY_LIMIT'], kind: int(1024, 1024 * 1024 * 1024), default: 1024 * 1024 },
  { key: 'publicUrl', file: 'public_url', env: ['PORTCULLIS_PUBLIC_URL'], kind: { type: 'string' }, default: 'http://localhost:3000' },
  {
    key: 'emailTemplatesDir',
    file: 'email_templates_dir',
    env: ['PORTCULLIS_EMAIL_TEMPLATES_DIR'],
    kind: { type: 'string', optional: true },
    default: undefined,
  },
  { key: 'outboxPollMs', file: 'outbox_poll_ms', env: ['PORTCULLIS_OUTBOX_POLL_MS'], kind: int(10, 3_600_000), default: 5000 },
  { key: 'gatewayPort', file: 'gateway_port', env: ['PORTCULLIS_GATEWAY_PORT'], kind: int(0, 65535), default: 8080 },
  { key: 'gatewayEnabled', file: 'gateway_enabled', env: ['PORTCULLIS_GATEWAY_ENABLED'], kind: { type: 'bool' }, default: true },
  { key: 'redisUrl', file: 'redis_url', env: ['PORTCULLIS_REDIS_URL'], kind: { type: 'string', optional: true }, default: undefined },
  // Gateway settings (src/gateway) follow.
  { key: 'gatewayHost', file: 'gateway_host', env: ['PORTCULLIS_GATEWAY_HOST'], kind: { type: 'string' }, default: '0.0.0.0' },
  { key: 'gatewayPublicUrl', file: 'gateway_public_url', env: ['PORTCULLIS_GATEWAY_PUBLIC_URL'], kind: { type: 'string' }, default: '' },
  { key: 'redisPrefix', file: 'redis_prefix', env: ['PORTCULLIS_REDIS_PREFIX'], kind: { type: 'string' }, default: 'portcullis:' },
  {
    key: 'gatewayUpstreamTimeoutMs',
    file: 'gateway_upstream_timeout_ms',
    env: ['PORTCULLIS_GATEWAY_UPSTREAM_TIMEOUT_MS'],
    kind: int(100, 3_600_000),
    default: 30_000,
  },
  { key: 'gatewayPollMs', file: 'gateway_poll_ms', env: ['PORTCULLIS_GATEWAY_POLL_MS'], kind: int(10, 60_000), default: 250 },
  {
    key: 'gatewayAnalyticsBuffer',
    file: 'gateway_analytics_buffer',
    env: ['PORTCULLIS_GATEWAY_ANALYTICS_BUFFER'],
    kind: int(100, 10_000_000),
    default: 100_000,
  },
  {
    key: 'gatewayAnalyticsFlushMs',
    file: 'gateway_analytics_flush_ms',
    env: ['PORTCULLIS_GATEWAY_ANALYTICS_FLUSH_MS'],
    kind: int(10, 60_000),
    default: 1000,
  },
  {
    key: 'gatewayRedisTimeoutMs',
    file: 'gateway_redis_timeout_ms',
    env: ['PORTCULLIS_GATEWAY_REDIS_TIMEOUT_MS'],
    kind: int(1, 10_000),
    default: 50,
  },
];

function describe(s: Setting): string {
  return `${s.env[0]} (file key "${s.file}")`;
}

function parseValue(s: Setting, raw: unknown, source: 'env' | 'file'): Config[keyof Config] {
  const k = s.kind;
  const fail = (expected: string): never => {
    throw new ConfigError(`Invalid setting ${describe(s)}: expected ${expected}, got ${JSON.stringify(raw)}`);
  };
  switch (k.type) {
    case 'int': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < k.min || n > k.max) return fail(`an integer from ${k.min} to ${k.max}`);
      return n;
    }
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      if (source === 'env' && typeof raw === 'string') {
        const v = raw.trim().toLowerCase();
        if (['true', '1', 'yes', 'on'].includes(v)) return true;
        if (['false', '0', 'no', 'off', ''].includes(v)) return false;
      }
      return fail('true or false');
    }
    case 'string': {
      if (typeof raw !== 'string' || (raw.trim() === '' && !k.optional)) return fail('a non-empty string');
      return raw.trim() === '' ? undefined : raw;
    }
    case 'list': {
      if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw as string[];
      if (source === 'env' && typeof raw === 'string') {
        return raw
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '');
      }
      return fail('a list of strings');
    }
    case 'enum': {
      if (typeof raw !== 'string' || !k.values.includes(raw)) return fail(`one of ${k.values.join(', ')}`);
      return raw;
    }
  }
}

function readConfigFile(path: string, warn: (message: string) => void): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`Cannot read config file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`Config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`Config file ${path} must hold a JSON object`);
  }
  const known = new Set(SETTINGS.map((s) => s.file));
  if (isTykDashboardConfig(path, parsed as Record<string, unknown>)) {
    // Tyk's tyk_analytics.conf: the shared settings are read, the rest named once and left alone (see tyk-config.ts).
    const { settings, ignored } = fromTykDashboardConfig(path, parsed as Record<string, unknown>, known);
    if (ignored.length > 0) {
      warn(`Tyk Dashboard config file ${path}: ${ignored.length} setting${ignored.length > 1 ? 's have' : ' has'} no Portcullis equivalent and ${ignored.length > 1 ? 'are' : 'is'} ignored: ${ignored.join(', ')}`);
    }
    return settings;
  }
  for (const key of Object.keys(parsed)) {
    if (!known.has(key)) throw new ConfigError(`Unknown setting "${key}" in config file ${path}`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Builds the configuration; throws ConfigError naming the first bad setting.
 * `warn` hears what is read but not acted on (a Tyk Dashboard file's keys without an equivalent).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, configFile?: string, warn: (message: string) => void = () => {}): Config {
  const filePath = configFile ?? env.PORTCULLIS_CONFIG;
  const file = filePath ? readConfigFile(filePath, warn) : {};
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const envName = s.env.find((name) => env[name] !== undefined);
    if (envName !== undefined) out[s.key] = parseValue(s, env[envName], 'env');
    else if (s.file in file) out[s.key] = parseValue(s, file[s.file], 'file');
    else out[s.key] = s.default;
  }
  const config = out as unknown as Config;
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(config.databaseUrl)) {
    throw new ConfigError(
      `Invalid setting PORTCULLIS_DATABASE_URL (file key "database_url"): expected sqlite:PATH or postgres://…, got ${JSON.stringify(config.databaseUrl)}`,
    );
  }
  if (config.gatewaySecret !== undefined && config.gatewaySecret.length < 16) {
    throw new ConfigError('Invalid setting PORTCULLIS_GATEWAY_SECRET (file key "gateway_secret"): must be at least 16 characters');
  }
  if (config.secretsKey !== undefined && config.secretsKey.length < 32) {
    throw new ConfigError('Invalid setting PORTCULLIS_SECRETS_KEY (file key "secrets_key"): must be at least 32 characters');
  }
  if (!/^https?:\/\/[^/]+/.test(config.publicUrl)) {
    throw new ConfigError(`Invalid setting PORTCULLIS_PUBLIC_URL (file key "public_url"): expected http(s)://host[:port], got ${JSON.stringify(config.publicUrl)}`);
  }
  config.publicUrl = config.publicUrl.replace(/\/+$/, '');
  if (config.gatewayPublicUrl !== '' && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(config.gatewayPublicUrl)) {
    throw new ConfigError(
      `Invalid setting PORTCULLIS_GATEWAY_PUBLIC_URL (file key "gateway_public_url"): expected http(s)://host[:port][/path] or nothing, got ${JSON.stringify(config.gatewayPublicUrl)}`,
    );
  }
  config.gatewayPublicUrl = config.gatewayPublicUrl.replace(/\/+$/, '');
  if ((config.adminEmail === undefined) !== (config.adminPassword === undefined)) {
    throw new ConfigError('PORTCULLIS_ADMIN_EMAIL and PORTCULLIS_ADMIN_PASSWORD must be set together');
  }
  return config;
}
