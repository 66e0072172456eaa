import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { SsoProfileCreatePage, SsoProfileEditPage } from './sso-form.js';
import { SsoProfilesPage } from './sso-list.js';

/** Settings > Single sign-on, under /admin/portal/sso. */
export function PortalSsoRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<SsoProfilesPage user={user} />} />
      <Route path="new" element={<SsoProfileCreatePage user={user} />} />
      <Route path=":id" element={<SsoProfileEditPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/sso" backLabel="Back to single sign-on" />} />
    </Routes>
  );
}
