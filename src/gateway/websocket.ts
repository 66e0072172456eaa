/**
 * WebSocket upgrades. A connection becomes a byte tunnel only for a
 * well-formed handshake (RFC 6455 §4.1) on an API with `enable_websockets`,
 * after the gateway's usual admission, and only once the upstream answered a
 * real `101 Switching Protocols` accepting that handshake. Any other answer is
 * relayed as a normal response and the connection is closed: no byte is ever
 * piped on a connection that did not switch protocols.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest, STATUS_CODES, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { HOP_BY_HOP } from './headers.js';

const WEBSOCKET_KEY = /^[A-Za-z0-9+/]{22}==$/;

function hasToken(value: string | undefined, token: string): boolean {
  if (value === undefined) return false;
  for (const t of value.split(',')) if (t.trim().toLowerCase() === token) return true;
  return false;
}

/** Why this upgrade request is not a WebSocket handshake the gateway tunnels; null when it is one. */
export function handshakeProblem(method: string, headers: IncomingHttpHeaders): string | null {
  if (!hasToken(headers.upgrade, 'websocket')) return 'only WebSocket upgrades are supported';
  if (method !== 'GET') return 'a WebSocket handshake must be a GET';
  if (!hasToken(headers.connection, 'upgrade')) return 'a WebSocket handshake must say "Connection: Upgrade"';
  const key = headers['sec-websocket-key'];
  if (typeof key !== 'string' || !WEBSOCKET_KEY.test(key)) return 'Sec-WebSocket-Key must be 16 bytes in base64';
  if (headers['sec-websocket-version'] !== '13') return 'Sec-WebSocket-Version must be 13';
  return null;
}

/** The Sec-WebSocket-Accept that proves an upstream understood the handshake (RFC 6455 §4.2.2). */
export function websocketAccept(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** How long a closing connection may take to hear the client's end before it is cut. */
const LINGER_MS = 5_000;

/**
 * Ends a raw connection once `data` is written. Whatever the client sends
 * meanwhile is read and discarded (never parsed, never forwarded), so that the
 * client's end arrives and the socket closes.
 */
export function endConnection(socket: Duplex, data?: string): void {
  socket.resume();
  if (data === undefined) socket.end();
  else socket.end(data);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** A response written by hand on a raw socket, which is then closed. */
export function writeAndClose(socket: Duplex, status: number, headers: Record<string, string | number>, body: string): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`];
  for (const [k, v] of Object.entries(headers)) if (k !== 'content-length' && k !== 'connection') lines.push(`${k}: ${v}`);
  lines.push(`content-length: ${Buffer.byteLength(body)}`, 'connection: close');
  endConnection(socket, `${lines.join('\r\n')}\r\n\r\n${body}`);
}

export interface HandshakeRequest {
  origin: string;
  /** Path and query to request upstream. */
  path: string;
  /** Forwardable request headers, flat [name, value, …] (Sec-WebSocket-* included, hop-by-hop dropped). */
  headers: string[];
  /** The client's Sec-WebSocket-Key. */
  key: string;
  timeoutMs: number;
}

export interface HandshakeEvents {
  /** The upstream switched protocols: the client socket is now a tunnel (call `close` to cut it). */
  switched(): void;
  /** The upstream answered something else, relayed to the client with the connection closed. */
  relayed(status: number): void;
  /** No usable answer: the caller refuses (502, or 504 when `timedOut`). */
  failed(timedOut: boolean): void;
}

/**
 * Sends the handshake upstream and, on a 101 that accepts it, joins the two
 * sockets. `head` holds bytes the client sent after its handshake.
 */
export function handshake(client: Duplex, head: Buffer, h: HandshakeRequest, on: HandshakeEvents): { close(): void } {
  const target = new URL(h.origin);
  const secure = target.protocol === 'https:';
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < h.headers.length; i += 2) {
    const name = h.headers[i]!.toLowerCase();
    const prior = headers[name];
    headers[name] = prior === undefined ? h.headers[i + 1]! : ([] as string[]).concat(prior, h.headers[i + 1]!);
  }
  headers.host = target.host;
  headers.connection = 'Upgrade';
  headers.upgrade = 'websocket';
  const options = { host: target.hostname, port: Number(target.port) || (secure ? 443 : 80), method: 'GET', path: h.path, headers, agent: false as const, timeout: h.timeoutMs, ...(secure ? { servername: target.hostname } : {}) };
  const req: ClientRequest = secure ? httpsRequest(options) : httpRequest(options);
  let done = false;
  let upstream: Socket | undefined;
  const finish = () => {
    done = true;
    req.setTimeout(0);
  };
  req.on('timeout', () => {
    if (done) return;
    finish();
    req.destroy();
    on.failed(true);
  });
  req.on('error', () => {
    if (done) return;
    finish();
    on.failed(false);
  });
  req.on('upgrade', (res: IncomingMessage, socket: Socket, upstreamHead: Buffer) => {
    if (done) return socket.destroy();
    finish();
    upstream = socket;
    const accept = res.headers['sec-websocket-accept'];
    if (res.statusCode !== 101 || !hasToken(res.headers.upgrade, 'websocket') || accept !== websocketAccept(h.key)) {
      socket.destroy();
      on.failed(false);
      return;
    }
    const lines = ['HTTP/1.1 101 Switching Protocols'];
    for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    client.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) client.write(upstreamHead);
    if (head.length > 0) socket.write(head);
    socket.on('error', () => client.destroy());
    socket.on('close', () => client.destroy());
    client.on('close', () => socket.destroy());
    socket.pipe(client);
    client.pipe(socket);
    on.switched();
  });
  req.on('response', (res: IncomingMessage) => {
    if (done) return res.destroy();
    finish();
    // Not switched: an ordinary answer, passed on once, then the connection ends.
    const lines = [`HTTP/1.1 ${res.statusCode ?? 502} ${STATUS_CODES[res.statusCode ?? 502] ?? ''}`];
    const named = new Set((typeof res.headers.connection === 'string' ? res.headers.connection : '').split(',').map((t) => t.trim().toLowerCase()));
    for (let i = 0; i < res.rawHeaders.length; i += 2) {
      const lower = res.rawHeaders[i]!.toLowerCase();
      if (HOP_BY_HOP.has(lower) || named.has(lower)) continue;
      lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    }
    lines.push('connection: close');
    client.write(`${lines.join('\r\n')}\r\n\r\n`);
    // Bytes the client writes from now on are discarded: this connection carries nothing more.
    client.resume();
    res.on('error', () => client.destroy());
    res.on('data', (chunk: Buffer) => {
      if (!client.write(chunk)) res.pause();
    });
    client.on('drain', () => res.resume());
    res.on('end', () => {
      req.destroy();
      endConnection(client);
    });
    on.relayed(res.statusCode ?? 502);
  });
  client.on('close', () => {
    if (!done) {
      finish();
      req.destroy();
    }
  });
  req.end();
  return {
    close() {
      upstream?.destroy();
      client.destroy();
      req.destroy();
    },
  };
}
