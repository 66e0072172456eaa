import { analyticsScope, can, type Section } from './permissions.js';
import type { CurrentUser } from './session.js';

export interface NavItem {
  label: string;
  /** Path under /admin. */
  to: string;
  /** One line for the home page. */
  summary: string;
  /** Whether the signed-in user may see this section at all. */
  visible: (user: CurrentUser) => boolean;
}

const readable = (section: Section) => (user: CurrentUser) => can(user, section);

/** The Dashboard's sections: the navigation and the home page list exactly those the user may read. */
export const DASHBOARD_SECTIONS: readonly NavItem[] = [
  { label: 'APIs', to: '/apis', summary: 'API definitions, their gateway settings and their owners.', visible: readable('apis') },
  { label: 'Policies', to: '/policies', summary: 'Access rights, rate limits and quotas shared by keys.', visible: readable('policies') },
  { label: 'Keys', to: '/keys', summary: 'Credentials for the gateway, and their remaining quota.', visible: readable('keys') },
  { label: 'Analytics', to: '/analytics', summary: 'Requests, errors and latency over time.', visible: (u) => analyticsScope(u) !== 'none' },
  { label: 'Users', to: '/users', summary: 'Who may use the Dashboard, and with which permissions.', visible: readable('users') },
  { label: 'User groups', to: '/user-groups', summary: 'Permission templates shared by their members.', visible: readable('user_groups') },
  { label: 'Audit log', to: '/audit-log', summary: 'Who changed what, and when.', visible: readable('audit_logs') },
];

/** The Admin Portal's sections (the Developer Portal's administration), for admins and users with `portal`. */
export const ADMIN_PORTAL_SECTIONS: readonly NavItem[] = [
  { label: 'Overview', to: '/portal', summary: 'What waits for a decision, and the first steps of setting up the portal.', visible: (u) => can(u, 'portal') },
  { label: 'Products', to: '/portal/products', summary: 'APIs packaged for consumers: description, documentation and guides.', visible: (u) => can(u, 'portal') },
  { label: 'Plans', to: '/portal/plans', summary: 'Rate limits, quotas and credential expiry consumers may choose.', visible: (u) => can(u, 'portal') },
  { label: 'Catalogues', to: '/portal/catalogues', summary: 'Which products and plans are offered, and to whom.', visible: (u) => can(u, 'portal') },
  { label: 'Access requests', to: '/portal/access-requests', summary: 'Consumers’ requests for a product on a plan: approve or reject.', visible: (u) => can(u, 'portal') },
  { label: 'Apps', to: '/portal/apps', summary: 'Consumers’ apps, what they may call, their credentials: rotate, revoke.', visible: (u) => can(u, 'portal') },
  { label: 'API consumers', to: '/portal/consumers', summary: 'Consumer admins and team members; approve registrations.', visible: (u) => can(u, 'portal') },
  { label: 'Organisations', to: '/portal/organisations', summary: 'API consumers’ organisations and their teams.', visible: (u) => can(u, 'portal') },
  { label: 'Content', to: '/portal/content', summary: 'Blog posts and pages of the Live Portal, in Markdown; draft or published.', visible: (u) => can(u, 'portal') },
  { label: 'Admin users', to: '/portal/admin-users', summary: 'Settings > Admin users: the API Owners who run the portal.', visible: (u) => can(u, 'portal') },
  { label: 'Appearance', to: '/portal/appearance', summary: 'Settings > Appearance: the Live Portal’s name, logo, colour, font, home page, menu and CSS.', visible: (u) => can(u, 'portal') },
  { label: 'OAuth providers', to: '/portal/oauth-providers', summary: 'Settings > OAuth providers: identity providers that register a client per approved request (DCR).', visible: (u) => can(u, 'portal') },
  { label: 'Single sign-on', to: '/portal/sso', summary: 'Settings > Single sign-on: OpenID Connect providers for staff and consumers.', visible: (u) => can(u, 'portal') },
  { label: 'General settings', to: '/portal/settings', summary: 'Settings > General: registration, approval and email.', visible: (u) => can(u, 'portal') },
  { label: 'Access review', to: '/portal/access-review', summary: 'Who holds which role, permissions and APIs; CSV for audits.', visible: (u) => can(u, 'portal') },
];

export function visibleSections(user: CurrentUser): NavItem[] {
  return DASHBOARD_SECTIONS.filter((s) => s.visible(user));
}

export function visibleAdminPortalSections(user: CurrentUser): NavItem[] {
  return ADMIN_PORTAL_SECTIONS.filter((s) => s.visible(user));
}
