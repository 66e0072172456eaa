import type { FastifyRequest } from 'fastify';
import type { Origin } from '../access/actor.js';

/** The audit-relevant facts of a request; the query string is left out (it can carry secrets). */
export function originOf(request: FastifyRequest): Origin {
  const q = request.url.indexOf('?');
  return {
    ip: request.ip,
    requestId: request.id,
    method: request.method,
    url: q === -1 ? request.url : request.url.slice(0, q),
  };
}
