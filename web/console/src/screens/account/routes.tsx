import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The My account screens, under /admin/account. */
export function AccountRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="My account" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
