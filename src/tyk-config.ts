import { basename } from 'node:path';
import { ConfigError } from './config.js';

/**
 * Tyk Dashboard's configuration file (tyk_analytics.conf), read for the settings
 * both products share. The file is JSON; its keys become Portcullis file keys:
 *
 * - `enable_ownership`, `page_size`, `admin_secret`: the same meaning, the same key;
 * - `listen_port`: the Dashboard's port (`port`);
 * - `redis_host`, `redis_port`, `redis_password`, `redis_username`,
 *   `redis_database`, `redis_use_ssl`: one `redis_url`.
 *
 * Every other Tyk key (MongoDB or SQL `storage`, `mongo_url`, the gateway
 * connection, SSO, …) has no equivalent: they are returned as `ignored`, to be
 * named once in a warning, and the start goes on.
 */

/** Keys that only Tyk's Dashboard file has: one of them (or a .conf name) marks the file as Tyk's. */
const TYK_MARKERS = ['listen_port', 'tyk_api_config', 'mongo_url', 'redis_host', 'redis_port', 'storage', 'host_config'];

const REDIS_KEYS = ['redis_host', 'redis_port', 'redis_password', 'redis_username', 'redis_database', 'redis_use_ssl'];
const SAME_KEYS = ['enable_ownership', 'page_size', 'admin_secret'];

export function isTykDashboardConfig(path: string, raw: Record<string, unknown>): boolean {
  return basename(path).endsWith('.conf') || TYK_MARKERS.some((k) => k in raw);
}

function fail(path: string, key: string, expected: string, value: unknown): never {
  throw new ConfigError(`Invalid setting "${key}" in Tyk Dashboard config file ${path}: expected ${expected}, got ${JSON.stringify(value)}`);
}

/** The Redis address Tyk's separate settings describe, as one redis:// (rediss:// with redis_use_ssl) URL. */
function redisUrl(path: string, raw: Record<string, unknown>): string | undefined {
  if (raw.redis_host === undefined || raw.redis_host === '') return undefined;
  const host = raw.redis_host;
  if (typeof host !== 'string') return fail(path, 'redis_host', 'a host name', host);
  const port = raw.redis_port ?? 6379;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return fail(path, 'redis_port', 'a port number', port);
  const user = raw.redis_username ?? '';
  const password = raw.redis_password ?? '';
  if (typeof user !== 'string') return fail(path, 'redis_username', 'a string', user);
  if (typeof password !== 'string') return fail(path, 'redis_password', 'a string', password);
  const db = raw.redis_database ?? 0;
  if (typeof db !== 'number' || !Number.isInteger(db) || db < 0) return fail(path, 'redis_database', 'a database number', db);
  const auth = password === '' && user === '' ? '' : `${encodeURIComponent(user)}:${encodeURIComponent(password)}@`;
  const scheme = raw.redis_use_ssl === true ? 'rediss' : 'redis';
  return `${scheme}://${auth}${host.includes(':') ? `[${host}]` : host}:${port}${db === 0 ? '' : `/${db}`}`;
}

/**
 * The Portcullis file settings a Tyk Dashboard file gives, and its keys that
 * have no equivalent. Keys Portcullis itself knows (`known`) are taken as they are.
 */
export function fromTykDashboardConfig(path: string, raw: Record<string, unknown>, known: ReadonlySet<string>): { settings: Record<string, unknown>; ignored: string[] } {
  const settings: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (SAME_KEYS.includes(key) || REDIS_KEYS.includes(key)) continue;
    if (key === 'listen_port') settings.port = value;
    else if (known.has(key)) settings[key] = value;
    else ignored.push(key);
  }
  for (const key of SAME_KEYS) if (key in raw) settings[key] = raw[key];
  const redis = redisUrl(path, raw);
  if (redis !== undefined && !('redis_url' in raw)) settings.redis_url = redis;
  return { settings, ignored: ignored.sort() };
}
