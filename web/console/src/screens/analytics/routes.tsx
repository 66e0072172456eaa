import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { analyticsScope } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { AnalyticsPage } from './analytics-page.js';

/** The Analytics screens, under /admin/analytics. Without `analytics: read` the section does not exist. */
export function AnalyticsRoutes({ user }: { user: CurrentUser }) {
  if (analyticsScope(user) === 'none') return <NotFoundPage />;
  return (
    <Routes>
      <Route index element={<AnalyticsPage user={user} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
