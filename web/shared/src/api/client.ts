import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

/**
 * The typed client of the Portcullis HTTP API, generated from its OpenAPI
 * document. The web apps are served by the same origin, so the session cookie
 * travels with every call and no access key is ever kept in the browser.
 */
export function createApiClient(baseUrl = '') {
  return createClient<paths>({ baseUrl, credentials: 'same-origin' });
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type { paths };
