import type { Config } from './config.js';

/** Something pino can write its JSON lines to. */
export interface LogStream {
  write(line: string): void;
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields every record carries that a person reading a terminal does not need. */
const QUIET_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime']);

function clock(time: unknown): string {
  const d = typeof time === 'number' || typeof time === 'string' ? new Date(time) : new Date();
  return Number.isNaN(d.getTime()) ? '--:--:--' : d.toISOString().slice(11, 19);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  if (value instanceof Object && 'message' in value && typeof value.message === 'string') return JSON.stringify(value.message);
  return JSON.stringify(value);
}

/**
 * One JSON log record as one readable line: time, level, message, then the
 * request (method, URL, status, duration) and any other fields as key=value.
 * A line that is not JSON passes through unchanged.
 */
export function readableLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = LEVEL_NAMES[Number(record.level)] ?? String(record.level).toUpperCase();
  const parts = [clock(record.time), level.padEnd(5), String(record.msg ?? '')];
  const req = record.req as { method?: unknown; url?: unknown } | undefined;
  const res = record.res as { statusCode?: unknown } | undefined;
  if (req && typeof req.method === 'string') parts.push(`${req.method} ${String(req.url ?? '')}`);
  if (res && typeof res.statusCode === 'number') parts.push(`→ ${res.statusCode}`);
  if (typeof record.responseTime === 'number') parts.push(`(${record.responseTime.toFixed(1)} ms)`);
  for (const [key, value] of Object.entries(record)) {
    if (QUIET_FIELDS.has(key) || value === undefined) continue;
    if (typeof value === 'string' && typeof record.msg === 'string' && record.msg.includes(value)) continue; // already said
    parts.push(`${key}=${scalar(value)}`);
  }
  return `${parts.filter((p) => p !== '').join(' ')}\n`;
}

/**
 * Where the server's log goes: readable lines when `log_format` is `pretty`, or
 * `auto` on a terminal; otherwise undefined, and pino writes JSON lines to
 * standard output as it always does.
 */
export function logDestination(config: Pick<Config, 'logFormat'>, out: NodeJS.WriteStream = process.stdout): LogStream | undefined {
  if (!readable(config, out)) return undefined;
  return { write: (line) => void out.write(readableLine(line)) };
}

/** Whether a log written to `out` is for people: `pretty`, or `auto` on a terminal. */
export function readable(config: Pick<Config, 'logFormat'>, out: NodeJS.WriteStream): boolean {
  return config.logFormat === 'pretty' || (config.logFormat === 'auto' && out.isTTY === true);
}
