import { createApiClient } from '@portcullis/web-shared';

/** The one API client of the console: same origin, session cookie. */
export const api = createApiClient();

export { ApiError, ensureOk, messageOf } from '@portcullis/web-shared';
