import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The APIs screens, under /admin/apis. */
export function ApisRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="APIs" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
