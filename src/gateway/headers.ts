/**
 * Header hygiene (RFC 9110 §7.6.1): what a request forwards upstream, what a
 * response passes back. Pure functions over header lists.
 */

export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
/** A Connection header that names no other header. */
const PLAIN_CONNECTION = /^\s*(keep-alive|close)\s*$/i;
/** Request headers the gateway sets itself or cannot pass on. */
const REPLACED = new Set(['host', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'expect']);

/** What reading a request's headers yields (an Exchange holds these fields itself: no extra object per request). */
export interface ForwardedRequest {
  /** Forwardable request headers, flat [name, value, …]. */
  headers: string[];
  /** The raw value of the API's credential header, if sent. */
  credential: string | undefined;
  hasBody: boolean;
  contentLength: number;
}

/**
 * Reads the request's headers once into `into`: hop-by-hop ones (and those
 * Connection names) dropped, the credential header noted (and dropped when the
 * API strips it), X-Forwarded-* set from the client address `ip`.
 */
export function readRequestHeaders(raw: string[], authHeader: string, stripAuth: boolean, ip: string, into: ForwardedRequest): void {
  const out = into.headers;
  let host = '';
  let forwardedFor: string | undefined;
  let forwardedHost: string | undefined;
  let forwardedProto: string | undefined;
  let connection: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === authHeader) {
      into.credential ??= value;
      if (stripAuth) continue;
    }
    if (HOP_BY_HOP.has(lower)) {
      if (lower === 'transfer-encoding') into.hasBody = true;
      else if (lower === 'connection') connection = value;
      continue;
    }
    if (REPLACED.has(lower)) {
      if (lower === 'host') host = value;
      else if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
      else if (lower === 'x-forwarded-host') forwardedHost ??= value;
      else if (lower === 'x-forwarded-proto') forwardedProto ??= value;
      continue;
    }
    if (lower === 'content-length') {
      into.contentLength = Number(value) || 0;
      if (into.contentLength > 0) into.hasBody = true;
    }
    out.push(name, value);
  }
  // Clients mostly send "keep-alive" (or "close"): nothing more to drop, and no list to build.
  if (connection !== undefined && !PLAIN_CONNECTION.test(connection)) into.headers = dropConnectionTokens(into.headers, connection);
  into.headers.push('x-forwarded-for', forwardedFor === undefined ? ip : `${forwardedFor}, ${ip}`, 'x-forwarded-host', forwardedHost ?? host, 'x-forwarded-proto', forwardedProto ?? 'http');
}

/** Headers named in Connection are hop-by-hop too. */
function dropConnectionTokens(headers: string[], connection: string): string[] {
  const named = new Set(
    connection
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== '' && t !== 'close' && t !== 'keep-alive' && t !== 'upgrade'),
  );
  if (named.size === 0) return headers;
  const kept: string[] = [];
  for (let i = 0; i < headers.length; i += 2) if (!named.has(headers[i]!.toLowerCase())) kept.push(headers[i]!, headers[i + 1]!);
  return kept;
}

/** An upstream response's headers as passed back: hop-by-hop ones and those its Connection names dropped. */
export function responseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[] | number> {
  const out: Record<string, string | string[] | number> = {};
  const connection = headers.connection;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = value;
  }
  if (typeof connection === 'string' && connection !== 'keep-alive' && connection !== 'close') {
    for (const t of connection.split(',')) delete out[t.trim().toLowerCase()];
  }
  return out;
}

/**
 * An upstream response's raw headers (undici's [name, value, …] buffers) as the
 * flat [name, value, …] list `writeHead` takes: names lower-cased, hop-by-hop
 * ones and those its Connection names dropped. No object is built per response.
 */
export function relayedHeaders(raw: Buffer[]): string[] {
  const out: string[] = [];
  let connection: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    if (HOP_BY_HOP.has(name)) {
      if (name === 'connection') connection = connection === undefined ? value : `${connection}, ${value}`;
      continue;
    }
    out.push(name, value);
  }
  if (connection === undefined || PLAIN_CONNECTION.test(connection)) return out;
  const named = new Set(connection.split(',').map((t) => t.trim().toLowerCase()));
  const kept: string[] = [];
  for (let i = 0; i < out.length; i += 2) if (!named.has(out[i]!)) kept.push(out[i]!, out[i + 1]!);
  return kept;
}
