/**
 * The emails Portcullis sends, and what each template may use. Every template
 * also receives `portal_url` (the public URL) and `recipient` (the address).
 */
export interface EmailEvents {
  /** To the administrators' notification address: someone registered and awaits approval. */
  'registration-pending': { name: string; email: string; review_url: string };
  /** To a consumer: an administrator activated their account (approval of a registration too). */
  'account-activated': { name: string; login_url: string };
  /** To a consumer: their account was deactivated. */
  'account-deactivated': { name: string };
  /** To a new consumer whose account is active (auto-approved, or created by an administrator). */
  welcome: { name: string; login_url: string };
  /** To the owner of an address someone tried to register again. */
  'registration-existing-account': { name: string; login_url: string; reset_url: string };
  /** To the administrators' notification address: a consumer asked for access. */
  'access-request-submitted': { name: string; email: string; app: string; product: string; plan: string; review_url: string };
  /** To the consumer: their access request was approved (`comment`: the administrator's, "Comment: …", or empty). */
  'access-request-approved': { name: string; app: string; product: string; plan: string; app_url: string; comment: string };
  /** To the consumer: their access request was rejected (`comment`: the administrator's, "Comment: …", or empty). */
  'access-request-rejected': { name: string; app: string; product: string; plan: string; comment: string };
  /** To the account's address: a single-use link, valid 30 minutes. */
  'password-reset': { name: string; reset_url: string; expires_minutes: string };
  /** To an invited address: a registration link into an organisation. */
  invite: { organisation: string; invited_by: string; register_url: string; expires_days: string };
}

export type EmailEvent = keyof EmailEvents;

export const EMAIL_EVENTS: readonly EmailEvent[] = [
  'registration-pending',
  'account-activated',
  'account-deactivated',
  'welcome',
  'registration-existing-account',
  'access-request-submitted',
  'access-request-approved',
  'access-request-rejected',
  'password-reset',
  'invite',
];
