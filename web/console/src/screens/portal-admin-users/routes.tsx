import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AdminUserCreatePage, AdminUserPage } from './form.js';
import { AdminUsersListPage } from './list.js';

/** Settings > Admin users, under /admin/portal/admin-users. */
export function PortalAdminUsersRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AdminUsersListPage user={user} />} />
      <Route path="new" element={<AdminUserCreatePage user={user} />} />
      <Route path=":id" element={<AdminUserPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/admin-users" backLabel="Back to admin users" />} />
    </Routes>
  );
}
