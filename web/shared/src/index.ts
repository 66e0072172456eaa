export { CONSOLE_PREFIX, isReservedPagePath, pages, pageUrl, type PagePath } from '../../../src/links.js';
export { createApiClient, type ApiClient, type paths } from './api/client.js';
export { Markdown, type MarkdownProps } from './markdown.js';
export { ApiError, ensureOk, messageOf } from './api/errors.js';
export { errorFor, isFieldError, splitFieldError, type FieldError } from './field-errors.js';
export { cssVariablesResolver, theme } from './theme.js';
export { signIn, ssoSignInOptions, type SsoAudienceOptions } from './api/sign-in.js';
export { SsoButtons } from './sso-buttons.js';
export {
  durationWords,
  expiryWords,
  formatCount,
  periodWords,
  planWordParts,
  planWords,
  quotaIsUnlimited,
  quotaWords,
  rateIsUnlimited,
  rateLimitWords,
  type PlanLimits,
} from './plan-words.js';
export { PasswordField } from './password-field.js';
export { ConfirmDialog } from './confirm-dialog.js';
