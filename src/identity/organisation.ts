/**
 * The Dashboard organisation. Tyk's Dashboard hosts several organisations and
 * its objects carry the `org_id` of theirs; a Portcullis installation is one
 * organisation, so every Dashboard object that shows `org_id` shows this one
 * (numeric like every other id, as a string). A client that echoes it back is
 * accepted; it is never acted on.
 */
export const DASHBOARD_ORG_ID = '1';
