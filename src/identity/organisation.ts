/**
 * The Dashboard organisation. Tyk's Dashboard hosts several organisations and
 * its objects carry the `org_id` of theirs; a Portcullis installation is one
 * organisation, so every Dashboard object that shows `org_id` shows this one
 * (numeric like every other id, as a string). A client that echoes it back is
 * accepted; it is never acted on.
 */
export const DASHBOARD_ORG_ID = '1';

/**
 * Tyk's `password_max_days` (days before a password must change; 0: never).
 * Portcullis has no password expiry, so users and groups show 0; a client that
 * echoes it back is accepted, it is never acted on.
 */
export const PASSWORD_MAX_DAYS = 0;

/**
 * What Tyk sends for a time that was never set (Go's zero time), e.g. the
 * `last_login_date` of a user who never signed in: the field is always there,
 * so clients that read it find it.
 */
export const NEVER = '0001-01-01T00:00:00Z';
