import type { FastifyRequest } from 'fastify';

/*
 * What the request log may say about a request. Secrets travel in URLs (a raw
 * access key as a key id in /api/keys/{keyId}, reset and invitation tokens in
 * emailed links) and in headers (Authorization, Cookie, X-Gateway-Secret). The
 * log line is built here, from an allow-list of fields, with the URL redacted,
 * so no route, present or future, can put one of them in the log by accident.
 */

export const REDACTED = '[redacted]';

/**
 * A path segment right after `keys` is a key id, which may be the raw key:
 * /api/keys/{keyId}, /api/apis/{apiId}/keys/{keyId}. Analytics by key
 * (/api/usage/keys/{from…}) carries dates there.
 */
function isKeyId(segments: string[], i: number): boolean {
  const before = (k: number) => (k >= 0 ? decoded(segments[k]!).toLowerCase() : '');
  return i > 0 && segments[i] !== '' && before(i - 1) === 'keys' && before(i - 2) !== 'usage';
}

/** Query parameters whose value is (or may be) a secret, by name (`state`: a sign-in's, bound to its browser's cookie). */
const SECRET_PARAM = /token|secret|passw|invit|credential|session|cookie|auth|api[-_]?key|access[-_]?key|^key$|^code$|^state$|^sig(nature)?$/i;

/** Header values never logged; the request serializer logs no header at all, this also covers logged header objects. */
export const SECRET_HEADER_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-gateway-secret"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

function decoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function redactPath(path: string): string {
  const segments = path.split('/');
  return segments.map((seg, i) => (isKeyId(segments, i) ? REDACTED : seg)).join('/');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAM.test(decoded(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** The URL with secret-bearing path segments and query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash < 0 ? url : url.slice(0, hash);
  const q = withoutHash.indexOf('?');
  if (q < 0) return redactPath(withoutHash);
  return `${redactPath(withoutHash.slice(0, q))}?${redactQuery(withoutHash.slice(q + 1))}`;
}

/** The request as the log shows it: Fastify's default fields, the URL redacted, no headers. */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
