import { Alert, Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ChangePasswordPage } from './screens/change-password.js';
import { HomePage } from './screens/home.js';
import { SetupPage } from './screens/setup.js';
import { SignInPage } from './screens/sign-in.js';
import { Shell } from './shell.js';
import { NotFoundPage } from './components/page.js';
import { LoadingBlock } from './components/query-states.js';
import { useBootstrapStatus, useCurrentUser } from './session.js';

// Each section is its own chunk, fetched the first time it is opened (the charts and the editors are large).
const AccountRoutes = lazy(() => import('./screens/account/routes.js').then((m) => ({ default: m.AccountRoutes })));
const AnalyticsRoutes = lazy(() => import('./screens/analytics/routes.js').then((m) => ({ default: m.AnalyticsRoutes })));
const ApisRoutes = lazy(() => import('./screens/apis/routes.js').then((m) => ({ default: m.ApisRoutes })));
const AuditLogRoutes = lazy(() => import('./screens/audit-log/routes.js').then((m) => ({ default: m.AuditLogRoutes })));
const KeysRoutes = lazy(() => import('./screens/keys/routes.js').then((m) => ({ default: m.KeysRoutes })));
const PoliciesRoutes = lazy(() => import('./screens/policies/routes.js').then((m) => ({ default: m.PoliciesRoutes })));
const PortalConsumersRoutes = lazy(() => import('./screens/portal-consumers/routes.js').then((m) => ({ default: m.PortalConsumersRoutes })));
const PortalOverviewRoutes = lazy(() => import('./screens/portal-overview/routes.js').then((m) => ({ default: m.PortalOverviewRoutes })));
const PortalOrganisationsRoutes = lazy(() => import('./screens/portal-organisations/routes.js').then((m) => ({ default: m.PortalOrganisationsRoutes })));
const UserGroupsRoutes = lazy(() => import('./screens/user-groups/routes.js').then((m) => ({ default: m.UserGroupsRoutes })));
const PortalAdminUsersRoutes = lazy(() => import('./screens/portal-admin-users/routes.js').then((m) => ({ default: m.PortalAdminUsersRoutes })));
const PortalSettingsRoutes = lazy(() => import('./screens/portal-settings/routes.js').then((m) => ({ default: m.PortalSettingsRoutes })));
const PortalSsoRoutes = lazy(() => import('./screens/portal-sso/routes.js').then((m) => ({ default: m.PortalSsoRoutes })));
const PortalCataloguesRoutes = lazy(() => import('./screens/portal-catalogues/routes.js').then((m) => ({ default: m.PortalCataloguesRoutes })));
const PortalPlansRoutes = lazy(() => import('./screens/portal-plans/routes.js').then((m) => ({ default: m.PortalPlansRoutes })));
const PortalContentRoutes = lazy(() => import('./screens/portal-content/routes.js').then((m) => ({ default: m.PortalContentRoutes })));
const PortalAccessReviewRoutes = lazy(() => import('./screens/portal-access-review/routes.js').then((m) => ({ default: m.PortalAccessReviewRoutes })));
const PortalProductsRoutes = lazy(() => import('./screens/portal-products/routes.js').then((m) => ({ default: m.PortalProductsRoutes })));
const PortalAccessRequestsRoutes = lazy(() => import('./screens/portal-access-requests/routes.js').then((m) => ({ default: m.PortalAccessRequestsRoutes })));
const PortalAppearanceRoutes = lazy(() => import('./screens/portal-appearance/routes.js').then((m) => ({ default: m.PortalAppearanceRoutes })));
const OAuthProvidersPage = lazy(() => import('./screens/portal-oauth/oauth-providers.js').then((m) => ({ default: m.OAuthProvidersPage })));
const PortalAppsRoutes = lazy(() => import('./screens/portal-apps/routes.js').then((m) => ({ default: m.PortalAppsRoutes })));
const UsersRoutes = lazy(() => import('./screens/users/routes.js').then((m) => ({ default: m.UsersRoutes })));

export function Loading({ label }: { label: string }) {
  return (
    <Center mih="100vh" component="main">
      <Loader aria-label={label} role="status" />
    </Center>
  );
}

function LoadFailed({ message }: { message: string }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Alert color="red" title="The console could not reach the server" maw={480}>
        {message}
      </Alert>
    </Center>
  );
}

/**
 * The console's routes (basename /admin). Until the first administrator exists
 * every address shows the setup page; afterwards the signed-in screens need a
 * session, and a forced password change comes before anything else.
 */
export function App() {
  const bootstrap = useBootstrapStatus();
  if (bootstrap.isPending) return <Loading label="Loading the console" />;
  if (bootstrap.isError) return <LoadFailed message={bootstrap.error.message} />;
  if (!bootstrap.data) {
    return (
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="*" element={<Navigate to="/setup" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/setup" element={<Navigate to="/" replace />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="*" element={<SignedIn />} />
    </Routes>
  );
}

function SignedIn() {
  const me = useCurrentUser();
  if (me.isPending) return <Loading label="Loading your account" />;
  if (me.isError) return <LoadFailed message={me.error.message} />;
  if (me.data === null) return <Navigate to="/sign-in" replace />;
  if (me.data.password_change_required) return <ChangePasswordPage user={me.data} />;
  return (
    <Shell user={me.data}>
      <Suspense fallback={<LoadingBlock label="Loading the screen" />}>
        <Routes>
          <Route path="/" element={<HomePage user={me.data} />} />
          <Route path="/apis/*" element={<ApisRoutes user={me.data} />} />
          <Route path="/policies/*" element={<PoliciesRoutes user={me.data} />} />
          <Route path="/keys/*" element={<KeysRoutes user={me.data} />} />
          <Route path="/analytics/*" element={<AnalyticsRoutes user={me.data} />} />
          <Route path="/users/*" element={<UsersRoutes user={me.data} />} />
          <Route path="/user-groups/*" element={<UserGroupsRoutes user={me.data} />} />
          <Route path="/audit-log/*" element={<AuditLogRoutes user={me.data} />} />
          <Route path="/portal/*" element={<PortalOverviewRoutes user={me.data} />} />
          <Route path="/portal/consumers/*" element={<PortalConsumersRoutes user={me.data} />} />
          <Route path="/portal/organisations/*" element={<PortalOrganisationsRoutes user={me.data} />} />
          <Route path="/portal/admin-users/*" element={<PortalAdminUsersRoutes user={me.data} />} />
          <Route path="/portal/settings/*" element={<PortalSettingsRoutes user={me.data} />} />
          <Route path="/portal/sso/*" element={<PortalSsoRoutes user={me.data} />} />
          <Route path="/portal/catalogues/*" element={<PortalCataloguesRoutes user={me.data} />} />
          <Route path="/portal/plans/*" element={<PortalPlansRoutes user={me.data} />} />
          <Route path="/portal/content/*" element={<PortalContentRoutes user={me.data} />} />
          <Route path="/portal/access-review/*" element={<PortalAccessReviewRoutes user={me.data} />} />
          <Route path="/portal/products/*" element={<PortalProductsRoutes user={me.data} />} />
          <Route path="/portal/access-requests/*" element={<PortalAccessRequestsRoutes user={me.data} />} />
          <Route path="/portal/apps/*" element={<PortalAppsRoutes user={me.data} />} />
          <Route path="/portal/appearance/*" element={<PortalAppearanceRoutes user={me.data} />} />
          <Route path="/portal/oauth-providers" element={<OAuthProvidersPage user={me.data} />} />
          <Route path="/account/*" element={<AccountRoutes user={me.data} />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
