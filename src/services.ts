import { createAccess } from './access/access.js';
import { activityService } from './analytics/activity.service.js';
import { analyticsService } from './analytics/analytics.service.js';
import { apisService } from './apis/apis.service.js';
import { auditService } from './audit/audit.service.js';
import type { AppContext } from './context.js';
import { authenticationService } from './identity/authentication.service.js';
import { bootstrapService } from './identity/bootstrap.service.js';
import { groupsService } from './identity/groups.service.js';
import { signInService } from './identity/sign-in.service.js';
import { usersService } from './identity/users.service.js';
import { keysService } from './keys/keys.service.js';
import { policiesService } from './policies/policies.service.js';
import { adminReviewService } from './portal/accounts/admin-review.service.js';
import { organisationsService } from './portal/accounts/organisations.service.js';
import { settingsService } from './portal/settings/settings.service.js';
import { emailOutbox } from './notify/outbox.js';
import { passwordResetService } from './identity/password-reset.service.js';
import { orgMembersService } from './portal/accounts/org-members.service.js';
import { portalUsersService } from './portal/accounts/portal-users.service.js';
import { registrationService } from './portal/accounts/registration.service.js';
import { contentService } from './portal/content/content.service.js';
import { appearanceService } from './portal/appearance/appearance.service.js';
import { catalogueService } from './portal/catalogue/catalogues.service.js';
import { appsService } from './portal/apps/apps.service.js';
import { accessRequestsService } from './portal/apps/access-requests.service.js';
import { ssoProfilesService } from './identity/sso/sso-profiles.service.js';
import { ssoSignInService } from './identity/sso/sso-sign-in.service.js';
import { oauthService } from './portal/oauth/oauth.service.js';

/**
 * Every domain service, built once per process from the store and the
 * configuration. The access service is built here, once, from the configuration,
 * and handed to every service that decides what an actor may see.
 */
export function createServices(ctx: AppContext) {
  const access = createAccess(ctx.config);
  const policies = policiesService(ctx, { access });
  const apis = apisService(ctx, { access, policies });
  const users = usersService(ctx, { access });
  const email = emailOutbox(ctx);
  const catalogue = catalogueService(ctx, { access });
  const oauth = oauthService(ctx, { access, catalogue, email });
  return {
    auth: authenticationService(ctx),
    users,
    groups: groupsService(ctx, { access }),
    signIn: signInService(ctx),
    bootstrap: bootstrapService(ctx),
    audit: auditService(ctx, { access }),
    apis,
    policies,
    keys: keysService(ctx, { access, apis, policies }),
    analytics: analyticsService(ctx, { access, apis }),
    activity: activityService(ctx, { access, apis }),
    organisations: organisationsService(ctx),
    adminReview: adminReviewService(ctx, { access }),
    settings: settingsService(ctx, { email }),
    email,
    portalUsers: portalUsersService(ctx, { users, email, oauth }),
    registration: registrationService(ctx, { users, email }),
    passwordReset: passwordResetService(ctx, { users, email }),
    orgMembers: orgMembersService(ctx, { users, email }),
    content: contentService(ctx),
    appearance: appearanceService(ctx),
    catalogue,
    apps: appsService(ctx, { access, oauth }),
    accessRequests: accessRequestsService(ctx, { access, catalogue, email, oauth }),
    oauth,
    ssoProfiles: ssoProfilesService(ctx),
    ssoSignIn: ssoSignInService(ctx, { users }),
  };
}

export type Services = ReturnType<typeof createServices>;
