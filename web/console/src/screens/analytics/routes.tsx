import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The Analytics screens, under /admin/analytics. */
export function AnalyticsRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="Analytics" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
