import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AppPage } from './app-page.js';
import { AppsListPage } from './apps-list.js';

/** Consumers' apps, under /admin/portal/apps. */
export function PortalAppsRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AppsListPage user={user} />} />
      <Route path=":id" element={<AppPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/apps" backLabel="Back to apps" />} />
    </Routes>
  );
}
