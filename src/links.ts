/**
 * The pages the product serves, in one typed map: every email link, redirect and
 * `Location` the server produces is built here, and the web apps route on the
 * same paths (web/shared re-exports this module). The console lives under
 * /admin/, the Live Portal at the root.
 */

const enc = encodeURIComponent;

export const pages = {
  /** Live Portal: the home page. */
  portalHome: () => '/',
  /** Live Portal: sign in (staff and consumers alike; staff are sent on to the console). */
  signIn: () => '/auth/password/login',
  /** Live Portal: self-registration, or accepting an invitation when a token is given. */
  register: (invite?: string) => (invite === undefined ? '/auth/password/register' : `/auth/password/register?invite=${enc(invite)}`),
  /** Live Portal: ask for a password reset link. */
  forgotPassword: () => '/auth/password/new',
  /** Live Portal: choose a new password through a reset link. */
  resetPassword: (token: string) => `/auth/password/reset?token=${enc(token)}`,
  /** Live Portal: a product of a catalogue the visitor may see, with its plans, APIs and guides. */
  product: (productId: number) => `/portal/catalogue-products/${productId}`,
  /** Live Portal: one of a product's Markdown guides. */
  productGuide: (productId: number, guideId: number) => `/portal/catalogue-products/${productId}/guides/${guideId}`,
  /** Live Portal: a signed-in consumer's dashboard (apps, requests, credentials). */
  consumerDashboard: () => '/portal/dashboard',
  /** Live Portal: one of the consumer's apps. */
  consumerApp: (appId: number) => `/portal/apps/${appId}`,
  /** Live Portal: the usage (calls, errors, latency over time) of one of the consumer's apps. */
  consumerAppUsage: (appId: number) => `/portal/apps/${appId}/usage`,
  /** Live Portal: the signed-in consumer's name and password. */
  profile: () => '/portal/profile',
  /** Live Portal: a consumer-admin's organisation (members, invitations). */
  organisation: () => '/portal/organisation',
  /** Live Portal: the API reference of one API of a product, rendered from its OpenAPI document. */
  apiReference: (productId: number, apiId: string) => `/portal/catalogue-products/${productId}/apis/${enc(apiId)}/reference`,
  /** Live Portal: the blog. */
  blog: () => '/blog',
  /** Live Portal: a published blog post, by its Path (already URL-safe: lowercase letters, digits, -, _ and /). */
  portalPost: (path: string) => `/blog/${path}`,
  /** Live Portal: a published page, by its Path (already URL-safe), at the root. */
  portalPage: (path: string) => `/${path}`,
  /** Console: home (Dashboard and Admin Portal). */
  consoleHome: () => '/admin/',
  /** Console: the Admin Portal's overview, where API Owners land after signing in. */
  adminPortalHome: () => '/admin/portal',
  /** Console: an access request to review. */
  accessRequestReview: (requestId: number) => `/admin/portal/access-requests/${requestId}`,
  /** Console: a Developer Portal user (e.g. a registration to approve). */
  portalUser: (userId: number) => `/admin/portal/consumers/${userId}`,
} as const;

export type PagePath = ReturnType<(typeof pages)[keyof typeof pages]>;

/** A page's absolute URL under the server's public URL (no trailing slash), for emails. */
export function pageUrl(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`;
}

/** Where the web apps live: the console under its prefix, the Live Portal everywhere else. */
export const CONSOLE_PREFIX = '/admin';

/** Path prefixes that belong to the HTTP APIs: unknown paths there answer JSON 404, never a page. */
export const API_PREFIXES = ['/api/', '/portal-api/', '/portal/api/', '/gateway/'] as const;

/**
 * First path segments a content page may not take: the portal's own pages
 * (auth, portal, blog), the console, the HTTP APIs, the web apps' assets and
 * the server's health and metrics. A page at /<path> never hides any of them.
 */
export const RESERVED_PAGE_ROOTS = ['admin', 'api', 'assets', 'auth', 'blog', 'gateway', 'health', 'metrics', 'portal', 'portal-api'] as const;

/** Whether a content page's Path (already normalised, no leading /) would collide with one of the product's own addresses. */
export function isReservedPagePath(path: string): boolean {
  const root = path.split('/', 1)[0]!;
  return (RESERVED_PAGE_ROOTS as readonly string[]).includes(root);
}

/** Whether a request path (without query) names an HTTP API rather than a page. */
export function isApiPath(path: string): boolean {
  if (path === '/api' || path === '/portal-api' || path === '/portal/api' || path === '/health' || path === '/metrics') return true;
  return API_PREFIXES.some((p) => path.startsWith(p));
}
