export { pages, pageUrl, type PagePath } from '../../../src/links.js';
export { PlaceholderPage } from './placeholder-page.js';
export { createApiClient, type ApiClient, type paths } from './api/client.js';
export { Markdown, type MarkdownProps } from './markdown.js';
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
