/** The few log calls the gateway makes; a pino logger (the control plane's) fits it. */
export interface GatewayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const ORDER = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** One JSON line per event on stderr (stdout carries the listening address), at or above `level`. */
export function consoleLogger(level: string): GatewayLogger {
  const min = ORDER.indexOf(level);
  const line = (lvl: string) => (obj: object, msg: string) => {
    if (ORDER.indexOf(lvl) < min) return;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) fields[k] = v instanceof Error ? { message: v.message, code: (v as { code?: unknown }).code } : v;
    process.stderr.write(`${JSON.stringify({ level: lvl, time: new Date().toISOString(), pid: process.pid, msg, ...fields })}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
