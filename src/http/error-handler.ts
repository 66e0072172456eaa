import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { errorBody } from './envelope.js';
import { DomainError, TooManyRequests, type ErrorCode } from '../errors.js';
import { documentErrors } from './openapi.js';
import { describeValidationError } from './validation.js';

/** How a surface writes an error body: the Dashboard's envelope or the portal's. */
export type ErrorShape = (status: number, message: string) => unknown;

export const dashboardErrorShape: ErrorShape = (_status, message) => errorBody(message);

const STATUS_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'Request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Unsupported content type: send application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'body: is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'body: is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Content-Length does not match the body'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'Content-Type header is invalid'],
};

/** The one place a domain error's code becomes an HTTP status. */
const DOMAIN_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  password_change_required: 403,
  account_inactive: 403,
  sso_required: 403,
  not_found: 404,
  conflict: 409,
  already_bootstrapped: 409,
  email_taken: 409,
  too_many_requests: 429,
  bad_gateway: 502,
};

function domainHeaders(err: DomainError): Record<string, string> {
  if (err instanceof TooManyRequests) return { 'retry-after': String(Math.max(1, Math.ceil(err.retryAfterSeconds))) };
  return {};
}

/** Maps every error to a status and a safe message. 5xx never carry internals. */
export function mapError(err: FastifyError | DomainError | Error, request: FastifyRequest): { status: number; message: string; headers: Record<string, string> } {
  if (err instanceof DomainError) return { status: DOMAIN_STATUS[err.code], message: err.message, headers: domainHeaders(err) };
  const fe = err as FastifyError;
  if (fe.validation && fe.validation.length > 0) {
    const first = fe.validation[0]!;
    return { status: 400, message: describeValidationError(first as Parameters<typeof describeValidationError>[0], fe.validationContext), headers: {} };
  }
  if (fe.code && STATUS_CODES[fe.code]) {
    const [status, message] = STATUS_CODES[fe.code]!;
    return { status, message, headers: {} };
  }
  if (err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, message: 'body: is not valid JSON', headers: {} };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, message: fe.message, headers: {} };
  }
  return { status: 500, message: `Internal error; request id ${request.id}`, headers: {} };
}

/**
 * Installs the error handler of a surface. `documentedAs` (a schema with an `$id`)
 * describes the body `shape` writes: the routes added to the scope afterwards
 * document it as their 4XX and 5XX responses.
 */
export function installErrorHandler(app: FastifyInstance, shape: ErrorShape, documentedAs?: TSchema): void {
  if (documentedAs) documentErrors(app, documentedAs);
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, message, headers } = mapError(err, request);
    if (status >= 500) request.log.error({ err, reqId: request.id }, 'request failed');
    else request.log.debug({ status, message }, 'request refused');
    void reply.code(status).headers(headers).send(shape(status, message));
  });
}
