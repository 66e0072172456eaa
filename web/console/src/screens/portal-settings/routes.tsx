import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { PortalSettingsPage } from './settings-page.js';

/** Settings > General, under /admin/portal/settings. */
export function PortalSettingsRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<PortalSettingsPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/settings" backLabel="Back to the settings" />} />
    </Routes>
  );
}
