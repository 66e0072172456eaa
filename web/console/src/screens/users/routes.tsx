import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The Users screens, under /admin/users. */
export function UsersRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="Users" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
