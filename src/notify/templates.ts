import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmailEvent } from './events.js';

/** One email: a subject, a plain-text body and an HTML body, with {{placeholders}}. */
export interface Template {
  subject: string;
  text: string;
  html: string;
}

const SIGN_OFF_TEXT = '\n\n-- \nThe API portal at {{portal_url}}\n';
const SIGN_OFF_HTML = '<p style="color:#666">The API portal at <a href="{{portal_url}}">{{portal_url}}</a></p>';

function html(...paragraphs: string[]): string {
  return `<!doctype html><html><body style="font-family:sans-serif">${paragraphs.map((p) => `<p>${p}</p>`).join('')}${SIGN_OFF_HTML}</body></html>`;
}

/** The built-in templates (TypeScript, so that the compiled tree carries them). */
export const BUILT_IN: Record<EmailEvent, Template> = {
  'registration-pending': {
    subject: 'New registration awaiting approval: {{email}}',
    text: '{{name}} <{{email}}> registered on the portal and awaits approval.\n\nReview: {{review_url}}' + SIGN_OFF_TEXT,
    html: html('{{name}} &lt;{{email}}&gt; registered on the portal and awaits approval.', '<a href="{{review_url}}">Review the registration</a>'),
  },
  'account-activated': {
    subject: 'Your portal account is active',
    text: 'Hello {{name}},\n\nyour account is active: you can sign in at {{login_url}}' + SIGN_OFF_TEXT,
    html: html('Hello {{name}},', 'your account is active: you can <a href="{{login_url}}">sign in</a>.'),
  },
  'account-deactivated': {
    subject: 'Your portal account was deactivated',
    text: 'Hello {{name}},\n\nyour account was deactivated; you can no longer sign in, and your credentials no longer work.' + SIGN_OFF_TEXT,
    html: html('Hello {{name}},', 'your account was deactivated; you can no longer sign in, and your credentials no longer work.'),
  },
  welcome: {
    subject: 'Welcome to the API portal',
    text: 'Hello {{name}},\n\nwelcome! Sign in at {{login_url}} to browse the catalogue, create apps and request access.' + SIGN_OFF_TEXT,
    html: html('Hello {{name}},', 'welcome! <a href="{{login_url}}">Sign in</a> to browse the catalogue, create apps and request access.'),
  },
  'registration-existing-account': {
    subject: 'Someone tried to register with your address',
    text:
      'Hello {{name}},\n\nsomeone tried to register on the portal with this address, which already has an account. ' +
      'If it was you, sign in at {{login_url}}, or reset your password at {{reset_url}}. Otherwise you can ignore this email.' +
      SIGN_OFF_TEXT,
    html: html(
      'Hello {{name}},',
      'someone tried to register on the portal with this address, which already has an account.',
      'If it was you, <a href="{{login_url}}">sign in</a>, or <a href="{{reset_url}}">reset your password</a>. Otherwise you can ignore this email.',
    ),
  },
  'access-request-submitted': {
    subject: 'Access request: {{product}} / {{plan}} for {{app}}',
    text: '{{name}} <{{email}}> asks for {{product}} on the {{plan}} plan for the app "{{app}}".\n\nReview: {{review_url}}' + SIGN_OFF_TEXT,
    html: html('{{name}} &lt;{{email}}&gt; asks for <b>{{product}}</b> on the <b>{{plan}}</b> plan for the app "{{app}}".', '<a href="{{review_url}}">Review the request</a>'),
  },
  'access-request-approved': {
    subject: 'Access approved: {{product}} for {{app}}',
    text: 'Hello {{name}},\n\nyour request for {{product}} on the {{plan}} plan for "{{app}}" was approved. Your credential is waiting at {{app_url}}\n\n{{comment}}' + SIGN_OFF_TEXT,
    html: html('Hello {{name}},', 'your request for <b>{{product}}</b> on the <b>{{plan}}</b> plan for "{{app}}" was approved.', '{{comment}}', '<a href="{{app_url}}">Get your credential</a>'),
  },
  'access-request-rejected': {
    subject: 'Access request declined: {{product}} for {{app}}',
    text: 'Hello {{name}},\n\nyour request for {{product}} on the {{plan}} plan for "{{app}}" was declined.\n\n{{comment}}' + SIGN_OFF_TEXT,
    html: html('Hello {{name}},', 'your request for <b>{{product}}</b> on the <b>{{plan}}</b> plan for "{{app}}" was declined.', '{{comment}}'),
  },
  'password-reset': {
    subject: 'Reset your portal password',
    text:
      'Hello {{name}},\n\nto choose a new password, open {{reset_url}}\n\nThe link works once and for {{expires_minutes}} minutes. ' +
      'If you did not ask for it, ignore this email: your password stays as it is.' +
      SIGN_OFF_TEXT,
    html: html(
      'Hello {{name}},',
      '<a href="{{reset_url}}">Choose a new password</a>. The link works once and for {{expires_minutes}} minutes.',
      'If you did not ask for it, ignore this email: your password stays as it is.',
    ),
  },
  invite: {
    subject: 'You are invited to {{organisation}} on the API portal',
    text: '{{invited_by}} invites you to join {{organisation}} on the API portal. Register at {{register_url}}\n\nThe link works for {{expires_days}} days.' + SIGN_OFF_TEXT,
    html: html('{{invited_by}} invites you to join <b>{{organisation}}</b> on the API portal.', '<a href="{{register_url}}">Register</a> (the link works for {{expires_days}} days).'),
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Fills {{name}} placeholders. A placeholder with no value is left as it is, so a
 * mistake in an override shows in the mail instead of failing it.
 */
export function fill(template: string, values: Record<string, string>, escape: boolean): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return escape ? escapeHtml(v) : v;
  });
}

function readOverride(dir: string, file: string): string | undefined {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The template of an event: the built-in one, with any part replaced by the
 * override folder's `<event>.subject.txt`, `<event>.txt` or `<event>.html`.
 * Read at each use, so edited overrides apply without a restart.
 */
export function templateFor(event: EmailEvent, overrideDir: string | undefined): Template {
  const base = BUILT_IN[event];
  if (!overrideDir) return base;
  return {
    subject: readOverride(overrideDir, `${event}.subject.txt`)?.trim() ?? base.subject,
    text: readOverride(overrideDir, `${event}.txt`) ?? base.text,
    html: readOverride(overrideDir, `${event}.html`) ?? base.html,
  };
}
