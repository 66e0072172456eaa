import { createApiClient } from '@portcullis/web-shared';

/** The one API client of the Live Portal: same origin, session cookie. */
export const api = createApiClient();
