import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The User groups screens, under /admin/user-groups. */
export function UserGroupsRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="User groups" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
