import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Outcome } from './counters.js';
import type { ForwardedRequest } from './headers.js';
import type { GatewayApi } from './routing.js';

/** One request on its way through the gateway. */
export interface Exchange extends ForwardedRequest {
  req: IncomingMessage;
  res: ServerResponse;
  api: GatewayApi;
  method: string;
  /** The normalised path (see path.ts): routed, checked, recorded and forwarded. */
  pathname: string;
  search: string;
  start: number;
  upstreamStart: number;
  upstreamMs: number;
  ip: string;
  /** Key hash for analytics ('' keyless or unknown); a JWT session's identity hash. */
  keyHash: string;
  /** A JWT session's ref (state.ts sessionRef), what an open tunnel is checked again with; '' otherwise. */
  session: string;
  /** The OAuth client of a JWT-authenticated request, for analytics ('' otherwise). */
  oauthId: string;
  rate: Outcome | undefined;
  rateLimit: number;
  /** Upstream status, once known. */
  status: number;
  /** What happens once the request is admitted: HTTP forwarding, or a WebSocket handshake. */
  next: (x: Exchange) => void;
}

export function errorBody(message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ error: message, ...extra });
}

export const JSON_TYPE = 'application/json';
