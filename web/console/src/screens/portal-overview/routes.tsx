import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AdminPortalOverviewPage } from './overview.js';

/** The Admin Portal's overview, at /admin/portal. */
export function PortalOverviewRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AdminPortalOverviewPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal" backLabel="Back to the Admin Portal" />} />
    </Routes>
  );
}
