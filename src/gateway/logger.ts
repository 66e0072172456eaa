import type { Config } from '../config.js';
import { readable, readableLine } from '../logging.js';

/** The few log calls the gateway makes; a pino logger (the control plane's) fits it. */
export interface GatewayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const ORDER = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * One line per event on stderr (stdout carries the listening address), at or
 * above the configured level: JSON, or readable on a terminal (`log_format`).
 */
export function consoleLogger(config: Pick<Config, 'logLevel' | 'logFormat'>): GatewayLogger {
  const min = ORDER.indexOf(config.logLevel);
  const forPeople = readable(config, process.stderr);
  const line = (lvl: string) => (obj: object, msg: string) => {
    if (ORDER.indexOf(lvl) < min) return;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) fields[k] = v instanceof Error ? { message: v.message, code: (v as { code?: unknown }).code } : v;
    const json = JSON.stringify({ level: lvl, time: new Date().toISOString(), pid: process.pid, msg, ...fields });
    process.stderr.write(forPeople ? readableLine(json) : `${json}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
