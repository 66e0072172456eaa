import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AppearancePage } from './appearance-page.js';

/** Settings > Appearance, under /admin/portal/appearance. */
export function PortalAppearanceRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AppearancePage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/appearance" backLabel="Back to Appearance" />} />
    </Routes>
  );
}
